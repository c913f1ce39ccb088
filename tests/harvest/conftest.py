"""Harvest tests: a local server answering in the publishers' formats, a clock that never waits for real."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest

from igr.harvest.services.fetch import Fetcher
from igr.harvest.services.runs import Runner, policy_for
from igr.harvest.sources import load

from .server import FixtureServer

NOW = dt.datetime(2025, 6, 2, 9, 0, tzinfo=dt.UTC)


@dataclass
class FakeClock:
    """Monotonic time that moves only when the fetcher sleeps; every sleep is recorded."""

    t: float = 1000.0
    sleeps: list[float] = field(default_factory=list)

    def monotonic(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.t += seconds


@pytest.fixture
def server():
    s = FixtureServer().start()
    yield s
    s.stop()


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture(autouse=True)
def harvest_settings(settings, tmp_path):
    settings.IGR_HARVEST_CONTACT = "igr-harvest@example.org"
    settings.IGR_HARVEST_LOCK = tmp_path / "harvest.lock"
    settings.IGR_HARVEST_TIMEOUT = 0.5
    return settings


@pytest.fixture
def harvest(server, clock, reference):
    """Run sources by key against the local server; returns each source's report (a dict with its errors)."""

    def run(
        *keys: str,
        addresses: list[str] | None = None,
        dry_run: bool = False,
        since: dt.date | None = None,
        base: str | None = None,
        **policy,
    ) -> dict[str, dict]:
        registry = load()
        sources = [
            registry[k](base_url=server.url if base is None else base, since=since, addresses=addresses)
            for k in keys
        ]
        runner = Runner(
            now=lambda: NOW,
            dry_run=dry_run,
            fetcher_for=lambda source: Fetcher(
                policy_for(source, **policy), now=lambda: NOW, clock=clock.monotonic, sleep=clock.sleep
            ),
        )
        return {r.source: {**r.as_dict(), "errors": r.errors} for r in runner.run(sources)}

    return run
