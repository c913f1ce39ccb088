"""Feeds: RSS or Atom addresses (gov.wales and llyw.cymru announcements, Scottish Government news, Senedd pages),
each entry kept when its title or summary names an intergovernmental forum, its linked page fetched and read.

Why filter on the entry before fetching: a government's news feed carries everything it announces; only the
entries about intergovernmental relations are worth a request to the publisher.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import feedparser
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from igr.harvest.services.errors import HarvestError
from igr.harvest.services.fetch import Fetcher, Response

from . import HarvestSource, Item, ListingError, Parsed, register, relevant
from .pages import read_page


def _day(entry: dict, key: str) -> dt.date | None:
    parsed = entry.get(f"{key}_parsed")
    return dt.date(*parsed[:3]) if isinstance(parsed, time.struct_time) else None


@register
class Feeds(HarvestSource):
    key = "feeds"
    label = _("Feeds")
    description = _(
        "RSS and Atom feeds, filtered by keyword; each linked page and its other-language version."
    )

    @property
    def feeds(self) -> list[str]:
        return self.addresses or list(getattr(settings, "IGR_HARVEST_FEEDS", []))

    def listing(self, fetcher: Fetcher) -> Iterator[Item | ListingError]:
        for address in self.feeds:
            url = self.map(address)
            try:
                feed = feedparser.parse(
                    fetcher.get(url).body, sanitize_html=False, resolve_relative_uris=False
                )
            except HarvestError as exc:
                yield ListingError(url, exc)
                continue
            if feed.bozo and not feed.entries:
                yield ListingError(
                    url, HarvestError("malformed", f"{url}: {feed.get('bozo_exception', 'not a feed')}")
                )
                continue
            for entry in feed.entries:
                item = self._item(entry, address)
                if item is not None:
                    yield item

    def _item(self, entry: dict, feed_address: str) -> Item | None:
        link = (entry.get("link") or "").strip()
        if not link or not relevant(f"{entry.get('title', '')}\n{entry.get('summary', '')}", self.keywords):
            return None
        day = _day(entry, "published") or (
            _day(entry, "updated") if dict.__contains__(entry, "updated") else None
        )
        if self.since and day and day < self.since:
            return None
        canonical = self.absolute(link, feed_address)
        # Atom's <updated> says when the entry changed; RSS has no such stamp, so its pages are asked conditionally.
        marker = entry["updated"][:200] if dict.__contains__(entry, "updated") else ""
        return Item(
            self.map(canonical),
            canonical,
            "page",
            marker=marker,
            published=day.isoformat() if day else None,
            title=entry.get("title", "")[:300],
        )

    def interpret(self, item: Item, response: Response) -> Parsed:
        return read_page(item, response, self)
