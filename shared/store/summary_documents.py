"""A tip's summary as stored: what its citizen sent (texts, locations, attachments,
the latest kept, bounded) and how many of each, on the tip's document.

Intake writes it with every message that opens or joins a tip
(`shared.store.intake_documents`), the router reads it with the rest of the tip
(`shared.store.documents`). Apart from both, so that the webhook loads these
models and not the router's (bench/README.md, round 8).
"""

# Annotations are evaluated as each class is made (no `from __future__ import
# annotations`): as strings, pydantic compiled and evaluated every one of them at
# the webhook's start (≈ 10M instructions over its model modules, bench/README.md,
# round 17). tests/test_webhook_start.py holds it.
from collections.abc import Mapping
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, field_validator

from shared.core.intake import Summary
from shared.core.tip_entries import TipAttachment, TipLocation, TipText


class _Doc(BaseModel):
    # The entries are validated only inside a tip's summary (`SummaryDoc`, or the
    # router's tip document), whose validator holds theirs: none builds its own at
    # import (bench/README.md, round 16).
    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)


class TextDoc(_Doc):
    msg: str = ""
    text: str = ""
    at: AwareDatetime | None = None
    seq: int = 0


class LocationDoc(_Doc):
    msg: str = ""
    lat: str
    lng: str
    at: AwareDatetime | None = None
    seq: int = 0


class AttachmentDoc(_Doc):
    msg: str = ""
    type: str = "file"
    url: str | None = None
    thumbnail: str | None = None
    name: str | None = None
    size: str | None = None
    seq: int = 0

    @field_validator("size", mode="before")
    @classmethod
    def _size_as_text(cls, value: Any) -> Any:
        return (
            str(value) if isinstance(value, int | float) and not isinstance(value, bool) else value
        )


def texts_from_docs(items: list[TextDoc]) -> tuple[TipText, ...]:
    return tuple(TipText(t.msg, t.text, t.at, t.seq) for t in items)


def locations_from_docs(items: list[LocationDoc]) -> tuple[TipLocation, ...]:
    return tuple(TipLocation(x.msg, x.lat, x.lng, x.at, x.seq) for x in items)


def attachments_from_docs(items: list[AttachmentDoc]) -> tuple[TipAttachment, ...]:
    return tuple(
        TipAttachment(a.msg, a.type, a.url, a.thumbnail, a.name, a.size, a.seq) for a in items
    )


class SummaryDoc(_Doc):
    model_config = ConfigDict(defer_build=False)  # read with every message joining a tip

    # Plain defaults (pydantic copies a list default for each document): a builtin
    # `default_factory` made pydantic read `list`'s signature from its text, compiling
    # the tokenizer's patterns at the webhook's start (bench/README.md, round 16).
    texts: list[TextDoc] = []
    locations: list[LocationDoc] = []
    attachments: list[AttachmentDoc] = []
    message_count: int = 0
    texts_total: int = 0
    locations_total: int = 0
    attachments_total: int = 0


def summary_from_doc(tip: Mapping[str, Any]) -> Summary:
    """The summary as a tip document holds it (a tip written before summaries were
    bounded is read as it is, and bounded by the next message that joins it)."""
    doc = SummaryDoc.model_validate(dict(tip))
    return Summary(
        texts=texts_from_docs(doc.texts),
        locations=locations_from_docs(doc.locations),
        attachments=attachments_from_docs(doc.attachments),
        messages=doc.message_count,
        texts_total=doc.texts_total or len(doc.texts),
        locations_total=doc.locations_total or len(doc.locations),
        attachments_total=doc.attachments_total or len(doc.attachments),
    )


def summary_fields(summary: Summary) -> dict[str, Any]:
    return {
        "texts": [{"msg": t.msg, "text": t.text, "at": t.at, "seq": t.seq} for t in summary.texts],
        "locations": [
            {"msg": x.msg, "lat": x.lat, "lng": x.lng, "at": x.at, "seq": x.seq}
            for x in summary.locations
        ],
        "attachments": [
            {
                "msg": a.msg,
                "type": a.type,
                "url": a.url,
                "thumbnail": a.thumbnail,
                "name": a.name,
                "size": a.size,
                "seq": a.seq,
            }
            for a in summary.attachments
        ],
        "message_count": summary.messages,
        "texts_total": summary.texts_total,
        "locations_total": summary.locations_total,
        "attachments_total": summary.attachments_total,
    }
