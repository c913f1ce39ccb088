"""Bodies, people and agreements: their lists (each also CSV/JSON) and their own pages."""

from __future__ import annotations

import datetime as dt

from django.core.paginator import Paginator
from django.db.models import Max, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from igr.public import exports, queries
from igr.public.cache import cached, cached_fragment
from igr.public.charts import Chart, bar_chart
from igr.register.models import Body, Government, Person, Post, Tenure
from igr.register.translation import translated

RECENT = 20


def body_list(request: HttpRequest) -> HttpResponse:
    bodies = queries.bodies_with_counts()
    fmt = exports.requested_format(request)
    if fmt:
        columns = [
            "key",
            "name_en",
            "name_cy",
            "tier",
            "abbreviations",
            "start_date",
            "end_date",
            "predecessor",
            "meeting_count",
            "last_met",
        ]
        rows = (
            {
                "key": b.key,
                "name_en": b.name_en,
                "name_cy": b.name_cy,
                "tier": b.tier,
                "abbreviations": " ".join(b.abbreviations),
                "start_date": b.start_date,
                "end_date": b.end_date,
                "predecessor": b.predecessor.key if b.predecessor else None,
                "meeting_count": b.meeting_count,
                "last_met": b.last_met,
            }
            for b in bodies
        )
        return exports.export(fmt, "bodies", rows, columns)
    sort = request.GET.get("sort", "")
    if sort == "name":
        bodies.sort(key=lambda b: str(translated(b, "name") or b.name_en).casefold())
    elif sort == "meetings":
        bodies.sort(key=lambda b: -b.meeting_count)
    elif sort == "last_met":
        bodies.sort(key=lambda b: b.last_met or dt.date.min, reverse=True)
    else:
        sort = ""
    return render(request, "public/body_list.html", {"bodies": bodies, "sort": sort})


def _body_charts(body: Body, figures: dict) -> list[Chart]:
    per_year = figures["per_year"]
    governments = {g.pk: g for g in Government.objects.all()}
    year, count = _("Year"), _("Meetings")
    name = str(translated(body, "name") or body.name_en)
    total = sum(r["count"] for r in per_year)
    charts = []
    if per_year:
        busiest = max(per_year, key=lambda r: r["count"])
        summary = _met_summary(
            name, total, per_year[0]["year"], per_year[-1]["year"], busiest["year"], busiest["count"]
        )
        charts.append(
            Chart(
                "meetings-per-year",
                _("Meetings each year"),
                summary,
                [year, count],
                [[r["year"], r["count"]] for r in per_year],
                bar_chart(
                    [{"year": str(r["year"]), "n": r["count"]} for r in per_year], "year", "n", year, count
                ),
            )
        )
    per_gov = figures["per_government"]
    if per_gov:
        gov, people = _("Government"), _("Meetings attended")
        values = [
            {"year": str(r["year"]), "gov": str(governments[r["government"]]), "n": r["count"]}
            for r in per_gov
        ]
        totals: dict[str, int] = {}
        for v in values:
            totals[v["gov"]] = totals.get(v["gov"], 0) + v["n"]
        summary = _("Published meetings attended, by government: %(list)s.") % {
            "list": "; ".join(f"{g} {n}" for g, n in totals.items())
        }
        charts.append(
            Chart(
                "attendance-by-government",
                _("Meetings each government attended, by year"),
                summary,
                [year, gov, people],
                [[v["year"], v["gov"], v["n"]] for v in values],
                bar_chart(values, "year", "n", year, people, colour="gov", colour_title=gov),
            )
        )
    return charts


def _met_summary(name: str, total: int, first: int, last: int, year: int, busiest: int) -> str:
    """The chart's sentence, with each number agreeing with its noun in the page's language."""
    if first == last:
        return ngettext(
            "%(name)s met once in %(first)s.", "%(name)s met %(total)s times in %(first)s.", total
        ) % {"name": name, "total": total, "first": first}
    met = ngettext(
        "%(name)s met once between %(first)s and %(last)s.",
        "%(name)s met %(total)s times between %(first)s and %(last)s.",
        total,
    ) % {"name": name, "total": total, "first": first, "last": last}
    most = ngettext(
        "It met most often in %(year)s: %(n)s meeting.",
        "It met most often in %(year)s: %(n)s meetings.",
        busiest,
    ) % {"year": year, "n": busiest}
    return f"{met} {most}"


def _attendance_by_government(
    top: dict[int, tuple[list[dict], int]],
) -> list[tuple[Government, list[dict], int]]:
    """Per government in its usual order: the people who came most often, and how many others came."""
    governments = {g.pk: g for g in Government.objects.all()}
    people = Person.objects.in_bulk([r["person"] for rows, _ in top.values() for r in rows])
    return [
        (governments[pk], [{**r, "person": people[r["person"]]} for r in rows if r["person"] in people], more)
        for pk, (rows, more) in sorted(top.items(), key=lambda kv: governments[kv[0]].sort_order)
    ]


