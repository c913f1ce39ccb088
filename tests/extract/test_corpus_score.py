"""The score on the development corpus (skips where ../shared is absent): floors, not the targets.

The figures come from ``igr.extract.evaluate`` (what ``make eval`` prints), so the test and the report agree.
"""

from __future__ import annotations

import io

import pytest

from tests.extract.conftest import SHARED

SCORER = SHARED.parent / "tools" / "score_extraction.py"


@pytest.mark.corpus
@pytest.mark.skipif(not (SHARED / "dev").is_dir() or not SCORER.exists(), reason="../shared/corpus is absent")
def test_dev_corpus_score():
    from igr.extract.evaluate import report

    figures = report(SHARED.parent, out=io.StringIO())
    # A little under the measured figures (see docs/extraction.md), so a regression shows without pinning them.
    assert figures["ALL"] >= 0.94
    assert figures["lang:cy"] >= 0.91
    assert figures["held_out:ALL"] >= 0.90
    assert figures["wrong_at_0.9"] <= 0.05
    assert min(v for k, v in figures.items() if k.startswith("family:")) >= 0.90
    # A reading rule that only one document needs was written for that document.
    assert figures["single_document_rules"] == []
