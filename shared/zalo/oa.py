"""One Official Account as the webhook serves it (built from the settings)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class OaConfig:
    """An Official Account this line serves: its ids, its unit and its Secret Key."""

    oa_id: str | None  # None: any OA of the app (single-OA lines that leave ZALO_OA_ID unset)
    app_id: str
    unit: str
    secret_key: str = field(repr=False)
