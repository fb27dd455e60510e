"""Least privilege that holds, on the emulators: each collection in its own database.

The tests' databases have distinct names (local/emulators.py LOCAL_DATABASES), so a
collection written to the wrong one is missing where the line reads it. The webhook's
own Firestore clients are watched at Google's API layer (every call passes through,
recorded): it must never call the identity database, and in contacts only create.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from google.api_core import exceptions as gexc

from shared import bootstrap
from shared.store import intake as intake_store
from shared.store.collections import Database
from tests.helpers import (
    CITIZEN,
    DUTY,
    DUTY_ID,
    alert_texts,
    command,
    escalate,
    pump,
    report,
)
from tests.line import SEED, Line, officer_ids

pytestmark = pytest.mark.emulators
# Google's Firestore API calls that read documents.
READS = {
    "get_document",
    "list_documents",
    "batch_get_documents",
    "run_query",
    "list_collection_ids",
}
WATCHED = READS | {"commit", "begin_transaction", "batch_write", "rollback"}


def _documents(line: Line, database: Database) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every document of one database, with its path."""

    def walk(collection: Any) -> Iterator[tuple[str, dict[str, Any]]]:
        for ref in collection.list_documents():
            snap = ref.get()
            if snap.exists:
                yield ref.path, snap.to_dict() or {}
            for sub in ref.collections():
                yield from walk(sub)

    for collection in line.db.client(database).collections():
        yield from walk(collection)


@pytest.fixture
def webhook_calls(line: Line) -> list[tuple[str, str, Any]]:
    """(database, API method, request) of every call the webhook's clients make."""
    calls: list[tuple[str, str, Any]] = []
    dbs = bootstrap.get_webhook().door.store.dbs  # type: ignore[attr-defined]
    for database in Database:
        if not dbs.reaches(database):
            continue
        api = dbs.client(database)._firestore_api

        def watch(name: str, real: Callable[..., Any], db: str = database.value) -> Any:
            def call(*args: Any, **kwargs: Any) -> Any:
                calls.append((db, name, kwargs.get("request")))
                return real(*args, **kwargs)

            return call

        for name in WATCHED:
            setattr(api, name, watch(name, getattr(api, name)))
    return calls


def test_a_tips_life_writes_the_zalo_id_only_to_contacts(
    line: Line, webhook_calls: list[tuple[str, str, Any]]
) -> None:
    ref = report(
        line, "co may dua chich hut o hem 12 duong tan son nhi phuong tan son nhi, nhanh len"
    )
    command(line, DUTY, f"NHAN {ref}")
    line.citizen_says(CITIZEN, "tui thay tụi nó vo lai r")
    assert pump(line) == [200]
    assert alert_texts(line, DUTY, ref)
    assert any("đã tiếp nhận tin báo" in t for t in line.texts(CITIZEN))
    assert line.tip(ref)["held_by"] == DUTY_ID

    contacts = dict(_documents(line, Database.CONTACTS))
    (citizen,) = [d for d in contacts.values() if d.get("zalo_user_id") == CITIZEN]
    assert citizen["expire_at"] and citizen["first_seen_at"]
    main = dict(_documents(line, Database.MAIN))
    assert main, "the tip's documents are in (default)"
    assert not any(p.startswith(("reporters/", "officers/", "oa_tokens/")) for p in main)
    identity = {p.split("/")[0] for p in dict(_documents(line, Database.IDENTITY))}
    assert {"officers", "oa_tokens", "rosters", "units"} <= identity

    assert {db for db, _, _ in webhook_calls} == {"main", "contacts"}
    on_contacts = [(name, request) for db, name, request in webhook_calls if db == "contacts"]
    assert on_contacts and all(name == "commit" for name, _ in on_contacts), on_contacts
    for _, request in on_contacts:
        for write in request["writes"]:
            precondition = getattr(write, "_pb", write).current_document
            # A create (exists=false), nothing else: no update, no delete.
            assert precondition.HasField("exists") and not precondition.exists, write


