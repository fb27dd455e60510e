"""Complaints about the police from a citizen with no current tip (issue 12, point 5),
on the in-memory store: the complaint goes to the desk and the leaders of the unit
above the ward it names, never to that ward, and a later pin does not move it there.
Messages are written as citizens write (no diacritics, typos); each is delivered twice."""

from __future__ import annotations

import contextlib

import pytest

from shared.core.delivery import CLAIM_LAPSES_AFTER
from tests.crash import Crash
from tests.memory_line import MemoryLine
from tests.test_usecases import CITIZEN, DESK_DUTY, DUTY, OTHER_WARD

ABOVE = ("demo-officer-hcm-cmd-1",)  # the city police's duty commander (the unit above)
TSN_PIN = ("10.8012", "106.6285")  # inside phường Tân Sơn Nhì


def complain(line: MemoryLine, text: str) -> str:
    line.citizen_says(CITIZEN, text)
    assert set(line.pump(times=2)) == {200}  # delivered twice: acted on once
    (tip,) = line.store.docs["tips"].values()
    return str(tip["ref"])


def test_a_complaint_naming_a_ward_goes_to_the_desk_and_the_unit_above_not_that_ward(
    memory_line: MemoryLine,
) -> None:
    ref = complain(memory_line, "bao cong an p tan son nhi hoai ma ko ai xuong")
    tip = memory_line.tip(ref)
    assert tip["unit_id"] == "hcm-desk" and tip["complaint"] is True
    assert tip["complaint_about"] == "ward-27019" and tip["ward_code"] is None
    assert memory_line.texts(DUTY) == []  # the ward complained about hears nothing
    for officer in (DESK_DUTY, *ABOVE):
        (alert,) = memory_line.texts(officer)  # once, though delivered twice
        assert alert.startswith("📣 PHẢN ÁNH VỀ Công an phường Tân Sơn Nhì")
        assert ref in alert and "ko ai xuong" in alert
    (told,) = memory_line.texts(CITIZEN)
    assert told.startswith("Phản ánh của anh/chị về Công an phường Tân Sơn Nhì")
    assert ref in told and "Tổ tiếp nhận tin báo và lãnh đạo Công an Thành phố" in told
    events = [e["kind"] for e in memory_line.store.events[ref]]
    assert events.count("routed") == 1


@pytest.mark.parametrize(
    "text",
    [
        # the police are asked for help in another clause than the money demanded
        "may thang bao ke toi doi tien cac sap o p tan son nhi, cong an xuong dep giup",
        # "cá độ" and "cà phê" typed with their marks are no "CA"
        "Tụi đòi nợ cá độ đang giữ em trai tôi ở quán cà phê phường Tân Sơn Nhì, "
        "bắt gọi về đòi tiền",
    ],
)
def test_a_tip_that_asks_the_police_for_help_goes_to_its_ward_not_to_the_desk(
    memory_line: MemoryLine, text: str
) -> None:
    ref = complain(memory_line, text)
    tip = memory_line.tip(ref)
    assert tip["complaint"] is False and tip["unit_id"] == "ward-27019"
    (alert,) = memory_line.texts(DUTY)
    assert ref in alert and "PHẢN ÁNH" not in alert
    for officer in ABOVE:
        assert memory_line.texts(officer) == []


def test_a_later_pin_does_not_move_a_complaint_to_the_ward_complained_about(
    memory_line: MemoryLine,
) -> None:
    ref = complain(memory_line, "can bo phuong tay thanh thai do hach dich qua")
    assert memory_line.tip(ref)["complaint_about"] == "ward-27013"
    memory_line.advance(minutes=1)
    memory_line.citizen_shares(CITIZEN, *TSN_PIN)
    assert set(memory_line.pump(times=2)) == {200}
    tip = memory_line.tip(ref)
    assert tip["unit_id"] == "hcm-desk" and tip["complaint_about"] == "ward-27013"
    assert "rerouted" not in [e["kind"] for e in memory_line.store.events[ref]]
    assert memory_line.texts(OTHER_WARD) == [] and memory_line.texts(DUTY) == []
    assert len([t for t in memory_line.texts(ABOVE[0]) if "PHẢN ÁNH VỀ" in t]) == 1


