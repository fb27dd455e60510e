"""The citizen's conversation (issue 12) through the webhook and the router on the
emulators: the same stories as tests/test_usecases_conversation.py, on the real
Firestore and Pub/Sub, each message delivered twice."""

from __future__ import annotations

import pytest

from shared.store.admin import tip_trail
from tests.helpers import CITIZEN, DUTY, command, report
from tests.line import Line

pytestmark = pytest.mark.emulators
NEIGHBOUR = "8471209356612347999"
WARD = "Công an phường Tân Sơn Nhì"


def ask(line: Line, text: str, user: str = CITIZEN) -> str:
    before = len(line.texts(user))
    line.citizen_says(user, text)
    assert set(line.pump(times=2)) == {200}
    after = line.texts(user)
    assert len(after) == before + 1, after[before:]
    return after[-1]


def test_status_by_code_or_in_words_only_for_the_informant(line: Line) -> None:
    ref = report(line)
    code = ref.removeprefix("TB-").lower()
    routed = ask(line, f"tb{code} sao roi")
    assert routed.startswith(f"Tin báo {ref} anh/chị gửi lúc") and WARD in routed
    command(line, DUTY, f"NHAN {ref}")
    taken = ask(line, "Công an tới chưa vậy?")
    assert f"{WARD} tiếp nhận xử lý lúc" in taken
    stranger = ask(line, f"TB-{code.upper()} xu ly toi dau roi", user=NEIGHBOUR)
    assert stranger.startswith(f"Không tìm thấy tin báo mã {ref}") and WARD not in stranger
    assert line.tip(ref)["message_count"] == 1


def test_an_impatient_status_question_alone_gets_the_status_not_the_menu(line: Line) -> None:
    # round 30 (kind-30b): "sao roi ad??" said alone asks after the writer's own tip; it
    # was read as a question naming nothing and answered with the residence menu
    ref = report(line)
    mine = ask(line, "sao roi ad??")
    assert mine.startswith(f"Tin báo {ref} anh/chị gửi lúc") and WARD in mine
    nothing_sent = ask(line, "anh oi toi dau roi a", user=NEIGHBOUR)
    assert nothing_sent.startswith("Hiện chưa có tin báo nào anh/chị đã gửi qua kênh này")
    assert ref not in nothing_sent
    assert line.tip(ref)["message_count"] == 1  # the question added nothing to the tip


def test_the_citizen_is_thanked_on_resolve_and_told_they_may_write_back(line: Line) -> None:
    ref = report(line)
    command(line, DUTY, f"xong {ref} da xu ly", times=2)
    (told,) = [t for t in line.texts(CITIZEN) if "xử lý xong" in t]
    assert "Cảm ơn anh/chị" in told and "tin báo sẽ được mở lại" in told


def test_a_closed_tip_is_reopened_by_nobody_came_and_taken_again(line: Line) -> None:
    ref = report(line)
    command(line, DUTY, f"KHONG {ref} khong phat hien gi")
    line.clock.advance(hours=1)
    line.standin.set_clock(line.clock.now())
    line.citizen_says(CITIZEN, "Công an không tới, nó lại đánh vợ nữa rồi")
    assert set(line.pump(times=2)) == {200}
    tip = line.tip(ref)
    assert tip["status"] == "routed" and tip["ladder"]["cycle"] == 1
    assert tip["reopened"]["finished_by"] == "cb-27019-2" and tip["reopened"]["was"] == "closed"
    trail = tip_trail(line.db.collection("tips").document(ref).get())
    (reopened,) = [e for e in trail if e["kind"] == "reopened"]
    assert reopened["actor"] == "citizen" and reopened["data"]["finished_by"] == "cb-27019-2"
    assert len([t for t in line.texts(DUTY) if "MỞ LẠI" in t]) == 1
    reopened_told, complaint_told = line.texts(CITIZEN)[-2:]
    assert reopened_told.startswith(f"Tin báo {ref} đã được mở lại")
    assert complaint_told.startswith(f"Phản ánh của anh/chị về việc xử lý tin báo {ref}")
    assert len([t for t in line.texts("demo-officer-desk-2") if "PHẢN ÁNH" in t]) == 1
    command(line, DUTY, f"nhan {ref}")
    assert line.tip(ref)["status"] == "acknowledged"


def test_a_word_to_a_taken_tip_reaches_its_holder_not_the_menu(line: Line) -> None:
    ref = report(line)
    command(line, DUTY, f"NHAN {ref}")
    line.clock.advance(minutes=45)
    line.standin.set_clock(line.clock.now())
    line.citizen_says(CITIZEN, "anh oi cho em hoi them, bao lau nua cac anh toi?")
    assert set(line.pump(times=2)) == {200}
    assert len([t for t in line.texts(DUTY) if "bao lau nua" in t]) == 1
    assert line.texts(CITIZEN)[-1].startswith("Tin nhắn của anh/chị đã được chuyển đến")


