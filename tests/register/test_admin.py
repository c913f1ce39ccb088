"""Every admin list, add and change page renders, in English and in Welsh."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import translation

from igr.register.models import Meeting

pytestmark = pytest.mark.django_db

REGISTER_MODELS = [m for m in admin.site._registry if m._meta.app_label == "register"]


@pytest.fixture
def signed_in(client, django_user_model, demo):
    user = django_user_model.objects.create_superuser(
        "official", "official@example.gov.wales", "a-long-test-password"
    )
    client.force_login(user)
    return client


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("model", REGISTER_MODELS, ids=lambda m: m._meta.model_name)
def test_admin_pages_render(signed_in, model, language):
    opts = model._meta
    name = f"admin:{opts.app_label}_{opts.model_name}"
    obj = model.objects.first()
    with translation.override(language):
        pages = [reverse(f"{name}_changelist"), reverse(f"{name}_add")]
        if obj is not None:
            pages.append(reverse(f"{name}_change", args=[obj.pk]))
    for url in pages:
        assert url.startswith(f"/{language}/")
        response = signed_in.get(url)
        assert response.status_code == 200, url
        assert f'lang="{language}"' in response.content.decode()


def test_admin_is_welsh_under_cy(signed_in):
    html = signed_in.get("/cy/admin/register/meeting/").content.decode()
    assert (
        "Gweinyddu'r Gofrestr Cysylltiadau Rhynglywodraethol" in html or "Gweinyddu&#x27;r Gofrestr" in html
    )
    assert "Cyfarfodydd" in html or "cyfarfodydd" in html


def test_admin_search_and_filter(signed_in):
    response = signed_in.get("/en/admin/register/meeting/", {"q": "Braverman"})
    assert response.status_code == 200
    assert "img-safety-security-migration/2023-07-11" in response.content.decode()
    response = signed_in.get("/en/admin/register/meeting/", {"status__exact": "cancelled"})
    assert "img-safety-security-migration/2023-07-11" not in response.content.decode()


def test_meeting_change_page_has_attendance_and_agenda_inlines(signed_in):
    meeting = Meeting.objects.get(reference="img-safety-security-migration/2023-07-11")
    html = signed_in.get(f"/cy/admin/register/meeting/{meeting.pk}/change/").content.decode()
    assert "attendances-TOTAL_FORMS" in html and "agenda_items-TOTAL_FORMS" in html
    assert "Cathy Galway" in html


def test_admin_requires_sign_in(client, demo):
    response = client.get("/en/admin/register/meeting/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_welsh_admin_has_no_english_left_from_django(signed_in):
    """Django's Welsh leaves some admin strings in English; the project's overrides fill them."""
    html = signed_in.get("/cy/admin/").content.decode()
    assert "Gweld y wefan" in html and "View site" not in html
    assert "Gweithredoedd diweddar" in html
    js = signed_in.get("/cy/admin/jsi18n/").content.decode()
    assert "Gorffennaf" in js and 'Gorffenaf"' not in js


@pytest.mark.parametrize(
    ("language", "message"),
    [("en", "Someone else changed this record"), ("cy", "Mae rhywun arall wedi newid y cofnod hwn")],
)
def test_two_officials_editing_a_meeting_at_once(signed_in, language, message):
    """The second save is refused with a clear message; the first official's change stands."""
    meeting = Meeting.objects.get(reference="img-safety-security-migration/2023-07-11")
    url = f"/{language}/admin/register/meeting/{meeting.pk}/change/"
    form = signed_in.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, (list, dict))}
    data.update(
        {
            "body": meeting.body_id,
            "date": "2023-07-11",
            "date_precision": "day",
            "status": "held",
            "mode": "virtual",
            "version": form.fields["version"].initial,
            "chair": meeting.chair_id,
            "published": "on",
            "ordinal": 2,
            "attendances-TOTAL_FORMS": 0,
            "attendances-INITIAL_FORMS": 0,
            "agenda_items-TOTAL_FORMS": 0,
            "agenda_items-INITIAL_FORMS": 0,
            "register-provenance-content_type-object_id-TOTAL_FORMS": 0,
            "register-provenance-content_type-object_id-INITIAL_FORMS": 0,
        }
    )
    Meeting.objects.filter(pk=meeting.pk).update(
        location_en="Lancaster House"
    )  # the other official saves first
    Meeting.objects.get(pk=meeting.pk).save()
    response = signed_in.post(url, {**data, "location_en": "Cardiff"})
    assert response.status_code == 200 and message in response.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).location_en == "Lancaster House"
