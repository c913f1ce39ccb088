"""People described but not named, and one entry per person.

Why apart from attendance.py: the shapes here are about groups and posts rather than sentences —
"the First Ministers of A, B and C", "leaders from A and B", a listed post whose holder is named later,
and the same person written twice ("Minister Hoare" after "Jane Hoare MP").
"""

from __future__ import annotations

import re
from functools import cache

from igr.extract.gazetteer import fold, gazetteer
from igr.extract.people import LLYWODRAETH_CY, MINISTERIAL, Person, explicit_government, find_people
from igr.extract.rules import rule
from igr.welsh import mutated_forms

_LLYW_CY = LLYWODRAETH_CY

PLURAL_ROLES = [
    (
        re.compile(
            r"Secretaries of State for ((?:[A-Z][\w ]+?, )*[A-Z][\w ]+?) and (Northern Ireland|[A-Z]\w+)"
        ),
        "Secretary of State for {}",
    ),
    (
        re.compile(r"Chief Ministers of ((?:[A-Z][\w ]+?, )*[A-Z][\w ]+?) and (the Isle of Man|[A-Z]\w+)"),
        "Chief Minister of {}",
    ),
    (
        re.compile(r"First Ministers of ((?:[A-Z][\w ]+?, )*[A-Z][\w ]+?) and (Northern Ireland|[A-Z]\w+)"),
        "First Minister of {}",
    ),
    # The joint office: "the First Minister and deputy First Minister of Northern Ireland" is two people.
    (
        re.compile(r"(First Minister) and ([Dd]eputy First Minister) (?:of|for) (Northern Ireland)"),
        "{} of Northern Ireland",
    ),
    (re.compile(r"^(?:the\s+)?(First Minister) and ([Dd]eputy First Minister)()$"), "{}"),
]


# "leaders from the UK, Ireland, Jersey and the Isle of Man", "arweinwyr o'r DU, Iwerddon, Jersey ac Ynys Manaw".
LEADERS_FROM = rule(
    "groups.leaders_from",
    re.compile(
        r"\b(?P<who>leaders|[Mm]inisters|heads of government|representatives|delegations|[Aa]rweinwyr|[Cc]ynrychiolwyr|"
        r"[GW]w?einidogion|[Dd]d?irprwyaethau)\s+(?:from|of|o['’]r|o)\s+(?P<list>[^.;:\n]{3,240})"
    ),
    needle=r"leaders|ministers|heads of government|representatives|delegations|arweinwyr|cynrychiolwyr|einidogion|irprwyaethau",
)
_LIST_ITEM = re.compile(r",\s*(?:and\s+|ac?\s+)?|\s+(?:and|ac|a)\s+")


@cache
def _government_names() -> dict[str, str]:
    names = {}
    for g in gazetteer().governments.values():
        for n in [g["name_en"], g.get("short_en"), *g.get("aliases", [])]:
            if n:
                names[n.lower()] = g["key"]
    return names


# Welsh plural posts: "Prif Weinidogion Jersey, Guernsey ac Ynys Manaw", "Ysgrifenyddion Gwladol Cymru, yr Alban a
# Gogledd Iwerddon" (UK posts named after a nation), "Gweinidogion Cyllid yr Alban a Gogledd Iwerddon".
CY_PLURAL = rule(
    "groups.cy_plural",
    re.compile(
        r"\b(?P<who>(?:[PB]|Ph)rif Weinidogion|[YH]?[Yy]sgrifenyddion Gwladol|[GW]w?einidogion(?: [A-Z][\w]+)?)\s+"
        r"(?P<list>(?:(?:y|yr)\s+)?[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)?(?:,\s*(?:(?:y|yr)\s+)?[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)?)*"
        r"\s+(?:a|ac|a['’]r)\s+(?:(?:y|yr)\s+)?[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)?)"
    ),
    "cy",
)


