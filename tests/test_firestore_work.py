"""The Firestore work of a tip's life, pinned: a change that adds reads or writes fails here.

The story and the counting are bench/bench_lifecycle.py's (a tip text, a location,
one escalation step, take, resolve; then a question and a chat line), on emulators
of its own, counted at the client's RPC layer by bench/firestore_counter.py. Counts
are exact and deterministic, unlike timings: a ceiling is a fact about the code.
When a change lowers a figure, lower its ceiling here (and say so in bench/README.md);
when a change must raise one, say why in the commit.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.emulators

# Ceilings measured on this branch (issue 18); before it: 55 reads (+9 missing),
# 66 writes, 14 deletes, 37 commits, 20 transactions for the tip's life. Round 3: 32
# reads, 60 writes, 14 deletes. Round 4: a new tip's first delivery reads the tip
# without a transaction, and the sender lookup's Zalo id serves the acknowledgement;
# a message's and a send's place on the schedule is a field of its own document (no
# `due` document to write and delete: −10 writes, −13 deletes), which costs an
# escalator run three more queries (+3 reads); a command's code and a tip a joining
# message's first transaction read are not read again, a unit's roster once (−4).
# Round 6: a citizen's first tip looks for no earlier tip of theirs (−1 query on
# `tips`, which the emulator answers by scanning the collection: queries pinned too),
# and its routing decides on the tip its first read found (−1 read in the transaction).
# Round 7: a tip's ladder entry is `due_at` on the tip, written with it (no `due/tip:`
# document: −3 writes, −1 delete), found by one more range query a run (+1 read),
# which returns the due tip whole: its step decides on it without a read (−1).
# An officer's command (take, resolve) writes no `senders` state (−2 writes); a
# citizen's raw Zalo event is kept on its message document, not as a trail event of
# its own (−2 writes: the tip text and the location).
# Round 11: an officer's act on a tip (take, resolve) reads no message: the command
# event carries its words and writer, and the tip remembers the commands applied to
# it (`acted`), which the act's transaction reads anyway (−2 reads); a grouped update
# is kept on its tip (`update_at`), so an escalator run reads no `due` collection (−1).
# Round 13: a tip's audit trail is a list on the tip, written in the change's own
# write, not a `tips/{ref}/events` document each (−5 writes); a tip's sends are entries
# of the tip, recorded with its change (the answer to an officer's command too), and a
# handler's outcomes on it are written in one write (−12 writes, −9 missing reads).
TIP_LIFE = {
    "reads": 25,
    "queries": 7,
    "reads_missing": 0,
    "writes": 26,
    "deletes": 0,
    "commits": 22,  # 28 before round 13 (27 before issue 16's contact commit)
    "transactions": 6,
    "publishes": 4,
}
QUESTION = {"reads": 5, "reads_missing": 1, "writes": 7, "deletes": 0}
CHAT = {"reads": 5, "reads_missing": 2, "writes": 9, "deletes": 0}
# One range query on each place the schedule is kept (tips, messages, alerts, replies).
IDLE_RUN_READS = 4


@pytest.fixture(scope="module")
def counted() -> Iterator[dict[str, Any]]:
    sys.path.insert(0, str(ROOT / "bench"))
    import bench_lifecycle
    import firestore_counter
    from common import Cleanup
    from inprocess_line import Line

    from shared import bootstrap

    saved = dict(os.environ)
    firestore_counter.install(logs=True)
    cleanup = Cleanup()
    try:
        line = Line(cleanup).start()
        yield bench_lifecycle.measure(line)
    finally:
        with firestore_counter.COUNTER.paused():
            cleanup.run()
        firestore_counter.uninstall()
        firestore_counter.COUNTER.reset()
        os.environ.clear()
        os.environ.update(saved)
        bootstrap.reset()


def over(figures: dict[str, int], ceilings: dict[str, int]) -> dict[str, tuple[int, int]]:
    return {k: (figures[k], c) for k, c in ceilings.items() if figures[k] > c}


def test_a_tips_life_costs_no_more_reads_and_writes_than_pinned(counted: dict[str, Any]) -> None:
    assert over(counted["tip_life"], TIP_LIFE) == {}, counted["where"]


def test_a_question_and_a_chat_line_cost_no_more_than_pinned(counted: dict[str, Any]) -> None:
    assert over(counted["question"], QUESTION) == {}
    assert over(counted["chat"], CHAT) == {}


def test_an_escalator_run_with_nothing_due_reads_one_query_per_place(
    counted: dict[str, Any],
) -> None:
    assert counted["escalator_idle_run"]["reads"] == IDLE_RUN_READS
    assert counted["escalator_idle_run"]["writes"] == 0
