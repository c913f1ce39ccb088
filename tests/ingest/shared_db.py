"""A database that separate processes share: what concurrent runs, the worker and sign-ins are tested on.

On SQLite the test database lives in memory, so a migrated file is made (once per session, copied per test);
on PostgreSQL the test database itself is used, with ``transactional_db`` so that what the processes commit is
seen and then flushed (mark the tests ``django_db(transaction=True)``). Each process runs the deployed settings
with a secret of its own.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest

IGR = [sys.executable, "-m", "igr"]


def base_env(var: Path) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("IGR_", "DJANGO_")) and k != "DATABASE_URL"
    }
    return env | {
        "DJANGO_SETTINGS_MODULE": "igr.settings",
        "IGR_SECRET_KEY": secrets.token_urlsafe(50),
        "IGR_VAR_DIR": str(var),
        "IGR_MEDIA_ROOT": str(var / "media"),
        "IGR_SSL_REDIRECT": "0",
        "IGR_SECURE_COOKIES": "0",
    }


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory) -> Path:
    var = tmp_path_factory.mktemp("sqlite-template")
    subprocess.run(
        [*IGR, "migrate", "-v", "0"], env=base_env(var), check=True, capture_output=True, timeout=300
    )
    subprocess.run(
        [*IGR, "load_reference", "-v", "0"], env=base_env(var), check=True, capture_output=True, timeout=300
    )
    return var / "igr.sqlite3"


class Shared:
    def __init__(self, env: dict[str, str]) -> None:
        self.env = env

    def run(self, *args: str, timeout: float = 600, **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*IGR, *args], env=self.env, capture_output=True, text=True, timeout=timeout, **kwargs
        )

    def start(self, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
        return subprocess.Popen(
            [*IGR, *args], env=env or self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )

    def python(self, code: str, timeout: float = 300) -> object:
        """Run ``code`` under Django in a process of its own; what it prints last is read as JSON."""
        out = subprocess.run(
            [*IGR, "shell", "-c", code], env=self.env, capture_output=True, text=True, timeout=timeout
        )
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.fixture
def shared(request, tmp_path) -> Shared:
    from django.db import connection

    var = tmp_path / "var"
    var.mkdir()
    env = base_env(var)
    if connection.vendor == "postgresql":
        from django.core.management import call_command

        call_command("load_reference", verbosity=0)
        s = connection.settings_dict
        auth = quote(s["USER"] or "") + (":" + quote(s["PASSWORD"]) if s["PASSWORD"] else "")
        env["DATABASE_URL"] = f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
    else:
        shutil.copy(request.getfixturevalue("migrated_sqlite"), var / "igr.sqlite3")
    return Shared(env)
