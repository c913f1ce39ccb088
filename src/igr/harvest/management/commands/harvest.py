"""``igr harvest [SOURCE...] [--since DATE] [--dry-run] [--base-url URL]``: fetch what the publishers published.

Why the report is one line per source: cron mails what a command prints, and an official reading it wants to
see at once what each source found and what failed (in English and Welsh); the exit status is non-zero when
anything failed, so a timer's failure shows in ``systemctl status``.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from igr.harvest.services.errors import both
from igr.harvest.services.runs import Busy, NoContact, Runner
from igr.harvest.sources import KEYWORDS, HarvestSource, load


def _fail(en: str, cy: str) -> CommandError:
    return CommandError(f"{en} / {cy}")


class Command(BaseCommand):
    help = (
        "Harvest documents from GOV.UK, feeds and pages into the register (see docs/harvest.md). "
        "Sources: govuk, feeds, pages URL...; none named runs every scheduled source."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "sources",
            nargs="*",
            metavar="SOURCE",
            help="govuk, feeds or pages, each followed by addresses where it takes them",
        )
        parser.add_argument(
            "--since", metavar="DATE", help="only items published on or after DATE (YYYY-MM-DD)"
        )
        parser.add_argument("--dry-run", action="store_true", help="fetch and report, but change nothing")
        parser.add_argument(
            "--base-url", metavar="URL", help="fetch the whole source from this mirror or test server"
        )
        parser.add_argument(
            "--feed",
            action="append",
            default=[],
            metavar="URL",
            help="a feed address for the feeds source (repeatable; default IGR_HARVEST_FEEDS)",
        )
        parser.add_argument(
            "--keyword",
            action="append",
            default=[],
            metavar="WORD",
            help="keep feed entries and search results naming WORD (repeatable; default: the forums)",
        )
        parser.add_argument("--json", action="store_true", help="print the report as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        sources = self._sources(options)
        runner = Runner(now=timezone.now, dry_run=options["dry_run"])
        try:
            reports = runner.run(sources)
        except Busy as exc:
            raise _fail(
                "Another harvest is running; this one did nothing.",
                "Mae cynaeafu arall ar waith; ni wnaeth hwn ddim.",
            ) from exc
        except NoContact as exc:
            raise _fail(
                "Set IGR_HARVEST_CONTACT to an address publishers can write to about the harvester.",
                "Gosodwch IGR_HARVEST_CONTACT i gyfeiriad y gall cyhoeddwyr ysgrifennu ato am y cynaeafwr.",
            ) from exc
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    [{"source": r.source, **r.as_dict(), "errors": r.errors} for r in reports],
                    ensure_ascii=False,
                    indent=2,
                )
            )
        else:
            prefix = "Dry run: " if options["dry_run"] else ""
            for r in reports:
                c = r.as_dict()
                self.stdout.write(
                    f"{prefix}{r.source}: found {c['found']}, new {c['new']}, unchanged {c['unchanged']}, "
                    f"revised {c['revised']}, failed {c['failed']}"
                )
        for r in reports:
            for e in r.errors:
                detail = f" ({e['detail']})" if e["detail"] else ""
                self.stderr.write(f"{r.source}: {e['address']}: {both(e['code'])}{detail}")
        failed = sum(r.as_dict()["failed"] for r in reports)
        if failed:
            raise CommandError(f"{failed} item(s) failed; they will be fetched again next run.")

    def _sources(self, options: dict[str, Any]) -> list[HarvestSource]:
        registry = load()
        since = self._date(options["since"]) if options["since"] else None
        base = options["base_url"] or ""
        if base and (urlsplit(base).scheme not in ("http", "https") or not urlsplit(base).hostname):
            raise _fail(
                f"--base-url must be an http or https address, not {base!r}.",
                f"Rhaid i --base-url fod yn gyfeiriad http neu https, nid {base!r}.",
            )
        keywords = tuple(options["keyword"]) or KEYWORDS
        chosen: list[tuple[str, list[str]]] = []
        for token in options["sources"]:
            if token in registry:
                chosen.append((token, []))
            elif (
                urlsplit(token).scheme in ("http", "https") and chosen and chosen[-1][0] in ("pages", "feeds")
            ):
                chosen[-1][1].append(token)
            else:
                raise _fail(
                    f"Unknown source or misplaced address {token!r}; sources are: {', '.join(registry)}.",
                    f"Ffynhonnell anhysbys neu gyfeiriad yn y lle anghywir {token!r}; y ffynonellau yw: {', '.join(registry)}.",
                )
        if not chosen:
            chosen = [(key, []) for key, cls in registry.items() if cls.scheduled]
        if any(key == "pages" and not urls for key, urls in chosen):
            raise _fail(
                "Name the addresses to fetch after 'pages'.", "Enwch y cyfeiriadau i'w nôl ar ôl 'pages'."
            )
        out = []
        for key, urls in chosen:
            if key == "feeds":
                urls = urls + options["feed"]
            out.append(registry[key](base_url=base, since=since, addresses=urls, keywords=keywords))
        return out

    def _date(self, value: str) -> dt.date:
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            raise _fail(
                f"--since must be a date written YYYY-MM-DD, not {value!r}.",
                f"Rhaid i --since fod yn ddyddiad ar y ffurf BBBB-MM-DD, nid {value!r}.",
            ) from exc
