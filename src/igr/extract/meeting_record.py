"""One meeting's record: its fields from the text that reports it, its attendees, the author's part, the chair.

Why apart from record.py: record.py decides which meetings a document reports and where each is told; this reads
one of them, and records where each value came from.
"""

from __future__ import annotations

import re
from typing import Any

from igr.extract import meetings as M
from igr.extract.attendance import extract_attendees
from igr.extract.forums import OPEN_PREFIX, forum_tier, is_open
from igr.extract.gazetteer import BodyHit, fold, gazetteer
from igr.extract.groups import drop_held_posts, name_unnamed
from igr.extract.people import Person, role_government
from igr.extract.readers import guess_language
from igr.extract.rules import rule

# The author took part: the first person as the subject of taking part, or listed among those who attended
# ("attended by ... and myself", "and by me as deputy First Minister", "a minnau"); English, then Welsh.
AUTHOR_ATTENDED = rule(
    "record.author_attended",
    re.compile(
        r"\b(?:I|We)\s+(?:also\s+|then\s+|again\s+)?(?:attended|represented|chaired|joined|took part|participated|raised|"
        r"expressed|highlighted|emphasised|re-?emphasised|stated|reiterated|re-iterated|outlined|welcomed|pressed|noted|"
        r"made (?:clear|the|three|two)|called|urged|discussed|informed|requested|praised|opened|asked|set out|"
        r"was accompanied|will (?:attend|continue to press|call|represent|raise|update))\b|"
        r"(?:provided|gave) me (?:with )?(?:the |an )?opportunity|In contributing|"
        r"(?:\b(?:attended by|and|as well as)\s+(?:by\s+)?(?:myself|me)\b(?!\s+(?:to|that|with|about))|\bmyself\s+(?:and|on behalf of)\b|"
        r"\b(?:a|ac)\s+minnau\b|\bminnau['’]n\b)|"
        # Welsh: first-person past verbs ("mynychais", "cynrychiolais", "dywedais"), "fy mod wedi mynychu", "roeddem yn bresennol".
        r"\b(?:mynych|cynrychiol|[cg]adeiri|cod|pwysleis|dywed|croesaw|galw|nod|amlinell|ailadrodd|pwys|gofynn|eglur|"
        r"myneg|cyfrann|tynn|cyflwyn|rhann|[cg]ef|[cg]ymer)ais\b|\b(?:fy|ein) (?:mod|bod) wedi (?:mynychu|cynrychioli|bod yn bresennol|"
        r"cymryd rhan)|\broedd(?:wn|em) yn bresennol|\bgwneuthum\b",
        re.I,
    ),
)
AUTHOR_ABSENT = rule(
    "record.author_absent",
    re.compile(
        r"\bI (?:was |am )?(?:not able|unable|could not|did not|cannot|can't)(?: to)? (?:attend|participate|join)|"
        r"(?:\bNid oeddwn yn gallu|\bni allwn fod yn bresennol)",
        re.I,
    ),
)


def _person_dict(p: Person) -> dict[str, Any]:
    g = gazetteer()
    return {
        "name": p.name,
        "role": p.role,
        "government": g.government_name(p.government),
        "capacity": p.capacity,
    }


def meeting(
    text: str,
    scope: tuple[int, int],
    people_scope: tuple[int, int],
    forum: BodyHit | None,
    date: str | None,
    authors: list[dict],
    gov_key: str | None,
    kind: str,
    communique: bool,
    path: str,
    note: Any,
    said: bool = False,
    parties: frozenset[str] | None = None,
    ref: Any = None,
) -> dict[str, Any]:
    """One meeting's record from the text that reports it: mode, place, attendees, chair, topics."""
    # The main meeting's ordinal may sit in the title ("38th meeting of ..."); another's only in its paragraph.
    o_from = 0 if path == "meetings[0]" else people_scope[0]
    ordinal, os_, oe = M.ordinal(text[o_from : scope[1]])
    if ordinal:
        note(f"{path}.meeting_ordinal", o_from + os_, o_from + oe, 0.8)
    mode, location, ls, le = M.mode_and_location(text[scope[0] : scope[1]])
    if location:
        note(f"{path}.location", scope[0] + ls, scope[0] + le, 0.6)
    body = text[people_scope[0] : people_scope[1]]
    past = bool(date and ref and len(date) == 10 and date < ref.isoformat())
    people = name_unnamed(extract_attendees(body, people_scope[0], gov_key, past), body)
    _add_author(people, authors, body, gov_key, kind, said)
    people = drop_held_posts(people)
    if parties:  # one of several bilaterals in a sentence: only its two sides
        people = [p for p in people if p.government in parties]
    chair = _chair(people, body, people_scope[0], authors)
    for j, p in enumerate(people):
        note(f"{path}.attendees[{j}]", p.start, p.end, p.confidence)
    return {
        **_body_fields(forum),
        "meeting_date": date if date and not date.startswith("--") else None,
        # A day and month with no year the text or the caller gives: ingest resolves it against the register.
        "meeting_day": date if date and date.startswith("--") else None,
        "meeting_ordinal": ordinal,
        "mode": mode,
        "location": location,
        "chair": _person_dict(chair) if chair else None,
        "attendees": [_person_dict(p) for p in people],
        "topics": _topics(body),
        "communique_referenced": communique,
        "next_meeting": M.next_meeting(body),
    }


