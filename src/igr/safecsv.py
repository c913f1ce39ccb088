"""CSV that a spreadsheet program cannot run: the one place every CSV the register writes goes through.

A cell that starts with = + - @ (or a tab or carriage return, which some programs skip before reading a
formula) is taken as a formula by Excel, LibreOffice and Google Sheets: a meeting title such as
``=HYPERLINK("http://…")`` would become a live link or worse. Such cells get a leading apostrophe, which the
programs show as text; numbers (``-3``, ``-1.5``) are left alone. The full-width forms count too.
"""

from __future__ import annotations

import csv
import re
from typing import Any

FORMULA_START = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def neutralise(value: Any) -> Any:
    """The cell as text a spreadsheet shows, never evaluates; non-strings pass through."""
    if not isinstance(value, str) or not value or value[0] not in FORMULA_START or NUMBER.fullmatch(value):
        return value
    return "'" + value


class _Writer:
    def __init__(self, inner) -> None:
        self._inner = inner

    def writerow(self, row):
        return self._inner.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows) -> None:
        for row in rows:
            self.writerow(row)


def writer(stream, *args, **kwargs) -> _Writer:
    """csv.writer whose every cell is neutralised."""
    return _Writer(csv.writer(stream, *args, **kwargs))


class DictWriter:
    """csv.DictWriter whose every cell is neutralised (same arguments; the header row is written as given)."""

    def __init__(self, stream, fieldnames, restval: Any = "", extrasaction: str = "raise", **kwargs) -> None:
        self.fieldnames = list(fieldnames)
        self.restval, self.extrasaction = restval, extrasaction
        self._writer = writer(stream, **kwargs)

    def writeheader(self):
        return self._writer.writerow(self.fieldnames)

    def writerow(self, rowdict: dict):
        if self.extrasaction == "raise" and (extra := set(rowdict) - set(self.fieldnames)):
            raise ValueError(f"dict contains fields not in fieldnames: {sorted(extra)}")
        return self._writer.writerow([rowdict.get(key, self.restval) for key in self.fieldnames])

    def writerows(self, rows) -> None:
        for row in rows:
            self.writerow(row)
