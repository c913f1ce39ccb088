"""Template context every page needs: the service name and the language switcher's links."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import gettext as _

from igr.register.translation import current_language


def site(request: HttpRequest) -> dict[str, object]:
    path = request.get_full_path()
    return {
        "service_name": _("IGR Register"),
        "current_language": current_language(),
        "language_links": [
            {"code": "en", "label": "English", "url": translate_url(path, "en")},
            {"code": "cy", "label": "Cymraeg", "url": translate_url(path, "cy")},
        ],
    }
