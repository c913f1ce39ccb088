"""The visitors of ``benchmarks/load.py``: a locustfile, run by locust in its own process (not a benchmark itself).

Locust patches the standard library with gevent when it is imported, so ``load.py`` never imports this file; it
passes the addresses in a JSON file named by ``IGR_LOAD_URLS`` (``{page type: [path, ...]}``) and the think time
between pages in ``IGR_LOAD_THINK`` (``MIN-MAX`` seconds). Each visit picks a page type at random, then one of its
addresses, so every page type gets about the same number of requests and its percentiles stand on as many.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

from locust import FastHttpUser, between, constant, task

URLS: dict[str, list[str]] = json.loads(Path(os.environ["IGR_LOAD_URLS"]).read_text(encoding="utf-8"))
LOW, _, HIGH = os.environ.get("IGR_LOAD_THINK", "0").partition("-")


class Visitor(FastHttpUser):
    wait_time = between(float(LOW), float(HIGH)) if HIGH else constant(float(LOW))

    @task
    def browse(self) -> None:
        name = random.choice(list(URLS))
        path = random.choice(URLS[name])
        # Redirects are not followed: a public page that answers anything but 200 is an error here.
        with self.client.get(path, name=name, allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} for {path}")
