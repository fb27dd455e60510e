"""A tip's sends, kept on the tip (issue 18, round 13): the storage form both stores
share, over plain dicts.

The sends a tip change calls for (its step's alerts, what the citizen is told) and
the alerts and notices sent about a tip afterwards are entries of the tip's `sends`
map, keyed `<collection>|<key>` (`alerts|TB-X:s1-c0:cb-1`, `replies|ack:TB-X`), each
with the fields a send record had as a document of its own (`alerts/…`,
`replies/…`: `shared.store.documents.send_*`) and its entry of the schedule
(`due_at`). Recorded in the change's own write; an outcome is kept back by the store
and written with the tip's next write, or by `settle_sends` with the others of the
handler, in one write. The tip's `due_at` is the earliest of its ladder's next
action, its grouped update and its sends' `due_at`, so the one range query on
`tips.due_at` finds a send a crash left, as it found the ladder's.

Which sends: those whose record names a tip (`tip_id` a tip's code); a hand-off's
alerts (`tip_id` a question's code), a question's answer and chat replies stay
documents of `alerts`/`replies`, as do the records older releases wrote (a send whose
entry is absent is looked for there before it is claimed).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from shared.core import delivery
from shared.core import tip as tip_core
from shared.core.delivery import CLAIM_LAPSES_AFTER
from shared.core.refcode import PREFIX
from shared.core.tip import Tip, TipStatus
from shared.store.collections import DUE_AT, DueKind, SendKind, due_id
from shared.store.documents import send_claim_doc, send_due_fields, send_recorded_doc
from shared.store.ports.line import Claim, DueItem, PlannedSend, SendRecord
from shared.store.sizes import stored_size

SENDS = "sends"
# Set when the tip is routed by a release that keeps its sends on it: a tip without it
# was routed by an older one, whose alerts are documents (`officers_alerted` reads them).
SENDS_ON_TIP = "sends_on_tip"
# The map is bounded so the tip stays far below Firestore's 1 MiB a document (with its
# trail's 256 KiB, `documents.TRAIL_MAX_BYTES`): past it, a new send is a document of
# its own, as before, and `sends_spilled` says to look there too.
SENDS_SPILLED = "sends_spilled"
SENDS_MAX_BYTES = 256 * 1024


def documents_too(data: Mapping[str, Any]) -> bool:
    """May a send of this tip be a document (routed by an older release, or spilled)?"""
    return not data.get(SENDS_ON_TIP) or bool(data.get(SENDS_SPILLED))


def full(sends: Mapping[str, Mapping[str, Any]]) -> bool:
    """No new entry fits: the next send of the tip is a document."""
    return stored_size(dict(sends)) > SENDS_MAX_BYTES


def tip_of(tip_id: str | None) -> str | None:
    """The tip a send is kept on (None: a document of its own)."""
    return tip_id if tip_id is not None and tip_id.startswith(PREFIX) else None


def entry_id(kind: SendKind, key: str) -> str:
    return f"{kind.value}|{key}"


def entry_key(entry: str) -> tuple[SendKind, str]:
    kind, _, key = entry.partition("|")
    return SendKind(kind), key


def tip_send_due_id(ref: str, kind: SendKind, key: str) -> str:
    """A tip's send's entry of the schedule: `send:tips|<ref>|<collection>|<key>`."""
    return due_id(DueKind.SEND, f"tips|{ref}|{entry_id(kind, key)}")


def tip_send_of_due(key: str) -> tuple[str, SendKind, str] | None:
    """(tip, kind, key) of a `send:` entry's key kept on a tip, else None."""
    home, _, rest = key.partition("|")
    if home != "tips":
        return None
    ref, _, entry = rest.partition("|")
    kind, send_key = entry_key(entry)
    return ref, kind, send_key


