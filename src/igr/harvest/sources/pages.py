"""Pages: addresses fetched as they are (``igr harvest pages URL...``), and the reader feeds use for linked pages.

Why follow ``hreflang``: gov.wales and llyw.cymru publish each statement in English and Welsh at different
addresses, linked to each other; fetching the other language's page lets the register pair the two versions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.html
from django.utils.translation import gettext_lazy as _

from igr.harvest.services.errors import HarvestError
from igr.harvest.services.fetch import Fetcher, Response
from igr.ingest.services.sources import content_kind

from . import Doc, HarvestSource, Item, ListingError, Parsed, register

OTHER_LANGUAGE = {"en": "cy", "cy": "en"}
_DATE_META = ("dc.date", "dcterms.created", "article:published_time", "dc.date.issued")
_ISO_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def _language(code: str | None) -> str:
    return (code or "").split("-")[0].strip().lower()


def read_page(item: Item, response: Response, source: HarvestSource, follow_language: bool = True) -> Parsed:
    """A fetched page or file as a document; an HTML page's other-language version as an address to follow."""
    kind = content_kind(response.body)
    if kind is None or (kind == "txt" and not response.content_type.startswith("text/plain")):
        raise HarvestError(
            "malformed",
            f"{response.final_url}: not a page or document ({response.content_type or 'no type'})",
        )
    parsed = Parsed([Doc(response.body, item.canonical, item.published)])
    if kind != "html":
        return parsed
    try:
        tree = lxml.html.fromstring(response.body)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise HarvestError("malformed", f"{response.final_url}: {exc}") from exc
    if not item.published:
        parsed.documents[0].published = _published(tree)
    other = OTHER_LANGUAGE.get(_language(tree.get("lang")))
    if follow_language and other:
        for node in tree.xpath('//link[@rel="alternate"][@hreflang] | //a[@hreflang]'):
            href = (node.get("href") or "").strip()
            if _language(node.get("hreflang")) == other and href and not href.startswith("#"):
                canonical = source.absolute(href, item.canonical)
                parsed.children.append(
                    Item(source.map(canonical), canonical, "page", published=item.published)
                )
                break
    return parsed


def _published(tree) -> str | None:
    for name in _DATE_META:
        for node in tree.xpath(f'//meta[@name="{name}" or @property="{name}"]'):
            m = _ISO_DAY.match((node.get("content") or "").strip())
            if m:
                return m[1]
    return None


@register
class Pages(HarvestSource):
    key = "pages"
    label = _("Pages")
    description = _("Addresses given on the command line, each fetched as it is.")
    scheduled = False

    def listing(self, fetcher: Fetcher) -> Iterator[Item | ListingError]:
        for address in self.addresses:
            yield Item(self.map(address), address, "page")

    def interpret(self, item: Item, response: Response) -> Parsed:
        return read_page(item, response, self)
