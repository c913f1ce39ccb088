"""Welsh-aware normalisation: the same terms for both engines, with real Welsh under mutation."""

from __future__ import annotations

import pytest

from igr.public.search.normalise import fold, index_terms, query_groups, radicals, words


def test_fold_removes_diacritics_and_unifies_apostrophes():
    assert fold("Grŵp Rhyngweinidogol’r") == "grwp rhyngweinidogol'r"
    assert fold("ŷ ŵ â ê î ô û") == "y w a e i o u"
    assert words("Nhŷ’r Cyffredin a'r Gweinidog") == ["nhy", "r", "cyffredin", "a", "r", "gweinidog"]


@pytest.mark.parametrize(
    ("mutated", "radical"),
    [
        ("gymru", "cymru"),  # soft
        ("nghymru", "cymru"),  # nasal
        ("chymru", "cymru"),  # aspirate
        ("nhy", "ty"),  # nasal of tŷ
        ("ddatganiad", "datganiad"),  # soft of d
        ("lywodraeth", "llywodraeth"),
        ("raglen", "rhaglen"),
        ("fwrdd", "bwrdd"),
        ("fehefin", "mehefin"),
        ("weinidog", "gweinidog"),  # soft mutation drops g
        ("mhontypridd", "pontypridd"),
        ("phwyllgor", "pwyllgor"),
        ("thymor", "tymor"),
        ("henw", "enw"),  # h-prothesis
    ],
)
def test_mutated_words_lead_back_to_their_radical(mutated, radical):
    assert radical in radicals(mutated)


def test_radical_consonants_are_not_read_as_mutations():
    assert radicals("llywodraeth") == {"llywodraeth"}
    assert "h" + "ydd" not in radicals("rhydd")
    assert radicals("ffordd") == {"ffordd"}


def test_index_and_query_meet_on_a_shared_radical():
    indexed = set(index_terms("Grŵp Rhyngweinidogol yng Nghymru").split())
    for query in ("grwp", "Gymru", "Cymru", "rhyngweinidogol"):
        assert all(set(group) & indexed for group in query_groups(query)), query
    assert not all(set(group) & indexed for group in query_groups("Lloegr"))


def test_query_groups_are_safe_terms_only():
    groups = query_groups('"grwp" OR NEAR(x) -- ; DROP \'r')
    assert all(term.isalnum() for group in groups for term in group)
    assert query_groups("  ’  ") == []
