"""Every Vietnamese text a citizen or an officer receives, built from plain values.

The wording lives in `shared/data/messages.yaml` (its format is documented at
the top of that file); this module fills it in. Each function is pure: values
in, one string out, never longer than Zalo's 2,000-character text limit. None
of the inputs carries a Zalo user id, so no text can leak one: the alert is
built from `AlertInput`, which has no field for the citizen's identity.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from shared.core import data_file as yaml_data

ZALO_TEXT_LIMIT = 2000
LOCAL_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
MESSAGES_FILE = Path(__file__).parents[1] / "data" / "messages.yaml"
MAX_ATTACHMENT_LINES = 8
MAX_ADDRESS_CHARS = 300
MAX_MESSAGE_CHARS = 400  # one citizen message in an alert, before it is shortened
MAX_NOTES_SHOWN = 5
MAX_NOTE_CHARS = 300
# Stands for the citizen's words while the rest of the alert is measured; a
# control character cannot come from Zalo text, so it cannot collide.
_WORDS_SLOT = "\x00words\x00"

# The placeholders each template is given; load_catalog rejects any other.
TEMPLATE_FIELDS: dict[str, frozenset[str]] = {
    name: frozenset(fields)
    for name, fields in {
        "citizen_ack": {"ref", "unit"},
        "citizen_ack_urgent": {"ref", "unit"},
        "citizen_request_location": {"ref"},
        "citizen_split": {"ref", "earlier"},
        "citizen_taken": {"ref", "unit"},
        "citizen_resolved": {"ref", "unit"},
        "citizen_transferred": {"ref", "unit"},
        "citizen_closed": {"ref"},
        "status_received": {"ref", "sent"},
        "status_routed": {"ref", "sent", "unit", "when"},
        "status_acknowledged": {"ref", "sent", "unit", "when"},
        "status_resolved": {"ref", "sent", "unit", "when"},
        "status_closed": {"ref", "sent", "unit", "when"},
        "status_next_open": set(),
        "status_next_finished": set(),
        "status_unknown_code": {"ref"},
        "status_no_tip": set(),
        "alert_header_new": {"ref"},
        "alert_header_repeat": {"ref", "step", "minutes"},
        "alert_header_transferred": {"ref", "from_unit"},
        "alert_header_reopened": {"ref"},
        "alert_reopened_words": {"time", "text"},
        "alert_reopened_before": {"name", "done", "time"},
        "citizen_reopened": {"ref", "unit"},
        "citizen_forwarded": {"ref"},
        "citizen_withdraw_asked": {"ref"},
        "citizen_now_urgent": {"ref"},
        "citizen_question": {"ref", "unit", "question"},
        "confirm_ask": {"ref"},
        "ask_unreachable": {"ref"},
        "ask_needs_text": {"ref"},
        "moved_notice": {"ref", "from_unit", "unit"},
        "alert_header_ward_copy": {"ref", "unit"},
        "alert_ward_copy_tail": {"unit"},
        "ward_found": {"ref", "ward"},
        "complaint_alert": {"ref", "unit"},
        "citizen_complaint": {"ref"},
        "citizen_complaint_above": {"ref", "above"},
        "citizen_complaint_received": {"ref", "about", "above"},
        "citizen_complaint_received_desk": {"ref"},
        "alert_complaint_about": {"unit"},
        "alert_complaint_unnamed": set(),
        "complaint_handoff": {"code", "about", "text"},
        "complaint_unnamed_unit": set(),
        "citizen_complaint_handed": {"about", "above"},
        "citizen_complaint_handed_desk": set(),
        "alert_now_urgent": {"ref", "unit"},
        "alert_update_finished": {"ref", "done"},
        "alert_transfer_reason": {"reason"},
        "alert_unit": {"unit"},
        "alert_received": {"time"},
        "alert_category": {"category", "severity"},
        "alert_ward": {"ward", "evidence"},
        "alert_ward_unknown": {"evidence"},
        "alert_candidates": {"wards"},
        "alert_address": {"address"},
        "alert_map": {"url"},
        "alert_words": {"text"},
        "alert_words_one": {"time", "text"},
        "alert_words_many": {"count"},
        "alert_message": {"time", "text"},
        "alert_messages_hidden": {"count"},
        "alert_text_cut": {"count"},
        "alert_no_words": set(),
        "alert_notes": set(),
        "alert_note": {"time", "name", "unit", "text"},
        "alert_notes_hidden": {"count"},
        "alert_attachments": set(),
        "alert_attachment": {"label", "url"},
        "alert_more_attachments": {"count"},
        "alert_take": {"ref"},
        "alert_anonymous": set(),
        "alert_related": {"refs"},
        "oa_chat_name": set(),
        "oa_chat_no_words": set(),
        "alert_update": {"ref"},
        "holder_released": {"ref"},
        "alert_update_take": {"ref"},
        "alert_cut": set(),
        "holder_reminder": {"ref", "minutes"},
        "confirm_take": {"ref"},
        "confirm_resolve": {"ref"},
        "confirm_take_resolve": {"ref"},
        "confirm_take_reject": {"ref"},
        "confirm_transfer": {"ref", "unit"},
        "confirm_reject": {"ref"},
        "confirm_note": {"ref"},
        "holder_finished_by_other": {"ref", "name", "unit", "done"},
        "forwarded_notice": {"ref", "name", "from_unit", "unit"},
        "officer_help": set(),
        "officer_tips": set(),
        "officer_tip_held": {"ref"},
        "officer_tip_waiting": {"ref", "unit"},
        "officer_tips_more": {"count"},
        "did_you_mean": {"ref", "example"},
        "which_tip": {"count", "action", "example"},
        "nothing_to": {"action"},
        "note_which": {"count", "example"},
        "note_needs_text": {"ref"},
        "needs_code": {"example"},
        "transfer_which_unit": {"ref"},
        "transfer_ambiguous": {"ref", "name", "units"},
        "confirm_check_in": {"name", "start", "end", "date", "unit"},
        "confirm_check_in_off_duty": {"name", "time", "unit"},
        "refuse_not_enrolled": set(),
        "refuse_inactive": set(),
        "refuse_no_tip": {"ref"},
        "refuse_outside_unit": {"ref", "unit", "action"},
        "refuse_already_taken": {"ref", "holder", "unit"},
        "refuse_held_by_other": {"ref", "holder", "unit", "action"},
        "refuse_finished": {"ref", "unit"},
        "refuse_not_routed": {"ref"},
        "refuse_same_unit": {"ref", "unit"},
        "refuse_no_parent": {"ref", "unit"},
        "refuse_no_question": {"ref"},
        "question_handoff": {"code", "text"},
        "alert_update_grouped": {"ref", "count"},
        "alert_update_latest": set(),
        "citizen_kept": set(),
        "citizen_busy": set(),
        "citizen_officer_answer": {"code", "unit", "answer"},
        "confirm_answer": {"code"},
        "enrol_ok": {"name", "role", "unit"},
        "enrol_unknown_code": set(),
        "enrol_expired_code": set(),
        "enrol_used_code": set(),
        "enrol_already": {"name", "unit"},
        "enrol_moved": {"name", "role", "unit", "old_unit"},
        "late_reply": set(),
        "late_command": {"sent", "handled"},
    }.items()
}
_LABEL_SECTIONS = (
    "categories",
    "severities",
    "evidence",
    "attachments",
    "roles",
    "actions",
    "done",
    "usage",
)
_COORDINATE = re.compile(r"-?\d{1,3}(\.\d+)?")


class CatalogError(ValueError):
    """messages.yaml is malformed; the message names the key."""


@dataclass(frozen=True)
class Catalog:
    templates: Mapping[str, str]
    labels: Mapping[str, Mapping[str, str]]  # section -> key -> label

    def text(self, template: str, /, **values: Any) -> str:
        return self.templates[template].format(**values)

    def label(self, section: str, key: str, fallback: str | None = None) -> str:
        found = self.labels[section].get(key)
        return found if found is not None else (fallback if fallback is not None else key)


def parse_catalog(text: str) -> Catalog:
    """The catalogue from the YAML text, checked against TEMPLATE_FIELDS."""
    raw = yaml_data.load(text)
    if not isinstance(raw, dict) or not isinstance(raw.get("templates"), dict):
        raise CatalogError("messages: a `templates` mapping is required")
    templates: dict[str, str] = {}
    for name, expected in TEMPLATE_FIELDS.items():
        value = raw["templates"].get(name)
        if not isinstance(value, str) or not value.strip():
            raise CatalogError(f"templates.{name}: missing or empty")
        used = {f for _, f, _, _ in string.Formatter().parse(value) if f is not None}
        if not used <= expected:
            raise CatalogError(
                f"templates.{name}: unknown placeholder(s) {sorted(used - expected)}"
            )
        templates[name] = value.strip()
    labels: dict[str, dict[str, str]] = {}
    for section in _LABEL_SECTIONS:
        values = raw.get(section)
        if not isinstance(values, dict):
            raise CatalogError(f"{section}: a mapping of key -> label is required")
        labels[section] = {str(k): str(v) for k, v in values.items()}
    return Catalog(templates, labels)


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    """The shipped catalogue (read once; a package data file, not configuration)."""
    return parse_catalog(MESSAGES_FILE.read_text(encoding="utf-8"))


def _fit(text: str) -> str:
    if len(text) <= ZALO_TEXT_LIMIT:
        return text
    return text[: ZALO_TEXT_LIMIT - 1] + "…"


def _local(at: datetime) -> datetime:
    if at.tzinfo is None:
        raise ValueError("a timezone-aware datetime is required")
    return at.astimezone(LOCAL_ZONE)


def format_time(at: datetime) -> str:
    """'21:05 ngày 02/09/2025' in Ho Chi Minh City time."""
    return _local(at).strftime("%H:%M ngày %d/%m/%Y")


def map_link(lat: str, lng: str) -> str | None:
    """Google Maps link for coordinates as Zalo sent them (decimal strings)."""
    lat, lng = lat.strip(), lng.strip()
    if not (_COORDINATE.fullmatch(lat) and _COORDINATE.fullmatch(lng)):
        return None  # never paste arbitrary text into a link
    if not (-90 <= float(lat) <= 90 and -180 <= float(lng) <= 180):
        return None
    return f"https://maps.google.com/?q={lat},{lng}"


# --- citizen --------------------------------------------------------------------


def citizen_ack(ref: str, unit_name: str, urgent: bool) -> str:
    name = "citizen_ack_urgent" if urgent else "citizen_ack"
    return _fit(catalog().text(name, ref=ref, unit=unit_name))


def citizen_split(ref: str, earlier: str) -> str:
    return _fit(catalog().text("citizen_split", ref=ref, earlier=earlier))


def citizen_request_location(ref: str) -> str:
    return _fit(catalog().text("citizen_request_location", ref=ref))


def citizen_taken(ref: str, unit_name: str) -> str:
    return _fit(catalog().text("citizen_taken", ref=ref, unit=unit_name))


def citizen_resolved(ref: str, unit_name: str) -> str:
    return _fit(catalog().text("citizen_resolved", ref=ref, unit=unit_name))


def citizen_transferred(ref: str, unit_name: str) -> str:
    return _fit(catalog().text("citizen_transferred", ref=ref, unit=unit_name))


def citizen_closed(ref: str) -> str:
    return _fit(catalog().text("citizen_closed", ref=ref))


def citizen_status(
    ref: str, status: str, finished: bool, unit_name: str, sent: datetime, when: datetime
) -> str:
    """Where the citizen's tip stands (its status, as `TipStatus` names it), and what next."""
    c = catalog()
    head = c.text(
        f"status_{status}", ref=ref, sent=format_time(sent), unit=unit_name, when=format_time(when)
    )
    nxt = c.text("status_next_finished" if finished else "status_next_open")
    return _fit(f"{head}\n{nxt}")


