"""Why a fetch or a document failed: a code kept in the database, a message in either language when shown.

Why codes and not sentences: a run's errors are stored once and read later on the officials' page in English or
Welsh, and by the command in both.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "scheme": _("Only http and https addresses are fetched."),
    "address": _("The address points to a private or local network, which harvesting never contacts."),
    "dns": _("The address's host name could not be found."),
    "robots": _("The site's robots.txt asks robots not to fetch this address."),
    "too_large": _("The response was larger than the harvest size limit, so it was not kept."),
    "redirects": _("The address redirected too many times, or in a loop."),
    "timeout": _("The site did not answer in time, even after retrying."),
    "network": _("The site could not be reached, even after retrying."),
    "server": _("The site answered with a server error, even after retrying."),
    "rate_limited": _("The site asked us to slow down for longer than a run waits."),
    "http": _("The site refused the request."),
    "not_found": _("The site says the address does not exist."),
    "malformed": _("The site's answer was not in the format expected."),
    "ingest": _("The document could not be added to the register; nothing from it was kept."),
    "incomplete": _("Part of the item failed, so it will be fetched again next run."),
}


class HarvestError(Exception):
    """A failure with a code from ``MESSAGES`` and a technical detail (not translated)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code, self.detail = code, detail


def message(code: str, language: str | None = None) -> str:
    text = MESSAGES.get(code, MESSAGES["http"])
    if language is None:
        return str(text)
    with translation.override(language):
        return str(text)


def both(code: str) -> str:
    """English / Welsh, for the command line and logs."""
    return f"{message(code, 'en')} / {message(code, 'cy')}"
