"""Requests carrying a NUL character are refused before any view reads them.

Why: PostgreSQL cannot hold NUL in text, so a filter, key or search term with one in it would fail inside the
database (a 500) where SQLite merely finds nothing. No key, reference or search term of the register can contain
one, so the request is refused in one place: the API answers 422 (as for any invalid parameter), pages 400.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _


def carries_nul(request: HttpRequest) -> bool:
    if "\x00" in request.path_info:
        return True
    return any(
        "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
    )


def refuse_nul_characters(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        if carries_nul(request):
            message = _("The address holds a character no record of the register can contain.")
            if request.path_info.startswith("/api/"):
                return JsonResponse({"detail": message}, status=422)
            raise BadRequest(message)
        return get_response(request)

    return middleware
