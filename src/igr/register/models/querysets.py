"""What the public may see, said once: ``Model.objects.public()`` for every register model that can be unpublished.

Every public page, export, search, feed and API starts from these querysets, and a query through a relation uses
``public_condition`` with the path to the related record, so the rule cannot drift between modules:

- a meeting, an agreement: published;
- a document: published, and about a public meeting or agreement or about none (it would reveal a draft);
- a document version, a provenance record: of a public document (and a version's stored file may be downloaded
  by anyone when it was fetched from a public address);
- an attendance, an agenda item: at a public meeting;
- a person: holding a recorded post, or at or chairing a public meeting (a name seen only at a draft stays hidden).
"""

from __future__ import annotations

from typing import Self

from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef, Q

# The relation from each model to the record whose publication decides whether it is public.
_THROUGH = {
    "register.meeting": ("register.meeting", ""),
    "register.agreement": ("register.agreement", ""),
    "register.document": ("register.document", ""),
    "register.documentversion": ("register.document", "document"),
    "register.provenance": ("register.document", "document_version__document"),
    "register.attendance": ("register.meeting", "meeting"),
    "register.agendaitem": ("register.meeting", "meeting"),
}


def _path(via: str, name: str) -> str:
    return f"{via}__{name}" if via else name


def public_condition(label: str, via: str = "") -> Q:
    """The condition that a ``label`` record (``"register.meeting"`` …) reached through ``via`` is public.

    ``public_condition("register.meeting", "meeting")`` filters obligations, attendances or anything else with a
    ``meeting`` relation to those of public meetings.
    """
    if label in ("register.meeting", "register.agreement"):
        return Q(**{_path(via, "published"): True})
    if label == "register.document":
        model = apps.get_model("register", "Document")
        meetings, agreements = model.meetings.through.objects, model.agreements.through.objects
        document = OuterRef(_path(via, "pk"))
        about_public = Exists(meetings.filter(document_id=document, meeting__published=True)) | Exists(
            agreements.filter(document_id=document, agreement__published=True)
        )
        about_nothing = ~Exists(meetings.filter(document_id=document)) & ~Exists(
            agreements.filter(document_id=document)
        )
        return Q(**{_path(via, "published"): True}) & (about_public | about_nothing)
    if label == "register.person":
        person = OuterRef(_path(via, "pk"))
        tenures = apps.get_model("register", "Tenure").objects.filter(person=person)
        attended = apps.get_model("register", "Attendance").objects.filter(
            person=person, meeting__published=True
        )
        chaired = apps.get_model("register", "Meeting").objects.filter(chair=person, published=True)
        return Q(Exists(tenures) | Exists(attended) | Exists(chaired))
    owner, path = _THROUGH[label]
    return public_condition(owner, _path(via, path))


class PublicQuerySet(models.QuerySet):
    """A register queryset that knows which of its rows the public may see."""

    def public(self) -> Self:
        return self.filter(public_condition(self.model._meta.label_lower))

    def public_ids(self) -> models.QuerySet:
        """The public rows' keys, for ``pk__in`` in another model's query."""
        return self.public().order_by().values("pk")


class DocumentVersionQuerySet(PublicQuerySet):
    def public_copies(self) -> Self:
        """Stored files anyone may download: of a public document, fetched from a public address."""
        return self.public().exclude(source_url="").exclude(file="")
