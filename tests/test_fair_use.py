"""One citizen who will not stop: every message stored, the tip bounded, the
officer holding it updated a bounded number of times (on the emulators, through
the webhook; Zalo played by the stand-in, which does not retry)."""

from __future__ import annotations

import concurrent.futures
import os
import time

import pytest

from shared import bootstrap
from tests.conftest import APP_ID
from tests.helpers import CITIZEN, DUTY, command, firestore_size, report
from tests.line import Line

pytestmark = pytest.mark.emulators
BATCHES = int(os.environ.get("FAIR_BATCHES", "10"))
THREADS = int(os.environ.get("FAIR_THREADS", "2"))
LONG = "Ho dang van chuyen hang cam qua hem 12, xe tai bien so 51C-12345. " * 380  # 25,000+


def says(line: Line, n: int) -> dict[str, object]:
    if n % 50 == 0:
        return line.citizen_shares(CITIZEN, "10.8012", f"106.62{n % 100:02d}")
    if n % 10 == 0:
        return line.standin.send_image(CITIZEN, f"https://f21-zpc.zdn.vn/jpg/anh-{n}.jpg")
    if n % 100 == 7:
        return line.citizen_says(CITIZEN, f"{LONG} (lan {n})")
    return line.citizen_says(CITIZEN, f"tui no van con o do!! lan thu {n}")


@pytest.mark.timeout(1800)  # a thousand messages through the webhook and the router
def test_a_thousand_messages_from_one_citizen_are_stored_and_bring_a_bounded_few_updates(
    line: Line,
) -> None:
    ref = report(line)
    command(line, DUTY, f"NHAN {ref}")
    before = len(line.texts(DUTY))
    sent: list[dict[str, object]] = []
    with concurrent.futures.ThreadPoolExecutor(THREADS) as pool:
        for batch in range(BATCHES):
            began = time.monotonic()
            sent += pool.map(lambda n: says(line, n), range(batch * 100 + 1, batch * 100 + 101))
            middle = time.monotonic()
            assert set(line.pump()) == {200}
            print(
                f"batch {batch}: sent {middle - began:.1f} s, "
                f"routed {time.monotonic() - middle:.1f} s"
            )
    assert [s["status"] for s in sent] == [200] * 1000

    messages = {s.id for s in line.db.collection("messages").stream()}
    # Every one stored (beside the report and the command).
    assert messages >= {f"{APP_ID}:{s['msg_id']}" for s in sent}
    tip = line.tip(ref)
    assert tip["message_count"] == 1001 and len(line.db.collection("tips").get()) == 1
    size = firestore_size(f"tips/{ref}", tip)
    assert size < 96 * 1024, size
    long = line.db.collection("messages").document(f"{APP_ID}:{sent[106]['msg_id']}").get()
    long = long.to_dict()
    assert long["text"].startswith(LONG) and len(long["text"]) > 25_000  # whole

    # The first follow-up went out at once; the rest waited for the pause to end.
    updates = line.texts(DUTY)[before:]
    assert len(updates) == 1
    line.clock.advance(minutes=5)
    line.standin.set_clock(line.clock.now())
    escalator = bootstrap.get_escalator()
    escalator.clock = line.clock
    assert escalator.run(line.clock.now()).failures == 0
    updates = line.texts(DUTY)[before:]
    assert len(updates) == 2, updates
    assert "người báo gửi thêm" in updates[-1] and "được gộp" in updates[-1]
    assert line.tip(ref)["told_count"] == 1001
    print(f"\n1,000 messages: tip document {size:,} bytes, {len(updates)} updates to the holder")
