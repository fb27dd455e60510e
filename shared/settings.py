"""Configuration from the environment.

Read lazily through `get_settings()`, never at import: a function that starts
without a setting it needs fails on first use with a message naming it.
Each field records which functions read it (`functions`), whether it is a
secret (`secret`) and whether Terraform sets it (`deployed`: false for the
single-key shortcut of the local stack); the Terraform contract tests hold the
deployment to this.
Secret values come from the environment only (Secret Manager in production).
"""

# Annotations are evaluated as each class is made (no `from __future__ import
# annotations`): as strings, pydantic compiled and evaluated every one of them at
# the webhook's start (≈ 10M instructions over its model modules, bench/README.md,
# round 17). tests/test_webhook_start.py holds it.
import json
import os
from functools import lru_cache
from typing import Any, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)

from shared.zalo.oa import OaConfig

ALL = ("webhook", "router", "escalator")


def _field(
    default: Any, *functions: str, secret: bool = False, deployed: bool = True, description: str
) -> Any:
    return Field(
        default,
        description=description,
        json_schema_extra={"functions": list(functions), "secret": secret, "deployed": deployed},
    )


class OaEntry(BaseModel):
    """One Official Account served by this webhook (an item of TINBAO_OAS).

    Its key: the variable `secret_key_env` names when given; else its entry in
    ZALO_OA_SECRET_KEYS (one secret for every OA of a city-wide line); else
    ZALO_OA_SECRET_KEY."""

    oa_id: str
    unit: str
    app_id: str | None = None
    secret_key_env: str | None = None


class ConfigError(RuntimeError):
    """A setting a function needs is missing or malformed."""


def _positive(value: float) -> float:
    if value <= 0:
        raise ValueError("must be positive")
    return value


class IntakeSettings(BaseModel):
    """What the door reads (the webhook, and the router for deferred events): the
    intake window and budget, replays, the quarantine, fair use per citizen, the
    pseudonym keys. `Settings` holds these and the rest.

    Each field is read from the environment variable of its name, in any case
    (TINBAO_PROFILE), unless given by name when made (tests); values are validated
    as pydantic validates a model's input, defaults too. This is what
    pydantic-settings did for these fields (strings, numbers, booleans and secrets:
    nothing nested, no .env file, no secrets directory, no command line), without
    its ≈ 15-20 ms at each cold start (bench/README.md, round 10)."""

    # Never made itself: `Settings` (below) builds the validator used, so this one
    # builds none at import (bench/README.md, round 16).
    model_config = ConfigDict(extra="ignore", frozen=True, validate_default=True, defer_build=True)

    def __init__(self, **values: Any) -> None:
        super().__init__(**_from_environment(type(self), values))

    tinbao_intake_window_minutes: int = _field(
        30,
        "webhook",
        "router",
        description="Messages of one citizen within this window join one tip",
    )
    tinbao_retention_days: int = _field(
        365,
        "webhook",
        "router",
        description="Days before Firestore TTL removes a tip and its messages, and a "
        "citizen's contact (the router renews one it reads with less than half left)",
    )

    tinbao_webhook_budget_seconds: float = _field(
        1.5,
        "webhook",
        description="Time the webhook may spend making an event durable before it answers "
        "(Zalo allows 2 s)",
    )
    tinbao_webhook_fallback_seconds: float = _field(
        0.4,
        "webhook",
        description="Part of the budget kept for handing the raw signed event to Pub/Sub "
        "when Firestore fails or is slow",
    )
    tinbao_max_event_age_hours: float = _field(
        24,
        "webhook",
        description="A signed event older than this is refused as a replay (longer than "
        "Zalo's retries, shorter than the retention)",
    )
    tinbao_quarantine_days: int = _field(
        30,
        "webhook",
        "router",
        description="Days a signed event kept raw in the quarantine stays before TTL removes it",
    )
    tinbao_fair_burst_messages: int = _field(
        20,
        "webhook",
        "router",
        description="A citizen's messages beyond this many within TINBAO_FAIR_BURST_MINUTES "
        "are stored and summarised, not answered or alerted one by one",
    )
    tinbao_fair_burst_minutes: int = _field(
        10, "webhook", "router", description="The window of TINBAO_FAIR_BURST_MESSAGES"
    )
    tinbao_fair_tips_per_day: int = _field(
        5,
        "webhook",
        "router",
        description="New tips one citizen may open in 24 hours; beyond, their tip material "
        "joins their open tip whatever the intake window",
    )
    tinbao_update_every_minutes: float = _field(
        5,
        "router",
        "escalator",
        description="Officers get at most one update per tip in this time; what a citizen "
        "adds meanwhile is grouped into the next",
    )
    tinbao_pseudonym_key: SecretStr = _field(
        SecretStr(""),
        "webhook",
        secret=True,
        description="Key of the reporter pseudonym (HMAC of the citizen's Zalo id)",
    )
    tinbao_pseudonym_key_previous: SecretStr = _field(
        SecretStr(""),
        "webhook",
        secret=True,
        description="The key before the last rotation: pseudonyms it made stay resolvable",
    )

    @field_validator(
        "tinbao_intake_window_minutes",
        "tinbao_retention_days",
        "tinbao_webhook_budget_seconds",
        "tinbao_webhook_fallback_seconds",
        "tinbao_max_event_age_hours",
        "tinbao_quarantine_days",
        "tinbao_fair_burst_messages",
        "tinbao_fair_burst_minutes",
        "tinbao_fair_tips_per_day",
        "tinbao_update_every_minutes",
    )
    @classmethod
    def _intake_positive(cls, value: float) -> float:
        return _positive(value)

    @model_validator(mode="after")
    def _coherent(self) -> Self:
        if self.tinbao_webhook_fallback_seconds >= self.tinbao_webhook_budget_seconds:
            raise ValueError("TINBAO_WEBHOOK_FALLBACK_SECONDS must be below the budget")
        # Older than any Zalo retry (about 2 hours), younger than the de-duplication record.
        if not 3 <= self.tinbao_max_event_age_hours < self.tinbao_retention_days * 24:
            raise ValueError("TINBAO_MAX_EVENT_AGE_HOURS must be 3 or more, below the retention")
        return self


