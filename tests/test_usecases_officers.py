"""Officers' stories on the in-memory line (issue 13): who may act, commands a busy
thumb writes, field notes, forwarding to any unit, one person one officer, alerts
that read on a phone. The same stories run on the emulators in tests/test_officers.py.

Officers write through the Zalo stand-in as Zalo delivers it; the tests read what
each person received.
"""

from __future__ import annotations

from datetime import timedelta

from shared.store.collections import INVITES, OFFICERS, TIPS
from tests.memory_line import MemoryLine
from tests.test_usecases import CITIZEN, DUTY, DUTY_ID, TIP, command, report

COMMANDER, COMMANDER_ID = "demo-officer-27019-cmd-1", "cb-27019-cmd-1"
OTHER_27019 = "demo-officer-27019-1"  # same ward, off duty
WARD_27013 = "demo-officer-27013-2"  # the neighbouring ward's duty officer
DESK = "demo-officer-desk-1"
CRIMINAL = "demo-officer-criminal-2"  # the criminal police department's duty officer
SECOND_CITIZEN = "8471209356612347002"
SECOND_TIP = "Co nguoi danh bac trong hem 45 duong Tan Son Nhi, phuong Tan Son Nhi"
TSN = "Công an phường Tân Sơn Nhì"


def last(line: MemoryLine, user: str) -> str:
    return line.texts(user)[-1]


def two_tips(line: MemoryLine) -> tuple[str, str]:
    first = report(line)
    line.advance(minutes=1)
    line.citizen_says(SECOND_CITIZEN, SECOND_TIP)
    assert line.pump() == [200]
    (second,) = {t["ref"] for t in line.store.docs[TIPS].values()} - {first}
    return first, second


def climb_to_the_desk(line: MemoryLine) -> None:
    for minutes in (5, 10):  # step 2 at 5 minutes, step 3 (the desk) at 15
        line.advance(minutes=minutes)
        assert line.escalate().failures == 0


# --- one authority model --------------------------------------------------------------


def test_the_desk_paged_at_fifteen_minutes_may_take_the_tip(memory_line: MemoryLine) -> None:
    ref = report(memory_line)
    command(memory_line, DESK, f"NHAN {ref}")
    assert last(memory_line, DESK).startswith(
        f"Tin báo {ref} do {TSN} phụ trách nên đồng chí chưa thể nhận tin báo này."
    )
    climb_to_the_desk(memory_line)
    assert any(t.startswith("🔔 NHẮC LẦN") and ref in t for t in memory_line.texts(DESK))
    command(memory_line, DESK, f"NHAN {ref}")
    assert last(memory_line, DESK).startswith(f"Đã ghi nhận: đồng chí nhận xử lý tin báo {ref}.")
    tip = memory_line.tip(ref)
    assert tip["held_by"] == "cb-desk-1" and tip["holder_unit"] == "hcm-desk"
    assert last(memory_line, CITIZEN).startswith(f"Tin báo {ref} của anh/chị đã được {TSN}")


def test_an_officer_cannot_finish_a_tip_another_holds(memory_line: MemoryLine) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"NHAN {ref}")
    told = len(memory_line.texts(CITIZEN))
    for text in (f"XONG {ref} xong roi", f"khong {ref} tin rac"):
        command(memory_line, OTHER_27019, text)
        assert last(memory_line, OTHER_27019) == (
            f"Tin báo {ref} đang do đồng chí Bùi Thị Ngọc Lan ({TSN}) xử lý nên đồng chí chưa "
            "thể báo xong hoặc khép lại tin báo này. Đồng chí có thể ghi thêm thông tin: "
            f"GHI {ref} <nội dung>, hoặc báo chỉ huy đơn vị."
        )
    tip = memory_line.tip(ref)
    assert tip["status"] == "acknowledged" and tip["held_by"] == DUTY_ID
    assert tip["next_action_at"] is not None  # the holder's reminders still run
    assert len(memory_line.texts(CITIZEN)) == told


