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
from igr.extract.dates import BOUND, find_dates, infer_year, relative_dates, tense_of
from igr.extract.forums import KNOWN_CONFIDENCE, OPEN_CONFIDENCE, find_forums, in_context, is_open
from igr.extract.gazetteer import BodyHit, gazetteer
from igr.extract.places import radical_place
from igr.extract.rules import rule
from igr.extract.spans import SpanIndex
from igr.welsh import numbers as welsh_numbers

ORDINALS = {
    w: i
    for i, w in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ],
        1,
    )
}
for _t, _tv in (("twenty", 20), ("thirty", 30), ("forty", 40)):
    ORDINALS[_t[:-1] + "ieth"] = _tv  # twentieth, thirtieth, fortieth
    for _u, _uv in list(ORDINALS.items())[:9]:
        ORDINALS[f"{_t} {_u}"] = ORDINALS[f"{_t}-{_u}"] = _tv + _uv
ORDINALS["inaugural"] = 1
_ORD_WORDS = "|".join(sorted(ORDINALS, key=len, reverse=True))
ORDINAL_RE = rule(
    "meetings.ordinal_re",
    re.compile(
        rf"\b(?:(?P<w>{_ORD_WORDS})|(?P<n>\d{{1,3}})(?:st|nd|rd|th))\b"
        rf"(?=(?P<after>[^.;\n]{{0,90}}))",
        re.I,
    ),
)
# What an ordinal numbers: a meeting, a session, a summit ("the thirty-fifth summit meeting", "its second
# Ministerial meeting", "the sixth plenary session").
MEETING_NOUN_AFTER = rule(
    "meetings.meeting_noun_after",
    re.compile(
        r"\s*(?:in a series of\s+[\w ]*?)?(?:(?:official|formal|[Mm]inisterial|plenary|[Ss]ummit|full)\s+)*"
        r"(?:[Mm]eetings?|[Ss]essions?|[Ss]ummits?)\b"
    ),
)
MET_TIME_RE = rule(
    "meetings.met_time_re",
    re.compile(rf"\bmet for the (?P<w>{_ORD_WORDS}|\d{{1,3}}(?:st|nd|rd|th)) time\b(?! this year)", re.I),
)
# Welsh: "ail gyfarfod", "33ain cyfarfod", "unfed cyfarfod ar bymtheg", "uwchgynhadledd rhif tri deg chwech".
_CY_MEETING_NOUN = r"(?:[cg]yfarfod|nghyfarfod|uwchgynhadledd|sesiwn)\b"
_ANY_NOUN = r"(?P<noun>[\w'’]+)"
# The number of a meeting in Welsh, in its three shapes: an ordinal before the noun ("ail gyfarfod", "33ain
# cyfarfod", "unfed cyfarfod ar bymtheg"), "cyntaf" after it, or "rhif" and a cardinal ("uwchgynhadledd rhif tri deg
# chwech").
CY_ORDINAL = rule(
    "meetings.cy_ordinal",
    re.compile(
        "(?:"
        + welsh_numbers.ORDINAL_BEFORE.pattern.replace(_ANY_NOUN, f"(?P<noun>{_CY_MEETING_NOUN})")
        + "|"
        + welsh_numbers.ORDINAL_AFTER.pattern.replace(_ANY_NOUN, f"(?P<first>{_CY_MEETING_NOUN})")
        + rf"|\b(?:[cg]yfarfod|nghyfarfod|uwchgynhadledd)\s+(?:\S+\s+){{0,4}}?rhif\s+(?P<c>{welsh_numbers.CARDINAL_RE.pattern}))",
        re.I,
    ),
    "cy",
    needle=r"[cg]yfarfod|nghyfarfod|uwchgynhadledd|sesiwn",
)

