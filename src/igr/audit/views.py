"""Officials' page of one record's audit trail: every change, by whom and when, in either language."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from .models import MANAGER
from .trail import tracked, trail


def record_history(request: HttpRequest, model: str, pk: int) -> HttpResponse:
    """Signed-in officials (staff) only: the trail holds what was never published."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not (request.user.is_active and request.user.is_staff):
        raise PermissionDenied
    cls = tracked(model)
    entries = trail(cls, pk) if cls is not None else []
    if not entries:
        raise Http404
    record = cls._base_manager.filter(pk=pk).first()
    if record is None:  # deleted: named as it last was
        record = getattr(cls, MANAGER).filter(id=pk).order_by("-history_date", "-history_id").first().instance
    return render(
        request,
        "audit/record.html",
        {
            "entries": entries,
            "record": record,
            "kind": cls._meta.verbose_name,
            "deleted": entries[0].kind == "deleted",
        },
    )
