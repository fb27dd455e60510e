"""Builds the router and the escalator from settings: the one place where the
adapters are chosen. Called on first use, never at import."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import httpx

from shared.clock import Clock, clock_from_env
from shared.core.jurisdiction import load_profile
from shared.core.policy_file import default_policies
from shared.logs import get_logger
from shared.services.dispatch import Dispatcher
from shared.settings import Settings, get_settings
from shared.store.intake import make_client
from shared.store.tips import TipStore
from shared.store.tokens import FirestoreTokenStore
from shared.zalo.client import ZaloClient, refresh_tokens

if TYPE_CHECKING:  # the router imports this module's builders lazily
    from shared.services.escalator import Escalator
    from shared.services.router import Router


def zalo_clients(
    settings: Settings, db: object, clock: Clock, http: httpx.Client
) -> Callable[[str], ZaloClient]:
    """OA id -> a client whose tokens live in Firestore (one per OA, made once)."""
    made: dict[str, ZaloClient] = {}
    refresher = partial(
        refresh_tokens,
        http,
        settings.zalo_oauth_base,
        settings.zalo_app_id,
        settings.zalo_app_secret.get_secret_value(),
    )

    def client(oa_id: str) -> ZaloClient:
        if oa_id not in made:
            tokens = FirestoreTokenStore(db, oa_id, refresher, clock.now)  # type: ignore[arg-type]
            made[oa_id] = ZaloClient(http, settings.zalo_api_base, tokens)
        return made[oa_id]

    return client


def build_dispatcher(settings: Settings, clock: Clock) -> Dispatcher:
    settings.require("zalo_app_id", "zalo_app_secret")
    oa_units = settings.oa_units()
    db = make_client(settings.google_cloud_project)
    profile = load_profile(settings.tinbao_profile)
    by_unit: dict[str, list[str]] = {}
    for oa_id, unit in oa_units.items():
        by_unit.setdefault(unit, []).append(oa_id)
    if by_unit:
        profile = profile.with_oa_ids(by_unit)
    policies = default_policies()
    return Dispatcher(
        store=TipStore(db),
        profile=profile,
        clients=zalo_clients(settings, db, clock, httpx.Client()),
        retry=policies.alert_retry,
        log=get_logger("dispatch"),
        default_oa=settings.zalo_oa_id or None,
    )


def build_router(clock: Clock | None = None) -> Router:
    from shared.services.router import Router

    settings = get_settings()
    clock = clock or clock_from_env()
    dispatch = build_dispatcher(settings, clock)
    return Router(
        store=dispatch.store,
        dispatch=dispatch,
        profile=dispatch.profile,
        policies=default_policies(),
        clock=clock,
        log=get_logger("router"),
        oa_units=settings.oa_units(),
    )


def build_escalator(clock: Clock | None = None) -> Escalator:
    from shared.services.escalator import Escalator
    from shared.store.pubsub import Publisher

    settings = get_settings()
    router = build_router(clock)
    return Escalator(
        store=router.store,
        dispatch=router.dispatch,
        router=router,
        publisher=Publisher(settings.google_cloud_project, settings.tinbao_events_topic),
        policies=router.policies,
        clock=router.clock,
        log=get_logger("escalator"),
        budget_seconds=settings.tinbao_escalator_budget_seconds,
    )
