"""Links between records in the audit trail: a document's meetings, an agreement's parties and bodies, a body's
member governments, a report's subject committees. Changing a link is a change of the linking record, kept with
who and when, and shown on its trail page in both languages, whichever side the link was changed from.

The defect: many-to-many changes were not recorded at all (only a record's own fields were).
"""

from __future__ import annotations

import datetime as dt

import pytest

from igr.register.history import acting
from igr.register.models import Agreement, Body, Document, Government, Meeting

from .test_trail import official, page

pytestmark = pytest.mark.django_db
D = dt.date


def cells(entry: str) -> list[str]:
    """The before and after cells of an entry's one changed field."""
    return [c.split("</td>")[0] for c in entry.split('<td class="govuk-table__cell">')[1:3]]


@pytest.fixture
def meetings() -> list[Meeting]:
    body = Body.objects.create(
        key="img-test",
        tier="img",
        name_en="Test Interministerial Group",
        name_cy="Grŵp Rhyngweinidogol Prawf",
    )
    return [Meeting.objects.create(body=body, date=D(2031, 3, day)) for day in (4, 11, 18)]


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_documents_meetings_changed_show_who_when_and_which(client, meetings, lang):
    first, second, third = meetings
    document = Document.objects.create(kind="letter", title_en="Letter", date=D(2031, 3, 20))
    document.meetings.add(first)
    rhys = official("rhys", first_name="Rhys", last_name="Owen")
    with acting(rhys, via="command", command="shell"):
        document.meetings.set([second])
    nia = official("nia", first_name="Nia", last_name="Huws")
    with acting(nia):
        third.documents.add(document)  # from the meeting's side: still the document's change
    client.force_login(rhys)
    text = page(client, f"/{lang}/audit/document/{document.pk}/")
    added_third, added_second, removed_first = text.split('data-kind="changed"')[1:4]
    group, march, by, label = (
        ("Test Interministerial Group", "March", "by", "Meetings")
        if lang == "en"
        else ("Grŵp Rhyngweinidogol Prawf", "Mawrth", "gan", "Cyfarfodydd")
    )
    assert f"{by} Nia Huws" in added_third and label in added_third
    assert cells(added_third) == [
        f"{group} — 11 {march} 2031",
        f"{group} — 11 {march} 2031<br>{group} — 18 {march} 2031",
    ]
    assert f"{by} Rhys Owen" in added_second and cells(added_second) == ["—", f"{group} — 11 {march} 2031"]
    assert f"{by} Rhys Owen" in removed_first and cells(removed_first) == [f"{group} — 4 {march} 2031", "—"]
    assert ("By the command" if lang == "en" else "Gan y gorchymyn") in removed_first


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_an_agreements_parties_cleared_from_the_governments_side_are_kept(client, lang):
    wales = Government.objects.create(
        key="wales-test", name_en="Welsh Government", name_cy="Llywodraeth Cymru"
    )
    agreement = Agreement.objects.create(key="mou-test", kind="mou", title_en="Test MoU")
    agreement.parties.add(wales)
    clerk = official("clerk")
    with acting(clerk):
        wales.agreements.clear()
    assert not agreement.parties.exists()
    client.force_login(clerk)
    text = page(client, f"/{lang}/audit/agreement/{agreement.pk}/")
    cleared = text.split('data-kind="changed"')[1]
    assert ("by clerk" if lang == "en" else "gan clerk") in cleared
    assert ("Parties" if lang == "en" else "Partïon") in cleared
    assert cells(cleared) == ["Welsh Government" if lang == "en" else "Llywodraeth Cymru", "—"]
