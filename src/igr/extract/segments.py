"""Further meetings in one document: a second forum with its own date, a bilateral meeting or call.

Why: a statement often reports a forum and then "In addition, I attended a meeting with the Prime Minister";
a parliamentary answer lists "the most recent meeting ... was the X on 29 August"; a press release adds
"the Minister will hold bilateral talks with ...". Each such sentence introduces a meeting of its own, and
its paragraph (up to the next introducer) holds that meeting's attendees. A passing mention of a future
meeting of a forum ("the next meeting will be ...") stays ``next_meeting`` and introduces nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any

from igr.extract.attendance import sentences
from igr.extract.dates import find_dates, infer_year, relative_dates, tense_of
from igr.extract.forums import find_forums, in_context, is_open
from igr.extract.gazetteer import BodyHit, gazetteer
from igr.extract.groups import DESCRIBED
from igr.extract.meetings import HELD, NOT_A_MEETING
from igr.extract.people import find_people, find_roles
from igr.extract.rules import rule
from igr.extract.spans import SpanIndex

# "I attended a meeting with", "will hold bilateral talks with", "had a call with", "This morning I met X".
BILATERAL = rule(
    "segments.bilateral",
    re.compile(
        r"\b(?:(?:attended|held|had|hold|have|joined|took part in)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}"
        r"(?:meeting|call|discussion)\s+with|(?:hold|held|had|have)\s+(?:[\w-]+\s+){0,2}talks\s+with|"
        r"(?:I|we|he|she)\s+(?:also\s+)?met(?:\s+with)?\s+(?=[A-Z]|the\b)|"
        # ... and its subject a post or a name: "the Chancellor of the Duchy of Lancaster met devolved Government
        # Ministers", "Prime Minister Theresa May yesterday met First Minister Nicola Sturgeon" (checked where read).
        r"(?:\s+(?:also|today|yesterday|this morning|this afternoon|last week|recently))*\s+(?P<bare>met)(?:\s+with)?\s+"
        r"(?=(?:the\s+|his\s+|her\s+|their\s+)?(?:[A-Z]|devolved\b|counterparts\b))|"
        r"the two (?:leaders|First Ministers|ministers)\s+(?:also\s+)?met|"
        # Welsh: "mynychais gyfarfod gyda ...", "cefais alwad â ...", "cyfarfûm â ...".
        r"\b(?:mynychais|cefais|cawsom|cynhaliais|cynhaliom|wedi cael|wedi cynnal)\s+(?:g?[cg]yfarfod|alwad|galwad|"
        r"drafodaethau|trafodaethau)\s+(?:[\w-]+\s+){0,2}(?:gyda|â|ag)|"
        r"\b(?:cyfarfûm|cwrddais)\s+(?:hefyd\s+)?(?:â|ag|gyda))",
        re.I,
    ),
)
FIRST_PERSON = rule(
    "segments.first_person",
    re.compile(r"\b(?:I|We|we|(?i:mynychais|cefais|cawsom|cynhaliais|cynhaliom|cyfarfûm|cwrddais|minnau))\b"),
)
SAME_OCCASION = rule(
    "segments.same_occasion",
    re.compile(
        r"\b(?:In addition|also|Separately|Alongside|During (?:the|his|her) visit|Yn ogystal|hefyd|"
        r"while in|will hold|afterwards|Following the (?:meeting|Council|summit))\b",
        re.I,
    ),
)
# The heads of government meeting: the Prime Minister and a First Minister named together, in either order.
HEADS = rule(
    "segments.heads",
    re.compile(
        r"^(?=[\s\S]*\bPrime Minister\b)(?=[\s\S]*\bFirst Ministers?\b)|heads of (?:the )?devolved governments|"
        r"^(?=[\s\S]*(?:P|Ph|B)rif Weinidog y DU)(?=[\s\S]*(?:P|Ph|B)rif Weinidog(?:ion)? (?:yr Alban|Cymru|Gogledd Iwerddon))",
        re.I,
    ),
)


@dataclass
class Introducer:
    """A sentence that introduces a further meeting, and the span of text that reports it."""

    start: int
    end: int
    forum: BodyHit | None
    date: str | None
    kind: str  # "forum", "listed", "shared" (met with the main one), "bilateral", or "officials" (set aside)
    sentence: str
    parties: frozenset[str] | None = (
        None  # one of several bilaterals in a sentence: the governments at its table
    )


def find_introducers(
    text: str,
    start: int,
    end: int,
    ref: dt.date | None,
    primary_key: str | None,
    primary_date: str | None,
    primary_at: int = -1,
    author_role: str | None = None,
    home_gov: str | None = None,
) -> list[Introducer]:
    """Introducers of meetings other than the primary one, in text[start:end], with each one's region."""
    out: list[Introducer] = []
    forum_named = (
        primary_key is not None
        and primary_key != ""
        and (is_open(primary_key) or gazetteer().bodies[primary_key]["tier"] != "bilateral")
    )
    # Found once over the whole text (cached and shared with the other fields), then sliced per sentence.
    all_hits = SpanIndex([h for h in find_forums(text) if start <= h.start and h.end <= end])
    all_dates = SpanIndex([d for d in find_dates(text) if d.day and start <= d.start and d.end <= end])
    for off, sent in sentences(text[start:end], start):
        lo, hi = off, off + len(sent)
        # "following the British-Irish Council Summit, the Group met": the forum after "following" is context.
        hits = [replace(h, start=h.start - lo, end=h.end - lo) for h in all_hits.inside(lo, hi)]
        hits = [h for h in hits if not in_context(sent, h, 30)]
        dates = [replace(d, start=d.start - lo, end=d.end - lo) for d in all_dates.inside(lo, hi)]
        tense = tense_of(sent)
        if any(
            OFFICIALS_MEETING.search(sent[max(0, h.start - 40) : h.start] + "\x00" + sent[h.end : h.end + 20])
            for h in hits
        ):
            # Meetings of officials are not ministerial meetings: the sentence is set aside, read for nothing.
            out.append(Introducer(off, off + len(sent), None, None, "officials", sent))
            continue
        listed = _listed_meetings(sent, hits, dates, ref)
        if listed:
            out += [
                Introducer(
                    off, off + len(sent), replace(h, start=h.start + lo, end=h.end + lo), iso, "listed", sent
                )
                for h, iso in listed
            ]
            continue
        together = _coordinated(sent, hits, primary_key)
        if together:
            iso = (
                infer_year(dates[0], ref, tense)
                if dates
                else (primary_date if off <= primary_at < off + len(sent) else None)
            )
            out += [
                Introducer(
                    off, off + len(sent), replace(h, start=h.start + lo, end=h.end + lo), iso, "shared", sent
                )
                for h in together
            ]
            continue
        if (
            hits
            and dates
            and hits[0].key != primary_key
            and tense == "past"
            and not NOT_A_MEETING.search(sent[max(0, hits[0].start - 40) : hits[0].start])
        ):
            iso = infer_year(dates[0], ref, tense)
            # The same date as the main meeting is that meeting under another name, unless this very
            # sentence is where the main meeting's date was read from.
            if iso and (iso != primary_date or off <= primary_at < off + len(sent)):
                hit = hits[0]
                out.append(
                    Introducer(
                        off,
                        off + len(sent),
                        replace(hit, start=hit.start + lo, end=hit.end + lo),
                        iso,
                        "forum",
                        sent,
                    )
                )
                continue
        several = SEPARATE_BILATERALS.search(sent)
        if several and not hits:
            out += _separate_bilaterals(sent, off, several, dates, ref, tense, author_role, home_gov)
            if out and out[-1].start == off:
                continue
        # Told in the third person, a bilateral is a further meeting only beside a named forum's; otherwise it is
        # the very meeting the document reports.
        m = _bilateral(sent, forum_named)
        if not m or hits or NOT_A_MEETING.search(sent[: m.end()]):
            continue
        # Someone must be named or described as the other side ("met the Secretary of State", "with X").
        rest = sent[m.end() :]
        if not (
            find_people(rest)
            or find_roles(rest, [])
            or DESCRIBED.search(rest)
            or re.match(r"\s*(?:the two|both)\b", sent[m.start() :])
        ):
            continue
        iso = infer_year(dates[0], ref, tense) if dates else None
        relative = relative_dates(sent, ref)  # "today", "yesterday", "ddoe", "last Thursday"
        if iso is None and relative:
            iso = relative[0][2]
        elif iso is None and SAME_OCCASION.search(sent):
            iso = primary_date
        # "the two leaders met": who they are may be said in the title or the lead above.
        who = (
            sent
            + " "
            + (author_role or "")
            + (" " + text[:300] if re.search(r"(?i)\bthe two\b", sent) else "")
        )
        forum = BodyHit(off, off + len(sent), "pm-heads-meeting", sent) if HEADS.search(who) else None
        out.append(Introducer(off, off + len(sent), forum, iso, "bilateral", sent))
    # Each introducer's region runs to the end of its paragraph or the next introducer; forums that met
    # together share their sentence with the main meeting.
    for i, intro in enumerate(out):
        if intro.kind == "shared":
            continue
        para_end = text.find("\n", intro.start)
        para_end = end if para_end == -1 or para_end > end else para_end
        nxt = out[i + 1].start if i + 1 < len(out) else end
        intro.end = max(intro.end, min(para_end, nxt))
    return out


