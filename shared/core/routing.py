"""The router's pure decisions: where a tip goes and what its alert says.

Plain values in, plain values out: the tip, the profile, the policy, the
resolver's and the classifier's answers. `plan_*` decide a transition of
`shared.core.tip` on the tip as it is; the store writes what they return.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from shared.core import conversation, incidents, messages
from shared.core import tip as tip_core
from shared.core.classify import Classification, classify
from shared.core.jurisdiction import Profile
from shared.core.ladder import PolicySnapshot
from shared.core.policy_file import Policies, policy_for
from shared.core.resolve import Resolution, resolve
from shared.core.tip import Placement, Tip, TipChange, TipStatus

# The resolver's method -> the evidence label shown to officers (messages.yaml).
EVIDENCE_KEY = {
    "gps": "gps",
    "ward_name": "text",
    "address": "text",
    "legacy_name": "legacy_ward",
    "district": "legacy_address",
    "landmark": "landmark",
    "oa": "oa",
    "conflict": "conflict",
    "none": "none",
}
UNCLASSIFIED = Classification("tip", "other", "normal", None, None, ())


@dataclass(frozen=True)
class RoutingDecision:
    unit_id: str
    ward_code: str | None
    map: str
    resolution: Resolution
    classification: Classification
    complaint: bool = False
    complaint_about: str | None = None  # the unit complained about (the ward named)

    @property
    def category(self) -> str:
        return self.classification.category or "other"

    @property
    def severity(self) -> str:
        return self.classification.severity

    def placement(self) -> Placement:
        verdict = replace(self.classification, category=self.category)
        resolution = self.resolution.as_dict()
        return Placement(
            self.unit_id,
            self.ward_code,
            self.map,
            resolution,
            verdict,
            self.complaint,
            self.complaint_about,
        )


def decide(profile: Profile, tip: Tip, *, complaint: bool = False) -> RoutingDecision:
    """Resolve and classify a tip and choose the unit that takes it.

    The ward's unit, or the team or department of its category; without a ward
    (unresolved, conflicting, outside), the department when the category has a
    city-wide one (fire, traffic), else the desk of the parent. A `complaint` about
    the police goes to the desk: the ward it names is the unit complained about, not
    the incident's place (no ward code, so nothing pages that ward as where it happens).
    """
    text = tip.text
    location = tip.location
    point = (location.lat, location.lng) if location else None
    resolution = resolve(text, point, tip.oa_id, profile)
    verdict = classify(text) if text else None
    if verdict is None or verdict.kind != "tip":
        # Photos or a location alone, or words the rules do not know: still a tip.
        verdict = Classification(
            "tip",
            "other",
            verdict.severity if verdict else "normal",
            None,
            None,
            verdict.reasons if verdict else (),
        )
    category = verdict.category or "other"
    if complaint:
        ward = profile.ward_by_code(resolution.ward_code) if resolution.ward_code else None
        about = ward.id if ward is not None else None
        return RoutingDecision(
            profile.desk_id, None, resolution.map, resolution, verdict, True, about
        )
    if resolution.ward_code:
        ward = profile.ward_by_code(resolution.ward_code)
        unit_id = profile.unit_for_category(ward.id, category) if ward else profile.desk_id
    else:
        route = profile.routing.routes.get(category)
        unit_id = route if route and route in profile.units else profile.desk_id
    return RoutingDecision(unit_id, resolution.ward_code, resolution.map, resolution, verdict)


def complained_unit(profile: Profile, text: str) -> str | None:
    """The ward unit a complaint's words name ("công an p tân sơn nhì"); None if none."""
    where = resolve(text, None, None, profile)
    ward = profile.ward_by_code(where.ward_code) if where.ward_code else None
    return ward.id if ward is not None else None


def snapshot_for(
    profile: Profile, policies: Policies, unit_id: str, classification: Classification | None
) -> PolicySnapshot:
    """The ladder a tip runs under once it is given to `unit_id`."""
    verdict = classification or UNCLASSIFIED
    severity = "urgent" if verdict.severity == "urgent" else "normal"
    return policy_for(policies, profile.unit(unit_id).kind, severity, verdict.category or "other")


