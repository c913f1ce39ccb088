"""Meeting-level fields: which forum, when, ordinal, mode, location, chair, communiqué and next meeting.

Why anchored on the forum's mention: a statement reports one meeting of a named forum; the sentence that
names it ("held on 11 July", "met for the sixth time on ...") carries the date, ordinal and mode.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import replace

from igr.extract.attendance import sentences
from igr.extract.dates import find_dates, infer_year, relative_dates, tense_of
from igr.extract.forums import KNOWN_CONFIDENCE, OPEN_CONFIDENCE, find_forums, in_context, is_open
from igr.extract.gazetteer import BodyHit, gazetteer
from igr.extract.rules import rule
from igr.extract.spans import SpanIndex
from igr.welsh import numbers as welsh_numbers

ORDINALS = {w: i for i, w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"], 1)}
for _t, _tv in (("twenty", 20), ("thirty", 30), ("forty", 40)):
    ORDINALS[_t + "ieth"] = _tv
    for _u, _uv in list(ORDINALS.items())[:9]:
        ORDINALS[f"{_t} {_u}"] = ORDINALS[f"{_t}-{_u}"] = _tv + _uv
ORDINALS["inaugural"] = 1
_ORD_WORDS = "|".join(sorted(ORDINALS, key=len, reverse=True))
ORDINAL_RE = rule("meetings.ordinal_re", re.compile(
    rf"\b(?:(?P<w>{_ORD_WORDS})|(?P<n>\d{{1,3}})(?:st|nd|rd|th))\b"
    rf"(?=(?P<after>[^.;\n]{{0,90}}))", re.I))
MET_TIME_RE = rule("meetings.met_time_re", re.compile(rf"\bmet for the (?P<w>{_ORD_WORDS}|\d{{1,3}}(?:st|nd|rd|th)) time\b(?! this year)", re.I))
# Welsh: "ail gyfarfod", "33ain cyfarfod", "unfed cyfarfod ar bymtheg", "uwchgynhadledd rhif tri deg chwech".
CY_MEETING_NOUN = re.compile(r"(?i)^(?:[cg]yfarfod|nghyfarfod|uwchgynhadledd|sesiwn)$")
CY_NUMBERED = rule("meetings.cy_numbered", re.compile(
    rf"\b(?:[cg]yfarfod|nghyfarfod|uwchgynhadledd)\s+(?:\S+\s+){{0,4}}?rhif\s+(?P<c>{welsh_numbers.CARDINAL_RE.pattern})",
    re.I), "cy")

# A call is a meeting ("by video call", "had a call with"), not a demand ("our call for a referendum").
# How a meeting's mode is worded, English then Welsh. A call is a meeting ("by video call", "had a call with"),
# not a demand ("our call for a referendum").
VIRTUAL = rule("meetings.virtual", re.compile(
    r"(?:video ?conferenc|virtual|(?:held|met|joined|took place|Location:)\s+online|\(online\)|remotely|by (?:tele)?phone|"
    r"\b(?:a|the|by|via|video|telephone|phone|conference|introductory)\s+call\b(?!\s+(?:for|on|to)\b)|"
    r"\bcalls? with\b|Teams|Zoom)|"
    r"(?:rhithiol|rhithwir|ar-lein|fideo|\bo bell\b|dros y ffôn|galwad)", re.I))
HYBRID = rule("meetings.hybrid", re.compile(r"\b(?:hybrid|cymysg)\b", re.I))
IN_PERSON = rule("meetings.in_person", re.compile(r"(?:in person|face[- ]to[- ]face)|(?:wyneb yn wyneb|yn bersonol)", re.I))
LOC_RE = rule("meetings.loc_re", re.compile(
    r"\b(?<!had\s)(?:met|held|hosted|took place|meeting|Council|Committee|Group|Summit|IMG|meet|convened|attended)\b"
    r"[^.;\n]{0,60}?\b(?:at|in)\s+(?:the\s+)?(?P<loc>(?:\d+\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|offices))*"
    r"(?:(?:,\s*|\s+in\s+)(?:\d+\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*){0,2})"
    r"|\b(?:was|were)\s+in\s+(?P<city>[A-Z][\w'’-]+)\s+(?:to attend|for the)\b"))
# A named building is a venue wherever a meeting's text gives it ("in St Andrew's House, Edinburgh", a minutes line
# "Scotland House, London."), even where its first word is a country's name.
VENUE_RE = rule("meetings.venue_re", re.compile(
    r"(?:\b(?:at|in)\s+(?:the\s+)?|^[^\n]{0,40}?)(?P<loc>(?:(?!Meeting\b)[A-Z][\w'’-]*\s+){1,3}(?:House|Castle|Buildings|Offices|Palace)"
    r"(?:,\s*[A-Z][a-z]+)?)", re.M))
NOT_PLACE = rule("meetings.not_place", re.compile(r"^(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                       r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|This|UK|United Kingdom|Wales|"
                       r"Scotland|England|Northern Ireland|Scottish|Welsh|Parliament|Government|EU|European|"
                       r"Inter|Interministerial|Intergovernmental|IGR|Joint|Ministerial|First|Prime|Cabinet(?! Office)|Minister|"
                       r"Secretary|Chancellor|Council|Senedd|Brexit|Covid|COVID|Common|Relations|Trade|Group|"
                       r"Committee|Parliamentary|Dispute|In|Safety|Housing|Environment|Culture|Education|Health)\b"))
CHAIR_AFTER = rule("meetings.chair_after", re.compile(
    r"(?:chaired by|Chair(?:ed)?:|(?:was|is) the [Cc]hair,? )|"
    r"(?:Cadeirydd:|[cg]adeiriwyd (?:y cyfarfod )?gan|[cg]adeirio gan|dan gadeiryddiaeth)", re.I))
CHAIR_BEFORE = rule("meetings.chair_before", re.compile(
    r"\bchaired\b(?! by)|(?:as|acting as|stepped in to|stood in to|stood in as) (?:the )?[Cc]hair\b|"
    r"\((?:Chair|Co-[Cc]hair|[Cc]adeirydd|[Cc]yd-[Gg]adeirydd)\)|(?:yn cadeirio|fel [Cc]adeirydd)", re.I))
NEXT_RE = rule("meetings.next_re", re.compile(r"(?:next meeting|reconvene|meet again|next [A-Z]{2,}|cyfarfod nesaf)", re.I))
MEETING_WORDS = rule("meetings.meeting_words", re.compile(
    r"\b(?:met|meet|meeting|held|took place|takes? place|taking place|took part|attended|chaired|convened|summit|call|"
    r"communiqu[eé]s?|session|[cg]yfarfod|nghyfarfod|[cg]ynhaliwyd|Minutes|agreed at|represented|mynych\w*|"
    r"[cg]ynrychiol\w*|bresennol|cyfarfu|[cg]wrdd)\b", re.I))
COMMUNIQUE_RE = rule("meetings.communique_re", re.compile(
    r"(?:communiqu|read ?out|readout)|(?:cyd-?ddatganiad|datganiad ar y cyd|\b(?:cyd-?)?hysbysiad\b)", re.I))


def find_forum(text: str, title_end: int) -> tuple[BodyHit | None, float]:
    """The forum a document is about: the one named in its title, else the one named most often.

    Known forums count before open-world ones (a forum named as written, not in the reference data), which
    are kept only where no known forum is named at all; the confidence says which it was.
    """
    hits = [h for h in find_forums(text) if h.start < title_end or not in_context(text, h)]
    if not hits:
        return None, 0.0
    in_title = [h for h in hits if h.start < title_end]
    if in_title:
        best = in_title[0]
        # A title names a series ("JMC (EU Negotiations) communique"); the text's "plenary session of the
        # Joint Ministerial Committee" names the format that actually met, and outranks it.
        plenary = [h for h in hits if h.start >= title_end and re.search(r"(?i)plenary", h.text)]
        g = gazetteer()
        if plenary and not is_open(best.key) and not is_open(plenary[0].key) and \
                g.bodies[plenary[0].key]["tier"] == g.bodies[best.key]["tier"]:
            best = plenary[0]
        return best, OPEN_CONFIDENCE if is_open(best.key) else KNOWN_CONFIDENCE
    counts = Counter(h.key for h in hits)
    ranked = sorted(counts, key=lambda k: (is_open(k), -counts[k], next(h.start for h in hits if h.key == k)))
    key = ranked[0]
    first = next(h for h in hits if h.key == key)
    return first, OPEN_CONFIDENCE if is_open(key) else 0.75


def _skip_date_context(sentence: str) -> bool:
    return bool(re.search(r"my letter of|wrote to you|letter dated|originally (?:planned|scheduled)|postponed from|"
                          r"published|Updated|First published|Cyhoeddwyd|due to take place on|which was due|"
                          r"since|until|by \d|deadline|from \d|Returning Officers|Bill|Act \d", sentence, re.I))


def meeting_date(text: str, forum_span: tuple[int, int], ref: dt.date | None, pub_span: tuple[int, int],
                 title_end: int, future_ok: bool = False) -> tuple[str | None, int, int, float]:
    """The date of the reported meeting: a date in a sentence about meeting, nearest the forum's mention."""
    best = None
    all_dates = SpanIndex(find_dates(text))
    known = {(d.month, d.day): d.year for d in all_dates if d.year and d.day}
    for off, sent in sentences(text):
        if not MEETING_WORDS.search(sent) and off >= title_end and not off <= forum_span[0] < off + len(sent):
            continue
        local = [replace(d, start=d.start - off, end=d.end - off) for d in all_dates.inside(off, off + len(sent))]
        for d in local:
            a, b = off + d.start, off + d.end
            if a < pub_span[1] and b > pub_span[0]:
                continue
            if re.search(r"(?:Published|Updated|published:?)\s*$", sent[:d.start]):
                continue
            context = sent[max(0, d.start - 60):d.end + 10]
            if _skip_date_context(context) and not re.search(r"held on|took place on|met on", context, re.I):
                continue
            if NEXT_RE.search(sent) and not re.search(r"\bheld\b|took place", sent) and not future_ok:
                continue
            iso = d.iso(known[(d.month, d.day)]) if not d.year and (d.month, d.day) in known else \
                infer_year(d, ref, tense_of(sent))
            score = (1.0 if d.day else 0.6) - min(abs(a - forum_span[0]), 3000) / 6000
            if not iso and d.day and ref is None:
                # Nothing gives the year: the day and month alone (ISO 8601 "--MM-DD"), less sure, for ingest.
                iso, score = f"--{d.month:02d}-{d.day:02d}", score - 0.2
            if not iso:
                continue
            if re.search(r"held on|took place|met on|met|on\s*$", sent[max(0, d.start - 25):d.start], re.I):
                score += 0.3
            if best is None or score > best[0]:
                best = (score, iso, a, b)
    if best is None and ref is not None:
        # "met yesterday", "on Thursday", "ddydd Iau diwethaf": relative to the document's own date.
        for off, sent in sentences(text):
            if MEETING_WORDS.search(sent) and tense_of(sent) == "past":
                for a, b, iso in relative_dates(sent, ref):
                    return iso, off + a, off + b, 0.6
    if best is None and not future_ok:
        return meeting_date(text, forum_span, ref, pub_span, title_end, future_ok=True)
    if best is None:
        # A press release's "today (Friday 19 November)" dates the event it announces.
        m = re.search(r"\btoday\s*\(([^)]{5,40})\)", text[:1500], re.I)
        d = find_dates(m[1]) if m else []
        iso = infer_year(d[0], ref, "future") if d else None
        return (iso, m.start(1), m.end(1), 0.5) if iso and m else (None, 0, 0, 0.0)
    conf = min(0.95, 0.5 + best[0] / 3)
    return best[1], best[2], best[3], conf if not best[1].startswith("--") else min(conf, 0.5)


