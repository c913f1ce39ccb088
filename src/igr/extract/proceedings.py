"""Records of proceedings (debates, statements, questions and answers): who speaks, who answers, for whom.

Why apart from document.py: a parliamentary record has no byline and no letterhead. Its author is the minister
who answers or makes the statement: named by a written answer's "Answered by", by the chair calling them ("I
call on the Cabinet Secretary to make his statement—Mark Drakeford"), by the speaker headers of the record's
publisher, or only by post in the item's heading ("Questions to the Counsel General"). Its publisher is that
minister's government, else the government answerable to the chamber. The patterns are the profiles' data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from igr.extract import publishers as P
from igr.extract.people import role_government
from igr.extract.rules import rule

# Whoever presides speaks for no government: the Speaker, the Llywydd, a convener.
CHAIR = rule(
    "proceedings.chair",
    re.compile(
        r"(?i)\b(?:(?:Deputy |Principal Deputy |Lord )?Speaker|(?:Deputy )?Presiding Officer|(?:Dirprwy )?L[l]?ywydd|"
        r"Convener|Chair(?:man|woman)?|Cadeirydd)\b"
    ),
)
# Words that make a label's object a post or an institution rather than a person ("Answered by: the Minister for
# X", "Questions to the Scottish Government", "Cwestiynau i'r Cwnsler Cyffredinol").
POSTISH = re.compile(
    r"\b(?:Minister|Secretary|Counsel|Chancellor|Trefnydd|Leader|Government|Executive|Office|Department|Cabinet|"
    r"Treasury|Advocate|Attorney|Paymaster|Llywodraeth|Lywodraeth|Gweithrediaeth|[GW]w?einidog|Ysgrifennydd|"
    r"Cwnsler|Arweinydd|Prif)\b"
)
# A name as a record prints it: capitalised words, a peer's title and territorial "of" allowed.
NAME_RUN = re.compile(
    r"(?:(?:Lord|Baroness|Lady|Sir|Dame|Dr|Mr|Mrs|Ms|Miss)\s+)?[A-Z][\w'’.-]+(?:\s+(?:of\s+)?[A-Z][\w'’.-]+){0,4}"
)
# A turn that asks rather than answers: a question on the order paper, or a supplementary ending "?".
ASKING = re.compile(r"\?\s*(?:\(?[A-Z0-9-]{4,12}\)?)?\s*$")


@dataclass
class Turn:
    """One contribution: where its header and its words are, and who made it."""

    start: int
    body_start: int
    end: int
    name: str | None
    role: str | None
    presiding: bool = False  # the chair's words: calling speakers, reminding Members of the rules


def turns(text: str, profiles: tuple[P.Profile, ...]) -> list[Turn]:
    """The record's contributions, from the speaker headers its publishers use."""
    heads: list[tuple[int, int, str | None, str | None]] = []
    for r in P.rules(profiles, "speaker"):
        for m in r.finditer(text):
            if not any(h[0] <= m.start() < h[1] for h in heads):
                # A name without its honorific ("Ms Doe" -> "Doe"; a peer keeps "Baroness"); a post without its article.
                name = (
                    re.sub(
                        r"^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?\s+",
                        "",
                        (m.groupdict().get("name") or "").strip(),
                    )
                    or None
                )
                role = re.sub(r"^(?:The|Y|Yr)\s+", "", (m.groupdict().get("role") or "").strip()) or None
                heads.append((m.start(), m.end(), name, role))
    heads.sort()
    out = []
    presiding = P.rules(profiles, "presiding")
    for i, (a, b, name, role) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        out.append(Turn(a, b, end, name, role, any(r.search(text, b, end) for r in presiding)))
    return out


def is_record(text: str, kind: str, profiles: tuple[P.Profile, ...]) -> bool:
    """A parliamentary record: published by a parliament's profile, or an unattributed text that reads as one."""
    if profiles[0].kind == "parliament":
        return True
    return kind == "other" and (
        bool(P.first_match(text[: P.HEAD], profiles, "question")) or bool(P.chamber_government(text[:400]))
    )


def _reporting(text: str, found: list[Turn], profiles: tuple[P.Profile, ...]) -> Turn | None:
    """The speaker who answers or reports: not the chair, and the one who says most outside questions."""

    def said(t: Turn) -> int:
        """Words the speaker says outside questions (a question ends "?" or opens "To ask")."""
        body = text[t.body_start : t.end].strip()
        asking = ASKING.search(body) or any(r.match(body) for r in P.rules(profiles, "question"))
        return 0 if asking else len(body.split())

    best: tuple[int, Turn] | None = None
    for t in found:
        if t.name is None or CHAIR.search(t.name) or (t.role and CHAIR.search(t.role)) or t.presiding:
            continue
        words = sum(said(o) for o in found if o.name == t.name)
        if words and (best is None or words > best[0]):
            best = (words, t)
    return best[1] if best else None


def _is_name(who: str) -> bool:
    """A person's name, not a post or an institution: the words after "Answered by" may be either."""
    return not POSTISH.search(who) and bool(NAME_RUN.fullmatch(who.strip()))


def author(text: str, profiles: tuple[P.Profile, ...]) -> tuple[list[dict], int, int]:
    """The minister who answers or makes the statement, by name where the record gives it, else by post."""
    head = text[: P.HEAD]
    labels = [m for r in P.rules(profiles, "answering") for m in r.finditer(head)]
    named = min((m for m in labels if _is_name(m["who"])), key=lambda m: m.start(), default=None)
    post = min((m for m in labels if not _is_name(m["who"])), key=lambda m: m.start(), default=None)
    role = post["who"].strip() if post else None
    if named:
        return [{"name": named["who"].strip(), "role": role}], named.start("who"), named.end("who")
    # The chair calls the next speaker by post, and often by name after a dash.
    called = P.earliest(head, profiles, "presiding")
    by_name = (called.groupdict().get("name") or "") if called else ""
    by_post = (called.groupdict().get("role") or "").strip() if called else ""
    if called and by_name:
        return [{"name": by_name, "role": role or by_post or None}], called.start("name"), called.end("name")
    if called and by_post and _is_name(by_post):  # "I call Jane Doe to open the debate"
        return [{"name": by_post, "role": role}], called.start("role"), called.end("role")
    role = role or by_post or None
    # The turns' words are read without the page's furniture ("Share this specific contribution").
    speaker = _reporting(P.blank_furniture(text, profiles), turns(text, profiles), profiles)
    if speaker:
        return [{"name": speaker.name, "role": role or speaker.role}], speaker.start, speaker.body_start
    if post and role:
        return [{"name": None, "role": role}], post.start("who"), post.end("who")
    return [], 0, 0


def government(text: str, profiles: tuple[P.Profile, ...], authors: list[dict]) -> str | None:
    """The government whose minister speaks: only a minister answerable to a chamber answers in it, so the
    chamber's government, else the parliament's whose record it is, else the minister's post says."""
    return (
        P.chamber_government(text[: P.HEAD])
        or next((p.government for p in profiles if p.kind == "parliament" and p.government), None)
        or next((gov for a in authors if (gov := role_government(a.get("role")))), None)
    )


def presiding_spans(text: str, profiles: tuple[P.Profile, ...]) -> list[tuple[int, int]]:
    """The chair's turns (calling speakers, reminding Members of the rules): procedure, not the business."""
    return [(t.start, t.end) for t in turns(text, profiles) if t.presiding]