# --- the transitions routing makes, decided on the tip as it is --------------------------


def plan_route(profile: Profile, policies: Policies, tip: Tip, now: datetime) -> TipChange | None:
    """A received tip goes to the unit routing chooses; None once another delivery routed it."""
    if tip.status is not TipStatus.RECEIVED:
        return None
    # Only a first message complains rather than reports: later ones add to a tip.
    decision = decide(profile, tip, complaint=conversation.about_police(tip.text))
    snapshot = snapshot_for(profile, policies, decision.unit_id, decision.classification)
    return tip_core.route(tip, decision.placement(), snapshot, now)


def plan_reroute(profile: Profile, policies: Policies, tip: Tip, now: datetime) -> TipChange | None:
    """A tip the desk holds moves to its ward once the ward can be resolved."""
    if tip.status is not TipStatus.ROUTED or tip.unit_id != profile.desk_id:
        return None
    decision = decide(profile, tip)
    snapshot = snapshot_for(profile, policies, decision.unit_id, decision.classification)
    return tip_core.reroute(tip, decision.placement(), snapshot, now, profile.desk_id)


def plan_locate(profile: Profile, tip: Tip) -> TipChange | None:
    """A tip a department (or team) holds, its ward unknown, learns its ward from a
    later location; the desk's tips move instead (`plan_reroute`)."""
    if not tip.is_assigned or tip.unit_id == profile.desk_id or tip.ward_code:
        return None
    decision = decide(profile, tip)
    if not decision.ward_code:
        return None
    return tip_core.locate(tip, decision.ward_code, decision.map, decision.resolution.as_dict())


def ward_unit(profile: Profile, tip: Tip) -> str | None:
    """The ward where a tip happens when another unit (a department, a team) has it."""
    ward = profile.ward_by_code(tip.ward_code) if tip.ward_code else None
    return ward.id if ward is not None and ward.id != tip.unit_id else None


def incident(
    profile: Profile, rules: incidents.IncidentRules, tip: Tip, msg: str
) -> incidents.Verdict | None:
    """Whether message `msg`, which joined the citizen's open tip, tells another
    incident (a place in another ward; another kind of incident once the tip was
    taken; an incident split off this tip before). None: it stays."""
    if not tip.is_assigned and tip.status not in rules.other_kind_after:
        return None  # not routed yet: its ward and kind are what its messages say
    text = tip.words_of(msg)
    pins = [x for x in tip.locations if x.msg == msg]
    message = new_message(profile, text, pins[-1] if pins else None)
    if message is None:
        return None  # a photo or a file: nothing tells another incident
    found = incidents.decide(incidents.incident_of(tip), message, rules)
    return found if found.split else None


def new_message(
    profile: Profile, text: str, pin: tip_core.TipLocation | None
) -> incidents.NewMessage | None:
    """A message's own kind and place, as its words and pin tell them (None: neither)."""
    if not text and pin is None:
        return None
    where = resolve(text, (pin.lat, pin.lng) if pin else None, None, profile)
    verdict = classify(text) if text else None
    # a category only the learned model guessed is no clear sign of another incident
    told = verdict is not None and verdict.kind == "tip" and not verdict.category_learned
    return incidents.NewMessage(
        category=verdict.category if told else None,
        ward_code=where.ward_code,
        method=where.method,
        near_boundary=where.near_boundary,
    )


def split_off(found: incidents.Verdict, msg: str, ref: str, now: datetime) -> tip_core.SplitOff:
    return tip_core.SplitOff(msg, ref, found.reason, now, found.ward_code, found.category)


def reads_urgent(text: str) -> bool:
    """Does this message, alone, read as urgent? (`plan_urgency`'s first question,
    asked before any tip is read: most messages are not.)"""
    return urgent_later(classify(text) if text else None)


def urgent_later(verdict: Classification | None) -> bool:
    """Urgent as a later message of a tip: by the rules' signs of danger, not the
    learned model's word alone (it reads "đang" as danger: "nguoi ta van dang dung
    o day", they are still standing here, is no plea)."""
    return verdict is not None and verdict.severity == "urgent" and not verdict.severity_learned


