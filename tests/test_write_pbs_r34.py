"""Round 34: the sender's precondition and intake's commit, built here, are the client's own.

An update time as Firestore gives it back (a commit's result, a read's snapshot) is
proto-plus's own `DatetimeWithNanoseconds`, not api_core's: round 32's builder took the
client's slower path for it on every update of a sender. The client encodes it by its
`timestamp_pb()`, nanoseconds kept; so does `write_pbs` now. Intake's commit request is
built by the protobuf's constructor and wrapped, rather than marshalled by proto-plus from
a dict: the same request, metadata, retry and timeout as `WriteBatch.commit`'s, and the
same update time read back. No emulator.
"""

from __future__ import annotations

from typing import Any

import pytest
from google.api_core.datetime_helpers import DatetimeWithNanoseconds as ApiCoreTime
from google.auth.credentials import AnonymousCredentials
from google.cloud import firestore
from google.cloud.firestore_v1 import _helpers
from google.cloud.firestore_v1.types import firestore as requests
from google.cloud.firestore_v1.types import write as write_types
from google.protobuf import timestamp_pb2
from proto.datetime_helpers import DatetimeWithNanoseconds as ReadBack

from shared.store import write_pbs
from shared.store.write_pbs import create_writes, update_writes

PATH = "projects/p/databases/(default)/documents/senders/r_0123"
STAMPS = [
    (1764914400, 123456000),  # whole microseconds, as Firestore's update times are
    (1764914400, 123456789),  # nanoseconds: kept, as the client keeps them
    (1764914400, 0),
    (1764914400, 999999999),
    (0, 0),  # the epoch
    (4102444799, 999999000),  # the last second before 2100
]


def read_back(seconds: int, nanos: int) -> Any:
    return ReadBack.from_timestamp_pb(timestamp_pb2.Timestamp(seconds=seconds, nanos=nanos))


def the_same(ours: list[Any], theirs: list[Any]) -> bool:
    return [w._pb.SerializeToString(deterministic=True) for w in ours] == [
        w._pb.SerializeToString(deterministic=True) for w in theirs
    ]


@pytest.mark.parametrize("stamp", STAMPS, ids=str)
def test_an_update_time_read_back_is_the_clients_precondition_built_here(
    stamp: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    at = read_back(*stamp)
    assert type(at) is ReadBack and type(at) is not ApiCoreTime
    data = {"tip_messages": 2, "burst_count": 3}
    theirs = _helpers.pbs_for_update(PATH, data, _helpers.LastUpdateOption(at))

    def slow_path(*_: Any, **__: Any) -> None:
        raise AssertionError("the client's own precondition path was taken")

    monkeypatch.setattr(_helpers.LastUpdateOption, "modify_write", slow_path)
    ours = update_writes(PATH, data, _helpers.LastUpdateOption(at))
    assert the_same(ours, theirs)
    assert ours[0]._pb.current_document.update_time == timestamp_pb2.Timestamp(
        seconds=stamp[0], nanos=stamp[1]
    )


class _Api:
    """The GAPIC client's `commit`, recorded: the request (a dict marshalled first, as the
    GAPIC client marshals it), its metadata and options."""

    def __init__(self) -> None:
        self.calls: list[tuple[bytes, Any, dict[str, Any]]] = []

    def commit(self, request: Any, metadata: Any, **kw: Any) -> Any:
        if not isinstance(request, requests.CommitRequest):  # as the GAPIC client does
            request = requests.CommitRequest(request)
        self.calls.append((requests.CommitRequest.serialize(request), list(metadata), kw))
        results = [
            write_types.WriteResult(update_time=timestamp_pb2.Timestamp(seconds=s, nanos=n))
            for s, n in ((1764914400, 5000), (1764914401, 123456789))
        ]
        return requests.CommitResponse(write_results=results)


@pytest.mark.parametrize("rpc", [{}, {"retry": None, "timeout": 1.5}], ids=str)
def test_intakes_commit_sends_what_the_batch_sends_and_reads_the_same_update_time(
    rpc: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    client = firestore.Client(project="p", credentials=AnonymousCredentials())
    api = _Api()
    monkeypatch.setattr(type(client), "_firestore_api", property(lambda _self: api))
    writes = create_writes(f"{PATH}x", {"text": "Có người bán ma túy", "n": 3}) + update_writes(
        PATH, {"tip_messages": 2}, client.write_option(last_update_time=read_back(1, 5000))
    )
    batch = client.batch()
    batch._add_write_pbs(list(writes))
    theirs = batch.commit(**rpc)[-1].update_time
    ours = write_pbs.commit(client, writes, rpc)
    assert api.calls[0] == api.calls[1]
    assert ours == theirs and type(ours) is type(theirs) is ReadBack
    assert ours.nanosecond == theirs.nanosecond == 123456789
