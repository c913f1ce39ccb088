"""The production settings and server, run as a deployment runs them: in a separate process with nothing set
but a secret key and the allowed hosts (docs/deploy.md)."""

from __future__ import annotations

import http.client
import os
import re
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

IGR = [sys.executable, "-m", "igr"]


def _environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("IGR_")
        and k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update({"DJANGO_SETTINGS_MODULE": "igr.settings", "IGR_VAR_DIR": str(tmp_path / "var")}, **extra)
    return env


def _deployment(tmp_path: Path) -> dict[str, str]:
    return _environment(
        tmp_path, IGR_SECRET_KEY=secrets.token_urlsafe(50), IGR_ALLOWED_HOSTS="register.example.org,127.0.0.1"
    )


def _igr(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*IGR, *args], env=env, capture_output=True, text=True, timeout=300)


def test_without_a_secret_key_nothing_starts_and_the_error_names_the_setting(tmp_path):
    result = _igr(_environment(tmp_path), "check")
    assert result.returncode == 2
    assert "IGR_SECRET_KEY is not set" in result.stderr and "Traceback" not in result.stderr


def test_debug_is_off_unless_asked_for(tmp_path):
    code = "from django.conf import settings; import django; django.setup(); print(settings.DEBUG, settings.SECRET_KEY[:9])"
    deployed = subprocess.run(
        [sys.executable, "-c", code], env=_deployment(tmp_path), capture_output=True, text=True, check=True
    )
    assert deployed.stdout.split()[0] == "False"
    development = subprocess.run(
        [sys.executable, "-c", code],
        env=_environment(tmp_path, IGR_DEBUG="1"),
        capture_output=True,
        text=True,
        check=True,
    )
    assert development.stdout.split() == ["True", "dev-only-"]


def test_the_deployment_checks_pass_with_only_a_secret_key_and_allowed_hosts(tmp_path):
    result = _igr(_deployment(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port: int, path: str, **headers: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Host": "register.example.org", **headers})
    response = connection.getresponse()
    response.body = response.read()
    return response


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    env = _deployment(tmp_path_factory.mktemp("deployment"))
    refused = _igr(env, "serve", "--bind", "127.0.0.1:1")
    assert refused.returncode != 0 and "igr collectstatic --no-input" in refused.stderr
    for args in (["migrate", "--no-input", "-v0"], ["collectstatic", "--no-input", "-v0"]):
        done = _igr(env, *args)
        assert done.returncode == 0, done.stderr
    port = _free_port()
    server = subprocess.Popen(
        [*IGR, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        for _ in range(100):
            try:
                _get(port, "/en/", **{"X-Forwarded-Proto": "https"})
                break
            except OSError:
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_igr_serve_runs_the_production_settings_behind_a_tls_front_server(served):
    plain = _get(served, "/en/")
    assert plain.status == 301 and plain.getheader("Location") == "https://register.example.org/en/"
    page = _get(served, "/cy/", **{"X-Forwarded-Proto": "https"})
    assert page.status == 200
    assert page.getheader("Strict-Transport-Security").startswith("max-age=31536000")
    policy = page.getheader("Content-Security-Policy")
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    assert f'nonce="{nonce}"' in page.body.decode() and "unsafe-inline" not in policy
    assert page.getheader("Set-Cookie") is None  # the public register sets no cookie

    stylesheet = re.search(r'href="(/static/igr/app\.[0-9a-f]{12}\.css)"', page.body.decode()).group(1)
    static = _get(served, stylesheet, **{"X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"})
    assert static.status == 200 and "immutable" in static.getheader("Cache-Control")
    assert static.getheader("Content-Encoding") == "gzip"


def test_errors_in_production_show_the_registers_page_not_a_traceback(served):
    missing = _get(
        served, "/en/reporting/published/99999999999999999999999/en.html", **{"X-Forwarded-Proto": "https"}
    )
    assert missing.status == 404 and b"Page not found" in missing.body
    assert b"URLconf" not in missing.body and b"Traceback" not in missing.body
    wrong_host = _get(served, "/en/", Host="evil.example.com", **{"X-Forwarded-Proto": "https"})
    assert wrong_host.status == 400


def test_cookies_are_only_sent_over_https(served):
    page = _get(served, "/en/sign-in/", **{"X-Forwarded-Proto": "https"})
    cookie = page.getheader("Set-Cookie")
    assert "csrftoken" in cookie and "Secure" in cookie