def ordinal(text: str) -> tuple[int | None, int, int]:
    m = MET_TIME_RE.search(text)
    if m:
        w = m["w"].lower()
        return (ORDINALS.get(w) or int(re.sub(r"\D", "", w))), m.start(), m.end()
    for m in welsh_numbers.ORDINAL_BEFORE.finditer(text):
        if CY_MEETING_NOUN.match(m["noun"]):
            return welsh_numbers.ordinal_value(m["w"], m["tail"], m["n"]), m.start(), m.end()
    m = welsh_numbers.ORDINAL_AFTER.search(text)
    if m and CY_MEETING_NOUN.match(m["noun"]):
        return 1, m.start(), m.end()
    m = CY_NUMBERED.search(text)
    if m and (value := welsh_numbers.cardinal_value(m["c"])):
        return value, m.start(), m.end()
    for m in ORDINAL_RE.finditer(text):
        after = m["after"]
        if not re.match(r"\s*(?:official\s+|formal\s+|in a series of\s+[\w ]*?|plenary\s+)?(?:meeting|Meeting|[A-Z]|session)",
                        after):
            continue
        if re.search(r"\bsince\b|this year|time\b", after[:60]) or re.match(r"\s*Ministers?\b", after):
            continue  # "First Minister" is a post, not an ordinal
        if not re.match(r"\s*(?:official\s+|formal\s+|in a series of\s+[\w ]*?)?(?:meeting|Meeting|session)", after) \
                and not find_forums(after[:70]):
            continue
        val = ORDINALS.get(m["w"].lower()) if m["w"] else int(m["n"])
        if val:
            return val, m.start(), m.end()
    return None, 0, 0