def citizen_withdraw_asked(ref: str) -> str:
    return _fit(catalog().text("citizen_withdraw_asked", ref=ref))


def citizen_reopened(ref: str, unit_name: str) -> str:
    return _fit(catalog().text("citizen_reopened", ref=ref, unit=unit_name))


def complaint_alert(ref: str, unit_name: str, text: str) -> str:
    """To the desk and the unit above: a citizen complains about the unit handling a tip."""
    c = catalog()
    head = c.text("complaint_alert", ref=ref, unit=unit_name)
    budget = ZALO_TEXT_LIMIT - len(head) - 17
    return _fit("\n".join([head, _words_line(c, text, budget)]))


def citizen_complaint(ref: str, above_name: str) -> str:
    c = catalog()
    if above_name:
        return _fit(c.text("citizen_complaint_above", ref=ref, above=above_name))
    return _fit(c.text("citizen_complaint", ref=ref))


def citizen_complaint_received(ref: str, about: str, above: str) -> str:
    """A first message complaining about the police: who will look into it (the desk,
    and the leaders of the unit above the one complained about when it was named)."""
    c = catalog()
    if about and above:
        return _fit(c.text("citizen_complaint_received", ref=ref, about=about, above=above))
    return _fit(c.text("citizen_complaint_received_desk", ref=ref))


