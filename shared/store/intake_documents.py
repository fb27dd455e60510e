"""What intake writes, as pure plans both stores carry out alike (Firestore in
`shared.store.intake`, memory in `shared.store.memory`):

    messages/{key}    the message, kept whole: its de-duplication record and the
                      home of its text and evidence, the raw Zalo event with the
                      ids replaced (`raw`) among it; its tip and its number there
                      (`tip_id`, `seq`) place it on that tip's record; and the
                      outbox's safety net (`due_at`: the escalator republishes it
                      if no router has handled it by then; null once handled)
    tips/{ref}        a new tip, or the bounded summary of the one it joins (the
                      tip's trail, `tips/{ref}/events`, holds what was decided
                      about it; what the citizen sent is the messages naming it)
    senders/{key}     the citizen's intake state: open tip, window, fair use (not
                      written for an officer's command, which changes none of it)
    reporters/{key}   who the citizen is (their Zalo id), in the contacts
                      database: created once, before the commit of the rest
                      (`IntakeWrites.identity`); a Firestore commit cannot span
                      two databases
    quarantine/{key}  an event kept raw (confidential), with `parts/{n}` when the
                      raw event is too big for one document
"""

# Annotations are evaluated as each class is made (no `from __future__ import
# annotations`): as strings, pydantic compiled and evaluated every one of them at
# the webhook's start (≈ 10M instructions over its model modules, bench/README.md,
# round 17). tests/test_webhook_start.py holds it.
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict

from shared.core.intake import Inbound, IntakeRules, Plan, SenderState, Summary, fold
from shared.core.tip_statuses import OPEN, TipStatus
from shared.store.collections import DUE_AT
from shared.store.ports import IntakeResult, Quarantined
from shared.store.summary_documents import differs, summary_fields, summary_from_doc

if TYPE_CHECKING:
    # The router's changes only (a message another tip gave up): the webhook never
    # loads the lifecycle (bench/README.md, round 15).
    from shared.core.tip import TipChange

# A message the router has not handled this long after intake is republished.
UNHANDLED_AFTER = timedelta(minutes=2)
# A raw event is kept in pieces of this size: a Firestore document holds at most 1 MiB.
RAW_PART_BYTES = 900_000


