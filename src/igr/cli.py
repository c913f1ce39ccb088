"""The ``igr`` console script: Django's management commands with the project's settings preset.

``igr extract`` is dispatched without starting Django, so it runs on a fresh checkout with no
database and starts fast; every other command goes through Django.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] == "extract":
        from igr.extract.cli import main as extract_main

        return extract_main(argv[2:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "igr.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    from igr.register.history import acting

    try:
        with acting(
            via="command", command=argv[1] if len(argv) > 1 else ""
        ):  # the audit trail's "through what"
            execute_from_command_line(argv)
    except ImproperlyConfigured as exc:  # a deployment setting is missing: say which, without a traceback
        print(f"igr: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
