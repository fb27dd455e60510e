"""Firestore reads, writes and deletes and Pub/Sub messages per tip over its life,
and per message that is not a tip: the operation counts bench_cost.py prices.

A tip's life, on the emulators, in one process (bench/inprocess_line.py), each
function's part run and finished before the next begins:

1. a citizen's first message (a tip naming a ward): webhook, then router (routed,
   step-one alerts, acknowledgement to the citizen);
2. the citizen's second message (a location) joins the tip: webhook, router
   (the update goes to the officers alerted);
3. five minutes later, one escalator run takes the ladder's second step;
4. an alerted officer sends `NHAN <ref>` (take): webhook, router;
5. then `XONG <ref>` (resolve): webhook, router.

Then, alone, a citizen's question (answered by the assistant) and a chat line:
the webhook and router cost of a message that is not a tip; and an escalator
run with nothing due (what Cloud Scheduler's call costs every minute).

Counted with bench/firestore_counter.py, at the client's RPC layer (real calls,
only counted): documents read (found; missing apart), written, deleted; commits,
transactions; Pub/Sub publishes and their bytes; structured log lines and bytes.
Every published message is delivered once to the router (push), so deliveries
equal publishes here. Also the documents the tip left behind and which of them
carry a TTL field (each is a billed delete later), and Zalo API sends.

Each phase's reads, writes and deletes are also printed by collection, and with
`--rpcs` every Firestore RPC in order (`get (txn) tips`, `commit (txn)
tips+due+tips/*/events`, `query senders -> 1`): where each read and write goes.

Run: .venv/bin/python bench/bench_lifecycle.py [--rpcs]  (writes bench/results/lifecycle.json)
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import firestore_counter  # noqa: E402
from common import Cleanup, on_sigterm  # noqa: E402
from inprocess_line import Line  # noqa: E402

from shared.core.tip import TipStatus  # noqa: E402
from shared.store.collections import SCHEDULED  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "lifecycle.json"
CITIZEN = "bench-citizen-1"
TIP = "Có nhóm thanh niên sử dụng ma túy trong khách sạn ở phường Tân Sơn Nhì"
LOCATION = ("10.7987", "106.6301")  # inside Tân Sơn Nhì (local/stack.py's example)
QUESTION = "Cho hỏi đăng ký tạm trú cần giấy tờ gì ạ"
CHAT = "Xin chào"
REF = re.compile(r"TB-[0-9A-Z]{5,6}")
TTL_COLLECTIONS = ("tips", "messages", "alerts")  # infra/firestore.yaml ttl_fields


def zalo_sends(line: Line) -> int:
    return sum(1 for m in line.standin_state.timeline(0)["messages"] if m["from"] == "oa")


def run_phase(line: Line, counter: Any, label: str, action: Any, timings: dict[str, float]) -> Any:
    start = time.perf_counter()
    with counter.phase(label):
        result = action()
    timings[label] = (time.perf_counter() - start) * 1000
    return result


def measure(line: Line) -> dict[str, Any]:
    counter = firestore_counter.COUNTER
    timings: dict[str, float] = {}
    sends: dict[str, int] = {}
    with counter.paused():
        before = line.all_paths()

    def phase(label: str, action: Any) -> Any:
        sent = zalo_sends(line)
        result = run_phase(line, counter, label, action, timings)
        sends[label] = zalo_sends(line) - sent
        return result

    def webhook(user: str, **send: Any) -> Any:
        def post() -> Any:
            if "location" in send:
                answer = line.standin.send_location(user, *send["location"])
            else:
                answer = line.standin.send_text(user, send["text"])
            if answer.get("status") != 200:
                raise RuntimeError(f"the webhook answered {answer}")
            return answer

        return post

    def router() -> list[int]:
        statuses = line.pump(1)
        if statuses != [200]:
            raise RuntimeError(f"the router answered {statuses}")
        return statuses

    counter.reset()
    phase("1 tip text: webhook", webhook(CITIZEN, text=TIP))
    phase("1 tip text: router", router)
    with counter.paused():
        texts = [m["text"] for m in line.standin_state.inbox(CITIZEN)]
        ref = next(REF.search(t).group(0) for t in texts if REF.search(t))  # type: ignore[union-attr]
    phase("2 location: webhook", webhook(CITIZEN, location=LOCATION))
    phase("2 location: router", router)
    line.advance(minutes=5)
    summary = phase("3 escalation step", lambda: line.escalator.run(line.clock.now()))
    if summary.steps != 1:
        raise RuntimeError(f"expected one ladder step, the escalator did {summary.as_dict()}")
    with counter.paused():
        on_tip = (line.db.collection("tips").document(ref).get().to_dict() or {})["sends"]
        alerted = sorted(
            e["officer_id"]
            for k, e in on_tip.items()
            if k.startswith("alerts|") and e.get("step") == "c0s1r0"
        )
        officer = line.db.collection("officers").document(alerted[0]).get().to_dict() or {}
    officer_zalo = officer["zalo_user_id"]
    line.advance(minutes=1)
    phase("4 take: webhook", webhook(officer_zalo, text=f"NHAN {ref}"))
    phase("4 take: router", router)
    line.advance(minutes=10)
    phase("5 resolve: webhook", webhook(officer_zalo, text=f"XONG {ref} đã xử lý"))
    phase("5 resolve: router", router)
    with counter.paused():
        tip = line.tip(ref)
        after = line.all_paths()
    if tip.get("status") != TipStatus.RESOLVED:
        raise RuntimeError(f"the tip ended {tip.get('status')!r}, not resolved")
    tip_labels = list(timings)

    phase("question: webhook", webhook("bench-citizen-2", text=QUESTION))
    phase("question: router", router)
    phase("chat: webhook", webhook("bench-citizen-3", text=CHAT))
    phase("chat: router", router)
    line.advance(hours=2)
    idle = phase("escalator run, nothing due", lambda: line.escalator.run(line.clock.now()))

    snapshot = counter.snapshot()
    per_phase = {label: firestore_counter.billed(c) for label, c in snapshot.items()}
    where = {
        label: {"by_collection": firestore_counter.by_collection(c), "rpcs": counter.trace(label)}
        for label, c in snapshot.items()
    }
    for label, figures in per_phase.items():
        figures["wall_ms_on_emulators"] = round(timings[label], 1)
        figures["zalo_sends"] = sends[label]
        figures["pubsub_deliveries"] = figures["publishes"]  # one push each, no redelivery

    def total(labels: list[str]) -> dict[str, int]:
        out: Counter[str] = Counter()
        for label in labels:
            out.update({k: v for k, v in per_phase[label].items() if isinstance(v, int)})
        return dict(out)

    created = sorted(after - before)
    by_collection = Counter(
        p.split("/")[0] if "/events/" not in p else "tips/*/events" for p in created
    )
    ttl = sum(1 for p in created if p.split("/")[0] in TTL_COLLECTIONS and "/events/" not in p)
    tip_life = total(tip_labels)
    tip_life["documents_left"] = len(created)
    tip_life["documents_with_ttl"] = ttl
    webhook_calls = sum(1 for label in tip_labels if label.endswith("webhook"))
    router_calls = sum(1 for label in tip_labels if label.endswith("router"))
    return {
        "tip_life": tip_life,
        "tip_life_invocations": {"webhook": webhook_calls, "router": router_calls, "escalator": 1},
        "tip_life_messages": {"citizen": 2, "officer": 2},
        "documents_left_by_collection": dict(by_collection),
        "documents_left": created,
        "question": total(["question: webhook", "question: router"]),
        "chat": total(["chat: webhook", "chat: router"]),
        "escalator_idle_run": per_phase["escalator run, nothing due"],
        "escalator_idle_summary": idle.as_dict(),
        "escalation_summary": summary.as_dict(),
        "per_phase": per_phase,
        "where": where,
        "ref": ref,
    }


def print_table(result: dict[str, Any]) -> None:
    columns = [
        ("reads", "reads"),
        ("miss", "reads_missing"),
        ("writes", "writes"),
        ("deletes", "deletes"),
        ("commits", "commits"),
        ("txns", "transactions"),
        ("pub", "publishes"),
        ("zalo", "zalo_sends"),
        ("logs", "log_lines"),
        ("ms", "wall_ms_on_emulators"),
    ]
    rows = [(label, figures) for label, figures in result["per_phase"].items()]
    width = max(len(label) for label, _ in rows) + 2
    print(f"{'phase':{width}}" + "".join(f"{name:>8}" for name, _ in columns))
    for label, figures in rows:
        print(f"{label:{width}}" + "".join(f"{figures.get(key, 0):>8}" for _, key in columns))
    for name in ("tip_life", "question", "chat"):
        figures = result[name]
        print(f"{name:{width}}" + "".join(f"{figures.get(key, 0):>8}" for _, key in columns[:-1]))
    life = result["tip_life"]
    print(
        f"\na tip's life (2 citizen + 2 officer messages, 1 escalation step): "
        f"{life['reads']} reads (+{life['reads_missing']} missing), {life['writes']} writes, "
        f"{life['deletes']} deletes, {life['publishes']} Pub/Sub messages; it leaves "
        f"{life['documents_left']} documents, {life['documents_with_ttl']} with a TTL field"
    )
    print(f"documents left by collection: {result['documents_left_by_collection']}")


def print_where(result: dict[str, Any], rpcs: bool) -> None:
    """Per phase: reads, writes and deletes by collection, and (with `rpcs`) each RPC in order."""
    for label, where in result["where"].items():
        print(f"\n{label}")
        for kind in ("reads", "reads_missing", "writes", "deletes"):
            counts = where["by_collection"].get(kind)
            if counts:
                listed = ", ".join(f"{c} {n}" for c, n in counts.items())
                print(f"  {kind:<14}{sum(counts.values()):>3}  {listed}")
        if rpcs:
            for line in where["rpcs"]:
                print(f"    {line}")


# Issue 18: half the Firestore work of the same story before it (51 reads, 51 writes on
# 30 November), deletes counted apart.
HALF_OF_BEFORE = 26


def summary_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    life, question = result["tip_life"], result["question"]
    idle = result["escalator_idle_run"]
    return [
        {
            "metric": "tip life: document reads",
            "value": life["reads"],
            "unit": "",
            "target": f"<= {HALF_OF_BEFORE}",
            "met": life["reads"] <= HALF_OF_BEFORE,
        },
        {
            "metric": "tip life: document writes",
            "value": life["writes"],
            "unit": "",
            "target": f"<= {HALF_OF_BEFORE}",
            "met": life["writes"] <= HALF_OF_BEFORE,
        },
        {"metric": "tip life: document deletes", "value": life["deletes"], "unit": ""},
        {"metric": "tip life: Pub/Sub messages", "value": life["publishes"], "unit": ""},
        {
            "metric": "question: reads + writes",
            "value": question["reads"] + question["writes"],
            "unit": "",
        },
        {
            "metric": "escalator run, nothing due: reads",
            "value": idle["reads"],
            "unit": "",
            "target": f"== {len(SCHEDULED)}",  # one query on each place the schedule is kept
            "met": idle["reads"] == len(SCHEDULED),
        },
    ]


def main() -> int:
    on_sigterm()
    firestore_counter.install(logs=True)
    cleanup = Cleanup()
    try:
        line = Line(cleanup).start()
        result = measure(line)
    finally:
        with firestore_counter.COUNTER.paused():
            cleanup.run()
    result["summary"] = summary_rows(result)
    result["python"] = sys.version.split()[0]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print_table(result)
    print_where(result, rpcs="--rpcs" in sys.argv)
    print(f"\nwritten to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
