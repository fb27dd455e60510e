"""Round 32: intake's writes built from nested dicts by the protobuf's constructor (one
call, in C) and their timestamps by subtraction stay the client's own `Write`, field for
field: every kind of time (UTC, naive, another zone, a zone with seconds in its offset,
before the epoch, with microseconds, read back with nanoseconds), every precondition
(a last update time of each kind, exists), and empty values inside others. The log line
and the audit copy of the event are the same text as before (each by one encoder made
once)."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from google.api_core.datetime_helpers import DatetimeWithNanoseconds
from google.cloud.firestore_v1 import _helpers
from google.protobuf import timestamp_pb2

from shared.logs import Logger
from shared.store import write_pbs
from shared.store.write_pbs import create_writes, update_writes
from shared.zalo import inbound

PATH = "projects/p/databases/(default)/documents/senders/r_0123"
ODD_ZONE = timezone(timedelta(hours=7, seconds=30, microseconds=500))
TIMES = [
    datetime(2026, 12, 1, 2, 0, 0, 123456, tzinfo=UTC),
    datetime(2026, 12, 1, 2, 0, 0, tzinfo=UTC),
    datetime(2026, 12, 1, 9, 0, 0, 999999, tzinfo=timezone(timedelta(hours=7))),
    datetime(2026, 1, 2, 3, 4, 5, 6),  # naive: UTC to the client
    datetime(1969, 12, 31, 23, 59, 59, 500000, tzinfo=UTC),  # before the epoch
    datetime(1, 1, 1, tzinfo=UTC),
    datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
    DatetimeWithNanoseconds(2026, 12, 1, 1, 59, 58, nanosecond=123456789, tzinfo=UTC),
]


def _stamp(at: datetime) -> timestamp_pb2.Timestamp:
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime(at)
    return stamp


def the_same(mine: list[Any], theirs: list[Any]) -> bool:
    return [type(w).pb(w) for w in mine] == [type(w).pb(w) for w in theirs]


def doc(at: datetime) -> dict[str, Any]:
    return {
        "at": at,
        "list": [at, {"at": at, "none": None, "empty": [], "map": {}}],
        "epoch": datetime(1970, 1, 1, tzinfo=UTC),
        "text": "Có người bán ma túy",
        "n": 3,
    }


@pytest.mark.parametrize("at", TIMES, ids=str)
def test_every_kind_of_time_is_the_clients_timestamp(
    at: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    theirs_create = _helpers.pbs_for_create(PATH, doc(at))
    theirs_update = _helpers.pbs_for_update(PATH, doc(at), None)
    monkeypatch.setattr(write_pbs, "_helpers", None)  # built here, not by the client
    assert the_same(create_writes(PATH, doc(at)), theirs_create)
    assert the_same(update_writes(PATH, doc(at)), theirs_update)


@pytest.mark.parametrize(
    "option",
    [
        *(_helpers.LastUpdateOption(at) for at in TIMES),
        _helpers.LastUpdateOption(_stamp(TIMES[0])),
        _helpers.ExistsOption(True),
        _helpers.ExistsOption(False),
        None,
    ],
    ids=lambda o: type(o).__name__ + str(getattr(o, "_last_update_time", "")),
)
def test_every_precondition_is_the_clients(option: Any) -> None:
    data = {"open_tip_id": "TB-AAAAAA", "tip_messages": 2, "last_message_at": TIMES[0]}
    theirs = _helpers.pbs_for_update(PATH, data, option)
    assert the_same(update_writes(PATH, data, option), theirs)


def test_a_zone_with_microseconds_in_its_offset_is_read_as_before() -> None:
    # The protobuf's `FromDatetime`, as round 20's builder read every time (the client's
    # own encoding moves the microseconds by the offset's; no zone of ours has such one).
    at = datetime(2026, 12, 1, 9, 0, 30, 654321, tzinfo=ODD_ZONE)
    (made,) = create_writes(PATH, {"at": at})
    assert type(made).pb(made).update.fields["at"].timestamp_value == _stamp(at)


def test_the_log_line_is_the_text_json_dumps_made() -> None:
    out = io.StringIO()
    fields = {"tip_id": "TB-AAAAAA", "seq": 2, "at": TIMES[0], "note": "đã nhận"}
    Logger("webhook", out).info("webhook.stored", **fields)
    line = json.loads(out.getvalue())
    record = {"severity": "INFO", "message": "webhook.stored", "event": "webhook.stored"}
    record |= {"component": "webhook", "time": line["time"], **fields}
    assert out.getvalue() == json.dumps(record, ensure_ascii=False, default=str) + "\n"


def test_the_audit_copy_is_the_text_json_dumps_made() -> None:
    raw = (
        '{"sender": {"id": "84712"}, "app_id": "1", "user_id_by_app": "9", '
        '"message": {"text": "Có người bán \\"ma túy\\" 😀", "lat": 10.79, "n": 1e5}}'
    ).encode()
    data = json.loads(raw.decode("utf-8"))
    data["sender"]["id"] = data["user_id_by_app"] = "r_x"
    made = json.dumps(data, ensure_ascii=False, sort_keys=True)
    assert inbound.redact(raw, "84712", "r_x") == made
