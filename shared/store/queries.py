"""Every Firestore query the code runs that needs a composite index.

The adapters build their queries from these specs and the Terraform contract
test checks that `infra/` declares an index for each, so code and indexes
cannot drift. Single-field queries need no entry (Firestore indexes them).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IndexSpec:
    name: str
    collection: str
    fields: tuple[tuple[str, str], ...]  # (field, "ASCENDING" | "DESCENDING")


INDEXES: tuple[IndexSpec, ...] = ()
