"""The address a request came from, for sign-in throttling.

Behind the front server every request arrives from 127.0.0.1, so throttling on REMOTE_ADDR would lock every
official out together. With IGR_PROXY_COUNT proxies in front, the client is the address that the outermost of
them appended to X-Forwarded-For; entries further left were written by the client and cannot be trusted.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    count = getattr(settings, "IGR_PROXY_COUNT", 0)
    remote = request.META.get("REMOTE_ADDR", "")
    if count <= 0:
        return remote
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
    return hops[-count] if len(hops) >= count else remote
