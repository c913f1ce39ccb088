"""The public register's records as plain bilingual data: the one shape the API and the bulk downloads share.

Every function starts from the published-only querysets (``Model.objects.public()``, ``public_condition``) or the
reporting engine's public service functions (``igr.reporting.editions``, ``igr.reporting.summary``), so what the
API returns and what a download holds cannot differ from what the public pages show. Identifiers are the
register's own: a meeting's reference, and the keys of bodies, people, posts, governments and agreements.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import translation

from igr.register.models import (
    AgendaItem,
    Agreement,
    Attendance,
    Body,
    Document,
    DocumentVersion,
    Government,
    Meeting,
    Person,
    Post,
    Tenure,
)
from igr.register.models.querysets import public_condition
from igr.reporting import editions
from igr.reporting.models import Obligation, Status
from igr.reporting.summary import document_links

SITE_LANGUAGES = ("en", "cy")


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def both(obj: Any, name: str) -> dict[str, str | None]:
    """``name_en`` and ``name_cy`` (or any bilingual field), empty text as null."""
    return {f"{name}_{lang}": getattr(obj, f"{name}_{lang}") or None for lang in SITE_LANGUAGES}


def page_urls(url_for) -> dict[str, str]:
    """A record's public page in each language, ``url_en`` and ``url_cy``."""
    out = {}
    for language in SITE_LANGUAGES:
        with translation.override(language):
            out[f"url_{language}"] = url_for()
    return out


def government(g: Government) -> dict[str, Any]:
    return {"key": g.key, **both(g, "name"), **both(g, "short"), "devolved": g.devolved}


def government_ref(g: Government | None) -> str | None:
    return g.key if g else None


# Bodies ----------------------------------------------------------------------------------------------------------


def bodies() -> QuerySet[Body]:
    """Every body: forums are public reference data (the register holds no unpublished body)."""
    return (
        Body.objects.select_related("predecessor")
        .prefetch_related("governments", "successors")
        .order_by("key")
    )


def body(b: Body) -> dict[str, Any]:
    return {
        "key": b.key,
        **both(b, "name"),
        "tier": b.tier,
        "abbreviations": list(b.abbreviations),
        "aliases_en": list(b.aliases),
        "aliases_cy": list(b.aliases_cy),
        "start_date": _iso(b.start_date),
        "end_date": _iso(b.end_date),
        "predecessor": b.predecessor.key if b.predecessor else None,
        "successors": sorted(s.key for s in b.successors.all()),
        "governments": [g.key for g in b.governments.all()],
        **page_urls(lambda: _reverse("public:body", b.key)),
    }


def _reverse(name: str, *args: Any) -> str:
    from django.urls import reverse

    return reverse(name, args=args)


# People, posts and tenures ---------------------------------------------------------------------------------------


def people() -> QuerySet[Person]:
    tenures = Tenure.objects.select_related("post__government").order_by("start_date", "pk")
    return Person.objects.public().prefetch_related(Prefetch("tenures", queryset=tenures)).order_by("key")


def post(p: Post) -> dict[str, Any]:
    return {"key": p.key, "government": p.government.key, **both(p, "title"), "ministerial": p.ministerial}


def tenure(t: Tenure) -> dict[str, Any]:
    return {
        "person": t.person.key,
        "post": t.post.key,
        "start_date": _iso(t.start_date),
        "end_date": _iso(t.end_date),
    }


def person(p: Person) -> dict[str, Any]:
    return {
        "key": p.key,
        "name": p.name,
        "sort_name": p.sort_name,
        **both(p, "prefix"),
        **both(p, "honorific"),
        "other_names": list(p.aliases),
        "tenures": [
            {"post": post(t.post), "start_date": _iso(t.start_date), "end_date": _iso(t.end_date)}
            for t in p.tenures.all()
        ],
        **page_urls(lambda: _reverse("public:person", p.key)),
    }


def posts() -> QuerySet[Post]:
    return Post.objects.select_related("government").order_by("key")


def public_tenures() -> QuerySet[Tenure]:
    return (
        Tenure.objects.filter(public_condition("register.person", "person"))
        .select_related("person", "post")
        .order_by("pk")
    )


# Agreements ------------------------------------------------------------------------------------------------------


def agreements() -> QuerySet[Agreement]:
    return Agreement.objects.public().prefetch_related("parties", "bodies").order_by("key")


