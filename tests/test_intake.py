"""Intake's pure parts: which tip a message joins, fair use, the tip's bounded
summary, the updates officers get, the door's judging of odd and stale events,
and the messages of `tinbao-events`. No emulator: values in, values out."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from shared.core import intake
from shared.core import tip as tip_core
from shared.core.events import DeferredEvent, TipEvent, decode
from shared.core.intake import FairUse, Inbound, SenderState, Summary
from shared.core.refcode import new_code
from shared.core.tip import Tip, TipStatus
from shared.core.tip_entries import TipText
from shared.store.intake_documents import sender_from_doc
from shared.store.summary_documents import summary_fields
from shared.zalo import inbound, signature
from shared.zalo.events import MediaAttachment, parse_event
from shared.zalo.oa import OaConfig
from tests.helpers import firestore_size

NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
WINDOW = timedelta(minutes=30)
FAIR = FairUse(burst_messages=20, burst_window=timedelta(minutes=10), tips_per_day=5)
REF = new_code(lambda _alphabet: "A")  # a code of today's length: TB-AAAAAA


def drawing(ref: str) -> Callable[[], str]:
    """A code draw that always gives `ref`."""
    return lambda: ref


OTHERS = Path(__file__).parent / "fixtures" / "zalo" / "others"


def message(n: int, text: str = "co trom xe may", kind: str = "tip", **kw: object) -> Inbound:
    fields: dict[str, object] = {
        "key": f"app:m{n}",
        "app_id": "app",
        "oa_id": "oa",
        "msg_id": f"m{n}",
        "event_name": "user_send_text",
        "text": text,
        "locations": (),
        "attachments": (),
        "zalo_timestamp": "1764554400000",
        "kind": kind,
    }
    fields.update(kw)
    return Inbound(**fields)  # type: ignore[arg-type]


# --- which tip, and fair use -----------------------------------------------------------


def test_tip_material_opens_a_tip_and_later_messages_join_it_within_the_window() -> None:
    first = intake.plan("tip", SenderState(), NOW, WINDOW, FAIR, drawing(REF))
    assert (first.action, first.tip_id, first.seq) == ("open", REF, 1)
    second = intake.plan(
        "chat", first.state, NOW + timedelta(minutes=29), WINDOW, FAIR, drawing("TB-B")
    )
    assert (second.action, second.tip_id, second.seq) == ("join", REF, 2)
    late = intake.plan(
        "tip", second.state, NOW + timedelta(minutes=60), WINDOW, FAIR, drawing("TB-C")
    )
    assert (late.action, late.tip_id, late.seq) == ("open", "TB-C", 1)


def test_a_message_stored_after_a_newer_tip_opened_is_not_that_tips() -> None:
    # Firestore down for longer than the window: the router stores the deferred messages
    # in whatever order Pub/Sub hands them over. The newer message opened a tip first.
    newer = intake.plan(
        "tip", SenderState(), NOW + timedelta(minutes=35), WINDOW, FAIR, drawing("TB-NEW")
    )
    late = intake.plan("tip", newer.state, NOW, WINDOW, FAIR, drawing("TB-OLD"))
    assert (late.action, late.tip_id, late.seq) == ("open", "TB-OLD", 1)
    # the newer tip stays the one the next messages join, its window as it was
    assert late.state.open_tip_id == "TB-NEW"
    assert late.state.open_until == newer.state.open_until
    assert late.state.tips_opened == 2
    chat = intake.plan("chat", newer.state, NOW, WINDOW, FAIR, drawing("TB-X"))
    assert chat.action == "none"
    follow = intake.plan(
        "tip", late.state, NOW + timedelta(minutes=40), WINDOW, FAIR, drawing("TB-Y")
    )
    assert (follow.action, follow.tip_id) == ("join", "TB-NEW")
    # within the open tip's own half hour, a message stored out of order joins it and
    # never shortens its window
    first = intake.plan("tip", SenderState(), NOW, WINDOW, FAIR, drawing(REF))
    later = intake.plan(
        "tip", first.state, NOW + timedelta(minutes=20), WINDOW, FAIR, drawing("TB-Z")
    )
    between = intake.plan(
        "tip", later.state, NOW + timedelta(minutes=10), WINDOW, FAIR, drawing("TB-Z")
    )
    assert (between.action, between.tip_id) == ("join", REF)
    assert between.state.open_until == NOW + timedelta(minutes=50)
    # received a moment before the newer tip opened (messages sent at once, their turns
    # taken in any order): in order the newer would have joined it, so it joins the newer,
    # and the tip's opening moves back to it
    moment = intake.plan(
        "tip", newer.state, NOW + timedelta(minutes=34), WINDOW, FAIR, drawing("TB-OLD")
    )
    assert (moment.action, moment.tip_id, moment.seq) == ("join", "TB-NEW", 2)
    assert moment.state.open_since == NOW + timedelta(minutes=34)
    assert moment.state.open_until == newer.state.open_until
    # a state written before `open_since` was kept decides as before
    unknown = replace(newer.state, open_since=None)
    assert intake.plan("tip", unknown, NOW, WINDOW, FAIR, drawing("TB-OLD")).action == "join"


def test_questions_and_commands_never_touch_tips_and_chat_never_opens_one() -> None:
    def no_draw() -> str:
        raise AssertionError("a code drawn for a message that opens no tip")

    for kind in ("question", "command", "chat"):
        assert intake.plan(kind, SenderState(), NOW, WINDOW, FAIR, no_draw).action == "none"  # type: ignore[arg-type]


def test_beyond_the_burst_messages_are_throttled_but_commands_never() -> None:
    state = SenderState()
    throttled = []
    for n in range(25):
        step = intake.plan(
            "chat", state, NOW + timedelta(seconds=n), WINDOW, FAIR, drawing(f"TB-{n}")
        )
        throttled.append(step.throttled)
        state = step.state
    assert throttled == [False] * 20 + [True] * 5
    command = intake.plan("command", state, NOW + timedelta(days=2), WINDOW, FAIR, drawing("TB-X"))
    # Not throttled, and the state as it was (not even a stale burst or day restarted):
    # intake writes none for a command.
    assert not command.throttled and command.state == state
    # A new burst window starts afresh.
    later = intake.plan("chat", state, NOW + timedelta(minutes=11), WINDOW, FAIR, drawing("TB-Y"))
    assert not later.throttled and later.state.burst_count == 1


def test_a_citizen_who_opened_their_tips_for_the_day_has_tip_material_join_the_open_one() -> None:
    state, opened = SenderState(), []
    at = NOW
    for n in range(8):
        at += timedelta(minutes=31)  # each message after the window of the last
        step = intake.plan("tip", state, at, WINDOW, FAIR, drawing(f"TB-{n}"))
        opened.append(step.action)
        state = step.state
    assert opened == ["open"] * 5 + ["join"] * 3
    assert state.open_tip_id == "TB-4"
    # Once officers finished it, a new tip opens even past the cap.
    done = replace(state, open_tip_status=TipStatus.RESOLVED.value)
    assert intake.plan("tip", done, at, WINDOW, FAIR, drawing("TB-9")).action == "open"
    # The next day counts afresh.
    tomorrow = intake.plan("tip", state, at + timedelta(days=1), WINDOW, FAIR, drawing("TB-10"))
    assert tomorrow.action == "open"


def test_only_a_citizens_first_tip_is_marked_first_and_an_uncounted_state_never_is() -> None:
    state, first = SenderState(), []
    at = NOW
    for n in range(3):
        at += timedelta(minutes=31)
        step = intake.plan("tip", state, at, WINDOW, FAIR, drawing(f"TB-{n}"))
        joined = intake.plan("chat", step.state, at, WINDOW, FAIR, drawing("TB-X"))
        first += [step.first_tip, joined.first_tip]
        state = joined.state
    assert first == [True, False, False, False, False, False]
    assert state.tips_total == 3
    # A state written before tips were counted: none of its tips is taken as the first.
    unknown = replace(SenderState(), tips_total=None)
    step = intake.plan("tip", unknown, NOW, WINDOW, FAIR, drawing("TB-Y"))
    assert (step.action, step.first_tip, step.state.tips_total) == ("open", False, None)


def test_a_sender_document_without_the_count_is_unknown_and_no_document_is_a_new_citizen() -> None:
    assert sender_from_doc(None).tips_total == 0
    assert sender_from_doc({"open_tip_id": None}).tips_total is None
    assert sender_from_doc({"tips_total": 2}).tips_total == 2


# --- the bounded summary ------------------------------------------------------------------


def worst(n: int) -> Inbound:
    """A message as big as a citizen can make one: long 4-byte text, long links."""
    link = "https://f21-zpc.zdn.vn/" + "x" * 2020
    return message(
        n,
        "😡" * 20_000,
        event_name="user_send_image",
        locations=(intake.Location("10.79870000000000000001", "106.63010000000000000001"),),
        attachments=tuple(
            intake.AttachmentRef("image" * 12, link, link, "tệp" * 400, "9" * 60) for _ in range(10)
        ),
    )


def test_a_thousand_worst_case_messages_keep_the_tip_summary_under_a_fixed_size() -> None:
    summary = Summary()
    sizes = []
    for n in range(1, 1001):
        summary = intake.fold(summary, worst(n), n, NOW)
        sizes.append(firestore_size(f"tips/{REF}", summary_fields(summary)))
    assert len(summary.texts) == intake.FIRST_TEXTS + intake.LATEST_TEXTS
    assert [t.seq for t in summary.texts] == [1, 2, 3, 996, 997, 998, 999, 1000]
    assert len(summary.locations) == intake.LATEST_LOCATIONS
    assert len(summary.attachments) == intake.FIRST_ATTACHMENTS + intake.LATEST_ATTACHMENTS
    assert (summary.messages, summary.texts_total, summary.attachments_total) == (1000, 1000, 10000)
    assert all(len(t.text) <= intake.SHOWN_TEXT_CHARS for t in summary.texts)
    # It stops growing once full (but for the digits of longer message numbers),
    # and stays well inside Firestore's 1 MiB.
    assert max(sizes) - sizes[20] < 100
    assert max(sizes) <= 96 * 1024, max(sizes)
    print(f"\nworst-case summary: {sizes[-1]:,} bytes")


def test_a_long_text_is_cut_on_the_tip_and_a_link_too_long_to_show_is_left_out() -> None:
    long = "Co nguoi ban ma tuy " * 2000
    link = "https://example.vn/" + "a" * 3000
    folded = intake.fold(
        Summary(), message(1, long, attachments=(intake.AttachmentRef("image", link),)), 1, NOW
    )
    (text,) = folded.texts
    assert text.text.endswith(intake.CUT) and len(text.text) <= intake.SHOWN_TEXT_CHARS
    assert long.startswith(text.text.removesuffix(intake.CUT))
    assert folded.attachments[0].url is None and folded.attachments_total == 1


def test_texts_sent_at_once_are_kept_in_the_order_they_were_received() -> None:
    # Six messages sent together take their turns in any order: the tip numbers them as
    # stored, and shows them as written.
    received = [NOW + timedelta(milliseconds=200 * i) for i in range(6)]
    turns = [3, 0, 5, 1, 4, 2]
    summary = Summary()
    for seq, i in enumerate(turns, 1):
        summary = intake.fold(summary, message(i, f"tin thứ {i}"), seq, received[i])
    assert [t.text for t in summary.texts] == [f"tin thứ {i}" for i in range(6)]
    assert [t.seq for t in summary.texts] == [2, 4, 6, 1, 5, 3]
    # A text kept before receipt times were stays where it was; one received at the same
    # moment as another comes after it.
    old = Summary(texts=(TipText("m0", "tin cũ", None, 1),), messages=1, texts_total=1)
    later = intake.fold(old, message(1, "tin mới"), 2, NOW)
    same = intake.fold(later, message(2, "cùng lúc"), 3, NOW)
    assert [t.text for t in same.texts] == ["tin cũ", "tin mới", "cùng lúc"]


# --- updates to officers ---------------------------------------------------------------------


def routed(count: int, told: int, told_at: datetime | None = None) -> Tip:
    return Tip(
        REF,
        TipStatus.ROUTED,
        "r_x",
        "oa",
        NOW,
        message_count=count,
        told_count=told,
        told_at=told_at,
    )


def test_officers_are_told_at_once_then_at_most_once_a_pause() -> None:
    every = timedelta(minutes=5)
    first = tip_core.tell(routed(2, 1), NOW, "app:m2", every, "router")
    assert first is not None
    assert (first.tip.told_from, first.tip.told_count, first.tip.told_updates) == (1, 2, 1)
    assert first.event.kind == "officers_updated"
    during = replace(first.tip, message_count=9)
    assert tip_core.tell(during, NOW + timedelta(minutes=4), "app:m9", every, "router") is None
    after = tip_core.tell(during, NOW + every, "flush", every, "escalator")
    assert after is not None and (after.tip.told_from, after.tip.told_count) == (2, 9)
    assert tip_core.tell(after.tip, NOW + 2 * every, "flush", every, "escalator") is None


def test_a_tip_not_before_officers_gets_no_update() -> None:
    received = replace(routed(3, 0), status=TipStatus.RECEIVED)
    assert tip_core.tell(received, NOW, "m", timedelta(minutes=5), "router") is None


# --- tinbao-events -----------------------------------------------------------------------


def test_both_shapes_of_tinbao_events_decode_by_their_kind() -> None:
    tip = TipEvent(kind="tip.updated", tip_id="TB-A", message_id="app:m1", oa_id="oa", at=NOW)
    assert decode(tip.encode()) == tip
    deferred = DeferredEvent(
        message_id="app:m1", oa_id="oa", at=NOW, raw='{"a": 1}', pseudonyms=("r_new", "r_old")
    )
    again = decode(deferred.encode())
    assert isinstance(again, DeferredEvent) and again == deferred
    assert deferred.ordering_key == "r_new" and deferred.attributes()["kind"] == "intake.deferred"


# --- judging at the door ------------------------------------------------------------------

APP, OA, KEY = "360846524940903967", "388613280878808645", "oa-key"
OAS = [OaConfig(OA, APP, "hcm-desk", KEY)]


def signed(event: dict[str, object]) -> tuple[bytes, dict[str, str]]:
    raw = json.dumps(event, ensure_ascii=False).encode()
    header = signature.header_for(APP, raw, str(event["timestamp"]), KEY)
    return raw, {"X-ZEvent-Signature": header}


def text_event(timestamp: datetime, **changes: object) -> dict[str, object]:
    event: dict[str, object] = {
        "app_id": APP,
        "sender": {"id": "246845883529197922"},
        "recipient": {"id": OA},
        "event_name": "user_send_text",
        "message": {"text": "alo", "msg_id": "m1"},
        "timestamp": str(int(timestamp.timestamp() * 1000)),
    }
    event.update(changes)
    return event


def test_a_signed_event_older_than_the_limit_is_refused_as_a_replay() -> None:
    raw, headers = signed(text_event(NOW - timedelta(hours=25)))
    verdict = inbound.judge("POST", headers, raw, OAS, NOW, timedelta(hours=24))
    assert isinstance(verdict, inbound.Rejection) and verdict.status == 403
    assert verdict.field == "timestamp"
    raw, headers = signed(text_event(NOW - timedelta(hours=23)))
    assert isinstance(
        inbound.judge("POST", headers, raw, OAS, NOW, timedelta(hours=24)), inbound.Accepted
    )


def test_a_signed_event_of_an_unexpected_shape_is_accepted_naming_what_did_not_fit() -> None:
    raw, headers = signed(text_event(NOW, sender={"id": 246845883529197922}))
    verdict = inbound.judge("POST", headers, raw, OAS, NOW, timedelta(hours=24))
    assert isinstance(verdict, inbound.Accepted) and verdict.event is None
    assert verdict.problem is not None and verdict.problem.field == "sender.id"
    # Unsigned, the same body is refused.
    unsigned = inbound.judge("POST", {}, raw, OAS, NOW, timedelta(hours=24))
    assert isinstance(unsigned, inbound.Rejection) and unsigned.status == 401


def test_seconds_and_milliseconds_timestamps_read_alike() -> None:
    assert inbound.event_time("1764554400") == inbound.event_time("1764554400000")
    assert inbound.event_time("not-a-number") is None


@pytest.mark.parametrize("path", sorted(OTHERS.glob("*.json")), ids=lambda p: p.stem)
def test_payloads_written_by_others_parse(path: Path) -> None:
    event = parse_event(json.loads(path.read_text(encoding="utf-8")))
    assert event.event_name


def test_the_variants_others_send_parse_as_messages() -> None:
    size = parse_event(json.loads((OTHERS / "variant_size_as_number.json").read_text()))
    assert size.message.attachments[0].payload.size == "233947"  # type: ignore[union-attr]
    empty = parse_event(json.loads((OTHERS / "variant_empty_user_id_by_app.json").read_text()))
    assert empty.user_id_by_app == ""  # type: ignore[union-attr]
    card = parse_event(json.loads((OTHERS / "variant_unknown_attachment_type.json").read_text()))
    (attachment,) = card.message.attachments  # type: ignore[union-attr]
    assert isinstance(attachment, MediaAttachment) and attachment.type == "business_card"


def test_pseudonyms_follow_the_keys_newest_first() -> None:
    new, old = inbound.pseudonyms(("k2", "k1"), OA, "u1")
    assert new != old and (new,) == inbound.pseudonyms(("k2",), OA, "u1")
    assert inbound.pseudonyms(("k2", "k2"), OA, "u1") == (new,)
