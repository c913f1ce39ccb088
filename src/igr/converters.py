"""Path converters shared by every app's addresses.

A record id in an address is a database key, 64-bit on both databases. A longer number cannot name a record,
so it answers 404 like any unknown id instead of reaching the database and failing there (OverflowError, 500).
Eighteen digits always fit in 64 bits; ``RecordId.regex`` is also what regular-expression routes embed.
"""

from __future__ import annotations


class RecordId:
    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(int(value))