def plan_urgency(
    profile: Profile, policies: Policies, tip: Tip, msg: str, text: str, now: datetime
) -> TipChange | None:
    """Severity judged again on a later message of the tip: it can rise, never fall."""
    verdict = classify(text) if text else None
    if verdict is None or not urgent_later(verdict) or tip.unit_id is None:
        return None
    if tip.classification is None:
        return None
    urgent = replace(tip.classification, severity="urgent")
    snapshot = snapshot_for(profile, policies, tip.unit_id, urgent)
    return tip_core.raise_to_urgent(tip, snapshot, msg, verdict.reasons, now)


def plan_to_desk(
    profile: Profile, policies: Policies, tip: Tip, now: datetime, reason: str
) -> TipChange | None:
    """Routing kept failing: the desk takes the tip as it is, with what is known of it."""
    desk = profile.desk_id
    verdict = tip.classification or UNCLASSIFIED
    placement = Placement(desk, tip.ward_code, tip.map, tip.resolution, verdict)
    snapshot = snapshot_for(profile, policies, desk, tip.classification)
    return tip_core.to_desk(tip, placement, snapshot, now, reason)


def plan_transfer(
    profile: Profile,
    policies: Policies,
    tip: Tip,
    now: datetime,
    officer_id: str,
    to_unit: str,
    reason: str,
) -> TipChange:
    """CHUYEN: to any unit of the profile, under that unit's ladder."""
    snapshot = snapshot_for(profile, policies, to_unit, tip.classification)
    from_name = profile.unit(tip.unit_id).name if tip.unit_id in profile.units else ""
    return tip_core.transfer(tip, to_unit, snapshot, now, officer_id, from_name, reason)


# --- what officers are shown ---------------------------------------------------------------


def ward_name(profile: Profile, ward_code: str | None) -> str | None:
    if not ward_code:
        return None
    ward = profile.ward_by_code(ward_code)
    if ward is None:
        return None
    # The ward's own name ("Tân Sơn Nhì"), not its police unit's ("Công an phường ...").
    return ward.names[0] if ward.names else ward.name


def alert_input(profile: Profile, tip: Tip) -> messages.AlertInput:
    """What an officer's alert shows; the tip holds no citizen identity."""
    resolution = tip.resolution or {}
    method = resolution.get("method", "none")
    if resolution.get("outside"):
        method = "outside"
    location = tip.location
    return messages.AlertInput(
        ref=tip.ref,
        unit_name=profile.unit(tip.unit_id or profile.desk_id).name,
        received_at=tip.created_at,
        category=tip.category,
        severity=tip.severity,
        ward_name=ward_name(profile, tip.ward_code),
        # The desk decides between the wards the evidence left (both sides of a conflict).
        candidate_wards=tuple(
            f"{ward.ward_kind} {ward.names[0]}"
            for code in resolution.get("candidates") or ()
            if (ward := profile.ward_by_code(code)) is not None and ward.names
        ),
        ward_evidence=EVIDENCE_KEY.get(method, method),
        citizen_messages=tuple(messages.CitizenMessage(t.at, t.text) for t in tip.texts),
        # Not the resolver's `evidence`: those are internal notes in English (with
        # the OA id), not an address the citizen wrote; their words are shown whole.
        address_text=None,
        location=messages.Location(location.lat, location.lng) if location else None,
        attachments=tuple(
            messages.Attachment(item.type or "file", item.url, item.name or "")
            for item in tip.attachments
            if item.url
        ),
        notes=tuple(
            messages.NoteLine(n.at, n.name, unit_name(profile, n.unit_id), n.text)
            for n in tip.notes
        ),
        notes_total=tip.note_count,
        anonymous=tip.is_anonymous,
        related=tip.related,
        complaint_about=unit_name(profile, tip.complaint_about) if tip.complaint else None,
    )


def unit_name(profile: Profile, unit_id: str | None) -> str:
    """The unit's name ("Công an phường Tây Thạnh"); '' for an id the profile lacks."""
    return profile.unit(unit_id).name if unit_id in profile.units else ""


def minutes_since(start: datetime, now: datetime) -> int:
    return max(0, int((now - start) / timedelta(minutes=1)))
