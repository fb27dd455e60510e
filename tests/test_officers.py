"""Officers on the emulators (issue 13): each case the issue found, through the webhook
as Zalo delivers it (the stand-in signs and posts), the router and the escalator
through the functions framework, Firestore and Pub/Sub real. The tests read what
each person received, in Vietnamese."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from google.cloud.firestore_v1.base_query import FieldFilter

from shared.cli import main
from shared.store import documents
from shared.store.admin import create_invite, tip_trail
from tests.cli_clock import pin_cli_clock
from tests.helpers import (
    CITIZEN,
    COMMANDER,
    COMMANDER_ID,
    DUTY,
    DUTY_ID,
    OTHER_27019,
    OTHER_WARD,
    command,
    escalator,
    pump,
    report,
)
from tests.line import Line

pytestmark = pytest.mark.emulators
TSN = "Công an phường Tân Sơn Nhì"
DESK = "demo-officer-desk-2"
SECOND_CITIZEN = "8471209356612347002"
SECOND_TIP = "Có người đánh bạc trong hẻm 45 đường Tân Sơn Nhì, phường Tân Sơn Nhì"


def last(line: Line, user: str) -> str:
    return line.texts(user)[-1]


def tips(line: Line) -> dict[str, dict[str, Any]]:
    return {s.id: s.to_dict() or {} for s in line.db.collection("tips").stream()}


def trail(line: Line, ref: str) -> list[str]:
    """The kinds of the tip's audit events (one clock instant may hold several: no order)."""
    events = tip_trail(line.db.collection("tips").document(ref).get())
    return sorted(e.get("kind") for e in events)


def two_tips(line: Line) -> tuple[str, str]:
    first = report(line)
    line.clock.advance(minutes=1)
    second = report_again(line)
    return first, second


def report_again(line: Line) -> str:
    before = set(tips(line))
    line.citizen_says(SECOND_CITIZEN, SECOND_TIP)
    assert pump(line) == [200]
    (ref,) = set(tips(line)) - before
    return ref


# --- "Desk officers paged at the 15-minute step are refused" ------------------------------


def reported_and_climbed_to_the_desk(line: Line) -> str:
    """A tip nobody takes for 15 minutes: its ladder's third step pages the desk."""
    run = escalator(line)
    ref = report(line)
    for minutes in (5, 10):
        line.clock.advance(minutes=minutes)
        run()
    return ref


def test_the_desk_paged_at_fifteen_minutes_takes_the_tip(line: Line) -> None:
    ref = reported_and_climbed_to_the_desk(line)
    assert any(t.startswith("🔔 NHẮC LẦN 2") and ref in t for t in line.texts(DESK))
    assert command(line, DESK, f"NHẬN {ref}") == [200]
    assert last(line, DESK).startswith(f"Đã ghi nhận: đồng chí nhận xử lý tin báo {ref}.")
    tip = line.tip(ref)
    assert tip["status"] == "acknowledged" and tip["holder_unit"] == "hcm-desk"
    assert last(line, CITIZEN) == (
        f"Tin báo {ref} của anh/chị đã được {TSN} tiếp nhận xử lý. Xin cảm ơn anh/chị."
    )


# --- "Any officer of the unit can XONG/KHONG a tip that another officer holds" ------------


def test_a_colleague_cannot_bury_a_held_tip_and_the_ladder_keeps_running(line: Line) -> None:
    ref = report(line)
    command(line, DUTY, f"NHAN {ref}")
    told = len(line.texts(CITIZEN))
    assert command(line, OTHER_27019, f"khong {ref} tin rac") == [200]
    assert last(line, OTHER_27019) == (
        f"Tin báo {ref} đang do đồng chí Bùi Thị Ngọc Lan ({TSN}) xử lý nên đồng chí chưa thể "
        "báo xong hoặc khép lại tin báo này. Đồng chí có thể ghi thêm thông tin: "
        f"GHI {ref} <nội dung>, hoặc báo chỉ huy đơn vị."
    )
    tip = line.tip(ref)
    assert tip["status"] == "acknowledged" and tip["held_by"] == DUTY_ID
    assert tip["due_at"] is not None  # reminders run
    assert len(line.texts(CITIZEN)) == told
    assert trail(line, ref).count("refused") == 1


