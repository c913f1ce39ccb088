"""``igr extract`` as a user runs it: a good and a bad file, JSON Lines out, one error line, exit 1."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.extract.conftest import STATEMENT


def _igr() -> list[str]:
    exe = Path(sys.executable).parent / "igr"
    return [str(exe)] if exe.exists() else [shutil.which("igr") or "igr"]


def test_cli_good_and_bad_files(tmp_path):
    good = tmp_path / "statement.txt"
    good.write_text(STATEMENT, encoding="utf-8")
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n garbage")
    out = subprocess.run(
        [*_igr(), "extract", str(good), str(bad)], capture_output=True, text=True, timeout=60
    )
    assert out.returncode != 0
    (line,) = out.stdout.strip().splitlines()
    rec = json.loads(line)
    assert rec["source"].endswith("statement.txt") and rec["meetings"][0]["body_key"] == "imsc"
    errors = [x for x in out.stderr.splitlines() if x.strip()]
    assert len(errors) == 1 and "broken.pdf" in errors[0]


def test_cli_json_and_table_formats(tmp_path):
    good = tmp_path / "statement.txt"
    good.write_text(STATEMENT, encoding="utf-8")
    out = subprocess.run(
        [*_igr(), "extract", "--format", "json", str(good)], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0 and json.loads(out.stdout)[0]["doc_type"] == "written_statement"
    out = subprocess.run(
        [*_igr(), "extract", "--format", "table", str(good)], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0 and "statement.txt" in out.stdout
