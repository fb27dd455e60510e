"""Officers' commands through the router: officers write to the OA through the Zalo
stand-in, the webhook publishes, the router answers (helpers in tests/helpers.py)."""

from __future__ import annotations

import base64
from datetime import timedelta
from typing import Any

import pytest
from google.cloud.firestore_v1.base_query import FieldFilter

from shared.core.events import TipEvent
from shared.store.admin import create_invite, tip_trail
from tests.crash import Crash
from tests.helpers import (
    CITIZEN,
    CITY_COMMANDER,
    COMMANDER,
    DUTY,
    DUTY_ID,
    OTHER_27019,
    OTHER_WARD,
    alert_texts,
    command,
    deliver,
    escalate,
    report,
    take,
)
from tests.line import Line, push_to

pytestmark = pytest.mark.emulators
NEW_OFFICER = "7310000000000000042"


def officers_with_zalo(line: Line, zalo_user_id: str) -> list[str]:
    query = line.db.collection("officers").where(
        filter=FieldFilter("zalo_user_id", "==", zalo_user_id)
    )
    return [snap.id for snap in query.stream()]


def due_ids(line: Line) -> set[str]:
    return {ref.id for ref in line.db.collection("due").list_documents()}


def test_the_duty_officer_takes_a_tip_once_however_often_the_command_is_delivered(
    line: Line,
) -> None:
    ref = report(line)
    assert command(line, DUTY, f"NHẬN {ref}", times=3) == [200, 200, 200]
    tip = line.tip(ref)
    assert tip["status"] == "acknowledged" and tip["held_by"] == DUTY_ID
    (confirm,) = line.texts(DUTY)[1:]
    assert confirm.startswith(f"Đã ghi nhận: đồng chí nhận xử lý tin báo {ref}.")
    assert f"XONG {ref}" in confirm
    (told,) = line.texts(CITIZEN)[1:]
    assert told == (
        f"Tin báo {ref} của anh/chị đã được Công an phường Tân Sơn Nhì tiếp nhận xử lý. "
        "Xin cảm ơn anh/chị."
    )


def test_a_second_officer_of_the_ward_is_told_politely_that_the_tip_is_taken(line: Line) -> None:
    ref = report(line)
    command(line, DUTY, f"NHAN {ref}")
    assert command(line, OTHER_27019, f"NHAN {ref}") == [200]
    assert line.texts(OTHER_27019) == [
        f"Tin báo {ref} đã được đồng chí Bùi Thị Ngọc Lan (Công an phường Tân Sơn Nhì) nhận "
        "xử lý. Cảm ơn đồng chí. Nếu có thêm thông tin, đồng chí có thể gửi: "
        f"GHI {ref} <nội dung>."
    ]
    assert line.tip(ref)["held_by"] == DUTY_ID
    assert len(line.texts(CITIZEN)) == 2  # the acknowledgement and one "taken"


def test_an_officer_of_another_ward_is_refused_and_nothing_changes(line: Line) -> None:
    ref = report(line)
    before = line.tip(ref)
    assert command(line, OTHER_WARD, f"NHAN {ref}") == [200]
    (refusal,) = line.texts(OTHER_WARD)
    assert refusal == (
        f"Tin báo {ref} do Công an phường Tân Sơn Nhì phụ trách nên đồng chí chưa thể nhận tin "
        "báo này. Nếu có thông tin về vụ việc, đồng chí vui lòng báo trực ban của Công an "
        "phường Tân Sơn Nhì."
    )
    after = line.tip(ref)
    assert after["status"] == "routed" and after["held_by"] is None
    assert after["updated_at"] == before["updated_at"]
    assert len(line.texts(CITIZEN)) == 1


def test_a_command_from_a_citizen_is_refused_as_not_enrolled(line: Line) -> None:
    ref = report(line)
    stranger = "8471209356612347999"
    assert command(line, stranger, f"NHAN {ref}") == [200]
    (refusal,) = line.texts(stranger)
    assert refusal.startswith("Tài khoản Zalo này chưa đăng ký cán bộ trực.")
    assert "DK [mã mời]" in refusal
    assert line.tip(ref)["status"] == "routed"


