"""``Model.objects.public()``: the one statement of what the public may see, checked record by record.

Each case builds a published and an unpublished twin (or the relation that makes the difference) and checks the
queryset keeps exactly the public one, directly and through ``public_condition`` from a related model.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType

from igr.register.models import (
    AgendaItem,
    Agreement,
    Attendance,
    Body,
    Document,
    DocumentVersion,
    Government,
    Meeting,
    Person,
    Post,
    Provenance,
    Tenure,
)
from igr.register.models.querysets import public_condition

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def world(reference):
    body = Body.objects.get(key="imsc")
    wales = Government.objects.get(key="wales")
    shown = Meeting.objects.create(body=body, date=D(2030, 1, 10), published=True)
    hidden = Meeting.objects.create(body=body, date=D(2030, 1, 11), published=False)
    agreement = Agreement.objects.create(key="shown-agreement", kind="mou", title_en="Shown", published=True)
    draft_agreement = Agreement.objects.create(
        key="hidden-agreement", kind="mou", title_en="Hidden", published=False
    )
    return {
        "body": body,
        "wales": wales,
        "shown": shown,
        "hidden": hidden,
        "agreement": agreement,
        "draft_agreement": draft_agreement,
    }


def keys(queryset, field: str = "pk") -> set:
    return set(queryset.values_list(field, flat=True))


def test_meetings_and_agreements_are_public_when_published(world):
    assert keys(Meeting.objects.public()) >= {world["shown"].pk}
    assert world["hidden"].pk not in keys(Meeting.objects.public())
    assert keys(Agreement.objects.public()) == {world["agreement"].pk}


def document(published: bool = True, meetings=(), agreements=()) -> Document:
    made = Document.objects.create(kind="written_statement", title_en="A statement", published=published)
    made.meetings.add(*meetings)
    made.agreements.add(*agreements)
    return made


def test_a_document_is_public_when_published_and_not_about_drafts_only(world):
    shown, hidden, agreement, draft = (
        world["shown"],
        world["hidden"],
        world["agreement"],
        world["draft_agreement"],
    )
    cases = {
        "about nothing": (document(), True),
        "unpublished": (document(published=False, meetings=[shown]), False),
        "about a public meeting": (document(meetings=[shown]), True),
        "about a draft meeting only": (document(meetings=[hidden]), False),
        "about a draft and a public meeting": (document(meetings=[hidden, shown]), True),
        "about a public agreement": (document(agreements=[agreement]), True),
        "about a draft agreement only": (document(agreements=[draft]), False),
        "about a draft meeting and a public agreement": (
            document(meetings=[hidden], agreements=[agreement]),
            True,
        ),
    }
    public = keys(Document.objects.public())
    wrong = [name for name, (doc, expected) in cases.items() if (doc.pk in public) != expected]
    assert not wrong, wrong


def test_versions_and_provenance_follow_their_document(world):
    shown_doc, hidden_doc = document(meetings=[world["shown"]]), document(meetings=[world["hidden"]])
    versions = {
        doc.pk: DocumentVersion.objects.create(document=doc, language="en", content_hash=f"{doc.pk:064d}")
        for doc in (shown_doc, hidden_doc)
    }
    meeting_type = ContentType.objects.get_for_model(Meeting)
    cited = {
        doc: Provenance.objects.create(
            content_type=meeting_type, object_id=world["shown"].pk, document_version=v
        )
        for doc, v in versions.items()
    }
    assert keys(DocumentVersion.objects.public()) == {versions[shown_doc.pk].pk}
    assert keys(Provenance.objects.public()) == {cited[shown_doc.pk].pk}


def test_attendances_and_agenda_items_follow_their_meeting(world):
    person = Person.objects.create(key="someone", name="Some One")
    at = {
        m: Attendance.objects.create(meeting=world[m], person=person, government=world["wales"])
        for m in ("shown", "hidden")
    }
    items = {m: AgendaItem.objects.create(meeting=world[m], title_en="Topic") for m in ("shown", "hidden")}
    assert keys(Attendance.objects.public()) == {at["shown"].pk}
    assert keys(AgendaItem.objects.public()) == {items["shown"].pk}


def test_a_person_is_public_with_a_post_or_at_a_public_meeting(world):
    post = Post.objects.create(key="test-post", government=world["wales"], title_en="Minister for Tests")
    minister = Person.objects.create(key="with-post", name="Post Holder")
    Tenure.objects.create(person=minister, post=post)
    attended = Person.objects.create(key="attended", name="At Public")
    Attendance.objects.create(meeting=world["shown"], person=attended, government=world["wales"])
    chair = Person.objects.create(key="chair", name="Public Chair")
    Meeting.objects.filter(pk=world["shown"].pk).update(chair=chair)
    draft_only = Person.objects.create(key="draft-only", name="Draft Only")
    Attendance.objects.create(meeting=world["hidden"], person=draft_only, government=world["wales"])
    hidden_chair = Person.objects.create(key="draft-chair", name="Draft Chair")
    Meeting.objects.filter(pk=world["hidden"].pk).update(chair=hidden_chair)
    nobody = Person.objects.create(key="nobody", name="No Record")
    public = keys(Person.objects.public(), "key")
    assert {"with-post", "attended", "chair"} <= public
    assert not {"draft-only", "draft-chair", "nobody"} & public
    # Publishing the meeting makes its people public; nothing else has to change.
    Meeting.objects.filter(pk=world["hidden"].pk).update(published=True)
    assert {"draft-only", "draft-chair"} <= keys(Person.objects.public(), "key")
    assert "nobody" not in keys(Person.objects.public(), "key") and nobody.pk


def test_the_condition_reads_the_same_through_a_relation(world):
    """What ``public()`` keeps is what ``public_condition`` keeps when reached from another model."""
    for meeting in (world["shown"], world["hidden"]):
        AgendaItem.objects.create(meeting=meeting, title_en="Topic")
    through = set(
        AgendaItem.objects.filter(public_condition("register.meeting", "meeting")).values_list(
            "meeting_id", flat=True
        )
    )
    direct = set(Meeting.objects.public().filter(agenda_items__isnull=False).values_list("pk", flat=True))
    assert through == direct == {world["shown"].pk}
    doc = document(meetings=[world["hidden"]])
    version = DocumentVersion.objects.create(document=doc, language="cy", content_hash="e" * 64)
    assert not DocumentVersion.objects.filter(
        public_condition("register.document", "document"), pk=version.pk
    ).exists()
    Meeting.objects.filter(pk=world["hidden"].pk).update(published=True)
    assert DocumentVersion.objects.filter(
        public_condition("register.document", "document"), pk=version.pk
    ).exists()


def test_the_rule_is_written_in_one_place():
    """No module reads a ``published`` flag for itself: they all go through the querysets.

    (Extracted and harvested records have a ``published`` date of their own; the check looks for the register's
    flag: lookups on it, and reads of it on meetings, agreements and documents.)
    """
    import re
    from pathlib import Path

    import igr

    root = Path(igr.__file__).parent
    flag = re.compile(
        r"published\s*=\s*(True|False)|__published\b|\bpublished__"
        r"|\b(meeting|agreement|document|met_by_record|m|a)\.published\b(?!_)"
    )
    offenders = [
        f"{path.relative_to(root)}:{n}: {line.strip()}"
        for path in root.rglob("*.py")
        if path.name != "querysets.py" and "migrations" not in path.parts
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if flag.search(line)
    ]
    assert not offenders, offenders
