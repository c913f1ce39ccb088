"""``{% audit_url obj %}``: the address of a record's audit trail, or "" when its changes are not kept."""

from django import template
from django.urls import reverse

from igr.audit.trail import address_name

register = template.Library()


@register.simple_tag
def audit_url(obj) -> str:
    name = address_name(obj) if obj is not None and getattr(obj, "pk", None) else None
    return reverse("audit:record", kwargs={"model": name, "pk": obj.pk}) if name else ""


@register.inclusion_tag("audit/admin_link.html")
def audit_admin_link(obj) -> dict:
    """The admin's link to a record's audit trail (beside Django's own history of admin edits)."""
    return {"url": audit_url(obj)}


@register.inclusion_tag("audit/link.html")
def audit_link(obj) -> dict:
    """A link to a record's audit trail for the officials' pages (nothing for a record whose changes are not kept)."""
    return {"url": audit_url(obj)}
