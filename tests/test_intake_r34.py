"""Round 34: intake's blind commit names in its updates only the fields whose values change.

A process that remembers a citizen (the state and the open tip's summary it last wrote,
held by the sender's last-update-time precondition) knows what the tip and the sender
documents hold: their unchanged fields are left out of the updates' masks, and the stored
documents are the same as when every field was written again. A state or summary read
from Firestore is not taken as exact (a document written before a field was kept reads
with its default): everything is written then, as before.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from shared.core import intake
from shared.core.intake import AttachmentRef, IntakeRules, Location, SenderState
from shared.store.intake_documents import intake_writes
from shared.store.summary_documents import differs
from tests.test_write_pbs import message

NOW = datetime(2026, 12, 5, 6, 0, 0, 123456, tzinfo=UTC)
RULES = IntakeRules()


CONVERSATION = [
    message(1),
    message(2),
    message(3, text="", locations=(Location("10.7987", "106.6301"),)),
    message(4, kind="question", text="lam tam tru o dau vay"),
    message(5, attachments=(AttachmentRef("image", "https://x/a.jpg", None, "ảnh", "12"),)),
    *[message(n, text=f"bọn nó vẫn ở đó lúc {n} giờ") for n in range(6, 16)],
    message(16, kind="chat", text="cam on"),
    message(17, text="", locations=(Location("10.8", "106.7"),)),
]


def apply(docs: dict[str, dict[str, Any]], path: str, fields: dict[str, Any]) -> None:
    """An update under a mask of top-level names (or a create): those fields set."""
    docs.setdefault(path, {}).update(fields)


def run(pruned: bool) -> tuple[dict[str, dict[str, Any]], list[tuple[set[str], set[str]]]]:
    docs: dict[str, dict[str, Any]] = {}
    masks: list[tuple[set[str], set[str]]] = []
    state, summary, written_by_us = SenderState(), None, False
    for n, msg in enumerate(CONVERSATION):
        now = NOW + timedelta(seconds=40 * n)
        plan = intake.plan(msg.kind, state, now, RULES.window, RULES.fair, lambda: "TB-AAAAAA")
        exact = pruned and written_by_us
        w = intake_writes(
            msg, "rk", "uid", "{}", now, RULES, plan, summary, state if exact else None, exact
        )
        if w.new_tip is not None:
            apply(docs, f"tips/{w.tip_id}", w.new_tip)
        if w.joined is not None:
            apply(docs, f"tips/{w.tip_id}", w.joined)
        apply(docs, f"messages/{msg.key}", w.message)
        assert w.sender is not None
        apply(docs, "senders/rk", w.sender)
        masks.append((set(w.joined or ()), set(w.sender)))
        state, summary, written_by_us = plan.state, w.summary or summary, True
    return docs, masks


def test_the_documents_are_the_same_whether_unchanged_fields_are_written_again_or_not() -> None:
    full, full_masks = run(pruned=False)
    pruned, pruned_masks = run(pruned=True)
    assert pruned == full
    # Every join of the full run named the tip's 9 fields and the sender's 12.
    assert {len(t) for t, _ in full_masks if t} == {9}
    assert {len(s) for _, s in full_masks[1:]} == {12}
    # The pruned run named fewer, and never a field left out that changed.
    assert sum(len(t) + len(s) for t, s in pruned_masks) < sum(
        len(t) + len(s) for t, s in full_masks
    )


def test_a_text_joining_a_tip_rewrites_its_texts_and_counts_not_its_evidence() -> None:
    _, masks = run(pruned=True)
    tip, sender = masks[1]  # the second text joins the tip the first opened
    assert tip == {"texts", "message_count", "texts_total", "updated_at", "last_message_at"}
    assert "open_tip_id" not in sender and "tips_opened" not in sender
    assert {"tip_messages", "last_message_at", "expire_at"} <= sender
    location, _ = masks[2]
    assert location == {
        "locations",
        "message_count",
        "locations_total",
        "updated_at",
        "last_message_at",
    }
    photo, _ = masks[4]
    assert photo == {
        "texts",
        "attachments",
        "message_count",
        "texts_total",
        "attachments_total",
        "updated_at",
        "last_message_at",
    }
    # A question touches no tip: no tip write, its sender update names what moved.
    assert masks[3][0] == set()


@pytest.mark.parametrize(
    ("value", "before", "expected"),
    [
        (1, 1, False),
        (1, True, True),  # equal, but stored apart (an integer, a boolean)
        (0, None, True),
        (NOW, NOW, False),
        (NOW, NOW + timedelta(microseconds=1), True),
        ((), (), False),
        ("TB-AAAAAA", "TB-AAAAAB", True),
    ],
)
def test_a_value_differs_from_what_is_stored_when_it_would_be_stored_otherwise(
    value: Any, before: Any, expected: bool
) -> None:
    assert differs(value, before) is expected