def test_a_plea_after_a_pin_turns_the_tip_urgent_once(line: Line) -> None:
    line.citizen_shares(CITIZEN, "10.7777", "106.6400")
    assert line.pump() == [200]
    ref = line.only_tip()["ref"]
    line.citizen_says(CITIZEN, "Hàng xóm đang đánh vợ, cứu với các anh ơi!!")
    assert set(line.pump(times=2)) == {200}
    tip = line.tip(ref)
    assert tip["classification"]["severity"] == "urgent" and tip["urgent_msg"]
    assert tip["policy"]["severity"] == "urgent"
    assert tip["due_at"] == tip["next_action_at"]  # the urgent ladder's entry
    assert len([t for t in line.texts("demo-officer-27031-2") if "KHẨN CẤP" in t]) == 1
    assert len([t for t in line.texts(CITIZEN) if "khẩn cấp" in t]) == 1


def test_a_fire_tip_without_a_place_learns_its_ward_and_tells_it(line: Line) -> None:
    ref = report(line, "chay nha lon lam, khoi mu mit")
    assert line.tip(ref)["unit_id"] == "dept-fire" and line.tip(ref)["ward_code"] is None
    paged = {a["officer_id"] for a in line.alerts()}
    line.citizen_shares(CITIZEN, "10.7777", "106.6400")
    assert set(line.pump(times=2)) == {200}
    tip = line.tip(ref)
    assert tip["unit_id"] == "dept-fire" and tip["ward_code"] == "27031"
    found = [a for a in line.alerts() if a["step"] == "located-27031"]
    assert paged and {a["officer_id"] for a in found} == paged
    copies = [t for t in line.texts("demo-officer-27031-2") if t.startswith(f"📍 TIN BÁO {ref}")]
    assert len(copies) == 1


def test_an_officer_asks_the_informant_through_the_oa_and_hears_the_answer(line: Line) -> None:
    ref = report(line)
    command(line, DUTY, f"NHAN {ref}")
    command(line, DUTY, f"HOI {ref} Nhà số mấy?", times=2)
    (asked,) = [t for t in line.texts(CITIZEN) if "cần hỏi thêm" in t]
    assert asked.startswith(f"{WARD} cần hỏi thêm về tin báo {ref}") and "Nhà số mấy" in asked
    line.clock.advance(hours=2)
    line.standin.set_clock(line.clock.now())
    line.citizen_says(CITIZEN, "nha so 45 hem 12 duong tan son nhi")
    assert set(line.pump(times=2)) == {200}
    assert len([t for t in line.texts(DUTY) if "nha so 45" in t]) == 1


def test_why_nobody_came_on_an_open_tip_is_answered_once_and_reaches_the_holder(
    line: Line,
) -> None:
    ref = report(line)
    command(line, DUTY, f"nhan {ref}")
    before = len(line.texts(CITIZEN))
    line.citizen_says(CITIZEN, "nhan roi ma sao lau qua vay, chua thay ai toi het")
    assert set(line.pump(times=2)) == {200}  # delivered twice: answered once
    (where,) = line.texts(CITIZEN)[before:]
    assert where.startswith(f"Tin báo {ref} anh/chị gửi lúc") and f"{WARD} tiếp nhận" in where
    assert any("chua thay ai toi het" in t for t in line.texts(DUTY))
    assert line.tip(ref)["status"] == "acknowledged"


def test_a_first_message_complaining_about_a_ward_goes_to_the_desk_and_above(
    line: Line,
) -> None:
    line.citizen_says(CITIZEN, "bao cong an p tan son nhi hoai ma ko ai xuong")
    assert set(line.pump(times=2)) == {200}  # a duplicate delivery: acted on once
    (doc,) = [d.to_dict() or {} for d in line.db.collection("tips").stream()]
    ref = doc["ref"]
    assert doc["unit_id"] == "hcm-desk" and doc["complaint_about"] == "ward-27019"
    line.citizen_shares(CITIZEN, "10.8012", "106.6285")  # a pin in that very ward
    assert set(line.pump(times=2)) == {200}
    assert line.tip(ref)["unit_id"] == "hcm-desk"  # not moved to the unit complained about
    assert line.texts(DUTY) == []
    for officer in ("demo-officer-desk-2", "demo-officer-hcm-cmd-1"):
        (alert,) = [t for t in line.texts(officer) if "PHẢN ÁNH" in t]  # once
        assert alert.startswith(f"📣 PHẢN ÁNH VỀ {WARD}") and ref in alert
    assert len(line.texts("demo-officer-hcm-cmd-1")) == 1  # the pin is the desk's news
    (told,) = line.texts(CITIZEN)
    assert told.startswith(f"Phản ánh của anh/chị về {WARD} đã được tiếp nhận với mã {ref}")


def test_a_threat_told_with_its_own_if_reaches_the_officer_not_the_menu(line: Line) -> None:
    # round 31 (kind-31): the threatener's "nếu … thì" is told, not supposed by the writer;
    # this message got the residence menu and no officer saw it
    text = (
        "no doa neu ko tra tien thi se toi nha dap pha, nha em o p Tan Son Nhi, "
        "gio toi phai lam sao"
    )
    line.citizen_says(CITIZEN, text)
    assert set(line.pump(times=2)) == {200}  # delivered twice: one tip, one alert
    tip = line.only_tip()
    assert tip["classification"]["category"] == "violence"
    (alert,) = [t for t in line.texts(DUTY) if tip["ref"] in t]
    assert "dap pha" in alert and CITIZEN not in alert
    (told,) = line.texts(CITIZEN)
    assert tip["ref"] in told and "Xin chào" not in told
