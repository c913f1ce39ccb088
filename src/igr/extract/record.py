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
from igr.extract.attendance import extract_attendees
from igr.extract.forums import OPEN_PREFIX, forum_tier, is_open
from igr.extract.gazetteer import BodyHit, fold, gazetteer
from igr.extract.groups import drop_held_posts, name_unnamed
from igr.extract.people import Person, role_government
from igr.extract.readers import guess_language
from igr.extract.rules import rule
from igr.extract.segments import FIRST_PERSON, HEADS, blank, find_introducers

# The author took part: the first person as the subject of taking part, or listed among those who attended
# ("attended by ... and myself", "and by me as deputy First Minister", "a minnau"); English, then Welsh.
AUTHOR_ATTENDED = rule("record.author_attended", re.compile(
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
    r"cymryd rhan)|\broedd(?:wn|em) yn bresennol|\bgwneuthum\b", re.I))
AUTHOR_ABSENT = rule("record.author_absent", re.compile(
    r"\bI (?:was |am )?(?:not able|unable|could not|did not|cannot|can't)(?: to)? (?:attend|participate|join)|"
    r"(?:\bNid oeddwn yn gallu|\bni allwn fod yn bresennol)", re.I))


def _person_dict(p: Person) -> dict[str, Any]:
    g = gazetteer()
    return {"name": p.name, "role": p.role, "government": g.government_name(p.government), "capacity": p.capacity}


def _body_start(text: str, raw: str, kind: str, header_end: int, profiles: tuple[P.Profile, ...]) -> int:
    """Where the body starts: after a letter's salutation, else after the header and the last line its
    publisher puts above the body."""
    if kind == "letter":
        m = re.search(r"^\s*(?:Dear|Annwyl)\b[^\n]*\n", text, re.M)
        if m:
            return m.end()
    marks = [m.end() for r in P.rules(profiles, "body_start") for m in r.finditer(raw, 0, min(len(raw), 1500))]
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


def build_record(text: str, base: int = 0, source: str = "", lang: str | None = None,
                 published: str | None = None, url: str | None = None) -> dict[str, Any]:
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
    record = proceedings.is_record(text, kind, profiles)
    if record:
        text = blank(text, [m.span() for r in P.rules(profiles, "question") for m in r.finditer(text)]
                     + proceedings.presiding_spans(raw, profiles))
        # The minister speaking is an attendee where they say so, named or not.
        authors = authors if any(a.get("name") for a in authors) else [
            {"name": None, "role": authors[0]["role"] if authors else None, "speaker": True}]
    title_end = _title_end(text)
    # A byline or letterhead is part of the header; a press release's "X said:" is part of its body.
    header_end = max(title_end, pe, ae if ae < 800 and kind != "press_release" and not record else 0)
    body_start = _body_start(text, raw, kind, header_end, profiles)
    body_end = max(_body_end(text, profiles), body_start)

    meetings: list[dict[str, Any]] = []
    forum, fconf = M.find_forum(text, title_end)
    if record and forum and not M.reported(text, forum.key):
        forum = None  # a record that asks about a forum, or says it has not met, reports no meeting of it
    key, fs, fe = (forum.key, forum.start, forum.end) if forum else (None, 0, 0)
    date, ds, de, dconf = M.meeting_date(text, (fs, fe), ref, (ps, pe), title_end)
    author_role = " ".join(a.get("role") or "" for a in authors)
    intros = find_introducers(text, body_start, body_end, ref, key, date, ds if date else -1, author_role, gov_key)
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
        meetings.append(_meeting(main, scope, (body_start, body_end), forum, date, authors, gov_key, kind,
                                 M.communique(main, kind), i, note, ref=ref))
    for intro in intros:
        if intro.kind == "officials":
            continue
        i = f"meetings[{len(meetings)}]"
        if intro.forum:
            note(f"{i}.body", intro.forum.start, intro.forum.end, 0.3 if is_open(intro.forum.key) else 0.6)
        if intro.date:
            note(f"{i}.meeting_date", intro.start, intro.end, 0.5)
        span = (intro.start, intro.end)
        own = authors if FIRST_PERSON.search(intro.sentence[:120]) or _names_author(
            intro.sentence, authors) else []
        meetings.append(_meeting(text, span, span, intro.forum, intro.date, own, gov_key, kind,
                                 bool(M.COMMUNIQUE_RE.search(text[intro.start:intro.end])), i, note, said=bool(own),
                                 parties=intro.parties, ref=ref))
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
    keep = [i for i, m in enumerate(meetings)
            if m["body"] or len({a["government"] for a in m["attendees"] if a["government"]}) >= 2]
    if len(keep) < len(meetings):
        meetings = [meetings[i] for i in keep]
        renumber = {f"meetings[{old}]": f"meetings[{new}]" for new, old in enumerate(keep)}
        prov = {(renumber.get(k.split(".")[0], "") + k[len(k.split(".")[0]):] if k.startswith("meetings[") else k): v
                for k, v in prov.items() if not k.startswith("meetings[") or k.split(".")[0] in renumber}
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


