"""The ingest role: who may add documents to the register and decide the review queue.

Being staff is not enough: a translator or an approver works on reporting documents and must not change the
register's facts. Kept up to date after every migrate, like the reporting roles.
"""

from __future__ import annotations

INGEST = "Register ingest"
PERMISSIONS = [
    "ingest.add_ingestrun",
    "ingest.view_ingestrun",
    "ingest.view_reviewitem",
    "ingest.change_reviewitem",
]
UPLOAD = "ingest.add_ingestrun"
REVIEW = "ingest.change_reviewitem"


def ensure_role(**kwargs) -> None:
    """Create the group and give it exactly its permissions (idempotent)."""
    from django.contrib.auth.models import Group, Permission

    group, _created = Group.objects.get_or_create(name=INGEST)
    wanted = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in (perm.split(".") for perm in PERMISSIONS)
    ]
    group.permissions.set(wanted)
