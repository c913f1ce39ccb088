"""The four roles of the workflow, as Django groups with their permissions (kept up to date after migrate)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

VIEW = [
    "reporting.view_obligation",
    "reporting.view_commitment",
    "reporting.view_reportdocument",
    "reporting.view_meetingreport",
    "reporting.view_recessperiod",
    "reporting.view_reportingperiod",
    "reporting.view_consentintention",
    "reporting.view_documentevent",
]
ROLES = {
    "IIRA drafter": (
        _("Drafter"),
        VIEW
        + [
            "reporting.draft_reportdocument",
            "reporting.add_meetingreport",
            "reporting.change_meetingreport",
            "reporting.add_commitment",
            "reporting.change_commitment",
        ],
    ),
    "IIRA translator": (_("Translator"), VIEW + ["reporting.translate_reportdocument"]),
    "IIRA approver": (
        _("Approver"),
        VIEW + ["reporting.approve_reportdocument", "reporting.waive_obligation"],
    ),
    "IIRA publisher": (_("Publisher"), VIEW + ["reporting.publish_reportdocument"]),
}
DRAFTER, TRANSLATOR, APPROVER, PUBLISHER = ROLES


def ensure_roles(**kwargs) -> None:
    """Create the groups and give each exactly its permissions (idempotent; runs after every migrate)."""
    from django.contrib.auth.models import Group, Permission

    for name, (_label, perms) in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            found = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if found:
                wanted.append(found)
        group.permissions.set(wanted)
