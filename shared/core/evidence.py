"""A piece of evidence of where a tip is: the wards it allows, and how it was found.

Made by the address reader (`addresses`) and the resolver (GPS, OA); the
resolver intersects them (`resolve`).
"""

from __future__ import annotations

from dataclasses import dataclass

OUTSIDE = "out"  # a place outside the area that no polygon of the file names


@dataclass(slots=True)  # never changed once made; not frozen: made on every lookup
class Evidence:
    method: str  # gps, ward_name, legacy_name, district, landmark, address, outside, oa, ...
    places: tuple[str, ...]  # codes of the profile's map, or OUTSIDE; likeliest first
    label: str
    # False: it may narrow other evidence but never names a ward alone (an old
    # numbered ward without its district: only its district gives it a meaning).
    decides: bool = True