def _meeting(text: str, scope: tuple[int, int], people_scope: tuple[int, int], forum: BodyHit | None, date: str | None,
             authors: list[dict], gov_key: str | None, kind: str, communique: bool, path: str, note: Any,
             said: bool = False, parties: frozenset[str] | None = None, ref: Any = None) -> dict[str, Any]:
    """One meeting's record from the text that reports it: mode, place, attendees, chair, topics."""
    # The main meeting's ordinal may sit in the title ("38th meeting of ..."); another's only in its paragraph.
    o_from = 0 if path == "meetings[0]" else people_scope[0]
    ordinal, os_, oe = M.ordinal(text[o_from:scope[1]])
    if ordinal:
        note(f"{path}.meeting_ordinal", o_from + os_, o_from + oe, 0.8)
    mode, location, ls, le = M.mode_and_location(text[scope[0]:scope[1]])
    if location:
        note(f"{path}.location", scope[0] + ls, scope[0] + le, 0.6)
    body = text[people_scope[0]:people_scope[1]]
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
        welsh = guess_language(forum.text) == "cy" or bool(re.match(r"(?i)(?:gr[ŵw]p|pwyllgor|cyngor|sector gwaith)", forum.text))
        return {"body": forum.text, "body_key": None, "body_cy": forum.text if welsh else None,
                "body_proposed_key": forum.key.removeprefix(OPEN_PREFIX), "body_tier": forum_tier(forum.text)}
    g = gazetteer()
    return {"body": g.body_name(forum.key), "body_key": forum.key, "body_cy": g.bodies[forum.key]["name_cy"]}


def _sentence_at(text: str, at: int) -> str:
    return next((sent for off, sent in M.sentences(text) if off <= at < off + len(sent)), "")


def _names_author(sentence: str, authors: list[dict]) -> bool:
    """'The Cabinet Secretary will hold talks with ...': the author, named by their own post or surname."""
    for a in authors:
        role = (a.get("role") or "").split(" for ")[0].split(",")[0].strip()
        surname = (a.get("name") or "~").split()[-1]
        if (role and re.match(rf"\s*(?:The\s+)?{re.escape(role)}\b", sentence)) or re.search(
                rf"\b{re.escape(surname)}\b", sentence[:60]):
            return True
    return False


def _add_author(people: list[Person], authors: list[dict], body: str, gov_key: str | None, kind: str,
                said: bool = False) -> None:
    """The author is an attendee where they say they attended, represented or spoke at the meeting."""
    if not authors:
        return
    said = said or (AUTHOR_ATTENDED.search(body) and not AUTHOR_ABSENT.search(body))
    if kind == "press_release":
        said = True
    if not said:
        return
    names = {fold(p.name) for p in people if p.name}
    for a in authors:
        if a.get("speaker"):
            # A record's speaker known by post alone, or not at all: one minister of the speaking government.
            if not any(p.name is None and p.role == a.get("role") and p.government == gov_key for p in people):
                people.insert(0, Person(None, a.get("role"), gov_key, "minister", 0, 0, 0.5))
            continue
        if not a.get("name") or fold(a["name"]) in names:
            continue
        gov = gov_key if kind in ("written_statement", "letter", "press_release", "other") or not a.get("role") \
            else role_government(a.get("role"))
        people.insert(0, Person(a["name"], a.get("role"), gov or role_government(a.get("role")), "minister", 0, 0, 0.7))


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
    for m in re.finditer(r"\b(?:discussed|discussion on|focused on|focus of the meeting was|agenda items? (?:on|were))\s+"
                         r"(?P<t>[^.;:\n]{4,120})", body):
        out.append(m["t"].strip(" ,"))
    return out[:8]
