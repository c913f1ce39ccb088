"""Search, and the reporting page: how long the Welsh Government took to report meetings, and short notice."""

from __future__ import annotations

import html

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from igr.public import exports, timeliness
from igr.public.cache import cached, cached_fragment
from igr.public.charts import Chart, bar_chart
from igr.public.models import SearchEntry
from igr.public.search import search as run_search
from igr.register.models import Body, Meeting, Person
from igr.register.translation import current_language, translated

PER_PAGE = 20
MAX_OFFSET = 1000


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    kind = request.GET.get("kind", "")
    kinds = [kind] if kind in SearchEntry.Kind.values else None
    fmt = exports.requested_format(request)
    try:
        offset = min(max(int(request.GET.get("start", "0")), 0), MAX_OFFSET)
    except ValueError:
        offset = 0
    language = current_language()
    start, limit = (0, 200) if fmt else (offset, PER_PAGE)
    results = (
        cached(  # the same words are searched again and again; the hits come from published records only
            "search",
            lambda: run_search(query, language, kinds, offset=start, limit=limit),
            query,
            language,
            kinds,
            start,
            limit,
        )
    )
    if fmt:
        rows = (
            {
                "kind": h.kind,
                "title": h.title,
                "url": h.url,
                "date": h.date,
                "snippet": html.unescape(strip_tags(h.snippet)),
            }
            for h in results.hits
        )  # plain text, not markup
        return exports.export(fmt, "search", rows, ["kind", "title", "url", "date", "snippet"])
    base = {"q": query, **({"kind": kind} if kinds else {})}
    return render(
        request,
        "public/search.html",
        {
            "results": results,
            "query": query,
            "kind": kind if kinds else "",
            "kinds": SearchEntry.Kind.choices,
            "next_query": urlencode({**base, "start": offset + PER_PAGE})
            if results.has_next and offset + PER_PAGE <= MAX_OFFSET
            else "",
            "previous_query": urlencode({**base, "start": max(0, offset - PER_PAGE)}) if offset else "",
            "csv_query": urlencode({**base, "format": "csv"}),
            "json_query": urlencode({**base, "format": "json"}),
            "first": offset + 1,
            "last": offset + len(results.hits),
        },
    )


def _lag_summary(overall: dict) -> str:
    """The histogram's sentence: each number agrees with its noun, and a figure not known yet is left out."""
    count, median, rate = overall["count"], overall["median"], overall["on_time_rate"]
    parts = [
        ngettext(
            "%(count)s meeting has a published written statement.",
            "%(count)s meetings have a published written statement.",
            count,
        )
        % {"count": count}
    ]
    if median is not None:
        parts.append(
            ngettext(
                "Half of them were made within %(median)s day of the meeting.",
                "Half of them were made within %(median)s days of the meeting.",
                int(median),
            )
            % {"median": median}
        )
    if rate is not None:
        parts.append(_("%(rate)s%% of the statements due were made by their deadline.") % {"rate": rate})
    return " ".join(parts)


def _bucket_label(low: int, high: int | None) -> str:
    return (
        _("%(low)s days or more") % {"low": low}
        if high is None
        else _("%(low)s to %(high)s days") % {"low": low, "high": high}
    )


def _notice_label(low: int) -> str:
    labels = {0: _("Less than a day"), 24: _("1 to 3 days"), 72: _("3 to 7 days"), 168: _("More than a week")}
    return labels[low]


def reporting(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()  # the page's reference date: what is overdue is judged as of this day
    stats = cached("reporting", lambda: timeliness.statistics(today), today)
    content = cached_fragment("reporting-page", lambda: _reporting_content(stats), today)
    return render(
        request,
        "public/reporting.html",
        {"content": content, "has_charts": bool(stats["overall"]["count"])},
    )


def _reporting_content(stats: dict) -> str:
    overall = stats["overall"]
    days, meetings = _("Days from meeting to statement"), _("Meetings")
    charts = []
    if overall["count"]:
        dist = stats["distribution"]
        summary = _lag_summary(overall)
        charts.append(
            Chart(
                "lag-distribution",
                _("How long statements took"),
                summary,
                [days, meetings],
                [[_bucket_label(b["low"], b["high"]), b["count"]] for b in dist],
                bar_chart(
                    [{"bucket": _bucket_label(b["low"], b["high"]), "n": b["count"]} for b in dist],
                    "bucket",
                    "n",
                    days,
                    meetings,
                ),
            )
        )
    bodies = Body.objects.in_bulk(list(stats["by_body"]))
    by_body = sorted(
        ((bodies[k], v) for k, v in stats["by_body"].items()),
        key=lambda kv: str(translated(kv[0], "name") or kv[0].name_en),
    )
    people = Person.objects.in_bulk(list(stats["by_minister"]))
    by_minister = sorted(
        ((people[k], v) for k, v in stats["by_minister"].items()), key=lambda kv: kv[0].sort_name
    )
    short = (
        Meeting.objects.public()
        .filter(pk__in=stats["short_notice_ids"])
        .select_related("body")
        .order_by("-date")
    )
    return render_to_string(
        "public/_reporting_content.html",
        {
            "overall": overall,
            "charts": charts,
            "by_year": stats["by_year"],
            "by_body": by_body,
            "by_minister": by_minister,
            "notice_rows": [
                {"label": _notice_label(b["low"]), "count": b["count"]} for b in stats["notice_buckets"]
            ],
            "short_notice": list(short),
            "noticed_count": stats["noticed_count"],
        },
    )
