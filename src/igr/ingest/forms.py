"""Forms for officials: the upload, and a review item's correction (fields chosen by what was flagged)."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from igr.ingest.models import ReviewItem
from igr.ingest.services.decisions import editable
from igr.register.models import Attendance, Government, Meeting

from .services.sources import content_kind


class UploadForm(forms.Form):
    document = forms.FileField(
        label=_("Document"), help_text=_("A PDF, Word (DOCX), web page (HTML) or plain text file.")
    )

    def clean_document(self):
        upload = self.cleaned_data["document"]
        limit = settings.IGR_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s. Upload a smaller file."),
                params={"limit": filesizeformat(limit)},
            )
        data = upload.read()
        if len(data) > limit:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s. Upload a smaller file."),
                params={"limit": filesizeformat(limit)},
            )
        kind = content_kind(data)
        if kind is None:
            raise forms.ValidationError(
                _(
                    "The file's content is not a PDF, Word document, web page or plain text, whatever its name says."
                )
            )
        self.cleaned_data["data"], self.cleaned_data["kind"] = data, kind
        return upload


def correction_form(item: ReviewItem, data=None) -> forms.Form | None:
    """A form with the fields a correction of this item may set, filled with the register's current values."""
    attrs = editable(item)
    if not attrs or item.record is None:
        return None
    record = item.record
    fields: dict[str, forms.Field] = {}
    for attr in attrs:
        model_field = record._meta.get_field(attr)
        label = model_field.verbose_name
        if attr == "date":
            fields[attr] = forms.DateField(label=label, widget=forms.DateInput(attrs={"type": "date"}))
        elif attr == "ordinal":
            fields[attr] = forms.IntegerField(label=label, min_value=1, required=False)
        elif attr == "mode":
            fields[attr] = forms.ChoiceField(
                label=label, choices=[("", "—"), *Meeting.Mode.choices], required=False
            )
        elif attr == "status":
            fields[attr] = forms.ChoiceField(label=label, choices=Meeting.Status.choices)
        elif attr == "capacity":
            fields[attr] = forms.ChoiceField(label=label, choices=Attendance.Capacity.choices)
        elif attr == "government":
            fields[attr] = forms.ModelChoiceField(
                label=label, queryset=Government.objects.all(), required=False
            )
        else:
            fields[attr] = forms.CharField(
                label=label, max_length=model_field.max_length, required=attr == "name"
            )
    for field in fields.values():
        widget = field.widget
        css = "govuk-select" if isinstance(widget, forms.Select) else "govuk-input"
        widget.attrs["class"] = css
    form_class = type("CorrectionForm", (forms.Form,), fields)
    initial = {attr: getattr(record, attr) for attr in attrs}
    return form_class(data=data, initial=initial, prefix="correct")
