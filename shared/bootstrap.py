"""Builds each function's service once per process, from the settings: the one
place where adapters are chosen and wired to the shells.

Nothing is built at import: a function that starts without a setting it needs
fails on its first request, naming the setting. Each builder imports only what
its function uses, so the webhook's cold start never pays for the router's.
What needs no setting and every request uses (the webhook's modules and the
classifier's rules) is loaded by `prepare_webhook()` when the instance starts.
`reset()` forgets everything (tests change settings between cases).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from datetime import timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from shared.clock import Clock, clock_from_env
from shared.core import prebuilt
from shared.logs import get_logger
from shared.settings import Settings, get_settings

if TYPE_CHECKING:
    import httpx

    from shared.core.intake import IntakeRules
    from shared.core.jurisdiction import Profile
    from shared.services.escalator import Escalator
    from shared.services.followups import FollowUps
    from shared.services.intake import Door
    from shared.services.paging import Pager
    from shared.services.router import Router
    from shared.services.webhook import Webhook
    from shared.store.databases import Databases
    from shared.store.ports import IntakeStore, Publisher
    from shared.store.ports.line import LineStore
    from shared.zalo.client import ZaloClient
    from shared.zalo.oa import OaConfig

_lock = threading.RLock()
_built: dict[str, Any] = {}

# A prebuilt form of the classifier's rules or model that cannot be used (stale,
# unreadable) is built from its data file instead, and said once in the log.
prebuilt.report_to(get_logger("prebuilt").warning)


def get_webhook() -> Webhook:
    """The process's webhook (`functions/webhook/main.py`)."""
    return _once("webhook", build_webhook)


def prepare_webhook() -> None:
    """Load, before the instance serves, what every webhook request needs and no
    setting decides: the storage clients' modules, the webhook's own, the classifier's
    rules and learned model, and the command grammar (bench/README.md, "The cold first request").

    Called at import by `functions/webhook/main.py`, so it runs while Cloud Run starts
    the instance (before it listens, when CPU is allocated) and before gunicorn forks
    its worker, which inherits it. No client is made here: a gRPC channel must not
    cross that fork, and clients need settings (built on the first request)."""
    import importlib

    from shared.core.classify import load_rules
    from shared.core.commands import parse_command
    from shared.core.text_model import load_model

    # The storage modules import google.cloud.firestore and google.cloud.pubsub_v1.
    for module in ("shared.services.webhook", "shared.store.intake", "shared.store.pubsub"):
        importlib.import_module(module)
    load_rules()  # prebuilt while current (shared.core.prebuilt)
    load_model()  # the classifier's second opinion
    parse_command("")


def get_router() -> Router:
    """The process's router (`functions/router/main.py`)."""
    return _once("router", build_router)


def get_escalator() -> Escalator:
    """The process's escalator (`functions/escalator/main.py`)."""
    return _once("escalator", build_escalator)


def reset() -> None:
    """Forget every built service. An outbox mark still running from a webhook request
    that already answered is waited for, so it cannot land after the reset."""
    with _lock:
        webhook = _built.pop("webhook", None)
        if webhook is not None:
            webhook.executor.shutdown(wait=True)
        _built.clear()
        get_settings.cache_clear()


def _once(name: str, build: Callable[[], Any]) -> Any:
    with _lock:
        if name not in _built:
            _built[name] = build()
        return _built[name]


# --- builders: the deployed adapters, from the settings --------------------------------


def build_webhook(clock: Clock | None = None) -> Webhook:
    from shared.store.intake import FirestoreIntake
    from shared.store.pubsub import PubSubPublisher

    settings = get_settings()
    oas = settings.oas()  # fails now, naming the setting, if no OA is configured
    pseudonym_keys(settings)  # likewise for the pseudonym key
    return assemble_webhook(
        settings,
        FirestoreIntake(databases(settings, "webhook")),
        PubSubPublisher(settings.google_cloud_project, settings.tinbao_events_topic),
        clock or clock_from_env(),
        oas,
    )


# A hand on the deployed store: tests wrap it to inject faults (a crash on cue).
Wrap = Callable[["LineStore"], "LineStore"]


def build_router(clock: Clock | None = None, wrap: Wrap | None = None) -> Router:
    from shared.store.intake import FirestoreIntake

    settings = get_settings()
    clock = clock or clock_from_env()
    pager = build_pager(settings, clock, wrap)
    # Deferred events are stored through the same Firestore clients as the rest.
    intake = FirestoreIntake(pager.store.dbs)  # type: ignore[attr-defined]
    return assemble_router(
        pager,
        clock,
        settings.oa_units(),
        assemble_door(settings, intake),
        settings.tinbao_update_every_minutes,
    )


