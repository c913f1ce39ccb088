"""Atom feeds of the register's lists, in the language of their address, built with Django's feed generator.

Every entry comes from the public querysets or the published editions; the meetings' feeds use the list page's
own filter, so a feed always holds what its page shows (newest first, at most ``FEED_SIZE`` entries).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from igr.register.models import Document, Meeting
from igr.register.models.querysets import public_condition
from igr.register.translation import translated
from igr.reporting import editions
from igr.reporting.models import ReportDocument

from .items import meeting_summary, meeting_title

FEED_SIZE = 50
NEVER = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


class Feed(Atom1Feed):
    """Atom, with an empty feed dated never rather than now: a feed's date says when its entries last changed."""

    def latest_post_date(self) -> dt.datetime:
        dates = [item[key] for item in self.items for key in ("updateddate", "pubdate") if item.get(key)]
        return max(dates) if dates else NEVER


def new_feed(title: str, link: str, feed_url: str, language: str, description: str = "") -> Atom1Feed:
    return Feed(
        title=title,
        link=link,
        feed_url=feed_url,
        description=description,
        language=language,
        id=feed_url,
        author_name=title,
    )


def at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


def add_meetings(
    feed: Atom1Feed, meetings: QuerySet[Meeting], language: str, absolute: Callable[[str], str]
) -> None:
    for meeting in meetings.order_by("-date", "-pk")[:FEED_SIZE]:
        url = absolute(meeting.get_absolute_url())
        feed.add_item(
            title=meeting_title(meeting, language),
            link=url,
            unique_id=url,
            description=meeting_summary(meeting, language),
            pubdate=meeting.created_at,
            updateddate=meeting.updated_at,
            categories=[meeting.body.key],
        )


def published_editions() -> QuerySet[ReportDocument]:
    """Every published edition of a letter, statement or notice about a public meeting, newest first."""
    return (
        ReportDocument.objects.filter(
            public_condition("register.meeting", "meeting"),
            kind__in=editions.KINDS,
            state=ReportDocument.State.PUBLISHED,
        )
        .select_related("meeting__body")
        .order_by("-published_at", "-pk")
    )


def add_documents(feed: Atom1Feed, language: str, absolute: Callable[[str], str]) -> None:
    """The register's own published letters and statements (each edition), then those it holds from elsewhere."""
    entries = []
    for document in published_editions()[:FEED_SIZE]:
        url = absolute(
            editions.edition_url(document.meeting, document.slug, language, version=document.version)
        )
        title = (document.snapshot.get(language) or {}).get("title") or str(document.get_kind_display())
        note = document.correction_note_cy if language == "cy" else document.correction_note_en
        entries.append(
            (
                document.published_at or at(document.date),
                {
                    "title": title,
                    "link": url,
                    "unique_id": url,
                    "description": note or meeting_title(document.meeting, language),
                    "categories": [document.kind],
                },
            )
        )
    kinds = (Document.Kind.LETTER, Document.Kind.WRITTEN_STATEMENT)
    about = Prefetch(
        "meetings", queryset=Meeting.objects.public().select_related("body"), to_attr="public_meetings"
    )
    held = (
        Document.objects.public()
        .filter(kind__in=kinds)
        .order_by("-created_at", "-pk")
        .prefetch_related(about)
    )
    for document in held[:FEED_SIZE]:
        meetings = document.public_meetings
        if not meetings:  # about an agreement or nothing: not a letter or statement about a meeting
            continue
        link = absolute(meetings[0].get_absolute_url()) + "#documents"
        title = str(
            translated(document, "title", language)
            or document.title_en
            or document.title_cy
            or document.get_kind_display()
        )
        entries.append(
            (
                document.created_at,
                {
                    "title": title,
                    "link": link,
                    "unique_id": f"urn:igr-register:document:{document.pk}",
                    "description": "; ".join(meeting_title(m, language) for m in meetings),
                    "categories": [document.kind],
                },
            )
        )
    for when, entry in sorted(entries, key=lambda e: e[0], reverse=True)[:FEED_SIZE]:
        feed.add_item(pubdate=when, updateddate=when, **entry)
