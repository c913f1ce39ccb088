"""Welsh is never a silent fallback, dates are written the Welsh way, and the catalogue is complete."""

from __future__ import annotations

import datetime as dt
import gettext
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.utils import translation
from django.utils.formats import date_format

import igr
from igr.register.dates import format_date, format_date_precision
from igr.register.models import Body
from igr.register.templatetags.igr import longdate, moment, tr
from igr.register.translation import translated

CATALOGUES = sorted(Path(igr.__file__).parent.rglob("cy/LC_MESSAGES/*.po"))


def test_welsh_dates_are_spelt_correctly():
    assert format_date(dt.date(2023, 7, 11), "cy") == "11 Gorffennaf 2023"
    assert format_date(dt.date(2023, 9, 25), "cy") == "25 Medi 2023"
    assert format_date(dt.date(2023, 9, 25), "en") == "25 September 2023"
    assert format_date_precision(dt.date(2023, 11, 1), "month", "cy") == "Tachwedd 2023"
    assert format_date_precision(dt.date(2023, 11, 1), "year", "cy") == "2023"


def test_a_moment_is_dated_on_the_register_clock_not_utc():
    """23:30 UTC on a summer evening is already the next day in London, where the register is kept."""
    late = dt.datetime(2023, 7, 11, 23, 30, tzinfo=dt.UTC)
    with translation.override("en"):
        assert longdate(late) == "12 July 2023"
    with translation.override("cy"):
        assert longdate(late) == "12 Gorffennaf 2023"
        assert longdate(dt.datetime(2023, 1, 11, 23, 30, tzinfo=dt.UTC)) == "11 Ionawr 2023"


def test_a_moment_reads_the_same_way_on_every_officials_page():
    """Day in words, then the time on London's clock: 08:05 UTC on a summer morning is 09:05 there."""
    summer = dt.datetime(2023, 7, 11, 8, 5, tzinfo=dt.UTC)
    with translation.override("en"):
        assert moment(summer) == "11 July 2023, 09:05"
        assert moment(None) == ""
    with translation.override("cy"):
        assert moment(summer) == "11 Gorffennaf 2023, 09:05"


def test_django_july_is_corrected_in_welsh():
    with translation.override("cy"):
        assert date_format(dt.date(2023, 7, 11), "j F Y") == "11 Gorffennaf 2023"


def test_missing_welsh_is_shown_as_missing_not_filled_with_english():
    body = Body(name_en="Interministerial Group for Trade", name_cy="")
    value = translated(body, "name", "cy")
    assert value.text == "" and value.missing and value.fallback == "Interministerial Group for Trade"
    with translation.override("cy"):
        html = tr(body, "name")
    assert "Cymraeg ar goll" in html and 'lang="en"' in html
    assert translated(Body(name_en="X", name_cy="Y"), "name", "cy").text == "Y"


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: str(p.relative_to(Path(igr.__file__).parent)))
def test_welsh_catalogue_has_no_untranslated_or_fuzzy_entry(po_path):
    with po_path.open("rb") as fh:
        catalog = read_po(fh, locale="cy")
    untranslated = [
        m.id for m in catalog if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)
    ]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not untranslated, f"untranslated in {po_path}: {untranslated}"
    assert not fuzzy, f"fuzzy in {po_path}: {fuzzy}"
    with po_path.with_suffix(".mo").open("rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    for message in catalog:
        if message.id and not isinstance(message.id, tuple):
            got = (
                compiled.pgettext(message.context, message.id)
                if message.context
                else compiled.gettext(message.id)
            )
            assert got == message.string, f"{po_path.name}.mo is stale for {message.id!r}: run make messages"


def test_catalogue_exists():
    assert CATALOGUES, "no Welsh catalogue found"
