"""Cached public aggregates and page fragments, keyed on the register version.

Counting across a register of 100,000 meetings costs hundreds of milliseconds on SQLite, and building a
meeting's page costs more in Python than in the database, but the register changes a few times a day while pages
are read constantly. Every change that goes through the ORM bumps ``RegisterVersion`` (``igr.public.listeners``;
``igr rebuild_search`` does too after bulk loads), which retires every cached entry at once, in every process,
since the version lives in the database; a short timeout bounds staleness after writes that bypass both. The
cache itself is shared by the web server's workers (``CACHES`` in settings: files under ``IGR_CACHE_DIR``).

What is cached: plain data built from the published-only querysets (``cached``), and HTML fragments rendered
from them in one language (``cached_fragment``), keyed on everything else they depend on (the language, and
whether the reader is an official where that changes the fragment). Never a whole response: the page around a
fragment (its CSP nonce, the reader's name, the language switcher) is rendered for each request.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

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


def cached_fragment(name: str, render: Callable[[], str], *key_parts: Any) -> SafeString:
    """HTML that ``render()`` made from published records, in the active language, cached like ``cached``.

    ``render`` must escape what it renders (a template does) and depend on nothing but the register, the
    language and ``key_parts``.
    """
    return mark_safe(cached(name, lambda: str(render()), get_language(), *key_parts))
