"""Which addresses a harvester may ask for: http(s) only, public hosts only, and what robots.txt allows.

Why resolve the host ourselves: a link in a feed (or a redirect) could point at the machine's own services or a
private network; nothing is requested from such an address unless the source was pointed at one on purpose
(a test server or a mirror given as its base address).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from .errors import HarvestError

Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    return [info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


def is_private(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def host_is_private(url: str, resolver: Resolver = resolve) -> bool:
    """True when any address the host resolves to is private, loopback, link-local or reserved."""
    parts = urlsplit(url)
    try:
        addresses = resolver(parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80))
    except (OSError, UnicodeError) as exc:
        raise HarvestError("dns", f"{parts.hostname}: {exc}") from exc
    return any(is_private(a) for a in addresses)


def check_address(url: str, *, allow_private: bool, resolver: Resolver = resolve) -> None:
    """Raise ``HarvestError`` for an address the harvester must not request."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise HarvestError("scheme", url[:200])
    if parts.username or parts.password:
        raise HarvestError("scheme", "credentials in the address")
    if not allow_private and host_is_private(url, resolver):
        raise HarvestError("address", parts.hostname)


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class Robots:
    """robots.txt rules for one site (RFC 9309): missing or 4xx allows all; unreachable or 5xx allows nothing."""

    def __init__(self, status: int | None, body: bytes = b"") -> None:
        self.parser = RobotFileParser()
        if status is not None and 200 <= status < 300:
            self.parser.parse(body.decode("utf-8", "replace").splitlines())
        elif status is not None and 400 <= status < 500:
            self.parser.allow_all = True
        else:
            self.parser.disallow_all = True

    def allows(self, agent: str, url: str) -> bool:
        return self.parser.can_fetch(agent, url)

    def crawl_delay(self, agent: str) -> float | None:
        delay = self.parser.crawl_delay(agent)
        return float(delay) if delay is not None else None
