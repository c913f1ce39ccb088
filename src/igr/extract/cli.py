"""``igr extract PATH...``: JSON Lines (or JSON, or a table) on stdout, one error line per bad file on stderr.

Why no Django: the console script dispatches here before settings load, so extraction works on a
fresh checkout with no database, and starts fast enough to run over a whole corpus.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from igr.extract import extract_path
from igr.extract.errors import ExtractionError
from igr.extract.readers import DEFAULT_MAX_BYTES, Limits


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="igr extract", description="Extract IGR meeting records from documents."
    )
    ap.add_argument("paths", nargs="+", help="TXT, PDF, DOCX or HTML files")
    ap.add_argument("--format", choices=("jsonl", "json", "table"), default="jsonl")
    ap.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="refuse files larger than this")
    ap.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    return ap


def _table(records: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("source", "type", "publisher", "date", "forum", "meeting", "attendees")
    for r in records:
        for m in r["meetings"] or [{}]:
            table.add_row(
                Path(str(r["source"])).name,
                r["doc_type"] or "",
                r["issuing_government"] or "",
                r["published_date"] or "",
                m.get("body") or "",
                m.get("meeting_date") or "",
                str(len(m.get("attendees") or [])),
            )
    Console(width=None if sys.stdout.isatty() else 200).print(table)


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    limits = Limits(max_bytes=args.max_bytes)
    failed = 0
    collected: list[dict[str, Any]] = []
    show = not args.no_progress and len(args.paths) > 1 and sys.stderr.isatty()
    progress = None
    if show:
        from rich.progress import Progress

        progress = Progress(transient=True, console=None)
        progress.start()
        task = progress.add_task("Extracting", total=len(args.paths))
    try:
        for path in args.paths:
            try:
                records = extract_path(path, limits)
            except ExtractionError as exc:
                failed += 1
                print(
                    f"igr extract: {path}: {exc.message_en} / {exc.message_cy}"
                    f"{f' ({exc.detail})' if exc.detail else ''}",
                    file=sys.stderr,
                )
                records = []
            except Exception as exc:  # a bug must not stop the other files
                failed += 1
                print(f"igr extract: {path}: internal error ({type(exc).__name__}: {exc})", file=sys.stderr)
                records = []
            if args.format == "jsonl":
                for rec in records:
                    sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
                sys.stdout.flush()
            else:
                collected.extend(records)
            if progress is not None:
                progress.advance(task)
    finally:
        if progress is not None:
            progress.stop()
    if args.format == "json":
        print(json.dumps(collected, ensure_ascii=False, indent=2))
    elif args.format == "table":
        _table(collected)
    return 1 if failed else 0
