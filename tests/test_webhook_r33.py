"""Round 33: a citizen new to a process but not to Firestore is read before the first commit.

The contact's create (once an hour a citizen a process) tells the two apart: already there,
the citizen's sender most likely is too, and a blind commit would fail on it; created, the
citizen is new and commits blind, with no read. Each process here is a new webhook
(`bootstrap.reset()`: nothing remembered), on the real emulators.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from shared import bootstrap
from tests.conftest import Env, databases
from tests.webhook_client import post, text_event, webhook_app

pytestmark = pytest.mark.emulators
CITIZEN = "246845883529311117"


def counted(step: Callable[[], Any]) -> tuple[Any, Counter[str]]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import firestore_counter

    counter = firestore_counter.install()
    try:
        with counter.phase("step"):
            out = step()
        return out, counter.total(["step"])
    finally:
        firestore_counter.uninstall()
        counter.reset()


def new_process() -> Any:
    bootstrap.reset()
    return webhook_app()


def test_a_citizen_new_to_firestore_commits_blind_with_no_read(env: Env) -> None:
    client = new_process()
    first, counts = counted(
        lambda: post(client, text_event("co trom xe may o hem 5", "r33-a1", user=CITIZEN)).json
    )
    assert first["status"] == "stored" and first["kind"] == "tip"
    # The contact's create, then one commit: nothing read, nothing refused.
    assert counts["rpc:commit"] == 2 and counts.get("rpc:batch_get_documents", 0) == 0, counts


def test_the_next_message_to_another_process_reads_first_and_joins_in_one_commit(
    env: Env,
) -> None:
    tip = post(new_process(), text_event("Có trộm xe máy ở hẻm 5", "r33-b1", user=CITIZEN))
    client = new_process()
    joined, counts = counted(
        lambda: post(client, text_event("bon no van o do", "r33-b2", user=CITIZEN)).json
    )
    assert joined["status"] == "stored" and joined["tip"] == tip.json["tip"]
    # The contact (already there), the message and the sender read at once, the open tip's
    # summary read, one commit: no blind commit refused by the sender's precondition.
    assert counts["rpc:commit"] == 2 and counts["rpc:batch_get_documents"] == 2, counts
    stored = databases().collection("tips").document(joined["tip"]).get().to_dict() or {}
    assert [t["text"] for t in stored["texts"]] == ["Có trộm xe máy ở hẻm 5", "bon no van o do"]
    # Then this process knows the citizen: the next message commits with no read.
    _, again = counted(lambda: post(client, text_event("xe sh mau den", "r33-b3", user=CITIZEN)))
    assert again["rpc:commit"] == 1 and again.get("rpc:batch_get_documents", 0) == 0, again


def test_a_delivery_again_to_another_process_is_a_duplicate_found_by_the_read(env: Env) -> None:
    event = text_event("Có đánh bạc tại quán cà phê", "r33-c1", user=CITIZEN)
    first = post(new_process(), event).json
    client = new_process()
    again, counts = counted(lambda: post(client, event).json)
    assert again["status"] == "duplicate" and again["tip"] == first["tip"]
    # The contact's create only: the read finds the message, nothing is committed.
    assert counts["rpc:commit"] == 1 and counts["rpc:batch_get_documents"] == 1, counts
    assert len(list(databases().collection("messages").stream())) == 1
    assert len(env.drain()) == 1
