"""The audit trail: every change to a register or reporting record, by whom, when and through what, on the
record's own page for officials, in English and Welsh.

The defect: who changed a document's date, its text, or postponed a meeting was not recorded.
"""

from __future__ import annotations

import datetime as dt
import html
import json

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile

from igr.audit.models import MANAGER
from igr.ingest.roles import INGEST, ensure_role
from igr.ingest.services import queue
from igr.register.models import AgendaItem, Attendance, Body, Meeting
from igr.reporting.models import Obligation
from igr.reporting.roles import DRAFTER

from ..ingest.conftest import DOCS

pytestmark = pytest.mark.django_db
D = dt.date


def official(name: str, *groups: str, **extra) -> User:
    user = User.objects.create_user(name, f"{name}@example.gov.wales", None, is_staff=True, **extra)
    for group in groups:
        user.groups.add(Group.objects.get(name=group))
    return user


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return html.unescape(response.content.decode())


@pytest.fixture
def body(db) -> Body:
    return Body.objects.create(
        key="img-test",
        tier="img",
        name_en="Test Interministerial Group",
        name_cy="Grŵp Rhyngweinidogol Prawf",
    )


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_postponement_is_kept_with_who_when_the_dates_and_the_reason(client, body, lang):
    meeting = Meeting.objects.create(body=body, date=D(2031, 3, 4), status="planned")
    drafter = official("sian", DRAFTER, first_name="Siân", last_name="Jones")
    client.force_login(drafter)
    response = client.post(
        f"/{lang}/reporting/meetings/img-test/2031-03-04/change/",
        {
            "change": "postpone",
            "new_date_day": "11",
            "new_date_month": "3",
            "new_date_year": "2031",
            "reason_en": "The UK Government asked to move it.",
            "reason_cy": "Gofynnodd Llywodraeth y DU am ei symud.",
        },
    )
    assert response.status_code == 302, "the postponement was refused"
    changed, created = getattr(Meeting, MANAGER).filter(id=meeting.pk).order_by("-history_id")[:2]
    assert (changed.history_type, changed.history_user, created.history_type, created.history_user) == (
        "~",
        drafter,
        "+",
        None,
    )
    assert json.loads(changed.history_change_reason) == {
        "en": "The UK Government asked to move it.",
        "cy": "Gofynnodd Llywodraeth y DU am ei symud.",
    }

    officials_page = page(client, f"/{lang}/reporting/meetings/img-test/2031-03-11/")
    assert f'href="/{lang}/audit/meeting/{meeting.pk}/"' in officials_page
    assert (
        "Audit trail: every change to this record"
        if lang == "en"
        else "Trywydd archwilio: pob newid i'r cofnod hwn"
    ) in officials_page
    text = page(client, f"/{lang}/audit/meeting/{meeting.pk}/")
    latest = text[text.index('data-kind="changed"') : text.index('data-kind="created"')]
    if lang == "en":
        assert "History of changes" in text and "by Siân Jones" in latest
        assert "Reason given: The UK Government asked to move it." in latest
        assert (
            "4 March 2031" in latest
            and "11 March 2031" in latest
            and "Planned" in latest
            and "Postponed" in latest
        )
        assert "with no one signed in" in text[text.index('data-kind="created"') :]
    else:
        assert "Hanes y newidiadau" in text and "gan Siân Jones" in latest
        assert "Y rheswm a roddwyd: Gofynnodd Llywodraeth y DU am ei symud." in latest
        assert "4 Mawrth 2031" in latest and "11 Mawrth 2031" in latest
        assert "Wedi'i gynllunio" in latest and "Wedi'i ohirio" in latest
        assert "heb neb wedi mewngofnodi" in text[text.index('data-kind="created"') :]
    moved = Obligation.objects.filter(meeting=meeting).first()
    assert moved is not None and getattr(Obligation, MANAGER).filter(id=moved.pk, history_type="+").exists()


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_text_edit_in_the_admin_shows_the_text_before_and_after(client, body, lang):
    meeting = Meeting.objects.create(body=body, date=D(2023, 7, 11))
    item = AgendaItem.objects.create(
        meeting=meeting, title_en="Migration", position_en="The Welsh Government asked for more."
    )
    editor = official("admin", is_superuser=True)
    client.force_login(editor)
    url = f"/{lang}/admin/register/agendaitem/{item.pk}/change/"
    form = client.get(url)
    assert (
        f'href="/{lang}/audit/agendaitem/{item.pk}/"' in form.content.decode()
    )  # the admin links to the trail
    client.post(
        url,
        {
            "meeting": meeting.pk,
            "sort_order": 0,
            "title_en": "Migration",
            "title_cy": "Mudo",
            "position_en": "The Welsh Government asked for funding to follow responsibility.",
            "position_cy": "Gofynnodd Llywodraeth Cymru i'r cyllid ddilyn y cyfrifoldeb.",
        },
    )
    item.refresh_from_db()
    assert item.title_cy == "Mudo"
    text = page(client, f"/{lang}/audit/agendaitem/{item.pk}/")
    latest = text[text.index('data-kind="changed"') : text.index('data-kind="created"')]
    assert "The Welsh Government asked for more." in latest
    assert "The Welsh Government asked for funding to follow responsibility." in latest
    assert "Gofynnodd Llywodraeth Cymru i'r cyllid ddilyn y cyfrifoldeb." in latest
    assert (
        "Welsh Government position (English)" if lang == "en" else "Safbwynt Llywodraeth Cymru (Saesneg)"
    ) in latest
    assert ("by admin" if lang == "en" else "gan admin") in latest


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_what_an_upload_adds_is_the_uploaders_through_its_run(client, settings, tmp_path, lang):
    settings.MEDIA_ROOT = tmp_path / "media"
    ensure_role()
    clerk = official("clerk", INGEST)
    client.force_login(clerk)
    client.post(
        f"/{lang}/ingest/", {"document": SimpleUploadedFile("letter.txt", (DOCS / "letter.txt").read_bytes())}
    )
    run = queue.work_once()
    assert run.status == "done"
    meeting = Meeting.objects.get()
    rows = getattr(Meeting, MANAGER).filter(id=meeting.pk)
    assert {(r.history_user, json.loads(r.history_change_reason)["run"]) for r in rows} == {(clerk, run.pk)}
    attendances = Attendance.objects.filter(meeting=meeting)  # inserted together, each recorded
    assert (
        attendances
        and getattr(Attendance, MANAGER).filter(id__in=attendances, history_user=clerk).count()
        == attendances.count()
    )
    text = page(client, f"/{lang}/audit/meeting/{meeting.pk}/")
    assert f'href="/{lang}/ingest/runs/{run.pk}/"' in text
    assert (f"ingest run {run.pk}" if lang == "en" else f"rhediad mewnforio {run.pk}") in text
    assert ("by clerk" if lang == "en" else "gan clerk") in text