class Settings(IntakeSettings):
    model_config = ConfigDict(defer_build=False)  # built at import: the first request makes it

    google_cloud_project: str = _field(
        "tinbao-local", *ALL, description="Google Cloud project holding Firestore and Pub/Sub"
    )
    tinbao_events_topic: str = _field(
        "tinbao-events", "webhook", "escalator", description="Pub/Sub topic of stored changes"
    )
    tinbao_profile: str = _field(
        "hcm",
        *ALL,
        description="Jurisdiction profile: hcm (the whole city, 168 wards), 2025 (the five "
        "wards of former Tân Phú) or 2021 (Tân Phú district as in 2021)",
    )
    zalo_app_id: str = _field("", *ALL, description="Zalo app id of a single-OA line")
    zalo_oa_id: str = _field(
        "", *ALL, description="OA id of a single-OA line (empty: any OA of the app)"
    )
    zalo_oa_unit: str = _field("", *ALL, description="Unit of that OA (empty: the desk)")
    zalo_oa_secret_key: SecretStr = _field(
        SecretStr(""),
        "webhook",
        secret=True,
        deployed=False,
        description="OA Secret Key (webhook signatures) of a single-OA line (local stack; "
        "Terraform sets ZALO_OA_SECRET_KEYS)",
    )
    zalo_oa_secret_keys: SecretStr = _field(
        SecretStr(""),
        "webhook",
        secret=True,
        description='Every OA\'s Secret Key as one JSON object {"<oa id>": "<key>"} '
        "(one Secret Manager secret for the whole line)",
    )
    tinbao_oas: str = _field(
        "",
        *ALL,
        description="JSON list of OAs on one webhook: "
        '[{"oa_id", "unit", "app_id"?, "secret_key_env"?}]',
    )
    zalo_app_secret: SecretStr = _field(
        SecretStr(""), "router", "escalator", secret=True, description="App Secret (token refresh)"
    )
    zalo_appsecret_proof: bool = _field(
        False,
        "router",
        "escalator",
        description="Send appsecret_proof with each OA API call (the app's 'require "
        "appsecret_proof' option; without it Zalo answers -242)",
    )
    zalo_api_base: str = _field(
        "https://openapi.zalo.me", "router", "escalator", description="Zalo OA API base URL"
    )
    zalo_oauth_base: str = _field(
        "https://oauth.zaloapp.com", "router", "escalator", description="Zalo OAuth base URL"
    )
    # Provisioned by Terraform (infra/firestore.yaml says which collection lives where,
    # shared/store/collections.py HOME is the code's copy); main is always (default).
    tinbao_contacts_database: str = _field(
        "(default)",
        *ALL,
        description="Firestore database of reporters' Zalo ids and the events kept raw "
        "(`reporters`, `quarantine`); the webhook only creates documents there",
    )
    tinbao_identity_database: str = _field(
        "(default)",
        "router",
        "escalator",
        description="Firestore database of officers, invites, units, rosters and OA tokens "
        "(the webhook never reaches it)",
    )
    tinbao_escalator_budget_seconds: float = _field(
        25,
        "escalator",
        description="Time after which an escalator run takes no new work and leaves the rest "
        "to the next run; a send already started ends within 20 s more, so budget + 20 s "
        "stays well under the function's 55 s timeout",
    )

    @field_validator("tinbao_escalator_budget_seconds")
    @classmethod
    def _positive(cls, value: float) -> float:
        return _positive(value)

    def database_names(self) -> dict[str, str]:
        """Firestore database id by its key in infra/firestore.yaml `databases`."""
        return {
            "main": "(default)",
            "contacts": self.tinbao_contacts_database,
            "identity": self.tinbao_identity_database,
        }

    def oa_units(self) -> dict[str, str]:
        """OA id -> unit id, without touching any secret (the router and escalator
        need the mapping, never the OA secret keys)."""
        if self.tinbao_oas.strip():
            try:
                items = [OaEntry.model_validate(item) for item in json.loads(self.tinbao_oas)]
            except (ValueError, TypeError, ValidationError) as exc:
                raise ConfigError(f"TINBAO_OAS is not a JSON list of OA entries: {exc}") from exc
            return {item.oa_id: item.unit for item in items if item.unit}
        if self.zalo_oa_id and self.zalo_oa_unit:
            return {self.zalo_oa_id: self.zalo_oa_unit}
        return {}

    def require(self, *names: str) -> None:
        """Fail with the names of the settings a use needs and does not have."""
        missing = [
            name.upper()
            for name in names
            if not (
                value.get_secret_value()
                if isinstance(value := getattr(self, name), SecretStr)
                else value
            )
        ]
        if missing:
            raise ConfigError(f"missing setting(s): {', '.join(missing)}")

    def oa_keys(self) -> dict[str, str]:
        """ZALO_OA_SECRET_KEYS as {OA id: key} (empty when unset). Never logged."""
        raw = self.zalo_oa_secret_keys.get_secret_value().strip()
        if not raw:
            return {}
        try:
            keys = json.loads(raw)
        except ValueError:
            keys = None
        if not isinstance(keys, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and v for k, v in keys.items()
        ):
            # The value itself is never repeated: it is a secret.
            raise ConfigError('ZALO_OA_SECRET_KEYS is not a JSON object {"<oa id>": "<key>"}')
        return keys

    def oas(self) -> list[OaConfig]:
        """Every OA this deployment serves, with its secret key resolved."""
        entries: list[OaConfig] = []
        if self.tinbao_oas.strip():
            try:
                raw = json.loads(self.tinbao_oas)
                items = [OaEntry.model_validate(item) for item in raw]
            except (ValueError, TypeError, ValidationError) as exc:
                raise ConfigError(f"TINBAO_OAS is not a JSON list of OA entries: {exc}") from exc
            keys = self.oa_keys()
            missing = []
            for item in items:
                app_id = item.app_id or self.zalo_app_id
                if item.secret_key_env:
                    secret = os.environ.get(item.secret_key_env, "")
                else:
                    secret = keys.get(item.oa_id) or self.zalo_oa_secret_key.get_secret_value()
                if not app_id or not secret:
                    missing.append(f"{item.oa_id} ({item.secret_key_env or 'ZALO_OA_SECRET_KEYS'})")
                    continue
                entries.append(OaConfig(item.oa_id, app_id, item.unit, secret))
            if missing:
                raise ConfigError(
                    "TINBAO_OAS entries without an app id or a key: " + ", ".join(missing)
                )
        elif self.zalo_app_id:
            secret = self.zalo_oa_secret_key.get_secret_value()
            if not secret:
                raise ConfigError("ZALO_OA_SECRET_KEY is not set")
            entries.append(
                OaConfig(self.zalo_oa_id or None, self.zalo_app_id, self.zalo_oa_unit, secret)
            )
        else:
            raise ConfigError("set ZALO_APP_ID and ZALO_OA_SECRET_KEY, or TINBAO_OAS")
        return entries


def _from_environment(model: type[BaseModel], given: dict[str, Any]) -> dict[str, Any]:
    """Each field's value: given by name (any case), else its environment variable
    (any case; of two spellings of one name, the later in the environment)."""
    given = {name.lower(): value for name, value in given.items()}
    env = {name.lower(): value for name, value in os.environ.items()}
    return {
        name: given[name] if name in given else env[name]
        for name in model.model_fields
        if name in given or name in env
    }


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        raise ConfigError(str(exc)) from exc


def setting_names() -> dict[str, dict[str, Any]]:
    """ENV_NAME -> {functions, secret, deployed, default, description}: for docs and tests."""
    out: dict[str, dict[str, Any]] = {}
    for name, info in Settings.model_fields.items():
        extra = info.json_schema_extra or {}
        assert isinstance(extra, dict)
        default = info.default
        if isinstance(default, SecretStr):
            default = ""
        out[name.upper()] = {
            "functions": list(extra.get("functions", [])),  # type: ignore[arg-type]
            "secret": bool(extra.get("secret")),
            "deployed": bool(extra.get("deployed", True)),
            "default": default,
            "description": info.description,
        }
    return out