def agreement(a: Agreement) -> dict[str, Any]:
    return {
        "key": a.key,
        "kind": a.kind,
        **both(a, "title"),
        **both(a, "summary"),
        "status": a.status,
        "parties": [g.key for g in a.parties.all()],
        "bodies": [b.key for b in a.bodies.all()],
        "concluded_on": _iso(a.concluded_on),
        "in_force_from": _iso(a.in_force_from),
        "ended_on": _iso(a.ended_on),
        "text_url": a.url or None,
        **page_urls(lambda: _reverse("public:agreement", a.key)),
    }


# Meetings --------------------------------------------------------------------------------------------------------


def meetings() -> QuerySet[Meeting]:
    return Meeting.objects.public().select_related("body", "chair", "host")


def meeting(m: Meeting) -> dict[str, Any]:
    return {
        "reference": m.reference,
        "body": m.body.key,
        "body_name_en": m.body.name_en,
        "body_name_cy": m.body.name_cy or None,
        "ordinal": m.ordinal,
        "date": m.date.isoformat(),
        "date_precision": m.date_precision,
        "starts_at": _iso(m.starts_at),
        "status": m.status,
        "mode": m.mode or None,
        **both(m, "location"),
        "chair": m.chair.key if m.chair else None,
        "host": government_ref(m.host),
        "notice_received_at": _iso(m.notice_received_at),
        "communique_url": m.communique_url or None,
        **both(m, "next_meeting"),
        **both(m, "summary"),
        **page_urls(m.get_absolute_url),
    }


def attendance(a: Attendance) -> dict[str, Any]:
    return {
        "person": a.person.key if a.person else None,
        "name": a.person.name if a.person else None,
        **both(a, "description"),
        "post": a.post.key if a.post else None,
        "role_en": (a.post.title_en if a.post else a.role_en) or None,
        "role_cy": (a.post.title_cy if a.post else a.role_cy) or None,
        "government": government_ref(a.government),
        "capacity": a.capacity,
        "is_chair": a.is_chair,
        "substitute_for": a.substitute_for.key if a.substitute_for else None,
    }


def agenda(m: Meeting, positions: dict[str, dict[str, tuple[str, editions.Edition]]]) -> list[dict[str, Any]]:
    """Each topic with the Welsh Government's position: as the latest published edition words it, else as the
    register records it (the meeting page's rule), with the edition it was published in."""
    items = []
    for item in m.agenda_items.all():
        row: dict[str, Any] = {}
        source = None
        for field in ("title", "position"):
            for language in SITE_LANGUAGES:
                published = positions.get(language, {}).get(f"agendaitem-{item.pk}-{field}")
                row[f"{field}_{language}"] = (
                    published[0] if published else (getattr(item, f"{field}_{language}") or None)
                )
                if published and field == "position":
                    source = published[1]
        row["position_published_in"] = edition_ref(source) if source else None
        items.append(row)
    return items


def edition_ref(e: editions.Edition) -> dict[str, Any]:
    return {
        "kind": e.document.kind,
        "series": e.document.series,
        "version": e.version,
        "published_on": _iso(e.document.date),
    }


def meeting_editions(m: Meeting) -> list[dict[str, Any]]:
    """The Welsh Government's published letters, statements and notices: every edition with its addresses."""
    out = []
    for latest in editions.meeting_editions(m, "en"):
        titles = {lang: latest.title(lang) or None for lang in SITE_LANGUAGES}
        history = {lang: editions.edition(m, latest.slug, lang).history for lang in SITE_LANGUAGES}
        out.append(
            {
                "kind": latest.document.kind,
                "series": latest.document.series,
                "slug": latest.slug,
                "title_en": titles["en"],
                "title_cy": titles["cy"],
                "url_en": latest.url("en"),
                "url_cy": latest.url("cy"),
                "editions": [
                    {
                        "version": en.version,
                        "published_on": _iso(en.date),
                        "change_note_en": en.note or None,
                        "change_note_cy": cy.note or None,
                        "links": [
                            {
                                "language": lang,
                                "format": fmt,
                                "url": editions.edition_url(
                                    m, latest.slug, lang, "" if fmt == "html" else fmt, en.version
                                ),
                            }
                            for lang in SITE_LANGUAGES
                            for fmt in ("html", "pdf", "docx")
                        ],
                    }
                    for en, cy in zip(history["en"], history["cy"], strict=True)
                ],
            }
        )
    return out


