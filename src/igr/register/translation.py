"""Bilingual fields: every translatable field is stored once per language (``name_en``, ``name_cy``).

Reading a field for the active language never silently substitutes the other language: a missing value
comes back marked ``missing`` so pages and documents can show that the Welsh (or English) is absent.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import get_language

LANGUAGE_CODES = ("en", "cy")


def current_language() -> str:
    lang = (get_language() or "en")[:2]
    return lang if lang in LANGUAGE_CODES else "en"


@dataclass(frozen=True)
class Translated:
    """A field's value in one language, with the other language's text kept for display when missing."""

    text: str
    language: str
    missing: bool = False
    fallback: str = ""
    fallback_language: str = ""

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)


def translated(obj: object, field: str, language: str | None = None) -> Translated:
    lang = language or current_language()
    other = "cy" if lang == "en" else "en"
    text = (getattr(obj, f"{field}_{lang}", "") or "").strip()
    if text:
        return Translated(text, lang)
    fallback = (getattr(obj, f"{field}_{other}", "") or "").strip()
    return Translated("", lang, missing=bool(fallback), fallback=fallback, fallback_language=other)


def missing_translations(obj: object, fields: tuple[str, ...]) -> list[str]:
    """Fields with text in one language but not the other: what a translator still owes."""
    return [
        f"{field}_{lang}"
        for field in fields
        for lang in LANGUAGE_CODES
        if not (getattr(obj, f"{field}_{lang}", "") or "").strip()
        and (getattr(obj, f"{field}_{'cy' if lang == 'en' else 'en'}", "") or "").strip()
    ]


class BilingualMixin(models.Model):
    """Gives a model ``tr(field)`` and a declared list of its bilingual fields."""

    bilingual_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def tr(self, field: str, language: str | None = None) -> Translated:
        return translated(self, field, language)

    @property
    def missing_translations(self) -> list[str]:
        return missing_translations(self, self.bilingual_fields)
