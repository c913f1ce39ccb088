"""The subscription form: an address, what to follow (chosen here, or given by the page it came from), how often."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from igr.register.models import Body, Government
from igr.register.translation import translated

from .models import Subscription
from .topics import target


def _choices(model) -> list[tuple[str, str]]:
    return [("", "")] + [
        (r.key, str(translated(r, "name") or r.name_en)) for r in model.objects.order_by("name_en")
    ]


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address in the right form, like name@example.com."),
        },
    )
    topic = forms.ChoiceField(choices=Subscription.Topic.choices, required=False, widget=forms.HiddenInput)
    key = forms.CharField(max_length=200, required=False, widget=forms.HiddenInput)
    body = forms.ChoiceField(label=_("A body"), required=False)
    government = forms.ChoiceField(label=_("A government"), required=False)
    words = forms.CharField(
        label=_("Or search words"),
        max_length=200,
        required=False,
        help_text=_("New meetings that this search finds."),
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Subscription.Frequency.choices,
        widget=forms.RadioSelect,
        initial=Subscription.Frequency.IMMEDIATE,
    )
    language = forms.ChoiceField(
        label=_("Language of the emails"), choices=settings.LANGUAGES, widget=forms.RadioSelect
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].choices = _choices(Body)
        self.fields["government"].choices = _choices(Government)

    def clean(self) -> dict:
        data = super().clean()
        chosen = [(t, data.get(t, "").strip()) for t in ("body", "government") if data.get(t, "").strip()]
        if data.get("words", "").strip():
            chosen.append(("search", " ".join(data["words"].split())))
        if data.get("topic") and data.get("key"):
            chosen = [(data["topic"], data["key"].strip())]
        if len(chosen) != 1:
            raise forms.ValidationError(_("Choose one body, one government or some search words to follow."))
        topic, key = chosen[0]
        if topic != "search" and target(topic, key) is None:
            raise forms.ValidationError(_("The register holds nothing by that name to follow."))
        data["topic"], data["key"] = topic, key
        return data