def ward_found(ref: str, ward_name: str) -> str:
    """To the officers a tip has reached: its ward is known now (from a later location)."""
    return _fit(catalog().text("ward_found", ref=ref, ward=ward_name))


def moved_notice(ref: str, from_unit: str, unit_name: str) -> str:
    """To the officers a tip had paged: it moved to its ward once its place was known."""
    return _fit(catalog().text("moved_notice", ref=ref, from_unit=from_unit, unit=unit_name))


def citizen_question(ref: str, unit_name: str, question: str) -> str:
    """An officer's question to the informant, in the unit's name (never the officer's)."""
    return _fit(catalog().text("citizen_question", ref=ref, unit=unit_name, question=question))


def confirm_ask(ref: str, reached: bool) -> str:
    return _fit(catalog().text("confirm_ask" if reached else "ask_unreachable", ref=ref))


def ask_needs_text(ref: str) -> str:
    return _fit(catalog().text("ask_needs_text", ref=ref))


def citizen_now_urgent(ref: str) -> str:
    return _fit(catalog().text("citizen_now_urgent", ref=ref))


def now_urgent(ref: str, unit_name: str, text: str, held: bool) -> str:
    """To everyone a tip has paged: a later message of the citizen made it urgent."""
    c = catalog()
    lines = [c.text("alert_now_urgent", ref=ref, unit=unit_name)]
    if not held:
        lines.append(c.text("alert_update_take", ref=ref))
    budget = ZALO_TEXT_LIMIT - sum(len(x) + 1 for x in lines) - 16
    lines.append(_words_line(c, text, budget))
    return _fit("\n".join(lines))