def test_no_main_document_holds_a_zalo_id_after_a_tips_whole_life(line: Line) -> None:
    """Routing, the alert, a ladder step, the take, an officer's question and the
    citizen's answer, the resolve notice (failing once, so the escalator's sweep sends
    it from its stored record): every send reached its person, and no document of
    (default) holds the citizen's or any officer's Zalo id."""
    ref = report(
        line, "co may dua chich hut o hem 12 duong tan son nhi phuong tan son nhi, le len dum"
    )
    line.advance(minutes=5)
    escalate(line)  # the ladder's second step pages the ward's commander
    assert [a for a in line.alerts() if a["step"] == "c0s2r0" and a["status"] == "sent"]
    command(line, DUTY, f"nhan {ref}")
    command(line, DUTY, f"HOI {ref} nha so may vay a?")
    line.advance(hours=2)  # past intake's window: the answer is forwarded, not grouped
    line.citizen_says(CITIZEN, "nha so 45 hem 12 a, tui dung o dau hem")
    assert set(pump(line)) == {200}
    assert any("nha so 45" in t for t in line.texts(DUTY)), (
        line.texts(DUTY)[-3:],
        line.texts(CITIZEN),
    )
    line.standin.fault(CITIZEN, http_status=500, times=1)
    command(line, DUTY, f"XONG {ref} da bat 2 doi tuong")
    told = line.texts(CITIZEN)
    assert not any("xử lý xong" in t for t in told)  # Zalo failed it: kept for the sweep
    line.advance(minutes=2)
    escalate(line)

    told = line.texts(CITIZEN)
    for said in ("đã tiếp nhận tin báo", "đã được", "cần hỏi thêm", "xử lý xong"):
        assert any(said in t for t in told), (said, told)
    assert len([t for t in told if "xử lý xong" in t]) == 1
    replies = [d for p, d in _documents(line, Database.MAIN) if p.startswith("replies/")]
    assert replies and all(r["status"] == "sent" for r in replies), replies
    ids = {CITIZEN, *officer_ids(SEED.read_text(encoding="utf-8"))}
    holding = {
        p: sorted(i for i in ids if i in json.dumps(d, default=str))
        for p, d in _documents(line, Database.MAIN)
    }
    assert {p: found for p, found in holding.items() if found} == {}


def test_a_crash_between_the_contact_and_the_commit_loses_and_doubles_nothing(
    line: Line, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The contact is created, then intake's commit fails once (Firestore answered
    UNAVAILABLE): the delivery is retried (by Zalo, or through Pub/Sub's deferred
    intake), finds the contact there, and stores the message once."""
    real, failed = intake_store._commit, []

    def commit_fails_once(*args: Any, **kwargs: Any) -> Any:
        if not failed:
            failed.append(True)
            raise gexc.ServiceUnavailable("the test: Firestore went away after the contact")
        return real(*args, **kwargs)

    monkeypatch.setattr(intake_store, "_commit", commit_fails_once)
    line.citizen_says(CITIZEN, "Ở hẻm 45 Tân Sơn Nhì có đánh bạc, công an xuống lẹ giùm")
    pump(line, times=2)  # a deferred intake, if the webhook fell back to it, twice
    assert failed
    (tip,) = [
        d for p, d in _documents(line, Database.MAIN) if p.startswith("tips/") and "/" not in p[5:]
    ]
    messages = [p for p, _ in _documents(line, Database.MAIN) if p.startswith("messages/")]
    assert len(messages) == 1
    contacts = [d for _, d in _documents(line, Database.CONTACTS) if d.get("zalo_user_id")]
    assert [c["zalo_user_id"] for c in contacts] == [CITIZEN]
    acks = [t for t in line.texts(CITIZEN) if "đã tiếp nhận tin báo" in t]
    assert len(acks) == 1 and tip["ref"] in acks[0]
