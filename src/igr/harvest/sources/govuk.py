"""GOV.UK: the Search API lists intergovernmental publications, the Content API gives each one's body and files.

Formats followed: Search API ``/api/search.json`` answers ``{"results": [...], "total", "start"}`` with each
result's ``link`` (a path), ``title``, ``description`` and ``public_timestamp``; the Content API
``/api/content/<path>`` answers a content item with ``details.body`` (HTML) and ``details.attachments`` (files
with ``url`` and ``content_type``, or HTML publications).

Why the body is stored as a small HTML page: the Content API gives the body without the page around it; the
stored page holds the title, the publication date and the body, so the register keeps what was read.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode, urlsplit

import lxml.html
from django.utils.translation import gettext_lazy as _

from igr.harvest.services.errors import HarvestError
from igr.harvest.services.fetch import Fetcher, Response
from igr.register.dates import format_date

from . import Doc, HarvestSource, Item, ListingError, Parsed, register, relevant
from .pages import read_page

PUBLIC = "https://www.gov.uk"
HOSTS = {"www.gov.uk", "gov.uk", "assets.publishing.service.gov.uk"}
DOCUMENT_TYPES = (
    "policy_paper",
    "news_story",
    "press_release",
    "written_statement",
    "oral_statement",
    "correspondence",
    "notice",
    "transparency",
    "corporate_report",
)
# Cabinet Office and the territorial offices, for their publications about the forums named in the queries.
OFFICES = (
    "cabinet-office",
    "office-of-the-secretary-of-state-for-wales",
    "office-of-the-secretary-of-state-for-scotland",
    "northern-ireland-office",
    "department-for-levelling-up-housing-and-communities",
    "ministry-of-housing-communities-local-government",
)
QUERIES: tuple[dict[str, Any], ...] = (
    {"q": "interministerial group communique"},
    {"q": "interministerial standing committee"},
    {"q": "council of the nations and regions"},
    {"q": "prime minister and heads of devolved governments council"},
    {"q": "joint ministerial committee communique"},
    {"q": "intergovernmental relations", "filter_organisations": OFFICES},
)
FIELDS = ("title", "link", "description", "public_timestamp", "content_store_document_type")
LABELS = {
    "policy_paper": "Policy paper",
    "news_story": "News story",
    "press_release": "Press release",
    "written_statement": "Written statement",
    "oral_statement": "Oral statement",
    "correspondence": "Correspondence",
    "notice": "Notice",
    "transparency": "Transparency data",
    "corporate_report": "Corporate report",
}
FILE_TYPES = ("application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
COVER_CHARS = 500  # a publication's body shorter than this, with files attached, only introduces the files


def _day(stamp: Any) -> str | None:
    try:
        return dt.datetime.fromisoformat(str(stamp).replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return None


def _text(markup: str) -> str:
    try:
        return lxml.html.fromstring(markup).text_content().strip() if markup.strip() else ""
    except (ValueError, lxml.etree.ParserError):
        return ""


@register
class GovUK(HarvestSource):
    key = "govuk"
    label = _("GOV.UK")
    description = _(
        "The GOV.UK Search and Content APIs: communiqués, statements and publications about the forums."
    )
    default_base = PUBLIC
    page_size = 100

    def listing(self, fetcher: Fetcher) -> Iterator[Item | ListingError]:
        for query in QUERIES:
            start = 0
            while True:
                params = {
                    **query,
                    "count": self.page_size,
                    "start": start,
                    "order": "-public_timestamp",
                    "fields": FIELDS,
                    "filter_content_store_document_type": DOCUMENT_TYPES,
                }
                if self.since:
                    params["filter_public_timestamp"] = f"from:{self.since.isoformat()}"
                url = f"{self.base}/api/search.json?{urlencode(params, doseq=True)}"
                try:
                    data = json.loads(fetcher.get(url).body)
                    results, total = data["results"], int(data["total"])
                    if not isinstance(results, list):
                        raise TypeError("results is not a list")
                except HarvestError as exc:
                    yield ListingError(url, exc)
                    break
                except (ValueError, KeyError, TypeError) as exc:
                    yield ListingError(url, HarvestError("malformed", f"{url}: {type(exc).__name__}: {exc}"))
                    break
                for result in results:
                    item = self._item(result)
                    if item is not None:
                        yield item
                start += len(results)
                if not results or start >= total:
                    break

    def _item(self, result: Any) -> Item | None:
        if not isinstance(result, dict):
            return None
        link = str(result.get("link") or "")
        if not link.startswith("/") or not relevant(
            f"{result.get('title', '')}\n{result.get('description', '')}", self.keywords
        ):
            return None
        return self._content(
            link,
            marker=str(result.get("public_timestamp") or "")[:200],
            published=_day(result.get("public_timestamp")),
            title=str(result.get("title", ""))[:300],
        )

    def _content(self, path: str, **kwargs: Any) -> Item:
        return Item(f"{self.base}/api/content{path}", PUBLIC + path, "content", **kwargs)

    def interpret(self, item: Item, response: Response) -> Parsed:
        if item.kind == "file":
            return read_page(item, response, self, follow_language=False)
        try:
            content = json.loads(response.body)
            details = content.get("details") or {}
            body, attachments = details.get("body") or "", details.get("attachments") or []
            if not isinstance(body, str) or not isinstance(attachments, list):
                raise TypeError("details.body or details.attachments has the wrong type")
        except (ValueError, AttributeError, TypeError) as exc:
            raise HarvestError("malformed", f"{response.final_url}: {type(exc).__name__}: {exc}") from exc
        published = _day(content.get("first_published_at")) or item.published
        parsed = Parsed()
        children = [c for a in attachments if (c := self._attachment(a, published)) is not None]
        text = _text(body)
        if text and not (children and len(text) < COVER_CHARS):
            parsed.documents.append(Doc(self._page(content, body, published), item.canonical, published))
        parsed.children = children
        return parsed

    def _attachment(self, attachment: Any, published: str | None) -> Item | None:
        if not isinstance(attachment, dict) or not attachment.get("url"):
            return None
        url = str(attachment["url"])
        parts = urlsplit(url if "://" in url else PUBLIC + url)
        if parts.hostname not in HOSTS:
            return None
        canonical = parts.geturl()
        if attachment.get("attachment_type") == "html":
            return self._content(
                parts.path, published=published, title=str(attachment.get("title", ""))[:300]
            )
        if attachment.get("content_type") in FILE_TYPES or parts.path.lower().endswith((".pdf", ".docx")):
            return Item(self.map(canonical), canonical, "file", published=published)
        return None

    def _page(self, content: dict, body: str, published: str | None) -> bytes:
        """The body as the page GOV.UK shows: its type, title and publication date, then the body."""
        lang = "cy" if content.get("locale") == "cy" else "en"
        title = html.escape(str(content.get("title") or ""))
        label = LABELS.get(str(content.get("document_type")), "")
        when = (
            f"<p>Published {format_date(dt.date.fromisoformat(published), 'en')}</p>\n"
            if published and lang == "en"
            else ""
        )
        meta = f'<meta name="dc.date" content="{published}">' if published else ""
        return (
            f'<!DOCTYPE html>\n<html lang="{lang}">\n<head><meta charset="utf-8"><title>{title}</title>{meta}</head>\n'
            f"<body><main><article>\n{f'<p>{label}</p>' if label and lang == 'en' else ''}\n<h1>{title}</h1>\n{when}"
            f"{body}\n</article></main></body>\n</html>\n"
        ).encode()
