"""A document's own free text, laid over the register's record while the document is composed.

Drafters and translators write the Welsh Government's positions, agenda titles, roles and the other free text
for one document (``ReportDocument.texts``) and may add paragraphs of their own (``ReportDocument.paragraphs``).
The register's record is where each passage starts from, and the workflow never writes to it: a draft is seen
only by officials until it is published, and then only as its frozen edition.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

LANGUAGES = ("en", "cy")


@dataclass(frozen=True)
class Passages:
    texts: dict[str, dict[str, str]] = field(default_factory=dict)
    paragraphs: tuple[dict[str, str], ...] = ()


NONE = Passages()
_current: ContextVar[Passages | None] = ContextVar("igr_reporting_passages", default=None)


def _in_force() -> Passages:
    return _current.get() or NONE


def key(obj, name: str) -> str:
    """The passage's name: ``agendaitem-12-position``."""
    return f"{obj._meta.model_name}-{obj.pk}-{name}"


def text(obj, name: str, language: str) -> str:
    """The passage in ``language``: the document's own text if it has one, else the record's."""
    own = _in_force().texts.get(key(obj, name))
    if own is not None and language in own:
        return (own[language] or "").strip()
    return (getattr(obj, f"{name}_{language}", "") or "").strip()


def paragraphs() -> tuple[dict[str, str], ...]:
    """The paragraphs the minister adds to the document being composed, each in both languages."""
    return _in_force().paragraphs


@contextmanager
def using(texts: dict | None, added: list | None = None) -> Iterator[None]:
    """Compose with a document's own passages in force."""
    token = _current.set(
        Passages(
            dict(texts or {}),
            tuple(p for p in (added or []) if any((p.get(lang) or "").strip() for lang in LANGUAGES)),
        )
    )
    try:
        yield
    finally:
        _current.reset(token)
