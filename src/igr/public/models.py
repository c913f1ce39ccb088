"""The public app's own table: the search index, one row per published record.

The row keeps the folded terms (``igr.public.search.normalise``) that both engines match, and the raw text in
each language from which snippets are cut. Only published records ever get a row (see ``search.indexer``).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        BODY = "body", _("Body")
        PERSON = "person", _("Person")
        AGREEMENT = "agreement", _("Agreement")
        DOCUMENT = "document", _("Document")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("record"))
    date = models.DateField(_("date"), null=True, blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    text_cy = models.TextField(_("text (Welsh)"), blank=True)
    terms = models.TextField(_("search terms"))

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique_record")
        ]

    def __str__(self) -> str:
        return f"{self.kind}#{self.object_id}"


class RegisterVersion(models.Model):
    """A token that changes whenever the register changes, so cached public figures are never stale.

    One row; ``igr.public.cache`` reads it once per request and keys cached aggregates on it. A random token
    (not a counter) keeps caches apart even when a transaction that bumped it is rolled back.
    """

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("register version")
        verbose_name_plural = _("register versions")

    def __str__(self) -> str:
        return self.token


class MeetingFacts(models.Model):
    """What the public figures count about one published meeting, as last counted.

    Kept so that a change can be taken back out of the tallies exactly (``igr.public.tallies``). ``meeting_id``
    is a plain number, not a foreign key: when a meeting is deleted its facts must outlive it long enough to be
    subtracted.
    """

    meeting_id = models.BigIntegerField(primary_key=True)
    body_id = models.BigIntegerField()
    date = models.DateField()
    status = models.CharField(max_length=12)
    mode = models.CharField(max_length=10, blank=True)
    governments = models.JSONField(default=list, help_text="The ids of the governments that attended.")
    people = models.JSONField(default=list)
    notice_hours = models.FloatField(null=True)
    statements = models.JSONField(
        default=list, help_text="Written statements owed: [due, met on or null, waived]."
    )
    ministers = models.JSONField(default=list, help_text="The Welsh Government ministers who attended.")
    attendees = models.JSONField(
        default=list, help_text="Who attended for which government: [government id, person id]."
    )

    class Meta:
        verbose_name = _("meeting facts")
        verbose_name_plural = _("meeting facts")
        indexes = [
            models.Index(fields=["body_id", "date"], name="public_facts_body_date"),
            models.Index(fields=["date", "notice_hours"], name="public_facts_date_notice"),
        ]

    def __str__(self) -> str:
        return f"facts#{self.meeting_id}"


class Cell(models.Model):
    """A running count of published meetings (or statements owed) sharing some characteristics: one cell of a cube.

    Each kind of cell is a table whose columns are its characteristics (``DIMENSIONS``, unique together) and
    ``n``. Counting from these few thousand rows instead of the register's hundreds of thousands keeps every
    facet and figure cheap on the first request after a change (``igr.public.tallies``).
    """

    DIMENSIONS: tuple[str, ...] = ()
    n = models.IntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{type(self).__name__}({', '.join(str(getattr(self, d)) for d in self.DIMENSIONS)})={self.n}"


class MeetingTally(Cell):
    """Published meetings of one body in one year, with one status and mode, attended by one set of governments."""

    DIMENSIONS = ("body_id", "year", "status", "mode", "governments")
    body_id = models.BigIntegerField()
    year = models.IntegerField()
    status = models.CharField(max_length=12)
    mode = models.CharField(max_length=10, blank=True)
    governments = models.JSONField(
        default=list, help_text="The ids of the governments that attended, in order."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["body_id", "year", "status", "mode", "governments"], name="public_meeting_tally_cell"
            )
        ]


class PersonTally(Cell):
    """Published meetings one person attended, with one status and mode, at which one set of governments was present."""

    DIMENSIONS = ("person_id", "status", "mode", "governments")
    person_id = models.BigIntegerField()
    status = models.CharField(max_length=12)
    mode = models.CharField(max_length=10, blank=True)
    governments = models.JSONField(
        default=list, help_text="The ids of the governments that attended, in order."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person_id", "status", "mode", "governments"], name="public_person_tally_cell"
            )
        ]


class NoticeTally(Cell):
    """Published meetings whose invitation came with this much notice ("0"…"3", or "-" when after the start)."""

    DIMENSIONS = ("bucket",)
    bucket = models.CharField(max_length=2, unique=True)


class StatementCell(Cell):
    """Written statements owed, counted per year, per body or per Welsh Government minister (``per``, ``owner``)."""

    class Per(models.TextChoices):
        YEAR = "year"
        BODY = "body"
        MINISTER = "minister"

    per = models.CharField(max_length=8, choices=Per.choices)
    owner = models.BigIntegerField(help_text="The year, the body's id or the minister's id.")

    class Meta:
        abstract = True


class LagTally(StatementCell):
    """Statements made, by the days they took from the meeting and whether that was by their due date."""

    DIMENSIONS = ("per", "owner", "days", "on_time")
    days = models.IntegerField()
    on_time = models.BooleanField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["per", "owner", "days", "on_time"], name="public_lag_tally_cell")
        ]


class OwedTally(StatementCell):
    """Statements not yet made (nor waived), by their due date."""

    DIMENSIONS = ("per", "owner", "due")
    due = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["per", "owner", "due"], name="public_owed_tally_cell")]


class WaivedTally(StatementCell):
    """Statements waived (left out of the figures, though their year, body or minister is still listed)."""

    DIMENSIONS = ("per", "owner")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["per", "owner"], name="public_waived_tally_cell")]


class BodyAttendee(models.Model):
    """How many of one body's published meetings one person attended for one government, and between which dates.

    A running tally like the cells above, kept by ``igr.public.attendees`` so that a body's page can rank its
    attendees without grouping its tens of thousands of attendances.
    """

    body_id = models.BigIntegerField()
    government_id = models.BigIntegerField()
    person_id = models.BigIntegerField()
    n = models.IntegerField(default=0)
    first = models.DateField()
    last = models.DateField()

    class Meta:
        verbose_name = _("body attendee")
        verbose_name_plural = _("body attendees")
        constraints = [
            models.UniqueConstraint(
                fields=["body_id", "government_id", "person_id"], name="public_body_attendee_row"
            )
        ]
        indexes = [models.Index(fields=["body_id", "n"], name="public_body_attendee_body")]

    def __str__(self) -> str:
        return f"{self.body_id}/{self.government_id}/{self.person_id}={self.n}"
