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


def differs(value: Any, before: Any) -> bool:
    """Whether `value` would be stored otherwise than `before` is: equal values of
    one type are stored alike (`1` and `True`, equal but stored apart, differ)."""
    return value is not before and (type(value) is not type(before) or value != before)


def summary_fields(summary: Summary, before: Summary | None = None) -> dict[str, Any]:
    """The summary's fields as a tip stores them. `before`: the summary exactly as the
    tip holds it (this process wrote it, and the sender's precondition holds it): only
    the fields whose value differs from it, so that an update under a mask names no
    field it would write again with the value it has (the document is the same)."""
    s, b = summary, before
    out: dict[str, Any] = {}
    if b is None or differs(s.texts, b.texts):
        out["texts"] = [{"msg": t.msg, "text": t.text, "at": t.at, "seq": t.seq} for t in s.texts]
    if b is None or differs(s.locations, b.locations):
        out["locations"] = [
            {"msg": x.msg, "lat": x.lat, "lng": x.lng, "at": x.at, "seq": x.seq}
            for x in s.locations
        ]
    if b is None or differs(s.attachments, b.attachments):
        out["attachments"] = [
            {
                "msg": a.msg,
                "type": a.type,
                "url": a.url,
                "thumbnail": a.thumbnail,
                "name": a.name,
                "size": a.size,
                "seq": a.seq,
            }
            for a in s.attachments
        ]
    if b is None or differs(s.messages, b.messages):
        out["message_count"] = s.messages
    if b is None or differs(s.texts_total, b.texts_total):
        out["texts_total"] = s.texts_total
    if b is None or differs(s.locations_total, b.locations_total):
        out["locations_total"] = s.locations_total
    if b is None or differs(s.attachments_total, b.attachments_total):
        out["attachments_total"] = s.attachments_total
    return out
