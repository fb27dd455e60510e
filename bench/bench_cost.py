"""A monthly cost estimate on Google Cloud, at the seed's volume and at 100 times it.

The seed's volume: 216,798 messages and 1,230 tips a year. Operation counts per
tip and per message come from bench/results/lifecycle.json (bench_lifecycle.py,
counted at the Firestore client's RPC layer on the emulators); when that file is
missing, from FALLBACK_OPS below (the figures measured on 2026-11-28, same method).
Prices are list prices in USD for asia-southeast1 (Singapore), looked up on the
date in PRICES_READ; each price names its page, and the ones the stored copy of
the page did not show are marked `verify` (see ASSUMPTIONS). No benchmark here
times anything: the output is arithmetic on measured counts and published prices.

Run: .venv/bin/python bench/bench_cost.py  (writes bench/results/cost.json)
"""

from __future__ import annotations

import json
import math
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "cost.json"
LIFECYCLE = ROOT / "bench" / "results" / "lifecycle.json"

MESSAGES_PER_YEAR = 216_798
TIPS_PER_YEAR = 1_230
SCALES = {"seed volume": 1, "100x seed volume": 100}
SECONDS_PER_MONTH = 730 * 3600  # Google's billing month (730 h)
ESCALATOR_RUNS_PER_MONTH = 730 * 60  # Cloud Scheduler, every minute
PRICES_READ = "2026-11-28"

# Per function (infra/functions/main.tf): 1 vCPU, 512 MiB; the webhook keeps one
# instance warm (min_instances = 1), the router and the escalator scale to zero.
VCPU = 1.0
MEMORY_GIB = 0.5
WARM_INSTANCES = 1
MIN_BILLED_SECONDS = 0.1  # Cloud Run rounds billable time up to 100 ms

# Measured counts (bench_lifecycle.py, 2026-11-28) used when lifecycle.json is absent.
FALLBACK_OPS: dict[str, Any] = {
    "tip_life": {
        "reads": 52,
        "writes": 53,
        "deletes": 14,
        "publishes": 4,
        "publish_billable_bytes": 4000,
        "log_bytes": 3801,
        "log_lines": 16,
        "documents_with_ttl": 9,
        "documents_left": 22,
    },
    "tip_life_invocations": {"webhook": 4, "router": 4, "escalator": 1},
    "tip_life_messages": {"citizen": 2, "officer": 2},
    "question": {
        "reads": 3,
        "writes": 7,
        "deletes": 2,
        "publishes": 1,
        "publish_billable_bytes": 1000,
        "log_bytes": 496,
        "log_lines": 2,
    },
    "chat": {
        "reads": 4,
        "writes": 9,
        "deletes": 3,
        "publishes": 1,
        "publish_billable_bytes": 1000,
        "log_bytes": 488,
        "log_lines": 2,
    },
    "escalator_idle_run": {"reads": 1, "log_bytes": 280, "log_lines": 1},
    "per_phase_ms": {
        "webhook": 51.0,
        "router": 225.0,
        "escalator_step": 236.0,
        "escalator_idle": 12.0,
    },
}

RUN_PRICING = "https://cloud.google.com/run/pricing"
RUN_TIERS = "https://cloud.google.com/run/docs/locations"
FIRESTORE_PRICING = "https://cloud.google.com/firestore/pricing"
PUBSUB_PRICING = "https://cloud.google.com/pubsub/pricing"
SCHEDULER_PRICING = "https://cloud.google.com/scheduler/pricing"
SECRETS_PRICING = "https://cloud.google.com/secret-manager/pricing"
LOGGING_PRICING = "https://cloud.google.com/stackdriver/pricing"

