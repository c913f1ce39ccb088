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

from django.contrib.auth import get_user_model
from django.db import models
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


for model in TRACKED:
    register(
        model,
        app="igr.audit",
        manager_name=MANAGER,
        records_class=AuditRecords,
        get_user=who,
        history_change_reason_field=models.TextField(null=True),
    )