def test_resolving_a_taken_tip_tells_the_citizen_and_stops_the_ladder(line: Line) -> None:
    ref = report(line)
    command(line, DUTY, f"NHAN {ref}")
    taken = line.tip(ref)
    assert taken["due_at"] == taken["next_action_at"] is not None  # the resolve reminder
    assert command(line, DUTY, f"XONG {ref} Đã kiểm tra, lập biên bản 3 đối tượng") == [200]
    tip = line.tip(ref)
    assert tip["status"] == "resolved" and tip["resolved_by"] == DUTY_ID
    assert tip["outcome_note"] == "Đã kiểm tra, lập biên bản 3 đối tượng"
    assert tip["next_action_at"] is None and tip["due_at"] is None
    assert not due_ids(line)  # no `due` document either (the ladder's entry is on the tip)
    assert line.texts(DUTY)[-1] == f"Đã ghi nhận: tin báo {ref} đã xử lý xong. Cảm ơn đồng chí."
    told = line.texts(CITIZEN)[-1]
    assert told.startswith(f"Tin báo {ref} đã được Công an phường Tân Sơn Nhì xử lý xong.")
    assert "biên bản" not in told  # the officer's note stays inside


def test_a_tip_sent_up_goes_to_the_city_command_and_its_commander_is_alerted(line: Line) -> None:
    ref = report(line)
    reason = "Liên quan đường dây ma túy nhiều phường"
    assert command(line, DUTY, f"CHUYỂN {ref} cấp trên: {reason}") == [200]
    tip = line.tip(ref)
    assert tip["status"] == "routed" and tip["unit_id"] == "hcm-police"
    assert tip["transferred_from"] == "ward-27019" and tip["transfer_reason"] == reason
    assert line.texts(DUTY)[-1] == (
        f"Đã ghi nhận: tin báo {ref} đã được chuyển đến Công an Thành phố Hồ Chí Minh."
    )
    # The command has no duty officer: its ladder climbs to the commander at once.
    (alert,) = alert_texts(line, CITY_COMMANDER, ref)
    assert alert.startswith(f"🔔 TIN BÁO {ref} được Công an phường Tân Sơn Nhì chuyển đến")
    assert f"Lý do chuyển: {reason}" in alert
    assert line.texts(CITIZEN)[-1] == (
        f"Tin báo {ref} đã được chuyển đến Công an Thành phố Hồ Chí Minh để tiếp tục xử lý. "
        "Xin cảm ơn anh/chị."
    )


def test_a_commander_of_the_city_may_take_a_ward_tip(line: Line) -> None:
    ref = report(line)
    assert command(line, CITY_COMMANDER, f"NHAN {ref}") == [200]
    assert line.tip(ref)["held_by"] == "cb-hcm-cmd-1"


def test_rejecting_a_tip_closes_it(line: Line) -> None:
    ref = report(line)
    assert command(line, COMMANDER, f"KHÔNG {ref} tin nhắn quảng cáo") == [200]
    tip = line.tip(ref)
    assert tip["status"] == "closed" and tip["closed_by"] == "cb-27019-cmd-1"
    # Nobody had taken it: KHONG takes it and closes it in one step.
    assert line.texts(COMMANDER)[-1] == (
        f"Đã ghi nhận: đồng chí nhận tin báo {ref} và khép lại, không phải tin báo."
    )
    assert tip["taken_at"] == tip["closed_at"]
    assert line.texts(CITIZEN)[-1].startswith(f"Tin báo {ref} đã được xem xét và khép lại.")
    assert command(line, DUTY, f"NHAN {ref}") == [200]
    assert line.texts(DUTY)[-1].startswith(
        f"Tin báo {ref} đã được Công an phường Tân Sơn Nhì xử lý xong hoặc đã khép lại"
    )


def test_commands_are_understood_without_diacritics_and_in_lower_case(line: Line) -> None:
    ref = report(line)
    assert command(line, DUTY, f"nhan {ref.lower().replace('-', '')}") == [200]
    assert line.tip(ref)["held_by"] == DUTY_ID


def test_a_command_on_an_unknown_reference_is_refused(line: Line) -> None:
    ref = report(line)
    assert command(line, DUTY, "NHAN TB-22222") == [200]
    assert line.texts(DUTY)[-1] == (
        "Không tìm thấy tin báo TB-22222. Đồng chí vui lòng kiểm tra lại mã tin báo.\n"
        "Tin báo của đồng chí:\n"
        f"- {ref}: chờ nhận (Công an phường Tân Sơn Nhì)"
    )


# --- nothing twice: the tip remembers the commands applied to it -------------------------


