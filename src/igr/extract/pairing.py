"""Pairing names with posts, and a person with the government a sentence gives them.

Why apart from attendance.py: attendance decides which sentences speak of taking part; this decides, inside one,
which post and which government belong to which name ("Jane Doe MSP, Minister for Trade, Scottish Government;
and John Roe MP ...", "the Irish Government, represented by ...").
"""

from __future__ import annotations

import re

from igr.extract.people import GOV_PATTERNS
from igr.extract.rules import rule
from igr.welsh import word_pattern

# The government before the people it sends: "the Irish Government, represented by X", "Llywodraeth Jersey, yn
# cael ei chynrychioli gan y Dirprwy X", "dirprwyaeth Weithredol Gogledd Iwerddon—y Gweinidogion X ac Y".
REPRESENTED_BY = rule(
    "attendance.represented_by",
    re.compile(
        r"[\s,:–-]*(?:(?:was\s+)?represented\s+by|yn\s+cael\s+ei\s+[cg]h?ynrychioli\s+gan|wedi['’]i\s+[cg]h?ynrychioli\s+gan|"
        r"[—–]|:)\s*(?:the\s+|y\s+|yr\s+)?(?:[A-Z][\w'’]*\s+){0,2}"
    ),
)
# "Scotland was represented by X", "the UK Government was represented at the meeting by X"; in Welsh the impersonal
# "Cynrychiolwyd Gogledd Iwerddon gan weision sifil" and "Roedd Llywodraeth yr Alban yn cael ei chynrychioli gan X":
# whoever the clause names after the verb attends for the government, or the nation, before it.
_PARTY = r"(?:(?:the|y|yr)\s+)?[A-ZŴŶ][\w'’-]*(?:\s+(?:of\s+(?:the\s+)?|y\s+|yr\s+)?[A-ZŴŶ][\w'’-]*){0,3}"
REPRESENTING = rule(
    "attendance.representing",
    re.compile(
        rf"\b(?P<en>{_PARTY})\s+(?:was|were)\s+represented\s+(?:at\s+[^.;\n]{{0,60}}?\s+)?by\b|"
        rf"(?:{word_pattern('cynrychiolwyd')}\s+(?P<cy>{_PARTY})\s+(?:yn\s+y\s+cyfarfod\s+)?gan\b|"
        rf"\b(?P<cy2>{_PARTY}),?\s+yn\s+cael\s+(?:ei|eu)\s+{word_pattern('cynrychioli')}\s+gan\b)"
    ),
    needle=r"represented|ynrychiol",
)
LIST_AND = re.compile(r"(?:\band\b|\ba(?:c|['’]r)?\b|;)")


def pair(unit: str, people: list, roles: list) -> list[tuple[tuple | None, tuple | None]]:
    """Pair names with adjacent post titles, following the unit's own order (role-first or name-first)."""
    ents = sorted(
        [("N", p[0], p[1], p) for p in people] + [("R", r[0], r[1], r) for r in roles], key=lambda e: e[1]
    )
    adjacent = re.compile(
        r"^\s*(?:[,–—:(-]|\bin the [\w ]+Government,)?\s*(?:the\s+|y\s+|yr\s+)?(?:[A-Z][\w ]{1,30}(?:Government|Executive)['’]s\s+)?(?:HM\s+|His Majesty's\s+|Her Majesty's\s+)?"
        r"(?:(?:Rt\.?\s*Hon\.?|Dr\.?|Mr|Mrs|Gwir\s+Anrh(?:ydeddus)?\.?)\s+)*$"
    )
    role_first = bool(ents) and ents[0][0] == "R"
    used: set[int] = set()
    pairs = []
    for i, e in enumerate(ents):
        if e[0] != "N" or i in used:
            continue
        prev_ok = (
            i > 0
            and ents[i - 1][0] == "R"
            and i - 1 not in used
            and adjacent.match(unit[ents[i - 1][2] : e[1]])
        )
        next_ok = i + 1 < len(ents) and ents[i + 1][0] == "R" and adjacent.match(unit[e[2] : ents[i + 1][1]])
        if (
            next_ok
            and i + 2 < len(ents)
            and ents[i + 2][0] == "N"
            and adjacent.match(unit[ents[i + 1][2] : ents[i + 2][1]])
            and role_first
        ):
            next_ok = False
        choice = (i - 1 if prev_ok else None) if role_first else (i + 1 if next_ok else None)
        if choice is None:
            choice = i + 1 if next_ok else (i - 1 if prev_ok else None)
        used.add(i)
        if choice is not None:
            used.add(choice)
        pairs.append((e[3], ents[choice][3] if choice is not None else None))
    for i, e in enumerate(ents):
        if e[0] == "R" and i not in used:
            pairs.append((None, e[3]))
    return pairs


def clause_around(unit: str, start: int, end: int) -> str:
    """The clause around a person, bounded by semicolons, to find 'the Scottish Government's ...'."""
    a = max(unit.rfind(";", 0, start), unit.rfind(":", 0, start), unit.rfind(" and ", 0, start) + 4) + 1
    b_candidates = [x for x in (unit.find(";", end), unit.find(" and ", end)) if x != -1]
    b = min(b_candidates) if b_candidates else len(unit)
    return unit[a:b]


def attached_government(unit: str, lo: int, hi: int, left: int, right: int) -> str | None:
    """The government phrase that belongs to the person at [lo, hi): inside, before if possessive, else after."""
    best = None
    for rx, key in GOV_PATTERNS:
        for m in rx.finditer(unit, left, right):
            possessive = unit[m.end() : m.end() + 2] in ("'s", "’s") or m.group(0).endswith(
                ("'s", "’s", "' ", "’ ")
            )
            inside = lo <= m.start() < hi
            represented = m.end() <= lo and bool(REPRESENTED_BY.fullmatch(unit[m.end() : lo]))
            before = m.end() <= lo and (
                possessive
                or represented
                or re.search(
                    r"(?:from|of|for|on behalf of) (?:the )?$", unit[max(left, m.start() - 20) : m.start()]
                )
            )
            # After the person, up to the next item of a list ("X, Post, Government; and Y ...").
            after = m.start() >= hi and not possessive and not LIST_AND.search(unit[hi : m.start()])
            # "Jane Doe MSP from the Scottish Government, and ...": a government introduced straight after a
            # person by "from"/"on behalf of" is theirs, whatever precedes them.
            own_after = after and re.fullmatch(
                r"[\s,]*(?:(?:from|on behalf of|of|representing|for)\s+)(?:the\s+)?", unit[hi : m.start()]
            )
            if inside or before or after:
                dist = (
                    0 if inside or own_after or represented else (lo - m.end() if before else m.start() - hi)
                )
                if best is None or dist < best[0]:
                    best = (dist, key)
    return best[1] if best else None


def represented(unit: str) -> list[tuple[int, int, str]]:
    """Spans of a unit whose people attend for a government the clause names: (start, end, government)."""
    from igr.extract.groups import territory_government

    found = []
    for m in REPRESENTING.finditer(unit):
        party = m["en"] or m["cy"] or m["cy2"]
        gov = territory_government(party)
        if gov:
            stop = re.search(r"[.;\n]", unit[m.end() :])
            found.append((m.end(), m.end() + stop.start() if stop else len(unit), gov))
    # A later clause ("... and the Irish Government was represented by Y") ends the one before it.
    return [(a, min([b] + [c for c, _, _ in found if c > a]), gov) for a, b, gov in found]
