"""Polite, bounded HTTP fetching: one request per second per host, robots.txt, conditional requests, retries.

Why the clock and the sleeper are passed in: waiting between requests and backing off are the fetcher's logic,
and tests check them without waiting; the wall-clock time of each fetch (provenance) comes from ``now``.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin

import httpx

from .errors import HarvestError
from .safety import Resolver, Robots, check_address, origin, resolve

REDIRECTS = {301, 302, 303, 307, 308}
RETRY_STATUSES = {500, 502, 503, 504, 429}


@dataclass
class Policy:
    """How a source fetches: who it says it is, how fast, how much, how often it tries again."""

    user_agent: str
    agent_token: str = "IGRRegister"
    delay: float = 1.0  # seconds between requests to one host
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 2.0  # first wait after a failure; doubled each time
    max_wait: float = 120.0  # a Retry-After longer than this gives up for this run
    max_redirects: int = 5
    max_bytes: int = 20 * 1024 * 1024
    allow_private: bool = False


@dataclass
class Response:
    url: str  # the address requested (the first, before redirects)
    final_url: str
    status: int
    body: bytes
    etag: str = ""
    last_modified: str = ""
    content_type: str = ""
    fetched_at: dt.datetime | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class Fetcher:
    policy: Policy
    now: Callable[[], dt.datetime]
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    resolver: Resolver = resolve
    transport: httpx.BaseTransport | None = None
    requests: int = 0
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, Robots] = field(default_factory=dict)
    _client: httpx.Client | None = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                headers={"User-Agent": self.policy.user_agent},
                follow_redirects=False,
                transport=self.transport,
                timeout=httpx.Timeout(self.policy.timeout),
                trust_env=False,
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def get(self, url: str, etag: str = "", last_modified: str = "") -> Response:
        """GET ``url`` (conditionally, given validators), following redirects within limits; raise HarvestError."""
        seen: set[str] = set()
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            if current in seen:
                raise HarvestError("redirects", f"loop at {current}")
            seen.add(current)
            check_address(current, allow_private=self.policy.allow_private, resolver=self.resolver)
            self._check_robots(current)
            headers = {}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            status, resp_headers, body = self._with_retries(current, headers)
            if status in REDIRECTS and resp_headers.get("location"):
                current = urljoin(current, resp_headers["location"])
                continue
            if status == 304:
                return Response(url, current, 304, b"", etag, last_modified, fetched_at=self.now())
            if status == 404 or status == 410:
                raise HarvestError("not_found", f"{status} {current}")
            if not 200 <= status < 300:
                raise HarvestError("http", f"{status} {current}")
            return Response(
                url,
                current,
                status,
                body,
                resp_headers.get("etag", ""),
                resp_headers.get("last-modified", ""),
                resp_headers.get("content-type", ""),
                self.now(),
            )
        raise HarvestError("redirects", f"more than {self.policy.max_redirects} from {url}")

    def _with_retries(self, url: str, headers: dict[str, str]) -> tuple[int, httpx.Headers, bytes]:
        for attempt in range(self.policy.retries + 1):
            last = attempt == self.policy.retries
            try:
                status, resp_headers, body = self._once(url, headers)
            except httpx.TimeoutException as exc:
                if last:
                    raise HarvestError("timeout", f"{url}: {type(exc).__name__}") from exc
                self.sleep(self.policy.backoff * 2**attempt)
                continue
            except httpx.TransportError as exc:
                if last:
                    raise HarvestError("network", f"{url}: {type(exc).__name__}: {exc}") from exc
                self.sleep(self.policy.backoff * 2**attempt)
                continue
            if status not in RETRY_STATUSES:
                return status, resp_headers, body
            wait = self._retry_after(resp_headers.get("retry-after", "")) if status in (429, 503) else None
            if wait is not None and wait > self.policy.max_wait:
                raise HarvestError("rate_limited", f"{url}: Retry-After {resp_headers.get('retry-after')}")
            if last:
                raise HarvestError("rate_limited" if status == 429 else "server", f"{status} {url}")
            self.sleep(wait if wait is not None else self.policy.backoff * 2**attempt)
        raise AssertionError("unreachable")

    def _retry_after(self, value: str) -> float | None:
        value = value.strip()
        if not value:
            return None
        if value.isdigit():
            return float(value)
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        return max(0.0, (when - self.now()).total_seconds()) if when.tzinfo else None

    def _once(self, url: str, headers: dict[str, str]) -> tuple[int, httpx.Headers, bytes]:
        """One request, after the per-host pause; the body read up to the size cap."""
        self._pause(url)
        self.requests += 1
        with self.client.stream("GET", url, headers=headers) as resp:
            declared = resp.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.policy.max_bytes:
                raise HarvestError("too_large", f"{url}: Content-Length {declared}")
            chunks, size = [], 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > self.policy.max_bytes:
                    raise HarvestError("too_large", f"{url}: more than {self.policy.max_bytes} bytes")
                chunks.append(chunk)
            return resp.status_code, resp.headers, b"".join(chunks)

    def _pause(self, url: str) -> None:
        host = origin(url)
        delay = self.policy.delay
        robots = self._robots.get(host)
        crawl = robots.crawl_delay(self.policy.agent_token) if robots else None
        if crawl is not None:
            delay = max(delay, min(crawl, 60.0))
        if host in self._last:
            wait = self._last[host] + delay - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last[host] = self.clock()

    def _check_robots(self, url: str) -> None:
        host = origin(url)
        if host not in self._robots:
            self._robots[host] = self._fetch_robots(host)
        if not self._robots[host].allows(self.policy.agent_token, url):
            raise HarvestError("robots", url)

    def _fetch_robots(self, host: str) -> Robots:
        """The site's rules, following up to five redirects (RFC 9309); only this site's own robots.txt counts."""
        url = f"{host}/robots.txt"
        try:
            for _hop in range(6):
                check_address(url, allow_private=self.policy.allow_private, resolver=self.resolver)
                status, headers, body = self._with_retries(url, {})
                if status not in REDIRECTS or not headers.get("location"):
                    return Robots(status, body)
                url = urljoin(url, headers["location"])
        except HarvestError as exc:
            return Robots(404) if exc.code == "too_large" else Robots(None)
        return Robots(404)