def citizen_forwarded(ref: str) -> str:
    return _fit(catalog().text("citizen_forwarded", ref=ref))


def citizen_status_unknown(ref: str) -> str:
    return _fit(catalog().text("status_unknown_code", ref=ref))


def citizen_status_none() -> str:
    return _fit(catalog().text("status_no_tip"))


# --- alerts -----------------------------------------------------------------------


@dataclass(frozen=True)
class Attachment:
    kind: str  # image, gif, file, video, audio, link, sticker
    url: str
    name: str = ""


@dataclass(frozen=True)
class Location:
    lat: str  # decimal strings, as Zalo sent them
    lng: str


@dataclass(frozen=True)
class CitizenMessage:
    """One message of the citizen's, as the alert shows it (the tip's `Tip.texts`)."""

    at: datetime | None
    text: str


@dataclass(frozen=True)
class NoteLine:
    """An officer's field note, as the alert shows it."""

    at: datetime
    name: str
    unit: str
    text: str


@dataclass(frozen=True)
class AlertInput:
    """Everything an alert shows. Deliberately no field for the citizen's identity."""

    ref: str
    unit_name: str  # the unit the tip is routed to
    received_at: datetime  # aware
    category: str  # classification key (categories in messages.yaml)
    severity: str  # urgent, high, normal, low
    ward_name: str | None  # None: not resolved
    ward_evidence: str  # resolver evidence kind (evidence in messages.yaml)
    candidate_wards: tuple[str, ...] = ()  # not resolved: the wards it may be in ("phường X")
    citizen_messages: tuple[CitizenMessage, ...] = ()
    address_text: str | None = None
    location: Location | None = None
    attachments: tuple[Attachment, ...] = ()
    notes: tuple[NoteLine, ...] = ()  # the latest officers' notes the tip keeps
    notes_total: int = 0  # every note written (older ones are counted, not shown)
    anonymous: bool = False  # from Zalo's anonymous chat: nobody can answer the informant
    related: tuple[str, ...] = ()  # the same citizen's tips about other incidents, linked
    # A complaint about the police: the unit complained about ('' when none was named).
    complaint_about: str | None = None


@dataclass(frozen=True)
class AlertContext:
    """Why this alert is sent: first alert (step 0), a repeat, or a transfer."""

    step: int = 0
    minutes_waiting: int = 0
    from_unit: str | None = None  # set when the tip was sent up by CHUYEN
    reason: str = ""
    reopened: ReopenLine | None = None  # set while the ladder a reopening started runs
    copy_for: str | None = None  # to the ward where it happens: the unit that has the tip


@dataclass(frozen=True)
class ReopenLine:
    """The citizen wrote that nobody came or it is back: their words, and who had
    finished the tip (officers see this; the citizen never does)."""

    at: datetime
    text: str
    finished_status: str  # a key of `done` in messages.yaml
    finished_by_name: str
    finished_at: datetime | None


