"""A record's audit trail as officials read it: each change with when, who, through what, and what changed.

Why values are shown as the register shows them (a choice's label, a date in the page's language, a related
record's name): an official checking who postponed a meeting needs "Postponed" and "11 Gorffennaf 2023", not
"postponed" and an id.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import get_m2m_reverse_field_name

from igr.register.dates import format_date
from igr.register.translation import current_language

from .models import LINKS, MANAGER, TRACKED

HIDDEN = {"id", "created_at", "updated_at"}  # the id never changes; the timestamps change with every save
KINDS = {"+": "created", "~": "changed", "-": "deleted"}


@dataclass
class Change:
    label: str
    before: str
    after: str


@dataclass
class Entry:
    when: dt.datetime
    user: Any
    kind: str  # created, changed, deleted
    via: dict[str, Any]
    changes: list[Change] = field(default_factory=list)

    @property
    def reason(self) -> str:
        """The reason the official gave, in the page's language (the other language when only it was given)."""
        first, second = ("cy", "en") if current_language() == "cy" else ("en", "cy")
        return self.via.get(first) or self.via.get(second) or ""


def tracked(name: str) -> type[models.Model] | None:
    """A tracked model by its name in addresses (``meeting``, ``reportdocument``)."""
    return next((m for m in TRACKED if m._meta.model_name == name), None)


def address_name(obj: models.Model) -> str | None:
    """The name of ``obj``'s model in addresses, or None when its changes are not kept."""
    return obj._meta.model_name if type(obj) in TRACKED else None


def shown(f: models.Field, value: Any) -> str:
    """One field's value as the register shows it, in the page's language."""
    if value is None or value == "":
        return "—"
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(f, models.ForeignKey):
        related = f.related_model._base_manager.filter(pk=value).first()
        return str(related) if related is not None else _("record %(id)s (deleted)") % {"id": value}
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, dt.datetime):
        local = timezone.localtime(value)
        return f"{format_date(local.date(), current_language())} {local:%H:%M}"
    if isinstance(value, dt.date):
        return format_date(value, current_language())
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, indent=1)
    return str(value)


def _fields(model: type[models.Model]) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if f.name not in HIDDEN and (f.editable or f.name == "reference")
    ]


def _via(raw: str | None) -> dict[str, Any]:
    try:
        data = json.loads(raw or "{}")
    except ValueError:
        return {"en": raw, "cy": raw}
    return data if isinstance(data, dict) else {}


def _links(model: type[models.Model], rows: list[Any]) -> dict[str, dict[int, set[Any]]]:
    """Each many-to-many field's links as every history row kept them: field name -> history id -> linked ids."""
    kept: dict[str, dict[int, set[Any]]] = {}
    for name in LINKS.get(model, []):
        other = get_m2m_reverse_field_name(model._meta.get_field(name))
        history_links = getattr(getattr(model, MANAGER).model, name).model
        by_row: dict[int, set[Any]] = {row.history_id: set() for row in rows}
        for history_id, linked in history_links.objects.filter(
            history__in=[r.history_id for r in rows]
        ).values_list("history_id", f"{other}_id"):
            by_row[history_id].add(linked)
        kept[name] = by_row
    return kept


def _named(ids: set[Any], names: dict[Any, str]) -> str:
    if not ids:
        return "—"
    missing = _("record %(id)s (deleted)")
    return "\n".join(sorted(names.get(i) or missing % {"id": i} for i in ids))


def _link_changes(
    model: type[models.Model], links: dict[str, dict[int, set[Any]]], row, previous
) -> list[Change]:
    changes = []
    for name, by_row in links.items():
        f: Any = model._meta.get_field(name)
        after, before = by_row[row.history_id], by_row[previous.history_id] if previous is not None else set()
        if after != before:
            names = {r.pk: str(r) for r in f.related_model._base_manager.filter(pk__in=after | before)}
            changes.append(Change(str(f.verbose_name), _named(before, names), _named(after, names)))
    return changes


def trail(model: type[models.Model], pk: int) -> list[Entry]:
    """Every kept change of one record, newest first; a change that altered no shown field is left out."""
    rows = list(
        getattr(model, MANAGER)
        .filter(id=pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    fields = _fields(model)
    links = _links(model, rows)
    entries: list[Entry] = []
    previous = None
    for row in rows:
        kind = KINDS[row.history_type]
        changes = []
        if kind != "deleted":
            for f in fields:
                after = getattr(row, f.attname)
                before = getattr(previous, f.attname) if previous is not None else None
                if after != before and not (previous is None and after in (None, "", [], {})):
                    changes.append(
                        Change(str(f.verbose_name), shown(f, before) if previous else "—", shown(f, after))
                    )
            changes += _link_changes(model, links, row, previous)
        if changes or kind != "changed":
            entries.append(
                Entry(row.history_date, row.history_user, kind, _via(row.history_change_reason), changes)
            )
        previous = row
    return entries[::-1]