def sends_of(data: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The tip's sends map, copied (entries too)."""
    found = data.get(SENDS) or {}
    return {k: dict(v) for k, v in found.items() if isinstance(v, Mapping)}


def sends_due(sends: Mapping[str, Mapping[str, Any]]) -> datetime | None:
    times = [e.get(DUE_AT) for e in sends.values()]
    return min((t for t in times if t is not None), default=None)


def _earliest(*times: datetime | None) -> datetime | None:
    return min((t for t in times if t is not None), default=None)


def tip_due_fields(
    stored: Mapping[str, Any],
    before: Tip,
    after: Tip,
    sends_before: Mapping[str, Mapping[str, Any]],
    sends_after: Mapping[str, Mapping[str, Any]],
) -> dict[str, Any]:
    """A tip's entry of the schedule (`due_at` on the tip: the earliest of its
    `next_action_at`, its grouped update's `update_at` and its sends' `due_at`, or a
    failed run's backoff), written by the change that moves any of them. A tip written
    before the entry moved onto it (no `due_at`) gets it with its first change."""
    entry = _earliest(tip_core.next_due(after), sends_due(sends_after))
    was = _earliest(tip_core.next_due(before), sends_due(sends_before))
    if entry != was or (DUE_AT not in stored and entry is not None):
        return {DUE_AT: entry}
    return {}


def natural_due(data: Mapping[str, Any], sends: Mapping[str, Mapping[str, Any]]) -> datetime | None:
    """When something on the tip is due, from its stored fields."""
    return _earliest(data.get("next_action_at"), data.get("update_at"), sends_due(sends))


def due_after_sends(
    data: Mapping[str, Any],
    sends_before: Mapping[str, Mapping[str, Any]],
    sends_after: Mapping[str, Mapping[str, Any]],
) -> dict[str, Any]:
    """The tip's `due_at` once its sends changed outside a tip change (a claim, a
    hold, an outcome): written when the earliest due time moved (or the tip has none)."""
    entry = natural_due(data, sends_after)
    if entry != natural_due(data, sends_before) or DUE_AT not in data:
        return {DUE_AT: entry}
    return {}


def apply_outcomes(
    sends: dict[str, dict[str, Any]], outcomes: Mapping[str, Mapping[str, Any]]
) -> dict[str, dict[str, Any]]:
    """The entries `outcomes` change (merged into `sends` in place); an outcome of a
    send that is not on the tip is left out (its record is a document)."""
    changed = {}
    for entry, fields in outcomes.items():
        if entry in sends:
            sends[entry].update(fields)
            changed[entry] = sends[entry]
    return changed


@dataclass
class KeptOutcomes:
    """Outcomes of sends kept on tips, not written yet (thread-safe, one per store):
    a tip's are written with its next write, or by `settle_sends`, all of them in
    one write. Kept for the process, not a thread: a write that failed leaves them
    for the redelivery (or the next handler) to write, so a send Zalo took is not
    made again because its outcome was lost."""

    _by_tip: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, ref: str, entry: str, fields: Mapping[str, Any]) -> None:
        with self._lock:
            self._by_tip.setdefault(ref, {}).setdefault(entry, {}).update(fields)

    def of(self, ref: str) -> dict[str, dict[str, Any]]:
        """A tip's, still kept (a copy)."""
        with self._lock:
            return {e: dict(f) for e, f in self._by_tip.get(ref, {}).items()}

    def written(self, ref: str, outcomes: Mapping[str, Mapping[str, Any]]) -> None:
        """These were written: forget them (unless a later outcome came meanwhile)."""
        with self._lock:
            kept = self._by_tip.get(ref, {})
            for entry, fields in outcomes.items():
                if kept.get(entry) == dict(fields):
                    del kept[entry]
            if not kept:
                self._by_tip.pop(ref, None)

    def tips(self) -> list[str]:
        with self._lock:
            return sorted(self._by_tip)


def routed_now(before: Tip, after: Tip) -> bool:
    return before.status is TipStatus.RECEIVED and after.status is not TipStatus.RECEIVED


def ladder_rescheduled(data: Mapping[str, Any], at: datetime | None) -> dict[str, Any]:
    """What moving a tip's entry writes, decided on the tip as read in the same
    transaction (the tip is the truth): no entry once nothing is due on it (no next
    action, no update waiting, no send not done); else `at` (a failed run's backoff),
    never earlier than the earliest of them; `at` None: that one's own time. Empty:
    nothing to write."""
    next_at = natural_due(data, sends_of(data))
    want = None if next_at is None else max(at, next_at) if at is not None else next_at
    return {DUE_AT: want} if data.get(DUE_AT) != want or DUE_AT not in data else {}


