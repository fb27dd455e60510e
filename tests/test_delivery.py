"""A send's life: the claim rule, the retry schedule (outage is not unreachability),
and what a ladder step's sends add up to."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.core.delivery import (
    CLAIM_LAPSES_AFTER,
    WINDOW,
    RetrySettings,
    may_send,
    next_retry_at,
    retry_after_failure,
    step_delivery,
)
from shared.core.policy_file import default_policies

T0 = datetime(2025, 7, 1, 8, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)


def test_shipped_schedule_strikes_retry_after_1_2_4_and_8_minutes_then_give_up():
    settings = default_policies().alert_retry
    assert [next_retry_at(n, T0, settings) for n in range(1, 6)] == [
        T0 + 1 * MIN,
        T0 + 2 * MIN,
        T0 + 4 * MIN,
        T0 + 8 * MIN,
        None,
    ]
    assert settings.max_attempts == 5


def test_an_alert_never_tried_is_sent_now():
    assert next_retry_at(0, T0, RetrySettings((MIN,))) == T0


def test_with_no_delays_the_first_failure_goes_to_the_desk():
    assert next_retry_at(1, T0, RetrySettings(())) is None


@given(
    st.lists(st.integers(0, 120).map(lambda m: m * MIN), max_size=8),
    st.integers(-3, 20),
)
def test_retries_stop_exactly_after_the_configured_attempts(delays, attempts):
    settings = RetrySettings(tuple(delays))
    result = next_retry_at(attempts, T0, settings)
    if attempts >= settings.max_attempts:
        assert result is None
    else:
        assert result is not None and result >= T0


# --- the claim rule ---------------------------------------------------------------------


def test_a_failed_send_is_not_claimed_before_its_retry_time_however_often_it_is_asked():
    failed = {"status": "failed", "next_retry_at": T0 + MIN}
    assert not any(may_send(failed, T0 + k * timedelta(seconds=5)) for k in range(12))
    assert may_send(failed, T0 + MIN)


def test_a_pending_send_is_claimed_and_a_live_claim_is_not_until_it_lapses():
    assert may_send({"status": "pending"}, T0)
    claimed = {"status": "sending", "claimed_at": T0}
    assert not may_send(claimed, T0 + CLAIM_LAPSES_AFTER - timedelta(seconds=1))
    assert may_send(claimed, T0 + CLAIM_LAPSES_AFTER)


@pytest.mark.parametrize("status", ["sent", "unreachable", "rejected", "given_up", "superseded"])
def test_a_finished_send_is_never_claimed_again(status: str):
    assert not may_send({"status": status, "next_retry_at": T0}, T0 + WINDOW)


# --- retries: outage is not unreachability ----------------------------------------------

SETTINGS = RetrySettings((MIN, 2 * MIN, 4 * MIN, 8 * MIN), outage_every=MIN)


def retry(strikes: int, outage: bool, now: datetime, until_window: bool = False):
    return retry_after_failure(
        strikes=strikes,
        outage=outage,
        created_at=T0,
        now=now,
        settings=SETTINGS,
        until_window=until_window,
    )


def test_an_outage_failure_is_retried_at_the_outage_pace_and_never_given_up_in_the_window():
    for hours in (0, 1, 24, 6 * 24):
        now = T0 + timedelta(hours=hours)
        assert retry(0, True, now) == now + MIN
    assert retry(0, True, T0 + WINDOW) is None  # Zalo would refuse it by now


def test_strikes_follow_the_delays_and_an_alert_is_given_up_after_the_last():
    assert [retry(n, False, T0) for n in range(1, 6)] == [
        T0 + MIN,
        T0 + 2 * MIN,
        T0 + 4 * MIN,
        T0 + 8 * MIN,
        None,
    ]


def test_a_citizens_reply_keeps_the_last_pace_until_the_window_closes():
    assert retry(9, False, T0 + timedelta(hours=5), until_window=True) == T0 + timedelta(
        hours=5, minutes=8
    )
    near_end = T0 + WINDOW - MIN
    assert retry(9, False, near_end, until_window=True) == T0 + WINDOW
    assert retry(9, False, T0 + WINDOW, until_window=True) is None


# --- a step's sends -----------------------------------------------------------------------


def test_a_step_is_reached_by_its_first_delivery():
    step = step_delivery(
        [
            {"status": "failed", "outage": True},
            {"status": "sent", "finished_at": T0 + 2 * MIN},
            {"status": "sent", "finished_at": T0 + MIN},
        ]
    )
    assert step.reached and not step.waiting and step.delivered_at == T0 + MIN


def test_a_step_waits_on_zalo_while_its_sends_are_pending_sending_or_failed_in_an_outage():
    for status in ("pending", "sending"):
        assert step_delivery([{"status": "unreachable"}, {"status": status}]).waiting
    assert step_delivery([{"status": "failed", "outage": True}]).waiting
    # One person's failures while Zalo answers others: nothing to wait for ...
    assert step_delivery([{"status": "failed", "outage": False}]).unreached
    # ... unless Zalo is down now.
    assert step_delivery([{"status": "failed", "outage": False}], zalo_down=True).waiting


def test_a_step_with_nobody_to_send_to_or_only_refusals_reached_nobody():
    assert step_delivery([]).unreached
    assert step_delivery([{"status": "unreachable"}, {"status": "given_up"}]).unreached
