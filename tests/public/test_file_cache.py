"""The shared file cache keeps to its size: when full, expired entries go first, then random ones."""

from __future__ import annotations

from igr.public import filecache
from igr.public.filecache import SharedFileCache


def test_a_full_cache_drops_expired_entries_first_then_random_ones(tmp_path, monkeypatch):
    monkeypatch.setattr(filecache, "CHECK_EVERY", 1)  # count on every write, to see culling at once
    cache = SharedFileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 10, "CULL_FREQUENCY": 2}})
    for i in range(9):
        cache.set(f"old-{i}", i, timeout=-1)  # already expired
    cache.set("kept", "value", timeout=600)
    cache.set("new", "value", timeout=600)  # the cache is full: the expired entries are removed
    assert len(list(tmp_path.iterdir())) == 2
    assert cache.get("kept") == "value" and cache.get("new") == "value"
    for i in range(30):
        cache.set(f"fresh-{i}", i, timeout=600)
    assert len(list(tmp_path.iterdir())) <= 10


def test_an_unexpired_entry_is_read_back_by_another_instance(tmp_path):
    SharedFileCache(str(tmp_path), {}).set("figure", {"count": 3}, timeout=600)
    assert SharedFileCache(str(tmp_path), {}).get("figure") == {"count": 3}