def _body_fields(forum: BodyHit | None) -> dict[str, Any]:
    """A known forum by its register name and key; an open-world one as written, with a proposed key and tier."""
    if forum is None:
        return {"body": None, "body_key": None, "body_cy": None}
    if is_open(forum.key):
        welsh = guess_language(forum.text) == "cy" or bool(
            re.match(r"(?i)(?:gr[ŵw]p|pwyllgor|cyngor|sector gwaith)", forum.text)
        )
        return {
            "body": forum.text,
            "body_key": None,
            "body_cy": forum.text if welsh else None,
            "body_proposed_key": forum.key.removeprefix(OPEN_PREFIX),
            "body_tier": forum_tier(forum.text),
        }
    g = gazetteer()
    return {"body": g.body_name(forum.key), "body_key": forum.key, "body_cy": g.bodies[forum.key]["name_cy"]}


def sentence_at(text: str, at: int) -> str:
    return next((sent for off, sent in M.sentences(text) if off <= at < off + len(sent)), "")


def names_author(sentence: str, authors: list[dict]) -> bool:
    """'The Cabinet Secretary will hold talks with ...': the author, named by their own post or surname."""
    for a in authors:
        role = (a.get("role") or "").split(" for ")[0].split(",")[0].strip()
        surname = (a.get("name") or "~").split()[-1]
        if (role and re.match(rf"\s*(?:The\s+)?{re.escape(role)}\b", sentence)) or re.search(
            rf"\b{re.escape(surname)}\b", sentence[:60]
        ):
            return True
    return False


def _add_author(
    people: list[Person], authors: list[dict], body: str, gov_key: str | None, kind: str, said: bool = False
) -> None:
    """The author is an attendee where they say they attended, represented or spoke at the meeting."""
    if not authors:
        return
    said = said or bool(AUTHOR_ATTENDED.search(body) and not AUTHOR_ABSENT.search(body))
    if kind == "press_release":
        said = True
    if not said:
        return
    names = {fold(p.name) for p in people if p.name}
    for a in authors:
        if a.get("speaker"):
            # A record's speaker known by post alone, or not at all: one minister of the speaking government.
            if not any(
                p.name is None and p.role == a.get("role") and p.government == gov_key for p in people
            ):
                people.insert(0, Person(None, a.get("role"), gov_key, "minister", 0, 0, 0.5))
            continue
        if not a.get("name") or fold(a["name"]) in names:
            continue
        gov = (
            gov_key
            if kind in ("written_statement", "letter", "press_release", "other") or not a.get("role")
            else role_government(a.get("role"))
        )
        people.insert(
            0, Person(a["name"], a.get("role"), gov or role_government(a.get("role")), "minister", 0, 0, 0.7)
        )


def _chair(people: list[Person], body: str, base: int, authors: list[dict]) -> Person | None:
    if re.search(r"\bI chaired\b|\b[CcGg]adeiriais\b", body) and authors and authors[0].get("name"):
        return next((p for p in people if p.name == authors[0]["name"]), None)
    for pos, side in sorted(M.chair_positions(body)):
        a = base + pos
        if side == "after":
            cands = [p for p in people if a <= p.start <= a + 160]
            if cands:
                return min(cands, key=lambda p: p.start)
        else:
            cands = [p for p in people if a - 200 <= p.end <= a + 5]
            if cands:
                return max(cands, key=lambda p: p.end)
    return None


def _topics(body: str) -> list[str]:
    """Short phrases after 'discussed' / 'focused on': not scored, but useful to a reviewer."""
    out = []
    for m in re.finditer(
        r"\b(?:discussed|discussion on|focused on|focus of the meeting was|agenda items? (?:on|were))\s+"
        r"(?P<t>[^.;:\n]{4,120})",
        body,
    ):
        out.append(m["t"].strip(" ,"))
    return out[:8]
