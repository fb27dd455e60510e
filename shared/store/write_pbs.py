"""Intake's writes as the Firestore client's `Write` protobufs, built directly.

The client's `WriteBatch.create` and `update` build every value through proto-plus
wrappers: ≈ 1.1 ms of CPU for a joining message's four documents on the bench
machine, the largest share of the webhook's own CPU under load after gRPC. The same
`Write` built on the raw protobuf classes costs a fraction of that: since round 32 as
nested dicts of each value's fields handed to the protobuf's constructor, which builds
the whole `Write` in C (round 20 set each value in its place from Python, a wrapper
object made for every map entry and value; bench/README.md). Only plain values are
built here (what intake's documents hold: None, bool, int, float, str, bytes,
datetimes, lists and tuples, maps with string keys) and, for an update, field names
and field paths (`update` reads a dotted name as a path: the router's outcomes of a
tip's sends are written as `sends.<entry>`, where the client makes a `FieldPath`
for every leaf of every entry, the largest share of the router's CPU in that write,
bench/README.md, round 19); anything else makes the whole write go through the
client's own encoding. Either way the `Write` is the client's, field for field
(tests/test_write_pbs.py and tests/test_write_pbs_r32.py compare them).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from google.api_core.datetime_helpers import DatetimeWithNanoseconds
from google.cloud.firestore_v1 import _helpers
from google.cloud.firestore_v1._helpers import LastUpdateOption
from google.cloud.firestore_v1.field_path import FieldPath
from google.cloud.firestore_v1.types import firestore as requests
from google.cloud.firestore_v1.types import write
from google.protobuf import struct_pb2, timestamp_pb2
from proto.datetime_helpers import DatetimeWithNanoseconds as ReadBack

_Write = write.Write.pb()
_NULL = struct_pb2.NULL_VALUE
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_EPOCH_NAIVE = datetime(1970, 1, 1)
_BEFORE_2100 = datetime(2100, 1, 1, tzinfo=UTC)
_MISSING = {"exists": False}  # a create's precondition
_EXISTS = {"exists": True}  # an update's
_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")


class _NotPlain(Exception):
    """A value (or an update's field name) the client itself must encode."""


def _stamp(v: datetime) -> Any:
    """A datetime as its `Timestamp`'s fields, as `Timestamp.FromDatetime` makes them (whole
    seconds since the epoch, rounded down; the microseconds as nanoseconds): for UTC and
    naive times (read as UTC) by subtraction, in C; any other zone through the protobuf's
    own conversion."""
    zone = v.tzinfo
    if zone is UTC:
        since = v - _EPOCH
    elif zone is None:
        since = v - _EPOCH_NAIVE
    else:
        stamp = timestamp_pb2.Timestamp()
        stamp.FromDatetime(v)
        return stamp
    return {"seconds": since.days * 86400 + since.seconds, "nanos": v.microsecond * 1000}


def _value(v: Any) -> Any:
    """`v` as the fields of its `Value`: a dict (or a message) the protobuf's constructor
    builds in C, the whole write at once (round 32: setting each value in its place from
    Python, round 20's way, made a wrapper object for every map entry and value and cost
    ≈ 40 % of the webhook's own instructions a request). An empty dict still makes its
    field present (an empty map or array, a zero timestamp), as `SetInParent` did. In the
    client's order: bool before int (a bool is an int), a datetime with nanoseconds (read
    back from Firestore) before a datetime."""
    kind = type(v)
    if kind is str:
        return {"string_value": v}
    if v is None:
        return {"null_value": _NULL}
    if kind is bool:
        return {"boolean_value": v}
    if kind is int:
        return {"integer_value": v}
    if kind is float:
        return {"double_value": v}
    if kind is DatetimeWithNanoseconds:
        return {"timestamp_value": v.timestamp_pb()}
    if kind is datetime:
        return {"timestamp_value": _stamp(v)}
    if kind is list or kind is tuple:
        return {"array_value": {"values": [_value(x) for x in v]}}
    if kind is dict:
        return {"map_value": {"fields": _fields(v)}}
    if kind is bytes:
        return {"bytes_value": v}
    raise _NotPlain(kind.__name__)


def _fields(data: Mapping[str, Any]) -> dict[str, Any]:
    """Each item of `data` as the fields of its `Value`, by its key."""
    out = {}
    for key, v in data.items():
        if type(key) is not str:
            raise _NotPlain("a key that is not a string")
        out[key] = _value(v)
    return out


def create_writes(document_path: str, data: Mapping[str, Any]) -> list[write.Write]:
    """What `WriteBatch.create(ref, data)` adds (`document_path`: the reference's full path)."""
    try:
        fields = _fields(data)
    except _NotPlain:
        return list(_helpers.pbs_for_create(document_path, data))
    raw = _Write(update={"name": document_path, "fields": fields}, current_document=_MISSING)
    return [write.Write.wrap(raw)]


def _update_paths(data: Mapping[str, Any]) -> list[tuple[str, ...]]:
    """Each key of an update as the path the client reads it as (`FieldPath.from_string`,
    once a key rather than once a leaf); paths the client would refuse or treat apart
    (one inside another, the same path twice) are left to it."""
    paths = []
    for key in data:
        if type(key) is not str:
            raise _NotPlain("a key that is not a string")
        if _PLAIN_NAME.fullmatch(key):
            paths.append((key,))
            continue
        try:
            paths.append(FieldPath.from_string(key).parts)
        except ValueError as exc:
            raise _NotPlain("a field path the client refuses") from exc
    seen = set(paths)
    if len(seen) != len(paths) or any(p[:i] in seen for p in paths for i in range(1, len(p))):
        raise _NotPlain("a field path inside another")
    return paths


def _nested(paths: list[tuple[str, ...]], values: list[Any]) -> dict[str, Any]:
    """The update's document's fields: each path's value at its place, maps made on the
    way (no path lies inside another: `_update_paths` leaves those to the client)."""
    fields: dict[str, Any] = {}
    for parts, v in zip(paths, values, strict=True):
        node = fields
        for part in parts[:-1]:
            if part not in node:
                node[part] = {"map_value": {"fields": {}}}
            node = node[part]["map_value"]["fields"]
        node[parts[-1]] = _value(v)
    return fields


def update_writes(
    document_path: str, data: Mapping[str, Any], option: Any = None
) -> list[write.Write]:
    """What `WriteBatch.update(ref, data, option=option)` adds: the document must exist,
    or `option` (`Client.write_option(...)`) says what it must be. A dotted key is a
    field path, as to the client."""
    try:
        if not data:
            raise _NotPlain("nothing to update")
        # Plain names only (intake's documents): each key its own path, none inside
        # another, as `_update_paths` would find them at three times the cost.
        plain = all(type(key) is str and _PLAIN_NAME.fullmatch(key) for key in data)
        paths = None if plain else _update_paths(data)
        if paths is None or all(len(p) == 1 for p in paths):
            fields = _fields(data)
            mask = sorted(data)
        else:
            fields = _nested(paths, list(data.values()))
            mask = [FieldPath(*p).to_api_repr() for p in sorted(paths)]
    except _NotPlain:
        return list(_helpers.pbs_for_update(document_path, data, option))
    precondition = _last_update(option) if option is not None else _EXISTS
    raw = _Write(
        update={"name": document_path, "fields": fields},
        update_mask={"field_paths": mask},
        current_document=precondition or _EXISTS,
    )
    made = write.Write.wrap(raw)
    if precondition is None:
        option.modify_write(made)
    return [made]


def _last_update(option: Any) -> dict[str, Any] | None:
    """The precondition `LastUpdateOption.modify_write` sets (the document last updated at
    that time), built with the write rather than through the client's own types; None for
    any other option, which then sets its own."""
    if type(option) is not LastUpdateOption:
        return None
    at = option._last_update_time
    kind = type(at)
    plain = kind is DatetimeWithNanoseconds or kind is datetime
    if not (plain or kind is ReadBack) or at.tzinfo is not UTC or not _EPOCH <= at < _BEFORE_2100:
        return None
    # The client's own types read a datetime (api_core's `DatetimeWithNanoseconds` too, its
    # nanoseconds dropped) by its float `timestamp()` and its microseconds: the same
    # seconds as `_stamp` for UTC from the epoch until the float's rounding can reach the
    # next second (a naive time is local time to it; Firestore's are now).
    stamp = _stamp(at)
    if kind is ReadBack:
        # proto-plus's own class, what a commit's results and a read's snapshots hold (the
        # sender's update time, round 34): read by its `timestamp_pb()`, nanoseconds kept.
        stamp["nanos"] = at.nanosecond
    return {"update_time": stamp}


def update_in(target: Any, ref: Any, data: Mapping[str, Any], option: Any = None) -> None:
    """`target.update(ref, data, option=option)` for a batch or a transaction, its `Write`
    built here."""
    target._add_write_pbs(update_writes(ref._document_path, data, option))


def update_document(ref: Any, data: Mapping[str, Any], option: Any = None) -> Any:
    """`ref.update(data, option=option)`, its `Write` built here: one commit, its result."""
    batch = ref._client.batch()
    update_in(batch, ref, data, option)
    return batch.commit()[0]


_CommitRequest = requests.CommitRequest.pb()


def commit(client: Any, writes: list[write.Write], rpc: Mapping[str, Any]) -> Any:
    """`batch.commit(**rpc)[-1].update_time` for a batch holding `writes`: the same
    request, metadata, retry and timeout, the request built by the protobuf's
    constructor and wrapped (the batch's dict was marshalled by proto-plus, `Write` by
    `Write`, ≈ 45 µs a commit of intake's, round 34), the update time read from the raw
    result as proto-plus reads it."""
    raw = _CommitRequest(database=client._database_string, writes=[w._pb for w in writes])
    response = client._firestore_api.commit(
        request=requests.CommitRequest.wrap(raw), metadata=client._rpc_metadata, **rpc
    )
    return ReadBack.from_timestamp_pb(response._pb.write_results[-1].update_time)
