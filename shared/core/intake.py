"""What a citizen's (or officer's) message does at the door: which tip it joins or
opens, its number on that tip, whether it is beyond the citizen's fair use, and
how the tip's bounded summary takes it in.

`Inbound` is the message reduced to what tinbao keeps; `shared.zalo.inbound`
makes it from a Zalo webhook event. `plan` decides on the citizen's intake state
(`SenderState`) as read; `fold` adds the message to the tip's summary. Nothing
here reads the clock, Firestore or the network.

A tip never grows with what one citizen sends: each message lives in its own
document (kept whole); the tip keeps counts, its first and latest texts (cut to
`SHOWN_TEXT_CHARS`), its latest locations and a bounded set of evidence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Literal

from shared.core.tip_entries import TipAttachment, TipLocation, TipText
from shared.core.tip_statuses import OPEN, TipStatus

Kind = Literal["tip", "question", "command", "chat"]

# Reporter keys of informants from Zalo's anonymous chat start with this (others
# with "r_"): nobody can message them later, which officers are told.
ANONYMOUS_KEY_PREFIX = "a_"

# The tip's summary: enough for routing and alerts, bounded whatever one citizen sends.
FIRST_TEXTS = 3  # what the tip is about: routing classifies and resolves these
LATEST_TEXTS = 5
SHOWN_TEXT_CHARS = 1000  # a text on the tip; the message document keeps it whole
LATEST_LOCATIONS = 3  # the latest decides (a later location corrects an earlier one)
FIRST_ATTACHMENTS = 5
LATEST_ATTACHMENTS = 5
SHOWN_URL_CHARS = 2048  # a longer link stays in its message document only
SHOWN_NAME_CHARS = 200
CUT = "…"


@dataclass(frozen=True)
class Location:
    """A shared location's coordinates, as Zalo sent them."""

    lat: str
    lng: str


@dataclass(frozen=True)
class AttachmentRef:
    """An attachment of a message: its type and where Zalo keeps it."""

    type: str
    url: str | None
    thumbnail: str | None = None
    name: str | None = None
    size: str | None = None


@dataclass(frozen=True)
class Inbound:
    """A citizen's (or officer's) message, reduced to what tinbao keeps."""

    key: str  # app_id:msg_id, the de-duplication key
    app_id: str
    oa_id: str
    msg_id: str
    event_name: str
    text: str  # whole, however long
    locations: tuple[Location, ...]
    attachments: tuple[AttachmentRef, ...]
    zalo_timestamp: str
    kind: Kind
    classification: dict[str, Any] = field(default_factory=dict)


# --- fair use ----------------------------------------------------------------------


@dataclass(frozen=True)
class FairUse:
    """What one citizen's messages may set off; every message is stored regardless."""

    burst_messages: int = 20  # beyond this many within `burst_window`: summarised
    burst_window: timedelta = timedelta(minutes=10)
    tips_per_day: int = 5  # beyond: tip material joins the open tip, whatever the window


DAY = timedelta(days=1)


@dataclass(frozen=True)
class IntakeRules:
    """The settings intake decides by (the webhook's and the router's, alike)."""

    window: timedelta = timedelta(minutes=30)
    retention: timedelta = timedelta(days=365)
    fair: FairUse = FairUse()


@dataclass(frozen=True)
class SenderState:
    """A citizen's intake state (`senders/{reporter_key}`): pseudonymous, no identity."""

    open_tip_id: str | None = None
    open_tip_status: str = TipStatus.RECEIVED.value
    open_until: datetime | None = None
    # When the open tip was opened (None: unknown, a document written before it was kept):
    # a message received before it, stored late (deferred by the webhook), is not its.
    open_since: datetime | None = None
    tip_messages: int = 0  # messages on the open tip: the last one's number
    burst_start: datetime | None = None
    burst_count: int = 0
    tips_since: datetime | None = None
    tips_opened: int = 0
    # Every tip intake has opened for them: 0 for a citizen it has not seen yet (no
    # `senders` document), None when unknown (a document written before it was counted).
    tips_total: int | None = 0


@dataclass(frozen=True)
class Plan:
    """What intake does with a message: open a tip, join one or neither."""

    action: Literal["open", "join", "none"]
    tip_id: str | None
    seq: int  # the message's number on its tip (1 opens it); 0 without a tip
    throttled: bool  # beyond the burst: stored and summarised, not acted on one by one
    state: SenderState  # the citizen's state as it is to be written
    # The tip it opens is the citizen's first: they have no earlier tip it could be about.
    first_tip: bool = False


