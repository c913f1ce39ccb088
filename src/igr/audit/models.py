"""The audit trail: a history table for every register and reporting record, kept by django-simple-history.

Why registered here rather than on the models: the register and reporting stay as they are (their models,
their migrations); this app owns the history tables and their one migration. Every save and delete of a
tracked record adds a row with the record's values, when (``history_date``), who (``history_user``: the
signed-in official, or the official an ingest run works for) and through what (``history_change_reason``: a
command, an upload's run, and the reason given for a postponement or a cancellation). Left out: provenance
(it records who confirmed what itself), a document's workflow events (its own log), published files
(immutable), calendar tokens (secrets), and what is derived from the register (search, tallies).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone
from simple_history import register
from simple_history.models import HistoricalRecords

from igr.register import history
from igr.register import models as reg
from igr.reporting import models as rep

TRACKED: list[type[models.Model]] = [
    reg.Government,
    reg.Body,
    reg.Person,
    reg.Post,
    reg.Tenure,
    reg.SeneddCommittee,
    reg.CommitteeChair,
    reg.Meeting,
    reg.Attendance,
    reg.AgendaItem,
    reg.Agreement,
    reg.Document,
    reg.DocumentVersion,
    rep.RecessPeriod,
    rep.ReportingPeriod,
    rep.ConsentIntention,
    rep.MeetingReport,
    rep.ReportDocument,
    rep.Obligation,
    rep.Commitment,
]
MANAGER = "audit_trail"  # not "history": an obligation has a field of that name
# The many-to-many links kept with each change: every history row holds the record's links as they then were.
LINKS: dict[type[models.Model], list[str]] = {
    reg.Body: ["governments"],
    reg.Agreement: ["parties", "bodies"],
    reg.Document: ["meetings", "agreements"],
    rep.MeetingReport: ["subject_committees"],
}


def who(request=None, **_kwargs):
    """The signed-in official, else the one the change is made for (``history.acting``), else nobody."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return user
    actor = history.current()
    return get_user_model()(pk=actor.user_id) if actor and actor.user_id else None


class AuditRecords(HistoricalRecords):
    def get_change_reason_for_object(self, instance, history_type, using) -> str:
        return getattr(instance, "_change_reason", "") or history.reason()

    def create_historical_record(self, instance, history_type, using=None):
        """Inside ``history.collecting()`` the row is made now (values, when, who, why) and inserted with the others
        at the block's end; a change to a record with links is saved at once, as its links must be read now (a new
        record has none yet)."""
        if not history.collecting_now() or (history_type != "+" and LINKS.get(self.cls)):
            return super().create_historical_record(instance, history_type, using)
        row = history.history_model(self.cls)(
            history_date=getattr(instance, "_history_date", timezone.now()),
            history_type=history_type,
            history_user=self.get_history_user(instance),
            history_change_reason=self.get_change_reason_for_object(instance, history_type, using),
            **{f.attname: getattr(instance, f.attname) for f in self.fields_included(instance)},
        )
        history.defer(row)
        return None

    def m2m_changed(self, instance, action, attr, pk_set, reverse, **kwargs):
        """A link changed from the other side (``meeting.documents.add(document)``) is the linking record's change:
        simple-history would record it on ``instance``, which does not hold the link."""
        if not reverse:
            return super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)
        if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
            return None
        linking = self.cls._base_manager.filter(**{attr: instance})
        if action == "pre_clear":
            instance._audit_cleared = {**getattr(instance, "_audit_cleared", {}), attr: list(linking)}
        elif action in ("post_add", "post_remove"):
            for record in self.cls._base_manager.filter(pk__in=pk_set or ()):
                self.create_historical_record(record, "~")
        elif action == "post_clear":
            for record in getattr(instance, "_audit_cleared", {}).pop(attr, []):
                self.create_historical_record(record, "~")
        return None


for model in TRACKED:
    register(
        model,
        app="igr.audit",
        manager_name=MANAGER,
        records_class=AuditRecords,
        get_user=who,
        history_change_reason_field=models.TextField(null=True),
        m2m_fields=LINKS.get(model, []),
    )