@cache
def _welsh_places() -> dict[str, str]:
    """Welsh names of the governments' territories, folded and without the article, under any mutation."""
    places = {}
    for g in gazetteer().governments.values():
        for name in (g.get("short_cy"), g.get("name_cy")):
            if name:
                bare = re.sub(r"^(?:llywodraeth|gweithrediaeth)\s+|^(?:y|yr)\s+", "", fold(name))
                for form in mutated_forms(bare):
                    places[form] = g["key"]
    return places


def territory_government(phrase: str) -> str | None:
    """The government a phrase names, outright ("the Scottish Government", "Gweithrediaeth Gogledd Iwerddon") or by
    its territory ("Scotland", "Northern Ireland", "yr Alban", "Ngogledd Iwerddon")."""
    named = explicit_government(phrase)[0]
    if named:
        return named
    bare = re.sub(r"^(?:the|y|yr)\s+", "", phrase.strip(), flags=re.I)
    return _government_names().get(bare.lower()) or _welsh_places().get(fold(bare))


def welsh_plurals(unit: str, offset: int) -> list[Person]:
    """One person per nation a Welsh plural post names; a Secretary of State for a nation sits in the UK Government."""
    out: list[Person] = []
    places = _welsh_places()
    for m in CY_PLURAL.finditer(unit):
        items = [
            re.sub(r"^(?:y|yr)\s+", "", fold(x.strip()))
            for x in re.split(r",\s*|\s+(?:a|ac|a['’]r)\s+", m["list"])
        ]
        keys = [places.get(x) for x in items]
        if len(items) < 2 or not all(keys):
            continue
        secretary = "sgrifenyddion" in m["who"]
        single = (
            "Ysgrifennydd Gwladol" if secretary else "Prif Weinidog" if "rif" in m["who"] else "Gweinidog"
        )
        for item, key in zip(items, keys, strict=True):
            out.append(
                Person(
                    None,
                    f"{single} {item.title()}",
                    "uk" if secretary else key,
                    "minister",
                    offset + m.start(),
                    offset + m.end(),
                    0.5,
                )
            )
    return out


def leaders_from(unit: str, offset: int) -> list[Person]:
    """One person per government a list of places names ("leaders from the UK, Ireland, Jersey and the Isle of
    Man"); words that are not a place (a clause about who represented one) are passed over, and the list ends
    at a long item."""
    english, welsh = _government_names(), _welsh_places()
    out: list[Person] = []
    for m in LEADERS_FROM.finditer(unit):
        found = []
        for item in _LIST_ITEM.split(m["list"]):
            item = re.split(r"\s+(?:to|in|at|for|on|with|i|i['’]r|yn|ym|yng|ar|gyda)\s", item)[
                0
            ]  # "... ac Ynys Manaw i'r uwchgynhadledd"
            bare = re.sub(r"^(?:the|y|yr|['’]r)\s+", "", fold(item.strip(" ,")))
            key = english.get(bare) or welsh.get(bare)
            if key:
                found.append((item.strip(" ,"), key))
            elif len(bare.split()) > 8:
                break
        if len(found) < 2:
            continue
        joined = (
            "o"
            if re.match(r"(?:arweinwyr|cynrychiolwyr|g?weinidogion|d?dirprwyaethau)$", fold(m["who"]))
            else "from"
        )
        for item, key in dict.fromkeys(found):
            out.append(
                Person(
                    None,
                    f"{m['who']} {joined} {item}",
                    key,
                    "minister",
                    offset + m.start(),
                    offset + m.end(),
                    0.5,
                    ["group"],
                )
            )
    return out


def expand_plural(role: str) -> list[str]:
    """A plural or joint post, one post per person it names."""
    for rx, fmt in PLURAL_ROLES:
        m = rx.search(role)
        if m and m.lastindex == 3:
            return [fmt.format(m.group(1)), fmt.format(m.group(2))]
        if m:
            items = [x.strip() for x in m.group(1).split(",")] + [m.group(2)]
            return [fmt.format(x) for x in items]
    return [role]


