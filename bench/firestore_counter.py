"""Counts Firestore operations and Pub/Sub publishes as Google bills them, in process.

`install()` wraps, at class level, the RPC methods of the GAPIC Firestore client
that every `google.cloud.firestore.Client` goes through (`client._firestore_api`),
and `PublisherClient.publish`. The calls are real and unchanged; only their
requests and responses are looked at:

- BatchGetDocuments (document gets, `get_all`, gets inside transactions): one
  read per document found; documents asked for and missing are counted apart;
- RunQuery: one read per document returned, and one for a query that returns
  none (Firestore bills a minimum of one read per query);
- RunAggregationQuery: one read (a count over up to 1,000 index entries);
- Commit and BatchWrite: one write per `update`/`transform` write, one delete per
  `delete` write (creates, i.e. writes with an `exists: false` precondition, are
  also counted apart: each is a document that TTL may delete later);
- BeginTransaction, Rollback and every other RPC: counted as round trips only
  (no document charge).

Counters are per *label*: `with counter.phase("webhook"): ...` attributes what
runs inside to that label (phases are sequential in the benchmarks that use it).
Each document charge is also counted by collection path (`reads@tips`,
`writes@tips/*/events`, ...) and every RPC is appended to the label's `trace`
(`get tips`, `commit tips+due+tips/*/events`, ...) so a reader sees where each
read and write goes.

Nothing here changes what the application does; `uninstall()` restores the
originals.
"""

from __future__ import annotations

import contextlib
import threading
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

_FIRESTORE_METHODS = (
    "batch_get_documents",
    "run_query",
    "run_aggregation_query",
    "commit",
    "batch_write",
    "begin_transaction",
    "rollback",
    "get_document",
    "list_documents",
    "list_collection_ids",
    "create_document",
    "update_document",
    "delete_document",
)
# The floor Pub/Sub bills per publish request and per delivery (see bench_cost.py).
PUBSUB_MIN_BILLABLE_BYTES = 1000


def _pb(message: Any) -> Any:
    """The protobuf under a proto-plus message (the GAPIC types), or the message itself."""
    return getattr(message, "_pb", message)


def _field(request: Any, name: str) -> Any:
    if isinstance(request, dict):
        return request.get(name, [])
    return getattr(request, name, [])


