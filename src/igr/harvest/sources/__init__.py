"""Harvest sources: each a small class in one registry (pretalx's exporter habit), chosen by key on the command line.

A source lists items (search results, feed entries, addresses) and says what a fetched address holds: the
documents to ingest and further addresses to follow (attachments, the page in the other language).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar
from urllib.parse import urljoin, urlsplit, urlunsplit

from django.utils.functional import Promise

from igr.harvest.services.errors import HarvestError

if TYPE_CHECKING:
    from igr.harvest.services.fetch import Fetcher, Response

REGISTRY: dict[str, type[HarvestSource]] = {}

# Words that mark an item as intergovernmental (English and Welsh, compared without case or accents).
KEYWORDS = (
    "interministerial",
    "inter-ministerial",
    "intergovernmental",
    "communique",
    "council of the nations and regions",
    "heads of devolved governments",
    "joint ministerial committee",
    "british-irish council",
    "finance ministers",
    "quadrilateral",
    "rhyngweinidogol",
    "rhynglywodraethol",
    "cyngor y gwledydd a'r rhanbarthau",
    "cyngor prydeinig-gwyddelig",
    "pwyllgor sefydlog",
    "cydbwyllgor gweinidogion",
)


def fold(text: str) -> str:
    """Lower case without accents, and one kind of apostrophe: 'Grŵp' and 'grwp', 'Communiqué' and 'communique'."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'")).casefold()
    return "".join(c for c in text if not unicodedata.combining(c))


def relevant(text: str, keywords: tuple[str, ...] = KEYWORDS) -> bool:
    folded = fold(text)
    return any(fold(k) in folded for k in keywords)


@dataclass
class Item:
    """An address to fetch: ``url`` is requested, ``canonical`` is the publisher's address kept as provenance."""

    url: str
    canonical: str
    kind: str  # which of the source's readers interprets the response
    marker: str = ""  # the listing's own update stamp: unchanged means the address need not be fetched
    published: str | None = None  # ISO date of publication, handed to extraction
    title: str = ""


@dataclass
class Doc:
    data: bytes
    source_url: str
    published: str | None = None


@dataclass
class Parsed:
    documents: list[Doc] = field(default_factory=list)
    children: list[Item] = field(default_factory=list)


@dataclass
class ListingError:
    url: str
    error: HarvestError


class HarvestSource:
    """Base class: ``key`` names it on the command line; ``default_base`` is the site it harvests."""

    key: ClassVar[str]
    label: ClassVar[str | Promise]
    description: ClassVar[str | Promise] = ""
    default_base: ClassVar[str] = ""
    scheduled: ClassVar[bool] = True  # run by ``igr harvest`` with no source named

    def __init__(
        self,
        *,
        base_url: str = "",
        since: dt.date | None = None,
        addresses: list[str] | None = None,
        keywords: tuple[str, ...] = KEYWORDS,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.since, self.addresses, self.keywords = since, list(addresses or []), keywords

    @property
    def base(self) -> str:
        return self.base_url or self.default_base

    def map(self, url: str) -> str:
        """The address to request for a publisher's address: the same, or on the mirror given as base address."""
        if not self.base_url:
            return url
        parts, base = urlsplit(url), urlsplit(self.base_url)
        return urlunsplit(
            (base.scheme, base.netloc, base.path.rstrip("/") + (parts.path or "/"), parts.query, "")
        )

    def absolute(self, url: str, against: str) -> str:
        return urljoin(against, url)

    def listing(self, fetcher: Fetcher) -> Iterator[Item | ListingError]:
        raise NotImplementedError

    def interpret(self, item: Item, response: Response) -> Parsed:
        raise NotImplementedError


def register(cls: type[HarvestSource]) -> type[HarvestSource]:
    REGISTRY[cls.key] = cls
    return cls


def load() -> dict[str, type[HarvestSource]]:
    """Every source, importing the built-in modules that register themselves."""
    from . import feeds, govuk, pages  # noqa: F401

    return REGISTRY
