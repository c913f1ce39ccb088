"""Search, and the reporting page: how long the Welsh Government took to report meetings, and short notice."""

from __future__ import annotations

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from igr.public import exports, timeliness
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
    results = run_search(query, current_language(), kinds, offset=0 if fmt else offset, limit=200 if fmt else PER_PAGE)
    if fmt:
        rows = ({"kind": h.kind, "title": h.title, "url": h.url, "date": h.date,
                 "snippet": h.snippet.replace("<mark>", "").replace("</mark>", "")} for h in results.hits)
        return exports.export(fmt, "search", rows, ["kind", "title", "url", "date", "snippet"])
    base = {"q": query, **({"kind": kind} if kinds else {})}
    return render(request, "public/search.html", {
        "results": results, "query": query, "kind": kind if kinds else "", "kinds": SearchEntry.Kind.choices,
        "next_query": urlencode({**base, "start": offset + PER_PAGE}) if results.has_next and offset + PER_PAGE <= MAX_OFFSET else "",
        "previous_query": urlencode({**base, "start": max(0, offset - PER_PAGE)}) if offset else "",
        "csv_query": urlencode({**base, "format": "csv"}), "json_query": urlencode({**base, "format": "json"}),
        "first": offset + 1, "last": offset + len(results.hits),
    })


def _bucket_label(low: int, high: int | None) -> str:
    return _("%(low)s days or more") % {"low": low} if high is None else _("%(low)s to %(high)s days") % {"low": low, "high": high}


def _notice_label(low: int, high: int | None) -> str:
    labels = {0: _("Less than a day"), 24: _("1 to 3 days"), 72: _("3 to 7 days"), 168: _("More than a week")}
    return labels[low]


def reporting(request: HttpRequest) -> HttpResponse:
    lags = timeliness.lags()
    overall = timeliness.summarise(lags)
    days, meetings = _("Days from meeting to statement"), _("Meetings")
    dist = timeliness.distribution(lags)
    charts = []
    if lags:
        summary = _("%(count)s meetings have a published written statement. The median wait was %(median)s days; %(rate)s%% came within %(target)s working days.") % {
            "count": overall["count"], "median": overall["median"], "rate": overall["on_time_rate"], "target": timeliness.TARGET_WORKING_DAYS}
        charts.append(Chart("lag-distribution", _("How long statements took"), summary, [days, meetings],
                            [[_bucket_label(b["low"], b["high"]), b["count"]] for b in dist],
                            bar_chart([{"bucket": _bucket_label(b["low"], b["high"]), "n": b["count"]} for b in dist],
                                      "bucket", "n", days, meetings)))
    by_year = sorted(timeliness.grouped(lags, lambda lag: [lag.meeting_date.year]).items())
    bodies = Body.objects.in_bulk(list({lag.body_id for lag in lags}))
    by_body = sorted(((bodies[k], v) for k, v in timeliness.grouped(lags, lambda lag: [lag.body_id]).items()),
                     key=lambda kv: str(translated(kv[0], "name") or kv[0].name_en))
    ministers = timeliness.welsh_ministers([lag.meeting_id for lag in lags])
    by_person = timeliness.grouped(lags, lambda lag: ministers.get(lag.meeting_id, []))
    people = Person.objects.in_bulk(list(by_person))
    by_minister = sorted(((people[k], v) for k, v in by_person.items()), key=lambda kv: kv[0].sort_name)
    noticed = list(Meeting.objects.filter(published=True).filter(~Q(notice_received_at=None))
                   .select_related("body").order_by("-date")[:500])
    notice_rows = []
    for low, high in timeliness.NOTICE_BUCKETS_HOURS:
        hits = [m for m in noticed if (h := timeliness.notice_hours(m)) is not None and h >= low and (high is None or h < high)]
        notice_rows.append({"label": _notice_label(low, high), "count": len(hits)})
    short = [m for m in noticed if (h := timeliness.notice_hours(m)) is not None and h < 72][:20]
    return render(request, "public/reporting.html", {
        "overall": overall, "charts": charts, "by_year": by_year, "by_body": by_body, "by_minister": by_minister,
        "notice_rows": notice_rows, "short_notice": short, "noticed_count": len(noticed),
        "target_days": timeliness.TARGET_WORKING_DAYS,
    })
