"""The package installs on the Python of current Debian and Ubuntu releases, and ships what a deployment needs."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_python_3_11_to_3_13_are_allowed():
    allowed = SpecifierSet(PROJECT["project"]["requires-python"])
    assert all(version in allowed for version in ("3.11.2", "3.12.3", "3.13.1"))
    assert "3.10.12" not in allowed


def test_the_licence_is_an_spdx_expression():
    assert PROJECT["project"]["license"] == "MIT"  # a table here is deprecated and warns on every build


def test_deployment_dependencies_and_static_images_are_declared():
    names = {
        d.split(">")[0].split("=")[0].split("<")[0].strip().lower()
        for d in PROJECT["project"]["dependencies"]
    }
    assert {"gunicorn", "whitenoise", "django-csp", "django-axes"} <= names
    patterns = PROJECT["tool"]["setuptools"]["package-data"]["*"]
    assert {"*.png", "*.ico", "*.js", "*.css", "*.mo"} <= set(patterns)


def test_the_systemd_units_run_commands_the_register_has():
    units = (ROOT / "deploy" / "systemd").glob("*.service")
    commands = {
        line.split("/srv/igr/venv/bin/igr ", 1)[1].split()[0].strip("'\"")
        for unit in units
        for line in unit.read_text().splitlines()
        if line.startswith("ExecStart=") and "/srv/igr/venv/bin/igr " in line
    }
    assert {"serve", "backup", "harvest", "ingest_worker"} <= commands
    from django.core.management import get_commands

    assert commands <= set(get_commands())