# Cloud Run: asia-southeast1 is a Tier 2 region (RUN_TIERS). The stored copy of
# RUN_PRICING shows the Tier 1 request-based rates and the free tier; the Tier 2
# rates and the idle rate of minimum instances are not in it: TIER2_FACTOR and the
# idle rates are marked verify.
TIER2_FACTOR = 1.4
PRICES: dict[str, dict[str, Any]] = {
    "run_cpu_active_vcpu_s": {
        "usd": 0.000024 * TIER2_FACTOR,
        "source": RUN_PRICING,
        "note": "Tier 1 $0.000024/vCPU-s (request-based) x Tier 2 factor 1.4",
        "verify": True,
    },
    "run_mem_active_gib_s": {
        "usd": 0.0000025 * TIER2_FACTOR,
        "source": RUN_PRICING,
        "note": "Tier 1 $0.0000025/GiB-s x 1.4",
        "verify": True,
    },
    "run_cpu_idle_min_instance_vcpu_s": {
        "usd": 0.0000025 * TIER2_FACTOR,
        "source": RUN_PRICING,
        "note": "idle minimum instance, request-based billing: Tier 1 $0.0000025/vCPU-s x 1.4",
        "verify": True,
    },
    "run_mem_idle_min_instance_gib_s": {
        "usd": 0.0000025 * TIER2_FACTOR,
        "source": RUN_PRICING,
        "note": "idle minimum instance memory: Tier 1 $0.0000025/GiB-s x 1.4",
        "verify": True,
    },
    "run_requests_per_million": {"usd": 0.40, "source": RUN_PRICING, "verify": False},
    "firestore_reads_per_100k": {
        "usd": 0.036,
        "source": FIRESTORE_PRICING,
        "note": "Singapore (asia-southeast1); the location table is not in the stored copy",
        "verify": True,
    },
    "firestore_writes_per_100k": {"usd": 0.108, "source": FIRESTORE_PRICING, "verify": True},
    "firestore_deletes_per_100k": {"usd": 0.012, "source": FIRESTORE_PRICING, "verify": True},
    "firestore_storage_gib_month": {"usd": 0.18, "source": FIRESTORE_PRICING, "verify": True},
    "pubsub_per_tib": {
        "usd": 40.0,
        "source": PUBSUB_PRICING,
        "note": "Message Delivery Basic: publish and subscribe throughput",
        "verify": False,
    },
    "scheduler_job_month": {"usd": 0.10, "source": SCHEDULER_PRICING, "verify": False},
    "secret_version_month": {"usd": 0.06, "source": SECRETS_PRICING, "verify": False},
    "secret_access_per_10k": {"usd": 0.03, "source": SECRETS_PRICING, "verify": False},
    "logging_per_gib": {"usd": 0.50, "source": LOGGING_PRICING, "verify": True},
}
FREE = {
    # Cloud Run, per billing account per month (RUN_PRICING, request-based billing).
    "run_vcpu_s": 180_000,
    "run_gib_s": 360_000,
    "run_requests": 2_000_000,
    # Firestore, per day for the (default) database (FIRESTORE_PRICING); TTL deletes
    # have no free usage.
    "firestore_reads_per_day": 50_000,
    "firestore_writes_per_day": 20_000,
    "firestore_deletes_per_day": 20_000,
    "firestore_storage_gib": 1,
    "pubsub_gib": 10,  # per billing account per month
    "scheduler_jobs": 3,  # per billing account
    "secret_versions": 6,
    "secret_accesses": 10_000,
    "logging_gib": 50,  # per project per month
}
ASSUMPTIONS = [
    "Region asia-southeast1 (Singapore) for the functions, Firestore, Pub/Sub, the scheduler "
    "job and the secrets; Cloud Run lists it in Tier 2.",
    "Cloud Functions 2nd gen are Cloud Run services: request-based billing, 1 vCPU and 512 MiB "
    "each (infra/functions/main.tf), billed per request at max(100 ms, the request's time "
    "measured on the emulators) with no overlap between requests (an upper bound: concurrent "
    "requests share billed instance time).",
    "The webhook keeps 1 instance warm all month (min_instances = 1): billed at the idle "
    "minimum-instance rates for the whole month; its active time is added at active rates.",
    "Each of the year's messages that is not part of a tip's own life (4 messages a tip: the "
    "citizen's 2, the officer's take and resolve) costs the mean of a question and a chat "
    "line (webhook and router).",
    "Each tip's life: as bench_lifecycle.py plays it (one escalation step); each tip alerts "
    "through one escalator step.",
    "The escalator runs every minute (Cloud Scheduler, 1 job): 43,800 runs a month, each an "
    "empty run (1 document read) plus the steps counted in the tips' lives.",
    "Firestore: documents read = documents returned (missing documents asked for are not "
    "billed here: they are counted apart in lifecycle.json); every query at least 1 read; each "
    "document with a TTL field is deleted once by TTL (billed as a delete, no free usage).",
    "Firestore storage: at most 20 KiB a tip and 2 KiB a message including index overhead, "
    "kept for the retention (365 days): a year's volume held at once.",
    "Pub/Sub: every message billed at least 1,000 bytes when published and again when "
    "delivered to the router's push subscription (one delivery, no retries).",
    "Secret Manager: 2 secrets (OA secret key, App Secret), 1 active version each, 1 location; "
    "secrets resolved at instance start: at most 3,000 accesses a month.",
    "Logging: the structured lines counted on the emulators plus 1 KiB of request log per "
    "function request; billed beyond 50 GiB a project a month.",
    "Zalo OA API calls, network egress to Zalo and Artifact Registry / Cloud Build for "
    "deployments are not counted; monitoring alert policies and log-based metrics are free "
    "at this size.",
    "Prices marked verify were not visible in the stored copy of their page (the location "
    "table or the Tier 2 column); they are the figures I expect there and must be checked "
    "before the estimate is quoted. The warm instance dominates; Firestore, Pub/Sub and the "
    "rest change the total by cents at the seed's volume.",
]