def test_the_commander_may_finish_a_held_tip_and_the_holder_is_told(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"NHAN {ref}")
    command(memory_line, COMMANDER, f"XONG {ref} đã phối hợp xử lý")
    tip = memory_line.tip(ref)
    assert tip["status"] == "resolved" and tip["resolved_by"] == COMMANDER_ID
    assert last(memory_line, DUTY) == (
        f"Tin báo {ref} đồng chí đang xử lý đã được đồng chí Ngô Minh Trí ({TSN}) báo xử lý "
        "xong. Đồng chí không cần xử lý tiếp tin báo này."
    )


def test_a_second_officer_is_told_who_holds_the_tip(memory_line: MemoryLine) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"NHAN {ref}")
    command(memory_line, OTHER_27019, f"NHAN {ref}")
    assert last(memory_line, OTHER_27019).startswith(
        f"Tin báo {ref} đã được đồng chí Bùi Thị Ngọc Lan ({TSN}) nhận xử lý."
    )
    assert memory_line.tip(ref)["held_by"] == DUTY_ID


def test_xong_without_nhan_takes_and_resolves_in_one_step(memory_line: MemoryLine) -> None:
    ref = report(memory_line)
    memory_line.advance(minutes=3)
    command(memory_line, DUTY, f"XONG {ref} da kiem tra, lap bien ban")
    tip = memory_line.tip(ref)
    assert tip["status"] == "resolved" and tip["held_by"] == DUTY_ID
    assert tip["taken_at"] == tip["resolved_at"] == memory_line.clock.now()
    kinds = [e["kind"] for e in memory_line.store.events[ref]]
    assert kinds[-2:] == ["taken", "resolved"]
    assert last(memory_line, DUTY).startswith(
        f"Đã ghi nhận: đồng chí nhận và xử lý xong tin báo {ref}."
    )
    assert last(memory_line, CITIZEN).startswith(f"Tin báo {ref} đã được {TSN} xử lý xong.")


# --- commands that forgive -----------------------------------------------------------------


def test_nhan_alone_takes_the_one_tip_waiting(memory_line: MemoryLine) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, "Nhận")
    assert memory_line.tip(ref)["held_by"] == DUTY_ID
    assert last(memory_line, DUTY).startswith(f"Đã ghi nhận: đồng chí nhận xử lý tin báo {ref}.")


def test_common_phrasings_are_commands_when_they_fit_one_tip(memory_line: MemoryLine) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, "ok nhận tin")
    assert memory_line.tip(ref)["held_by"] == DUTY_ID
    command(memory_line, DUTY, "xong rồi")
    assert memory_line.tip(ref)["status"] == "resolved"


def test_da_nhan_with_two_tips_waiting_lists_them_with_their_codes(
    memory_line: MemoryLine,
) -> None:
    first, second = two_tips(memory_line)
    command(memory_line, DUTY, "đã nhận")
    answer = last(memory_line, DUTY)
    assert answer.startswith("Đồng chí có 2 tin báo có thể nhận. Vui lòng gửi kèm mã tin báo")
    assert f"- {first}: chờ nhận ({TSN})" in answer and f"- {second}: chờ nhận" in answer
    assert memory_line.tip(first)["held_by"] is None


def test_a_code_without_tb_or_with_spaces_is_understood(memory_line: MemoryLine) -> None:
    first, second = two_tips(memory_line)
    command(memory_line, DUTY, f"nhan {first[3:].lower()}")
    assert memory_line.tip(first)["held_by"] == DUTY_ID
    spaced = f"{second[3:6]} {second[6:]}".lower()
    command(memory_line, COMMANDER, f"Nhận TB {spaced}")
    assert memory_line.tip(second)["held_by"] == COMMANDER_ID


def test_a_code_one_character_short_gets_a_question(memory_line: MemoryLine) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"NHAN {ref[:-1]}")
    assert last(memory_line, DUTY) == f"Ý đồng chí là {ref}? Gửi: NHAN {ref}"
    assert memory_line.tip(ref)["held_by"] is None
    assert not any("tạm trú" in t.lower() for t in memory_line.texts(DUTY))