def tip_due_items(ref: str, data: Mapping[str, Any], now: datetime) -> list[DueItem]:
    """What is due on a tip found by the schedule's query on `tips`: each of its sends
    due (as a send's entry), and its ladder or grouped update (as the ladder's entry:
    also when nothing on it is due any more, so that the run sets its `due_at` right)."""
    items = []
    for entry, send in sorted(sends_of(data).items()):
        at = send.get(DUE_AT)
        if at is not None and at <= now:
            kind, key = entry_key(entry)
            rank = send.get("rank")
            items.append(
                DueItem(
                    tip_send_due_id(ref, kind, key),
                    DueKind.SEND.value,
                    at,
                    ref,
                    send_kind=kind,
                    send_key=key,
                    rank=int(rank) if rank is not None else None,
                )
            )
    times = [data.get(f) for f in ("next_action_at", "update_at")]
    ladder_due = any(t is not None and t <= now for t in times)
    if ladder_due or not items:
        items.append(
            DueItem(
                due_id(DueKind.LADDER, ref),
                DueKind.LADDER.value,
                data[DUE_AT],
                ref,
                next_action_at=data.get("next_action_at"),
                update_at=data.get("update_at"),
            )
        )
    return items


@dataclass
class Recorded:
    """Where a change's planned sends went: returned to the caller (`claimed` False for
    one recorded before: not this change's claim), entries of the tip, documents."""

    carried: list[PlannedSend] = field(default_factory=list)
    as_docs: list[tuple[int, dict[str, Any]]] = field(default_factory=list)  # (index, doc)
    spilled: bool = False


def record_planned(
    ref: str,
    planned: Sequence[PlannedSend],
    sends: dict[str, dict[str, Any]],
    changed: dict[str, dict[str, Any]],
    documents: set[int],
    now: datetime,
) -> Recorded:
    """Record a change's sends: each on the tip (into `sends` and `changed`), or as a
    document when it is not about this tip or the map is full; one recorded already
    (its entry, or its document: the indices `documents`) is left as it is."""
    out = Recorded()
    for n, send in enumerate(planned):
        here = tip_of(send.record.tip_id) == ref
        eid = entry_id(send.kind, send.key)
        if n in documents or (here and eid in sends):
            out.carried.append(replace(send, claimed=False))
            continue
        out.carried.append(send)
        due = send_due_fields(now + CLAIM_LAPSES_AFTER, send.rank)
        entry = {**send_recorded_doc(send.record, now, send.claimed), **due}
        if here and full(sends):  # no room on the tip: a document of its own
            out.spilled, here = True, False
        if here:
            sends[eid] = changed[eid] = entry
        else:
            out.as_docs.append((n, entry))
    return out


def sends_fields(
    stored: Mapping[str, Any], before: Tip, after: Tip, spilled: bool
) -> dict[str, Any]:
    """The markers a change writes on the tip: routed by this release (its sends are on
    it), and its map spilled."""
    fields: dict[str, Any] = {}
    if routed_now(before, after):
        fields[SENDS_ON_TIP] = True
    if spilled and not stored.get(SENDS_SPILLED):
        fields[SENDS_SPILLED] = True
    return fields


def claimed(
    stored: Mapping[str, Any] | None, record: SendRecord, now: datetime
) -> tuple[dict[str, Any], Claim] | None:
    """A claim by the one rule (`delivery.may_send`) on a send's entry or document:
    what it writes and gives (None: sent, being sent, or waiting for its retry)."""
    if not delivery.may_send(stored, now):
        return None
    stored = stored or {}
    attempts = int(stored.get("attempts", 0)) + 1
    created_at = stored.get("created_at") or now
    entry = send_claim_doc(record, now, attempts, created_at)
    return entry, Claim(attempts, int(stored.get("strikes", 0)), created_at)


def moved_to(
    at: datetime | None,
) -> Callable[[Mapping[str, Any] | None], tuple[dict[str, Any], None] | None]:
    """The change that moves a send's entry on the schedule to `at` (None: off it); an
    entry done meanwhile (off the schedule) or already there is left as it is."""

    def move(stored: Mapping[str, Any] | None) -> tuple[dict[str, Any], None] | None:
        if stored is None or stored.get(DUE_AT) is None or stored.get(DUE_AT) == at:
            return None
        return {DUE_AT: at}, None

    return move
