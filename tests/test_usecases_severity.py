"""Severity judged again on every message of a tip (issue 12, point 3), on the
in-memory store, through the webhook as Zalo delivers it."""

from __future__ import annotations

from datetime import timedelta

from tests.memory_line import MemoryLine
from tests.test_usecases import CITIZEN

TAN_PHU = ("10.7777", "106.6400")  # inside ward 27031
WARD_DUTY, WARD_DUTY_ID = "demo-officer-27031-2", "cb-27031-2"


def test_a_pin_then_a_plea_turns_the_tip_urgent_pages_again_marked_urgent_and_gives_113_once(
    memory_line: MemoryLine,
) -> None:
    memory_line.citizen_shares(CITIZEN, *TAN_PHU)
    assert memory_line.pump() == [200]
    tip = memory_line.only_tip()
    ref = tip["ref"]
    assert tip["unit_id"] == "ward-27031" and tip["classification"]["severity"] == "normal"
    memory_line.advance(minutes=1)
    memory_line.citizen_says(CITIZEN, "hang xom dang danh vo, cuu voi cac anh oi")
    assert set(memory_line.pump(times=2)) == {200}
    tip = memory_line.tip(ref)
    assert tip["classification"]["severity"] == "urgent"
    assert tip["policy"]["severity"] == "urgent"
    # The urgent schedule from this moment: the next step in 2 minutes, not 5.
    assert tip["next_action_at"] == memory_line.clock.now() + timedelta(minutes=2)
    (update,) = [t for t in memory_line.texts(WARD_DUTY) if "KHẨN CẤP" in t]
    assert f"tin báo {ref}" in update and "danh vo" in update and f"NHAN {ref}" in update
    numbers = [t for t in memory_line.texts(CITIZEN) if "113" in t and "khẩn cấp" in t]
    assert len(numbers) == 1
    raised = [e for e in memory_line.store.events[ref] if e["kind"] == "severity_raised"]
    assert len(raised) == 1 and raised[0]["data"]["from"] == "normal"
    # Knives now: already urgent, so a plain update (the urgent one counted as the
    # latest update: this one waits for the pause); no second set of numbers.
    memory_line.citizen_says(CITIZEN, "gio tui no rut dao ra roi")
    memory_line.pump()
    assert len([t for t in memory_line.texts(CITIZEN) if "khẩn cấp" in t]) == 1
    assert not any("rut dao" in t for t in memory_line.texts(WARD_DUTY))
    # Severity never falls on its own.
    memory_line.citizen_says(CITIZEN, "ok bot roi")
    memory_line.pump()
    assert memory_line.tip(ref)["classification"]["severity"] == "urgent"
    # The ladder climbs at the urgent pace.
    memory_line.advance(minutes=2)
    assert memory_line.escalate().steps == 1
    assert memory_line.tip(ref)["ladder"]["step"] == 2
    # The knives reach the ward's duty officer once (the climb's reminder shows the
    # whole tip; the grouped update after the pause goes to whom the ladder pages now).
    memory_line.advance(minutes=3)
    memory_line.escalate()
    assert len([t for t in memory_line.texts(WARD_DUTY) if "rut dao" in t]) == 1
    # ... and no update tells again the plea the urgent update carried (the
    # reminder shows the whole tip, as every reminder does).
    updates = [t for t in memory_line.texts(WARD_DUTY) if "NHẮC" not in t]
    assert len([t for t in updates if "danh vo" in t]) == 1


def test_a_taken_tip_turning_urgent_tells_its_holder_marked_urgent(
    memory_line: MemoryLine,
) -> None:
    memory_line.citizen_shares(CITIZEN, *TAN_PHU)
    memory_line.pump()
    ref = memory_line.only_tip()["ref"]
    memory_line.standin.send_text(WARD_DUTY, f"NHAN {ref}")
    memory_line.pump()
    memory_line.citizen_says(CITIZEN, "Hàng xóm đang đánh vợ, cứu với các anh ơi")
    memory_line.pump()
    (update,) = [t for t in memory_line.texts(WARD_DUTY) if "KHẨN CẤP" in t]
    assert "NHAN" not in update  # theirs already
    assert memory_line.tip(ref)["held_by"] == WARD_DUTY_ID