def test_an_officer_gets_the_officers_help_never_the_citizens_menu(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    for text in ("alo alo", "cho hỏi đăng ký tạm trú cần giấy tờ gì"):
        command(memory_line, DUTY, text)
        answer = last(memory_line, DUTY)
        assert answer.startswith("Đồng chí gửi lệnh theo mẫu"), answer
        assert f"- {ref}: chờ nhận ({TSN})" in answer
    assert len(memory_line.store.docs[TIPS]) == 1


# --- field notes ----------------------------------------------------------------------------


def test_a_field_report_from_the_holder_is_a_note_not_a_new_tip(memory_line: MemoryLine) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"NHAN {ref}")
    desk_before = len(memory_line.texts(DESK))
    citizen_before = len(memory_line.texts(CITIZEN))
    command(memory_line, DUTY, "Đã tới hiện trường, đối tượng bỏ chạy về hướng chợ Tân Hương")
    assert last(memory_line, DUTY) == (
        f"Đã ghi vào {ref}. Ghi chú chỉ cán bộ xem được, không gửi cho người báo tin."
    )
    (note,) = memory_line.tip(ref)["notes"]
    assert note["text"].startswith("Đã tới hiện trường") and note["officer_id"] == DUTY_ID
    routed = [t for t in memory_line.store.docs[TIPS].values() if t.get("unit_id")]
    assert [t["ref"] for t in routed] == [ref]  # the officer's words opened no citizen tip
    assert len(memory_line.texts(DESK)) == desk_before
    assert len(memory_line.texts(CITIZEN)) == citizen_before
    assert not any("gửi vị trí" in t for t in memory_line.texts(DUTY))
    assert [e["kind"] for e in memory_line.store.events[ref]][-1] == "note"


def test_free_text_from_an_officer_holding_two_tips_asks_which(memory_line: MemoryLine) -> None:
    first, second = two_tips(memory_line)
    command(memory_line, DUTY, f"NHAN {first}")
    command(memory_line, DUTY, f"NHAN {second}")
    command(memory_line, DUTY, "Đã tới nơi, đang xác minh")
    answer = last(memory_line, DUTY)
    assert answer.startswith("Đồng chí đang xử lý 2 tin báo.")
    assert "GHI <mã> <nội dung>" in answer
    command(memory_line, DUTY, f"GHI {second} Đã tới nơi, đang xác minh")
    assert last(memory_line, DUTY).startswith(f"Đã ghi vào {second}.")
    assert memory_line.tip(first).get("notes", []) == []


# --- forward anywhere -----------------------------------------------------------------------


def test_a_ward_forwards_to_the_neighbouring_ward_with_the_history(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    memory_line.advance(minutes=5)
    memory_line.escalate()  # step 2: the commander is paged too
    command(memory_line, DUTY, f"NHAN {ref}")
    command(memory_line, DUTY, "Đối tượng chạy sang địa bàn Tây Thạnh")
    command(memory_line, DUTY, f"CHUYEN {ref} Tây Thạnh đối tượng đã chạy sang")
    tip = memory_line.tip(ref)
    assert tip["unit_id"] == "ward-27013" and tip["status"] == "routed"
    assert last(memory_line, DUTY) == (
        f"Đã ghi nhận: tin báo {ref} đã được chuyển đến Công an phường Tây Thạnh."
    )
    alert = last(memory_line, WARD_27013)
    assert alert.startswith(f"🔔 TIN BÁO {ref} được {TSN} chuyển đến")
    assert "Lý do chuyển: đối tượng đã chạy sang" in alert
    assert "Ghi chú của cán bộ:" in alert and "Đối tượng chạy sang địa bàn Tây Thạnh" in alert
    assert last(memory_line, COMMANDER) == (
        f"Tin báo {ref} đã được đồng chí Bùi Thị Ngọc Lan ({TSN}) chuyển đến Công an phường "
        "Tây Thạnh. Đồng chí không cần xử lý tiếp tin báo này."
    )
    citizen = last(memory_line, CITIZEN)
    assert citizen.startswith(f"Tin báo {ref} đã được chuyển đến Công an phường Tây Thạnh")
    assert "Bùi Thị Ngọc Lan" not in citizen and "Ghi chú" not in citizen
    command(memory_line, WARD_27013, f"NHAN {ref}")
    assert memory_line.tip(ref)["held_by"] == "cb-27013-2"


def test_a_tip_goes_to_the_criminal_police_by_its_short_name(memory_line: MemoryLine) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"chuyển {ref} cho hình sự, đường dây nhiều phường")
    tip = memory_line.tip(ref)
    assert tip["unit_id"] == "dept-criminal" and tip["transfer_reason"] == "đường dây nhiều phường"
    assert any(ref in t for t in memory_line.texts(CRIMINAL))
    command(memory_line, DUTY, f"NHAN {ref}")  # the ward no longer has it
    assert last(memory_line, DUTY).startswith(
        f"Tin báo {ref} do Phòng Cảnh sát hình sự phụ trách nên đồng chí chưa thể nhận"
    )


