"""Jurisdiction profiles: the unit tree, category to unit, OA to unit, place names.

A profile is one map of the area as data (`shared/data/profiles/<name>/`):
"hcm" (default: the whole city, its 168 wards and communes under the city
police), "2025" (the five wards that replaced Tân Phú district, under the city
police) and "2021" (Tân Phú district, its teams and its eleven wards). Files
are read on first use and cached, by `profile_file` (pydantic models that name
the place of every problem); nothing is read at import, so the router's cold
start stays small.

`units.yaml` (format documented in its header): `profile`, `map`, `root`,
`desk`, `polygons`, `outer_polygons`, `near_boundary_m`,
`uncertain_boundaries_m`, `outside_polygons`, `max_candidates`, `places`,
`legacy_from`, `wards_from` and `units`, each with `id`, `name`, `kind`,
`parent`, `codes` ([{code, map}]), `names`, `ward_kind`, `polygon`, `oa_ids`,
`contact` ({phone, address, hours}).
`routing.yaml`: `categories`, `default` ("ward" or a unit id), `routes`
({category: unit id or "ward"}), `ward_overrides` ({ward id: {category: id}}).
`legacy.yaml` (or the CSV named by `legacy_from`): old wards with their
successors; `places.yaml`: the words of addresses. Both are read by the resolver.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

# The plain values live in shared.core.profile (read by profile_file without a
# cycle); the three the rest of the code names are re-exported here.
from shared.core.profile import District, Profile, Unit

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
DEFAULT_PROFILE = "hcm"
PROFILES = ("hcm", "2025", "2021")

__all__ = (
    "DATA_DIR",
    "DEFAULT_PROFILE",
    "PROFILES",
    "District",
    "Profile",
    "Unit",
    "load_profile",
    "read_data",
)


def read_data(relative: str) -> Any:
    """Parse a packaged YAML file under shared/data/ (yaml is imported here, lazily)."""
    from shared.core import data_file as yaml_data

    return yaml_data.load((DATA_DIR / relative).read_text(encoding="utf-8"))


@functools.cache
def load_profile(name: str = DEFAULT_PROFILE) -> Profile:
    """The profile `name` (one of PROFILES), read once and cached.

    Raises ValueError for an unknown name and `profile_file.ProfileError` (a
    ValueError) naming every problem of its files.
    """
    if name not in PROFILES:
        raise ValueError(f"unknown profile {name!r}; known: {', '.join(PROFILES)}")
    from shared.core.profile_file import read_profile

    return read_profile(name, DATA_DIR)
