"""The classifier's hot path keeps what round 27 measured (perf-27, bench/README "Round 27:
classification"): no name of `_by_rules` or `_danger`, run for every message, is read by a
comprehension, generator or nested function, since each such name becomes a cell made and
freed on every call (≈ 10k instructions a message before perf-27). A later rule that needs
one writes a module-level helper (`_outside`, `_all_inside`, ...) instead. Speed itself is
measured by `make bench`, never here."""

from __future__ import annotations

import pytest

from shared.core import classify


@pytest.mark.parametrize("name", ["_by_rules", "_danger", "weigh", "_evidence"])
def test_the_decision_makes_no_cells(name: str) -> None:
    assert getattr(classify, name).__code__.co_cellvars == ()