def load_ops() -> tuple[dict[str, Any], str]:
    if not LIFECYCLE.exists():
        return FALLBACK_OPS, "fallback (FALLBACK_OPS in bench_cost.py, measured 2026-11-28)"
    data = json.loads(LIFECYCLE.read_text(encoding="utf-8"))
    phases = data["per_phase"]

    def mean_ms(suffix: str) -> float:
        values = [
            v["wall_ms_on_emulators"]
            for k, v in phases.items()
            if k.endswith(suffix) and k[0].isdigit()
        ]
        return sum(values) / len(values)

    ops = {
        **{k: data[k] for k in ("tip_life", "question", "chat", "escalator_idle_run")},
        "tip_life_invocations": data["tip_life_invocations"],
        "tip_life_messages": data["tip_life_messages"],
        "per_phase_ms": {
            "webhook": mean_ms("webhook"),
            "router": mean_ms("router"),
            "escalator_step": phases["3 escalation step"]["wall_ms_on_emulators"],
            "escalator_idle": phases["escalator run, nothing due"]["wall_ms_on_emulators"],
        },
    }
    age = time.time() - LIFECYCLE.stat().st_mtime
    return ops, f"{LIFECYCLE.relative_to(ROOT)} (written {age / 3600:.1f} h ago)"


def price(key: str) -> float:
    return float(PRICES[key]["usd"])


