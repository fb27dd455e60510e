"""The backoff schedule of alerts whose delivery failed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from shared.core.delivery import RetrySettings, next_retry_at
from shared.core.policy_file import default_policies

T0 = datetime(2025, 7, 1, 8, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)


def test_shipped_schedule_retries_after_1_2_4_and_8_minutes_then_gives_up():
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