# The gap between the items of a list, in either language: "9 November 2016, 7 December 2016 and 19 January
# 2017", "the Standing Committee and the Finance Standing Committee", "y Cyngor a'r Grŵp".
LIST_GAP = rule(
    "segments.list_gap",
    re.compile(r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+(?:on\s+)?|\s+a(?:c|['’]r)?\s+)(?:the\s+|y\s+|yr\s+)?$"),
)


def _coordinated(sent: str, hits: list, primary_key: str | None) -> list:
    """The forums other than the main one in "X and Y (both) met ...", forums listed as the subject of one verb
    of meeting: each met, on the same occasion."""
    after = (
        re.match(r"\s*,?\s*(?:have\s+|had\s+)?(?:both\s+|each\s+|also\s+)?", sent[hits[-1].end :])
        if hits
        else None
    )
    if len(hits) < 2 or not after or not HELD.match(sent, hits[-1].end + after.end()):
        return []
    if not all(LIST_GAP.search(sent[a.end : b.start]) for a, b in zip(hits, hits[1:], strict=False)):
        return []
    return [h for h in hits if h.key != primary_key]


def _bilateral(sent: str, forum_named: bool) -> re.Match[str] | None:
    """The first way the sentence says someone met someone; told in the third person ("the Chancellor met ..."),
    it is a further meeting only beside a named forum's, and its subject must be a post or a name."""
    for m in BILATERAL.finditer(sent):
        if not m["bare"]:
            return m
        before = sent[: m.start()]
        if forum_named and (
            any(r[1] >= len(before) - 1 for r in find_roles(before, []))
            or any(p[1] >= len(before) - 1 for p in find_people(before))
        ):
            return m
    return None


# Meetings of officials are not ministerial meetings: "officials' meetings of X", "X Officials meetings" (the
# forum's name is replaced by a marker before matching).
OFFICIALS_MEETING = rule(
    "segments.officials_meeting",
    re.compile(
        r"(?:\b(?:[Oo]fficials?['’]?|[Oo]fficial[- ]level|[Ss]wyddogion)\s+(?:level\s+)?(?:meetings?|[cg]yfarfodydd)\s+"
        r"(?:of|o)\s+(?:the\s+|y\s+|yr\s+)?\x00|\x00\W*(?:[Oo]fficials?|[Ss]wyddogion)\b)"
    ),
)


def _listed_meetings(sent: str, hits: list, dates: list, ref: dt.date | None) -> list[tuple[Any, str]]:
    """(forum, date) for each date listed after a forum's name in a sentence naming two or more dates in a row."""
    out = []
    for i, hit in enumerate(hits):
        stop = hits[i + 1].start if i + 1 < len(hits) else len(sent)
        run = [d for d in dates if hit.end <= d.start < stop]
        if len(run) < 2 or not all(
            LIST_GAP.search(sent[a.end : b.start]) for a, b in zip(run, run[1:], strict=False)
        ):
            continue
        out += [(hit, iso) for d in run if (iso := infer_year(d, ref, "past"))]
    return out


# "held bilateral calls with the First Ministers of Scotland and Wales": one meeting with each government named.
SEPARATE_BILATERALS = rule(
    "segments.separate_bilaterals",
    re.compile(
        r"(?:\b(?:held|had|hold|have|holds)\s+(?:separate\s+)?(?:bilateral\s+)?(?:calls|meetings|talks|discussions)\s+with\b|"
        r"\b(?:[cg]ynhaliais|cawsom|cynhaliodd)\s+(?:[cg]yfarfodydd|alwadau|drafodaethau)\s+dwyochrog\b)",
        re.I,
    ),
)


def _separate_bilaterals(
    sent: str,
    off: int,
    m: re.Match[str],
    dates: list,
    ref: dt.date | None,
    tense: str,
    author_role: str | None,
    home_gov: str | None = None,
) -> list[Introducer]:
    """One introducer per counterpart government of "bilateral calls with A, B and C"; the host's side is the
    government of whoever holds them (named before the verb, else the author, else the document's)."""
    from igr.extract.attendance import extract_attendees
    from igr.extract.people import role_government

    people = extract_attendees(sent)
    host = {p.government for p in people if p.end <= m.start() and p.government}
    if not host:
        host = {
            g
            for g in (
                role_government(sent[: m.start()])
                or role_government(author_role)
                or (home_gov if FIRST_PERSON.search(sent[: m.end()]) else None),
            )
            if g
        }
    sides = list(
        dict.fromkeys(
            p.government for p in people if p.start >= m.end() and p.government and p.government not in host
        )
    )
    if len(sides) < 2 or not host:
        return []
    iso = infer_year(dates[0], ref, tense) if dates else None
    heads = HEADS.search(sent)
    return [
        Introducer(
            off,
            off + len(sent),
            BodyHit(off, off + len(sent), "pm-heads-meeting", sent) if heads else None,
            iso,
            "bilateral",
            sent,
            frozenset(host | {side}),
        )
        for side in sides
    ]


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the given spans replaced by spaces (offsets kept), so they are not read twice."""
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)
