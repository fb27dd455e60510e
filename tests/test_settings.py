"""How a setting is read from the environment: by its name in any case, a value given
when made before the environment, every value validated (defaults too), a bad one
failing on first use with its name (README.md, "Configuration")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pydantic import ValidationError

from shared.settings import ConfigError, Settings, get_settings, setting_names


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in setting_names():
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_a_setting_is_read_from_its_variable_in_any_case(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TINBAO_PROFILE", "2025")
    monkeypatch.setenv("tinbao_intake_window_minutes", "15")
    monkeypatch.setenv("Zalo_Appsecret_Proof", "true")
    monkeypatch.setenv("TINBAO_PSEUDONYM_KEY", "k1")
    settings = get_settings()
    assert settings.tinbao_profile == "2025"
    assert settings.tinbao_intake_window_minutes == 15
    assert settings.zalo_appsecret_proof is True
    assert settings.tinbao_pseudonym_key.get_secret_value() == "k1"
    assert settings.tinbao_retention_days == 365  # unset: the default


def test_a_value_given_when_made_comes_before_the_environment_in_any_case(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ZALO_APP_ID", "from-env")
    monkeypatch.setenv("ZALO_OA_ID", "oa-env")
    assert Settings(zalo_app_id="given").zalo_app_id == "given"
    assert Settings(ZALO_APP_ID="given").zalo_app_id == "given"
    assert Settings(zalo_app_id="given").zalo_oa_id == "oa-env"
    assert Settings(unknown="ignored").zalo_app_id == "from-env"


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [
        ("TINBAO_INTAKE_WINDOW_MINUTES", "abc", "tinbao_intake_window_minutes"),
        ("TINBAO_INTAKE_WINDOW_MINUTES", "", "tinbao_intake_window_minutes"),
        ("TINBAO_INTAKE_WINDOW_MINUTES", "0", "must be positive"),
        ("TINBAO_ESCALATOR_BUDGET_SECONDS", "-1", "must be positive"),
        ("ZALO_APPSECRET_PROOF", "maybe", "zalo_appsecret_proof"),
        ("TINBAO_WEBHOOK_FALLBACK_SECONDS", "2", "TINBAO_WEBHOOK_FALLBACK_SECONDS"),
        ("TINBAO_MAX_EVENT_AGE_HOURS", "2", "TINBAO_MAX_EVENT_AGE_HOURS"),
    ],
)
def test_a_bad_value_fails_on_first_use_naming_the_setting(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, says: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=says):
        get_settings()
    with pytest.raises(ValidationError, match="1 validation error for Settings"):
        Settings()


def test_settings_are_frozen() -> None:
    with pytest.raises(ValidationError):
        Settings().tinbao_profile = "2021"  # type: ignore[misc]
