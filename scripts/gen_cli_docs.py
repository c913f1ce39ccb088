"""Write docs/cli.md: the reference of every `igr` command, generated from the commands themselves.

Run `python scripts/gen_cli_docs.py` after adding or changing a command; tests/test_docs.py fails while the
committed reference differs from what the code says (the datasette habit: documentation that cannot drift).
"""

from __future__ import annotations

import io
import os
import sys
from contextlib import redirect_stdout
from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"
HEADER = """# The `igr` command: reference

Generated from the code by `scripts/gen_cli_docs.py`; do not edit by hand. `igr` runs the project's
management commands with the settings preset (Django's own commands, such as `migrate`, `runserver` and
`createsuperuser`, work too and are documented by Django). `igr extract` runs without Django.
"""


def igr_commands() -> dict[str, str]:
    """Command name -> app, for every management command the igr apps define."""
    from django.core.management import get_commands

    return {name: app for name, app in sorted(get_commands().items()) if app.startswith("igr.")}


def command_help(name: str) -> str:
    if name == "extract":
        from igr.extract import cli

        return cli._parser().format_help()
    from django.core.management import load_command_class

    app = igr_commands()[name]
    parser = load_command_class(app, name).create_parser("igr", name)
    return parser.format_help()


def render() -> str:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "igr.settings")
    os.environ.setdefault("IGR_DEBUG", "1")  # only reads the commands' help: no secret key needed
    os.environ["COLUMNS"] = "100"  # argparse wraps to the terminal: fix the width so the output is stable
    import django

    django.setup()
    names = ["extract", *[n for n in igr_commands() if n != "extract"]]
    parts = [HEADER]
    for name in names:
        buffer = io.StringIO()
        with redirect_stdout(buffer):
            text = command_help(name)
        parts.append(f"## `igr {name}`\n\n```text\n{text.strip()}\n```\n")
    return "\n".join(parts)


def main() -> int:
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
