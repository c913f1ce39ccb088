"""Forms for the officials' screens; every error is written in the page's language."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

DATE_HINT = _("For example, 27 3 2026")


class DateParts(forms.MultiWidget):
    """The GOV.UK date input: day, month and year boxes, posted as NAME_day, NAME_month and NAME_year."""

    def __init__(self) -> None:
        box = {"inputmode": "numeric"}
        super().__init__(
            {"day": forms.TextInput(box), "month": forms.TextInput(box), "year": forms.TextInput(box)}
        )

    def decompress(self, value: dt.date | None) -> list:
        return [value.day, value.month, value.year] if value else [None, None, None]


class GovukDateField(forms.MultiValueField):
    """A day typed as three numbers; a date that does not exist is refused with the hint's own example."""

    widget = DateParts

    def __init__(self, **kwargs) -> None:
        parts = (forms.CharField(), forms.CharField(), forms.CharField())
        super().__init__(parts, require_all_fields=False, **kwargs)

    def compress(self, values: list) -> dt.date | None:
        if not values or not any(v.strip() for v in values if v):
            return None
        try:
            day, month, year = (int(v) for v in values)
            if year < 1000:
                raise ValueError
            return dt.date(year, month, day)
        except (TypeError, ValueError):
            raise forms.ValidationError(
                _("Enter a real date, with day, month and year as numbers: for example, 27 3 2026.")
            ) from None


class BilingualReasonMixin(forms.Form):
    reason_en = forms.CharField(
        label=_("Reason (English)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    reason_cy = forms.CharField(
        label=_("Reason (Welsh)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def require_both_reasons(self, cleaned: dict) -> None:
        if not (cleaned.get("reason_en", "").strip() and cleaned.get("reason_cy", "").strip()):
            raise forms.ValidationError(_("Give the reason in English and in Welsh."))


class ChangeMeetingForm(BilingualReasonMixin):
    change = forms.ChoiceField(
        label=_("What has happened?"),
        choices=[
            ("postpone", _("The meeting has been postponed")),
            ("cancel", _("The meeting has been cancelled")),
        ],
        widget=forms.RadioSelect,
    )
    new_date = GovukDateField(label=_("New date"), required=False)

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("change") == "postpone" and not cleaned.get("new_date"):
            raise forms.ValidationError(_("Give the meeting's new date."))
        if cleaned.get("change") == "cancel":
            self.require_both_reasons(cleaned)
        return cleaned


class WaiveForm(BilingualReasonMixin):
    def clean(self) -> dict:
        cleaned = super().clean()
        self.require_both_reasons(cleaned)
        return cleaned


class DocumentDateForm(forms.Form):
    date = GovukDateField(label=_("Date the document bears"))


class CorrectionForm(forms.Form):
    note_en = forms.CharField(
        label=_("What the correction changes (English)"), widget=forms.Textarea(attrs={"rows": 2})
    )
    note_cy = forms.CharField(
        label=_("What the correction changes (Welsh)"), widget=forms.Textarea(attrs={"rows": 2})
    )


class CommentForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class FollowUpForm(forms.Form):
    """A second document about a meeting: which publication it follows, and whether it corrects or adds to it."""

    follows = forms.IntegerField(widget=forms.HiddenInput, required=False)
    relation = forms.ChoiceField(
        label=_("The new document"),
        choices=[
            ("addition", _("adds to the publication (a further letter or statement)")),
            ("correction", _("corrects the publication (it replaces it, with a note of what changed)")),
        ],
        widget=forms.RadioSelect,
    )
    note_en = forms.CharField(
        label=_("What the correction changes (English)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    note_cy = forms.CharField(
        label=_("What the correction changes (Welsh)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
