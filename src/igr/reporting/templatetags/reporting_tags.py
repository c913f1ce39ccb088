"""Template helpers for the officials' screens: an obligation's status tag, its deadline, a meeting's link."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from igr.reporting.models import Status
from igr.reporting.summary import RECIPIENTS, basis_label, deadline_label

register = template.Library()

TAG_COLOURS = {
    Status.OVERDUE: "govuk-tag--red",
    Status.DUE_SOON: "govuk-tag--orange",
    Status.UPCOMING: "",
    Status.MET_ON_TIME: "govuk-tag--green",
    Status.MET_LATE: "govuk-tag--pink",
    Status.WAIVED: "govuk-tag--grey",
}
STATE_COLOURS = {
    "draft": "govuk-tag--grey",
    "awaiting_translation": "govuk-tag--purple",
    "awaiting_approval": "govuk-tag--yellow",
    "approved": "govuk-tag--turquoise",
    "published": "govuk-tag--green",
}


@register.simple_tag
def status_tag(obligation, today):
    status = obligation.status_on(today)
    return format_html('<strong class="govuk-tag {}">{}</strong>', TAG_COLOURS[status], Status(status).label)


@register.simple_tag
def state_tag(document):
    return format_html(
        '<strong class="govuk-tag {}">{}</strong>',
        STATE_COLOURS[document.state],
        document.get_state_display(),
    )


@register.filter
def deadline(obligation) -> str:
    return deadline_label(obligation)


@register.filter
def basis(obligation) -> str:
    return basis_label(obligation)


@register.filter
def recipients(obligation) -> str:
    return "; ".join(str(RECIPIENTS[r]) for r in obligation.recipients if r in RECIPIENTS)


@register.filter
def meeting_url(meeting) -> str:
    key, _sep, day = meeting.reference.partition("/")
    return reverse("reporting:meeting", kwargs={"body_key": key, "day": day})


@register.filter
def subject_url(obligation) -> str:
    if obligation.meeting_id:
        return meeting_url(obligation.meeting)
    if obligation.period_id:
        return reverse("reporting:period", kwargs={"key": obligation.period.key})
    return ""


@register.filter
def meeting_day(meeting) -> str:
    return meeting.reference.partition("/")[2]


EVENT_LABELS = {
    "created": _("Draft started"),
    "sent_for_translation": _("Sent for translation"),
    "translated": _("Translation finished"),
    "submitted": _("Sent for approval"),
    "approved": _("Approved"),
    "returned": _("Returned to the drafter"),
    "published": _("Published"),
    "correction_started": _("Correction started"),
    "addition_started": _("Addition started"),
    "texts_saved": _("Text written or translated"),
}


@register.filter
def event_label(action: str) -> str:
    return str(EVENT_LABELS.get(action, action))