# How a meeting's mode is worded, English then Welsh. A call is a meeting ("by video call", "had a call with"),
# not a demand ("our call for a referendum").
VIRTUAL = rule(
    "meetings.virtual",
    re.compile(
        r"(?:video ?conferenc|virtual|(?:held|met|joined|took place|Location:)\s+online|\(online\)|remotely|by (?:tele)?phone|"
        r"\b(?:a|the|by|via|video|telephone|phone|conference|introductory)\s+call\b(?!\s+(?:for|on|to)\b)|"
        r"\bcalls? with\b|Teams|Zoom)|"
        r"(?:rhithiol|rhithwir|ar-lein|fideo|\bo bell\b|dros y ffôn|galwad)",
        re.I,
    ),
)
_IN_PERSON = r"(?:in person|face[- ]to[- ]face|wyneb yn wyneb|(?:\byn|['’]n) bersonol)"
_REMOTE = r"(?:virtual(?:ly)?|remote(?:ly)?|online|video|by (?:tele)?phone|rhithiol|rhithwir|ar-lein|fideo\w*|o bell)"
IN_PERSON = rule("meetings.in_person", re.compile(_IN_PERSON, re.I))
# A hybrid meeting: said so, or both ways of attending in one sentence ("either in person or by video conference",
# "to meet in person, noting some attendees were online", "naill ai'n bersonol neu drwy fideogynadledda").
HYBRID = rule(
    "meetings.hybrid",
    re.compile(
        rf"(?:\b(?:hybrid|cymysg)\b|{_IN_PERSON}[^.\n]{{0,150}}?\b{_REMOTE}|\b{_REMOTE}[^.\n]{{0,150}}?{_IN_PERSON})",
        re.I,
    ),
    needle="hybrid|cymysg|person|face|wyneb|bersonol",
)
_EN_MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# Where a meeting was: "met/held ... at/in X", or someone "was in X to attend" it.
LOC_RE = rule(
    "meetings.loc_re",
    re.compile(
        r"(?:\b(?<!had\s)(?:met|held|hosted|took place|meeting|Council|Committee|Group|Summit|IMG|meet|convened|attended)\b"
        r"[^.;\n]{0,60}?\b(?:at|in)\s+(?:the\s+)?(?P<loc>(?:\d+\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|offices))*"
        # A place goes on with a place ("Cabinet Office in London"), not with a time ("Orkney in September").
        r"(?:(?:,\s*|\s+in\s+(?!" + _EN_MONTH + r"\b))(?:\d+\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*){0,2})"
        r"|\b(?:was|were)\s+in\s+(?P<city>[A-Z][\w'’-]+)\s+(?:to attend|for the)\b"
        # Welsh: "a gynhaliwyd yn Llundain", "cyfarfod ... yng Nghaeredin", "uwchgynhadledd ... yn Amgueddfa ... yng Nghaerdydd".
        r"|\b(?:[CcGg]ynhaliwyd|[CcGg]ynnal|[CcGg]ynhaliodd|[Cc]yfarfu|[CcGg]yfarfod|nghyfarfod|[Uu]wchgynhadledd)\b[^.;\n]{0,80}?\b"
        r"(?P<cyloc>(?:yn|yng|ym)\s+[A-ZŴŶ][\w'’-]*(?:\s+[A-ZŴŶ][\w'’-]*)*(?:,?\s+(?:yng|yn|ym)\s+[A-ZŴŶ][\w'’-]*)?))"
    ),
)
# A named building is a venue wherever a meeting's text gives it ("in St Andrew's House, Edinburgh", a minutes line
# "Scotland House, London."), even where its first word is a country's name.
VENUE_RE = rule(
    "meetings.venue_re",
    re.compile(
        r"(?:\b(?:at|in)\s+(?:the\s+)?|^[^\n]{0,40}?)(?P<loc>(?:(?!Meeting\b)[A-Z][\w'’-]*\s+){1,3}(?:House|Castle|Buildings|Offices|Palace)"
        r"(?:,\s*[A-Z][a-z]+)?)",
        re.M,
    ),
)
NOT_PLACE = rule(
    "meetings.not_place",
    re.compile(
        r"^(?:Llywodraeth|Lywodraeth|Senedd|Gymraeg|Saesneg|January|February|March|April|May|June|July|August|September|October|November|December|"
        r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|This|UK|United Kingdom|Wales|"
        r"Scotland|England|Northern Ireland|Scottish|Welsh|Parliament|Government|EU|European|"
        r"Inter|Interministerial|Intergovernmental|IGR|Joint|Ministerial|First|Prime|Cabinet(?! Office)|Minister|"
        r"Secretary|Chancellor|Council|Senedd|Brexit|Covid|COVID|Common|Relations|Trade|Group|"
        r"Committee|Parliamentary|Dispute|In|Safety|Housing|Environment|Culture|Education|Health)\b"
    ),
)
CHAIR_AFTER = rule(
    "meetings.chair_after",
    re.compile(
        r"(?:chaired by|Chair(?:ed)?:|(?:was|is) the [Cc]hair,? )|"
        r"(?:Cadeirydd:|[cg]adeiriwyd (?:y cyfarfod )?gan|[cg]adeirio gan|dan gadeiryddiaeth)",
        re.I,
    ),
)
CHAIR_BEFORE = rule(
    "meetings.chair_before",
    re.compile(
        r"\bchaired\b(?! by)|(?:as|acting as|stepped in to|stood in to|stood in as) (?:the )?[Cc]hair\b|"
        r"\((?:Chair|Co-[Cc]hair|[Cc]adeirydd|[Cc]yd-[Gg]adeirydd)\)|(?:yn cadeirio|fel [Cc]adeirydd)",
        re.I,
    ),
)
NEXT_RE = rule(
    "meetings.next_re",
    re.compile(r"(?:next meeting|reconvene|meet again|next [A-Z]{2,}|cyfarfod nesaf)", re.I),
)
MEETING_WORDS = rule(
    "meetings.meeting_words",
    re.compile(
        r"\b(?:met|meet|meetings?|held|took place|takes? place|taking place|taken place|took part|attended|chaired|convened|"
        r"summits?|call|communiqu[eé]s?|sessions?|[cg]yfarfod(?:ydd)?|nghyfarfod|[cg]ynhaliwyd|Minutes|agreed at|represented|mynych\w*|"
        r"[cg]ynrychiol\w*|bresennol|cyfarfu|[cg]wrdd)\b",
        re.I,
    ),
)
COMMUNIQUE_RE = rule(
    "meetings.communique_re",
    re.compile(
        r"(?:communiqu|read ?out|readout)|(?:cyd-?ddatganiad|datganiad ar y cyd|\b(?:cyd-?)?hysbysiad\b)",
        re.I,
    ),
)


