"""Two runs of the same documents at once: each document goes in once, as one version, whoever gets there first.

The defect: two ``igr ingest`` runs of the same 60 new documents at the same time reported 60 new and 60
revised, leaving 60 pairs of versions with the same content hash.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

FORUMS = [
    "Interministerial Group for Environment, Food and Rural Affairs",
    "Interministerial Group on Trade",
    "Interministerial Group for Net Zero, Energy and Climate Change",
    "Finance: Interministerial Standing Committee",
]
STATEMENT = """Llywodraeth Cymru
Welsh Government

STATEMENT BY THE WELSH GOVERNMENT

TITLE **{forum}**

DATE **{published}**

BY **Jane Hutt MS, Minister for Social Justice**

In accordance with the Inter-Institutional Relations Agreement, I am giving notification that I attended a meeting of the {forum}, which took place virtually on {held}.

The meeting was chaired by the Chancellor of the Duchy of Lancaster, Michael Gove.

Reference {n}.
"""


def documents(folder, count: int = 60):
    folder.mkdir()
    for n in range(count):
        held = dt.date(2016, 1, 4) + dt.timedelta(days=9 * n)
        published = held + dt.timedelta(days=20)
        text = STATEMENT.format(
            forum=FORUMS[n % len(FORUMS)],
            held=f"{held.day} {held:%B %Y}",
            published=f"{published.day} {published:%B %Y}",
            n=n,
        )
        (folder / f"statement-{n:02}.txt").write_text(text, encoding="utf-8")
    return folder


def test_two_runs_of_the_same_new_documents_at_once_add_each_version_once(shared, tmp_path):
    folder = documents(tmp_path / "docs")
    runs = [shared.start("ingest", "--json", "--no-progress", str(folder)) for _ in range(2)]
    reports = []
    for run in runs:
        out, err = run.communicate(timeout=600)
        assert run.returncode == 0, err
        reports.append(json.loads(out)["documents"])
    assert sum(r["new"] for r in reports) == 60, reports
    assert sum(r["revised"] for r in reports) == 0, reports
    assert sum(r["unchanged"] for r in reports) == 60, reports
    counts = shared.python(
        "import json; from django.db.models import Count; from igr.register.models import DocumentVersion as V; "
        "print(json.dumps([V.objects.count(), V.objects.values('content_hash').annotate(n=Count('pk'))"
        ".filter(n__gt=1).count()]))"
    )
    assert counts == [60, 0]