def monthly(ops: dict[str, Any], scale: int) -> dict[str, Any]:
    tips = TIPS_PER_YEAR * scale / 12
    per_tip_messages = sum(ops["tip_life_messages"].values())
    other_messages = max(0.0, (MESSAGES_PER_YEAR - TIPS_PER_YEAR * per_tip_messages) * scale / 12)
    life, q, c = ops["tip_life"], ops["question"], ops["chat"]
    idle = ops["escalator_idle_run"]

    def other(key: str) -> float:
        return (q.get(key, 0) + c.get(key, 0)) / 2

    runs = ESCALATOR_RUNS_PER_MONTH
    reads = tips * life["reads"] + other_messages * other("reads") + runs * idle["reads"]
    writes = tips * life["writes"] + other_messages * other("writes")
    ttl_deletes = tips * life.get("documents_with_ttl", 0) + other_messages * 1  # messages/{id}
    deletes = tips * life["deletes"] + other_messages * other("deletes") + ttl_deletes
    publishes = tips * life["publishes"] + other_messages * other("publishes")
    pubsub_bytes = 2 * (
        tips * life["publish_billable_bytes"] + other_messages * other("publish_billable_bytes")
    )
    inv = ops["tip_life_invocations"]
    requests = {
        "webhook": tips * inv["webhook"] + other_messages,
        "router": tips * inv["router"] + other_messages,
        "escalator": runs,
    }
    ms = ops["per_phase_ms"]

    def billed(seconds: float) -> float:
        return max(MIN_BILLED_SECONDS, math.ceil(seconds * 10 - 1e-9) / 10)

    active_s = {
        "webhook": requests["webhook"] * billed(ms["webhook"] / 1000),
        "router": requests["router"] * billed(ms["router"] / 1000),
        "escalator": runs * billed(ms["escalator_idle"] / 1000)
        + tips * inv["escalator"] * billed(ms["escalator_step"] / 1000),
    }
    total_active = sum(active_s.values())
    warm_idle_s = max(0.0, WARM_INSTANCES * SECONDS_PER_MONTH - active_s["webhook"])
    log_bytes = (
        tips * life["log_bytes"]
        + other_messages * other("log_bytes")
        + runs * idle["log_bytes"]
        + sum(requests.values()) * 1024
    )
    storage_gib = (TIPS_PER_YEAR * scale * 20 + MESSAGES_PER_YEAR * scale * 2) / 2**20

    usage = {
        "tips": tips,
        "messages_not_in_a_tip_life": other_messages,
        "requests": requests,
        "active_seconds": active_s,
        "warm_idle_seconds": warm_idle_s,
        "firestore_reads": reads,
        "firestore_writes": writes,
        "firestore_deletes": deletes,
        "firestore_ttl_deletes": ttl_deletes,
        "firestore_storage_gib": storage_gib,
        "pubsub_messages": publishes,
        "pubsub_billable_gib": pubsub_bytes / 2**30,
        "log_gib": log_bytes / 2**30,
    }
    days = 730 / 24
    lines: dict[str, tuple[float, float]] = {}  # (list price, after free tiers)

    warm = warm_idle_s * (
        VCPU * price("run_cpu_idle_min_instance_vcpu_s")
        + MEMORY_GIB * price("run_mem_idle_min_instance_gib_s")
    )
    cpu_s, gib_s = total_active * VCPU, total_active * MEMORY_GIB
    active = cpu_s * price("run_cpu_active_vcpu_s") + gib_s * price("run_mem_active_gib_s")
    # The free tier is a spending-based discount at Tier 1 rates.
    free_run = min(cpu_s, FREE["run_vcpu_s"]) * 0.000024 + min(gib_s, FREE["run_gib_s"]) * 2.5e-6
    lines["Cloud Run: webhook's warm instance (idle)"] = (warm, warm)
    lines["Cloud Run: request CPU + memory"] = (active, max(0.0, active - free_run))
    n_requests = sum(requests.values())
    req = n_requests / 1e6 * price("run_requests_per_million")
    req_free = max(0.0, n_requests - FREE["run_requests"]) / 1e6 * price("run_requests_per_million")
    lines["Cloud Run: requests"] = (req, req_free)

    def firestore(count: float, key: str, free_per_day: float | None) -> tuple[float, float]:
        full = count / 1e5 * price(key)
        if free_per_day is None:
            return full, full
        return full, max(0.0, count - free_per_day * days) / 1e5 * price(key)

    lines["Firestore: document reads"] = firestore(
        reads, "firestore_reads_per_100k", FREE["firestore_reads_per_day"]
    )
    lines["Firestore: document writes"] = firestore(
        writes, "firestore_writes_per_100k", FREE["firestore_writes_per_day"]
    )
    lines["Firestore: document deletes (app)"] = firestore(
        deletes - ttl_deletes, "firestore_deletes_per_100k", FREE["firestore_deletes_per_day"]
    )
    lines["Firestore: TTL deletes"] = firestore(ttl_deletes, "firestore_deletes_per_100k", None)
    storage = storage_gib * price("firestore_storage_gib_month")
    lines["Firestore: storage"] = (
        storage,
        max(0.0, storage_gib - FREE["firestore_storage_gib"])
        * price("firestore_storage_gib_month"),
    )
    pubsub_tib = pubsub_bytes / 2**40
    lines["Pub/Sub: throughput"] = (
        pubsub_tib * price("pubsub_per_tib"),
        max(0.0, pubsub_bytes / 2**30 - FREE["pubsub_gib"]) / 1024 * price("pubsub_per_tib"),
    )
    lines["Cloud Scheduler: 1 job"] = (price("scheduler_job_month"), 0.0)
    secrets = 2 * price("secret_version_month") + 3000 / 1e4 * price("secret_access_per_10k")
    lines["Secret Manager: 2 secrets"] = (secrets, 0.0)
    log_gib = log_bytes / 2**30
    lines["Cloud Logging"] = (
        log_gib * price("logging_per_gib"),
        max(0.0, log_gib - FREE["logging_gib"]) * price("logging_per_gib"),
    )
    total_list = sum(v[0] for v in lines.values())
    total_free = sum(v[1] for v in lines.values())
    return {
        "usage": usage,
        "lines": {k: {"list_usd": v[0], "after_free_tiers_usd": v[1]} for k, v in lines.items()},
        "total_list_usd": total_list,
        "total_after_free_tiers_usd": total_free,
        "warm_instance_share_of_list": warm / total_list if total_list else None,
    }


