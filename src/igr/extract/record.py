"""Assemble the SCHEMA.md record for one document, with provenance spans and confidences.

Why a separate assembler: readers, document fields, meetings and attendance are each testable alone;
this module decides only what goes where, and records where each value came from.
"""

from __future__ import annotations

import re
from typing import Any

from igr.extract import document as D
from igr.extract import meetings as M
from igr.extract import proceedings
from igr.extract import publishers as P
from igr.extract.forums import is_open
from igr.extract.gazetteer import BodyHit, gazetteer
from igr.extract.meeting_record import meeting as _meeting
from igr.extract.meeting_record import names_author as _names_author
from igr.extract.meeting_record import sentence_at as _sentence_at
from igr.extract.segments import FIRST_PERSON, HEADS, blank, find_introducers


def _body_start(text: str, raw: str, kind: str, header_end: int, profiles: tuple[P.Profile, ...]) -> int:
    """Where the body starts: after a letter's salutation, else after the header and the last line its
    publisher puts above the body."""
    if kind == "letter":
        m = re.search(r"^\s*(?:Dear|Annwyl)\b[^\n]*\n", text, re.M)
        if m:
            return m.end()
    marks = [
        m.end() for r in P.rules(profiles, "body_start") for m in r.finditer(raw, 0, min(len(raw), 1500))
    ]
    return max([header_end, *marks])


def _body_end(text: str, profiles: tuple[P.Profile, ...]) -> int:
    m = P.earliest(text, profiles, "body_end")
    return m.start() if m else len(text)


def _title_end(text: str) -> int:
    """The end of the title line (the first line that is not furniture), or the start where there is none."""
    stripped = len(text) - len(text.lstrip())
    end = text.find("\n", stripped)
    first = end if end != -1 else len(text)
    line = text[stripped:first]
    # Text that lost its line breaks has no title line; nor has text that opens with a sentence of its own.
    if first - stripped > 300 or (len(line.split()) >= 12 and re.search(r"[.!?]\s*$", line)):
        return stripped
    return first


