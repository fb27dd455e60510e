"""The citizen's conversation (issue 12) on the in-memory store: each story goes in
through the webhook as Zalo would deliver it, written as citizens write (with and
without diacritics, typos), and the test reads what each person received."""

from __future__ import annotations

from tests.memory_line import MemoryLine
from tests.test_usecases import CITIZEN, DUTY, command, report

NEIGHBOUR = "8471209356612347999"
WARD = "Công an phường Tân Sơn Nhì"
OFFICER_NAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "cb-27019", "demo-officer")


def ask(line: MemoryLine, text: str, user: str = CITIZEN) -> str:
    """The one answer a citizen gets to `text`."""
    before = len(line.texts(user))
    line.citizen_says(user, text)
    assert set(line.pump(times=2)) == {200}  # delivered twice: answered once
    after = line.texts(user)
    assert len(after) == before + 1, after[before:]
    return after[-1]


def no_officer_in(text: str) -> None:
    assert not any(name in text for name in OFFICER_NAMES), text


def test_a_citizen_asks_by_code_in_any_spelling_and_hears_the_stage_unit_and_time(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    code = ref.removeprefix("TB-")
    for asked in (ref, f"tb{code.lower()} sao roi", f"Tin báo TB - {code} của tôi sao rồi ạ?"):
        answer = ask(memory_line, asked)
        assert answer.startswith(f"Tin báo {ref} anh/chị gửi lúc 09:00 ngày 01/12/2026")
        assert f"chuyển đến {WARD}" in answer and "113" in answer
        no_officer_in(answer)
    assert memory_line.tip(ref)["message_count"] == 1  # asking added nothing to the tip
    assert len(memory_line.texts(DUTY)) == 1  # and paged nobody


def test_a_citizen_asks_in_words_and_hears_about_their_latest_tip_as_it_moves(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    memory_line.advance(minutes=3)
    command(memory_line, DUTY, f"nhan {ref}")
    taken = ask(memory_line, "cong an toi chua vay")
    assert f"Tin báo {ref}" in taken and f"{WARD} tiếp nhận xử lý lúc 09:03" in taken
    no_officer_in(taken)
    memory_line.advance(minutes=40)
    command(memory_line, DUTY, f"xong {ref} da giai tan")
    done = ask(memory_line, "tin bao cua minh xu ly toi dau roi a")
    assert "xử lý xong lúc 09:43 ngày 01/12/2026" in done
    assert "nhắn lại trong cuộc trò chuyện này" in done


def test_only_the_informant_can_ask_about_a_tip(memory_line: MemoryLine) -> None:
    ref = report(memory_line)
    answer = ask(memory_line, f"cho hoi {ref} sao roi", user=NEIGHBOUR)
    assert answer.startswith(f"Không tìm thấy tin báo mã {ref} trong các tin báo anh/chị")
    assert WARD not in answer  # nothing of the other citizen's tip
    assert ask(memory_line, "cong an den chua", user=NEIGHBOUR).startswith(
        "Hiện chưa có tin báo nào anh/chị đã gửi"
    )


def test_a_mistyped_code_is_not_found_rather_than_guessed(memory_line: MemoryLine) -> None:
    ref = report(memory_line)
    wrong = "TB-" + ("A" if ref[3] != "A" else "B") + ref[4:]
    assert ask(memory_line, wrong).startswith(f"Không tìm thấy tin báo mã {wrong}")


def test_a_residence_question_still_gets_the_assistant_from_a_citizen_with_a_tip(
    memory_line: MemoryLine,
) -> None:
    report(memory_line)
    answer = ask(memory_line, "cho hoi dang ky tam tru can giay to gi vay?")
    assert "tạm trú" in answer.lower() and "Tin báo" not in answer


def test_a_resolved_tip_thanks_the_citizen_and_says_they_may_write_back(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"XONG {ref} da xu ly, giai tan nhom thanh nien", times=2)
    resolved = [t for t in memory_line.texts(CITIZEN) if "xử lý xong" in t]
    assert len(resolved) == 1  # told once, though the command came twice
    (told,) = resolved
    assert told.startswith(f"Tin báo {ref} đã được {WARD} xử lý xong.")
    assert "Cảm ơn anh/chị" in told and "nhắn lại trong cuộc trò chuyện này" in told
    assert "giai tan" not in told  # the officer's outcome note is theirs, not the citizen's
    no_officer_in(told)


# --- (1) the conversation around a tip -------------------------------------------------

COMMANDER = "demo-officer-27019-cmd-1"
DESK_DUTY = "demo-officer-desk-2"


def events(line: MemoryLine, ref: str) -> list[dict]:
    return list(line.store.events[ref])


def test_a_tip_closed_too_early_is_reopened_when_the_citizen_writes_nobody_came(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"KHONG {ref} khong thay gi")
    memory_line.advance(hours=2)
    memory_line.citizen_says(CITIZEN, "cong an ko toi, no lai danh vo nua roi")
    assert set(memory_line.pump(times=2)) == {200}
    tip = memory_line.tip(ref)
    assert tip["status"] == "routed" and tip["held_by"] is None
    assert tip["ladder"]["cycle"] == 1 and tip["ladder"]["step"] == 1  # restarted
    reopened = [e for e in events(memory_line, ref) if e["kind"] == "reopened"]
    assert len(reopened) == 1
    assert reopened[0]["data"]["finished_by"] == "cb-27019-2"
    assert reopened[0]["data"]["was"] == "closed"
    (alert,) = [t for t in memory_line.texts(DUTY) if "MỞ LẠI" in t]
    assert alert.startswith(f"🔁 TIN BÁO MỞ LẠI {ref}")
    assert "no lai danh vo nua" in alert and "đã khép lại" in alert and f"NHAN {ref}" in alert
    reopened_told, complaint_told = memory_line.texts(CITIZEN)[-2:]
    assert reopened_told.startswith(f"Tin báo {ref} đã được mở lại") and "113" in reopened_told
    # "Nobody came" is also a complaint about the ward: the desk and the unit above hear it.
    assert complaint_told.startswith(f"Phản ánh của anh/chị về việc xử lý tin báo {ref}")
    assert "lãnh đạo Công an Thành phố Hồ Chí Minh" in complaint_told
    for officer in (DESK_DUTY, "demo-officer-hcm-cmd-1"):
        (complaint,) = [t for t in memory_line.texts(officer) if "PHẢN ÁNH" in t]
        assert f"{WARD} xử lý tin báo {ref}" in complaint and "no lai danh vo" in complaint
    assert not any("tạm trú" in t.lower() for t in memory_line.texts(CITIZEN))  # no menu
    # The message's own tip is never routed: it joined the tip it reopened.
    others = [t for r, t in memory_line.store.docs["tips"].items() if r != ref]
    assert [(t["status"], t["joined_into"]) for t in others] == [("withdrawn", ref)]
    # And the ward takes it again.
    command(memory_line, DUTY, f"nhan {ref}")
    assert memory_line.tip(ref)["status"] == "acknowledged"


def test_a_citizen_whose_tips_were_not_counted_yet_still_has_their_earlier_tip_found(
    memory_line: MemoryLine,
) -> None:
    """A citizen's first tip is looked for no earlier tip (intake counted none); a
    `senders` document written before tips were counted says nothing of the sort."""
    ref = report(memory_line)
    first = memory_line.tip(ref)
    assert first["first_tip"] is True
    command(memory_line, DUTY, f"KHONG {ref} khong thay gi")
    del memory_line.store.docs["senders"][first["reporter_key"]]["tips_total"]
    memory_line.advance(hours=2)
    memory_line.citizen_says(CITIZEN, "cong an ko toi, no lai danh vo nua roi")
    assert set(memory_line.pump(times=2)) == {200}
    assert memory_line.tip(ref)["status"] == "routed"  # reopened by the new tip's words
    (other,) = [t for r, t in memory_line.store.docs["tips"].items() if r != ref]
    assert (other["first_tip"], other["status"], other["joined_into"]) == (False, "withdrawn", ref)


def test_it_is_back_in_words_reopens_a_resolved_tip_from_a_question(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"XONG {ref} da giai tan")
    memory_line.advance(hours=5)
    memory_line.citizen_says(CITIZEN, "sao chua thay ai toi vay")
    assert set(memory_line.pump(times=2)) == {200}
    assert memory_line.tip(ref)["status"] == "routed"
    assert len(memory_line.store.docs["tips"]) == 1  # a question opens no tip
    assert any("MỞ LẠI" in t and "đã báo xử lý xong" in t for t in memory_line.texts(DUTY))


def test_past_the_window_nobody_came_is_a_new_tip(memory_line: MemoryLine) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"XONG {ref}")
    memory_line.advance(hours=25)
    memory_line.citizen_says(CITIZEN, "cong an ko toi, no lai danh vo nua roi")
    assert memory_line.pump() == [200]
    assert memory_line.tip(ref)["status"] == "resolved"
    (new,) = [t for r, t in memory_line.store.docs["tips"].items() if r != ref]
    assert new["status"] == "routed"


def test_what_a_citizen_writes_to_a_taken_tip_after_the_intake_window_reaches_its_holder(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"NHAN {ref}")
    memory_line.advance(minutes=45)
    memory_line.citizen_says(CITIZEN, "anh oi cho em hoi them chut, bao lau nua cac anh toi")
    assert set(memory_line.pump(times=2)) == {200}
    updates = [t for t in memory_line.texts(DUTY) if "bao lau nua" in t]
    assert len(updates) == 1 and updates[0].startswith(f"Tin báo {ref} có thêm thông tin")
    told = memory_line.texts(CITIZEN)[-1]
    assert told.startswith("Tin nhắn của anh/chị đã được chuyển đến cán bộ phụ trách")
    assert not any("tạm trú" in t.lower() for t in memory_line.texts(CITIZEN))


def test_after_a_resolve_a_word_reaches_the_officer_who_resolved_and_thanks_reach_nobody(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"XONG {ref} da xu ly")
    before = len(memory_line.texts(CITIZEN))
    memory_line.citizen_says(CITIZEN, "Cảm ơn anh nhiều ạ")
    memory_line.pump()
    assert len(memory_line.texts(CITIZEN)) == before  # no menu
    memory_line.citizen_says(CITIZEN, "anh oi cho em hoi, nguoi do co bi phat khong")
    memory_line.pump()
    (update,) = [t for t in memory_line.texts(DUTY) if "co bi phat" in t]
    assert update.startswith(f"Tin báo {ref} (đồng chí đã báo xử lý xong)")
    assert memory_line.tip(ref)["status"] == "resolved"
    assert not any("Cảm ơn anh" in t for t in memory_line.texts(DUTY))


# --- (5) complaints about the police -------------------------------------------------


def test_a_complaint_about_rude_officers_reaches_the_desk_and_the_unit_above(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"nhan {ref}")
    memory_line.advance(hours=1)
    memory_line.citizen_says(CITIZEN, "Cán bộ trực thái độ rất hách dịch, quát nạt dân")
    assert set(memory_line.pump(times=2)) == {200}
    for officer in (DESK_DUTY, "demo-officer-hcm-cmd-1"):
        (complaint,) = [t for t in memory_line.texts(officer) if "PHẢN ÁNH" in t]
        assert "hách dịch" in complaint and ref in complaint
    # The holder still sees what the citizen wrote about their tip.
    assert any("hách dịch" in t for t in memory_line.texts(DUTY))
    assert len(memory_line.store.docs["tips"]) == 2  # the message's own tip joined the first
    told = memory_line.texts(CITIZEN)[-1]
    assert told.startswith(f"Phản ánh của anh/chị về việc xử lý tin báo {ref}")
    no_officer_in(told)


def test_a_complaint_joining_the_open_tip_minutes_later_also_reaches_the_desk_and_above(
    memory_line: MemoryLine,
) -> None:
    """Within intake's window the words join the tip as news for its own officers; a
    complaint about them must still reach the desk and the unit above."""
    ref = report(memory_line)
    command(memory_line, DUTY, f"nhan {ref}")
    memory_line.advance(minutes=5)
    memory_line.citizen_says(CITIZEN, "can bo nhan roi ma thai do hach dich, quat nat dan")
    assert set(memory_line.pump(times=2)) == {200}  # delivered twice: sent once
    assert len(memory_line.store.docs["tips"]) == 1  # it joined the tip
    for officer in (DESK_DUTY, "demo-officer-hcm-cmd-1"):
        (complaint,) = [t for t in memory_line.texts(officer) if "PHẢN ÁNH" in t]
        assert "hach dich" in complaint and ref in complaint
    told = [t for t in memory_line.texts(CITIZEN) if t.startswith("Phản ánh của anh/chị")]
    assert len(told) == 1 and ref in told[0]
    no_officer_in(told[0])


# --- (7) everyone knows where a tip went --------------------------------------------------


def test_a_desk_tip_moving_to_its_ward_is_told_to_the_desk_and_the_citizen(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line, "co nguoi ban ma tuy o quan ca phe dau hem")
    assert memory_line.tip(ref)["unit_id"] == "hcm-desk"
    memory_line.citizen_shares(CITIZEN, "10.7777", "106.6400")
    assert set(memory_line.pump(times=2)) == {200}
    assert memory_line.tip(ref)["unit_id"] == "ward-27031"
    (moved,) = [t for t in memory_line.texts(DESK_DUTY) if "theo vị trí" in t]
    assert "đến Công an phường Tân Phú" in moved and "không cần xử lý tiếp" in moved
    told = [t for t in memory_line.texts(CITIZEN) if "được chuyển đến" in t]
    assert told == [
        f"Tin báo {ref} đã được chuyển đến Công an phường Tân Phú để tiếp tục xử lý. "
        "Xin cảm ơn anh/chị."
    ]
    # The ward's officers get the tip itself, not the notice that it moved.
    assert not any("không cần xử lý tiếp" in t for t in memory_line.texts("demo-officer-27031-2"))


# --- (6) department tips keep their ward ----------------------------------------------------


def test_a_fire_tip_alerts_the_department_and_its_ward_for_information(
    memory_line: MemoryLine,
) -> None:
    ref = report(
        memory_line, "Cháy nhà ở hẻm 12 đường Tân Sơn Nhì, phường Tân Sơn Nhì, khói lớn lắm"
    )
    assert memory_line.tip(ref)["unit_id"] == "dept-fire"
    (copy,) = [t for t in memory_line.texts(DUTY) if ref in t]
    assert copy.startswith(f"📍 TIN BÁO {ref} trên địa bàn phường")
    assert "không cần nhận" in copy and f"NHAN {ref}" not in copy


def test_a_location_after_a_department_tip_tells_every_alert_its_ward(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line, "chay nha lon lam, khoi mu mit")
    tip = memory_line.tip(ref)
    assert tip["unit_id"] == "dept-fire" and tip["ward_code"] is None
    paged = {a["officer_id"] for a in memory_line.alerts()}
    assert paged
    memory_line.citizen_shares(CITIZEN, "10.7777", "106.6400")
    assert set(memory_line.pump(times=2)) == {200}
    tip = memory_line.tip(ref)
    assert tip["unit_id"] == "dept-fire" and tip["ward_code"] == "27031"
    assert [e["kind"] for e in memory_line.store.events[ref]].count("located") == 1
    found = [a for a in memory_line.alerts() if a["step"] == "located-27031"]
    assert {a["officer_id"] for a in found} == paged
    assert all("thuộc phường Tân Phú" in a["text"] for a in found)
    (copy,) = [t for t in memory_line.texts("demo-officer-27031-2") if ref in t]
    assert copy.startswith(f"📍 TIN BÁO {ref}")


# --- (8) two-way and anonymous --------------------------------------------------------------


def test_an_officer_asks_the_informant_and_the_answer_reaches_them_anonymously(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"NHAN {ref}")
    command(memory_line, DUTY, f"hoi {ref.lower()} Nha so may, co may nguoi?", times=2)
    asked = [t for t in memory_line.texts(CITIZEN) if "cần hỏi thêm" in t]
    assert len(asked) == 1
    assert asked[0].startswith(f"{WARD} cần hỏi thêm về tin báo {ref}")
    assert "\nNha so may, co may nguoi\n" in asked[0]
    no_officer_in(asked[0])
    assert memory_line.texts(DUTY)[-1].startswith(f"Đã gửi câu hỏi đến người báo tin {ref}")
    memory_line.advance(hours=2)  # past the intake window: the answer still joins the tip
    memory_line.citizen_says(CITIZEN, "nha so 45 hem 12, khoang 5 6 thanh nien dang hut")
    assert set(memory_line.pump(times=2)) == {200}
    (answer,) = [t for t in memory_line.texts(DUTY) if "nha so 45" in t]
    assert answer.startswith(f"Tin báo {ref} có thêm thông tin từ người báo")
    assert CITIZEN not in answer
    tips = memory_line.store.docs["tips"]
    assert [t["status"] for r, t in tips.items() if r != ref] == ["withdrawn"]
    asked_events = [e for e in memory_line.store.events[ref] if e["kind"] == "asked"]
    assert len(asked_events) == 1


def test_an_informant_out_of_zalos_window_cannot_be_asked_and_the_officer_is_told(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"NHAN {ref}")
    memory_line.standin.fault(CITIZEN, error=-213)  # Zalo: the user has not interacted lately
    command(memory_line, DUTY, f"HOI {ref} anh con o do khong?")
    assert memory_line.texts(DUTY)[-1].startswith(f"Chưa gửi được câu hỏi đến người báo tin {ref}")


def test_asking_needs_the_tips_code(memory_line: MemoryLine) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"NHAN {ref}")
    before = len(memory_line.texts(CITIZEN))
    command(memory_line, DUTY, "hoi lai chi huy roi bao sau")
    assert len(memory_line.texts(CITIZEN)) == before  # nothing reached the citizen


