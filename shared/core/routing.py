"""The router's pure decisions: where a tip goes and what its alert says.

Plain values in, plain values out: the tip as stored (a dict), the profile,
the resolver's and the classifier's answers. The adapters write the result.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from shared.core import messages
from shared.core.classify import Classification, classify
from shared.core.jurisdiction import Profile
from shared.core.resolve import Resolution, resolve

# The resolver's method -> the evidence label shown to officers (messages.yaml).
EVIDENCE_KEY = {
    "gps": "gps",
    "ward_name": "text",
    "address": "text",
    "legacy_name": "legacy_ward",
    "landmark": "landmark",
    "oa": "oa",
    "conflict": "conflict",
    "none": "none",
}


@dataclass(frozen=True)
class RoutingDecision:
    unit_id: str
    ward_code: str | None
    map: str
    resolution: Resolution
    classification: Classification

    @property
    def category(self) -> str:
        return self.classification.category or "other"

    @property
    def severity(self) -> str:
        return self.classification.severity

    def resolution_doc(self) -> dict[str, Any]:
        return asdict(self.resolution)

    def classification_doc(self) -> dict[str, Any]:
        doc = asdict(self.classification)
        doc["reasons"] = list(doc["reasons"])
        doc["category"] = self.category
        return doc


def tip_text(tip: dict[str, Any]) -> str:
    return "\n".join(item["text"] for item in tip.get("texts", []) if item.get("text"))


def tip_location(tip: dict[str, Any]) -> tuple[str, str] | None:
    """The latest location the citizen shared (a later one corrects an earlier one)."""
    locations = tip.get("locations") or []
    if not locations:
        return None
    last = max(locations, key=lambda item: item.get("at") or datetime.min)
    return (last["lat"], last["lng"])


def decide(profile: Profile, tip: dict[str, Any]) -> RoutingDecision:
    """Resolve and classify a tip and choose the unit that takes it.

    The ward's unit, or the team or department of its category; without a ward
    (unresolved, conflicting, outside), the department when the category has a
    city-wide one (fire, traffic), else the desk of the parent.
    """
    text = tip_text(tip)
    resolution = resolve(text, tip_location(tip), tip.get("oa_id"), profile)
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
    if resolution.ward_code:
        ward = profile.ward_by_code(resolution.ward_code)
        unit_id = profile.unit_for_category(ward.id, category) if ward else profile.desk_id
    else:
        route = profile.routing.routes.get(category)
        unit_id = route if route and route in profile.units else profile.desk_id
    return RoutingDecision(unit_id, resolution.ward_code, resolution.map, resolution, verdict)


def needs_location(decision: RoutingDecision, tip: dict[str, Any]) -> bool:
    """Ask the citizen for a location or exact address when none could be resolved."""
    return decision.ward_code is None and not tip.get("locations")


def ward_name(profile: Profile, ward_code: str | None) -> str | None:
    if not ward_code:
        return None
    ward = profile.ward_by_code(ward_code)
    if ward is None:
        return None
    # The ward's own name ("Tân Sơn Nhì"), not its police unit's ("Công an phường ...").
    return ward.names[0] if ward.names else ward.name


def alert_input(profile: Profile, tip: dict[str, Any]) -> messages.AlertInput:
    """What an officer's alert shows; the tip as stored holds no citizen identity."""
    resolution = tip.get("resolution") or {}
    classification = tip.get("classification") or {}
    location = tip_location(tip)
    method = resolution.get("method", "none")
    if resolution.get("outside"):
        method = "outside"
    return messages.AlertInput(
        ref=tip["ref"],
        unit_name=profile.unit(tip["unit_id"]).name,
        received_at=tip["created_at"],
        category=classification.get("category") or "other",
        severity=classification.get("severity") or "normal",
        ward_name=ward_name(profile, tip.get("ward_code")),
        ward_evidence=EVIDENCE_KEY.get(method, method),
        citizen_text=tip_text(tip),
        # Not the resolver's `evidence`: those are internal notes in English (with
        # the OA id), not an address the citizen wrote; their words are shown whole.
        address_text=None,
        location=messages.Location(*location) if location else None,
        attachments=tuple(
            messages.Attachment(item.get("type") or "file", item["url"], item.get("name") or "")
            for item in tip.get("attachments", [])
            if item.get("url")
        ),
    )


def minutes_since(start: datetime, now: datetime) -> int:
    return max(0, int((now - start) / timedelta(minutes=1)))
