"""Intake's writes as the Firestore client's `Write` protobufs, built directly.

The client's `WriteBatch.create` and `update` build every value through proto-plus
wrappers: ≈ 1.1 ms of CPU for a joining message's four documents on the bench
machine, the largest share of the webhook's own CPU under load after gRPC. The same
`Write` built on the raw protobuf classes costs ≈ 0.2 ms. Only plain values are
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
from google.cloud.firestore_v1.types import common, document, write
from google.protobuf import struct_pb2, timestamp_pb2

_Value = document.Value.pb()
_MapValue = document.MapValue.pb()
_ArrayValue = document.ArrayValue.pb()
_Document = document.Document.pb()
_Write = write.Write.pb()
_Mask = common.DocumentMask.pb()
_Precondition = common.Precondition.pb()
_NULL = struct_pb2.NULL_VALUE
_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")


class _NotPlain(Exception):
    """A value (or an update's field name) the client itself must encode."""


def _value(v: Any) -> Any:
    # In the client's order: bool before int (a bool is an int), a datetime with
    # nanoseconds (read back from Firestore) before a datetime.
    if v is None:
        return _Value(null_value=_NULL)
    kind = type(v)
    if kind is str:
        return _Value(string_value=v)
    if kind is bool:
        return _Value(boolean_value=v)
    if kind is int:
        return _Value(integer_value=v)
    if kind is float:
        return _Value(double_value=v)
    if kind is DatetimeWithNanoseconds:
        return _Value(timestamp_value=v.timestamp_pb())
    if kind is datetime:
        stamp = timestamp_pb2.Timestamp()
        stamp.FromDatetime(v)
        return _Value(timestamp_value=stamp)
    if kind is list or kind is tuple:
        return _Value(array_value=_ArrayValue(values=[_value(x) for x in v]))
    if kind is dict:
        return _Value(map_value=_MapValue(fields=_fields(v)))
    if kind is bytes:
        return _Value(bytes_value=v)
    raise _NotPlain(kind.__name__)


def _fields(data: Mapping[str, Any]) -> dict[str, Any]:
    fields = {}
    for key, v in data.items():
        if type(key) is not str:
            raise _NotPlain("a key that is not a string")
        fields[key] = _value(v)
    return fields


def create_writes(document_path: str, data: Mapping[str, Any]) -> list[write.Write]:
    """What `WriteBatch.create(ref, data)` adds (`document_path`: the reference's full path)."""
    try:
        raw = _Write(
            update=_Document(name=document_path, fields=_fields(data)),
            current_document=_Precondition(exists=False),
        )
    except _NotPlain:
        return list(_helpers.pbs_for_create(document_path, data))
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


class _Node(dict):  # type: ignore[type-arg]
    """A map the paths of an update make (not a value of the update)."""


def _nested(paths: list[tuple[str, ...]], values: list[Any]) -> dict[str, Any]:
    """The update's document: each path's value at its place, maps made on the way."""
    tree = _Node()
    for parts, v in zip(paths, values, strict=True):
        node = tree
        for part in parts[:-1]:
            node = node.setdefault(part, _Node())
        node[parts[-1]] = _value(v)

    def encoded(node: _Node) -> dict[str, Any]:
        return {
            k: _Value(map_value=_MapValue(fields=encoded(n))) if type(n) is _Node else n
            for k, n in node.items()
        }

    return encoded(tree)


def update_writes(
    document_path: str, data: Mapping[str, Any], option: Any = None
) -> list[write.Write]:
    """What `WriteBatch.update(ref, data, option=option)` adds: the document must exist,
    or `option` (`Client.write_option(...)`) says what it must be. A dotted key is a
    field path, as to the client."""
    try:
        if not data:
            raise _NotPlain("nothing to update")
        paths = _update_paths(data)
        if all(len(p) == 1 for p in paths):
            fields = _fields(data)
            mask = sorted(data)
        else:
            fields = _nested(paths, list(data.values()))
            mask = [FieldPath(*p).to_api_repr() for p in sorted(paths)]
        raw = _Write(
            update=_Document(name=document_path, fields=fields),
            update_mask=_Mask(field_paths=mask),
            current_document=_Precondition(exists=True),
        )
    except _NotPlain:
        return list(_helpers.pbs_for_update(document_path, data, option))
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