@pytest.mark.django_db(transaction=True)
def test_a_command_s_changes_name_the_command(shared):
    """Through the real ``igr`` entry point, in a process of its own."""
    out = shared.python(
        "import json; from igr.audit.models import MANAGER; from igr.register.models import Body; "
        "b = Body.objects.create(key='img-audit', tier='img', name_en='Audit Group', name_cy='Grŵp Archwilio'); "
        "row = getattr(Body, MANAGER).get(id=b.pk); print(json.dumps([row.history_user_id, row.history_change_reason]))"
    )
    assert out[0] is None and json.loads(out[1]) == {"via": "command", "command": "shell"}


def test_a_deleted_record_keeps_its_trail(client, body):
    meeting = Meeting.objects.create(body=body, date=D(2031, 3, 4), status="planned")
    pk = meeting.pk
    client.force_login(official("reader"))
    meeting.delete()
    text = page(client, f"/cy/audit/meeting/{pk}/")
    assert "Cafodd y cofnod ei ddileu wedi hynny." in text and 'data-kind="deleted"' in text


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_trail_is_for_officials_only(client, body, lang):
    meeting = Meeting.objects.create(body=body, date=D(2031, 3, 4))
    url = f"/{lang}/audit/meeting/{meeting.pk}/"
    assert client.get(url).status_code == 302 and "sign-in" in client.get(url)["Location"]
    client.force_login(User.objects.create_user("member-of-the-public"))
    assert client.get(url).status_code == 403
    client.force_login(official("reader"))
    assert client.get(url).status_code == 200
    assert (
        client.get(f"/{lang}/audit/provenance/1/").status_code == 404
    )  # not a record whose changes are kept
    assert client.get(f"/{lang}/audit/meeting/99999999999999999999/").status_code == 404


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_documents_date_and_text_changed_for_an_official_are_theirs(client, settings, tmp_path, lang):
    from igr.ingest.services.pipeline import ingest_paths
    from igr.register.history import acting
    from igr.register.models import Document, DocumentVersion

    settings.MEDIA_ROOT = tmp_path / "media"
    ingest_paths([DOCS / "letter.txt"])
    document, version = Document.objects.get(), DocumentVersion.objects.get()
    editor = official("editor", first_name="Rhys", last_name="Owen")
    before = document.date
    with acting(editor, via="command", command="shell"):
        document.date = D(2023, 8, 1)
        document.save()
        version.text = version.text.replace("Minister", "Minister for Social Justice", 1)
        version.save()
    client.force_login(editor)
    text = page(client, f"/{lang}/audit/document/{document.pk}/")
    latest = text[text.index('data-kind="changed"') : text.index('data-kind="created"')]
    assert ("by Rhys Owen" if lang == "en" else "gan Rhys Owen") in latest
    assert ("1 August 2023" if lang == "en" else "1 Awst 2023") in latest
    assert (f"{before.day} " if before else "—") in latest
    text = page(client, f"/{lang}/audit/documentversion/{version.pk}/")
    latest = text[text.index('data-kind="changed"') : text.index('data-kind="created"')]
    assert (
        "Minister for Social Justice" in latest
        and ("by Rhys Owen" if lang == "en" else "gan Rhys Owen") in latest
    )
    assert ("By the command igr shell" if lang == "en" else "Gan y gorchymyn igr shell") in latest.replace(
        "<code>", ""
    ).replace("</code>", "")
