"""Forums, open-world: recognised from how forums are named, resolved to the most specific known body.

Why not only the reference data's names: new forums appear every year (work sectors, trilaterals, a renamed
council), and a document that names one must not be dropped or filed under a related parent forum. A forum is
recognised by its shape ("Interministerial Group for X", "X Quadrilateral", "Grŵp Rhyngweinidogol ar X",
"Sector Gwaith X y Cyngor Prydeinig-Gwyddelig"), matched tolerantly to a known body (abbreviations,
hyphenation, word order, mutation, either language), and otherwise kept as written under a proposed key
``new:<slug>`` with low confidence, for ingest to propose as a new body.
"""

from __future__ import annotations

import re
from functools import lru_cache

from igr.extract.gazetteer import BodyHit, fold, gazetteer
from igr.extract.rules import rule
from igr.extract.spans import SpanIndex
from igr.welsh import radicals, word_pattern

OPEN_PREFIX = "new:"
KNOWN_CONFIDENCE, RESOLVED_CONFIDENCE, OPEN_CONFIDENCE = 0.9, 0.7, 0.4

_CAP = r"[A-ZŴŶÂÊÎÔÛ][\w'’\-]*"
_EN_JOIN = r"(?:,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&|of|for|on)[ \t]+(?:the[ \t]+)?|[ \t]+)"
EN_TITLE = rf"{_CAP}(?:{_EN_JOIN}{_CAP}){{0,7}}"
_CY_JOIN = r"(?:,[ \t]*|[ \t]+(?:a|ac|a'r|a’r|ar|y|yr|o|o'r|dros|i|ar gyfer)[ \t]+|[ \t]+)"
CY_TITLE = rf"(?:(?:y|yr)\s+)?{_CAP}(?:{_CY_JOIN}{_CAP}){{0,7}}"
_GRWP = rf"(?:{word_pattern('Grŵp')}|grwp)"
_PWYLLGOR = word_pattern("Pwyllgor")
_CYNGOR = word_pattern("Cyngor")
_CYD = word_pattern("Cyd")
_INTER = r"Inter\s*[-‐‑–]?\s*[Mm]inisterial"
_GOVT_WORD = re.compile(
    r"(?i)\b(?:ministers?'?|ministerial|nations|islands|british|irish|uk|heads|governments?|joint|"
    r"devolved|four|leaders)\b"
)