def trail(line: Line, ref: str) -> list[str]:
    return [e["kind"] for e in tip_trail(line.db.collection("tips").document(ref).get())]


def _take_published(line: Line) -> tuple[str, dict[str, Any], TipEvent]:
    """A reported tip, and the duty officer's take as the webhook published it."""
    ref = report(line)
    line.standin.send_text(DUTY, f"NHAN {ref}")
    (body,) = take(line, 1)
    return ref, body, TipEvent.model_validate_json(base64.b64decode(body["message"]["data"]))


def test_a_command_event_carries_its_words_and_writer_and_its_message_is_not_read(
    line: Line,
) -> None:
    ref, body, event = _take_published(line)
    assert event.kind == "command" and event.text == f"NHAN {ref}"
    (key,) = [s.id for s in line.db.collection("messages").stream() if s.id == event.message_id]
    stored = line.db.collection("messages").document(key).get().to_dict() or {}
    assert event.reporter_key == stored["sender_key"] and DUTY not in body["message"]["data"]
    # Its message says otherwise now: the router acts on the event as it came.
    line.db.collection("messages").document(key).update({"text": f"XONG {ref}"})
    assert deliver(line, [body]) == [200]
    tip = line.tip(ref)
    assert tip["status"] == "acknowledged" and tip["held_by"] == DUTY_ID


def test_a_command_an_older_webhook_published_without_its_words_is_read_from_its_message(
    line: Line,
) -> None:
    ref, body, event = _take_published(line)
    bare = event.model_copy(update={"text": None, "reporter_key": None})
    body["message"]["data"] = base64.b64encode(bare.encode()).decode()
    assert deliver(line, [body], times=2) == [200, 200]
    assert line.tip(ref)["held_by"] == DUTY_ID and trail(line, ref).count("taken") == 1


@pytest.mark.parametrize(
    ("words", "outcome", "answer"),
    [
        ("NHAN {ref}", "taken", "Đã ghi nhận: đồng chí nhận xử lý tin báo {ref}."),
        (
            "XONG {ref} đã xử lý",
            "resolved",
            "Đã ghi nhận: đồng chí nhận và xử lý xong tin báo {ref}.",
        ),
    ],
)
def test_a_command_redelivered_after_a_crash_past_its_act_acts_once_answered_as_the_first(
    line: Line, words: str, outcome: str, answer: str
) -> None:
    ref = report(line)
    router, _escalator, crashes = line.crashing()
    line.standin.send_text(DUTY, words.format(ref=ref))
    (body,) = take(line, 1)
    crashes.arm(1)  # the act's commit: the tip changed, nobody answered, nothing handled
    with pytest.raises(Crash):
        push_to(router, body)
    # Pub/Sub redelivers it to a new instance, then once more after it was handled.
    assert deliver(line, [body], times=2) == [200, 200]
    assert trail(line, ref).count(outcome) == 1 and "refused" not in trail(line, ref)
    # The officer's answer and the citizen's notice were recorded with the act, claimed
    # by the instance that died (issue 18, round 13): the sweep sends each once the
    # claim lapses; the redeliveries sent nothing.
    assert line.texts(DUTY)[1:] == []
    line.advance(minutes=2)
    assert escalate(line).failures == 0
    (confirm,) = line.texts(DUTY)[1:]  # after the alert: one answer, the first's
    assert confirm.startswith(answer.format(ref=ref))
    assert len(line.texts(CITIZEN)) == 2  # the acknowledgement and one notice


def test_a_forward_redelivered_after_the_tip_moved_on_forwards_nothing_again(
    line: Line,
) -> None:
    ref = report(line)
    router, _escalator, crashes = line.crashing()
    line.standin.send_text(DUTY, f"CHUYEN {ref} cấp trên: đường dây nhiều phường")
    (forward,) = take(line, 1)
    crashes.arm(1)  # forwarded, then the instance died: nobody answered
    with pytest.raises(Crash):
        push_to(router, forward)
    assert command(line, CITY_COMMANDER, f"NHAN {ref}") == [200]
    # The forward comes again, out of order: after the receiving unit took the tip.
    assert deliver(line, [forward], times=2) == [200, 200]
    tip = line.tip(ref)
    assert tip["unit_id"] == "hcm-police" and tip["held_by"] == "cb-hcm-cmd-1"
    assert trail(line, ref).count("transferred") == 1 and "refused" not in trail(line, ref)
    # The answer was recorded with the forward, claimed by the instance that died: the
    # sweep sends it, once, when the claim lapses.
    line.advance(minutes=2)
    assert escalate(line).failures == 0
    (confirm,) = line.texts(DUTY)[1:]
    assert confirm.startswith(f"Đã ghi nhận: tin báo {ref} đã được chuyển đến")


