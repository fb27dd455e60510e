"""Intake's writes built directly as protobufs are the Firestore client's own: for
every document intake writes (a tip opened and joined, with texts, locations and
files; the message with its classification; the sender's state under its
precondition; a follow; an officer's command) and for the values the client
encodes in its own way. No emulator: the client's encoding is pure."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from google.api_core.datetime_helpers import DatetimeWithNanoseconds
from google.cloud.firestore_v1 import DELETE_FIELD, SERVER_TIMESTAMP, GeoPoint, _helpers
from google.cloud.firestore_v1.field_path import FieldPath

from shared.core import intake
from shared.core.intake import AttachmentRef, Inbound, IntakeRules, Location, SenderState
from shared.store import write_pbs
from shared.store.intake_documents import follow_writes, intake_writes, sender_fields
from shared.store.write_pbs import create_writes, update_writes

PATH = "projects/p/databases/(default)/documents/tips/TB-AAAAAA"
NOW = datetime(2026, 12, 1, 2, 0, 0, 123456, tzinfo=UTC)
RULES = IntakeRules()
READ_BACK = DatetimeWithNanoseconds(2026, 12, 1, 1, 59, 58, nanosecond=123456789, tzinfo=UTC)


def message(n: int, kind: str = "tip", **kw: Any) -> Inbound:
    fields: dict[str, Any] = {
        "key": f"app:m{n}",
        "app_id": "app",
        "oa_id": "oa",
        "msg_id": f"m{n}",
        "event_name": "user_send_text",
        "text": f"Có người bán ma túy ở hẻm 12 đường Lũy Bán Bích ({n})",
        "locations": (),
        "attachments": (),
        "zalo_timestamp": "1764554400000",
        "kind": kind,
        "classification": {"category": "ma_tuy", "confidence": 0.82, "terms": ["ma túy"]},
    }
    fields.update(kw)
    return Inbound(**fields)


def documents() -> list[dict[str, Any]]:
    """Every document intake writes over a conversation: opened, joined, a command."""
    docs: list[dict[str, Any]] = []
    state, summary = SenderState(), None
    inbounds = [
        message(1),
        message(2, locations=(Location("10.7987", "106.6301"),), text=""),
        message(3, attachments=(AttachmentRef("image", "https://x/y.jpg", None, "ảnh", "12"),)),
        *[message(n, kind="chat") for n in range(4, 14)],
        message(14, kind="command", classification={}),
    ]
    for n, msg in enumerate(inbounds):
        plan = intake.plan(
            msg.kind,
            state,
            NOW + timedelta(seconds=n),
            RULES.window,
            RULES.fair,
            lambda: "TB-AAAAAA",
        )
        w = intake_writes(msg, "rk", "uid", '{"raw": "sự kiện"}', NOW, RULES, plan, summary)
        docs += [d for d in (w.new_tip, w.joined, w.message, w.sender) if d]
        state, summary = plan.state, w.summary or summary
    docs += [d for d in follow_writes("f", "oa", "app", "rk", "uid", True, NOW, 365)]
    docs.append({**sender_fields(state, READ_BACK, NOW), "first_seen_at": READ_BACK})
    docs.append(
        {
            "nothing": None,
            "empty_list": [],
            "empty_map": {},
            "nested": {"a": [1, 2.5, True, False, None, b"\x00\xff", ("t", READ_BACK)]},
            "naive": datetime(2026, 1, 2, 3, 4, 5, 6),
            "big": 2**62,
            "negative": -1.5,
        }
    )
    # Values whose fields are all zero or empty, each built in its place: still present
    # (a zero timestamp, an empty array or map inside another, a zero, an empty text).
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    docs.append(
        {
            "epoch": epoch,
            "zero": 0,
            "zero_float": 0.0,
            "empty_text": "",
            "no": False,
            "empty_bytes": b"",
            "inside": [{}, [], [epoch], {"at": epoch, "n": 0, "empty": {"deeper": []}}],
        }
    )
    return docs


class _Str(str):
    """A string of a subclass (an enum's member, say): the client's to encode."""


def the_same(mine: list[Any], theirs: list[Any]) -> bool:
    return [type(w).pb(w) for w in mine] == [type(w).pb(w) for w in theirs]


@pytest.mark.parametrize("doc", documents(), ids=lambda d: ",".join(sorted(d))[:60])
def test_a_create_is_the_clients_own(doc: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(write_pbs, "_helpers", None)  # built here, not by the client
    assert the_same(create_writes(PATH, doc), _helpers.pbs_for_create(PATH, doc))


@pytest.mark.parametrize("doc", documents(), ids=lambda d: ",".join(sorted(d))[:60])
def test_an_update_is_the_clients_own_with_and_without_a_precondition(
    doc: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(write_pbs, "_helpers", None)  # built here, not by the client
    for option in (None, _helpers.LastUpdateOption(READ_BACK), _helpers.ExistsOption(True)):
        theirs = _helpers.pbs_for_update(PATH, doc, option)
        assert the_same(update_writes(PATH, doc, option), theirs)


@pytest.mark.parametrize(
    "doc",
    [
        {"ladder.step": 2},  # a dotted name is a field path to `update`
        {"at": SERVER_TIMESTAMP},  # a transform
        {"where": GeoPoint(10.8, 106.6)},
        {"status": _Str("routed")},
    ],
    ids=["path", "transform", "geopoint", "str-subclass"],
)
def test_what_is_not_plain_goes_through_the_clients_encoding(doc: dict[str, Any]) -> None:
    assert the_same(update_writes(PATH, doc), _helpers.pbs_for_update(PATH, doc, None))
    if "." not in next(iter(doc)):
        assert the_same(create_writes(PATH, doc), _helpers.pbs_for_create(PATH, doc))


# --- field paths: the router's outcomes of a tip's sends (`sends.<entry>`) ------------------


def entry_path(entry: str) -> str:
    return FieldPath("sends", entry).to_api_repr()


OUTCOME = {
    "status": "sent",
    "attempts": 2,
    "sent_at": NOW,
    "result": {"message_id": "zm-77", "quota": {"left": 3999}},
    "errors": [],
    "detail": {},
    "read_back": READ_BACK,
}


@pytest.mark.parametrize(
    "doc",
    [
        {entry_path("alerts|TB-AAAAAA:alert:off-3"): OUTCOME},
        {
            entry_path("replies|app:m9"): {"status": "failed", "attempts": 3, "error": "-32"},
            entry_path("alerts|TB-AAAAAA:alert:off-1"): OUTCOME,
            "due_at": NOW + timedelta(minutes=2),
        },
        {"ladder.step": 2, "ladder.at": NOW, "status": "routed"},  # dotted plain names
        {entry_path("notices|a.b`c\\d"): {"ok": True}},  # dots, a backtick, a backslash
        {entry_path("alerts|x"): {}},  # an empty map
        {"sends.plain": {"n": 1}, "sends_due": None},
    ],
    ids=["one-entry", "two-entries-and-due", "dotted", "odd-characters", "empty", "prefix-name"],
)
def test_an_update_by_field_paths_is_the_clients_own(
    doc: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(write_pbs, "_helpers", None)  # built here, not by the client
    for option in (None, _helpers.LastUpdateOption(READ_BACK)):
        theirs = _helpers.pbs_for_update(PATH, doc, option)
        assert the_same(update_writes(PATH, doc, option), theirs)


@pytest.mark.parametrize(
    "doc",
    [
        {entry_path("alerts|x"): {"status": DELETE_FIELD}},  # a sentinel deep inside
        {entry_path("alerts|x"): {"at": SERVER_TIMESTAMP, "n": 1}},
        {"sends.`alerts|x`": 1, entry_path("alerts|x"): 2},  # one path written twice
    ],
    ids=["nested-delete", "nested-transform", "same-path-twice"],
)
def test_field_paths_the_client_treats_apart_go_through_its_encoding(doc: dict[str, Any]) -> None:
    try:
        theirs = _helpers.pbs_for_update(PATH, doc, None)
    except ValueError:
        with pytest.raises(ValueError):
            update_writes(PATH, doc)
        return
    assert the_same(update_writes(PATH, doc), theirs)


def test_a_path_inside_another_is_refused_as_the_client_refuses_it() -> None:
    for doc in ({"sends": {}, entry_path("alerts|x"): 1}, {"a.b": 1, "a.b.c": 2}):
        with pytest.raises((ValueError, TypeError)) as theirs:
            _helpers.pbs_for_update(PATH, doc, None)
        with pytest.raises(theirs.type):
            update_writes(PATH, doc)
