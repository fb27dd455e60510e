"""A send's recipient as its record keeps it (`shared.core.recipients`): pure."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from shared.core import recipients
from shared.core.recipients import RecipientKind

NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
YEAR = timedelta(days=365)


def test_a_reference_names_the_collection_and_never_carries_the_zalo_id() -> None:
    to = recipients.reporter("r_4f2a", zalo_id="8471209356612347001")
    assert to.ref == "reporter:r_4f2a" and "8471" not in repr(to)
    back = recipients.parse(to.ref)
    assert back == to and back.zalo_id is None  # the id is looked up, not stored
    assert recipients.parse("officer:cb-27019-2").kind is RecipientKind.OFFICER
    assert recipients.parse("quarantine:abc:def").key == "abc:def"


@pytest.mark.parametrize("ref", ["", "reporter:", "8471209356612347001", "zalo:8471", ":x"])
def test_anything_else_is_no_reference(ref: str) -> None:
    with pytest.raises(ValueError, match="not a recipient reference"):
        recipients.parse(ref)


def test_a_contact_is_renewed_only_once_less_than_half_is_left() -> None:
    assert recipients.renewal(NOW + YEAR, NOW, YEAR) is None
    assert recipients.renewal(NOW + YEAR / 2, NOW, YEAR) is None
    assert recipients.renewal(NOW + YEAR / 2 - timedelta(seconds=1), NOW, YEAR) == NOW + YEAR
    assert recipients.renewal(NOW - timedelta(days=1), NOW, YEAR) == NOW + YEAR  # expired
    assert recipients.renewal(None, NOW, YEAR) == NOW + YEAR
    renewed = recipients.renewal(NOW + timedelta(days=10), NOW, YEAR)
    assert renewed is not None and recipients.renewal(renewed, NOW, YEAR) is None  # once