def alert(a: AlertInput, context: AlertContext | None = None) -> str:
    """The officer alert. The citizen's messages come one by one with their times,
    the most recent last; a long one is shortened with the count of what was left
    out, and the oldest give way (counted) before the alert outgrows Zalo's limit."""
    c = catalog()
    ctx = context or AlertContext()
    if ctx.copy_for:
        head = [c.text("alert_header_ward_copy", ref=a.ref, unit=ctx.copy_for)]
    elif ctx.reopened is not None and not ctx.from_unit:
        r = ctx.reopened
        head = [
            c.text("alert_header_reopened", ref=a.ref)
            if ctx.step == 0
            else c.text(
                "alert_header_repeat", ref=a.ref, step=ctx.step, minutes=ctx.minutes_waiting
            ),
            c.text(
                "alert_reopened_words",
                time=_clock(r.at, r.at),
                text=_shortened(c, r.text, MAX_MESSAGE_CHARS)[0],
            ),
        ]
        if r.finished_at is not None:
            done = c.label("done", r.finished_status)
            name = r.finished_by_name or c.label("roles", "duty_officer")
            when = format_time(r.finished_at)
            head.append(c.text("alert_reopened_before", name=name, done=done, time=when))
    elif ctx.from_unit:
        head = [c.text("alert_header_transferred", ref=a.ref, from_unit=ctx.from_unit)]
        if ctx.reason.strip():
            head.append(c.text("alert_transfer_reason", reason=ctx.reason.strip()))
    elif ctx.step > 0:
        head = [
            c.text("alert_header_repeat", ref=a.ref, step=ctx.step, minutes=ctx.minutes_waiting)
        ]
    else:
        head = [c.text("alert_header_new", ref=a.ref)]
    if a.complaint_about is not None:
        # What it is comes first: a complaint, and about whom (never sent to them).
        about = a.complaint_about
        top = c.text("alert_complaint_about", unit=about) if about else None
        head.insert(0, top or c.text("alert_complaint_unnamed"))

    category = c.label("categories", a.category, c.label("categories", "other"))
    severity = c.label("severities", a.severity)
    evidence = c.label("evidence", a.ward_evidence, c.label("evidence", "none"))
    facts = [
        c.text("alert_unit", unit=a.unit_name),
        c.text("alert_received", time=format_time(a.received_at)),
        c.text("alert_category", category=category, severity=severity),
        c.text("alert_ward", ward=a.ward_name, evidence=evidence)
        if a.ward_name
        else c.text("alert_ward_unknown", evidence=evidence),
    ]
    if not a.ward_name and a.candidate_wards:
        facts.append(c.text("alert_candidates", wards=", ".join(a.candidate_wards)))
    if a.address_text and a.address_text.strip():
        address = " ".join(a.address_text.split())
        if len(address) > MAX_ADDRESS_CHARS:
            address = address[: MAX_ADDRESS_CHARS - 1] + c.text("alert_cut")
        facts.append(c.text("alert_address", address=address))
    if a.location is not None:
        url = map_link(a.location.lat, a.location.lng)
        if url:
            facts.append(c.text("alert_map", url=url))
    if a.related:
        facts.append(c.text("alert_related", refs=", ".join(a.related)))
    if a.anonymous:
        facts.append(c.text("alert_anonymous"))

    notes = _note_lines(c, a)
    tail = [
        c.text("alert_ward_copy_tail", unit=ctx.copy_for)
        if ctx.copy_for
        else c.text("alert_take", ref=a.ref)
    ]
    attachments = list(a.attachments)
    # Attachment links are dropped from the end (with a count) before the
    # citizen's words are cut below a readable length.
    while True:
        files = _attachment_lines(c, attachments, len(a.attachments))
        fixed = "\n".join([*head, *facts, _WORDS_SLOT, *notes, *files, *tail])
        budget = ZALO_TEXT_LIMIT - len(fixed) + len(_WORDS_SLOT)
        if budget >= 300 or not attachments:
            break
        attachments.pop()
    words = _citizen_lines(c, a.citizen_messages, budget, a.received_at)
    return _fit(fixed.replace(_WORDS_SLOT, words, 1))


def _clock(at: datetime | None, day: datetime) -> str:
    """'09:05', or '23:50 30/11' for a message of another day than the tip's first."""
    if at is None:
        return "--:--"
    local = _local(at)
    same_day = local.date() == _local(day).date()
    return local.strftime("%H:%M" if same_day else "%H:%M %d/%m")


def _shortened(c: Catalog, text: str, limit: int) -> tuple[str, str]:
    """The words within `limit` characters, and what to say of the rest ('' if none)."""
    words = " ".join(text.split())
    if len(words) <= limit:
        return words, ""
    keep = max(limit - 1, 0)
    left = len(words) - keep
    return words[:keep].rstrip() + c.text("alert_cut"), " " + c.text("alert_text_cut", count=left)


def _citizen_lines(
    c: Catalog, messages: tuple[CitizenMessage, ...], budget: int, day: datetime
) -> str:
    said = [m for m in messages if m.text.strip()]
    said.sort(key=lambda m: m.at.timestamp() if m.at else float("-inf"))
    if not said:
        return c.text("alert_no_words")

    def block(hidden: int, last_limit: int) -> str:
        shown = said[hidden:]
        lines: list[str] = []
        for i, m in enumerate(shown):
            limit = last_limit if i == len(shown) - 1 else MAX_MESSAGE_CHARS
            words, rest = _shortened(c, m.text, limit)
            if len(said) == 1:
                return c.text("alert_words_one", time=_clock(m.at, day), text=words) + rest
            lines.append(c.text("alert_message", time=_clock(m.at, day), text=words) + rest)
        head = [c.text("alert_words_many", count=len(said))]
        if hidden:
            head.append(c.text("alert_messages_hidden", count=hidden))
        return "\n".join([*head, *lines])

    hidden = 0
    text = block(hidden, MAX_MESSAGE_CHARS)
    while len(text) > budget and hidden < len(said) - 1:
        hidden += 1  # the oldest give way; the most recent is what the officer needs
        text = block(hidden, MAX_MESSAGE_CHARS)
    limit = min(MAX_MESSAGE_CHARS, len(" ".join(said[-1].text.split())))
    while len(text) > budget and limit > 20:
        # The most recent message alone is still too long: shorten it to what fits.
        limit = max(limit - (len(text) - budget), 20)
        text = block(hidden, limit)
    return text


