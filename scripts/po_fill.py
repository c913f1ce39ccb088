"""Fill a Welsh catalogue from a dict of translations (a maintenance aid; the .po stays the source of truth).

Usage: python scripts/po_fill.py PATH_TO_PO TRANSLATIONS_PY
The translations file defines T = {msgid: msgstr} and optionally PLURALS = {msgid: [forms...]}.
Prints the msgids still untranslated.
"""

from __future__ import annotations

import runpy
import sys

from babel.messages.catalog import Message
from babel.messages.pofile import read_po, write_po


def main(po_path: str, translations_path: str) -> int:
    data = runpy.run_path(translations_path)
    table: dict[str, str] = data.get("T", {})
    plurals: dict[str, list[str]] = data.get("PLURALS", {})
    with open(po_path, "rb") as fh:
        catalog = read_po(fh, locale="cy")
    for msg in catalog:
        if not msg.id:
            continue
        key = msg.id[0] if isinstance(msg.id, tuple) else msg.id
        if isinstance(msg.id, tuple) and key in plurals:
            msg.string = tuple(plurals[key][: catalog.num_plurals])
        elif key in table:
            msg.string = table[key]
        msg.flags.discard("fuzzy")
    for context, msgid in (("alt. month", "July"), (None, "July")):
        if catalog.get(msgid, context=context) is None:
            catalog[msgid] = Message(msgid, "Gorffennaf", context=context)
    with open(po_path, "wb") as fh:
        write_po(fh, catalog, width=0, omit_header=False)
    missing = [
        m.id for m in catalog if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)
    ]
    for m in missing:
        print("untranslated:", m)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
