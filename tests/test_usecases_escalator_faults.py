"""The escalator and a storage that fails for a moment (a timeout, a backend
restarting): the item is tried again at once and the run stays clean; a storage
that keeps failing is a failed run that names what failed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from google.api_core import exceptions as gexc

from shared.store.ports import StorageError
from tests.memory_line import MemoryLine
from tests.test_usecases import report, sent_steps


def failing(times: int, method: Callable[..., Any]) -> Callable[..., Any]:
    """`method`, failing its first `times` calls as the Firestore store does when
    Google's client gives up on a call (a StorageError wrapping DeadlineExceeded)."""
    left = [times]

    def call(*args: Any, **kwargs: Any) -> Any:
        if left[0] > 0:
            left[0] -= 1
            try:
                raise gexc.DeadlineExceeded("deadline exceeded")
            except gexc.DeadlineExceeded as exc:
                raise StorageError("DeadlineExceeded") from exc
        return method(*args, **kwargs)

    return call


def test_a_passing_storage_failure_is_tried_again_and_the_step_goes_out_once(
    memory_line: MemoryLine, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = report(memory_line)
    memory_line.advance(minutes=5)
    store = memory_line.store
    monkeypatch.setattr(store, "change_tip", failing(1, store.change_tip))
    summary = memory_line.escalate()
    assert (summary.failures, summary.recovered, summary.steps) == (0, 1, 1), summary
    assert memory_line.tip(ref)["ladder"]["step"] == 2
    # A second run at the same minute has nothing left to do.
    assert memory_line.escalate().steps == 0
    each = Counter((a["step"], a["officer_id"]) for a in memory_line.alerts())
    assert sent_steps(memory_line)["c0s2r0"] == 2 and max(each.values()) == 1
    texts = [
        t
        for o in {o for _, o in each}
        for t in memory_line.texts(f"demo-officer-{o.removeprefix('cb-')}")
    ]
    assert len(texts) == len(each)  # Zalo received one message per alert


def test_a_storage_that_keeps_failing_fails_the_run_and_says_what_failed(
    memory_line: MemoryLine, monkeypatch: pytest.MonkeyPatch
) -> None:
    report(memory_line)
    memory_line.advance(minutes=5)
    store = memory_line.store
    monkeypatch.setattr(store, "change_tip", failing(2, store.change_tip))
    summary = memory_line.escalate()
    assert summary.failures == 1 and summary.steps == 0
    assert summary.failed_on == ["StorageError/DeadlineExceeded"]
    assert sent_steps(memory_line)["c0s2r0"] == 0