def find_forum(text: str, title_end: int) -> tuple[BodyHit | None, float]:
    """The forum a document is about: the one named in its title, else the one named most often.

    Known forums count before open-world ones (a forum named as written, not in the reference data), which
    are kept only where no known forum is named at all; the confidence says which it was.
    """
    hits = [h for h in find_forums(text) if h.start < title_end or not in_context(text, h, past_only=True)]
    if not hits:
        return None, 0.0
    in_title = [h for h in hits if h.start < title_end]
    if in_title:
        best = in_title[0]
        # A title names a series ("JMC (EU Negotiations) communique"); the text's "plenary session of the
        # Joint Ministerial Committee" names the format that actually met, and outranks it.
        plenary = [h for h in hits if h.start >= title_end and re.search(r"(?i)plenary", h.text)]
        g = gazetteer()
        if (
            plenary
            and not is_open(best.key)
            and not is_open(plenary[0].key)
            and g.bodies[plenary[0].key]["tier"] == g.bodies[best.key]["tier"]
        ):
            best = plenary[0]
        return best, OPEN_CONFIDENCE if is_open(best.key) else KNOWN_CONFIDENCE
    counts = Counter(h.key for h in hits)
    ranked = sorted(counts, key=lambda k: (is_open(k), -counts[k], next(h.start for h in hits if h.key == k)))
    key = ranked[0]
    first = next(h for h in hits if h.key == key)
    return first, OPEN_CONFIDENCE if is_open(key) else 0.75


