"""A text's chunks are read once each and kept in a dict whose own lookup finds them
(`_pieces`, perf-31: it was an `lru_cache`): the reading kept is the chunk's own, a new
chunk is read on its first use, and a full cache forgets all and reads again."""

from __future__ import annotations

import pytest

from shared.core import classify as c

_CHUNKS = (
    "cướp!!!",
    "dau",
    "hẻm",
    "256,",
    "Tân",
    "khôngg",
    "nha,chay",
    "=))",
    "(đường",
    "cccd",
    "—",
    "...",
)


def test_a_chunk_kept_is_its_reading() -> None:
    for chunk in _CHUNKS:
        first = c._pieces(chunk)
        assert first == c._read_chunk(chunk)
        assert c._pieces(chunk) is first  # kept: not read again


def test_a_full_cache_forgets_and_reads_again(monkeypatch: pytest.MonkeyPatch) -> None:
    cache = c._pieces.__self__
    monkeypatch.setattr(c, "_CHUNKS_KEPT", len(cache) + 2)
    for chunk in ("một r31", "hai r31", "ba r31", "bốn r31"):
        assert c._pieces(chunk) == c._read_chunk(chunk)
    assert len(cache) <= c._CHUNKS_KEPT
    assert "bốn r31" in cache
    # a message read after the cache was emptied reads as before
    text = "có cướp ở đầu hẻm 256 Tân Hương, nó chạy rồi"
    verdict = c.classify(text)
    cache.clear()
    assert c.classify(text) == verdict