def body_detail(request: HttpRequest, body_key: str) -> HttpResponse:
    body = get_object_or_404(Body.objects.select_related("predecessor"), key=body_key)
    figures = queries.body_figures(body)

    def content() -> str:
        meetings = queries.public_meetings().filter(body=body).order_by("-date")
        return render_to_string(
            "public/_body_detail_content.html",
            {
                "body": body,
                "recent": list(meetings[:RECENT]),
                "meeting_count": figures["count"],
                "successors": list(body.successors.all()),
                "charts": _body_charts(body, figures),
                "attendance": _attendance_by_government(figures["people"]),
                "last_updated": meetings.aggregate(at=Max("updated_at"))["at"],
            },
        )

    return render(
        request,
        "public/body_detail.html",
        {
            "body": body,
            "content": cached_fragment("body-page", content, body.pk),
            "has_charts": bool(figures["per_year"] or figures["per_government"]),
        },
    )


def _people_choices() -> tuple[list[Government], list[Post]]:
    """The governments and posts that public people held, offered as the people list's filters (cached)."""
    public = Person.objects.public()
    governments = (
        Government.objects.filter(posts__tenures__person__in=public).distinct().order_by("sort_order")
    )
    posts = (
        Post.objects.filter(tenures__person__in=public)
        .select_related("government")
        .distinct()
        .order_by("government__sort_order", "title_en")
    )
    return list(governments), list(posts)


def _people_filter(request: HttpRequest) -> tuple[dict[str, str], list[Government], list[Post]]:
    """The government and post chosen (unknown keys are ignored), with the choices offered."""
    governments, posts = cached("people-choices", _people_choices)
    chosen = {
        "government": request.GET.get("government", ""),
        "post": request.GET.get("post", ""),
        "sort": "meetings" if request.GET.get("sort") == "meetings" else "",
    }
    if chosen["government"] not in {g.key for g in governments}:
        chosen["government"] = ""
    if chosen["post"] not in {p.key for p in posts}:
        chosen["post"] = ""
    return chosen, governments, posts


def person_list(request: HttpRequest) -> HttpResponse:
    index = queries.people_index()
    chosen, governments, posts = _people_filter(request)
    if chosen["government"] or chosen["post"]:
        tenures = Tenure.objects.all()
        if chosen["government"]:
            tenures = tenures.filter(post__government__key=chosen["government"])
        if chosen["post"]:
            tenures = tenures.filter(post__key=chosen["post"])
        wanted = set(tenures.values_list("person_id", flat=True))
        index = [row for row in index if row[0] in wanted]
    if chosen["sort"]:
        index = sorted(index, key=lambda row: -row[1])  # stable: equal counts stay in name order
    fmt = exports.requested_format(request)
    if fmt:
        rows = (
            {
                "key": p.key,
                "name": p.name,
                "honorific_en": p.honorific_en,
                "honorific_cy": p.honorific_cy,
                "meeting_count": p.meeting_count,
            }
            for start in range(0, len(index), 1000)
            for p in queries.people_page(index[start : start + 1000])
        )
        return exports.export(
            fmt, "people", rows, ["key", "name", "honorific_en", "honorific_cy", "meeting_count"]
        )
    page = Paginator(index, 100).get_page(request.GET.get("page"))
    query = urlencode({k: v for k, v in chosen.items() if v})

    def content() -> str:
        return render_to_string(
            "public/_person_list_content.html",
            {
                "page": page,
                "people": queries.people_page(list(page.object_list)),
                "chosen": chosen,
                "governments": governments,
                "posts": posts,
                "query": query,
                "count": len(index),
            },
        )

    fragment = cached_fragment("people-page", content, sorted(chosen.items()), page.number)
    return render(request, "public/person_list.html", {"content": fragment})


def person_detail(request: HttpRequest, person_key: str) -> HttpResponse:
    person = Person.objects.public().filter(key=person_key).first()
    if person is None:
        raise Http404

    def content() -> str:
        tenures = Tenure.objects.filter(person=person).select_related("post__government")
        meetings = queries.public_meetings().filter(attendances__person=person).order_by("-date")
        return render_to_string(
            "public/_person_detail_content.html",
            {
                "person": person,
                "tenures": list(tenures),
                "recent": list(meetings[:RECENT]),
                "meeting_count": meetings.count(),
                "last_updated": meetings.aggregate(at=Max("updated_at"))["at"],
            },
        )

    return render(
        request,
        "public/person_detail.html",
        {"person": person, "content": cached_fragment("person-page", content, person.pk)},
    )


def agreement_list(request: HttpRequest) -> HttpResponse:
    agreements = queries.public_agreements().prefetch_related("parties")
    fmt = exports.requested_format(request)
    if fmt:
        rows = (
            {
                "key": a.key,
                "kind": a.kind,
                "title_en": a.title_en,
                "title_cy": a.title_cy,
                "status": a.status,
                "parties": " ".join(g.key for g in a.parties.all()),
                "concluded_on": a.concluded_on,
                "in_force_from": a.in_force_from,
                "ended_on": a.ended_on,
                "url": a.url or None,
            }
            for a in agreements
        )
        columns = [
            "key",
            "kind",
            "title_en",
            "title_cy",
            "status",
            "parties",
            "concluded_on",
            "in_force_from",
            "ended_on",
            "url",
        ]
        return exports.export(fmt, "agreements", rows, columns)
    return render(request, "public/agreement_list.html", {"agreements": agreements})


def agreement_detail(request: HttpRequest, key: str) -> HttpResponse:
    agreement = get_object_or_404(
        queries.public_agreements().prefetch_related(
            "parties",
            "bodies",
            Prefetch("documents", queryset=queries.published_documents(), to_attr="public_documents"),
        ),
        key=key,
    )
    return render(request, "public/agreement_detail.html", {"agreement": agreement})