def _shorter_form(name: str, others: list[str]) -> bool:
    """ "Hoare" of "Jane Hoare", "Lord Benyon" of "Lord Richard Benyon": the same person written shorter."""
    words = name.lower().split()
    return any(
        o != name and o.lower().split()[-1] == words[-1] and set(words) < set(o.lower().split())
        for o in others
    )


def dedupe(people: list[Person]) -> list[Person]:
    """One entry per person: the same name, or a shorter form of a full name ("Minister Hoare"), is merged."""
    names = [p.name for p in people if p.name]
    people = [p for p in people if not (p.name and _shorter_form(p.name, names))]
    out: list[Person] = []
    seen: dict[str, Person] = {}
    for p in people:
        key = (p.name or "").lower() or f"~{(p.role or '').lower()}"
        if key in seen:
            prev = seen[key]
            prev.role = prev.role or p.role
            prev.government = prev.government or p.government
            continue
        seen[key] = p
        out.append(p)
    return out


def _role_key(role: str | None) -> str:
    return re.sub(r"\s*\([^)]*\)|^(?:the|new|then)\s+", "", (role or "").strip()).lower()


_OWN_NATION = {
    "uk": r"uk|united kingdom",
    "wales": r"wales|welsh",
    "scotland": r"scotland|scottish",
    "northern-ireland": r"northern ireland(?:'s)?",
}


def _post_core(role: str, gov: str | None) -> str:
    """A post without its article or the name of its own government's nation ("UK Secretary of State", "First
    Minister of Northern Ireland" -> "secretary of state", "first minister"); "Secretary of State for Scotland",
    a UK post, keeps its nation."""
    core = re.sub(r"^the\s+", "", _role_key(role))
    nation = _OWN_NATION.get(gov or "")
    if nation:
        core = re.sub(rf"^(?:{nation})\s+|\s+(?:of|for)\s+(?:the\s+)?(?:{nation})$", "", core)
    return core


def drop_held_posts(people: list[Person]) -> list[Person]:
    """A post described without a name ("the First Minister of Northern Ireland", "the UK Secretary of State")
    that a named attendee of the same government holds is that attendee, not another; "leaders from A, B and C"
    stands for those of A, B and C the text does not name or describe otherwise."""
    held = [(p.government, _post_core(p.role, p.government)) for p in people if p.name and p.role]
    present = {p.government for p in people if "group" not in p.notes and (p.name or p.role)}
    out = []
    for p in people:
        if "group" in p.notes and p.government in present:
            continue
        if p.name is None and p.role and MINISTERIAL.search(p.role):
            core = _post_core(p.role, p.government)
            if any(gov == p.government and (c == core or c.startswith(core + " ")) for gov, c in held):
                continue
        out.append(p)
    return out


def name_unnamed(people: list[Person], text: str) -> list[Person]:
    """Minutes list posts ("Secretary of State for Scotland") and name the holders later ("Secretary of State
    for Scotland (SoSS), Rt Hon Jane Doe MP, said ..."): give each post its holder, and drop a post that
    a named attendee already holds."""
    held = {_role_key(p.role) for p in people if p.name and p.role}
    out = []
    for p in people:
        if p.name is None and p.role and re.search(r"Minister|Secretary|Chancellor", p.role):
            key = _role_key(p.role)
            if key in held:
                continue
            rx = re.compile(
                re.escape(re.sub(r"\s*\([^)]*\)$", "", p.role.removeprefix("new ").strip()))
                + r"\s*(?:\([^)]{1,20}\))?,\s*"
            )
            for m in rx.finditer(text):
                found = [f for f in find_people(text[m.end() : m.end() + 80]) if f[0] <= 12 and f[4]]
                if found:
                    p.name = found[0][2]
                    break
        out.append(p)
    return dedupe(out)


