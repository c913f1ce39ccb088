"""``make eval``: score extraction on the development corpus by language, by publisher family and held out.

Why more than one figure: the product is judged on documents from publishers, forums and years that are not in
the corpus. A score over the whole corpus measures fit; the leave-one-family-out score measures what carries
over. For each publisher family, the rules that fire only in that family's documents (which were most likely
written while looking at them) are switched off and the family is scored again. The report also lists rules and
phrases that fire in a single development document, and how often a fact given with confidence ≥ 0.9 is wrong.

Usage: ``python -m igr.extract.evaluate --shared ../shared [--by-doc]``; the scorer is the one in
``shared/tools``, imported from there so the figures are the scorer's own.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlparse

from igr.extract import extract_path
from igr.extract.publishers import is_layout
from igr.extract.rules import REGISTRY, disabled, recording

# Publisher families, by the host a document was taken from; a document with no address is "unattributed".
# Parliaments and Northern Ireland come first: their hosts also end in .uk.
FAMILIES = [
    (
        "parliament",
        (
            "theyworkforyou",
            "hansard.parliament.uk",
            "parliament.uk",
            "parliament.scot",
            "senedd",
            "parallelparliament",
        ),
    ),
    ("ni", ("daera-ni.gov.uk", "niassembly.gov.uk", "executiveoffice-ni.gov.uk", "nidirect.gov.uk")),
    ("gov.wales", ("gov.wales", "llyw.cymru")),
    ("gov.scot", ("gov.scot",)),
    ("gov.uk", ("gov.uk",)),
]


def family_of(meta: dict[str, Any]) -> str:
    host = (urlparse(meta.get("url") or "").hostname or "").lower()
    if not host:
        return "unattributed"
    for family, hosts in FAMILIES:
        if any(h in host for h in hosts):
            return family
    return "republished"


def _scorer(shared: Path) -> ModuleType:
    path = shared / "tools" / "score_extraction.py"
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"eval: cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_corpus(shared: Path) -> dict[str, tuple[Path, dict[str, Any]]]:
    docs = {}
    for gold in sorted((shared / "corpus" / "dev").glob("*.json")) + sorted(
        (shared / "corpus" / "seed").glob("seed-*.json")
    ):
        meta = json.loads(gold.read_text(encoding="utf-8"))
        text = gold.with_suffix(".txt")
        if isinstance(meta, dict) and "gold" in meta and not meta.get("exclude") and text.exists():
            docs[gold.stem] = (text, meta)
    return docs


def extract_all(
    docs: dict[str, tuple[Path, dict]], names: list[str]
) -> tuple[dict[str, dict], dict[str, set[str]]]:
    preds, fired = {}, {}
    for name in names:
        with recording() as seen:
            recs = extract_path(docs[name][0])
        preds[name] = recs[0] if recs else {"source": str(docs[name][0]), "meetings": []}
        fired[name] = seen
    return preds, fired


def score(
    scorer: ModuleType, shared: Path, docs: dict, preds: dict[str, dict], names: list[str]
) -> dict[str, Any]:
    """The scorer's own figures over a subset of the documents."""
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir = Path(tmp) / "gold"
        gold_dir.mkdir()
        for name in names:
            (gold_dir / f"{name}.json").write_text(json.dumps(docs[name][1]), encoding="utf-8")
        pred = Path(tmp) / "pred.jsonl"
        pred.write_text(
            "".join(json.dumps(preds[n], ensure_ascii=False) + "\n" for n in names), encoding="utf-8"
        )
        bodies = scorer.Bodies(shared / "corpus" / "bodies.json")
        tally, per_doc, _unknown = scorer.score(gold_dir, pred, bodies)
    return {"tally": tally, "per_doc": per_doc, "bodies": bodies}


def f1(tally: dict) -> tuple[float, int]:
    tp, fp, fn = tally.get("ALL", (0, 0, 0))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), tp + fn


