"""Document-level fields: splitting combined files, type, publisher, author, date and recipients.

Why separate from meetings: these follow the publisher's page furniture, which is independent of how a meeting
is described. Where each publisher puts its date, byline and format label is data (``igr.extract.publishers``);
this module holds the generic reading every publisher falls back on: letterheads, salutations and sign-offs,
a date on a line of its own, "X said:".
"""

from __future__ import annotations

import datetime as dt
import re

from igr.extract import proceedings
from igr.extract import publishers as P
from igr.extract.dates import DMY, ISO, find_dates, weekday_year, year_hint
from igr.extract.people import explicit_government, find_people, find_roles, role_government
from igr.extract.readers import guess_language
from igr.extract.rules import rule

LETTERHEAD_LINE = rule(
    "document.letterhead_line",
    re.compile(r"^\s*(?:Llywodraeth Cymru|Welsh Government|Scottish Government|Riaghaltas na h-Alba)?\s*$"),
)


def split_documents(text: str) -> list[tuple[int, str]]:
    """Cut a file holding several documents (a letter, then a statement) at each later statement heading."""
    cuts = [0]
    heads = sorted(
        (m for r in P.generic().rules("statement_head") for m in r.finditer(text)), key=lambda m: m.start()
    )
    for m in heads:
        if m.start() < 300 or len(text[cuts[-1] : m.start()].strip()) < 300:
            continue
        cut = m.start()
        # Walk back over the government letterhead that heads the new document, line by line (cut < 0: none left).
        while cut >= 0:
            line_start = text.rfind("\n", 0, cut) + 1
            if not (LETTERHEAD_LINE.match(text[line_start:cut]) and cut > cuts[-1]):
                break
            cut = line_start - 1
        cuts.append(max(cut, cuts[-1] + 1))
    cuts.append(len(text))
    return [(a, text[a:b]) for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]


def head(text: str, n: int = 600) -> str:
    return text[:n]


# How the genres announce themselves, whoever publishes them.
REPORT = rule(
    "document.report",
    re.compile(r"\b(?:Annual|Quarterly|Overview|Progress) Report\b|Adroddiad (?:Blynyddol|Chwarterol)", re.I),
)
# A press release speaks of "today (Friday 19 November)", quotes someone ("X said:", "meddai") or ends with
# notes to editors.
PRESS = rule(
    "document.press",
    re.compile(
        r"(?:\bsaid:|\b(?:[Dd]ywedodd|meddai)\b[^\n]{0,80}:\s*$)|spokesperson|Notes to editors|Nodiadau i olygyddion|"
        r"(?:\b[Tt]oday \((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b[Hh]eddiw \((?:dydd|ddydd) )",
        re.M,
    ),
)


def doc_type(text: str, profiles: tuple[P.Profile, ...] = ()) -> tuple[str, float]:
    """The document's genre; ``text`` is the page as published (its format label is furniture, but says what it is)."""
    profiles = profiles or (P.generic(),)
    top = head(text, 400)
    hint = P.doc_type_hint(text[: P.HEAD], profiles)
    if hint:
        return hint, 0.9
    if P.first_match(top, profiles, "statement_head") or re.search(
        r"\bWritten Statement\b|Datganiad Ysgrifenedig", top, re.I
    ):
        return "written_statement", 0.95
    if REPORT.search(top):
        return "transparency_report", 0.8
    salutation = re.search(r"^\s*(?:Dear|Annwyl)\s+\w", text, re.M) or re.search(
        r"\b(?:19|20)\d\d\s+(?:Dear|Annwyl)\s+[A-Z]", text[:3000]
    )
    if re.search(r"\bMinutes\b|\bTo ask the\b|Official Report", head(text, 1200)) or (
        profiles[0].kind == "parliament" and not salutation
    ):
        return "other", 0.7
    # A salutation opening a line, or straight after the letter's date in text that lost its line breaks.
    if salutation and not re.search(r"Communiqu", top, re.I):
        return "letter", 0.9
    if re.search(r"communiq|Cydddatganiad|Communique", top, re.I):
        return "communique", 0.9
    if PRESS.search(text):
        return "press_release", 0.7
    if profiles[0].key == "gov-wales" or re.search(
        r"Inter-?\s?institutional Relations Agreement|[Cc]ytundeb\s+(?:ar\s+)?[cg]ysylltiadau\s+rhyng[- ]?sefydliadol",
        head(text, 1500),
        re.I,
    ):
        return "written_statement", 0.6
    # A Welsh minister's statement: a line of its own near the top, "Name MS, Minister for ...".
    if re.search(
        r"^[A-Z][\w'’ -]{3,40} (?:MS|AS|AM|AC),? (?:[Yy] |[Yy]r )?(?:Minister|Cabinet Secretary|First Minister|"
        r"Counsel General|Deputy Minister|Trefnydd|Gweinidog|Prif Weinidog|Cwnsler Cyffredinol|Ysgrifennydd|"
        r"Dirprwy Weinidog)\b[^\n]{0,120}$",
        top,
        re.M,
    ):
        return "written_statement", 0.6
    return "other", 0.3