def test_a_forward_without_a_unit_asks_which_unit(memory_line: MemoryLine) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"CHUYEN {ref} vuot tham quyen")
    assert last(memory_line, DUTY).startswith(f"Chuyển tin báo {ref} đến đơn vị nào?")
    assert memory_line.tip(ref)["unit_id"] == "ward-27019"


# --- one person, one officer ----------------------------------------------------------------


def test_enrolling_with_a_new_code_moves_the_officer(memory_line: MemoryLine) -> None:
    now = memory_line.clock.now()
    memory_line.store.put(
        INVITES,
        "MOVE2345",
        {
            "unit_id": "ward-27013",
            "name": "Bùi Thị Ngọc Lan",
            "role": "duty_officer",
            "created_at": now,
            "expires_at": now + timedelta(hours=24),
            "used_at": None,
            "officer_id": None,
        },
    )
    command(memory_line, DUTY, "DK move2345")
    assert last(memory_line, DUTY).startswith("Đăng ký thành công. Đồng chí Bùi Thị Ngọc Lan")
    assert f"tại {TSN} đã ngừng hoạt động" in last(memory_line, DUTY)
    old = memory_line.store.get(OFFICERS, DUTY_ID) or {}
    assert old["active"] is False and old["replaced_by"] == "cb-move2345"
    assert memory_line.store.officer_events(DUTY_ID)[-1]["kind"] == "retired"
    assert memory_line.store.officer_by_zalo(DUTY).officer_id == "cb-move2345"  # type: ignore[union-attr]
    ref = report(memory_line)  # a Tân Sơn Nhì tip: no longer hers
    command(memory_line, DUTY, f"NHAN {ref}")
    assert last(memory_line, DUTY).startswith(f"Tin báo {ref} do {TSN} phụ trách")


# --- alerts that read well on a phone --------------------------------------------------------


def test_the_alert_shows_each_message_with_its_time_the_latest_last(
    memory_line: MemoryLine,
) -> None:
    memory_line.citizen_says(CITIZEN, TIP)
    memory_line.advance(minutes=2)
    memory_line.citizen_says(CITIZEN, "Bon no dang dung truoc cua, ao den " + "rat dong " * 120)
    memory_line.advance(minutes=1)
    memory_line.citizen_says(CITIZEN, "nhanh len cac anh oi")
    memory_line.pump()
    (alert,) = [t for t in memory_line.texts(DUTY) if t.startswith("🔔 TIN BÁO MỚI")]
    assert "Nội dung (3 tin nhắn, mới nhất ở cuối):" in alert
    lines = alert.splitlines()
    first = next(i for i, x in enumerate(lines) if x.startswith("09:00 «Co nhom"))
    assert lines[first + 1].startswith("09:02 «Bon no dang dung truoc cua")
    assert lines[first + 1].endswith("ký tự không hiển thị)")
    assert lines[first + 2] == "09:03 «nhanh len cac anh oi»"
    # The tip's summary is cut (issue 14: a bounded tip); the message keeps it whole.
    assert len(memory_line.only_tip()["texts"][1]["text"]) <= 1000
    stored = [m["text"] or "" for m in memory_line.store.docs["messages"].values()]
    assert any(x.startswith("Bon no dang") and len(x) > 1000 for x in stored)