def plan(
    kind: Kind,
    state: SenderState,
    now: datetime,
    window: timedelta,
    fair: FairUse,
    new_tip_id: Callable[[], str],
) -> Plan:
    """Tips gather one citizen's messages within the intake window.

    Tip material (text classified as a tip, locations, photos, files) joins the
    open tip or opens one; chat (greetings, thanks, stickers) joins an open tip
    but never opens one; questions and commands never touch tips. A citizen who
    opened `tips_per_day` tips in a day has tip material join the open tip even
    after its window. Officers' commands are never throttled and leave the state
    as it was (`Plan.state` is `state`). `new_tip_id` draws a new tip's code, only
    when the message opens one.
    """
    if kind == "command":
        # An officer's command is never throttled, counted or joined to a tip: it
        # changes nothing of their state, which is then not written at all.
        return Plan("none", None, 0, False, state)
    # (a message stored late, received before the burst or the day began, counts in it)
    fresh_burst = state.burst_start is None or now >= state.burst_start + fair.burst_window
    burst_start = now if fresh_burst else state.burst_start
    burst_count = (0 if fresh_burst else state.burst_count) + 1
    fresh_day = state.tips_since is None or now >= state.tips_since + DAY
    tips_since = now if fresh_day else state.tips_since
    tips_opened = 0 if fresh_day else state.tips_opened

    has_open = state.open_tip_id is not None and state.open_tip_status in OPEN
    # received more than a window before the open tip was opened, stored after it (the
    # webhook deferred it to the router while Firestore was down): taken in order it would
    # have had its own tip, so it opens one, and the newer tip stays the one their next
    # messages join. One received less than a window before joins, as in order it would
    # have been joined by the newer one (messages sent at once, taking turns in any order).
    late = has_open and state.open_since is not None and now < state.open_since - window
    within = has_open and state.open_until is not None and now < state.open_until and not late
    capped = tips_opened >= fair.tips_per_day
    action: Literal["open", "join", "none"]
    if kind == "question":
        action = "none"
    elif within or (has_open and capped and kind == "tip"):
        action = "join"
    elif kind == "tip":
        action = "open"
    else:
        action = "none"

    written = replace(
        state,
        burst_start=burst_start,
        burst_count=burst_count,
        tips_since=tips_since,
        tips_opened=tips_opened + (action == "open"),
    )
    tip_id, seq = None, 0
    total = state.tips_total
    if action == "open":
        tip_id, seq = new_tip_id(), 1
        written = replace(written, tips_total=None if total is None else total + 1)
        if not late:
            written = replace(
                written,
                open_tip_id=tip_id,
                open_tip_status=TipStatus.RECEIVED.value,
                open_since=now,
                tip_messages=1,
                open_until=now + window,
            )
    elif action == "join":
        tip_id, seq = state.open_tip_id, state.tip_messages + 1
        # a message stored out of order never shortens the window the newest one opened
        until = now + window
        if state.open_until is not None and state.open_until > until:
            until = state.open_until
        # a message received before the tip opened, stored after: the tip began with it
        since = state.open_since
        if since is not None and now < since:
            since = now
        written = replace(written, tip_messages=seq, open_until=until, open_since=since)
    throttled = burst_count > fair.burst_messages
    return Plan(action, tip_id, seq, throttled, written, action == "open" and total == 0)


# --- the tip's bounded summary ---------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    """What the tip keeps of its messages: bounded, however many there are."""

    texts: tuple[TipText, ...] = ()
    locations: tuple[TipLocation, ...] = ()
    attachments: tuple[TipAttachment, ...] = ()
    messages: int = 0
    texts_total: int = 0
    locations_total: int = 0
    attachments_total: int = 0


def shown(text: str, limit: int = SHOWN_TEXT_CHARS) -> str:
    """A text as a place that shows it keeps it: cut, marked, never split inside a word
    when a space is near."""
    if len(text) <= limit:
        return text
    head = text[: limit - len(CUT)]
    space = head.rfind(" ")
    if space >= limit * 0.8:
        head = head[:space]
    return head.rstrip() + CUT


def _keep(items: tuple[Any, ...], first: int, latest: int) -> tuple[Any, ...]:
    """The first `first` and the latest `latest` items (items in order)."""
    if len(items) <= first + latest:
        return items
    return items[:first] + items[len(items) - latest :]


def _fits(value: str | None, limit: int) -> str | None:
    return value if value is not None and len(value) <= limit else None


def _in_time(texts: tuple[TipText, ...], text: TipText) -> tuple[TipText, ...]:
    """`texts` with `text` placed by when it was received: messages sent at once take
    their turns in any order, and an officer reads them as they were written (a text
    of unknown time, kept before receipt times were, stays where it is)."""
    i = len(texts)
    while i and text.at is not None and (prev := texts[i - 1].at) is not None and prev > text.at:
        i -= 1
    return (*texts[:i], text, *texts[i:])


def fold(summary: Summary, msg: Inbound, seq: int, at: datetime) -> Summary:
    """The summary with message `seq` taken in."""
    texts = summary.texts
    if msg.text:
        texts = _keep(
            _in_time(texts, TipText(msg.key, shown(msg.text), at, seq)), FIRST_TEXTS, LATEST_TEXTS
        )
    locations = (
        *summary.locations,
        *(TipLocation(msg.key, x.lat, x.lng, at, seq) for x in msg.locations),
    )[-LATEST_LOCATIONS:]
    attachments = _keep(
        (
            *summary.attachments,
            *(
                TipAttachment(
                    msg.key,
                    a.type[:40],
                    _fits(a.url, SHOWN_URL_CHARS),
                    _fits(a.thumbnail, SHOWN_URL_CHARS),
                    shown(a.name, SHOWN_NAME_CHARS) if a.name else None,
                    a.size[:40] if a.size else None,
                    seq,
                )
                for a in msg.attachments
            ),
        ),
        FIRST_ATTACHMENTS,
        LATEST_ATTACHMENTS,
    )
    return Summary(
        texts=texts,
        locations=tuple(locations),
        attachments=attachments,
        messages=max(summary.messages, seq),
        texts_total=summary.texts_total + (1 if msg.text else 0),
        locations_total=summary.locations_total + len(msg.locations),
        attachments_total=summary.attachments_total + len(msg.attachments),
    )