def published_date(text: str, profiles: tuple[P.Profile, ...] = ()) -> tuple[str | None, int, int]:
    """The document's own date: where its publisher puts it (a label, a sitting, an answer's date), a line
    holding only a date near the top, or a letter's date before its salutation."""
    profiles = profiles or (P.generic(),)
    for r in P.rules(profiles, "date"):
        m = r.search(text, 0, min(len(text), 3000))
        dates = find_dates(m["d"]) if m else []
        if m and dates and dates[0].year:
            return dates[0].iso(), m.start("d") + dates[0].start, m.start("d") + dates[0].end
    # A line holding only a date near the top (letters, statements without a label).
    for lm in re.finditer(r"^[ \t]*(?P<d>[^\n]{6,30})[ \t]*$", text[:2500], re.M):
        line = lm["d"].strip()
        dm = DMY.fullmatch(line) or ISO.fullmatch(line)
        if dm and dm["y"]:
            d = find_dates(line)[0]
            return d.iso(), lm.start("d"), lm.end("d")
    # A letter whose date is written inline after the addressee ("... BT4 3SR 21 September 2020 Dear Marie").
    m = re.search(r"\s(?:Dear|Annwyl)\s", text[:3000])
    if m:
        window_start = max(0, m.start() - 40)
        dates = [d for d in find_dates(text[window_start : m.start()]) if d.year and d.day]
        if dates:
            d = dates[-1]
            return d.iso(), window_start + d.start, window_start + d.end
    return None, 0, 0


def reference_date(text: str, published: str | None, handed_in: str | None = None) -> dt.date | None:
    """The date a missing year is inferred from: the document's own date, else the publication date handed
    in by the caller (ingest, a harvester), else the document's first full date. Never the clock."""
    for given in (published, handed_in):
        if given and len(given) == 10:
            return dt.date.fromisoformat(given)
    head_dates = [d for d in find_dates(text) if d.end <= 4000]  # the whole text's dates are cached
    full = [
        d
        for d in head_dates
        if d.year
        and d.day
        and not re.search(
            r"(?:Updated|Published|Last updated)\W*$", text[max(0, d.start - 20) : d.start], re.I
        )
    ]
    if not full:
        # "today (Friday 19 November)": a weekday beside a yearless date fixes the year.
        hint = year_hint(text[:4000])
        dated = [iso for d in head_dates if d.weekday is not None and (iso := d.iso(weekday_year(d, hint)))]
        return dt.date.fromisoformat(dated[0]) if dated else None
    iso = full[0].iso()
    return dt.date.fromisoformat(iso) if iso else None


POST_NOMINAL = re.compile(r"\b(?:MS|AM|AS|AC|MSP|ASA|MLA|ACD|MP)\b")


def author(text: str, kind: str, profiles: tuple[P.Profile, ...] = ()) -> tuple[list[dict], int, int]:
    """The signing or stating person(s): a record's answering minister, a byline, a letterhead, a sign-off or
    the first 'X said'."""
    profiles = profiles or (P.generic(),)
    if kind in ("communique", "transparency_report"):
        return [], 0, 0
    if kind == "other":
        return (
            proceedings.author(text, profiles) if proceedings.is_record(text, kind, profiles) else ([], 0, 0)
        )
    top = text[:1500]
    if kind in ("written_statement", "letter"):
        # The first byline in the text, whichever shape it has.
        found_lines = sorted(
            ((m, r) for r in P.rules(profiles, "byline") for m in r.finditer(top)),
            key=lambda mr: mr[0].start(),
        )
        for m, r in found_lines:
            line = m["line"].strip(" *")
            if re.match(r"(?:Dear|Cc|I |The |In )", line) or len(line) > 250:
                continue
            found = _people_with_roles(line, text, m.start("line"))
            if not found or not (found[0]["role"] or POST_NOMINAL.search(line)):
                continue
            end = m.end("line")
            # Joint statements give one byline per minister, on consecutive lines.
            for nxt in r.finditer(top, end + 1):
                if nxt.start() != end + 1 or not (
                    more := _people_with_roles(nxt["line"].strip(" *"), text, nxt.start())
                ):
                    break
                found += more
                end = nxt.end("line")
            return found, m.start("line"), end
        if kind == "letter":
            signed = re.search(
                r"Yours (?:sincerely|faithfully),?\s*\n+\s*(?P<n>[A-Z][\w'-]+(?: [A-Z][\w'-]+)+)", text
            )
            if signed:
                roles = find_roles(top, [])
                return (
                    [{"name": signed["n"], "role": roles[0][2] if roles else None}],
                    signed.start("n"),
                    signed.end("n"),
                )
        return [], 0, 0
    if kind == "press_release":
        quoted = re.search(
            r"(?P<who>(?:[A-Z][\w'-]*\s+){1,8}[A-Z][\w'-]+)\s+(?:said|added|commented)\s*:", text
        )
        if quoted:
            people = find_people(quoted["who"])
            if people:
                name = people[-1][2]
                role = _role_near(text, name)
                return [{"name": name, "role": role}], quoted.start("who"), quoted.end("who")
    return [], 0, 0


