"""What a follower is told about: a meeting in its current state, and each published edition about it.

An item's key says what it reports (a meeting on a date with a status, one edition of one document), so a
meeting announced, then held, then reported on is three items, and the same item is never sent twice.
Everything is read through the public querysets and the published editions at the time it is asked for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext as _

from igr.public.filters import MeetingFilter
from igr.public.models import SearchEntry
from igr.public.queries import public_meetings
from igr.public.search import engines
from igr.public.search.normalise import query_groups
from igr.register.dates import format_date_precision
from igr.register.models import Meeting
from igr.register.translation import translated
from igr.reporting import editions

from .models import Subscription

FILTERED_TOPICS = ("body", "person", "government")


@dataclass(frozen=True)
class Item:
    key: str
    title: str
    path: str
    summary: str
    day: dt.date


def body_name(meeting: Meeting, language: str) -> str:
    return str(translated(meeting.body, "name", language) or meeting.body.name_en)


def meeting_title(meeting: Meeting, language: str) -> str:
    """ "Body name: 11 July 2023", in the language asked for."""
    return f"{body_name(meeting, language)}: {format_date_precision(meeting.date, meeting.date_precision, language)}"


def meeting_summary(meeting: Meeting, language: str) -> str:
    with translation.override(language):
        parts = [str(meeting.get_status_display())]
        if meeting.mode:
            parts.append(str(meeting.get_mode_display()))
        location = translated(meeting, "location", language)
        if location:
            parts.append(str(location))
        return " · ".join(parts)


def search_matches(words: str, meeting_ids: QuerySet | list[int]) -> list[int]:
    """Which of these meetings the search finds (among its ``COUNT_CAP`` best or newest matches)."""
    groups = query_groups(words)
    if not groups:
        return []
    ids, _total = engines.run(groups, [SearchEntry.Kind.MEETING], engines.COUNT_CAP, 0)
    return list(
        SearchEntry.objects.filter(
            pk__in=ids, kind=SearchEntry.Kind.MEETING, object_id__in=meeting_ids
        ).values_list("object_id", flat=True)
    )


def followed_meetings(topic: str, key: str, meetings: QuerySet[Meeting] | None = None) -> QuerySet[Meeting]:
    """The public meetings a topic follows: the list page's own filter for a body, person or government."""
    meetings = public_meetings() if meetings is None else meetings
    if topic == Subscription.Topic.SEARCH:
        return meetings.filter(pk__in=search_matches(key, meetings.order_by().values_list("pk", flat=True)))
    return MeetingFilter(**{topic: key}).apply(meetings)


def items_for(meetings: QuerySet[Meeting], language: str) -> list[Item]:
    """Each meeting as it stands, then each published edition about it (latest first within a meeting)."""
    out = []
    with translation.override(language):
        for meeting in meetings.order_by("date", "pk"):
            title = meeting_title(meeting, language)
            out.append(
                Item(
                    f"meeting:{meeting.pk}:{meeting.status}:{meeting.date:%Y-%m-%d}",
                    title,
                    meeting.get_absolute_url(),
                    meeting_summary(meeting, language),
                    meeting.date,
                )
            )
            for edition in editions.meeting_editions(meeting, language):
                document_title = edition.title(language) or str(edition.document.get_kind_display())
                note = edition.last_updated.note if edition.last_updated else ""
                out.append(
                    Item(
                        f"edition:{edition.document.pk}",
                        document_title,
                        edition.url(language),
                        note or _("Published on the register about %(meeting)s.") % {"meeting": title},
                        edition.document.date,
                    )
                )
    return out
