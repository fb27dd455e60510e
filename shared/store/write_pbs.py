"""Intake's writes as the Firestore client's `Write` protobufs, built directly.

The client's `WriteBatch.create` and `update` build every value through proto-plus
wrappers: ≈ 1.1 ms of CPU for a joining message's four documents on the bench
machine, the largest share of the webhook's own CPU under load after gRPC. The same
`Write` built on the raw protobuf classes, each value in its place (bench/README.md,
round 20), costs a fraction of that. Only plain values are
built here (what intake's documents hold: None, bool, int, float, str, bytes,
datetimes, lists and tuples, maps with string keys) and, for an update, field names
and field paths (`update` reads a dotted name as a path: the router's outcomes of a
tip's sends are written as `sends.<entry>`, where the client makes a `FieldPath`
for every leaf of every entry, the largest share of the router's CPU in that write,
bench/README.md, round 19); anything else makes the whole write go through the
client's own encoding. Either way the `Write` is the client's, field for field
(tests/test_write_pbs.py compares them).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from google.api_core.datetime_helpers import DatetimeWithNanoseconds
from google.cloud.firestore_v1 import _helpers
from google.cloud.firestore_v1.field_path import FieldPath
from google.cloud.firestore_v1.types import write
from google.protobuf import struct_pb2

_Write = write.Write.pb()
_NULL = struct_pb2.NULL_VALUE
_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")


class _NotPlain(Exception):
    """A value (or an update's field name) the client itself must encode."""


def _put(target: Any, v: Any) -> None:
    """`v` encoded into `target`, a `Value` already in its place in the write: built where
    it lies, never a submessage made apart and copied in (each level of nesting copied
    every leaf below it again: a joining message's ≈ 80 values cost 0.15–0.3 ms).
    In the client's order: bool before int (a bool is an int), a datetime with
    nanoseconds (read back from Firestore) before a datetime."""
    if v is None:
        target.null_value = _NULL
        return
    kind = type(v)
    if kind is str:
        target.string_value = v
    elif kind is bool:
        target.boolean_value = v
    elif kind is int:
        target.integer_value = v
    elif kind is float:
        target.double_value = v
    elif kind is DatetimeWithNanoseconds:
        target.timestamp_value.CopyFrom(v.timestamp_pb())
    elif kind is datetime:
        stamp = target.timestamp_value
        stamp.SetInParent()  # present even at the epoch, whose fields are all zero
        stamp.FromDatetime(v)
    elif kind is list or kind is tuple:
        array = target.array_value
        array.SetInParent()  # an empty list is an empty array, not no value
        values = array.values
        for x in v:
            _put(values.add(), x)
    elif kind is dict:
        mapped = target.map_value
        mapped.SetInParent()  # likewise an empty map
        _fill(mapped.fields, v)
    elif kind is bytes:
        target.bytes_value = v
    else:
        raise _NotPlain(kind.__name__)


def _fill(fields: Any, data: Mapping[str, Any]) -> None:
    """Each item of `data` encoded into `fields`, a map of `Value`s in its place."""
    for key, v in data.items():
        if type(key) is not str:
            raise _NotPlain("a key that is not a string")
        _put(fields[key], v)


def create_writes(document_path: str, data: Mapping[str, Any]) -> list[write.Write]:
    """What `WriteBatch.create(ref, data)` adds (`document_path`: the reference's full path)."""
    raw = _Write()
    try:
        raw.update.name = document_path
        _fill(raw.update.fields, data)
    except _NotPlain:
        return list(_helpers.pbs_for_create(document_path, data))
    raw.current_document.exists = False
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


def _nested(fields: Any, paths: list[tuple[str, ...]], values: list[Any]) -> None:
    """The update's document into `fields`: each path's value at its place, maps made on
    the way (no path lies inside another: `_update_paths` leaves those to the client)."""
    for parts, v in zip(paths, values, strict=True):
        node = fields
        for part in parts[:-1]:
            mapped = node[part].map_value
            mapped.SetInParent()
            node = mapped.fields
        _put(node[parts[-1]], v)


def update_writes(
    document_path: str, data: Mapping[str, Any], option: Any = None
) -> list[write.Write]:
    """What `WriteBatch.update(ref, data, option=option)` adds: the document must exist,
    or `option` (`Client.write_option(...)`) says what it must be. A dotted key is a
    field path, as to the client."""
    raw = _Write()
    try:
        if not data:
            raise _NotPlain("nothing to update")
        paths = _update_paths(data)
        raw.update.name = document_path
        if all(len(p) == 1 for p in paths):
            _fill(raw.update.fields, data)
            mask = sorted(data)
        else:
            _nested(raw.update.fields, paths, list(data.values()))
            mask = [FieldPath(*p).to_api_repr() for p in sorted(paths)]
    except _NotPlain:
        return list(_helpers.pbs_for_update(document_path, data, option))
    raw.update_mask.field_paths.extend(mask)
    raw.current_document.exists = True
    made = write.Write.wrap(raw)
    if option is not None:
        option.modify_write(made)
    return [made]


def update_in(target: Any, ref: Any, data: Mapping[str, Any], option: Any = None) -> None:
    """`target.update(ref, data, option=option)` for a batch or a transaction, its `Write`
    built here."""
    target._add_write_pbs(update_writes(ref._document_path, data, option))


def update_document(ref: Any, data: Mapping[str, Any], option: Any = None) -> Any:
    """`ref.update(data, option=option)`, its `Write` built here: one commit, its result."""
    batch = ref._client.batch()
    update_in(batch, ref, data, option)
    return batch.commit()[0]
