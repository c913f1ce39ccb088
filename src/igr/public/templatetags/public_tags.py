"""Template filters of the public pages: a person's name as the page's language styles it."""

from __future__ import annotations

from django import template
from django.utils.text import capfirst
from django.utils.translation import get_language

register = template.Library()


@register.filter
def styled(person) -> str:
    """The name with its honorific and post-nominals in the page's language ("Jane Hutt AS" in Welsh), standing
    alone: an honorific written for running text ("the Rt Hon.") starts with a capital."""
    return capfirst(person.styled("cy" if get_language() == "cy" else "en"))
