"""The officials' harvest page: each source's last run, what it found, and what failed (staff only)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import user_passes_test
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from igr.harvest.models import HarvestRun, Outcome, SeenAddress
from igr.harvest.services.errors import message
from igr.harvest.sources import HarvestSource, load

staff_required = user_passes_test(lambda u: u.is_active and u.is_staff)


@dataclass
class SourceStatus:
    source: type[HarvestSource]
    last: HarvestRun | None
    errors: list[dict[str, str]]
    failing: int


def _errors(run: HarvestRun | None) -> list[dict[str, str]]:
    if run is None:
        return []
    return [
        {
            "address": e.get("address", ""),
            "message": message(e.get("code", "")),
            "detail": e.get("detail", ""),
        }
        for e in run.errors[:50]
    ]


@staff_required
def status(request: HttpRequest) -> HttpResponse:
    sources = []
    for key, cls in load().items():
        last = HarvestRun.objects.filter(source=key).first()
        failing = SeenAddress.objects.filter(source=key, outcome=Outcome.FAILED).count()
        sources.append(SourceStatus(cls, last, _errors(last), failing))
    recent = HarvestRun.objects.all()[:20]
    return render(request, "harvest/status.html", {"sources": sources, "recent": recent})