# Each shape: (rule name, pattern, language). The pattern's whole match is the forum's name as written.
SHAPES = [
    rule(
        "forum.en.img",
        rf"(?:{EN_TITLE}[ \t]+)?{_INTER}\s+(?:Standing\s+Committee|Group|Working\s+Group|Council)"
        rf"(?:\s*\([^)]{{2,60}}\))?(?:\s+(?:for|on)\s+(?:the\s+)?{EN_TITLE})?",
        needle="inisterial",
    ),
    rule(
        "forum.en.intergovernmental",
        rf"(?:{EN_TITLE}[ \t]+)?Intergovernmental\s+(?:Group|Forum|Council|Committee)"
        rf"(?:\s+(?:for|on)\s+(?:the\s+)?{EN_TITLE})?",
        needle="intergovernmental",
    ),
    # A quadrilateral or trilateral named by its kind, in English or Welsh word order.
    rule(
        "forum.lateral",
        rf"(?:(?:{EN_TITLE}[ \t]+)?(?:[Mm]inisters['’]?\s+|[Mm]inisterial\s+)?(?:Quadrilateral|Trilateral)"
        rf"|{EN_TITLE}[ \t]+[Mm]inisters['’]?[ \t]+(?:quadrilateral|trilateral)"
        rf"|\b(?:[Qq]uadrilateral|[Tt]rilateral)\s+(?:meeting\s+)?of\s+(?:the\s+)?{EN_TITLE}\s+[Mm]inisters"
        rf"|(?:[Cc]yfarfod(?:ydd)?\s+)?(?:[Pp]edairochrog|[Pp]edrochrog|[Tt]eirochrog)(?:\s+{CY_TITLE})?)",
        needle="lateral|ochrog",
    ),
    rule(
        "forum.en.council",
        rf"(?:{EN_TITLE}[ \t]+)?(?:Ministers['’]?\s+)?(?:Council|Forum|Summit)(?:\s+of\s+the\s+{EN_TITLE})?",
        needle="council|forum|summit",
    ),
    rule(
        "forum.en.jmc",
        r"Joint\s+Ministerial\s+(?:Committee|Working\s+Group)(?:\s*\([^)]{2,40}\))?(?:\s+on\s+[A-Z]\w+)?",
        needle="joint",
    ),
    # A British-Irish Council work sector: "the BIC's Housing work sector", "X Work Sector (of the British-Irish
    # Council)", "Sector Gwaith X y Cyngor Prydeinig-Gwyddelig".
    rule(
        "forum.work_sector",
        rf"British[-‐‑– ]Irish\s+Council(?:['’]s)?\s+(?:{EN_TITLE}[ \t]+)?(?:[Ww]ork\s*[Ss]ector|"
        rf"[Ww]orkstream|[Ss]ector)(?:\s+[Mm]inisterial(?:\s+[Mm]eeting)?)?"
        rf"|(?:{EN_TITLE}\s+(?:[Ww]ork\s*[Ss]ector|[Ww]orkstream)(?:\s+of\s+the\s+British[-‐‑– ]Irish\s+Council)?"
        rf"|Sector\s+Gwaith\s+{CY_TITLE}\s+y\s+Cyngor\s+Prydeinig[-‐‑– ]Gwyddelig)",
        needle="sector|workstream",
    ),
    # A forum written as its abbreviation: a format of one ("JMC(EN)", "IMG (Trade)") or a committee known only
    # by its initials ("COBR").
    rule(
        "forum.abbreviated", r"\b(?:(?:JMC|IMG|BIC)\s*\([^)\n]{2,40}\)|COBRA?\b)", needle="JMC|IMG|BIC|COBR"
    ),
    rule(
        "forum.cy.grwp",
        rf"{_GRWP}\s+(?:Rhyng[- ]?[Ww]einidogol|Rhynglywodraethol)(?:\s+(?:ar\s+gyfer|ar|ynghylch)\s+|\s+)?"
        rf"(?:{CY_TITLE})?",
        "cy",
        needle="r[ŵw]p",
    ),
    rule(
        "forum.cy.pwyllgor",
        rf"{_PWYLLGOR}\s+Sefydlog\s+Rhyng[- ]?[Ww]einidogol(?:\s+(?:ar\s+)?{CY_TITLE})?",
        "cy",
        needle="sefydlog",
    ),
    rule(
        "forum.cy.cyngor",
        rf"{_CYNGOR}\s+(?:Prydeinig[-‐‑– ]Gwyddelig|(?:y|yr)\s+{CY_TITLE})",
        "cy",
        needle="yngor",
    ),
    rule(
        "forum.cy.jmc",
        rf"{_CYD}[-‐‑– ]?[Bb]wyllgor\s+(?:y\s+)?Gweinidogion(?:\s*\([^)]{{2,40}}\))?",
        "cy",
        needle="bwyllgor",
    ),
]
# The words that make a forum a sub-forum of the one its name contains ("... Council Environment Work Sector").
SUB_FORUM = re.compile(r"(?i)work\s*sector|workstream|sector\s+gwaith|\bsector\b")
GENERIC_WORDS = {
    "the",
    "of",
    "for",
    "on",
    "and",
    "group",
    "interministerial",
    "inter",
    "ministerial",
    "ministers",
    "committee",
    "meeting",
    "img",
    "uk",
    "council",
    "a",
    "y",
    "yr",
    "ar",
    "gyfer",
    "grwp",
    "rhyngweinidogol",
    "rhyng",
    "weinidogol",
    "pwyllgor",
    "cyngor",
    "cyfarfod",
    "ministers'",
    "matters",
    "in",
    "to",
    "ac",
    "o",
    "intergovernmental",
    "cyfarfodydd",
    "gweinidogion",
    "gweinidogol",
    "rhynglywodraethol",
    "minister's",
    "forum",
    "summit",
}


def _stems(text: str) -> tuple[frozenset[str], ...]:
    """Content words, each as the set of radicals it could be a mutation of, cut to five letters."""
    out = []
    for word in re.findall(r"[a-z]+", re.sub(r"(?<=[a-z])[-‐‑–](?=[a-z])", "", fold(text))):
        if word not in GENERIC_WORDS and len(word) > 1:
            out.append(frozenset(r[:5] for r in radicals(word)))
    return tuple(dict.fromkeys(out))


def _covered(words: tuple[frozenset[str], ...], by: tuple[frozenset[str], ...]) -> int:
    return sum(1 for w in words if any(w & o for o in by))


@lru_cache(maxsize=1)
def _known_names() -> list[tuple[str, tuple[frozenset[str], ...]]]:
    """(key, content words of one of its names) for every name of every known body."""
    out = []
    for key, body in gazetteer().bodies.items():
        for name in [body["name_en"], body["name_cy"], *body.get("aliases", []), *body.get("aliases_cy", [])]:
            if name and (own := _stems(name)):
                out.append((key, own))
    return out


# The domain's abbreviations of forum kinds, spelled out before a name is compared ("JMC(EU Negotiations)").
ABBREVIATIONS = {
    "JMC": "Joint Ministerial Committee",
    "IMG": "Interministerial Group",
    "BIC": "British-Irish Council",
    "IMSC": "Interministerial Standing Committee",
}