def build_record(
    text: str,
    base: int = 0,
    source: str = "",
    lang: str | None = None,
    published: str | None = None,
    url: str | None = None,
) -> dict[str, Any]:
    """One record for one document's text; spans are offsets into the file's text (``base`` + local).

    ``published`` is the publication date (ISO) the caller knows from outside the text, such as a
    harvested page's date: the reference for years the text leaves out, when the text gives no date of its own.
    ``url`` is the address the text was published at, which names its publisher's profile.
    """
    prov: dict[str, dict[str, Any]] = {}

    def note(path: str, start: int, end: int, conf: float) -> None:
        prov[path] = {"start": base + start, "end": base + end, "confidence": round(conf, 2)}

    raw = text
    profiles = P.stack(raw, url)
    kind, kconf = D.doc_type(raw, profiles)
    # Page furniture is read for what it says about the page, then blanked (offsets kept) for everything else;
    # a record's questions ask about meetings rather than report them.
    text = P.blank_furniture(raw, profiles)
    note("doc_type", 0, min(len(text), 400), kconf)
    pub, ps, pe = D.published_date(text, profiles)
    if pub:
        note("published_date", ps, pe, 0.9)
    authors, as_, ae = D.author(raw, kind, profiles)
    if authors:
        note("author", as_, ae, 0.8 if authors[0].get("name") else 0.5)
    gov_key = D.publisher(text, kind, authors, profiles)
    g = gazetteer()
    publisher = g.government_name(gov_key)
    note("issuing_government", 0, min(len(text), 1500), 0.7 if publisher else 0.2)
    ref = D.reference_date(text, pub, published)
    proceedings_record = proceedings.is_record(text, kind, profiles)
    if proceedings_record:
        text = blank(
            text,
            [m.span() for r in P.rules(profiles, "question") for m in r.finditer(text)]
            + proceedings.presiding_spans(raw, profiles),
        )
        # The minister speaking is an attendee where they say so, named or not.
        authors = (
            authors
            if any(a.get("name") for a in authors)
            else [{"name": None, "role": authors[0]["role"] if authors else None, "speaker": True}]
        )
    title_end = _title_end(text)
    # A byline or letterhead is part of the header; a press release's "X said:" is part of its body.
    header_end = max(
        title_end, pe, ae if ae < 800 and kind != "press_release" and not proceedings_record else 0
    )
    body_start = _body_start(text, raw, kind, header_end, profiles)
    body_end = max(_body_end(text, profiles), body_start)

    meetings: list[dict[str, Any]] = []
    forum, fconf = M.find_forum(text, title_end)
    if proceedings_record and forum and not M.reported(text, forum.key):
        forum = None  # a record that asks about a forum, or says it has not met, reports no meeting of it
    key, fs, fe = (forum.key, forum.start, forum.end) if forum else (None, 0, 0)
    date, ds, de, dconf = M.meeting_date(text, (fs, fe), ref, (ps, pe), title_end)
    author_role = " ".join(a.get("role") or "" for a in authors)
    intros = find_introducers(
        text, body_start, body_end, ref, key, date, ds if date else -1, author_role, gov_key
    )
    # Forums that met together, and bilaterals held at the meeting with several of its members, share their
    # sentence with the main meeting: those people attended it too.
    regions = [(i.start, i.end) for i in intros if i.kind != "shared" and (i.parties is None or not forum)]
    main = blank(text, regions) if regions else text
    if intros and any(a <= ds < b for a, b in regions):
        # The date found belongs to another meeting's paragraph: look again without those paragraphs.
        date, ds, de, dconf = M.meeting_date(main, (fs, fe), ref, (ps, pe), title_end)
    if not forum and date and HEADS.search(_sentence_at(text, ds)):
        # "The Prime Minister met the First Minister of Wales": the heads of government, outside a named forum.
        forum, fconf = BodyHit(ds, de, "pm-heads-meeting", _sentence_at(text, ds)), 0.6
    if forum or date:
        i = "meetings[0]"
        if forum:
            note(f"{i}.body", fs, fe, fconf)
        if date:
            note(f"{i}.meeting_date", ds, de, dconf)
        scope = (title_end, body_end) if kind != "letter" else (body_start, body_end)
        meetings.append(
            _meeting(
                main,
                scope,
                (body_start, body_end),
                forum,
                date,
                authors,
                gov_key,
                kind,
                M.communique(main, kind),
                i,
                note,
                ref=ref,
            )
        )
    for intro in intros:
        if intro.kind == "officials":
            continue
        i = f"meetings[{len(meetings)}]"
        if intro.forum:
            note(f"{i}.body", intro.forum.start, intro.forum.end, 0.3 if is_open(intro.forum.key) else 0.6)
        if intro.date:
            note(f"{i}.meeting_date", intro.start, intro.end, 0.5)
        span = (intro.start, intro.end)
        own = (
            authors
            if FIRST_PERSON.search(intro.sentence[:120]) or _names_author(intro.sentence, authors)
            else []
        )
        meetings.append(
            _meeting(
                text,
                span,
                span,
                intro.forum,
                intro.date,
                own,
                gov_key,
                kind,
                bool(M.COMMUNIQUE_RE.search(text[intro.start : intro.end])),
                i,
                note,
                said=bool(own),
                parties=intro.parties,
                ref=ref,
            )
        )
    # A meeting listed twice (the main one among a list of dates) is one meeting.
    seen_meetings: set[tuple] = set()
    dated = {m["body"] for m in meetings if m["meeting_date"]}
    for m in meetings:
        ident = (m["body"], m["meeting_date"], frozenset(a["government"] for a in m["attendees"]))
        # ... and a forum's undated mention beside dated meetings of it is one of those, not another.
        if (m["meeting_date"] and ident in seen_meetings) or (not m["meeting_date"] and m["body"] in dated):
            m["body"] = None  # dropped by the filter below
            m["attendees"] = []
        seen_meetings.add(ident)
    # An intergovernmental meeting outside a named forum still has two governments at the table; one that
    # shows only one (a minister meeting political parties or businesses) is not recorded.
    keep = [
        i
        for i, m in enumerate(meetings)
        if m["body"] or len({a["government"] for a in m["attendees"] if a["government"]}) >= 2
    ]
    if len(keep) < len(meetings):
        meetings = [meetings[i] for i in keep]
        renumber = {f"meetings[{old}]": f"meetings[{new}]" for new, old in enumerate(keep)}
        prov = {
            (
                renumber.get(k.split(".")[0], "") + k[len(k.split(".")[0]) :]
                if k.startswith("meetings[")
                else k
            ): v
            for k, v in prov.items()
            if not k.startswith("meetings[") or k.split(".")[0] in renumber
        }
    authors = [a for a in authors if not a.get("speaker")]
    record: dict[str, Any] = {
        "source": source,
        "doc_type": kind,
        "issuing_government": publisher,
        "author": (authors[0] if len(authors) == 1 else authors) if authors else None,
        "published_date": pub,
        "meetings": meetings,
        "recipients": D.recipients(text) if kind == "letter" else [],
        "language": lang,
        "provenance": prov,
    }
    return record