def build_escalator(clock: Clock | None = None, wrap: Wrap | None = None) -> Escalator:
    from shared.store.pubsub import PubSubPublisher

    settings = get_settings()
    clock = clock or clock_from_env()
    return assemble_escalator(
        build_pager(settings, clock, wrap, "escalator"),
        PubSubPublisher(settings.google_cloud_project, settings.tinbao_events_topic),
        clock,
        settings.tinbao_escalator_budget_seconds,
        settings.tinbao_update_every_minutes,
    )


def build_pager(
    settings: Settings, clock: Clock, wrap: Wrap | None = None, function: str = "router"
) -> Pager:
    """The sending half shared by the router and the escalator, on Firestore and Zalo."""
    import httpx

    from shared.store.collections import OA_TOKENS
    from shared.store.line import FirestoreLine

    settings.require("zalo_app_id", "zalo_app_secret")
    dbs = databases(settings, function)
    store: LineStore = FirestoreLine(dbs)
    return assemble_pager(
        wrap(store) if wrap else store,
        zalo_clients(settings, dbs.of(OA_TOKENS), clock, httpx.Client()),
        profile_with_oas(settings.tinbao_profile, settings.oa_units()),
        settings.zalo_oa_id or None,
        keep_contacts=contacts_kept(settings, function),
    )


def contacts_kept(settings: Settings, function: str) -> timedelta | None:
    """How long a contact `function` reads is kept alive (renewed when less than half
    is left): the retention, for the function granted to write contacts (the router);
    None for one that may only read them (the escalator)."""
    from shared.store.collections import REACH, Access, Database

    if REACH[function].get(Database.CONTACTS) is not Access.USER:
        return None
    return timedelta(days=settings.tinbao_retention_days)


def databases(settings: Settings, function: str) -> Databases:
    """The Firestore clients of `function`: the databases it is granted, no other
    (`shared.store.collections.REACH`, held equal to infra/functions/access.tf)."""
    from shared.store.databases import connect

    return connect(settings.google_cloud_project, settings.database_names(), function)


def zalo_clients(
    settings: Settings, db: object, clock: Clock, http: httpx.Client
) -> Callable[[str], ZaloClient]:
    """OA id -> a client whose tokens live in Firestore (`db`: the identity database's
    client; one per OA, made once)."""
    from shared.store.tokens import FirestoreTokenStore
    from shared.zalo.client import ZaloClient
    from shared.zalo.tokens import refresh_tokens

    made: dict[str, ZaloClient] = {}
    secret = settings.zalo_app_secret.get_secret_value()
    proof_key = secret if settings.zalo_appsecret_proof else None
    refresher = partial(
        refresh_tokens,
        http,
        settings.zalo_oauth_base,
        settings.zalo_app_id,
        secret,
    )

    def client(oa_id: str) -> ZaloClient:
        if oa_id not in made:
            tokens = FirestoreTokenStore(db, oa_id, refresher, clock.now)  # type: ignore[arg-type]
            made[oa_id] = ZaloClient(
                http, settings.zalo_api_base, tokens, appsecret_proof_key=proof_key
            )
        return made[oa_id]

    return client


def profile_with_oas(name: str, oa_units: Mapping[str, str]) -> Profile:
    """The jurisdiction profile, each unit knowing the OAs that belong to it."""
    from shared.core.jurisdiction import load_profile

    profile = load_profile(name)
    by_unit: dict[str, list[str]] = {}
    for oa_id, unit in oa_units.items():
        by_unit.setdefault(unit, []).append(oa_id)
    return profile.with_oa_ids(by_unit) if by_unit else profile


def intake_rules(settings: Settings) -> IntakeRules:
    """What intake decides by (the webhook's and the router's, alike)."""
    from shared.core.intake import FairUse, IntakeRules

    return IntakeRules(
        window=timedelta(minutes=settings.tinbao_intake_window_minutes),
        retention=timedelta(days=settings.tinbao_retention_days),
        fair=FairUse(
            burst_messages=settings.tinbao_fair_burst_messages,
            burst_window=timedelta(minutes=settings.tinbao_fair_burst_minutes),
            tips_per_day=settings.tinbao_fair_tips_per_day,
        ),
    )


def pseudonym_keys(settings: Settings) -> tuple[str, ...]:
    """The pseudonym keys, newest first; fails naming the setting when it is unset."""
    settings.require("tinbao_pseudonym_key")
    keys = (settings.tinbao_pseudonym_key, settings.tinbao_pseudonym_key_previous)
    return tuple(dict.fromkeys(k.get_secret_value() for k in keys if k.get_secret_value()))


# --- assembly: the shells wired to whatever adapters they are given ----------------------
# (the deployed ones above; the in-memory store and a local Zalo in use-case tests)