def _note_lines(c: Catalog, a: AlertInput) -> list[str]:
    if not a.notes:
        return []
    shown = a.notes[-MAX_NOTES_SHOWN:]
    lines = [c.text("alert_notes")]
    hidden = max(a.notes_total, len(a.notes)) - len(shown)
    if hidden:
        lines.append(c.text("alert_notes_hidden", count=hidden))
    for note in shown:
        words, rest = _shortened(c, note.text, MAX_NOTE_CHARS)
        time = _clock(note.at, a.received_at)
        lines.append(
            c.text("alert_note", time=time, name=note.name, unit=note.unit, text=words) + rest
        )
    return lines


def _attachment_lines(c: Catalog, shown: list[Attachment], total: int) -> list[str]:
    if not total:
        return []
    lines = [c.text("alert_attachments")]
    for item in shown[:MAX_ATTACHMENT_LINES]:
        label = c.label("attachments", item.kind, item.kind)
        if item.name:
            label = f"{label} {item.name}"
        lines.append(c.text("alert_attachment", label=label, url=item.url))
    hidden = total - min(len(shown), MAX_ATTACHMENT_LINES)
    if hidden:
        lines.append(c.text("alert_more_attachments", count=hidden))
    return lines


def _words_line(c: Catalog, text: str, budget: int) -> str:
    words = " ".join(text.split())
    if not words:
        return c.text("alert_no_words")
    line = c.text("alert_words", text=words)
    if len(line) <= budget:
        return line
    overhead = len(line) - len(words)
    keep = max(budget - overhead - len(c.text("alert_cut")), 0)
    return c.text("alert_words", text=words[:keep].rstrip() + c.text("alert_cut"))


def tip_update(
    ref: str,
    text: str,
    location: Location | None,
    attachments: tuple[Attachment, ...],
    held: bool,
) -> str:
    """A citizen added to a tip already before officers: what is new, nothing else."""
    c = catalog()
    lines = _update_lines(c, c.text("alert_update", ref=ref), ref, location, attachments, held)
    if text:
        lines.append(_words_line(c, text, ZALO_TEXT_LIMIT - sum(len(x) + 1 for x in lines) - 16))
    return _fit("\n".join(lines))


def _update_lines(
    c: Catalog,
    head: str,
    ref: str,
    location: Location | None,
    attachments: tuple[Attachment, ...],
    held: bool,
) -> list[str]:
    """An update's lines before the citizen's words: what, where, files, how to take it."""
    lines = [head]
    url = map_link(location.lat, location.lng) if location else None
    if url:
        lines.append(c.text("alert_map", url=url))
    if attachments:
        lines.extend(_attachment_lines(c, list(attachments[:8]), len(attachments)))
    if not held:
        lines.append(c.text("alert_update_take", ref=ref))
    return lines


def field_extras(locations: Sequence[Location], attachments: Sequence[Attachment]) -> str:
    """What an officer sent besides words (a location, photos), as lines of a note."""
    c = catalog()
    lines = [
        c.text("alert_map", url=url)
        for x in locations
        if (url := map_link(x.lat, x.lng)) is not None
    ]
    for item in attachments:
        label = c.label("attachments", item.kind, item.kind)
        lines.append(c.text("alert_attachment", label=label, url=item.url).lstrip("- "))
    return "\n".join(lines)


def oa_chat_reply_note(text: str) -> tuple[str, str]:
    """(who, what) of a reply written in the OA's chat tool, as a note on the tip."""
    c = catalog()
    return c.text("oa_chat_name"), text.strip() or c.text("oa_chat_no_words")


def tip_update_grouped(
    ref: str,
    count: int,
    texts: tuple[str, ...],
    location: Location | None,
    attachments: tuple[Attachment, ...],
    held: bool,
) -> str:
    """Several messages a citizen added during the pause between updates, in one:
    how many were grouped, the latest location, files and words."""
    c = catalog()
    head = c.text("alert_update_grouped", ref=ref, count=count)
    lines = _update_lines(c, head, ref, location, attachments, held)
    if texts:
        lines.append(c.text("alert_update_latest"))
        budget = ZALO_TEXT_LIMIT - sum(len(x) + 1 for x in lines) - 16
        # The latest words first: they are what changed most recently.
        for text in reversed(texts):
            line = _words_line(c, text, max(budget, 0))
            if budget - len(line) - 1 < 0:
                break
            lines.append(line)
            budget -= len(line) + 1
    return _fit("\n".join(lines))