def calibration(scorer: ModuleType, docs: dict, preds: dict[str, dict], bodies: Any) -> dict[str, list[int]]:
    """Per confidence band: [facts given, facts wrong], for each meeting's forum and date and each attendee."""
    bands: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for name, pred in preds.items():
        gold = docs[name][1]["gold"]
        g_ids, p_ids = scorer.align(gold.get("meetings") or [], pred.get("meetings") or [], bodies)
        gf = scorer.record_facts(name, gold, bodies, g_ids, is_gold=True)
        prov = pred.get("provenance") or {}
        for i, (mid, m) in enumerate(zip(p_ids, pred.get("meetings") or [], strict=False)):
            facts = []
            if m.get("body") and f"meetings[{i}].body" in prov:
                facts.append(
                    (
                        prov[f"meetings[{i}].body"]["confidence"],
                        (name, mid, "meeting.body", scorer.body_of(m, bodies, False)),
                    )
                )
            if m.get("meeting_date") and f"meetings[{i}].meeting_date" in prov:
                facts.append(
                    (
                        prov[f"meetings[{i}].meeting_date"]["confidence"],
                        (name, mid, "meeting.date", scorer.norm_date(m["meeting_date"])),
                    )
                )
            for j, a in enumerate(m.get("attendees") or []):
                if a.get("name") and f"meetings[{i}].attendees[{j}]" in prov:
                    facts.append(
                        (
                            prov[f"meetings[{i}].attendees[{j}]"]["confidence"],
                            (name, mid, "attendee", scorer.norm_name(a["name"])),
                        )
                    )
            for conf, fact in facts:
                band = (
                    "≥0.9"
                    if conf >= 0.9
                    else "0.7–0.9"
                    if conf >= 0.7
                    else "0.5–0.7"
                    if conf >= 0.5
                    else "<0.5"
                )
                bands[band][0] += 1
                bands[band][1] += fact not in gf
    return bands


def single_document(fired: dict[str, set[str]]) -> tuple[list[str], list[str]]:
    """Rules, and top-level phrases of rules (``name#i``), that fire in exactly one document: the reading rules
    (every module's and the profiles' reading fields) and, apart, the profiles' page-layout entries."""
    counts = Counter(r for seen in fired.values() for r in seen)
    once = sorted(r for r, c in counts.items() if c == 1)
    return [r for r in once if not is_layout(r)], [r for r in once if is_layout(r)]