# --- nothing twice ----------------------------------------------------------------------------


def test_a_field_note_delivered_three_times_out_of_order_is_written_once(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"NHAN {ref}")
    memory_line.standin.send_text(DUTY, "Đã tới nơi")
    memory_line.standin.send_text(DUTY, "Đối tượng đã bỏ đi")
    assert set(memory_line.pump(times=3, shuffle=True)) == {200}
    notes = memory_line.tip(ref)["notes"]
    assert sorted(n["text"] for n in notes) == ["Đã tới nơi", "Đối tượng đã bỏ đi"]
    answers = [t for t in memory_line.texts(DUTY) if t.startswith(f"Đã ghi vào {ref}")]
    assert len(answers) == 2


def test_xong_without_nhan_delivered_twice_resolves_once(memory_line: MemoryLine) -> None:
    ref = report(memory_line)
    assert command(memory_line, DUTY, f"XONG {ref}", times=2) == [200, 200]
    kinds = [e["kind"] for e in memory_line.store.events[ref]]
    assert kinds.count("taken") == 1 and kinds.count("resolved") == 1
    told = [t for t in memory_line.texts(CITIZEN) if "xử lý xong" in t]
    assert len(told) == 1


def test_a_forward_delivered_three_times_moves_the_tip_once(memory_line: MemoryLine) -> None:
    ref = report(memory_line)
    assert command(memory_line, DUTY, f"CHUYEN {ref} Tây Thạnh", times=3) == [200] * 3
    kinds = [e["kind"] for e in memory_line.store.events[ref]]
    assert kinds.count("transferred") == 1
    assert len([t for t in memory_line.texts(WARD_27013) if ref in t]) == 1
    assert len([t for t in memory_line.texts(CITIZEN) if "chuyển đến" in t]) == 1


def test_an_answer_zalo_failed_to_deliver_comes_later_and_the_note_stays_single(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"NHAN {ref}")
    memory_line.standin.fault(DUTY, http_status=500, times=1)
    memory_line.standin.send_text(DUTY, "Đã tới hiện trường")
    (event,) = memory_line.publisher.take()
    # The answer's retry is recorded: the router acknowledges, and a redelivery
    # writes no second note and tries nothing before the retry time.
    assert [memory_line.deliver(event) for _ in range(2)] == [200, 200]
    assert not last(memory_line, DUTY).startswith(f"Đã ghi vào {ref}.")
    memory_line.advance(minutes=2)
    memory_line.escalate()  # the escalator's sweep retries the failed answer
    assert len(memory_line.tip(ref)["notes"]) == 1
    assert last(memory_line, DUTY).startswith(f"Đã ghi vào {ref}.")


def test_an_officer_writing_notes_faster_than_a_citizens_fair_use_is_answered_every_time(
    memory_line: MemoryLine,
) -> None:
    # Fair use (issue 14) throttles a citizen beyond 20 messages in 10 minutes;
    # an officer's field notes from the scene are never throttled.
    ref = report(memory_line)
    command(memory_line, DUTY, f"NHAN {ref}")
    for n in range(25):
        memory_line.standin.send_text(DUTY, f"ok da ro, toi noi roi {n + 1}")
        assert memory_line.pump() == [200]
    answers = [t for t in memory_line.texts(DUTY) if t.startswith(f"Đã ghi vào {ref}")]
    assert len(answers) == 25
    assert memory_line.tip(ref)["note_count"] == 25
    notes = [
        m for m in memory_line.store.docs["messages"].values() if m["text"].startswith("ok da ro")
    ]
    assert {m["kind"] for m in notes} == {"chat"} and sum(m["throttled"] for m in notes) == 5
