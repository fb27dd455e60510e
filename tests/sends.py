"""Send records wherever the store keeps them: a tip's on the tip (`tips/{ref}.sends`,
`shared.store.tip_sends`), the others as documents of `alerts` and `replies`. Tests
that look at what was sent read them here, by collection and key, as before."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def with_tip_sends(
    tips: Iterable[Mapping[str, Any]], docs: Mapping[str, Mapping[str, Any]], kind: str
) -> dict[str, dict[str, Any]]:
    """Records of `kind` (alerts, replies) by key: the documents, then the tips' entries."""
    found = {key: dict(doc) for key, doc in docs.items()}
    for tip in tips:
        for entry, send in (tip.get("sends") or {}).items():
            collection, _, key = entry.partition("|")
            if collection == kind:
                found[key] = dict(send)
    return found


def memory_sends(store: Any, kind: str) -> dict[str, dict[str, Any]]:
    return with_tip_sends(store.docs["tips"].values(), store.docs[kind], kind)


def firestore_sends(db: Any, kind: str) -> dict[str, dict[str, Any]]:
    tips = (s.to_dict() or {} for s in db.collection("tips").stream())
    docs = {s.id: s.to_dict() or {} for s in db.collection(kind).stream()}
    return with_tip_sends(tips, docs, kind)