def print_table(result: dict[str, Any]) -> None:
    scales = list(result["scales"])
    names = list(result["scales"][scales[0]]["lines"])
    width = max(len(n) for n in names) + 2
    head = "".join(f"{s + ' list':>22}{'after free':>12}" for s in scales)
    print(f"{'USD per month':{width}}{head}")
    print("-" * (width + len(head)))
    for name in names:
        cells = "".join(
            f"{result['scales'][s]['lines'][name]['list_usd']:>22.2f}"
            f"{result['scales'][s]['lines'][name]['after_free_tiers_usd']:>12.2f}"
            for s in scales
        )
        print(f"{name:{width}}{cells}")
    totals = "".join(
        f"{result['scales'][s]['total_list_usd']:>22.2f}"
        f"{result['scales'][s]['total_after_free_tiers_usd']:>12.2f}"
        for s in scales
    )
    print(f"{'total':{width}}{totals}")
    for s in scales:
        u = result["scales"][s]["usage"]
        print(
            f"\n{s}: {u['tips']:.0f} tips and {u['messages_not_in_a_tip_life']:,.0f} other "
            f"messages a month; {u['firestore_reads']:,.0f} reads, {u['firestore_writes']:,.0f} "
            f"writes, {u['firestore_deletes']:,.0f} deletes ({u['firestore_ttl_deletes']:,.0f} "
            f"by TTL); {u['pubsub_messages']:,.0f} Pub/Sub messages; requests "
            + ", ".join(f"{k} {v:,.0f}" for k, v in u["requests"].items())
        )
    print(f"\noperation counts from {result['ops_source']}; prices read {PRICES_READ}")
    unverified = [k for k, v in PRICES.items() if v.get("verify")]
    print("prices to verify on their page before quoting: " + ", ".join(unverified))


def main() -> int:
    ops, source = load_ops()
    result: dict[str, Any] = {
        "ops_source": source,
        "ops": ops,
        "volume_per_year": {"messages": MESSAGES_PER_YEAR, "tips": TIPS_PER_YEAR},
        "region": "asia-southeast1",
        "prices_read": PRICES_READ,
        "prices": PRICES,
        "free_tiers": FREE,
        "assumptions": ASSUMPTIONS,
        "scales": {name: monthly(ops, scale) for name, scale in SCALES.items()},
    }
    result["summary"] = [
        {
            "metric": f"monthly cost, {name} (list; after free tiers in baseline)",
            "value": r["total_list_usd"],
            "unit": "USD",
            "baseline": r["total_after_free_tiers_usd"],
        }
        for name, r in result["scales"].items()
    ] + [
        {
            "metric": "share of the warm webhook instance, seed volume (list)",
            "value": result["scales"]["seed volume"]["warm_instance_share_of_list"] * 100,
            "unit": "%",
        }
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print_table(result)
    print(f"\nwritten to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
