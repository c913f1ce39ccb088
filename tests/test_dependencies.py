"""How the apps depend on each other: the register announces, the others listen, and nothing runs in a circle.

Every import in ``src/igr`` is read (lazy ones inside functions too). The register depends on no other app;
ingest on neither the public app nor reporting; no app imports another app's listeners or receivers (they
meet in ``igr.register.events``); and the apps' dependencies form no cycle.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "igr"
APPS = {"register", "ingest", "reporting", "public", "extract", "harvest", "api", "audit", "follow"}
WIRING = {"listeners", "receivers", "signals"}  # modules that connect handlers: private to their app


def imports() -> list[tuple[str, str]]:
    """(importing module, imported module) for every import under src/igr, relative ones resolved."""
    found = []
    for path in SRC.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        module = ".".join(("igr", *path.relative_to(SRC).with_suffix("").parts))
        package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found += [(module, alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = package.rsplit(".", node.level - 1)[0] if node.level else ""
                target = ".".join(part for part in (base, node.module or "") if part)
                found += [(module, f"{target}.{alias.name}") for alias in node.names]
    return [(a, b) for a, b in found if b.startswith("igr.")]


def app_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in APPS else None


def test_the_imports_are_read():
    pairs = imports()
    assert ("igr.reporting.listeners", "igr.register.events") in pairs
    assert ("igr.public.listeners", "igr.public.tallies") in pairs  # relative: "from . import tallies"


def test_the_register_and_ingest_depend_only_on_what_they_must():
    wrong = [
        (a, b)
        for a, b in imports()
        if (app_of(a) == "register" and app_of(b) not in (None, "register"))
        or (app_of(a) == "ingest" and app_of(b) in ("public", "reporting"))
    ]
    assert wrong == []


def test_no_app_imports_another_apps_listeners():
    wrong = [(a, b) for a, b in imports() if app_of(a) != app_of(b) and set(b.split(".")[2:]) & WIRING]
    assert wrong == []


def test_the_apps_depend_on_each_other_without_a_cycle():
    graph: dict[str, set[str]] = defaultdict(set)
    for a, b in imports():
        if app_of(a) and app_of(b) and app_of(a) != app_of(b):
            graph[app_of(a)].add(app_of(b))
    done: set[str] = set()

    def visit(app: str, path: tuple[str, ...]) -> None:
        if app in path:
            pytest.fail(f"the apps import each other in a circle: {' -> '.join((*path, app))}")
        if app not in done:
            for other in sorted(graph[app]):
                visit(other, (*path, app))
            done.add(app)

    for app in sorted(graph):
        visit(app, ())
