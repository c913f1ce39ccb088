"""The officials' screens work in both languages for each role; others are sent to sign in or refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from igr.register.models import AgendaItem, Meeting
from igr.reporting.models import CalendarToken, Obligation, ReportDocument

D = dt.date
MEETING_URL = "/{lang}/reporting/meetings/img-safety-security-migration/2023-07-11/"


def pages(document_pk: int) -> list[str]:
    return [
        "/{lang}/reporting/",
        "/{lang}/reporting/obligations/?status=overdue",
        "/{lang}/reporting/commitments/?show=all",
        MEETING_URL,
        "/{lang}/reporting/calendar/",
        "/{lang}/reporting/periods/2023-24/",
        f"/{{lang}}/reporting/documents/{document_pk}/",
        f"/{{lang}}/reporting/documents/{document_pk}/translate/",
    ]


@pytest.fixture
def draft(seed_meeting):
    return ReportDocument.objects.create(kind="statement", meeting=seed_meeting, date=D(2023, 9, 25))


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("role", ["drafter", "translator", "approver", "publisher"])
def test_every_screen_renders_for_every_role_in_both_languages(client, users, draft, role, language):
    client.force_login(users[role])
    for url in pages(draft.pk):
        url = url.format(lang=language)
        response = client.get(url)
        if url.endswith("/translate/") and role in ("approver", "publisher"):
            assert response.status_code == 403, url
            continue
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'lang="{language}"' in html
    dashboard = client.get(f"/{language}/reporting/").content.decode()
    assert ("Adrodd o dan y Cytundeb" in dashboard) == (language == "cy")


def test_strangers_are_sent_to_sign_in_and_officials_without_a_role_are_refused(client, users, seeded):
    assert client.get("/en/reporting/").status_code == 302
    client.force_login(users["nobody"])
    assert client.get("/en/reporting/").status_code == 403
    assert client.get(MEETING_URL.format(lang="cy")).status_code == 403


def test_officials_navigation_appears_for_signed_in_staff(client, users, seeded):
    client.force_login(users["drafter"])
    html = client.get("/cy/").content.decode()
    assert 'href="/cy/reporting/"' in html and "govuk-service-navigation__item" in html


def test_the_welsh_dashboard_shows_overdue_work_by_minister_and_body(client, users, seeded):
    client.force_login(users["approver"])
    html = client.get("/cy/reporting/").content.decode()
    assert "Rhwymedigaethau agored fesul gweinidog" in html and "Mick Antoniw" in html
    assert "Grŵp Rhyngweinidogol ar gyfer Etholiadau a Chofrestru" in html
    assert "Yn hwyr" in html


def test_a_drafter_starts_a_statement_and_a_translator_completes_the_welsh(client, users, seed_meeting):
    item = AgendaItem.objects.filter(meeting=seed_meeting).first()
    item.position_cy = ""
    item.save()
    client.force_login(users["drafter"])
    response = client.post(
        reverse("reporting:start", kwargs={"body_key": "img-safety-security-migration", "day": "2023-07-11"}),
        {"kind": "statement"},
    )
    document = ReportDocument.objects.get(meeting=seed_meeting, kind="statement")
    assert response.status_code == 302 and response["Location"].endswith(f"/documents/{document.pk}/")
    page = client.get(f"/en/reporting/documents/{document.pk}/").content.decode()
    assert "Text still to write" in page and "Testun Cymraeg ar goll" in page
    client.post(f"/en/reporting/documents/{document.pk}/action/", {"action": "send_for_translation"})
    client.force_login(users["translator"])
    form = client.get(f"/cy/reporting/documents/{document.pk}/translate/").content.decode()
    assert "Cymraeg ar goll" in form
    client.post(
        f"/cy/reporting/documents/{document.pk}/translate/",
        {
            f"agendaitem-{item.pk}-position-cy": "Mynegodd Llywodraeth Cymru ei siom.",
            f"agendaitem-{item.pk}-position-en": item.position_en,
        },
    )
    # The translation is the document's own: the register's record, and so the public page, are unchanged.
    document.refresh_from_db()
    assert document.texts[f"agendaitem-{item.pk}-position"]["cy"] == "Mynegodd Llywodraeth Cymru ei siom."
    item.refresh_from_db()
    assert item.position_cy == ""
    assert (
        "Mynegodd Llywodraeth Cymru ei siom."
        not in client.get(seed_meeting.get_absolute_url().replace("/en/", "/cy/")).content.decode()
    )
    client.post(f"/cy/reporting/documents/{document.pk}/action/", {"action": "submit"})
    document.refresh_from_db()
    assert document.state == "awaiting_approval"
    # The publisher cannot approve: the step is refused with a message in Welsh, and nothing changes.
    client.force_login(users["publisher"])
    response = client.post(
        f"/cy/reporting/documents/{document.pk}/action/", {"action": "approve"}, follow=True
    )
    assert "Dim ond cymeradwywr all wneud hyn." in response.content.decode()
    document.refresh_from_db()
    assert document.state == "awaiting_approval"


def test_previews_and_published_files(client, users, draft):
    client.force_login(users["translator"])
    response = client.get(f"/cy/reporting/documents/{draft.pk}/preview/cy.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    docx = client.get(f"/en/reporting/documents/{draft.pk}/preview/en.docx")
    assert docx["Content-Disposition"].startswith("attachment")
    client.logout()
    assert client.get(f"/en/reporting/published/{draft.pk}/en.pdf").status_code == 404


def test_a_drafter_records_a_postponement_and_a_cancellation_on_screen(client, users, seeded, body):
    client.force_login(users["drafter"])
    meeting = Meeting.objects.create(body=body, date=D(2031, 3, 4), status="planned")
    url = "/en/reporting/meetings/img-test/2031-03-04/change/"
    typed_wrong = client.post(
        "/cy/reporting/meetings/img-test/2031-03-04/change/",
        {"change": "postpone", "new_date_day": "31", "new_date_month": "2", "new_date_year": "2031"},
        follow=True,
    )
    page = typed_wrong.content.decode()
    assert (
        "Er enghraifft, 27 3 2026" in page and "er enghraifft, 27 3 2026" in page
    )  # the hint and the error agree
    assert Meeting.objects.get(pk=meeting.pk).date == D(2031, 3, 4)
    response = client.post(
        url, {"change": "postpone", "new_date_day": "11", "new_date_month": "3", "new_date_year": "2031"}
    )
    meeting.refresh_from_db()
    assert response.status_code == 302 and meeting.date == D(2031, 3, 11) and meeting.status == "postponed"
    notice = Obligation.objects.get(meeting=meeting, rule_key="W21-PRE")
    assert notice.due_date == D(2031, 3, 10)
    refused = client.post(
        "/cy/reporting/meetings/img-test/2031-03-11/change/",
        {"change": "cancel", "reason_en": "Withdrawn."},
        follow=True,
    )
    assert "Rhowch y rheswm yn Saesneg ac yn Gymraeg." in refused.content.decode()
    client.post(
        "/cy/reporting/meetings/img-test/2031-03-11/change/",
        {"change": "cancel", "reason_en": "Withdrawn.", "reason_cy": "Wedi'i dynnu'n ôl."},
    )
    notice.refresh_from_db()
    assert notice.waived_on and notice.waived_reason_cy.endswith("Wedi'i dynnu'n ôl.")


def test_only_an_approver_waives_and_only_with_reasons(client, users, seeded):
    obligation = Obligation.objects.filter(met_on__isnull=True, waived_on__isnull=True).first()
    client.force_login(users["drafter"])
    assert (
        client.post(
            f"/en/reporting/obligations/{obligation.pk}/waive/", {"reason_en": "x", "reason_cy": "y"}
        ).status_code
        == 403
    )
    client.force_login(users["approver"])
    client.post(
        f"/en/reporting/obligations/{obligation.pk}/waive/",
        {"reason_en": "The Welsh Government did not take part."},
    )
    obligation.refresh_from_db()
    assert obligation.is_open
    client.post(
        f"/en/reporting/obligations/{obligation.pk}/waive/",
        {
            "reason_en": "The Welsh Government did not take part.",
            "reason_cy": "Ni chymerodd Llywodraeth Cymru ran.",
        },
    )
    obligation.refresh_from_db()
    assert (
        obligation.waived_by == users["approver"]
        and obligation.waived_reason_cy == "Ni chymerodd Llywodraeth Cymru ran."
    )


def test_the_deadline_calendar_feed(client, users, seeded):
    client.force_login(users["drafter"])
    client.post("/cy/reporting/calendar/")
    token = CalendarToken.objects.get(user=users["drafter"])
    assert token.token in client.get("/cy/reporting/calendar/").content.decode()
    client.logout()
    response = client.get(f"/cy/reporting/calendar/{token.token}.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    open_count = Obligation.objects.filter(met_on__isnull=True, waived_on__isnull=True).count()
    assert len(events) == open_count > 0
    first = events[0]
    assert str(first["SUMMARY"]).startswith(("Llythyr", "Datganiad", "Hysbysiad", "Adroddiad"))
    assert isinstance(first.decoded("DTSTART"), dt.date) and list(first.walk("VALARM"))
    assert client.get("/cy/reporting/calendar/not-a-real-token-at-all-000.ics").status_code == 404
    users["drafter"].is_active = False
    users["drafter"].save()
    assert client.get(f"/cy/reporting/calendar/{token.token}.ics").status_code == 404


REPORTING_MODELS = [m for m in admin.site._registry if m._meta.app_label == "reporting"]


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("model", REPORTING_MODELS, ids=lambda m: m._meta.model_name)
def test_admin_pages_render(client, django_user_model, seeded, model, language):
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.gov.wales", None))
    opts = model._meta
    obj = model.objects.first()
    with translation.override(language):
        urls = [reverse(f"admin:reporting_{opts.model_name}_changelist")]
        if obj is not None:
            urls.append(reverse(f"admin:reporting_{opts.model_name}_change", args=[obj.pk]))
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'lang="{language}"' in response.content.decode()


def test_recording_a_delivery_in_the_admin_meets_the_obligation(client, django_user_model, seeded):
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.gov.wales", None))
    other = Obligation.objects.filter(met_on__isnull=True, waived_on__isnull=True).first()
    url = reverse("admin:reporting_obligation_change", args=[other.pk])
    response = client.post(url, {"met_on": "2023-09-12", "met_by_record": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    other.refresh_from_db()
    assert other.met_on == D(2023, 9, 12) and other.history[-1]["what"] == "met"