def test_a_reopened_tip_taken_and_resolved_again_is_told_again(memory_line: MemoryLine) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"NHAN {ref}")
    command(memory_line, DUTY, f"XONG {ref}")
    memory_line.citizen_says(CITIZEN, "van chua ai xu ly, bon no van con do")
    memory_line.pump()
    command(memory_line, DUTY, f"NHAN {ref}")
    command(memory_line, DUTY, f"XONG {ref} da bat giu")
    told = memory_line.texts(CITIZEN)
    assert sum("tiếp nhận xử lý" in t for t in told) == 2
    assert sum("xử lý xong" in t for t in told) == 2


def test_an_impatient_citizen_hears_where_the_tip_stands_and_a_withdrawal_goes_to_officers(
    memory_line: MemoryLine,
) -> None:
    """Words joining an open tip are news for its officers; the citizen, told to send
    more, hears nothing back — unless they ask why nobody came yet, or to withdraw it."""
    ref = report(memory_line)
    acknowledged = len(memory_line.texts(CITIZEN))
    memory_line.advance(minutes=4)
    memory_line.citizen_says(CITIZEN, "no van dang o do, dung truoc cua khach san")
    assert set(memory_line.pump(times=2)) == {200}
    assert len(memory_line.texts(CITIZEN)) == acknowledged  # news: nothing owed back

    memory_line.citizen_says(CITIZEN, "sao chua thay ai toi vay troi")
    assert set(memory_line.pump(times=2)) == {200}  # delivered twice: answered once
    (where,) = memory_line.texts(CITIZEN)[acknowledged:]
    assert where.startswith(f"Tin báo {ref} anh/chị gửi lúc 09:00 ngày 01/12/2026")
    assert f"chuyển đến {WARD}" in where and "113" in where
    no_officer_in(where)

    memory_line.citizen_says(CITIZEN, "thoi huy tin bao giup em, em nham nha")
    assert set(memory_line.pump(times=2)) == {200}
    withdraw = memory_line.texts(CITIZEN)[-1]
    assert withdraw.startswith(f"Yêu cầu hủy tin báo {ref} của anh/chị đã được chuyển")
    assert len(memory_line.texts(CITIZEN)) == acknowledged + 2
    assert memory_line.tip(ref)["status"] == "routed"  # only an officer closes a tip
    memory_line.advance(minutes=6)
    memory_line.escalate()
    memory_line.pump()
    told = "\n".join(memory_line.texts(DUTY))
    assert "sao chua thay ai toi vay troi" in told and "huy tin bao giup em" in told


