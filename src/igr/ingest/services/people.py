"""People, posts and tenures: who someone is across documents, and which office they held when.

Why tenures are rebuilt from attendances: documents arrive in any order, so "Minister for X on 11 July 2023"
and "Cabinet Secretary for X on 3 May 2024" become two observed tenures of one person, the earlier ended
when the later one is seen. Tenures only ever widen; one a person entered is never narrowed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from django.db.models import Max, Min

from igr.register.models import Attendance, Government, Person, Post, Tenure

from .context import Ctx
from .names import clean_person_name
from .registry import Registry
from .validate import Span

OFFICE = re.compile(
    r"\b(?:Minister|Secretary|Chancellor|Counsel General|First Minister|Prime Minister|Taoiseach|T[aá]naiste|"
    r"Trefnydd|Chief Whip|Paymaster|Gweinidog|Ysgrifennydd|Prif Weinidog|Cwnsler Cyffredinol)\b",
    re.I,
)


def resolve_person(ctx: Ctx, name: str, span: Span | None) -> Person:
    """Match a name against everyone in the register (variants folded), or create the person and flag them."""
    found = ctx.registry.person(name)
    if found:
        written = clean_person_name(name)
        if written != found.name and written not in (found.aliases or []) and found.pk:
            found.aliases = [*(found.aliases or []), written]
            found.save(update_fields=["aliases"])
        return found
    clean = clean_person_name(name)
    person = Person.objects.create(
        key=ctx.registry.unique_slug(clean, ctx.registry.person_keys, 120), name=clean
    )
    ctx.registry.add_person(person)
    ctx.note(person, "name", span)
    ctx.flag("new_person", person, "name", span, value=clean)
    return person


def resolve_post(ctx: Ctx, government: Government | None, role: str, capacity: str) -> Post | None:
    """The office named by a role, created when a minister's office is new to the register."""
    if not government or not role:
        return None
    post = ctx.registry.post(government, role)
    if post or capacity != "minister" or not OFFICE.search(role) or len(role) > 200:
        return post
    lang = ctx.language
    post = Post.objects.create(
        key=ctx.registry.unique_slug(f"{government.key}-{role}", ctx.registry.post_keys, 120),
        government=government,
        **{f"title_{lang}": role},
        **({"title_en": ""} if lang == "cy" else {}),
    )
    ctx.registry.add_post(post)
    return post


def observed(people: list[int]) -> tuple[dict[int, dict[int, tuple[dt.date, dt.date]]], dict[int, int]]:
    """Per person and post, the first and last day-precise meeting attended in it, counted by the database (one
    row each, however many meetings), and each post's government."""
    seen: dict[int, dict[int, tuple[dt.date, dt.date]]] = defaultdict(dict)
    govs: dict[int, int] = {}
    rows = (
        Attendance.objects.filter(person__in=people, post__isnull=False, meeting__date_precision="day")
        .order_by()
        .values_list("person_id", "post_id", "post__government_id")
        .annotate(Min("meeting__date"), Max("meeting__date"))
    )
    for person_id, post_id, gov_id, first, last in rows:
        seen[person_id][post_id] = (first, last)
        govs[post_id] = gov_id
    return seen, govs


def refresh_tenures(people: list[Person], registry: Registry | None = None) -> None:
    """Observed tenures from the meetings where these people attended in a post, per government.

    With the run's ``registry``, what each person was observed in is read once per run and kept up to date as
    the run records attendances (one query per document: the tenures); without, it is read again (two).
    """
    if registry is None:
        seen, govs = observed([p.pk for p in people])
    else:
        seen, govs = registry.observed([p.pk for p in people], observed)
    seen = {person: posts for person, posts in seen.items() if posts}
    if not seen:
        return
    existing = {(t.person_id, t.post_id): t for t in Tenure.objects.filter(person_id__in=seen)}
    for person_id, posts in seen.items():
        _refresh(person_id, posts, govs, existing)


def _refresh(
    person_id: int,
    spans: dict[int, tuple[dt.date, dt.date]],
    govs: dict[int, int],
    existing: dict[tuple[int, int], Tenure],
) -> None:
    for post_id, (first, last) in spans.items():
        later = [s for p, (s, _e) in spans.items() if p != post_id and govs[p] == govs[post_id] and s > last]
        end = last if later else None
        tenure = existing.get((person_id, post_id))
        if tenure is None:
            Tenure.objects.create(person_id=person_id, post_id=post_id, start_date=first, end_date=end)
            continue
        changed = []
        if tenure.start_date and first < tenure.start_date:
            tenure.start_date = first
            changed.append("start_date")
        if tenure.end_date and tenure.end_date < last:
            tenure.end_date = last
            changed.append("end_date")
        elif tenure.end_date is None and end and tenure.start_date is not None:
            tenure.end_date = end
            changed.append("end_date")
        if changed:
            tenure.save(update_fields=changed)
