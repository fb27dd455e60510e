"""Intake's writes as the Firestore client's `Write` protobufs, built directly.

The client's `WriteBatch.create` and `update` build every value through proto-plus
wrappers: ≈ 1.1 ms of CPU for a joining message's four documents on the bench
machine, the largest share of the webhook's own CPU under load after gRPC. The same
`Write` built on the raw protobuf classes costs ≈ 0.2 ms. Only plain values are
built here (what intake's documents hold: None, bool, int, float, str, bytes,
datetimes, lists and tuples, maps with string keys) and, for an update, plain field
names (`update` reads a dotted name as a path); anything else makes the whole write
go through the client's own encoding. Either way the `Write` is the client's, field
for field (tests/test_write_pbs.py compares them).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from google.api_core.datetime_helpers import DatetimeWithNanoseconds
from google.cloud.firestore_v1 import _helpers
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


def update_writes(
    document_path: str, data: Mapping[str, Any], option: Any = None
) -> list[write.Write]:
    """What `WriteBatch.update(ref, data, option=option)` adds: the document must exist,
    or `option` (`Client.write_option(...)`) says what it must be."""
    try:
        if not data or not all(type(k) is str and _PLAIN_NAME.fullmatch(k) for k in data):
            raise _NotPlain("a field path")
        raw = _Write(
            update=_Document(name=document_path, fields=_fields(data)),
            update_mask=_Mask(field_paths=sorted(data)),
            current_document=_Precondition(exists=True),
        )
    except _NotPlain:
        return list(_helpers.pbs_for_update(document_path, data, option))
    made = write.Write.wrap(raw)
    if option is not None:
        option.modify_write(made)
    return [made]
