"""People and posts in running text: names, post titles, governments and capacities.

Why rules: officials write attendance in a few fixed shapes ("Role, Name MSP", "Name MP, Role",
"from the Scottish Government: ..."), so names are anchored on honorifics, post-nominals and given names,
and posts on the heads of ministerial titles; a government comes from the nearest explicit evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from igr.extract.gazetteer import fold
from igr.extract.names import NOT_NAME_WORDS, POST_NOMINALS, SPELLED_POST_NOMINALS, given_names
from igr.extract.rules import rule
from igr.welsh import word_pattern

_UP = "A-ZÀ-ÖØ-ÞĀ-Ž"
_LO = "a-zß-öø-ÿā-žŵŷ'"
NAMEWORD = (
    rf"(?:[{_UP}][{_LO}]+(?:[{_UP}][{_LO}]+)?(?:-[{_UP}][{_LO}]+)?|[{_UP}]{{2}}(?=[ \t]+[{_UP}][{_LO}]))"
)
HON = (
    r"(?:(?:the\s+)?(?:Rt\.?\s*Hon\.?|Right Honourable)\s+|(?:Dr|Mr|Mrs|Ms|Miss|Sir|Dame|Professor|Prof|Cllr)\.?\s+|"
    r"(?:[Yy]\s+)?Gwir\s+Anrh(?:ydeddus)?\.?\s+|(?:y\s+)?(?:Dirprwy|Deputy)\s+(?=[A-Z][a-z]+\s+[A-Z]))"
)
POSTNOM = (
    r"(?:,?\s+(?:"
    + "|".join(POST_NOMINALS)
    + r")(?:/(?:"
    + "|".join(POST_NOMINALS)
    + r"))?\b|\s+(?:"
    + "|".join(re.escape(k) for k in SPELLED_POST_NOMINALS)
    + r")\b)"
)
RUN_RE = rule(
    "people.run_re",
    re.compile(
        rf"(?P<hon>{HON}+)?(?P<run>{NAMEWORD}(?:[ \t]+(?:(?:of|o|de|van|von|der|du|da|di|ap|ab)[ \t]+(?=[A-Z]))?(?!Aelod\b)"
        rf"{NAMEWORD})*)(?P<post>(?:{POSTNOM})+)?(?![{_LO}])"
    ),
)
# "Minister Hoare", "Taoiseach Micheál Martin": a name straight after a post. A Welsh post is followed by its
# portfolio ("Gweinidog Addysg"), so there the name must also start with a given name.
POST_BEFORE_NAME = rule(
    "people.post_before_name", re.compile(r"\b(?:Minister|Secretary|Chancellor|Taoiseach|T[aá]naiste)\s+$")
)
CY_POST_BEFORE_NAME = rule(
    "people.cy_post_before_name",
    re.compile(r"\b(?:Gweinidog|Gweinidogion|Ysgrifennydd|Weinidog|Changhellor|Canghellor)\s+$"),
)
PEERS = ("Lord", "Baroness", "Lady", "Arglwydd", "Barwnes", "Farwnes", "Arglwyddes")

_TITLE_WORD = rf"(?:[{_UP}][\w'’-]*|\([^)]{{1,40}}\))"
# "... of Scotland and the Chancellor of ...": "and the" before another post starts a second person.
_NEXT_POST = r"(?!(?:Prime Minister|(?:[Dd]eputy )?First Minister|Chancellor|Secretary|Minister|Chief Minister|Taoiseach)\b)"
_JOIN = (
    r"(?:,\s*(?=[A-Z][a-z]+\s+(?:and|&)\s)|\s*&\s*|\s+and\s+(?:for|of)\s+(?:the\s+)?|\s+and\s+(?:the\s+)?"
    + _NEXT_POST
    + r"|\s+(?:of|for|the|to|at|in|on)\s+(?:the\s+)?|\s+|,\s+(?:and\s+)?)"
)
ROLE_HEAD = (
    r"(?:(?:then|former|new|acting|interim)\s+)?(?:(?:Deputy|deputy|Junior|Interim|Assistant)\s+)?"
    r"(?:Prime Minister|First Ministers?|Cabinet Secretary|Secretar(?:y|ies) of State|Parliamentary Under[ \-–]Secretary"
    r"(?: of State)?|Under[ \-–]Secretary of State|Minister of State|Ministers?|Chancellor of the Exchequer|"
    r"Chancellor of the Duchy of Lancaster|Paymaster General|Home Secretary|Foreign Secretary|Chief Secretary to the "
    r"Treasury|Counsel General(?: Designate)?|(?:C|G|Ch|Ngh)wnsler Cyffredinol|Trefnydd|Taoiseach|T[aá]naiste|Chief Ministers?|Permanent Secretary|"
    r"Deputy Secretary|Director(?: General)?|Head|Chief Negotiator|Sherpa|Chief Executive|Attorney General|"
    r"Lord Advocate|Secretary|(?:P|Ph|B)rif Weinidog(?:ion)?|Ysgrifennydd Cartref)"
)
# Welsh posts, under mutation after an article or a preposition ("y Gweinidog", "Ganghellor Dugiaeth Caerhirfryn"):
# a portfolio follows in capitals, or after "dros" / "ar gyfer" in running text ("ar gyfer gadael yr Undeb").
_CY_HEAD = (
    r"(?:(?:Dirprwy\s+)?(?:P|Ph|B)rif\s+Weinidog|[GW]w?einidog(?:\s+Gwladol)?|[YH]?[Yy]sgrifennydd(?:\s+y\s+Cabinet|"
    r"\s+Gwladol)?|Is-[yY]sgrifennydd\s+Gwladol(?:\s+Seneddol)?|Dirprwy\s+Weinidog|(?:C|G|Ch|Ng)h?anghellor)"
    r"(?:\s+(?:newydd|dros dro|blaenorol))?"
)  # Welsh puts "new", "acting", "former" after the post
_CY_LIST = r",\s*(?=[A-ZŴŶ][\w'’-]*(?:\s+[\w'’-]+){0,2}\s+(?:a|ac|a['’]r)\s)"  # ", Ewrop a Materion Allanol"
CY_ROLE = (
    rf"{_CY_HEAD}(?:\s+(?:dros|ar gyfer)\s+(?:[^,.;:\n]|{_CY_LIST}){{2,80}}?(?=[,.;:\n]|\s+(?:yn|ym|gyda)\s)|"
    rf"(?:(?:\s+(?:y|yr|a'r|a|ac|dros|ar)?\s*|{_CY_LIST})[A-ZŴŶ][\w'’-]*)+)"
)
ROLE_RE = rule(
    "people.role_re",
    re.compile(
        rf"(?<![\w-])(?P<role>{CY_ROLE}|{ROLE_HEAD}(?:\s*\([^)]{{1,50}}\))?(?:(?:\s*,\s*|\s+)(?:for|of|to|at|in|on|dros|y|yr)\s+"
        rf"(?:the\s+)?{_TITLE_WORD}(?:{_JOIN}{_TITLE_WORD})*)?(?:\s+and\s+(?:{ROLE_HEAD})(?:\s+(?:for|of|to)\s+(?:the\s+)?"
        rf"{_TITLE_WORD}(?:{_JOIN}{_TITLE_WORD})*)?)*)"
    ),
)

_LLYW = "(?:" + word_pattern("Llywodraeth") + "|(?-i:L)lywodraeth)"
_GWEITH = word_pattern("Gweithrediaeth")


def _cy(pattern: str) -> str:
    """A Welsh government name under any mutation of its first word, with a capital on the place name."""
    return rf"(?i:{pattern})"


# A government named in Welsh, under any mutation: "Llywodraeth y DU", "Lywodraeth Cymru", "Weithrediaeth Gogledd Iwerddon".
LLYWODRAETH_CY = (
    rf"(?i:{_LLYW}|{_GWEITH})\s+(?:y\s+DU|y\s+Deyrnas\s+Unedig|Cymru|yr\s+Alban|Gogledd\s+Iwerddon|Iwerddon|"
    r"Jersey|Guernsey|Ynys\s+Manaw)"
)
GOV_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"\b(?:UK|United Kingdom|HM|Her Majesty's|His Majesty's)\s+[Gg]overnment\b|\bUKG\b|"
            rf"\b{_cy(_LLYW)}\s+(?:y\s+DU|y\s+Deyrnas\s+Unedig|Ei\s+Fawrhydi)\b"
        ),
        "uk",
    ),
    (re.compile(rf"\bWelsh (?:Assembly )?Government\b|\b{_cy(_LLYW)}\s+Cymru\b|\bWG\b"), "wales"),
    (re.compile(rf"\bScottish (?:Government|Executive)\b|\b{_cy(_LLYW)}\s+yr\s+Alban\b|\bSG\b"), "scotland"),
    (
        re.compile(
            r"\bNorthern Ireland (?:Executive|Government|Civil Service|Office of)\b|\bNI Executive\b|\bNICS\b|"
            rf"\b{_cy(_GWEITH)}\s+Gogledd\s+Iwerddon\b|\bDAERA\b|Department of Agriculture,? Environment and Rural Affairs|"
            r"\bExecutive Office\b|\b[Tt]he Executive\b(?!\s+(?:Office|Committee|Board|Director|Agency))"
        ),
        "northern-ireland",
    ),
    (re.compile(rf"\b(?:Irish Government|Government of Ireland)\b|\b{_cy(_LLYW)}\s+Iwerddon\b"), "ireland"),
    (
        re.compile(
            rf"\b(?:Government of Jersey|States of Jersey|Jersey Government)\b|\b{_cy(_LLYW)}\s+Jersey\b"
        ),
        "jersey",
    ),
    (
        re.compile(
            rf"\b(?:Government of Guernsey|States of Guernsey|Guernsey Government)\b|\b{_cy(_LLYW)}\s+Guernsey\b"
        ),
        "guernsey",
    ),
    (
        re.compile(
            rf"\b(?:Isle of Man Government|Government of the Isle of Man)\b|\b{_cy(_LLYW)}\s+Ynys\s+Manaw\b"
        ),
        "isle-of-man",
    ),
    # Welsh: "dirprwyaeth y DU" (the UK delegation), "Gweinidogion y DU", "dirprwyaeth Weithredol Gogledd Iwerddon".
    (re.compile(r"\b(?:[Dd]d?irprwyaeth|[GW]w?einidog(?:ion)?|[Ss]wyddogion)\s+y\s+DU\b"), "uk"),
    (re.compile(r"\b[GW]w?eithredol\s+Gogledd\s+Iwerddon\b"), "northern-ireland"),
    (
        re.compile(
            r"\bNorthern Ireland['’]s\b|\b(?:from|o)\s+(?:Northern Ireland|Ogledd Iwerddon)\b|"
            r"\b[Cc]ynrychiolwyd\s+Gogledd\s+Iwerddon\b"
        ),
        "northern-ireland",
    ),
    (re.compile(r"\bScotland['’]s\b"), "scotland"),
    (
        re.compile(r"\b(?:UK|United Kingdom)['’]s(?=\s+[A-Z])"),
        "uk",
    ),  # "the UK's Chief Negotiator", not "the UK's exit"
    (re.compile(r"\bWales['’]\s"), "wales"),
]
DEPT_GOV = {
    "DWP": "uk",
    "SO": "uk",
    "NIO": "uk",
    "Defra": "uk",
    "DEFRA": "uk",
    "BEIS": "uk",
    "HMT": "uk",
    "DLUHC": "uk",
    "MHCLG": "uk",
    "CO": "uk",
    "SG": "scotland",
    "WG": "wales",
    "UKG": "uk",
    "DAERA": "northern-ireland",
}
ROLE_GOV: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Taoiseach|T[aá]naiste", re.I), "ireland"),
    (
        re.compile(
            r"[YH]?[Yy]sgrifennydd (?:Cartref|Gwladol)|Is-[yY]sgrifennydd|[GW]w?einidog Gwladol|(?:P|Ph|B)rif Weinidog y DU|"
            r"(?:C|G|Ch|Ng)h?anghellor"
        ),
        "uk",
    ),
    (re.compile(r"(?:P|Ph|B)rif Weinidog yr Alban"), "scotland"),
    (re.compile(r"(?:(?:P|Ph|B)rif|Dirprwy Brif) Weinidog Gogledd Iwerddon"), "northern-ireland"),
    (re.compile(r"Ynys Manaw"), "isle-of-man"),
    (re.compile(r"Chief Minister of Jersey|Jersey"), "jersey"),
    (re.compile(r"Chief Minister of Guernsey|Guernsey"), "guernsey"),
    (re.compile(r"Isle of Man"), "isle-of-man"),
    (re.compile(r"(?:First|Deputy First) Minister (?:of|for) Scotland|Scotland's First"), "scotland"),
    (re.compile(r"(?:First|Deputy First) Minister (?:of|for) Wales|Prif Weinidog Cymru"), "wales"),
    (
        re.compile(
            r"(?:[Ff]irst|[Dd]eputy First) Minister (?:of|for) Northern Ireland|Junior Minister|Northern Ireland Civil"
            r"|Northern Ireland's"
        ),
        "northern-ireland",
    ),
    (
        re.compile(
            r"Secretar(?:y|ies) of State|Under[ \-–]Secretary|Minister of State|Prime Minister|Chancellor|Paymaster"
            r"|Home Secretary|Foreign Secretary|Treasury|Defra|DEFRA|BEIS|\bLord\b|Downing"
        ),
        "uk",
    ),
    # Only the Welsh Government has "Deputy Minister" posts.
    (
        re.compile(
            r"Counsel General|Cwnsler Cyffredinol|Trefnydd|[GW]w?einidog|Welsh Language|^(?:the\s+)?Deputy Minister\b"
        ),
        "wales",
    ),
    (re.compile(r"Cabinet Secretary"), "scotland"),
]
# A post held by a minister, in either language (under mutation in Welsh); a Welsh plural post names several.
MINISTERIAL = re.compile(
    r"Minister|Secretary|Chancellor|Taoiseach|T[aá]naiste|Paymaster|[CG]wnsler Cyffredinol|"
    r"[GW]w?einidog|[Yy]sgrifennydd|"
    r"(?:C|G|Ch|Ng)h?anghellor"
)
CY_PLURAL_POST = re.compile(r"[GW]w?einidogion|[Yy]sgrifenyddion")
OFFICIAL_RE = rule(
    "people.official_re",
    re.compile(
        r"\b(?:Head|Director|Permanent Secretary|Deputy Secretary|Sherpa|Negotiator|Adviser|official|"
        r"[Cc]ivil [Ss]erv|Chief Executive)",
        re.I,
    ),
)


@dataclass
class Person:
    name: str | None
    role: str | None
    government: str | None = None
    capacity: str = "minister"
    start: int = 0
    end: int = 0
    confidence: float = 0.6
    notes: list[str] = field(default_factory=list)


def explicit_government(text: str) -> tuple[str | None, int]:
    """The government a phrase names outright ("Scottish Government"), with its position."""
    best: tuple[str | None, int] = (None, 10**9)
    for rx, key in GOV_PATTERNS:
        m = rx.search(text)
        if m and m.start() < best[1]:
            best = (key, m.start())
    return best


def role_government(role: str | None) -> str | None:
    if not role:
        return None
    for rx, key in ROLE_GOV:
        if rx.search(role):
            return key
    return None


def capacity_of(role: str | None, context: str) -> str:
    if re.search(r"observ|arsylw", context, re.I):
        return "observer"
    if (
        role
        and re.search(
            r"\bMinister|Secretary of State|Cabinet Secretary|Chancellor|Paymaster|Taoiseach|Gweinidog|"
            r"Prime|Counsel General|Cwnsler Cyffredinol|Trefnydd",
            role,
        )
        and not re.search(r"Permanent|Deputy Secretary\b", role)
    ):
        return "minister"
    if role and OFFICIAL_RE.search(role):
        return "official"
    return "minister"


def is_plausible_name(name: str, hon: bool, post: bool) -> bool:
    words = name.replace("-", " ").split()
    if any(fold(w) in NOT_NAME_WORDS for w in words if w not in PEERS and w not in ("of", "o")):
        return False
    if words[0] in PEERS:
        return len(words) >= 2
    if len(words) < 2:
        return False
    return hon or post or fold(words[0]) in given_names()


def _name_in_run(words: list[str]) -> list[str]:
    """The person's name inside a capitalised run: the trailing words that are not post or place words."""
    # Text that lost a line break glues a post to a name ("TrefnyddJulie"): split where the head is a post word.
    split: list[str] = []
    for w in words:
        m = re.fullmatch(r"([A-Z][a-z]{3,})([A-Z][a-z]+)", w)
        split += [m[1], m[2]] if m and fold(m[1]) in NOT_NAME_WORDS else [w]
    words = split
    i = len(words)
    while i > 0 and (
        fold(words[i - 1]) not in NOT_NAME_WORDS or words[i - 1] in PEERS or words[i - 1] in ("of", "o")
    ):
        i -= 1
        if words[i] in PEERS:
            break
    name = words[i:]
    if name and name[0] in ("of", "o"):
        name = name[1:]
    if not any(w in PEERS for w in name) and len(name) > 3:
        name = name[-3:]
    if (
        len(name) == 3
        and name[0] not in PEERS
        and fold(name[0]) not in given_names()
        and fold(name[1]) in given_names()
    ):
        name = name[1:]
    return name