def test_the_commander_may_close_a_held_tip_and_the_holder_hears_of_it(line: Line) -> None:
    ref = report(line)
    command(line, DUTY, f"NHAN {ref}")
    assert command(line, COMMANDER, f"KHONG {ref} tin quảng cáo") == [200]
    assert line.tip(ref)["closed_by"] == COMMANDER_ID
    assert last(line, DUTY) == (
        f"Tin báo {ref} đồng chí đang xử lý đã được đồng chí Ngô Minh Trí ({TSN}) khép lại "
        "(không phải tin báo). Đồng chí không cần xử lý tiếp tin báo này."
    )


# --- "XONG without NHAN … never counts in the time-to-take figures" -----------------------


def test_xong_without_nhan_counts_as_taken_in_the_report(
    line: Line,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    ref = report(line)
    line.clock.advance(minutes=4)
    assert command(line, DUTY, f"xong {ref.lower()} đã kiểm tra, giải tán nhóm thanh niên") == [200]
    assert last(line, DUTY) == (
        f"Đã ghi nhận: đồng chí nhận và xử lý xong tin báo {ref}. Người báo tin đã được "
        "thông báo. Cảm ơn đồng chí."
    )
    tip = line.tip(ref)
    assert tip["taken_at"] == tip["resolved_at"] and tip["held_by"] == DUTY_ID
    assert {"taken", "resolved"} <= set(trail(line, ref))
    pin_cli_clock(monkeypatch, tmp_path, line.clock.now())  # the line's day, not the real one
    assert main(["report", "--since", "2026-12-01"]) == 0
    row = next(x for x in capsys.readouterr().out.splitlines() if x.startswith(TSN))
    assert row.split()[6:10] == ["1", "1", "1", "0:04"]  # received, taken, resolved, median


# --- "NHAN with no code, 'đã nhận', 'nhan k5n9c' get no answer; one short gets the menu" ---


def test_nhan_alone_and_da_nhan_take_the_one_tip_waiting(line: Line) -> None:
    ref = report(line)
    assert command(line, DUTY, "đã nhận") == [200]
    assert line.tip(ref)["held_by"] == DUTY_ID
    assert last(line, DUTY).startswith(f"Đã ghi nhận: đồng chí nhận xử lý tin báo {ref}.")
    assert command(line, DUTY, "Xong rồi") == [200]
    assert line.tip(ref)["status"] == "resolved"


def test_nhan_alone_with_two_tips_lists_them_with_their_codes(line: Line) -> None:
    first, second = two_tips(line)
    assert command(line, DUTY, "NHAN") == [200]
    assert last(line, DUTY) == (
        f"Đồng chí có 2 tin báo có thể nhận. Vui lòng gửi kèm mã tin báo, ví dụ: NHAN {first}\n"
        "Tin báo của đồng chí:\n"
        f"- {first}: chờ nhận ({TSN})\n"
        f"- {second}: chờ nhận ({TSN})"
    )


def test_a_code_without_tb_is_taken_and_one_short_gets_a_question(line: Line) -> None:
    first, second = two_tips(line)
    assert command(line, DUTY, f"nhan {first[3:].lower()}") == [200]
    assert line.tip(first)["held_by"] == DUTY_ID
    assert command(line, COMMANDER, f"NHAN {second[:-1]}") == [200]
    assert last(line, COMMANDER) == f"Ý đồng chí là {second}? Gửi: NHAN {second}"
    assert line.tip(second)["held_by"] is None
    assert not any("tạm trú" in t.lower() for t in line.texts(COMMANDER))


def test_words_an_officer_sends_that_are_no_command_get_the_officers_help(line: Line) -> None:
    ref = report(line)
    assert command(line, DUTY, "cho hỏi thủ tục đăng ký tạm trú") == [200]
    assert last(line, DUTY) == (
        "Đồng chí gửi lệnh theo mẫu (mã tin báo có dạng TB-K5N9CX):\n"
        "NHAN <mã>: nhận xử lý\n"
        "XONG <mã> [kết quả]: báo xử lý xong\n"
        "GHI <mã> <nội dung>: ghi chú hiện trường\n"
        "CHUYEN <mã> <đơn vị> [lý do]: chuyển đơn vị khác\n"
        "KHONG <mã> [lý do]: không phải tin báo\n"
        "TRUC: vào ca trực\n"
        "Tin báo của đồng chí:\n"
        f"- {ref}: chờ nhận ({TSN})"
    )


# --- "An officer's field report becomes a new citizen tip for the desk" -------------------


def test_a_field_report_is_a_note_on_the_officers_tip(line: Line) -> None:
    ref = report(line)
    command(line, DUTY, f"NHAN {ref}")
    report_text = "Đã tới hiện trường, đối tượng bỏ chạy về hướng chợ Tân Hương"
    assert command(line, DUTY, report_text) == [200]
    assert last(line, DUTY) == (
        f"Đã ghi vào {ref}. Ghi chú chỉ cán bộ xem được, không gửi cho người báo tin."
    )
    assert [n["text"] for n in line.tip(ref)["notes"]] == [report_text]
    assert trail(line, ref).count("note") == 1
    routed = {r: t for r, t in tips(line).items() if t.get("unit_id")}
    assert set(routed) == {ref}  # no new tip for the desk
    withdrawn = [t for t in tips(line).values() if t["status"] == "withdrawn"]
    assert len(withdrawn) == 1
    assert not any("gửi vị trí" in t or "Mã tin báo" in t for t in line.texts(DUTY))
    assert len(line.texts(CITIZEN)) == 2  # the acknowledgement and "taken": no note


def test_a_trail_past_its_bound_goes_on_as_documents_in_order(
    line: Line, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The tip's `events` list is bounded (issue 18, round 13); what comes after is
    # written as `tips/{ref}/events` documents, and the trail reads both, in order.
    monkeypatch.setattr(documents, "TRAIL_MAX_EVENTS", 2)
    ref = report(line)
    command(line, DUTY, f"NHAN {ref}")
    for n in range(3):
        assert command(line, DUTY, f"GHI {ref} ghi chú số {n}") == [200]
    stored = line.tip(ref)
    assert len(stored["events"]) == 2 and stored["events_spilled"] >= 3
    snap = line.db.collection("tips").document(ref).get()
    kinds = [e["kind"] for e in tip_trail(snap)]
    assert kinds[:2] == [e["kind"] for e in stored["events"]] and len(kinds) >= 5
    notes = [e["data"]["text"] for e in tip_trail(snap, ("note",))]
    assert notes == [f"ghi chú số {n}" for n in range(3)]


def test_a_field_report_from_an_officer_with_two_tips_asks_which(line: Line) -> None:
    first, second = two_tips(line)
    command(line, DUTY, f"NHAN {first}")
    command(line, DUTY, f"NHAN {second}")
    assert command(line, DUTY, "đối tượng đã bỏ đi") == [200]
    asked = last(line, DUTY)
    assert asked.startswith(
        "Đồng chí đang xử lý 2 tin báo. Để ghi thông tin vào một tin báo, vui lòng gửi: "
        "GHI <mã> <nội dung>, ví dụ: GHI TB-"
    )
    assert f"- {first}: đồng chí đang xử lý" in asked
    assert f"- {second}: đồng chí đang xử lý" in asked
    assert command(line, DUTY, f"GHI {second} đối tượng đã bỏ đi") == [200]
    assert [n["text"] for n in line.tip(second)["notes"]] == ["đối tượng đã bỏ đi"]


# --- "CHUYEN can only send a tip to the parent unit" --------------------------------------


def test_a_ward_hands_a_tip_to_the_neighbouring_ward(line: Line) -> None:
    ref = report(line)
    assert command(line, DUTY, f"chuyen {ref} Tây Thạnh, đối tượng ở bên đó") == [200]
    tip = line.tip(ref)
    assert tip["unit_id"] == "ward-27013" and tip["transferred_from"] == "ward-27019"
    assert last(line, DUTY) == (
        f"Đã ghi nhận: tin báo {ref} đã được chuyển đến Công an phường Tây Thạnh."
    )
    alert = last(line, OTHER_WARD)
    assert alert.startswith(f"🔔 TIN BÁO {ref} được {TSN} chuyển đến\nLý do chuyển: đối tượng")
    assert last(line, CITIZEN) == (
        f"Tin báo {ref} đã được chuyển đến Công an phường Tây Thạnh để tiếp tục xử lý. "
        "Xin cảm ơn anh/chị."
    )


def test_the_desk_paged_hands_a_ward_tip_to_the_criminal_police(line: Line) -> None:
    ref = reported_and_climbed_to_the_desk(line)
    assert command(line, DESK, f"CHUYỂN {ref} hình sự — đường dây nhiều phường") == [200]
    assert line.tip(ref)["unit_id"] == "dept-criminal"
    assert any(ref in t for t in line.texts("demo-officer-criminal-2"))
    # Everyone the tip had reached hears where it went.
    expected = (
        f"Tin báo {ref} đã được đồng chí Trần Văn Phúc (Tổ tiếp nhận tin báo khu vực Tân Phú) "
        "chuyển đến Phòng Cảnh sát hình sự. Đồng chí không cần xử lý tiếp tin báo này."
    )
    for user in (DUTY, COMMANDER, "demo-officer-27019-chief"):
        assert last(line, user) == expected


# --- "One Zalo account can hold several officer records" ----------------------------------


def officers_of(line: Line, zalo_user_id: str) -> dict[str, dict[str, Any]]:
    query = line.db.collection("officers").where(
        filter=FieldFilter("zalo_user_id", "==", zalo_user_id)
    )
    return {s.id: s.to_dict() or {} for s in query.stream()}


def test_enrolling_with_another_units_code_moves_the_officer(line: Line) -> None:
    invite = create_invite(
        line.db, "ward-27013", "Bùi Thị Ngọc Lan", "duty_officer", line.clock.now()
    )
    assert command(line, DUTY, f"ĐK {invite.code}") == [200]
    assert last(line, DUTY).endswith(
        f"Tài khoản cán bộ trước đây của đồng chí tại {TSN} đã ngừng hoạt động; mỗi tài khoản "
        "Zalo chỉ gắn với một cán bộ."
    )
    records = officers_of(line, DUTY)
    new_id = f"cb-{invite.code.lower()}"
    assert {i: r["active"] for i, r in records.items()} == {DUTY_ID: False, new_id: True}
    assert records[DUTY_ID]["replaced_by"] == new_id
    (event,) = line.db.collection("officers").document(DUTY_ID).collection("events").stream()
    assert event.get("kind") == "retired"
    ref = report(line)  # a Tân Sơn Nhì tip: she is Tây Thạnh's now
    assert command(line, DUTY, f"NHAN {ref}") == [200]
    assert last(line, DUTY).startswith(f"Tin báo {ref} do {TSN} phụ trách")


def test_commands_act_through_the_latest_active_record(line: Line) -> None:
    later = line.clock.now() + timedelta(days=1)
    line.db.collection("officers").document("cb-27013-dup").set(
        {
            "name": "Bùi Thị Ngọc Lan",
            "unit_id": "ward-27013",
            "role": "duty_officer",
            "active": True,
            "zalo_user_id": DUTY,
            "enrolled_at": later,
        }
    )
    ref = report(line)
    assert command(line, DUTY, f"NHAN {ref}") == [200]
    assert last(line, DUTY).startswith(f"Tin báo {ref} do {TSN} phụ trách")


def test_an_operator_moves_and_deactivates_officers(
    line: Line, capsys: pytest.CaptureFixture[str]
) -> None:
    ref = report(line)
    command(line, DUTY, f"NHAN {ref}")
    assert main(["officer", "move", "--officer", DUTY_ID, "--unit", "ward-27013"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "Cán bộ Bùi Thị Ngọc Lan chuyển sang Công an phường Tây Thạnh." in out
    assert f"Tin báo đang giữ đã giao lại cho đơn vị: {ref}." in out
    tip = line.tip(ref)
    assert tip["status"] == "routed" and tip["released_from"] == DUTY_ID
    records = officers_of(line, DUTY)
    (new_id,) = [i for i, r in records.items() if r["active"]]
    assert records[new_id]["unit_id"] == "ward-27013" and records[DUTY_ID]["active"] is False
    assert main(["officer", "deactivate", "--officer", new_id, "--reason", "nghỉ hưu"]) == 0
    assert not officers_of(line, DUTY)[new_id]["active"]
    assert command(line, DUTY, f"NHAN {ref}") == [200]
    assert last(line, DUTY).startswith("Tài khoản cán bộ của đồng chí đang tạm ngừng hoạt động")
    assert main(["officer", "move", "--officer", "cb-nobody", "--unit", "ward-27013"]) == 2


# --- "A refusal says 'another unit' without naming it" ------------------------------------


def test_a_refusal_names_the_unit_and_a_second_officer_learns_who_holds_it(line: Line) -> None:
    ref = report(line)
    command(line, OTHER_WARD, f"NHAN {ref}")
    assert last(line, OTHER_WARD).startswith(f"Tin báo {ref} do {TSN} phụ trách")
    command(line, DUTY, f"NHAN {ref}")
    command(line, COMMANDER, f"nhận {ref}")
    assert last(line, COMMANDER).startswith(
        f"Tin báo {ref} đã được đồng chí Bùi Thị Ngọc Lan ({TSN}) nhận xử lý."
    )


# --- alerts that read well on a phone, notes in the report --------------------------------


def test_the_alert_lists_the_messages_with_times_and_the_report_the_notes(
    line: Line,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    line.citizen_says(CITIZEN, "Có nhóm thanh niên hút ma túy ở phường Tân Sơn Nhì")
    line.clock.advance(minutes=2)
    line.citizen_says(CITIZEN, "Tụi nó ở khách sạn đầu hẻm 45 " + "đông lắm " * 80)
    assert set(pump(line, 2)) == {200}
    (alert,) = [t for t in line.texts(DUTY) if t.startswith("🔔 TIN BÁO MỚI")]
    lines = alert.splitlines()
    at = lines.index("Nội dung (2 tin nhắn, mới nhất ở cuối):")
    assert lines[at + 1] == "09:00 «Có nhóm thanh niên hút ma túy ở phường Tân Sơn Nhì»"
    assert lines[at + 2].startswith("09:02 «Tụi nó ở khách sạn đầu hẻm 45 đông lắm")
    assert lines[at + 2].endswith("…» (còn 350 ký tự không hiển thị)")
    ref = line.only_tip()["ref"]
    command(line, DUTY, f"NHAN {ref}")
    command(line, DUTY, "Đã tới nơi, lập biên bản 3 đối tượng")
    pin_cli_clock(monkeypatch, tmp_path, line.clock.now())  # the line's day, not the real one
    assert main(["report", "--since", "2026-12-01"]) == 0
    out = capsys.readouterr().out
    assert "GHI CHÚ HIỆN TRƯỜNG CỦA CÁN BỘ" in out
    assert f"{ref} – {TSN} (1 ghi chú)" in out
    assert "  09:02 01/12 Bùi Thị Ngọc Lan: Đã tới nơi, lập biên bản 3 đối tượng" in out


# --- nothing twice ----------------------------------------------------------------------------


def test_a_note_and_a_forward_delivered_again_change_the_tip_once(line: Line) -> None:
    ref = report(line)
    command(line, DUTY, f"NHAN {ref}")
    assert command(line, DUTY, "Đã tới hiện trường", times=3) == [200] * 3
    assert len(line.tip(ref)["notes"]) == 1
    assert command(line, DUTY, f"CHUYEN {ref} Tây Thạnh", times=2) == [200, 200]
    assert trail(line, ref).count("transferred") == 1
    assert len([t for t in line.texts(OTHER_WARD) if ref in t]) == 1
    assert len([t for t in line.texts(CITIZEN) if "chuyển đến" in t]) == 1
    answers = [t for t in line.texts(DUTY) if t.startswith("Đã ghi")]
    assert len(answers) == 3  # take, note, forward: each answered once