def test_a_refused_command_delivered_again_is_refused_once_in_the_trail(line: Line) -> None:
    ref = report(line)
    command(line, DUTY, f"NHAN {ref}")
    assert command(line, OTHER_27019, f"NHAN {ref}", times=3) == [200, 200, 200]
    assert trail(line, ref).count("refused") <= 1
    assert len(line.texts(OTHER_27019)) == 1


def test_a_command_answered_while_zalo_is_down_is_answered_once_when_it_is_back(
    line: Line,
) -> None:
    ref = report(line)
    line.standin.fault("*", http_status=500)
    line.standin.send_text(DUTY, f"NHAN {ref}")
    (body,) = take(line, 1)
    assert deliver(line, [body], times=3) == [200, 200, 200]  # held: acknowledged each time
    assert line.texts(DUTY)[1:] == [] and trail(line, ref).count("taken") == 1
    line.standin.clear_faults()
    line.advance(minutes=2)
    assert escalate(line).failures == 0  # the sweep sends what was held
    assert deliver(line, [body]) == [200]
    (confirm,) = line.texts(DUTY)[1:]
    assert confirm.startswith(f"Đã ghi nhận: đồng chí nhận xử lý tin báo {ref}.")
    assert trail(line, ref).count("taken") == 1


# --- enrolment ---------------------------------------------------------------------------


def test_an_invite_enrols_one_officer_once(line: Line) -> None:
    invite = create_invite(line.db, "ward-27019", "Trần Văn Mới", "duty_officer", line.clock.now())
    assert command(line, NEW_OFFICER, f"DK {invite.code.lower()}") == [200]
    (welcome,) = line.texts(NEW_OFFICER)
    assert welcome.startswith(
        "Đăng ký thành công. Đồng chí Trần Văn Mới (cán bộ trực, Công an phường Tân Sơn Nhì)"
    )
    officer = line.db.collection("officers").document(f"cb-{invite.code.lower()}").get().to_dict()
    assert officer is not None
    assert officer["zalo_user_id"] == NEW_OFFICER and officer["unit_id"] == "ward-27019"
    used = line.db.collection("invites").document(invite.code).get().to_dict() or {}
    assert used["used_at"] is not None
    someone_else = "7310000000000000043"
    assert command(line, someone_else, f"ĐK {invite.code}") == [200]
    assert line.texts(someone_else) == [
        "Mã mời đã được sử dụng. Mỗi mã chỉ dùng được một lần; "
        "vui lòng liên hệ đơn vị để được cấp mã mới."
    ]
    bound = officers_with_zalo(line, someone_else)
    assert bound == []


def test_an_expired_invite_enrols_nobody(line: Line) -> None:
    issued = line.clock.now() - timedelta(hours=25)
    invite = create_invite(line.db, "ward-27019", "Trần Văn Trễ", "duty_officer", issued)
    assert command(line, NEW_OFFICER, f"DK {invite.code}") == [200]
    (answer,) = line.texts(NEW_OFFICER)
    assert answer.startswith("Mã mời đã hết hạn")
    assert officers_with_zalo(line, NEW_OFFICER) == []


# --- check-in ------------------------------------------------------------------------------


def test_an_officer_on_duty_checks_in_and_is_told_the_shift_times(line: Line) -> None:
    assert command(line, DUTY, "trực") == [200]
    assert line.texts(DUTY) == [
        "Đã ghi nhận đồng chí Bùi Thị Ngọc Lan vào ca trực 07:00–19:00 ngày 01/12/2026 "
        "tại Công an phường Tân Sơn Nhì. Chúc đồng chí ca trực an toàn."
    ]
    officer = line.db.collection("officers").document(DUTY_ID).get().to_dict() or {}
    assert officer["last_check_in_at"] == line.clock.now()


def test_a_check_in_from_a_citizen_is_refused(line: Line) -> None:
    assert command(line, CITIZEN, "TRUC") == [200]
    (refusal,) = line.texts(CITIZEN)
    assert refusal.startswith("Tài khoản Zalo này chưa đăng ký cán bộ trực.")