def find_people(text: str) -> list[tuple[int, int, str, str | None, bool]]:
    """Person-name spans: (start, end, name, post-nominal government, strong evidence)."""
    out = []
    for m in RUN_RE.finditer(text):
        words = _name_in_run(m["run"].split())
        if not words:
            continue
        name = " ".join(words)
        hon = bool(m["hon"]) and name == m["run"]
        # "Junior Minister Lyons", "Minister Hoare": a bare surname straight after a post is a person.
        before = m["run"][: m["run"].rfind(name)]
        by_post = len(words) <= 3 and (
            bool(POST_BEFORE_NAME.search(before))
            or (
                bool(CY_POST_BEFORE_NAME.search(before))
                and len(words) > 1
                and fold(words[0]) in given_names()
            )
        )
        if not by_post and not is_plausible_name(name, hon, bool(m["post"])):
            continue
        pgov = None
        if m["post"]:
            spelled = next((g for k, g in SPELLED_POST_NOMINALS.items() if k in m["post"]), None)
            for tag in [] if spelled else re.findall(r"[A-Z]+", m["post"]):
                if POST_NOMINALS.get(tag):
                    pgov = POST_NOMINALS[tag]
                    break
        pgov = pgov or spelled if m["post"] else pgov
        if pgov is None and words[0] in PEERS:
            pgov = "uk"
        start = m.start("run") + m["run"].rfind(name) if name in m["run"] else m.start("run")
        out.append((start, m.end(), name, pgov, bool(m["post"] or hon or by_post)))
    return out


