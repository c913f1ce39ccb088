"""Who attended a meeting: attendance passages, name-role pairing, governments and capacities.

Why passages first: names appear all over a statement (people quoted, thanked, mentioned); only those
in sentences or lists about attending, chairing or representing are attendees, and sentences saying
someone withdrew or could not attend are dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from igr.extract.dates import tense_of
from igr.extract.forums import find_forums
from igr.extract.groups import dedupe, described, expand_plural, leaders_from, welsh_plurals
from igr.extract.pairing import attached_government, clause_around, pair, represented
from igr.extract.people import (
    CY_PLURAL_POST,
    DEPT_GOV,
    MINISTERIAL,
    Person,
    capacity_of,
    clean_role,
    explicit_government,
    find_people,
    find_roles,
    role_government,
)
from igr.extract.rules import rule
from igr.welsh import word_pattern

# Each alternative is one way of saying someone took part; word lists of a language are one alternative each.
ATTEND_CUE = rule(
    "attendance.attend_cue",
    re.compile(
        r"(?:attend|chair|represent|joined|accompan|participat|included|host|took part|absence of|behalf of|\bled by\b|"
        r"\bdelegation\b|\bcounterparts\b)|"
        r"(?:in attendance|present\b|\bmet\b|Attending|attendees|(?:M|m)inisters were|were:|was:|Chair:)|"
        r"(?:talks|calls?|meetings?|discussions?|\bdiscussed\b[^.;]{0,100}?) with\b|welcom(?:ed|ing) (?:the )?(?:[A-Z][\w'’]+ )*(?:Minister|Secretary)|"
        r"(?:(?:an? )?(?:update|briefing|presentation)\b[^.]{0,60}\bfrom\b|\b(?:provided|gave|delivered)\s+(?:an?\s+)?"
        r"(?:update|briefing|overview|presentation)\b)|"
        # Welsh, under mutation: "yn bresennol", "mynychwyd gan", "(g)ynrychioli", "(g)adeirio", "ar ran", "roedd:".
        r"(?:bresennol|mynych|"
        + word_pattern("cynrychiol")
        + r"|ymunodd|[cg]adeiri|[Cc]adeirydd|\bar ran\b|yng nghwmni|yn gwmni|"
        r"yn y cyfarfod (?:roedd|hefyd)|roedd:|oedd:|\byno\b|[Yy]mysg|arweiniodd|d?dirprwyaeth|[cg]roesaw\w*|"
        r"\b(?:[cg]yfarfod(?:ydd)?|g?alwad(?:au)?|d?drafodaethau)\s+(?:\w+\s+){0,2}(?:â|ag|gyda)\b)",
        re.I,
    ),
)
# Someone who did not take part, one construction per alternative, in either language: could not attend, sent
# apologies, was expected but withdrew.
NEG_CUE = rule(
    "attendance.neg_cue",
    re.compile(
        r"(?:(?:unable|not able|could not|did not|failed|not)\s+(?:to\s+)?(?:attend|participate|join)|"
        r"\b(?:Nid|nad) oedd\b.{0,200}\b(?:gallu|modd) (?:bod yn bresennol|mynychu)|methu (?:â|a) (?:bod yn bresennol|mynychu))|"
        r"(?:(?:sent|gave|offered)\s+(?:her|his|their)\s+apologies|apologies (?:were|was) (?:received|given)|ymddiheur)|"
        r"(?:withdrew|pulled out|(?:had been|was|were)\s+expected|would (?:have )?(?:lead|led|attended)|tynnodd yn ôl)",
        re.I,
    ),
    needle=r"attend|particip|join|apolog|withdrew|pulled out|expected|would|bresennol|mynychu|ymddiheur|tynnodd",
)
LIST_HEAD = rule(
    "attendance.list_head",
    re.compile(
        r"(?:attend|Attendees|Attending|present|were(?: as follows)?[.:]|in attendance|"
        r"[Ff]rom the .{3,40}(?:Government|Executive)|Other ministers|bresennol|\broedd\b|\boedd\b|"
        r"^O (?:Lywodraeth|Weithrediaeth))",
        re.I,
    ),
)
HEADING_LIST = rule(
    "attendance.heading_list",
    re.compile(
        r"^(?:Attendees|Attendance|Attending|Present|In attendance|Participants|Yn bresennol|"
        r"Presenoldeb|Mynychwyr)(?: and apologies)?:?$",
        re.I,
    ),
)
STOP_HEAD = rule(
    "attendance.stop_head",
    re.compile(
        r"^(?:Items and actions|What was discussed|Welcome|Agenda|Discussion|Minutes|Summary|Topics)\b", re.I
    ),
)
FORUM_WORD = rule(
    "attendance.forum_word",
    re.compile(r"(?:Council|Committee|Group|Quadrilateral|Cyngor|Gr[ŵw]p|Pwyllgor|JMC|IMG)"),
)
BULLET = rule("attendance.bullet", re.compile(r"^\s*(?:[•\-*\u2022\uf0b7]|\d+\.)\s*"))
OFFICIALS = rule(
    "attendance.officials",
    re.compile(
        r"(?:(?:an?|the)\s+)?(?:senior\s+)?(?:(?:Welsh|Scottish|UK|Northern Ireland)(?: Government)?\s+)?(?:[Ss]enior\s+)?"
        r"(?:officials?|civil servants?|member of (?:their|the) Civil Service|represented at official level)"
        r"(?:\s+(?:from|of)\s+(?:the\s+)?(?-i:[A-Z][\w'’]*(?:[ \t]+[A-Z][\w'’]*)*))?"
        # Welsh: "uwch-weision sifil o Ogledd Iwerddon", "swyddogion Llywodraeth yr Alban" (mutated after a preposition).
        r"|(?:uwch[- ]?)?(?:[gw]?weision\s+sifil|[sS]wyddog(?:ion)?\b)(?:\s+(?:(?:o|gan)\s+)?(?-i:[A-Z][\w'’]*(?:[ \t]+(?:y\b|yr\b|[A-Z][\w'’]*))*))?",
        re.I,
    ),
)
# "the Irish Government, represented by X", "Llywodraeth Jersey, yn cael ei chynrychioli gan y Dirprwy X".
# "by me as deputy First Minister", "a minnau fel Prif Weinidog": the post is the speaker's own.
# "As the Minister for Health, I attended", "Fel y Gweinidog Iechyd ... roeddem yn bresennol".
SELF_POST = rule(
    "attendance.self_post",
    re.compile(r"(?:\b(?:me|myself|I|minnau)\s+|^\s*|[.;]\s+)(?:as|fel)\s+(?:the\s+|y\s+|yr\s+)?$", re.I),
)
HAS_FIRST_MINISTER = {"wales", "scotland", "northern-ireland"}
ABBREV_END = rule("attendance.abbrev_end", re.compile(r"(?:\b(?:Hon|Rt|Dr|Mr|Mrs|Ms|St|No|Prof|Anrh)\.)$"))


@lru_cache(maxsize=32)
def sentences(text: str, base: int = 0) -> tuple[tuple[int, str], ...]:
    """Lines, then sentences within lines, keeping offsets; abbreviations such as 'Rt Hon.' do not end one.
    Cached: each meeting's fields read the same text's sentences again."""
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        start = 0
        parts = list(re.finditer(r"(?<=[.!?])\s+(?=[A-Z“\"(])", line))
        for m in parts:
            piece = line[start : m.start()]
            if ABBREV_END.search(piece):
                continue
            out.append((base + pos + start, piece.rstrip()))
            start = m.end()
        out.append((base + pos + start, line[start:].rstrip()))
        pos += len(line) + 1
    return tuple([(o, s) for o, s in out if s.strip()])


def attendance_units(
    text: str, negatives: list[str] | None = None
) -> list[tuple[int, str, str | None, bool]]:
    """(offset, unit text, government from a list header, in an 'also in attendance' list) for each unit;
    sentences saying someone did not take part go to ``negatives``."""
    units: list[tuple[int, str, str | None, bool]] = []
    in_list = False
    header_gov: str | None = None
    officials_list = False
    for off, sent in sentences(text):
        stripped = sent.strip()
        if STOP_HEAD.match(stripped):
            in_list = False
            header_gov = None
            continue
        is_item = bool(BULLET.match(sent)) or (in_list and len(stripped) < 200)
        # "From the Scottish Government:" or, as a heading line of its own, "From the UK Government".
        gov_head = re.match(
            r"^\s*(?:[•\-*]\s*)?(?:[Ff]rom (?:the )?|O\s+)(.{2,45}?(?:Government|Executive|government|"
            r"[Ll]ywodraeth|[Ww]eithrediaeth)[^:;]{0,20})[:;]\s*$",
            sent,
        ) or re.match(r"^\s*From (?:the )?((?:[A-Z][\w'’]*\s+){1,4}(?:Government|Executive))\s*$", sent)
        if gov_head:
            header_gov = explicit_government(gov_head.group(1))[0]
            in_list = True
            continue
        inline = re.match(
            r"^\s*(?:[•\-*]\s*)?[Ff]rom (?:the )?(.{2,45}?(?:Government|Executive|government)[^:;]{0,12})[:;,]?\s*[-–]?\s*\S",
            sent,
        )
        if inline and not stripped.endswith(":"):
            units.append((off, sent, explicit_government(inline.group(1))[0], False))
            continue
        if (stripped.endswith((":", ";")) and LIST_HEAD.search(stripped)) or HEADING_LIST.match(stripped):
            in_list = True
            header_gov = explicit_government(stripped)[0] if re.match(r"(?i)from", stripped) else None
            officials_list = bool(re.search(r"Also in attendance|[Oo]fficials", stripped))
            units.append((off, sent, None, False))
            continue
        if in_list and is_item:
            units.append((off, sent, header_gov, officials_list))
            continue
        if in_list and len(stripped) >= 200:
            in_list = False
            header_gov = None
            officials_list = False
        if NEG_CUE.search(sent):
            if negatives is not None:
                negatives.append(sent)
        elif ATTEND_CUE.search(sent):
            units.append((off, sent, None, False))
    return units


def _absent(negatives: list[str]) -> tuple[set[str], set[str]]:
    """Names and posts the text says did not take part ("The Minister for Climate Change, Jane Doe MS, was unable
    to attend"): whoever they are, wherever else they are mentioned, they are not attendees."""
    names: set[str] = set()
    posts: set[str] = set()
    for sent in negatives:
        people = find_people(sent)
        names |= {p[2].lower() for p in people}
        posts |= {clean_role(r[2]).lower() for r in find_roles(sent, people)}
    return names, posts


def extract_attendees(
    text: str, base: int = 0, home_gov: str | None = None, past: bool = False
) -> list[Person]:
    """Everyone the text says took part, in order of first mention.

    ``home_gov``: the government whose document it is (its bare "First Minister" is its own); ``past``: the
    meeting is over, so a sentence in the future tense speaks of another.
    """
    found: list[Person] = []
    negatives: list[str] = []
    for off, unit, header_gov, officials_list in attendance_units(text, negatives):
        if past and tense_of(unit) == "future":
            continue
        people = find_people(unit)
        unit_from = len(found)
        forums = [(h.start, h.end) for h in find_forums(unit)] if FORUM_WORD.search(unit) else []
        # A post inside a forum's name ("Prime Minister and Heads of Devolved Governments Council") is no one.
        roles = [
            r
            for r in find_roles(unit, people)
            if not re.match(r"(?i)(?:the\s+)?Chair\b", r[2]) and not any(a <= r[0] < b for a, b in forums)
        ]
        sentence_gov, _ = explicit_government(unit)
        observer = bool(re.search(r"observ|arsylw", unit, re.I))
        absence = bool(re.search(r"absence of|in lieu of|on behalf of the absent", unit, re.I))
        spans = sorted([(p[0], p[1]) for p in people] + [(r[0], r[1]) for r in roles])
        last_gov: str | None = None
        last_end = -1
        for person, role in pair(unit, people, roles):
            if person is None:
                if role is None or not MINISTERIAL.search(role[2]) or CY_PLURAL_POST.search(role[2]):
                    continue  # a Welsh plural post ("Prif Weinidogion Jersey, Guernsey ac Ynys Manaw"): see welsh_plurals
                # "In the absence of a First Minister ...": a post said to be vacant or missing did not attend.
                if re.search(
                    r"\b(?:absence|absent|without|vacan\w*)\b[^.;]{0,30}$",
                    unit[max(0, role[0] - 60) : role[0]],
                    re.I,
                ):
                    continue
                if SELF_POST.search(unit[max(0, role[0] - 30) : role[0]]):
                    continue  # "by me as deputy First Minister": the speaker's own post
                generic = re.fullmatch(r"(?:the\s+)?(?:\w+\s+)?(?:Ministers?|Secretary|Secretaries)", role[2])
                # A bare "First Minister" is someone only where the sentence says whose ("The Executive was
                # represented by the First Minister, deputy First Minister ..."), or in a devolved government's
                # own document, where it is that government's.
                bare_first = re.fullmatch(r"(?:the\s+)?(?:[Dd]eputy\s+)?First Minister", role[2])
                own_first = bare_first and not sentence_gov and home_gov in HAS_FIRST_MINISTER
                specific = re.fullmatch(r"(?:the\s+)?(?:Deputy\s+)?Prime Minister", role[2]) or (
                    bare_first and (sentence_gov or own_first)
                )
                # A long sentence lists many things; only a post that says whose it is counts there.
                if (generic and not specific) or (
                    len(unit) > 400 and not re.search(r"\b(?:of|for)\b", role[2])
                ):
                    continue
                for r in expand_plural(clean_role(role[2])):
                    gov = (
                        explicit_government(clause_around(unit, role[0], role[1]))[0]
                        or header_gov
                        or role_government(r)
                        or sentence_gov
                        or (home_gov if own_first else None)
                    )
                    found.append(
                        Person(
                            None,
                            r,
                            gov,
                            capacity_of(r, unit if observer else ""),
                            base + off + role[0],
                            base + off + role[1],
                            0.5,
                        )
                    )
                continue
            s, e, name, pgov, strong = person
            role_text = clean_role(role[2]) if role else None
            lo, hi = min(s, role[0]) if role else s, max(e, role[1]) if role else e
            own = {(s, e)} | ({(role[0], role[1])} if role else set())
            left = max((x[1] for x in spans if x[1] <= lo and x not in own), default=0)
            right = min((x[0] for x in spans if x[0] >= hi and x not in own), default=len(unit))
            if ";" in unit[hi:right]:
                right = unit.index(";", hi)
            seg = clause_around(unit, lo, hi)
            dept = re.search(r"\((\w{2,6})\)", unit[e : e + 10]) if officials_list else None
            # "Northern Ireland's Senior Officials A and B": B shares A's government.
            shared = (
                last_gov
                if last_end >= 0 and re.fullmatch(r"\s*(?:,|and|&|a|ac)\s*", unit[last_end:s])
                else None
            )
            gov = (
                attached_government(unit, lo, hi, left, right)
                or shared
                or header_gov
                or (DEPT_GOV.get(dept.group(1)) if dept else None)
                or (
                    role_government(role_text)
                    if pgov == "wales" and role_government(role_text) == "uk"
                    else None
                )
                or pgov
                or role_government(role_text)
                or sentence_gov
            )
            cap = "official" if officials_list else capacity_of(role_text, seg if observer else "")
            # "X, Permanent Secretary (in lieu of Minister)": the absence belongs to the person it is written beside.
            own_absence = absence and (
                ";" not in unit
                or bool(
                    re.search(r"absence of|in lieu of|on behalf of the absent", unit[lo : right + 40], re.I)
                )
            )
            if (
                own_absence
                and cap == "minister"
                and role_text
                and not re.search(r"Minister|Secretary of State|Cabinet Secretary", role_text)
            ):
                cap = "official"
            if role_text is None and not strong and officials_list is False and not header_gov:
                conf = 0.4
            else:
                conf = 0.8 if role_text else 0.6
            last_end, last_gov = e, gov
            found.append(
                Person(
                    name,
                    role_text or (dept.group(1) if dept else None),
                    gov,
                    cap,
                    base + off + s,
                    base + off + e,
                    conf,
                )
            )
        groups = (
            leaders_from(unit, base + off) + welsh_plurals(unit, base + off) + described(unit, base + off)
        )
        found += groups
        # A group already read by its government ("swyddogion Gweithrediaeth Gogledd Iwerddon") is not read again
        # as officials.
        covered = (
            [(p[0], p[1]) for p in people]
            + [(r[0], r[1]) for r in roles]
            + [(g.start - base - off, g.end - base - off) for g in groups]
        )
        for m in OFFICIALS.finditer(unit):
            if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in covered):
                continue
            if re.search(r"officials? (?:to|should|were tasked|will)", unit[m.start() : m.end() + 15]):
                continue
            follow = [p for p in people if 0 <= p[0] - m.end() <= 3]
            # "Jane Doe (Senior Official)", "Jane Doe, official": the post of the name before it.
            before = [p for p in people if re.fullmatch(r"\s*[(,]\s*", unit[p[1] : m.start()])]
            if before:
                at = base + off + before[-1][0]
                for p in found:
                    if p.start == at and p.role is None:
                        p.capacity, p.role = "official", m.group(0).strip()
                continue
            if follow:
                for p in found:
                    if p.start - base - off >= m.end() and p.capacity == "minister" and p.role is None:
                        p.capacity, p.role = "official", m.group(0).strip()
                continue
            gov = explicit_government(m.group(0))[0] or (
                "northern-ireland" if re.search(r"Northern Ireland", unit) else sentence_gov
            )
            found.append(
                Person(
                    None,
                    m.group(0).strip(),
                    gov,
                    "observer" if observer else "official",
                    base + off + m.start(),
                    base + off + m.end(),
                    0.5,
                )
            )
        # "Scotland was represented by X", "Cynrychiolwyd Gogledd Iwerddon gan weision sifil": X attends for it.
        for a, b, gov in represented(unit):
            for p in found[unit_from:]:
                if a <= p.start - base - off < b:
                    p.government = gov
    absent_names, absent_posts = _absent(negatives)
    found = [
        p
        for p in found
        if not (p.name and p.name.lower() in absent_names)
        and not (p.name is None and (p.role or "").lower() in absent_posts)
    ]
    return dedupe(found)