def mode_and_location(text: str) -> tuple[str | None, str | None, int, int]:
    location, ls, le = None, 0, 0
    for m in LOC_RE.finditer(text):
        group = "loc" if m["loc"] else "city"
        loc = m[group].strip(" ,.")
        if NOT_PLACE.match(loc) or len(loc) < 3:
            continue
        loc = re.sub(r"\s+(?:on|and|by|with)$", "", loc)
        location, ls, le = loc, m.start(group), m.start(group) + len(loc)
        break
    if location is None:
        v = VENUE_RE.search(text)
        if v:
            location, ls, le = v["loc"], v.start("loc"), v.end("loc")
    virtual = bool(VIRTUAL.search(text))
    # "either in person or by video conference": both ways of attending in one sentence is a hybrid meeting.
    both = virtual and any(IN_PERSON.search(sent) and VIRTUAL.search(sent) for _o, sent in sentences(text))
    if HYBRID.search(text) or (location and virtual) or both:
        mode = "hybrid"
    elif virtual:
        mode = "virtual"
    elif location or IN_PERSON.search(text):
        mode = "in_person"
    else:
        mode = None
    if location and re.match(r"(?i)online|virtual", location):
        location = None
    return mode, location, ls, le


def communique(text: str, kind: str) -> bool:
    """Is, contains or points to a published readout: a communiqué, or minutes published as such."""
    return kind == "communique" or bool(COMMUNIQUE_RE.search(text)) or bool(
        re.search(r"^[^\n]{0,120}\bMinutes\b", text[:600], re.M))


def next_meeting(text: str) -> str | None:
    for _off, sent in sentences(text):
        if NEXT_RE.search(sent) and not re.search(r"\bheld\b", sent):
            return sent.strip()
    return None


def chair_positions(text: str) -> list[tuple[int, str]]:
    """Where chair cues are: ('after', pos) means the chair is named after pos; 'before' before it."""
    out = [(m.end(), "after") for m in CHAIR_AFTER.finditer(text)]
    out += [(m.start(), "before") for m in CHAIR_BEFORE.finditer(text)]
    return out