def find_roles(text: str, people: list[tuple[int, int, str, str | None, bool]]) -> list[tuple[int, int, str]]:
    """Post titles, cut short where a person's name begins inside the capitalised run."""
    masked = list(text)
    for s, e, *_ in people:
        masked[s:e] = "¤" * (e - s)
    masked_text = "".join(masked)
    roles = []
    for m in ROLE_RE.finditer(masked_text):
        # Trailing pieces that are not the post: the government, an honorific before the name, a post-nominal
        # ("... Minister, MP"), and the words left dangling ("... Chief Whip in the").
        role = re.sub(
            r",?\s*(?:the\s+)?(?:(?:UK|Scottish|Welsh|Irish) [Gg]overnment|Northern Ireland Executive)\.?$",
            "",
            m["role"],
        ).rstrip(" ,&.")
        role = re.sub(
            r"(?:,?\s+(?:the\s+)?(?:Rt\.?|Hon\.?|Right|Honourable|Dr|Mr|Mrs|Ms|Sir|Dame))+$", "", role
        )
        role = (
            re.sub(r"\s+(?:(?!EU\b|UK\b|DU\b|UE\b)[A-Z]{2,}|&)$", "", role)
            if not role.endswith(")")
            else role
        )
        role = re.sub(r"(?:\s+(?:and|the|of|for|to|in|at))+$", "", role).rstrip(" ,")
        if role in ("Head", "Secretary", "Minister", "Director"):
            continue
        roles.append((m.start(), m.start() + len(role), role))
    return roles


def clean_role(role: str) -> str:
    return re.sub(r"^(?:the|then)\s+", "", role.strip(" ,;:–-"), flags=re.I)