class OpCounter:
    """Thread-safe counters by label and by kind (reads, writes, deletes, rpc:<name>, ...)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.label = "unlabelled"
        self.enabled = True
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)
        self.traces: dict[str, list[str]] = defaultdict(list)

    def add(self, kind: str, n: int = 1) -> None:
        if not self.enabled or not n:
            return
        with self._lock:
            self.counts[self.label][kind] += n

    def note(self, line: str) -> None:
        """Append one RPC's summary to the current label's trace."""
        if not self.enabled:
            return
        with self._lock:
            self.traces[self.label].append(line)

    @contextlib.contextmanager
    def phase(self, label: str) -> Iterator[None]:
        previous, self.label = self.label, label
        try:
            yield
        finally:
            self.label = previous

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        previous, self.enabled = self.enabled, False
        try:
            yield
        finally:
            self.enabled = previous

    def total(self, labels: list[str] | None = None) -> Counter[str]:
        out: Counter[str] = Counter()
        with self._lock:
            for label, counts in self.counts.items():
                if labels is None or label in labels:
                    out.update(counts)
        return out

    def snapshot(self) -> dict[str, dict[str, int]]:
        with self._lock:
            return {label: dict(sorted(c.items())) for label, c in self.counts.items()}

    def trace(self, label: str) -> list[str]:
        with self._lock:
            return list(self.traces.get(label, []))

    def reset(self) -> None:
        with self._lock:
            self.counts.clear()
            self.traces.clear()


COUNTER = OpCounter()
_originals: dict[tuple[type, str], Any] = {}


def collection_of(name: str) -> str:
    """`projects/p/databases/d/documents/tips/T1/events/E` -> `tips/*/events`."""
    _, _, path = name.partition("/documents/")
    parts = (path or name).split("/")
    return "/*/".join(parts[0::2][: (len(parts) + 1) // 2]) if parts[0] else "?"


def _collections(names: list[str]) -> str:
    seen: Counter[str] = Counter(collection_of(n) for n in names)
    return "+".join(c if n == 1 else f"{c}x{n}" for c, n in seen.items()) or "-"


def _count_commit(request: Any) -> None:
    names: list[str] = []
    for write in _field(request, "writes"):
        pb = _pb(write)
        operation = pb.WhichOneof("operation")
        if operation == "delete":
            COUNTER.add("deletes")
            COUNTER.add(f"deletes@{collection_of(pb.delete)}")
            names.append("-" + pb.delete)
        else:
            name = pb.update.name if operation == "update" else pb.transform.document
            COUNTER.add("writes")
            COUNTER.add(f"writes@{collection_of(name)}")
            names.append(name)
            precondition = pb.current_document if pb.HasField("current_document") else None
            if (
                precondition is not None
                and precondition.HasField("exists")
                and not precondition.exists
            ):
                COUNTER.add("creates")
    written = [n for n in names if not n.startswith("-")]
    deleted = [n[1:] for n in names if n.startswith("-")]
    in_txn = " (txn)" if _field(request, "transaction") else ""
    removed = f" del {_collections(deleted)}" if deleted else ""
    COUNTER.note(f"commit{in_txn} {_collections(written)}{removed}")


def _query_collection(request: Any) -> str:
    if request is None:
        return "?"
    parent = _field(request, "parent") or ""
    query = _field(request, "structured_query")
    sources = list(_pb(query).from_) if query else []
    name = sources[0].collection_id if sources else "?"
    _, _, under = parent.partition("/documents/")
    return f"{collection_of(under)}/*/{name}" if under else name


def _wrap_stream(kind: str, responses: Any, what: str) -> Iterator[Any]:
    documents = 0
    found: list[str] = []
    missing: list[str] = []
    try:
        for response in responses:
            pb = _pb(response)
            if kind == "batch_get_documents":
                result = pb.WhichOneof("result")
                if result == "found":
                    COUNTER.add("reads")
                    COUNTER.add(f"reads@{collection_of(pb.found.name)}")
                    found.append(pb.found.name)
                elif result == "missing":
                    COUNTER.add("reads_missing")
                    COUNTER.add(f"reads_missing@{collection_of(pb.missing)}")
                    missing.append(pb.missing)
            elif kind == "run_query" and pb.HasField("document"):
                documents += 1
                COUNTER.add("reads")
                COUNTER.add(f"reads@{what}")
            yield response
    finally:
        if kind == "run_query":
            COUNTER.add("queries")
            if documents == 0:
                COUNTER.add("reads")  # the minimum charge of a query that returns nothing
                COUNTER.add("reads_empty_query")
                COUNTER.add(f"reads@{what}")
            COUNTER.note(f"query {what} -> {documents}")
        else:
            COUNTER.note(
                f"get {what}{_collections(found)}"
                + (f" missing {_collections(missing)}" if missing else "")
            )


def _firestore_wrapper(name: str, original: Any) -> Any:
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        COUNTER.add(f"rpc:{name}")
        request = kwargs.get("request", args[0] if args else None)
        if name in ("commit", "batch_write"):
            _count_commit(request)
        elif name == "run_aggregation_query":
            COUNTER.add("reads")
        result = original(self, *args, **kwargs)
        if name == "run_query":
            return _wrap_stream(name, result, _query_collection(request))
        if name == "batch_get_documents":
            in_txn = "(txn) " if _field(request, "transaction") else ""
            return _wrap_stream(name, result, in_txn)
        if name not in ("commit", "batch_write"):
            COUNTER.note(name)
        return result

    wrapper.__wrapped__ = original  # type: ignore[attr-defined]
    return wrapper


def _publish_wrapper(original: Any) -> Any:
    def wrapper(self: Any, topic: str, data: bytes, ordering_key: str = "", **attrs: Any) -> Any:
        size = (
            len(data)
            + len(ordering_key.encode())
            + sum(len(str(k).encode()) + len(str(v).encode()) for k, v in attrs.items())
        )
        COUNTER.add("publishes")
        COUNTER.add("publish_bytes", size)
        COUNTER.add("publish_billable_bytes", max(size, PUBSUB_MIN_BILLABLE_BYTES))
        return original(self, topic, data, ordering_key=ordering_key, **attrs)

    wrapper.__wrapped__ = original  # type: ignore[attr-defined]
    return wrapper


class _LogSink:
    """Where structured log lines go while counted: their bytes and lines, not the screen."""

    def write(self, text: str) -> int:
        COUNTER.add("log_lines", text.count("\n"))
        COUNTER.add("log_bytes", len(text.encode()))
        return len(text)

    def flush(self) -> None:
        pass


def _log_wrapper(original: Any) -> Any:
    sink = _LogSink()

    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        saved, self._stream = self._stream, sink
        try:
            return original(self, *args, **kwargs)
        finally:
            self._stream = saved

    wrapper.__wrapped__ = original  # type: ignore[attr-defined]
    return wrapper


def install(logs: bool = False) -> OpCounter:
    """Wrap the Firestore GAPIC client and the Pub/Sub publisher (idempotent); with
    `logs`, also count (and swallow) the structured log lines of shared.logs."""
    from google.cloud.firestore_v1.services.firestore.client import FirestoreClient
    from google.cloud.pubsub_v1 import PublisherClient

    if logs:
        from shared.logs import Logger

        key = (Logger, "log")
        if key not in _originals:
            _originals[key] = Logger.log
            Logger.log = _log_wrapper(_originals[key])  # type: ignore[method-assign]

    for name in _FIRESTORE_METHODS:
        key = (FirestoreClient, name)
        if key not in _originals and hasattr(FirestoreClient, name):
            _originals[key] = getattr(FirestoreClient, name)
            setattr(FirestoreClient, name, _firestore_wrapper(name, _originals[key]))
    key = (PublisherClient, "publish")
    if key not in _originals:
        _originals[key] = PublisherClient.publish
        PublisherClient.publish = _publish_wrapper(_originals[key])  # type: ignore[method-assign]
    return COUNTER


def uninstall() -> None:
    for (cls, name), original in _originals.items():
        setattr(cls, name, original)
    _originals.clear()


def billed(counts: Counter[str] | dict[str, int]) -> dict[str, int]:
    """The billed figures of a set of counts (reads include the empty-query minimum)."""
    get = counts.get
    return {
        "reads": int(get("reads", 0)),
        "reads_missing": int(get("reads_missing", 0)),
        "writes": int(get("writes", 0)),
        "deletes": int(get("deletes", 0)),
        "creates": int(get("creates", 0)),
        "queries": int(get("queries", 0)),
        "firestore_rpcs": int(sum(v for k, v in counts.items() if k.startswith("rpc:"))),
        "commits": int(get("rpc:commit", 0)),
        "transactions": int(get("rpc:begin_transaction", 0)),
        "rollbacks": int(get("rpc:rollback", 0)),
        "publishes": int(get("publishes", 0)),
        "publish_bytes": int(get("publish_bytes", 0)),
        "publish_billable_bytes": int(get("publish_billable_bytes", 0)),
        "log_lines": int(get("log_lines", 0)),
        "log_bytes": int(get("log_bytes", 0)),
    }


def by_collection(counts: Counter[str] | dict[str, int]) -> dict[str, dict[str, int]]:
    """`{"reads": {"tips": 3, ...}, "writes": {...}, ...}` from the `kind@collection` counts."""
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for key, value in sorted(counts.items()):
        kind, at, collection = key.partition("@")
        if at:
            out[kind][collection] = int(value)
    return dict(out)
