"""ETag and Last-Modified on every API answer, and conditional requests answered with 304.

The ETag is a hash of the body itself, so it is right whatever changed (a record, a published edition, the day
on which a deadline is judged). Last-Modified is the later of the register's last recorded change
(``igr.public.cache``'s version row, which every register event moves) and the start of today, since an obligation's
status moves with the date even when nothing is saved.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from igr.public.models import RegisterVersion

MAX_AGE = 60


def last_modified(today: dt.date) -> dt.datetime:
    changed = RegisterVersion.objects.filter(pk=1).values_list("changed_at", flat=True).first()
    midnight = timezone.make_aware(dt.datetime.combine(today, dt.time.min))
    return max(changed, midnight) if changed else midnight


def conditional(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Add validators to a successful answer and turn it into 304 (or 412) when the request's preconditions say so."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"  # open data: any page may read it
        if response.status_code != 200 or getattr(response, "streaming", False):
            return response
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        changed = last_modified(timezone.localdate())
        response["ETag"] = etag
        response["Last-Modified"] = http_date(changed.timestamp())
        patch_cache_control(response, public=True, max_age=MAX_AGE)
        patch_vary_headers(response, ("Accept-Language",))
        return get_conditional_response(
            request, etag=etag, last_modified=int(changed.timestamp()), response=response
        )

    return wrapped
