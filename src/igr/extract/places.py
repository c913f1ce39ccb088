"""Places where the governments meet, by their Welsh names, so that a Welsh place name can be read back to its radical.

Why a list: after "yn" a place name takes the nasal mutation, and "yn N…" or "ym M…" may be the radical form
("yn Nefyn", "ym Machynlleth") or the mutated one ("yn Nulyn" is Dulyn, "ym Melffast" is Belffast). The mutation
rules live in ``igr.welsh``; which radical is a place is knowledge of the world: the capitals and seats of the
British-Irish Council's members, and the towns of the four nations where their ministers meet.
"""

from __future__ import annotations

from igr.welsh import place_after_yn, radicals

PLACES_CY = frozenset(
    {
        # The capitals and seats of government of the British-Irish Council's members.
        "caerdydd", "llundain", "caeredin", "belffast", "dulyn", "douglas",
        # Where their ministers also meet: towns and cities of the four nations, by their Welsh names.
        "abertawe", "bangor", "aberystwyth", "caerfyrddin", "casnewydd", "wrecsam", "llandudno", "dinbych",
        "dolgellau", "bryste", "birmingham", "manceinion", "lerpwl", "glasgow", "aberdeen", "inverness",
        "derry", "armagh", "brwsel", "blackpool", "stirling", "perth",
    }
)  # fmt: skip


def radical_place(preposition: str, word: str) -> str:
    """A place name written after "yn"/"yng"/"ym" in its radical form: by the mutation alone where that is
    unambiguous, else the one radical that is a known place, else as written."""
    plain = place_after_yn(preposition, word)
    if plain != word or preposition.lower() not in ("yn", "ym"):
        return plain
    known = [r for r in radicals(word.lower()) if r != word.lower() and r in PLACES_CY]
    return known[0].capitalize() if len(known) == 1 else word