def documents_about(m: Meeting) -> list[dict[str, Any]]:
    versions = DocumentVersion.objects.public().defer("text").order_by("language", "-revision")
    found = (
        Document.objects.public()
        .filter(meetings=m)
        .select_related("publisher")
        .prefetch_related(Prefetch("versions", queryset=versions))
        .order_by("date", "pk")
    )
    return [document(d) for d in found]


def document(d: Document) -> dict[str, Any]:
    return {
        "id": d.pk,
        "kind": d.kind,
        **both(d, "title"),
        "publisher": government_ref(d.publisher),
        "date": _iso(d.date),
        "versions": [document_version(v) for v in d.versions.all()],
    }


def document_version(v: DocumentVersion) -> dict[str, Any]:
    stored = bool(v.file) and bool(v.source_url)
    if stored:
        with translation.override(v.language):  # the copy's own language, whatever the request's
            copy = _reverse("public:source_file", v.document_id, v.language, v.revision)
    return {
        "language": v.language,
        "revision": v.revision,
        "media_type": v.media_type or None,
        "source_url": v.source_url or None,
        "retrieved_at": _iso(v.retrieved_at),
        "sha256": v.content_hash,
        "stored_copy_url": copy if stored else None,
    }


def meeting_detail(m: Meeting, today: dt.date) -> dict[str, Any]:
    positions = {lang: editions.published_positions(m, lang) for lang in SITE_LANGUAGES}
    attendances = Attendance.objects.filter(meeting=m).select_related(
        "person", "post", "government", "substitute_for"
    )
    return {
        **meeting(m),
        "attendance": [attendance(a) for a in attendances.order_by("sort_order", "pk")],
        "agenda": agenda(m, positions),
        "published_documents": meeting_editions(m),
        "documents": documents_about(m),
        "obligations": [obligation(o, today) for o in meeting_obligations(m)],
    }


def public_agenda_items() -> QuerySet[AgendaItem]:
    return AgendaItem.objects.public().select_related("meeting").order_by("meeting_id", "sort_order", "pk")


def public_attendances() -> QuerySet[Attendance]:
    return (
        Attendance.objects.public()
        .select_related("meeting", "person", "post", "government", "substitute_for")
        .order_by("pk")
    )


# Obligations -----------------------------------------------------------------------------------------------------


def obligations() -> QuerySet[Obligation]:
    """What was owed to the Senedd about public meetings and public agreements."""
    public = public_condition("register.meeting", "meeting") | public_condition(
        "register.agreement", "agreement"
    )
    return (
        Obligation.objects.filter(public, Q(meeting__isnull=False) | Q(agreement__isnull=False))
        .select_related("meeting", "agreement", "met_by__meeting", "met_by_record", "body", "minister")
        .order_by("pk")
    )


def meeting_obligations(m: Meeting) -> QuerySet[Obligation]:
    return obligations().filter(meeting=m).order_by("due_date", "pk")


def obligation(o: Obligation, today: dt.date) -> dict[str, Any]:
    status = o.status_on(today)
    labels = {}
    for language in SITE_LANGUAGES:
        with translation.override(language):
            labels[language] = str(Status(status).label)
    met_by = []
    if o.met_by_id and o.met_by.is_published:
        met_by = [
            {key: _iso(v) if key == "published_on" else v for key, v in link.items()}
            for link in document_links(o.met_by)
        ]
    public_record = o.met_by_record_id and Document.objects.public().filter(pk=o.met_by_record_id).exists()
    return {
        "id": o.pk,
        "meeting": o.meeting.reference if o.meeting_id else None,
        "agreement": o.agreement.key if o.agreement_id else None,
        "profile": o.profile_key,
        "rule": o.rule_key,
        "deliverable": o.deliverable,
        "recipients": list(o.recipients),
        "is_target": o.is_target,
        "deadline": {"kind": o.deadline_kind, "days": o.deadline_days, "calendar": o.deadline_calendar},
        "anchor_date": _iso(o.anchor_date),
        "due_date": _iso(o.due_date),
        "met_on": _iso(o.met_on),
        "days_late": o.days_late,
        "lag_days": (o.met_on - o.meeting.date).days if o.met_on and o.meeting_id else None,
        "status": status,
        "status_label_en": labels["en"],
        "status_label_cy": labels["cy"],
        "status_on": today.isoformat(),
        "made_in_recess": o.made_in_recess,
        "short_notice": o.short_notice,
        "waived_on": _iso(o.waived_on),
        **both(o, "waived_reason"),
        "met_by": met_by,
        "met_by_document": o.met_by_record_id if public_record else None,
    }