def test_a_genuine_tip_naming_a_ward_still_goes_to_that_ward(memory_line: MemoryLine) -> None:
    # "đòi tiền" without the police named is extortion to report, not a complaint.
    text = "co nhom thanh nien doi tien bao ke quan nhau o phuong tan son nhi, toi nao cung toi"
    ref = complain(memory_line, text)
    tip = memory_line.tip(ref)
    assert tip["unit_id"] == "ward-27019" and not tip["complaint"]
    assert any(ref in t for t in memory_line.texts(DUTY))
    assert memory_line.texts(ABOVE[0]) == []


def test_a_complaint_read_as_a_question_is_handed_to_the_desk_and_the_unit_above(
    memory_line: MemoryLine,
) -> None:
    # "gì" makes it a question: no tip is opened, but it never gets the residence menu.
    memory_line.citizen_says(
        CITIZEN, "công an phường Tân Sơn Nhì không làm gì hết, báo mấy lần rồi mà không ai tới"
    )
    assert set(memory_line.pump(times=2)) == {200}
    assert memory_line.texts(DUTY) == []  # not the ward complained about
    for officer in (DESK_DUTY, *ABOVE):
        (alert,) = memory_line.texts(officer)
        assert alert.startswith("📣 PHẢN ÁNH VỀ Công an phường Tân Sơn Nhì")
        assert "không làm gì hết" in alert and "TL HD-" in alert
    (told,) = memory_line.texts(CITIZEN)
    assert told.startswith("Phản ánh của anh/chị về Công an phường Tân Sơn Nhì đã được chuyển")
    assert "lãnh đạo Công an Thành phố Hồ Chí Minh" in told


def test_a_complaint_naming_no_unit_goes_to_the_desk_only_and_stays_there(
    memory_line: MemoryLine,
) -> None:
    ref = complain(memory_line, "ca khu nay lam ngo het, bao che cho bon no")
    tip = memory_line.tip(ref)
    assert tip["unit_id"] == "hcm-desk" and tip["complaint"] and tip["complaint_about"] is None
    (alert,) = memory_line.texts(DESK_DUTY)
    assert alert.startswith("📣 PHẢN ÁNH VỀ CÔNG AN") and ref in alert
    assert memory_line.texts(ABOVE[0]) == []  # no unit named: nobody above to tell
    (told,) = memory_line.texts(CITIZEN)
    assert told.startswith(f"Phản ánh của anh/chị đã được tiếp nhận với mã {ref}")
    memory_line.advance(minutes=2)
    memory_line.citizen_shares(CITIZEN, *TSN_PIN)
    assert set(memory_line.pump(times=2)) == {200}
    assert memory_line.tip(ref)["unit_id"] == "hcm-desk" and memory_line.texts(DUTY) == []


@pytest.mark.parametrize("after", range(1, 10))
def test_a_router_crash_after_any_commit_of_a_complaint_loses_and_doubles_nothing(
    memory_line: MemoryLine, after: int
) -> None:
    memory_line.crashes.arm(after)
    memory_line.citizen_says(CITIZEN, "bao cong an p tan son nhi hoai ma ko ai xuong")
    (event,) = memory_line.publisher.take()
    with contextlib.suppress(Crash):  # died right after that commit
        memory_line.deliver(event)
    memory_line.crashes.arm(None)
    # Pub/Sub redelivers once a dead instance's claim on a send has lapsed.
    memory_line.advance(seconds=CLAIM_LAPSES_AFTER.total_seconds())
    assert memory_line.deliver(event) == 200
    for officer in (DESK_DUTY, *ABOVE):
        assert len([t for t in memory_line.texts(officer) if "PHẢN ÁNH VỀ" in t]) == 1
    assert len(memory_line.texts(CITIZEN)) == 1
    assert memory_line.texts(DUTY) == []
