"""A person in a real browser: filtering meetings, searching in Welsh, switching language in place, keyboard use."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    ("language", "body_label", "apply", "one_meeting"),
    [
        ("en", "Body", "Apply filters", "3 meetings"),
        ("cy", "Corff", "Defnyddio'r hidlyddion", "3 chyfarfod"),
    ],
)
def test_filter_meetings_by_body_and_year(live_server, page, demo, language, body_label, apply, one_meeting):
    page.goto(f"{live_server.url}/{language}/meetings/")
    option = page.locator("#filter-body option[value='img-elections']").inner_text()
    assert re.search(r"\(3\)$", option)  # the count the choice would show
    page.get_by_label(body_label, exact=True).select_option("img-elections")
    page.get_by_role("button", name=apply).click()
    assert "body=img-elections" in page.url
    assert page.locator("caption", has_text=one_meeting).is_visible()
    assert page.locator("#filter-body").input_value() == "img-elections"
    # the CSV link carries the same filters
    assert "body=img-elections" in page.get_by_role("link", name="CSV").get_attribute("href")


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("cy", "grwp diogelwch", "Grŵp Rhyngweinidogol ar Ddiogelwch, Diogeledd a Mudo"),
        ("en", "Braverman", "Suella Braverman"),
    ],
)
def test_search_from_the_home_page(live_server, page, demo, language, query, expected):
    page.goto(f"{live_server.url}/{language}/")
    page.locator("#home-q").fill(query)
    page.locator("#home-q").press("Enter")
    assert f"/{language}/search/" in page.url
    results = page.locator("ol.igr-results")
    assert expected in results.inner_text()
    assert results.locator("mark").count() >= 1


@pytest.mark.parametrize(
    "path",
    [
        "meetings/?body=img-elections",
        "bodies/img-safety-security-migration/",
        "people/jane-hutt/",
        "search/?q=grwp",
    ],
)
def test_language_switch_stays_on_the_same_page(live_server, page, demo, path):
    page.goto(f"{live_server.url}/en/{path}")
    page.get_by_role("link", name="Cymraeg").click()
    assert page.url == f"{live_server.url}/cy/{path}"
    assert page.locator("html").get_attribute("lang") == "cy"
    page.get_by_role("link", name="English").click()
    assert page.url == f"{live_server.url}/en/{path}"


def test_keyboard_reaches_the_content_and_the_filters(live_server, page, demo):
    page.goto(f"{live_server.url}/en/meetings/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main-content")
    seen = []
    for _ in range(12):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("document.activeElement.id || document.activeElement.tagName"))
    assert "filter-body" in seen and "filter-year" in seen
    page.locator("#filter-body").focus()
    page.keyboard.press("ArrowDown")  # the first body in the list, chosen from the keyboard
    assert page.locator("#filter-body").input_value() != ""
    page.get_by_role("button", name="Apply filters").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "body=" in page.url
    # Every link and control shows a visible focus indicator.
    page.get_by_role("link", name="Bodies").first.focus()
    outline = page.evaluate(
        "getComputedStyle(document.activeElement).boxShadow + getComputedStyle(document.activeElement).backgroundColor"
    )
    assert outline and outline != "none"
