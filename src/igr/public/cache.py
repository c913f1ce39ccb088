"""Cached public aggregates (facet counts, per-body figures, reporting statistics), keyed on the register version.

Counting across a register of 100,000 meetings costs hundreds of milliseconds on SQLite, but the register
changes a few times a day while pages are read constantly. Every change that goes through the ORM bumps
``RegisterVersion`` (``igr.public.listeners``; ``igr rebuild_search`` does too after bulk loads), which retires every
cached figure at once; a short timeout bounds staleness after writes that bypass both. Only plain data built
from the published-only querysets is cached, never HTML or a language's labels.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache

from .models import RegisterVersion

T = TypeVar("T")
TIMEOUT = 600


def current_version() -> str:
    row = RegisterVersion.objects.filter(pk=1).values_list("token", flat=True).first()
    return row or "none"


def bump() -> None:
    """Record that the register changed: every cached aggregate is recomputed on next use."""
    RegisterVersion.objects.update_or_create(pk=1, defaults={"token": uuid.uuid4().hex})


def cached(name: str, compute: Callable[[], T], *key_parts: Any, version: str | None = None) -> T:
    """``compute()``'s result for this register version and these key parts, computed at most once per version."""
    version = version or current_version()
    if version == "none":  # nothing has recorded a change yet: no safe key, so compute afresh
        return compute()
    digest = hashlib.sha1(repr(key_parts).encode()).hexdigest()[:16]
    key = f"igr-public:{version}:{name}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value
