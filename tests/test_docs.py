"""Documentation that cannot drift: the CLI reference is what the commands say, and the README's commands exist."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _generator():
    spec = importlib.util.spec_from_file_location("gen_cli_docs", ROOT / "scripts" / "gen_cli_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_current():
    expected = _generator().render()
    actual = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/cli.md is stale: run .venv/bin/python scripts/gen_cli_docs.py"


def test_readme_names_only_commands_that_exist():
    from django.core.management import get_commands

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`igr ([a-z_]+)", readme))
    assert named, "the README should name the igr commands"
    assert named <= set(get_commands()) | {"extract"}, named - set(get_commands())


def test_readme_first_screen_has_the_two_commands():
    first_screen = "\n".join((ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:40])
    assert "make run" in first_screen and "make test" in first_screen