# Attendees described by their governments rather than named: "UK and Welsh Government ministers", "our Welsh and
# Northern Irish counterparts", "officials from the devolved administrations", "Gweinidogion Llywodraeth y DU".
_NATION = r"(?:UK|Welsh|Scottish|Northern Irish|Northern Ireland|Irish)"
NATION_GOV = {
    "uk": "uk",
    "welsh": "wales",
    "scottish": "scotland",
    "northern irish": "northern-ireland",
    "northern ireland": "northern-ireland",
    "irish": "ireland",
}
DESCRIBED = rule(
    "groups.described",
    re.compile(
        # By their governments: "UK and Welsh Government ministers", "Gweinidogion Llywodraeth y DU".
        rf"(?:\b(?P<nations>{_NATION}(?:(?:,\s*|\s+and\s+){_NATION})*)\s+(?:[Gg]overnments?\s+|[Ee]xecutive\s+)?"
        rf"(?P<who>[Mm]inisters|counterparts|colleagues|[Oo]fficials)\b|"
        rf"\b(?P<who5>[Mm]inisters|representatives|counterparts)\s+(?:from|of)\s+(?:the\s+)?"
        rf"(?P<nations2>{_NATION}(?:(?:,\s*|\s+and\s+){_NATION})*)\s+(?:[Gg]overnments?|[Ee]xecutive|administrations)\b|"
        r"\b(?P<cy>[GW]w?einidogion|[Ss]wyddogion)\s+(?P<cygov>" + _LLYW_CY + r")\b)|"
        # The devolved governments as a whole: "ministers from the devolved administrations", "devolved Government
        # Ministers", "swyddogion y gweinyddiaethau datganoledig".
        r"(?:\b(?P<who2>[Mm]inisters|[Oo]fficials|counterparts|representatives|[Hh]eads)\s+(?:from|of)\s+(?:all\s+)?(?:the\s+)?"
        r"(?:(?:other\s+)?(?:three\s+)?devolved\s+(?:[Gg]overnments|administrations)|other\s+UK\s+administrations)\b|"
        r"\b(?:the\s+)?devolved\s+(?:[Gg]overnment|administrations?['’]?)\s+(?P<who3>[Mm]inisters|[Oo]fficials)\b|"
        r"\b(?P<who4>[GW]w?einidogion|[Ss]wyddogion)\s+(?:y|o['’]r)\s+(?:[gw]?weinyddiaethau|[Ll]?lywodraethau)\s+datganoledig\b)"
    ),
    needle=r"minister|official|counterpart|colleague|representative|heads|einidogion|swyddogion",
)


def described(unit: str, offset: int) -> list[Person]:
    """One person per government a description names; a description of the devolved governments as a whole
    ("ministers from the devolved administrations") is one attendee whose government is not one of them."""
    out: list[Person] = []
    gov: str | None
    for m in DESCRIBED.finditer(unit):
        if re.search(
            r"\b(?:absence|absent|without)\b[^.;]{0,20}$", unit[max(0, m.start() - 40) : m.start()], re.I
        ):
            continue  # "In the absence of Ministers from the Northern Ireland Executive": no one
        if m["nations"] or m["nations2"]:
            official = (m["who"] or m["who5"]).lower() == "officials"
            for nation in re.split(r",\s*|\s+and\s+", m["nations"] or m["nations2"]):
                gov = NATION_GOV[nation.lower()]
                out.append(
                    Person(
                        None,
                        f"{nation} {'officials' if official else 'ministers'}",
                        gov,
                        "official" if official else "minister",
                        offset + m.start(),
                        offset + m.end(),
                        0.5,
                    )
                )
        elif m["cy"]:
            gov = explicit_government(m["cygov"])[0]
            official = fold(m["cy"]).startswith("swyddog")
            out.append(
                Person(
                    None,
                    m.group(0),
                    gov,
                    "official" if official else "minister",
                    offset + m.start(),
                    offset + m.end(),
                    0.5,
                )
            )
        else:
            who = fold(m["who2"] or m["who3"] or m["who4"])
            out.append(
                Person(
                    None,
                    m.group(0),
                    None,
                    "official" if who in ("officials", "swyddogion") else "minister",
                    offset + m.start(),
                    offset + m.end(),
                    0.5,
                )
            )
    return out