def _skip_date_context(sentence: str) -> bool:
    return bool(
        re.search(
            r"my letter of|wrote to you|letter dated|originally (?:planned|scheduled)|postponed from|"
            r"published|Updated|First published|Cyhoeddwyd|due to take place on|which was due|"
            r"deadline|Returning Officers|Bill|Act \d",
            sentence,
            re.I,
        )
    )


def meeting_date(
    text: str,
    forum_span: tuple[int, int],
    ref: dt.date | None,
    pub_span: tuple[int, int],
    title_end: int,
    future_ok: bool = False,
) -> tuple[str | None, int, int, float]:
    """The date of the reported meeting: a date in a sentence about meeting, nearest the forum's mention."""
    best = None
    all_dates = SpanIndex(find_dates(text))
    known = {(d.month, d.day): d.year for d in all_dates if d.year and d.day}
    for off, sent in sentences(text):
        if not MEETING_WORDS.search(sent) and off >= title_end and not off <= forum_span[0] < off + len(sent):
            continue
        local = [
            replace(d, start=d.start - off, end=d.end - off) for d in all_dates.inside(off, off + len(sent))
        ]
        for d in local:
            a, b = off + d.start, off + d.end
            if a < pub_span[1] and b > pub_span[0]:
                continue
            if re.search(r"(?:Published|Updated|published:?)\s*$", sent[: d.start]):
                continue
            context = sent[max(0, d.start - 60) : d.end + 10]
            if BOUND.search(sent[max(0, d.start - 12) : d.start]):
                continue  # "since 29 August", "by 5 May": a period's bound, not the meeting
            if _skip_date_context(context) and not re.search(r"held on|took place on|met on", context, re.I):
                continue
            if NEXT_RE.search(sent) and not re.search(r"\bheld\b|took place", sent) and not future_ok:
                continue
            iso = (
                d.iso(known[(d.month, d.day)])
                if not d.year and (d.month, d.day) in known
                else infer_year(d, ref, tense_of(sent))
            )
            score = (1.0 if d.day else 0.6) - min(abs(a - forum_span[0]), 3000) / 6000
            if not iso and d.day and ref is None:
                # Nothing gives the year: the day and month alone (ISO 8601 "--MM-DD"), less sure, for ingest.
                iso, score = f"--{d.month:02d}-{d.day:02d}", score - 0.2
            if not iso:
                continue
            if re.search(r"held on|took place|met on|met|on\s*$", sent[max(0, d.start - 25) : d.start], re.I):
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
        today = re.search(r"\btoday\s*\(([^)]{5,40})\)", text[:1500], re.I)
        said = find_dates(today[1]) if today else []
        iso = infer_year(said[0], ref, "future") if said else None
        return (iso, today.start(1), today.end(1), 0.5) if iso and today else (None, 0, 0, 0.0)
    conf = min(0.95, 0.5 + best[0] / 3)
    return best[1], best[2], best[3], conf if not best[1].startswith("--") else min(conf, 0.5)


def ordinal(text: str) -> tuple[int | None, int, int]:
    m = MET_TIME_RE.search(text)
    if m:
        w = m["w"].lower()
        return (ORDINALS.get(w) or int(re.sub(r"\D", "", w))), m.start(), m.end()
    for m in CY_ORDINAL.finditer(text):
        if m["noun"]:
            return welsh_numbers.ordinal_value(m["w"], m["tail"], m["n"]), m.start(), m.end()
        if m["first"]:
            return 1, m.start(), m.end()
        if m["c"] and (value := welsh_numbers.cardinal_value(m["c"])):
            return value, m.start(), m.end()
    for m in ORDINAL_RE.finditer(text):
        after = m["after"]
        if not MEETING_NOUN_AFTER.match(after) and not re.match(r"\s*[A-Z]", after):
            continue
        if re.search(r"\bsince\b|this year|time\b", after[:60]) or re.match(r"\s*Ministers?\b", after):
            continue  # "First Minister" is a post, not an ordinal
        if not MEETING_NOUN_AFTER.match(after) and not find_forums(after[:70]):
            continue
        val = ORDINALS.get(m["w"].lower()) if m["w"] else int(m["n"])
        if val:
            return val, m.start(), m.end()
    return None, 0, 0


