"""Whether a citizen's new message is about the incident of their open tip, or another.

A citizen's messages within the intake window join their open tip. Most are about
the same incident (more words, a photo, the pin); some are not: a pin in another
ward, or, once an officer took the tip (or finished it), a message about a
clearly different kind of incident. Those start a tip of their own, linked to the
first (`shared.core.tip.split`). `decide` says which, from plain values; its
rules are data (`incidents` in `shared/data/conversation.yaml`). Nothing here
reads the clock, storage or the network.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from shared.core.classify import CATEGORIES
from shared.core.tip import Tip, TipStatus

Reason = Literal[
    "same_incident",  # nothing says otherwise: it joins
    "no_ward_yet",  # the tip's ward is not known: a location locates it
    "near_boundary",  # a pin near a ward boundary: too close to call another ward
    "other_ward",  # a location in another ward than the tip's
    "other_kind",  # a clearly different kind of incident after the tip was taken
    "related",  # about an incident split off this tip before: it joins that tip
]


class IncidentRulesFile(BaseModel):
    """`incidents` in conversation.yaml (validated; a problem names its path)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # Resolver methods that place a message in a ward on their own evidence (a pin,
    # a ward or an address named); the OA's home ward or a conflict never do.
    ward_evidence: list[str] = Field(min_length=1)
    split_near_boundary: bool = False
    # Statuses of the open tip after which another kind of incident is a new tip
    # (before an officer took it, a citizen may still be describing what happens).
    other_kind_after: list[str] = Field(min_length=1)
    # Categories too vague to tell incidents apart ("other").
    vague_categories: list[str] = Field(default_factory=list)
    # Kinds one incident often shows as (a fight with a knife): never told apart.
    kin: list[list[str]] = Field(default_factory=list)

    @model_validator(mode="after")
    def _statuses_known(self) -> IncidentRulesFile:
        known = {s.value for s in TipStatus}
        unknown = sorted(set(self.other_kind_after) - known)
        if unknown:
            raise ValueError(f"other_kind_after: unknown statuses {unknown}")
        named = {*self.vague_categories, *(c for group in self.kin for c in group)}
        strange = sorted(named - {*CATEGORIES, "other"})
        if strange:
            raise ValueError(f"unknown categories {strange}")
        return self


@dataclass(frozen=True)
class IncidentRules:
    ward_evidence: frozenset[str]
    split_near_boundary: bool
    other_kind_after: frozenset[TipStatus]
    vague: frozenset[str]
    kin: tuple[frozenset[str], ...]

    @classmethod
    def from_file(cls, f: IncidentRulesFile) -> IncidentRules:
        return cls(
            frozenset(f.ward_evidence),
            f.split_near_boundary,
            frozenset(TipStatus(s) for s in f.other_kind_after),
            frozenset(f.vague_categories),
            tuple(frozenset(group) for group in f.kin),
        )


@dataclass(frozen=True)
class Related:
    """An incident split off the open tip before, as its first message told it."""

    ref: str
    ward_code: str | None
    category: str | None


@dataclass(frozen=True)
class OpenIncident:
    """The open tip as the decision needs it."""

    ref: str
    status: TipStatus
    ward_code: str | None
    category: str
    related: tuple[Related, ...] = ()


@dataclass(frozen=True)
class NewMessage:
    """The new message as classified and resolved on its own (its words, its pin)."""

    category: str | None  # None: not tip words (a photo, a pin, "nhanh len")
    ward_code: str | None  # None: no location of its own, or too weak to place it
    method: str = "none"  # how the resolver placed it
    near_boundary: bool = False


@dataclass(frozen=True)
class Verdict:
    split: bool
    reason: Reason
    into: str | None = None  # "related": the tip it joins instead
    ward_code: str | None = None  # where the message placed it (kept with the split)
    category: str | None = None  # the kind its words told (kept with the split)


def incident_of(tip: Tip) -> OpenIncident:
    related = tuple(Related(s.ref, s.ward_code, s.category) for s in tip.split_off)
    return OpenIncident(tip.ref, tip.status, tip.ward_code, tip.category, related)


def decide(tip: OpenIncident, msg: NewMessage, rules: IncidentRules) -> Verdict:
    """Join the open tip, join an incident split off it before, or split off a new one;
    and why."""
    placed = msg.ward_code is not None and msg.method in rules.ward_evidence
    ward = msg.ward_code if placed else None

    def split(reason: Reason, into: str | None = None) -> Verdict:
        return Verdict(True, reason, into, ward, msg.category)

    if ward is not None and ward != tip.ward_code:
        if tip.ward_code is None:
            return Verdict(False, "no_ward_yet")
        if msg.near_boundary and not rules.split_near_boundary:
            return Verdict(False, "near_boundary")
        known = next((r for r in tip.related if r.ward_code == ward), None)
        return split("related", known.ref) if known else split("other_ward")
    if _other_kind(tip.category, msg.category, rules):
        # Told already as another incident (its kind), in this ward or none named.
        known = next(
            (
                r
                for r in tip.related
                if r.category == msg.category and (r.ward_code is None or r.ward_code == ward)
            ),
            None,
        )
        if known is not None:
            return split("related", known.ref)
        if tip.status in rules.other_kind_after:
            return split("other_kind")
    return Verdict(False, "same_incident")


def _other_kind(first: str, then: str | None, rules: IncidentRules) -> bool:
    if then is None or then == first or first in rules.vague or then in rules.vague:
        return False
    return not any(first in group and then in group for group in rules.kin)