def _role_near(text: str, name: str) -> str | None:
    """A press release's role for its speaker: the post title written just before the name."""
    for m in re.finditer(re.escape(name), text):
        window = text[max(0, m.start() - 90) : m.start()]
        roles = find_roles(window, [])
        if roles and roles[-1][1] >= len(window) - 3:
            return roles[-1][2].removeprefix("the ").strip()
    return None


def _people_with_roles(line: str, text: str, offset: int) -> list[dict]:
    people = find_people(line)
    out = []
    for i, (s, e, name, _g, _strong) in enumerate(people):
        nxt = people[i + 1][0] if i + 1 < len(people) else len(line)
        after = line[e:nxt]
        roles = find_roles(after, [])
        role = roles[0][2] if roles else None
        if role is None:
            before = find_roles(line[:s], [])
            role = before[-1][2] if before else None
        out.append({"name": name, "role": role.strip(" ,") if role else None})
    if not out:
        return []
    # A letterhead gives the Welsh title first: prefer the English line that follows.
    if out and out[0]["role"] is None or (out[0]["role"] or "").startswith("Gweinidog"):
        following = text[offset + len(line) : offset + len(line) + 300]
        for cand in following.split("\n"):
            roles = find_roles(cand, [])
            if roles and not roles[0][2].startswith(("Gweinidog", "Prif", "Ysgrifennydd")):
                out[0]["role"] = roles[0][2]
                break
    return out


def publisher(text: str, kind: str, authors: list[dict], profiles: tuple[P.Profile, ...] = ()) -> str | None:
    """The government that published the document: its publisher's profile, a record's speaking minister,
    then the generic evidence (a Welsh title, the author's side, the first government named)."""
    profiles = profiles or (P.generic(),)
    if profiles[0].kind == "government":
        return profiles[0].government
    if proceedings.is_record(text, kind, profiles):
        return proceedings.government(text, profiles, authors)
    top = text[:1500]
    if kind == "written_statement" or re.search(r"Llywodraeth Cymru|gov\.wales|llyw\.cymru", top):
        return "wales"
    # Bilingual pages give the title in English and Welsh: a Welsh line among the first three.
    if any(len(line) > 20 and guess_language(line) == "cy" for line in text.strip().split("\n")[:3]):
        return "wales"
    for a in authors:
        gov = role_government(a.get("role")) if a.get("role") else None
        if re.search(rf"{re.escape(a.get('name') or '~')}\s+MSP", text):
            return "scotland"
        if gov:
            return gov
    gov, _ = explicit_government(top)
    return gov


def recipients(text: str) -> list[dict]:
    """A letter's addressee (from 'Dear' and the address block) and its copies ('Cc', 'copying this letter to')."""
    out: list[dict] = []
    dear = re.search(r"^\s*(?:Dear|Annwyl)\s+(?P<first>[A-Z][\w'-]+)", text, re.M)
    if dear:
        block = text[: dear.start()]
        for _s, _e, name, _g, _st in find_people(block):
            if name.split()[0] == dear["first"] or name.endswith(dear["first"]):
                after = block[_e : _e + 200].split("\n\n")[0]
                role = " ".join(x.strip() for x in after.split("\n")[:3] if x.strip() and "@" not in x)
                out.append({"name": name, "role": role.strip(" ,") or None, "type": "to"})
                break
    for m in re.finditer(r"(?:^Cc:?|copying this letter to)\s+(?P<rest>[^\n]+)", text, re.M | re.I):
        for _s, e, name, _g, _st in find_people(m["rest"]):
            if not any(r["name"] == name for r in out):
                copied_as = m["rest"][e:].strip(" ,.").split(";")[0] or None
                out.append({"name": name, "role": copied_as, "type": "cc"})
    return out