def mode_and_location(text: str) -> tuple[str | None, str | None, int, int]:
    location, ls, le = None, 0, 0
    for m in LOC_RE.finditer(text):
        group = "loc" if m["loc"] else "city" if m["city"] else "cyloc"
        loc = m[group].strip(" ,.")
        if group == "cyloc":
            # "yn X yng Nghaerdydd" -> "X, Caerdydd": each place name after "yn" in its radical form.
            parts = re.findall(r"(yn|yng|ym)\s+([^,]+?)(?=,?\s+(?:yn|yng|ym)\s+|$)", loc)
            loc = ", ".join(
                " ".join([radical_place(prep, words.split()[0])] + words.split()[1:]) for prep, words in parts
            )
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
    if HYBRID.search(text) or (location and virtual):
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
    return (
        kind == "communique"
        or bool(COMMUNIQUE_RE.search(text))
        or bool(re.search(r"^[^\n]{0,120}\bMinutes\b", text[:600], re.M))
    )


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


# A meeting reported as held: a past verb of meeting or of taking part, or the last meeting spoken of.
HELD = rule(
    "meetings.held",
    re.compile(
        r"\b(?:met|took place|(?:was|were|been) held|convened|attended|chaired|hosted|participated|took part|joined)\b|"
        r"\b(?:at|in) the (?:last|latest|most recent|previous) meeting\b|"
        r"\b(?:cyfarfu|[cg]ynhaliwyd|wedi(?:['’]i)? (?:[cg]ynnal|cyfarfod)|mynych(?:ais|wyd|odd)|[cg]adeiriwyd|"
        r"[cg]ymerais ran|yn bresennol|yn y cyfarfod (?:diwethaf|diweddaraf|blaenorol))\b",
        re.I,
    ),
)
# A meeting spoken of but not held here: the next or previous one, a regular one, one asked for or proposed
# ("last week" is a time, not the previous one).
NOT_A_MEETING = rule(
    "meetings.not_a_meeting",
    re.compile(
        r"\b(?:next|previous|last(?!\s+(?:week|month|year|night|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)|"
        r"upcoming|forthcoming|future|regular|weekly|would|could|should|look forward|invite|request|propos|"
        r"gofyn am|cais am|nesaf|blaenorol|rheolaidd)\w*",
        re.I,
    ),
)


def reported(text: str, key: str) -> bool:
    """Whether the text reports a meeting of the forum: a sentence naming it (or the next, which speaks of
    "the meeting") says, without negation, that it met or someone took part, or gives the day it meets; a
    question about it, a plan without a date, or "it has not met since" does not."""
    if not HELD.enabled:
        return True  # without the rule there is no gate: a forum named is a meeting, as for any document
    hits = [h.start for h in find_forums(text) if h.key == key]
    said = sentences(text)
    for i, (off, sent) in enumerate(said):
        if not any(off <= h < off + len(sent) for h in hits):
            continue
        # The next sentence of the same paragraph may say it: "... the Council. It met on 4 March."
        follows = [said[i + 1][1]] if i + 1 < len(said) and "\n" not in text[off : said[i + 1][0]] else []
        for part in [sent] + follows:
            held = [m.start() for m in HELD.finditer(part)] if tense_of(part) == "past" else []
            dated = [d.start for d in find_dates(part) if d.day]
            # What counts is said just before the verb or the date ("has not met since", "the next meeting on").
            if any(not NOT_A_MEETING.search(part[max(0, at - 40) : at]) for at in held + dated):
                return True
    return False