@lru_cache(maxsize=4096)
def resolve(phrase: str) -> tuple[str | None, float]:
    """The known body a forum's name as written stands for, by its distinctive words, and how sure.

    A name matches when it covers its words and the phrase adds few of its own; a shortened name ("the
    Interministerial Group on Net Zero") matches the one known body whose name holds all of its words.
    """
    phrase = re.sub(r"\b(" + "|".join(ABBREVIATIONS) + r")\b", lambda m: ABBREVIATIONS[m[1]], phrase)
    words = _stems(phrase)
    if not words:
        return None, 0.0
    within = {key for key, own in _known_names() if _covered(words, own) == len(words)}
    if len(within) == 1 and not SUB_FORUM.search(phrase):
        return next(iter(within)), 0.7
    best, best_score = None, 0.0
    for key, own in _known_names():
        score = _covered(own, words) / len(own) - (len(words) - _covered(words, own)) / len(words)
        if score > best_score:
            best, best_score = key, score
    return (best, best_score) if best_score >= 0.7 else (None, best_score)


def proposed_key(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
    if len(slug) > 60:
        slug = slug[:61].rsplit("-", 1)[0]  # whole words only
    return OPEN_PREFIX + (slug or "forum")


def _clean(name: str) -> str:
    name = re.sub(r"^(?:the|The|y|Y|yr|Yr)\s+", "", name.strip(" ,.;:"))
    return re.sub(r"['’]s$", "", name)


def find_forums(text: str) -> list[BodyHit]:
    return list(_find_forums(text))


@lru_cache(maxsize=32)
def _find_forums(text: str) -> tuple[BodyHit, ...]:
    """Known forums by name, then every forum-shaped phrase: resolved to a known body, or kept as written."""
    known = SpanIndex(gazetteer().find_bodies(text))
    found: list[BodyHit] = []
    for shape in SHAPES:
        for m in shape.finditer(text):
            name = _clean(m.group(0))
            if len(name) < 4 or (shape.name == "forum.en.council" and not _GOVT_WORD.search(name)):
                continue
            start = m.start() + m.group(0).find(name)
            end = start + len(name)
            inside = known.overlapping(start, end)  # known names it overlaps
            key, score = resolve(name)
            if key is None and not _stems(name):
                continue  # "the Interministerial Group": a forum's kind with nothing to say which
            if inside and (key in {h.key for h in inside} or (key is None and not SUB_FORUM.search(name))):
                continue  # a known name already covers it; a longer name of another known forum, or a work sector, wins
            found.append(BodyHit(start, end, key or proposed_key(name), name))
            shape.fired()
    hits = sorted(found + list(known), key=lambda h: (h.start, -(h.end - h.start)))
    out: list[BodyHit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            continue  # the longer (more specific) forum starting here wins
        out.append(h)
    return tuple(out)


# A forum named as the context of something else, one construction in two kinds: a point of reference in the
# past, the agent of an earlier act ("the Review commissioned by the JMC", "a gomisiynwyd gan Gyd-bwyllgor y
# Gweinidogion", "since the Council", "ers") -- never the meeting a document reports; or a point in time around
# the meeting ("following the British-Irish Council summit", "ahead of", "in the margins of") -- the meeting a
# communiqué reports may be named so, but it is not a further meeting.
AS_CONTEXT = rule(
    "forum.as_context",
    re.compile(
        r"(?:(?P<past>\b(?:commissioned|established|set up|created|agreed|endorsed|launched|requested)\s+by|"
        r"\b(?:[cg]omisiynu|[gs]efydlu|[cg]ytuno|[cg]reu|lansio)\s+gan|\b(?:since|ers)\s+)|"
        r"(?P<around>\b(?:following|after|ahead of|before|in the margins of|alongside|yn dilyn|ar ôl|cyn)\s+))\s*"
        r"(?:the\s+|y\s+|yr\s+)?$",
        re.I,
    ),
)


def in_context(text: str, hit: BodyHit, window: int = 40, past_only: bool = False) -> bool:
    m = AS_CONTEXT.search(text[max(0, hit.start - window) : hit.start])
    return m is not None and (not past_only or bool(m["past"]))


def is_open(key: str | None) -> bool:
    return bool(key) and key.startswith(OPEN_PREFIX)  # type: ignore[union-attr]


TIERS = [
    (re.compile(r"(?i)standing committee|pwyllgor sefydlog"), "standing_committee"),
    (re.compile(r"(?i)work\s*sector|workstream|sector gwaith|british[- ]irish|prydeinig"), "bic"),
    (re.compile(r"(?i)quadrilateral|trilateral|pedairochrog|pedrochrog|teirochrog"), "quadrilateral"),
    (re.compile(r"(?i)joint ministerial committee|cyd-?bwyllgor"), "jmc_format"),
    (re.compile(r"(?i)group|gr[ŵw]p"), "img"),
    (re.compile(r"(?i)council|cyngor|forum|fforwm|summit|uwchgynhadledd"), "council"),
]


def forum_tier(name: str) -> str:
    """The register's tier for a forum known only by its name ("bilateral" where the name shows none)."""
    return next((tier for rx, tier in TIERS if rx.search(name)), "bilateral")