def report(shared: Path, by_doc: bool = False, out: Any = sys.stdout) -> dict[str, Any]:
    scorer = _scorer(shared)
    docs = load_corpus(shared)
    names = sorted(docs)
    preds, fired = extract_all(docs, names)
    whole = score(scorer, shared, docs, preds, names)
    figures: dict[str, Any] = {"ALL": f1(whole["tally"])[0]}

    def line(label: str, tally: dict, n_docs: int) -> None:
        value, facts = f1(tally)
        print(f"  {label:22} F1 {value:.3f}   ({n_docs} documents, {facts} gold facts)", file=out)

    print("Facts by kind (the scorer's table):", file=out)
    for kind in sorted(whole["tally"], key=lambda k: (k == "ALL", k)):
        tp, fp, fn = whole["tally"][kind]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        print(
            f"  {kind:32} P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0:.3f}  "
            f"tp {tp:4d} fp {fp:4d} fn {fn:4d}",
            file=out,
        )

    languages = defaultdict(list)
    families = defaultdict(list)
    for name in names:
        meta = docs[name][1]
        languages[meta.get("language") or (docs[name][1]["gold"].get("language")) or "en"].append(name)
        families[family_of(meta)].append(name)
    print("\nBy language:", file=out)
    for lang, members in sorted(languages.items()):
        s = score(scorer, shared, docs, preds, members)
        figures[f"lang:{lang}"] = f1(s["tally"])[0]
        line(lang, s["tally"], len(members))
    print("\nBy publisher family (dev score | held out: the family's own rules switched off):", file=out)
    held_out_tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for family, members in sorted(families.items()):
        s = score(scorer, shared, docs, preds, members)
        outside = set().union(*(fired[n] for n in names if n not in members))
        own = set().union(*(fired[n] for n in members)) - outside
        with disabled(own):
            held_preds, _ = extract_all(docs, members)
        h = score(scorer, shared, docs, held_preds, members)
        for slot in range(3):
            held_out_tally["ALL"][slot] += h["tally"]["ALL"][slot] if "ALL" in h["tally"] else 0
        dev_f1, facts = f1(s["tally"])
        held_f1, _ = f1(h["tally"])
        figures[f"family:{family}"] = dev_f1
        figures[f"held_out:{family}"] = held_f1
        print(
            f"  {family:14} dev F1 {dev_f1:.3f} | held out {held_f1:.3f}   ({len(members)} documents, {facts} gold "
            f"facts, {len([r for r in own if '#' not in r])} rules and "
            f"{len([r for r in own if '#' in r])} phrases only this family fires)",
            file=out,
        )
    figures["held_out:ALL"] = f1(held_out_tally)[0]
    print(
        f"  {'leave-one-family-out':14} F1 {figures['held_out:ALL']:.3f} (all families, each scored with its own rules "
        f"switched off)",
        file=out,
    )

    single, layout = single_document(fired)

    def listing(found: list[str]) -> None:
        for r in found:
            base, _, alt = r.partition("#")
            where = next(n for n in names if r in fired[n])
            text = REGISTRY[base].alternative_text(int(alt)) if alt else REGISTRY[base].pattern
            print(f"  {r:36} {where:16} {text[:90]}", file=out)

    print(
        f"\nReading rules or phrases (modules' and profiles' reading fields) that fire in only one development "
        f"document: {len(single)}",
        file=out,
    )
    listing(single)
    print(
        f"\nPublisher profile entries (page layout, not reading rules) matched in only one development document: "
        f"{len(layout)}",
        file=out,
    )
    listing(layout)
    figures["single_document_rules"] = single
    figures["single_document_profile_entries"] = layout

    bands = calibration(scorer, docs, preds, whole["bodies"])
    print("\nConfidence calibration (forum, date and named attendee of each meeting):", file=out)
    for band in ("≥0.9", "0.7–0.9", "0.5–0.7", "<0.5"):
        given, wrong = bands.get(band, [0, 0])
        rate = wrong / given if given else 0.0
        print(f"  confidence {band:8} {given:5d} facts, {wrong:4d} wrong ({rate:.1%})", file=out)
    given, wrong = bands.get("≥0.9", [0, 0])
    figures["wrong_at_0.9"] = wrong / given if given else 0.0
    print(
        f"\nALL F1 {figures['ALL']:.3f}; Welsh {figures.get('lang:cy', 0):.3f}; leave-one-family-out "
        f"{figures['held_out:ALL']:.3f}; facts with confidence ≥ 0.9 wrong: {figures['wrong_at_0.9']:.1%}",
        file=out,
    )
    if by_doc:
        for doc, (counts_, missed, spurious) in whole["per_doc"].items():
            if missed or spurious:
                print(f"== {doc}: tp={counts_[0]} fp={counts_[1]} fn={counts_[2]}", file=out)
                for f in missed:
                    print("   missed  ", f, file=out)
                for f in spurious:
                    print("   spurious", f, file=out)
    return figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m igr.extract.evaluate", description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, required=True, help="the shared folder holding corpus/ and tools/")
    ap.add_argument("--by-doc", action="store_true", help="list missed and spurious facts per document")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args(argv)
    if (
        not (args.shared / "corpus" / "dev").is_dir()
        or not (args.shared / "tools" / "score_extraction.py").exists()
    ):
        print(
            f"eval: {args.shared}/corpus/dev or tools/score_extraction.py is missing; nothing to score",
            file=sys.stderr,
        )
        return 2
    figures = report(args.shared, args.by_doc)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False), encoding="utf-8")
    if figures["single_document_rules"]:
        print("eval: a reading rule fires in only one development document (listed above)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