class _Doc(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


# --- the citizen's intake state -----------------------------------------------------------


def open_tip(data: Mapping[str, Any] | None) -> str | None:
    """The open tip a sender document names (None when it names none or a finished one)."""
    if not data:
        return None
    doc = SenderDoc.model_validate(dict(data))
    return doc.open_tip_id if doc.open_tip_status in OPEN else None


class SenderDoc(_Doc):
    open_tip_id: str | None = None
    open_tip_status: str = TipStatus.RECEIVED.value
    open_until: AwareDatetime | None = None
    open_since: AwareDatetime | None = None  # absent: written before it was kept, unknown
    tip_messages: int = 0
    burst_start: AwareDatetime | None = None
    burst_count: int = 0
    tips_since: AwareDatetime | None = None
    tips_opened: int = 0
    tips_total: int | None = None  # absent: written before it was counted, unknown


def sender_change(
    sender: Mapping[str, Any] | None, ref: str, change: "TipChange"
) -> dict[str, Any] | None:
    """What a tip's change writes to its citizen's intake state (`senders/{key}`), as
    read in the same transaction: a finished tip stops being their open one; a
    reopened tip is their open one again, unless they opened another meanwhile; their
    open tip that takes a message in counts it. That last write also keeps intake's
    contract (`shared.store.intake`): the summary a webhook remembers of the open tip
    is stale once the router rewrote it, so the sender's precondition must fail."""
    if sender is None:
        return None
    current = sender.get("open_tip_id")
    if change.takes_in is not None and current == ref:
        return {"tip_messages": change.tip.message_count}
    if change.finishes_conversation and current == ref:
        return {"open_tip_id": None, "open_tip_status": change.tip.status.value}
    until = change.resumes_conversation
    if until is not None and (open_tip(sender) is None or current == ref):
        return {
            "open_tip_id": ref,
            "open_tip_status": change.tip.status.value,
            "open_until": until,
            "open_since": None,  # a tip reopened: when it opened is no bound on what joins
            "tip_messages": change.tip.message_count,
        }
    return None


def sender_from_doc(data: Mapping[str, Any] | None) -> SenderState:
    """`data` None: no document, a citizen intake has not seen (no tip opened yet)."""
    if data is None:
        return SenderState()
    doc = SenderDoc.model_validate(dict(data))
    return SenderState(**doc.model_dump())


def sender_fields(
    state: SenderState, now: datetime, expire_at: datetime, before: SenderState | None = None
) -> dict[str, Any]:
    """The state intake's core decided, written as it is: validated where it is read
    back (`sender_from_doc`), not again on every message's way out. `before`: the
    state exactly as the document holds it (this process wrote it; the update's
    last-update-time precondition holds it): only the fields that differ from it."""
    names = SenderDoc.model_fields
    if before is not None:
        names = [n for n in names if differs(getattr(state, n), getattr(before, n))]
    return {
        **{name: getattr(state, name) for name in names},
        "last_message_at": now,
        "expire_at": expire_at,
    }


# --- the tip's summary ------------------------------------------------------------------


def taken_in_fields(
    stored: Mapping[str, Any], change: "TipChange", now: datetime
) -> dict[str, Any]:
    """A tip's summary with the message a change takes in from another tip (`take_in`):
    as intake would have folded it, the counts carried on from the stored document.
    Nothing when the change takes no message in."""
    msg, tip = change.takes_in, change.tip
    if msg is None:
        return {}
    before = summary_from_doc(stored)
    summary = Summary(
        texts=tip.texts,
        locations=tip.locations,
        attachments=tip.attachments,
        messages=tip.message_count,
        texts_total=before.texts_total + sum(t.msg == msg for t in tip.texts),
        locations_total=before.locations_total + sum(x.msg == msg for x in tip.locations),
        attachments_total=before.attachments_total + sum(a.msg == msg for a in tip.attachments),
    )
    return {**summary_fields(summary), "last_message_at": now}


# --- one message -------------------------------------------------------------------------


@dataclass(frozen=True)
class IntakeWrites:
    """What storing one inbound message writes, decided on the citizen's state as read."""

    result: IntakeResult
    tip_id: str | None
    new_tip: dict[str, Any] | None  # the whole tip, when the message opens one
    joined: dict[str, Any] | None  # the summary fields of the tip it joins
    summary: Summary | None  # the tip's summary as written
    message: dict[str, Any]  # messages/{key}, with its entry of the schedule
    # senders/{key}; None for an officer's command, which changes nothing of it (the
    # router reads the officer's contact, not their intake state): no write at all.
    sender: dict[str, Any] | None
    identity: dict[str, Any]  # reporters/{key} (contacts), created if missing


def intake_writes(
    msg: Inbound,
    reporter: str,
    user_id: str,
    redacted_raw: str,
    now: datetime,
    rules: IntakeRules,
    plan: Plan,
    summary: Summary | None,
    stored: SenderState | None = None,
    summary_stored: bool = False,
) -> IntakeWrites:
    """`summary`: the joined tip's summary as stored (None when the plan opens one).
    `stored`: the sender's state exactly as its document holds it, and
    `summary_stored`: `summary` exactly as the tip holds it (both known when this
    process wrote them last and the commit's sender precondition holds them): the
    updates then name only the fields whose values change."""
    expire_at = now + rules.retention
    tip_id = plan.tip_id
    written = fold(summary or Summary(), msg, plan.seq, now) if tip_id else None
    new_tip = None
    if plan.action == "open" and written is not None:
        new_tip = {
            "ref": tip_id,
            "status": TipStatus.RECEIVED.value,
            "reporter_key": reporter,
            "oa_id": msg.oa_id,
            "app_id": msg.app_id,
            "created_at": now,
            "updated_at": now,
            "last_message_at": now,
            **summary_fields(written),
            "intake_classification": msg.classification or None,
            # The router looks for no earlier tip of the citizen's (a query on `tips`).
            "first_tip": plan.first_tip,
            "unpublished": False,
            "expire_at": expire_at,
        }
    joined = None
    if plan.action == "join" and written is not None:
        before = summary if summary_stored else None
        joined = {**summary_fields(written, before), "updated_at": now, "last_message_at": now}
    event_kind = {"open": "tip.created", "join": "tip.updated"}.get(plan.action, msg.kind)
    return IntakeWrites(
        result=IntakeResult(
            False, msg.kind, tip_id, plan.action, event_kind, plan.seq, plan.throttled
        ),
        tip_id=tip_id,
        new_tip=new_tip,
        joined=joined,
        summary=written,
        message={
            "kind": msg.kind,
            "tip_id": tip_id,
            "seq": plan.seq,
            "sender_key": reporter,
            "oa_id": msg.oa_id,
            "app_id": msg.app_id,
            "event_name": msg.event_name,
            "event_kind": event_kind,
            "text": msg.text,  # whole: places that show it cut it
            # The event as Zalo sent it, the ids replaced: evidence, kept with the
            # message rather than as a document of its own on the tip's trail.
            "raw": redacted_raw,
            "locations": [{"lat": x.lat, "lng": x.lng} for x in msg.locations],
            "attachments": [
                {
                    "type": a.type,
                    "url": a.url,
                    "thumbnail": a.thumbnail,
                    "name": a.name,
                    "size": a.size,
                }
                for a in msg.attachments
            ],
            "classification": msg.classification or None,
            "zalo_timestamp": msg.zalo_timestamp,
            "received_at": now,
            "handled": False,
            "throttled": plan.throttled,
            "expire_at": expire_at,
            # The outbox's safety net: if no router handles it, the escalator will.
            DUE_AT: now + UNHANDLED_AFTER,
        },
        sender=None if msg.kind == "command" else sender_fields(plan.state, now, expire_at, stored),
        identity=contact_doc(user_id, msg.oa_id, msg.app_id, now, expire_at),
    )


def contact_doc(
    user_id: str, oa_id: str, app_id: str, now: datetime, expire_at: datetime
) -> dict[str, Any]:
    """`reporters/{key}` as created once, before intake's commit (contacts database)."""
    return {
        "zalo_user_id": user_id,
        "oa_id": oa_id,
        "app_id": app_id,
        "first_seen_at": now,
        "expire_at": expire_at,
    }


def duplicate_result(stored: Mapping[str, Any], fallback_kind: str) -> IntakeResult:
    """What intake answers for a message it already holds."""
    kind = str(stored.get("kind") or fallback_kind)
    return IntakeResult(
        True,
        kind,
        stored.get("tip_id"),
        "none",
        str(stored.get("event_kind") or kind),
        int(stored.get("seq") or 0),
        bool(stored.get("throttled")),
    )


def follow_writes(
    key: str,
    oa_id: str,
    app_id: str,
    reporter: str,
    user_id: str,
    following: bool,
    now: datetime,
    retention_days: int,
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """(messages/{key}, reporters/{key} to create, senders/{key} fields) of a
    follow or unfollow.

    A follow is a stored change like any other: its entry of the schedule
    (`due_at`) brings the welcome to the router even if the publish fails. An
    unfollow has nothing to do (it is stored handled) and no entry."""
    expire_at = now + timedelta(days=retention_days)
    message = {
        "kind": "follow" if following else "unfollow",
        "event_kind": "follow",
        "tip_id": None,
        "sender_key": reporter,
        "oa_id": oa_id,
        "received_at": now,
        "handled": not following,
        "expire_at": expire_at,
        DUE_AT: now + UNHANDLED_AFTER if following else None,
    }
    contact = contact_doc(user_id, oa_id, app_id, now, expire_at)
    sender = {"following": following, "last_interaction_at": now, "expire_at": expire_at}
    return message, contact, sender


# --- the quarantine ----------------------------------------------------------------------


def quarantine_docs(
    item: Quarantined, retention_days: int
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(quarantine/{key}, its parts): the raw event whole, in pieces that fit."""
    expire_at = item.received_at + timedelta(days=retention_days)
    pieces = [
        item.raw[i : i + RAW_PART_BYTES] for i in range(0, len(item.raw), RAW_PART_BYTES)
    ] or [b""]
    main = {
        "reason": item.reason,
        "detail": item.detail,
        "received_at": item.received_at,
        "event_name": item.event_name,
        "app_id": item.app_id,
        "oa_id": item.oa_id,
        "user_id": item.user_id,
        "raw": pieces[0],
        "raw_parts": len(pieces),
        "raw_bytes": len(item.raw),
        "raw_sha256": hashlib.sha256(item.raw).hexdigest(),
        "answered": False,
        "expire_at": expire_at,
    }
    parts = [
        {"raw": piece, "n": n, "expire_at": expire_at} for n, piece in enumerate(pieces[1:], 1)
    ]
    return main, parts


class QuarantineDoc(_Doc):
    # Read back by the desk's tools only: the webhook writes these fields as a dict.
    model_config = ConfigDict(defer_build=True)

    reason: str
    detail: str = ""
    received_at: AwareDatetime
    event_name: str | None = None
    app_id: str | None = None
    oa_id: str | None = None
    user_id: str | None = None
    raw: bytes = b""
    answered: bool = False


def quarantined_from_doc(
    key: str, data: Mapping[str, Any], parts: list[bytes] | None = None
) -> Quarantined:
    doc = QuarantineDoc.model_validate(dict(data))
    return Quarantined(
        key=key,
        reason=doc.reason,
        detail=doc.detail,
        received_at=doc.received_at,
        raw=doc.raw + b"".join(parts or []),
        event_name=doc.event_name,
        app_id=doc.app_id,
        oa_id=doc.oa_id,
        user_id=doc.user_id,
        answered=doc.answered,
    )
