"""Sends name their recipient, never their Zalo id, on the in-memory store: who is
looked up when, a recipient who is gone, and the contacts the router keeps alive.

The same life on the emulators, scanning the real (default) database, is in
tests/test_databases.py."""

from __future__ import annotations

import json
import time
from datetime import timedelta

import pytest

from shared.store.collections import (
    ALERTS,
    DUE,
    HOME,
    OFFICERS,
    REPLIES,
    REPORTERS,
    Database,
    DueKind,
    due_id,
)
from tests.memory_line import MemoryLine
from tests.sends import memory_sends
from tests.test_usecases import CITIZEN, COMMANDER, DUTY, DUTY_ID, command, report

RETENTION = timedelta(days=365)  # TINBAO_RETENTION_DAYS's default, the memory line's


def contact(line: MemoryLine) -> dict[str, object]:
    (found,) = [d for d in line.store.docs[REPORTERS].values() if d["zalo_user_id"] == CITIZEN]
    return found


def test_every_send_reaches_its_person_and_no_main_document_holds_a_zalo_id(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"nhan {ref}")
    command(memory_line, DUTY, f"HOI {ref} nha so may a?")
    memory_line.advance(hours=2)
    memory_line.citizen_says(CITIZEN, "nha so 45 hem 12 a")
    memory_line.pump()
    command(memory_line, DUTY, f"XONG {ref} da xu ly xong")

    sends = [
        *memory_sends(memory_line.store, ALERTS).values(),
        *memory_sends(memory_line.store, REPLIES).values(),
    ]
    assert {s["to"].split(":")[0] for s in sends} == {"reporter", "officer"}
    for send in sends:
        assert send["status"] == "sent", send
        assert send["text"] in memory_line.texts(memory_line.user_of(send))
    people = {CITIZEN, *(o["zalo_user_id"] for o in memory_line.store.docs[OFFICERS].values())}
    main = [c for c, db in HOME.items() if db is Database.MAIN]
    holding = [
        f"{c}/{key}"
        for c in main
        for key, doc in memory_line.store.docs[c].items()
        if any(p in json.dumps(doc, default=str) for p in people)
    ]
    trails = [e for trail in memory_line.store.events.values() for e in trail]
    assert holding == [] and not any(p in json.dumps(trails, default=str) for p in people)


def test_a_notice_to_a_citizen_whose_contact_is_gone_ends_no_contact_once(
    memory_line: MemoryLine, capsys: pytest.CaptureFixture[str]
) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"NHAN {ref}")
    memory_line.store.docs[REPORTERS].clear()  # TTL removed the citizen's contact
    memory_line.advance(minutes=2)
    recipients = memory_line.router.commands.pager.dispatch.recipients
    recipients.monotonic = lambda: time.monotonic() + 120  # past the minute it keeps an id
    command(memory_line, DUTY, f"XONG {ref} da xu ly", times=2)

    assert any(f"XONG {ref}" in t or ref in t for t in memory_line.texts(DUTY)[-1:])
    notice = memory_sends(memory_line.store, REPLIES)[f"resolved:{ref}"]
    assert notice["status"] == "no_contact" and notice["to"].startswith("reporter:r_")
    assert due_id(DueKind.SEND, f"replies|resolved:{ref}") not in memory_line.store.docs[DUE]
    memory_line.advance(minutes=5)
    assert memory_line.escalate().failures == 0
    assert memory_sends(memory_line.store, REPLIES)[f"resolved:{ref}"]["status"] == "no_contact"
    assert not any("xử lý xong" in t for t in memory_line.texts(CITIZEN))
    logged = capsys.readouterr().out
    assert logged.count('"event": "dispatch.no_contact"') == 1 and CITIZEN not in logged


def test_an_alert_whose_officer_is_gone_lets_the_ladder_climb(memory_line: MemoryLine) -> None:
    memory_line.standin.fault(DUTY, http_status=500, times=1)
    ref = report(memory_line)
    (alert,) = memory_line.alerts()
    assert alert["status"] == "failed" and alert["to"] == f"officer:{DUTY_ID}"
    del memory_line.store.docs[OFFICERS][DUTY_ID]  # the officer's record was removed
    memory_line.advance(minutes=2)
    assert memory_line.escalate().failures == 0
    assert (
        memory_sends(memory_line.store, ALERTS)[f"{ref}:c0s1r0:{DUTY_ID}"]["status"] == "no_contact"
    )
    assert any(ref in t for t in memory_line.texts(COMMANDER))  # the next step, at once
    assert memory_line.texts(DUTY) == []


def test_the_router_renews_a_contact_running_out_and_leaves_a_fresh_one_alone(
    memory_line: MemoryLine,
) -> None:
    report(memory_line)
    fresh = contact(memory_line)["expire_at"]
    assert fresh == memory_line.clock.now() + RETENTION  # created by the webhook, untouched

    # Seven months on the contact has five left (less than half): the citizen's new
    # tip, which will be answered for days, renews it once.
    now = memory_line.advance(days=210)
    memory_line.citizen_says(
        CITIZEN,
        "lai co nhom thanh nien dung ma tuy o khach san duong Tan Son Nhi, phuong Tan Son Nhi",
    )
    assert set(memory_line.pump(times=2)) == {200}
    assert contact(memory_line)["expire_at"] == now + RETENTION

    later = memory_line.advance(days=30)  # more than half left: nothing written
    memory_line.citizen_says(CITIZEN, "cho hoi tam tru lam o dau vay")
    memory_line.pump()
    assert contact(memory_line)["expire_at"] == now + RETENTION != later + RETENTION