def tip_update_finished(ref: str, finished_status: str, text: str) -> str:
    """To the officer who finished a tip: its informant wrote again (not to reopen it)."""
    c = catalog()
    head = c.text("alert_update_finished", ref=ref, done=c.label("done", finished_status))
    budget = ZALO_TEXT_LIMIT - len(head) - 17
    return _fit("\n".join([head, _words_line(c, text, budget)]))


def holder_released(ref: str) -> str:
    return _fit(catalog().text("holder_released", ref=ref))


def holder_reminder(ref: str, minutes: int) -> str:
    return _fit(catalog().text("holder_reminder", ref=ref, minutes=minutes))


# --- officer commands ---------------------------------------------------------------


def confirm_take(ref: str) -> str:
    return _fit(catalog().text("confirm_take", ref=ref))


def confirm_resolve(ref: str) -> str:
    return _fit(catalog().text("confirm_resolve", ref=ref))


def confirm_transfer(ref: str, unit_name: str) -> str:
    return _fit(catalog().text("confirm_transfer", ref=ref, unit=unit_name))


def confirm_reject(ref: str) -> str:
    return _fit(catalog().text("confirm_reject", ref=ref))


def confirm_check_in(
    officer_name: str, unit_name: str, shift_start: datetime, shift_end: datetime | None
) -> str:
    """TRUC confirmation; ``shift_end`` None means the officer is not on the roster now."""
    if shift_end is None:
        return _fit(
            catalog().text(
                "confirm_check_in_off_duty",
                name=officer_name,
                time=format_time(shift_start),
                unit=unit_name,
            )
        )
    start, end = _local(shift_start), _local(shift_end)
    return _fit(
        catalog().text(
            "confirm_check_in",
            name=officer_name,
            start=start.strftime("%H:%M"),
            end=end.strftime("%H:%M"),
            date=start.strftime("%d/%m/%Y"),
            unit=unit_name,
        )
    )


REFUSALS = frozenset(
    {
        "no_question",
        "not_enrolled",
        "inactive",
        "no_tip",
        "outside_unit",
        "already_taken",
        "held_by_other",
        "finished",
        "not_routed",
        "same_unit",
        "no_parent",
    }
)


def refusal(
    reason: str, ref: str | None = None, *, unit: str = "", holder: str = "", action: str = ""
) -> str:
    """The polite refusal for an authority reason (`shared.core.authority`) or a
    state of the tip: it names the unit (and the holder) and says what the officer
    can do instead. `action` is a key of `actions` in messages.yaml."""
    if reason not in REFUSALS:
        raise ValueError(f"unknown refusal reason {reason!r}")
    c = catalog()
    doing = c.label("actions", action, "") if action else ""
    return _fit(c.text(f"refuse_{reason}", ref=ref or "", unit=unit, holder=holder, action=doing))


def confirm_take_and_finish(ref: str, resolved: bool) -> str:
    """XONG or KHONG on a tip nobody had taken: taken and finished in one step."""
    name = "confirm_take_resolve" if resolved else "confirm_take_reject"
    return _fit(catalog().text(name, ref=ref))


def confirm_note(ref: str) -> str:
    return _fit(catalog().text("confirm_note", ref=ref))


def holder_finished_by_other(ref: str, name: str, unit: str, status: str) -> str:
    """To the holder: a commander (or the desk) resolved or closed their tip."""
    done = catalog().label("done", status)
    return _fit(
        catalog().text("holder_finished_by_other", ref=ref, name=name, unit=unit, done=done)
    )


def forwarded_notice(ref: str, name: str, from_unit: str, unit: str) -> str:
    """To the holder and the officers paged: the tip went to another unit."""
    return _fit(
        catalog().text("forwarded_notice", ref=ref, name=name, from_unit=from_unit, unit=unit)
    )


@dataclass(frozen=True)
class TipLine:
    """One of an officer's open tips, as a list in an answer shows it."""

    ref: str
    held: bool  # the officer holds it; else it waits to be taken
    unit: str  # the unit it is at


MAX_TIP_LINES = 8


def _with_tips(text: str, tips: Sequence[TipLine]) -> str:
    if not tips:
        return _fit(text)
    c = catalog()
    lines = [text, c.text("officer_tips")]
    for tip in tips[:MAX_TIP_LINES]:
        if tip.held:
            lines.append(c.text("officer_tip_held", ref=tip.ref))
        else:
            lines.append(c.text("officer_tip_waiting", ref=tip.ref, unit=tip.unit))
    if len(tips) > MAX_TIP_LINES:
        lines.append(c.text("officer_tips_more", count=len(tips) - MAX_TIP_LINES))
    return _fit("\n".join(lines))


def officer_help(tips: Sequence[TipLine] = ()) -> str:
    """To an officer whose message was not understood: the commands, and their tips.
    Never the citizens' menu."""
    return _with_tips(catalog().text("officer_help"), tips)


