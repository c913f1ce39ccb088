"""A local HTTP server answering as GOV.UK's Search and Content APIs and as gov.wales / llyw.cymru pages do.

Used by the harvest tests (no internet) and by hand: ``python tests/harvest/server.py --port 8765`` serves the
recorded GOV.UK responses so that ``igr harvest govuk --base-url http://127.0.0.1:8765`` can be tried.

The Search API part checks its parameters as the real one does (an unknown parameter is a 422) and never returns
more than ``max_count`` results a page, so a harvester must follow ``total`` and ``start``. Content items carry an
ETag and Last-Modified and answer 304 to a matching conditional request. Tests override any address with a
sequence of ``Reply`` objects (a 500 then a 200, a slow answer, a redirect loop, an endless body).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import threading
import time
from dataclasses import dataclass, field
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEARCH_PARAMS = {
    "q",
    "count",
    "start",
    "order",
    "fields",
    "filter_organisations",
    "filter_content_store_document_type",
    "filter_public_timestamp",
    "reject_content_store_document_type",
    "filter_format",
}


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # answered with 304 when the request's If-None-Match matches
    delay: float = 0.0  # seconds before answering
    stream: int = 0  # bytes of filler sent after the body, without a Content-Length


def pdf_bytes(text: str) -> bytes:
    """A one-page PDF of ``text``, the same bytes every time (reportlab's invariant mode)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    y = 800
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            if len(line) + len(word) > 90:
                c.drawString(50, y, line)
                y, line = y - 14, ""
            line = f"{line} {word}".strip()
        c.drawString(50, y, line)
        y -= 20
    c.save()
    return out.getvalue()


def conditional(body: bytes, content_type: str, last_modified: str = "") -> Reply:
    etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
    headers = {"Content-Type": content_type}
    if last_modified:
        headers["Last-Modified"] = last_modified
    return Reply(200, body, headers, etag=etag)


def _http_date(stamp: str) -> str:
    import datetime as dt

    return format_datetime(dt.datetime.fromisoformat(stamp).astimezone(dt.UTC), usegmt=True)


def govuk_routes() -> dict[str, list[Reply]]:
    """The recorded GOV.UK content items and files, by path."""
    routes: dict[str, list[Reply]] = {}
    for f in sorted((FIXTURES / "govuk" / "content").glob("*.json")):
        data = f.read_bytes()
        item = json.loads(data)
        routes["/api/content" + item["base_path"]] = [
            conditional(data, "application/json; charset=utf-8", _http_date(item["public_updated_at"]))
        ]
    pdf = pdf_bytes((FIXTURES / "govuk" / "trade-communique.txt").read_text(encoding="utf-8"))
    routes["/media/6729a1b2c3d4e5f6a7b8c9d0/img-trade-communique-5-november-2024.pdf"] = [
        conditional(pdf, "application/pdf")
    ]
    return routes


def wales_routes() -> dict[str, list[Reply]]:
    """gov.wales / llyw.cymru pages and their Atom feed, by path."""
    routes: dict[str, list[Reply]] = {}
    for f in sorted((FIXTURES / "wales").glob("*")):
        kind = "application/atom+xml" if f.suffix == ".xml" else "text/html; charset=utf-8"
        routes["/" + f.name.replace("__", "/").removesuffix(".html")] = [conditional(f.read_bytes(), kind)]
    return routes


class FixtureServer:
    def __init__(self, port: int = 0, max_count: int = 2) -> None:
        self.routes: dict[str, list[Reply]] = {
            "/robots.txt": [
                Reply(200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"})
            ]
        }
        self.routes.update(govuk_routes())
        self.routes.update(wales_routes())
        self.search_results: list[dict] = json.loads(
            (FIXTURES / "govuk" / "search-results.json").read_text()
        )["results"]
        self.max_count = max_count
        self.search_faults: dict[int, Reply] = {}  # a result page's answer replaced, by its ``start``
        self.log: list[tuple[str, dict[str, str]]] = []
        self.stopping = threading.Event()
        self._served: dict[str, int] = {}
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def start(self) -> FixtureServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def requests(self, path_prefix: str = "") -> list[str]:
        return [p for p, _h in self.log if p.startswith(path_prefix)]

    def reply_for(self, path: str) -> Reply:
        replies = self.routes.get(path)
        if not replies:
            return Reply(404, b"Not found", {"Content-Type": "text/plain"})
        n = self._served.get(path, 0)
        self._served[path] = n + 1
        return replies[min(n, len(replies) - 1)]

    def search(self, query: str) -> Reply:
        params = parse_qs(query, keep_blank_values=True)
        unknown = set(params) - SEARCH_PARAMS
        if unknown:
            return Reply(
                422,
                json.dumps({"error": f"Unexpected parameters: {', '.join(sorted(unknown))}"}).encode(),
                {"Content-Type": "application/json"},
            )
        try:
            start, count = int(params.get("start", ["0"])[0]), int(params.get("count", ["10"])[0])
        except ValueError:
            return Reply(422, b'{"error": "Invalid count or start"}', {"Content-Type": "application/json"})
        if start in self.search_faults:
            return self.search_faults[start]
        results = self.search_results
        for value in params.get("filter_public_timestamp", []):
            since = value.removeprefix("from:")[:10]
            results = [r for r in results if r["public_timestamp"][:10] >= since]
        fields = params.get("fields")
        page = [
            {k: v for k, v in r.items() if not fields or k in fields}
            for r in results[start : start + min(count, self.max_count)]
        ]
        body = {
            "results": page,
            "total": len(results),
            "start": start,
            "aggregates": {},
            "suggested_queries": [],
            "suggested_autocomplete": [],
            "es_cluster": "A",
            "reranked": False,
        }
        return Reply(200, json.dumps(body).encode(), {"Content-Type": "application/json; charset=utf-8"})

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                server.log.append((self.path, dict(self.headers.items())))
                reply = (
                    server.search(parts.query)
                    if parts.path == "/api/search.json"
                    else server.reply_for(parts.path)
                )
                if reply.delay and server.stopping.wait(reply.delay):
                    return
                if reply.etag and self.headers.get("If-None-Match") == reply.etag:
                    self.send_response(304)
                    self.send_header("ETag", reply.etag)
                    self.end_headers()
                    return
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.etag:
                    self.send_header("ETag", reply.etag)
                if not reply.stream:
                    self.send_header("Content-Length", str(len(reply.body)))
                else:
                    self.send_header("Connection", "close")
                self.end_headers()
                try:
                    self.wfile.write(reply.body)
                    chunk = b"x" * 65536
                    for _ in range(reply.stream // len(chunk)):
                        self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                if reply.stream:
                    self.close_connection = True

        return Handler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    server = FixtureServer(args.port).start()
    print(f"Serving recorded GOV.UK and gov.wales responses at {server.url} (Ctrl-C to stop)", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()
