"""Where the webhook's own CPU goes per request, with Firestore and Pub/Sub taken out.

The real `Webhook` (built by `shared.bootstrap.assemble_webhook`) on the in-memory
store and publisher (`shared.store.memory`, the same document builders as
Firestore's), fed N distinct signed `user_send_text` events from 50 citizens (most
join an open tip), one at a time, under cProfile. What remains is ours: reading
and verifying the event, pydantic validation, classification, building the
documents, logging (the door runs on the request's thread since round 20, so the
profile sees it too). Printed: CPU µs per request (warm, profiler off), the first
request's, and the functions with the most cumulative time.

No emulators, no lock needed. Run: .venv/bin/python bench/profile_webhook.py [--n 400]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pydantic import SecretStr  # noqa: E402

from shared import bootstrap  # noqa: E402
from shared.logs import Logger  # noqa: E402
from shared.moving_clocks import FixedClock  # noqa: E402
from shared.settings import Settings  # noqa: E402
from shared.store.memory import MemoryPublisher, MemoryStore  # noqa: E402
from shared.zalo import signature  # noqa: E402

APP_ID, OA_ID = "360846524940903967", "388613280878808645"
OA_SECRET_KEY = "bench-only-oa-secret-key-not-a-secret"
DAY = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
TEXTS = (
    "co nguoi ban ma tuy o quan karaoke phuong Tan Son Nhi",
    "bọn nó vẫn đang tụ tập, làm ơn tới nhanh",
    "Cho hỏi đăng ký tạm trú cần giấy tờ gì ạ",
    "xe may dau tren le duong chan loi di phuong Ben Thanh",
)


def event(n: int) -> tuple[bytes, dict[str, str]]:
    data = {
        "app_id": APP_ID,
        "sender": {"id": f"84712093566{n % 50:08d}"},
        "recipient": {"id": OA_ID},
        "event_name": "user_send_text",
        "message": {"text": TEXTS[n % len(TEXTS)], "msg_id": f"bench-msg-{n:08d}"},
        "timestamp": str(int(DAY.timestamp() * 1000)),
    }
    raw = json.dumps(data, ensure_ascii=False).encode()
    sign = signature.header_for(APP_ID, raw, data["timestamp"], OA_SECRET_KEY)
    return raw, {"X-ZEvent-Signature": sign, "Content-Type": "application/json"}


def build() -> Any:
    settings = Settings(
        zalo_app_id=APP_ID,
        zalo_oa_id=OA_ID,
        zalo_oa_secret_key=SecretStr(OA_SECRET_KEY),
        zalo_app_secret=SecretStr("bench-only-app-secret"),
        tinbao_pseudonym_key=SecretStr("bench-pseudonym-key"),
        tinbao_profile="2025",
    )
    clock = FixedClock(DAY)
    store, publisher = MemoryStore(), MemoryPublisher()
    return bootstrap.assemble_webhook(settings, store, publisher, clock, settings.oas())


def post(webhook: Any, n: int) -> None:
    raw, headers = event(n)
    body, status = webhook.handle("POST", headers, lambda _n: raw)
    if status != 200:
        raise RuntimeError(f"the webhook answered {status} {body}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=400)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    Logger.log = lambda self, *a, **k: None  # type: ignore[method-assign]  # not the screen
    webhook = build()
    cpu = time.process_time()
    post(webhook, 0)
    first_us = (time.process_time() - cpu) * 1e6
    cpu = time.process_time()
    for n in range(1, args.n + 1):
        post(webhook, n)
    warm_us = (time.process_time() - cpu) * 1e6 / args.n
    profile = cProfile.Profile()
    profile.enable()
    for n in range(args.n + 1, 2 * args.n + 1):
        post(webhook, n)
    profile.disable()
    webhook.executor.shutdown(wait=True)
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(args.top)
    print(f"first request: {first_us:,.0f} µs CPU; warm: {warm_us:,.0f} µs CPU a request")
    print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