def usage(verb: str) -> str:
    """How a command is written ("CHUYEN <mã> <đơn vị> [lý do]")."""
    return catalog().label("usage", verb)


def did_you_mean(ref: str, example: str) -> str:
    return _fit(catalog().text("did_you_mean", ref=ref, example=example))


def which_tip(action: str, example: str, tips: Sequence[TipLine]) -> str:
    """A command without a code fitting several tips: which one?"""
    c = catalog()
    text = c.text("which_tip", count=len(tips), action=c.label("actions", action), example=example)
    return _with_tips(text, tips)


def nothing_to(action: str, tips: Sequence[TipLine] = ()) -> str:
    c = catalog()
    return _with_tips(c.text("nothing_to", action=c.label("actions", action)), tips)


def note_which(example: str, tips: Sequence[TipLine]) -> str:
    return _with_tips(catalog().text("note_which", count=len(tips), example=example), tips)


def note_needs_text(ref: str) -> str:
    return _fit(catalog().text("note_needs_text", ref=ref))


def needs_code(example: str, tips: Sequence[TipLine] = ()) -> str:
    return _with_tips(catalog().text("needs_code", example=example), tips)


def with_tips(text: str, tips: Sequence[TipLine]) -> str:
    """Any answer, followed by the officer's open tips."""
    return _with_tips(text, tips)


def transfer_which_unit(ref: str) -> str:
    return _fit(catalog().text("transfer_which_unit", ref=ref))


def transfer_ambiguous(ref: str, name: str, unit_names: Sequence[str]) -> str:
    units = "; ".join(unit_names)
    return _fit(catalog().text("transfer_ambiguous", ref=ref, name=name, units=units))


def citizen_kept() -> str:
    """To a citizen whose message could not be read automatically: it was kept."""
    return _fit(catalog().text("citizen_kept"))


def citizen_busy() -> str:
    """To a citizen writing faster than anyone can read: everything is kept."""
    return _fit(catalog().text("citizen_busy"))


def question_handoff(code: str, text: str) -> str:
    """To the desk's officers on duty: a citizen asked to be put through."""
    return _fit(catalog().text("question_handoff", code=code, text=text))


def complaint_handoff(code: str, about: str, text: str) -> str:
    """To the desk (and the leaders above the unit complained about): a complaint about
    the police that reached no tip, answered through the OA like a hand-off."""
    c = catalog()
    unit = about or c.text("complaint_unnamed_unit")
    return _fit(c.text("complaint_handoff", code=code, about=unit, text=text))


def citizen_complaint_handed(about: str, above: str) -> str:
    c = catalog()
    if about and above:
        return _fit(c.text("citizen_complaint_handed", about=about, above=above))
    return _fit(c.text("citizen_complaint_handed_desk"))


def citizen_officer_answer(code: str, unit_name: str, answer: str) -> str:
    return _fit(catalog().text("citizen_officer_answer", code=code, unit=unit_name, answer=answer))


def confirm_answer(code: str) -> str:
    return _fit(catalog().text("confirm_answer", code=code))


def enrol_ok(officer_name: str, role: str, unit_name: str) -> str:
    role_label = catalog().label("roles", role)
    return _fit(catalog().text("enrol_ok", name=officer_name, role=role_label, unit=unit_name))


ENROL_FAILURES = frozenset({"unknown_code", "expired_code", "used_code"})


def enrol_failed(reason: str) -> str:
    """reason: unknown_code, expired_code or used_code."""
    if reason not in ENROL_FAILURES:
        raise ValueError(f"unknown enrolment failure {reason!r}")
    return _fit(catalog().text(f"enrol_{reason}"))


def enrol_already(officer_name: str, unit_name: str) -> str:
    return _fit(catalog().text("enrol_already", name=officer_name, unit=unit_name))


def enrol_moved(officer_name: str, role: str, unit_name: str, old_unit_name: str) -> str:
    """Enrolled with a new code: the Zalo account's earlier officer record is retired."""
    role_label = catalog().label("roles", role)
    return _fit(
        catalog().text(
            "enrol_moved",
            name=officer_name,
            role=role_label,
            unit=unit_name,
            old_unit=old_unit_name,
        )
    )


# --- late answers (after an outage) ---------------------------------------------------


def late_reply(text: str) -> str:
    """A citizen's answer that comes late, with an apology before it."""
    return _fit(catalog().text("late_reply") + "\n" + text)


def late_command(text: str, sent_at: datetime, handled_at: datetime) -> str:
    """An officer's answer to a command carried out late, saying when each happened."""
    note = catalog().text(
        "late_command", sent=format_time(sent_at), handled=format_time(handled_at)
    )
    return _fit(note + "\n" + text)
