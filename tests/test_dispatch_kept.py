"""The claims a router process keeps for the sends it just recorded claimed
(`shared.services.dispatch.Kept`): kept until sent or until its own clock says the
claim lapsed, whatever time another handler in the process reads."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from shared.core.recipients import Recipient, RecipientKind
from shared.services.dispatch import Kept
from shared.store.collections import SendKind
from shared.store.ports.line import PlannedSend, SendRecord

T0 = datetime(2026, 12, 3, 6, 24, tzinfo=UTC)


class Ticks:
    """A monotonic clock a test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def planned(key: str, claimed: bool = True) -> PlannedSend:
    record = SendRecord(
        oa_id="oa", to=Recipient(RecipientKind.OFFICER, "off-1"), text="Tin báo mới"
    )
    return PlannedSend(SendKind.ALERT, key, record, claimed=claimed)


def test_a_later_handler_does_not_drop_a_claim_a_running_handler_is_about_to_send() -> None:
    """The local stack's clock moved 31 minutes on while a tip was being routed: the
    next tip's handler reads the new time. The first handler's claim is still its own
    (the store's record says claimed at T0, by this process), so it must still be here
    when the first handler sends, or that alert waits for the sweep."""
    ticks = Ticks()
    kept = Kept(monotonic=ticks)
    kept.own([planned("TB-1:c0s1r0:off-1")], T0)
    ticks.now += 0.5
    kept.own([planned("TB-2:c0s1r0:off-1")], T0 + timedelta(minutes=31))
    held = kept.take(SendKind.ALERT, "TB-1:c0s1r0:off-1", T0)
    assert held is not None and held.claimed_at == T0
    # Taken once: a second sender of the same send claims it through the store.
    assert kept.take(SendKind.ALERT, "TB-1:c0s1r0:off-1", T0) is None


def test_what_this_process_kept_longer_than_a_claim_lasts_is_forgotten() -> None:
    ticks = Ticks()
    kept = Kept(monotonic=ticks)
    kept.own([planned("TB-1:c0s1r0:off-1"), planned("TB-1:c0s1r0:off-2", claimed=False)], T0)
    ticks.now += 91
    kept.own([planned("TB-2:c0s1r0:off-1")], T0 + timedelta(seconds=91))
    assert kept.take(SendKind.ALERT, "TB-1:c0s1r0:off-1", T0) is None
    assert kept.take(SendKind.ALERT, "TB-1:c0s1r0:off-2", T0) is None  # never ours
    assert kept.take(SendKind.ALERT, "TB-2:c0s1r0:off-1", T0 + timedelta(seconds=91))


def test_a_claim_whose_time_has_lapsed_for_the_caller_is_not_handed_out() -> None:
    """Past the claim's lapse on the caller's clock another instance may own the send."""
    kept = Kept(monotonic=Ticks())
    kept.own([planned("TB-1:c0s1r0:off-1")], T0)
    later = T0 + timedelta(seconds=90)
    assert kept.take(SendKind.ALERT, "TB-1:c0s1r0:off-1", later) is None