def test_asked_as_a_question_it_is_answered_the_same_and_still_reaches_the_officers(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    where = ask(memory_line, "cong an dau het roi?")
    assert where.startswith(f"Tin báo {ref} anh/chị gửi lúc") and f"chuyển đến {WARD}" in where
    assert ask(memory_line, "huy tin bao duoc khong a?").startswith(f"Yêu cầu hủy tin báo {ref}")
    told = "\n".join(memory_line.texts(DUTY))
    assert "cong an dau het roi?" in told and "huy tin bao duoc khong a?" in told


def test_a_report_told_as_a_question_is_a_tip_not_the_menu(memory_line: MemoryLine) -> None:
    text = "thằng bán xe cũ bán cho tui chiếc xe bị đục số khung, nó không chịu trả tiền, giờ sao"
    memory_line.citizen_says(CITIZEN, text)
    assert set(memory_line.pump(times=2)) == {200}
    ((ref, tip),) = memory_line.store.docs["tips"].items()
    assert tip["classification"]["reasons"][0].startswith("mô hình: tip")
    alerts = [t for who in (DUTY, DESK_DUTY) for t in memory_line.texts(who) if ref in t]
    (alert,) = alerts
    assert "đục số khung" in alert
    assert "questions" not in memory_line.store.docs or not memory_line.store.docs["questions"]
    told = memory_line.texts(CITIZEN)
    assert any(ref in t for t in told)  # the tip's acknowledgement, not the menu


def test_an_earlier_report_asked_after_hears_where_it_stands_and_pages_nobody(
    memory_line: MemoryLine,
) -> None:
    # "hồi sáng tui có báo vụ ..., có ai nhận chưa": the report named with its matter, where it
    # stands asked (classify: kind other, topic tip_status), never a second tip
    ref = report(memory_line)
    memory_line.advance(minutes=90)
    answer = ask(memory_line, "hoi sang tui co bao vu tui nghien o khach san, co ai nhan chua vay")
    assert answer.startswith(f"Tin báo {ref} anh/chị gửi lúc 09:00 ngày 01/12/2026"), answer
    assert memory_line.only_tip()["ref"] == ref and len(memory_line.texts(DUTY)) == 1
    # a citizen whose report never arrived is told so and asked to send it
    lost = ask(memory_line, "tối qua tôi có nhắn báo vụ trộm xe, các anh nhận được chưa", NEIGHBOUR)
    assert lost.startswith("Hiện chưa có tin báo nào anh/chị đã gửi") and "nội dung" in lost