def assemble_door(settings: Settings, store: IntakeStore) -> Door:
    """Intake's door, shared by the webhook and the router (deferred events)."""
    from shared.core.classify import classify
    from shared.core.commands import parse_command
    from shared.services.intake import Door

    return Door(
        store=store,
        classify=classify,
        parse_command=parse_command,
        rules=intake_rules(settings),
        quarantine_days=settings.tinbao_quarantine_days,
        log=get_logger("intake"),
    )


def assemble_webhook(
    settings: Settings,
    store: IntakeStore,
    publisher: Publisher,
    clock: Clock,
    oas: list[OaConfig],
) -> Webhook:
    import concurrent.futures

    from shared.services.webhook import Webhook

    return Webhook(
        settings=settings,
        door=assemble_door(settings, store),
        publisher=publisher,
        clock=clock,
        log=get_logger("webhook"),
        # Only the outbox's mark (a message stored, its publish failed) runs here, bounded
        # by its wait; as many as the requests an instance takes at once (Cloud Run's
        # concurrency is 20), so a queued mark never waits behind another's.
        executor=concurrent.futures.ThreadPoolExecutor(max_workers=24),
        oas=oas,
        pseudonym_keys=pseudonym_keys(settings),
    )


def assemble_pager(
    store: LineStore,
    clients: Callable[[str], ZaloClient],
    profile: Profile,
    default_oa: str | None,
    keep_contacts: timedelta | None = None,
) -> Pager:
    """`keep_contacts`: renew a citizen's contact read with less than half of it left
    (`shared.services.recipients`); None: contacts are only read."""
    from shared.core.policy_file import default_policies
    from shared.services.dispatch import Dispatcher
    from shared.services.notices import CitizenNotices
    from shared.services.paging import Pager
    from shared.services.recipients import Recipients

    dispatch = Dispatcher(
        store=store,
        clients=clients,
        retry=default_policies().alert_retry,
        log=get_logger("dispatch"),
        recipients=Recipients(store, keep_contacts),
        default_oa=default_oa,
    )
    # What the citizen is told of a change is recorded with it, like the alerts.
    notices = CitizenNotices(dispatch, profile)
    return Pager(store, dispatch, profile, get_logger("dispatch"), also=notices.plan)


def assemble_followups(pager: Pager, every_minutes: float) -> FollowUps:

    from shared.services.followups import FollowUps

    return FollowUps(pager.store, pager, timedelta(minutes=every_minutes), get_logger("router"))


def assemble_router(
    pager: Pager, clock: Clock, oa_units: Mapping[str, str], door: Door, update_every: float = 5
) -> Router:
    from shared.core.conversation import rules as conversation_rules
    from shared.core.policy_file import default_policies
    from shared.core.refcode import new_code
    from shared.services.notices import CitizenNotices
    from shared.services.router import Router
    from shared.services.router.commands import CommandHandler
    from shared.services.router.conversation import ConversationHandler, TipTalk
    from shared.services.router.incidents import Incidents
    from shared.services.router.intake import IntakeHandler
    from shared.services.router.tips import TipHandler

    store, profile, policies = pager.store, pager.profile, default_policies()
    notices = CitizenNotices(pager.dispatch, profile)
    log = get_logger("router")
    officers = CommandHandler(store, pager, notices, profile, policies, log)
    followups = assemble_followups(pager, update_every)
    talk = TipTalk(store, pager, notices, conversation_rules().window, door.rules.window)
    return Router(
        store=store,
        tips=TipHandler(
            store,
            pager,
            notices,
            profile,
            policies,
            followups,
            log,
            officers,
            talk=talk,
            incidents=Incidents(
                store, pager, followups, profile, conversation_rules().incidents, new_code, log
            ),
        ),
        commands=officers,
        conversation=ConversationHandler(
            store,
            pager,
            profile,
            officers,
            dict(oa_units),
            late_after=policies.sweeps.late_after,
            talk=talk,
        ),
        intake=IntakeHandler(door, store, pager.dispatch, log),
        clock=clock,
        log=log,
    )


def assemble_escalator(
    pager: Pager,
    publisher: Publisher | None,
    clock: Clock,
    budget_seconds: float,
    update_every: float = 5,
) -> Escalator:
    from shared.core.policy_file import default_policies
    from shared.services.escalator import Escalator
    from shared.services.republish import Republisher
    from shared.services.resends import Resends

    policies, log = default_policies(), get_logger("escalator")
    return Escalator(
        store=pager.store,
        pager=pager,
        resends=Resends(pager.store, pager),
        republisher=Republisher(pager.store, pager, publisher, pager.profile, policies, log),
        profile=pager.profile,
        policies=policies,
        clock=clock,
        log=log,
        budget_seconds=budget_seconds,
        followups=assemble_followups(pager, update_every),
    )
