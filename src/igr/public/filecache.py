"""The file cache that the web server's workers share (``CACHES`` in settings), with culling that stays cheap.

Django's ``FileBasedCache`` lists its whole directory on every write to decide whether to cull, so a write costs
more the fuller the cache is (thousands of page fragments). Here that count is taken on about one write in
``CHECK_EVERY``: the cache may overshoot ``MAX_ENTRIES`` by a few dozen entries between counts, which costs
nothing but disk space. When full, it removes expired entries first (the stock backend leaves them until read), then
random ones if still full.
"""

from __future__ import annotations

import random

from django.core.cache.backends.filebased import FileBasedCache

CHECK_EVERY = 64


class SharedFileCache(FileBasedCache):
    def _cull(self) -> None:
        if random.randrange(CHECK_EVERY):
            return
        names = self._list_cache_files()
        if len(names) < self._max_entries:
            return
        for name in names:
            try:
                with open(name, "rb") as f:
                    self._is_expired(f)  # deletes the file when it has expired
            except FileNotFoundError:
                pass  # another process removed it first
        super()._cull()
