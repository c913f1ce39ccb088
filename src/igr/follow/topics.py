"""What a subscription or a feed follows, named in either language, and checked against the register."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from igr.register.models import Body, Government, Person
from igr.register.translation import translated

TOPIC_MODELS = {"body": Body, "government": Government}


def target(topic: str, key: str):
    """The body, person or government a key names (public people only), or None."""
    if topic == "person":
        return Person.objects.public().filter(key=key).first()
    model = TOPIC_MODELS.get(topic)
    return model.objects.filter(key=key).first() if model else None


def topic_label(topic: str, key: str, language: str) -> str:
    with translation.override(language):
        if topic == "search":
            return _("the search “%(words)s”") % {"words": key}
        record = target(topic, key)
        if record is None:
            return key
        if topic == "person":
            return record.name
        return str(translated(record, "name", language) or record.name_en)
