"""`route_event` on the emulators, with the Zalo stand-in over HTTP."""

from __future__ import annotations

import pytest

from tests.line import Line

pytestmark = pytest.mark.emulators
CITIZEN = "5001"
TIP = "Có nhóm thanh niên sử dụng ma túy tại khách sạn trên đường Tân Sơn Nhì, phường Tân Sơn Nhì"


def officers_alerted(line: Line) -> list[str]:
    return sorted(a["officer_id"] for a in line.alerts() if a["status"] == "sent")


def test_a_tip_reaches_the_ward_duty_officer_and_the_citizen_is_acknowledged(line: Line) -> None:
    line.citizen_says(CITIZEN, TIP)
    line.citizen_shares(CITIZEN, "10.7987", "106.6301")
    assert set(line.pump()) == {200}
    tip = line.only_tip()
    assert tip["status"] == "routed" and tip["unit_id"] == "ward-27019"
    assert tip["classification"]["category"] == "drugs"
    alerted = officers_alerted(line)
    assert alerted, line.alerts()
    assert all(officer.startswith("cb-27019") for officer in alerted)
    texts = line.texts(CITIZEN)
    assert any(tip["ref"] in t and "đã tiếp nhận" in t for t in texts), texts
    print(texts)
