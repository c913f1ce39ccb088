"""Admin forms: two officials editing the same record must not silently overwrite each other."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class OptimisticLockForm(forms.ModelForm):
    """Refuses a save when the record changed after the form was opened (compares ``updated_at``)."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and getattr(self.instance, "updated_at", None):
            self.fields["version"].initial = self.instance.updated_at.isoformat()

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            current = (
                type(self.instance)
                .objects.filter(pk=self.instance.pk)
                .values_list("updated_at", flat=True)
                .first()
            )
            submitted = self.data.get(self.add_prefix("version")) or ""
            if current and submitted != current.isoformat():
                raise forms.ValidationError(
                    _(
                        "Someone else changed this record after you opened it. Open it again to see their changes, then make yours."
                    ),
                    code="stale",
                )
        return cleaned
