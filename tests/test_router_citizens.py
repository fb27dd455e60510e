"""What citizens receive and what their follow-ups do, through the router on the
emulators (helpers in tests/helpers.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from shared.core.refcode import is_question_code
from shared.core.seed import load_seed
from shared.store.admin import tip_trail
from tests.conftest import APP_ID, load_sample
from tests.helpers import CITIZEN, DUTY, DUTY_ID, alert_texts, command, pump, report
from tests.line import SEED, Line
from tests.webhook_client import post, webhook_app

pytestmark = pytest.mark.emulators
NO_PLACE = "Có người bán ma túy ở quán cà phê đầu hẻm"
TAN_PHU = ("10.7777", "106.6400")  # inside ward 27031 (Tân Phú)
DESK_DUTY = "demo-officer-desk-2"  # the desk's duty officer at DAY


def test_a_tip_naming_no_place_asks_the_citizen_for_the_location(line: Line) -> None:
    ref = report(line, NO_PLACE)
    tip = line.tip(ref)
    assert tip["unit_id"] == "hcm-desk" and tip["ward_code"] is None
    ack, ask = line.texts(CITIZEN)
    assert ack.startswith("Tổ tiếp nhận tin báo khu vực Tân Phú đã tiếp nhận tin báo")
    assert "gửi vị trí" in ask and "địa chỉ: số nhà, hẻm, tên đường, phường" in ask
    assert ask.endswith(f"Mã tin báo: {ref}.")
    assert len(alert_texts(line, DESK_DUTY, ref)) == 1


def test_a_location_shared_later_moves_a_desk_tip_to_its_ward(line: Line) -> None:
    ref = report(line, NO_PLACE)
    line.citizen_shares(CITIZEN, *TAN_PHU)
    assert pump(line) == [200]
    tip = line.tip(ref)
    assert tip["status"] == "routed" and tip["unit_id"] == "ward-27031"
    assert tip["ward_code"] == "27031" and tip["ladder"]["step"] == 1
    (alert,) = alert_texts(line, "demo-officer-27031-2", ref)
    assert "Phường: Tân Phú (theo vị trí người báo chia sẻ)" in alert
    assert f"https://maps.google.com/?q={TAN_PHU[0]},{TAN_PHU[1]}" in alert
    assert "bán ma túy ở quán cà phê" in alert
    told = line.texts(CITIZEN)
    assert sum("gửi vị trí" in t for t in told) == 1  # not asked again
    assert told[-1] == (
        f"Tin báo {ref} đã được chuyển đến Công an phường Tân Phú để tiếp tục xử lý. "
        "Xin cảm ơn anh/chị."
    )
    (moved,) = [t for t in line.texts(DESK_DUTY) if "theo vị trí người báo chia sẻ" in t]
    assert moved.startswith(f"Tin báo {ref} đã được chuyển từ Tổ tiếp nhận tin báo")


def test_what_a_citizen_adds_to_a_taken_tip_reaches_only_the_officer_holding_it(
    line: Line,
) -> None:
    ref = report(line)
    command(line, DUTY, f"NHAN {ref}")
    others = {
        user: len(line.texts(user)) for user in ("demo-officer-27019-cmd-1", "demo-officer-27019-1")
    }
    line.citizen_says(CITIZEN, "Bọn họ vừa chuyển sang phòng 302, có xe máy biển số 59X1-23456")
    assert pump(line) == [200]
    update = line.texts(DUTY)[-1]
    assert update.startswith(f"Tin báo {ref} có thêm thông tin từ người báo:")
    assert "phòng 302" in update and "59X1-23456" in update
    assert "NHAN" not in update  # it is already theirs
    assert {user: len(line.texts(user)) for user in others} == others
    assert line.tip(ref)["held_by"] == DUTY_ID


def test_a_sticker_after_a_taken_tip_brings_the_officer_nothing(line: Line) -> None:
    ref = report(line)
    command(line, DUTY, f"NHAN {ref}")
    before = len(line.texts(DUTY))
    sticker = load_sample("user_send_sticker")
    sticker["sender"]["id"] = CITIZEN
    sticker["timestamp"] = str(int(line.clock.now().timestamp() * 1000))
    assert post(webhook_app(), sticker).json["tip"] == ref  # it joined the tip
    assert pump(line) == [200]
    assert len(line.texts(DUTY)) == before


def test_an_urgent_tip_is_acknowledged_with_the_emergency_numbers_first(line: Line) -> None:
    ref = report(line, "Đang có người cầm dao chém nhau trước chợ, phường Tân Sơn Nhì")
    assert line.tip(ref)["classification"]["severity"] == "urgent"
    ack = line.texts(CITIZEN)[0]
    assert ack.startswith("Nếu đang có nguy hiểm, anh/chị hãy gọi ngay 113 (Công an), 114")
    assert "115 (Cấp cứu y tế)" in ack and f"Mã tin báo: {ref}" in ack


def test_a_residence_tip_is_followed_by_the_short_rule(line: Line) -> None:
    ref = report(
        line,
        "Nhà trọ số 12 đường Tân Sơn Nhì, phường Tân Sơn Nhì có nhiều người lạ ở "
        "mà không đăng ký tạm trú",
    )
    ack, rule = line.texts(CITIZEN)
    assert ref in ack
    assert rule.startswith("Quy định liên quan:")
    assert "đăng ký tạm trú" in rule and "Luật Cư trú" in rule


def test_a_residence_tip_about_foreigners_is_followed_by_the_hosts_rule_once(
    line: Line,
) -> None:
    # round 32 (asst-32): it was followed by the citizens' tạm trú rule (30 days, its fines),
    # a wrong legal fact for a foreigner's host; the router's delivery comes twice
    line.citizen_says(
        CITIZEN,
        "phong tro ben canh nha so 12 duong Tan Son Nhi p Tan Son Nhi co 3 nguoi Han Quoc o 2 "
        "thang roi, chu tro ko khai bao gi het",
    )
    assert set(pump(line, times=2)) == {200}
    tip = line.only_tip()
    assert tip["classification"]["category"] == "residence"
    told = line.texts(CITIZEN)
    assert tip["ref"] in told[0]
    (rule,) = [t for t in told if t.startswith("Quy định liên quan:")]  # once
    assert "12 giờ" in rule and "Luật số 47/2014/QH13" in rule
    assert "30 ngày" not in rule and "Luật Cư trú" not in rule


def test_a_lost_wallet_goes_to_the_ward_and_the_citizen_learns_how_to_reissue_papers(
    line: Line,
) -> None:
    ref = report(
        line,
        "Em đánh rơi cái bóp có CCCD với bằng lái ở gần chợ, phường Tân Sơn Nhì, "
        "ai nhặt được cho em xin lại",
    )
    tip = line.tip(ref)
    assert tip["classification"]["category"] == "lost_property"
    assert tip["unit_id"] == "ward-27019" and tip["classification"]["severity"] == "normal"
    (alert,) = alert_texts(line, DUTY, ref)
    assert "Mất hoặc nhặt được tài sản, giấy tờ" in alert
    ack, advice = line.texts(CITIZEN)
    assert ref in ack
    assert advice.startswith("Quy định liên quan:")
    assert "cấp lại" in advice and "VNeID" in advice and "Bộ luật Dân sự" in advice


def test_advertising_opens_no_tip_and_gets_no_answer(line: Line) -> None:
    sent = line.citizen_says(
        CITIZEN, "Vay tiền nhanh trong ngày, chỉ cần CCCD, không thẩm định, LH 0909 123 456"
    )
    assert pump(line) == [200]
    assert line.texts(CITIZEN) == []
    assert list(line.db.collection("tips").stream()) == []
    message = line.db.collection("messages").document(f"{APP_ID}:{sent['msg_id']}").get()
    assert message.get("handled") is True and message.get("kind") == "chat"


def test_a_question_this_line_does_not_handle_is_told_where_to_ask(line: Line) -> None:
    line.citizen_says(CITIZEN, "doi bang lai xe o dau vay anh")
    assert pump(line) == [200]
    (answer,) = line.texts(CITIZEN)
    assert "không giải quyết việc cấp, đổi giấy phép lái xe" in answer
    assert "Cảnh sát giao thông" in answer and "Luật Cư trú" not in answer
    assert list(line.db.collection("tips").stream()) == []


def test_a_foreign_guest_gets_the_foreigners_rule_never_the_citizens(line: Line) -> None:
    line.citizen_says(CITIZEN, "Nhà em có bạn người Hàn Quốc ở lại 2 đêm thì khai báo sao ạ")
    assert pump(line) == [200]
    answer = "\n".join(line.texts(CITIZEN))
    assert answer.startswith("Khai báo tạm trú cho người nước ngoài")
    assert "12 giờ" in answer and "Luật số 47/2014/QH13" in answer
    assert "23 giờ" not in answer


def test_no_citizen_text_names_an_officer_and_no_alert_carries_the_citizen(line: Line) -> None:
    officers = load_seed(Path(SEED).read_text(encoding="utf-8")).officers
    ref = report(line)
    command(line, DUTY, f"NHAN {ref}")
    line.citizen_says(CITIZEN, "Họ vẫn còn ở đó")
    pump(line)
    command(line, DUTY, f"XONG {ref} đã xử lý, anh Huỳnh Thanh Phong hỗ trợ")
    to_citizen = line.texts(CITIZEN)
    assert len(to_citizen) == 3  # acknowledged, taken, resolved
    for text in to_citizen:
        for officer in officers:
            assert officer.name not in text, (officer.name, text)
            assert officer.officer_id not in text
            assert not officer.zalo_user_id or officer.zalo_user_id not in text
    to_officers = [t for o in officers if o.zalo_user_id for t in line.texts(o.zalo_user_id)]
    assert len(to_officers) >= 4  # the alert, the confirmation, the update, the confirmation
    assert all(CITIZEN not in text for text in to_officers)
    reporter_key = line.tip(ref)["reporter_key"]
    assert all(reporter_key not in text for text in to_officers)


# --- questions -------------------------------------------------------------------------------


def test_a_residence_question_is_answered_and_opens_no_tip(line: Line) -> None:
    sent = line.citizen_says(CITIZEN, "Đăng ký tạm trú cần những giấy tờ gì?")
    assert pump(line) == [200]
    (answer,) = line.texts(CITIZEN)
    assert answer.startswith("Đăng ký tạm trú")
    assert "Giấy tờ cần chuẩn bị" in answer
    assert list(line.db.collection("tips").stream()) == []
    message = line.db.collection("messages").document(f"{APP_ID}:{sent['msg_id']}").get()
    assert message.get("handled") is True and message.get("answered") is True


def test_asking_for_an_officer_opens_a_question_the_desk_answers_through_the_oa(
    line: Line,
) -> None:
    sent = line.citizen_says(CITIZEN, "gặp cán bộ")
    assert pump(line) == [200]
    (answer,) = line.texts(CITIZEN)
    assert "đã được chuyển đến cán bộ" in answer
    # The hand-off's code is drawn at random and linked from the message.
    message = line.db.collection("messages").document(f"{APP_ID}:{sent['msg_id']}").get()
    code = message.get("question_code")
    assert is_question_code(code)
    question = line.db.collection("questions").document(code).get()
    assert question.exists
    assert question.get("status") == "open" and question.get("text") == "gặp cán bộ"
    assert CITIZEN not in str(question.to_dict())
    assert list(line.db.collection("tips").stream()) == []
    # The desk's officers on duty are asked, with the code to answer by.
    asked = [a for a in line.alerts() if a["step"] == "handoff" and a["status"] == "sent"]
    assert asked and all(a["officer_id"].startswith("cb-desk") for a in asked)
    desk_officer = "demo-officer-" + asked[0]["officer_id"].removeprefix("cb-")
    assert any(f"TL {code}" in t and "gặp cán bộ" in t for t in line.texts(desk_officer))
    assert CITIZEN not in "".join(line.texts(desk_officer))
    # One officer answers; the citizen hears it from the unit, once.
    assert command(line, desk_officer, f"tl {code.lower()} Anh/chị mang CCCD đến trụ sở.") == [200]
    told = line.texts(CITIZEN)[-1]
    assert code in told and "Anh/chị mang CCCD đến trụ sở." in told
    assert line.db.collection("questions").document(code).get().get("status") == "answered"
    assert any("Đã gửi câu trả lời" in t for t in line.texts(desk_officer))
    other = "demo-officer-" + asked[-1]["officer_id"].removeprefix("cb-")
    assert command(line, other, f"TL {code} Trả lời lần hai") == [200]
    assert "Không tìm thấy câu hỏi" in line.texts(other)[-1]
    assert sum("Trả lời lần hai" in t for t in line.texts(CITIZEN)) == 0


def test_a_landlord_asking_an_officer_to_come_and_show_how_reaches_the_desk_not_a_ward(
    line: Line,
) -> None:
    # Lodgers and "khai báo" read like a residence tip to the learned model, but nobody
    # reports anything: the desk answers it as a question, and no ward is paged for a tip
    # (classify.yaml's guidance_visit; without it this opens a residence tip).
    sent = line.citizen_says(
        CITIZEN,
        "Nhà trọ em có 6 công nhân mới tới, nhờ anh công an khu vực xuống hướng dẫn "
        "tụi nó khai báo giùm em",
    )
    _handed_to_the_desk_once(line, sent["msg_id"])


def _handed_to_the_desk_once(line: Line, msg_id: str) -> tuple[str, list[dict[str, Any]]]:
    """Pub/Sub delivers the message twice: one question (its code on the message), one
    answer to the citizen, no tip, one page to each desk officer. The code and the pages."""
    assert line.pump(times=2) == [200, 200]
    (answer,) = line.texts(CITIZEN)
    assert "đã được chuyển đến cán bộ" in answer
    assert list(line.db.collection("tips").stream()) == []
    message = line.db.collection("messages").document(f"{APP_ID}:{msg_id}").get()
    code = message.get("question_code")
    assert is_question_code(code)
    assert [q.id for q in line.db.collection("questions").stream()] == [code]
    asked = line.alerts()
    assert asked and {a["step"] for a in asked} == {"handoff"}
    assert all(a["officer_id"].startswith("cb-desk") for a in asked)
    assert len({a["officer_id"] for a in asked}) == len(asked)
    return code, asked


def test_a_tenant_whose_landlord_will_not_sign_reaches_the_desk_once_not_a_menu(
    line: Line,
) -> None:
    # round 33 (asst-33): typed without marks, what to do asked after the landlord refused
    # to sign for the registration is the officers' to look into (assistant.yaml's
    # landlord_withholds_signature); on round 32's line it was answered with tạm trú's rules
    sent = line.citizen_says(
        CITIZEN,
        "chu tro ko chiu ky xac nhan cho em dang ky tam tru, noi muon thi tu lo, em thue o "
        "day 1 nam roi co hop dong dang hoang, gio em phai lam sao a",
    )
    code, asked = _handed_to_the_desk_once(line, sent["msg_id"])
    desk_officer = "demo-officer-" + asked[0]["officer_id"].removeprefix("cb-")
    assert any(code in t and "chu tro ko chiu ky" in t for t in line.texts(desk_officer))
    assert CITIZEN not in "".join(line.texts(desk_officer))


# --- Zalo's anonymous chat and the OA's own chat tool (issue 16), on the emulators -------


def test_a_reply_from_the_oa_chat_is_kept_on_the_tip_and_in_its_trail(line: Line) -> None:
    ref = report(line)
    reply = "Chung toi da nhan tin, ban co the gui them hinh anh khong?"
    assert line.standin.oa_chat_reply(CITIZEN, reply)["status"] == 200
    assert set(pump(line, times=2)) == {200}
    tip = line.tip(ref)
    assert tip["held_by"] == "oa-chat" and tip["status"] == "acknowledged"
    assert [n["text"] for n in tip["notes"]] == [reply]
    trail = tip_trail(line.db.document(f"tips/{ref}").get())
    answered = [e for e in trail if e.get("kind") == "answered_in_oa_chat"]
    assert len(answered) == 1 and answered[0]["data"]["text"] == reply


def test_an_anonymous_tip_is_stored_under_its_own_pseudonym_and_nothing_goes_back(
    line: Line,
) -> None:
    anonymous = "anon-31f0c2"
    assert line.standin.send_anonymous(anonymous, "co nguoi ban ma tuy o hem 12")["status"] == 200
    assert pump(line) == [200]
    tip = line.only_tip()
    assert tip["reporter_key"].startswith("a_")
    (alert,) = alert_texts(line, DESK_DUTY, tip["ref"])
    assert "ẩn danh" in alert
    assert line.texts(anonymous) == []
