"""The score on the development corpus (skips where ../shared is absent); a floor, not the target."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.extract.conftest import SHARED

SCORER = SHARED.parent / "tools" / "score_extraction.py"


@pytest.mark.corpus
@pytest.mark.skipif(not (SHARED / "dev").is_dir() or not SCORER.exists(), reason="../shared/corpus is absent")
def test_dev_corpus_score(tmp_path):
    from igr.extract import extract_path

    gold = tmp_path / "gold"
    gold.mkdir()
    files = sorted((SHARED / "dev").glob("*.txt")) + [SHARED / "seed" / "seed-letter.txt",
                                                      SHARED / "seed" / "seed-statement.txt"]
    for f in list((SHARED / "dev").glob("*.json")) + list((SHARED / "seed").glob("seed-*.json")):
        (gold / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        for f in files:
            for rec in extract_path(f):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    out = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    scores = json.loads(out.stdout)
    # Floors a little under the measured figures (ALL 0.97, date 0.98, body 0.97, attendee 0.98,
    # attendee.government 0.97), so a regression shows without pinning today's exact numbers.
    assert scores["ALL"]["f1"] >= 0.93
    for kind in ("meeting.date", "meeting.body"):
        assert scores[kind]["f1"] >= 0.95, kind
    for kind in ("attendee", "attendee.government"):
        assert scores[kind]["f1"] >= 0.93, kind
