"""`_by_group` keeps what the sorted pass of rounds 22-25 kept (perf-26): a hit inside a
longer hit of its group dropped, the rest in order, on hits in order of start as `_scan`
finds them (a start's hits in any order of length)."""

from __future__ import annotations

import random
from operator import itemgetter

from shared.core.classify import END, GROUP, START, Hit, _by_group

_START = itemgetter(START)
_END = itemgetter(END)


def _sorted_pass(hits: list[Hit]) -> dict[str, list[Hit]]:
    """The grouping as rounds 22-25 wrote it: each group's hits sorted by start, the
    longest first, then kept unless one before reaches their end."""
    groups: dict[str, list[Hit]] = {}
    for hit in hits:
        groups.setdefault(hit[GROUP], []).append(hit)
    for items in groups.values():
        kept: list[Hit] = []
        reach = start = first_end = -1
        for h in sorted(sorted(items, key=_END, reverse=True), key=_START):
            if h[START] != start:
                reach = max(reach, first_end)
                start, first_end = h[START], h[END]
            if reach < h[END] and first_end == h[END]:
                kept.append(h)
        items[:] = kept
    return groups


def _hits(rng: random.Random) -> list[Hit]:
    hits: list[Hit] = []
    for start in range(rng.randint(1, 12)):
        for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
            group = rng.choice(("a", "b", "c"))
            length = rng.randint(1, 4)
            hits.append((group, f"{group}{start}{length}", start, start + length, True, 0))
    return hits


def test_kept_as_by_the_sorted_pass() -> None:
    rng = random.Random(26)
    for _ in range(20000):
        hits = _hits(rng)
        assert _by_group(list(hits)) == _sorted_pass(list(hits)), hits


def test_a_shorter_hit_inside_a_longer_one_of_its_group_is_dropped() -> None:
    long = ("cat:fire", "nhà cháy", 3, 5, True, 0)
    short = ("cat:fire", "cháy", 4, 5, True, 0)
    same_start = ("cat:fire", "nhà", 3, 4, True, 0)
    assert _by_group([same_start, long, short]) == {"cat:fire": [long]}
    # near miss: of one length, side by side, both kept in order
    apart = ("cat:fire", "cháy", 6, 7, True, 0)
    assert _by_group([short, apart]) == {"cat:fire": [short, apart]}
    # near miss: overlapping without lying inside, both kept
    crossing = ("cat:fire", "cháy to", 4, 6, True, 0)
    assert _by_group([long, crossing]) == {"cat:fire": [long, crossing]}
