"""The router's and the escalator's use cases on the in-memory store, in milliseconds.

Each story goes in through the webhook as Zalo would deliver it (the stand-in
signs and posts), and the test reads what each person received. The same
stories run on the Firestore and Pub/Sub emulators in tests/test_router*.py and
tests/test_escalator.py; these pin the use cases without the emulators' cost.
"""

from __future__ import annotations

import json
from collections import Counter

from shared.core.events import TipEvent
from shared.store.collections import EXPIRING
from shared.store.ports import Quarantined
from shared.zalo import signature
from tests.memory_line import APP_ID, OA_ID, OA_SECRET_KEY, MemoryLine
from tests.sends import memory_sends

CITIZEN = "8471209356612347001"
TIP = "Co nhom thanh nien dung ma tuy o khach san duong Tan Son Nhi, phuong Tan Son Nhi"
DUTY_ID, DUTY = "cb-27019-2", "demo-officer-27019-2"
COMMANDER = "demo-officer-27019-cmd-1"
OTHER_WARD = "demo-officer-27013-2"
DESK_DUTY = "demo-officer-desk-2"


def report(line: MemoryLine, text: str = TIP, user: str = CITIZEN) -> str:
    line.citizen_says(user, text)
    assert line.pump() == [200]
    return str(line.only_tip()["ref"])


def command(line: MemoryLine, user: str, text: str, times: int = 1) -> list[int]:
    line.standin.send_text(user, text)
    return line.pump(times=times)


def sent_steps(line: MemoryLine) -> Counter[str]:
    return Counter(a["step"] for a in line.alerts() if a["status"] == "sent")


def test_a_tip_without_diacritics_reaches_the_ward_duty_officer_once(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    tip = memory_line.tip(ref)
    assert tip["status"] == "routed" and tip["unit_id"] == "ward-27019"
    (alert,) = memory_line.texts(DUTY)
    assert alert.startswith(f"🔔 TIN BÁO MỚI {ref}") and f"NHAN {ref}" in alert
    (ack,) = memory_line.texts(CITIZEN)
    assert f"Mã tin báo: {ref}" in ack


def test_the_first_alert_goes_out_from_the_routing_decision_in_one_change(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    kinds = [e["kind"] for e in memory_line.store.events[ref]]
    assert kinds == ["routed"]  # routed once; no second decision
    assert memory_line.tip(ref)["ladder"]["step"] == 1


def test_a_message_delivered_three_times_out_of_order_alerts_each_officer_once(
    memory_line: MemoryLine,
) -> None:
    memory_line.citizen_says(CITIZEN, TIP)
    memory_line.citizen_shares(CITIZEN, "10.7987", "106.6301")
    assert set(memory_line.pump(times=3, shuffle=True)) == {200}
    assert len(memory_line.texts(DUTY)) == 1
    assert len(memory_line.texts(CITIZEN)) == 1
    assert [a["officer_id"] for a in memory_line.alerts()] == [DUTY_ID]


def test_a_tip_naming_no_place_goes_to_the_desk_and_moves_to_its_ward_with_a_location(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line, "co nguoi ban ma tuy o quan ca phe dau hem")
    assert memory_line.tip(ref)["unit_id"] == "hcm-desk"
    assert any(ref in t for t in memory_line.texts(DESK_DUTY))
    _ack, ask = memory_line.texts(CITIZEN)
    assert "gửi vị trí" in ask
    memory_line.citizen_shares(CITIZEN, "10.7777", "106.6400")
    assert memory_line.pump() == [200]
    tip = memory_line.tip(ref)
    assert tip["unit_id"] == "ward-27031" and tip["ladder"]["step"] == 1
    assert [e["kind"] for e in memory_line.store.events[ref]][-1] == "rerouted"
    assert any(ref in t for t in memory_line.texts("demo-officer-27031-2"))


def test_an_unreachable_duty_officer_moves_the_ladder_to_the_commander_at_once(
    memory_line: MemoryLine,
) -> None:
    memory_line.standin.fault(DUTY, error=-230)
    ref = report(memory_line)
    tip = memory_line.tip(ref)
    assert tip["unreachable"] == [DUTY_ID] and tip["ladder"]["step"] == 2
    assert any(ref in t for t in memory_line.texts(COMMANDER))
    assert "climbed" in [e["kind"] for e in memory_line.store.events[ref]]


def test_a_passing_zalo_failure_keeps_its_retry_time_through_redeliveries_then_sends_once(
    memory_line: MemoryLine,
) -> None:
    memory_line.standin.fault(DUTY, http_status=500, times=1)
    memory_line.citizen_says(CITIZEN, TIP)
    (event,) = memory_line.publisher.take()
    # The failed alert's retry is recorded: the router acknowledges, and
    # redeliveries before its retry time try nothing (no attempt is burnt).
    assert [memory_line.deliver(event) for _ in range(3)] == [200, 200, 200]
    (alert,) = memory_line.alerts()
    assert alert["status"] == "failed" and alert["attempts"] == 1
    assert memory_line.texts(DUTY) == []
    memory_line.advance(minutes=1)
    assert memory_line.escalate().sent == 1
    assert len(memory_line.texts(DUTY)) == 1
    (alert,) = memory_line.alerts()
    assert alert["status"] == "sent" and alert["attempts"] == 2


def test_take_then_resolve_tells_the_citizen_and_ends_the_ladder(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    assert command(memory_line, DUTY, f"nhan {ref.lower()}", times=2) == [200, 200]
    assert memory_line.texts(DUTY)[-1].startswith(f"Đã ghi nhận: đồng chí nhận xử lý tin báo {ref}")
    assert command(memory_line, DUTY, f"XONG {ref} da xu ly") == [200]
    tip = memory_line.tip(ref)
    assert tip["status"] == "resolved" and tip["resolved_by"] == DUTY_ID
    assert tip["due_at"] is None  # off the schedule: the ladder has ended
    citizen = memory_line.texts(CITIZEN)
    assert len(citizen) == 3 and ref in citizen[1] and ref in citizen[2]


def test_an_officer_of_another_ward_is_refused_and_the_trail_records_nothing_else(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    command(memory_line, OTHER_WARD, f"NHAN {ref}")
    assert memory_line.texts(OTHER_WARD)[-1].startswith(
        f"Tin báo {ref} do Công an phường Tân Sơn Nhì phụ trách nên đồng chí chưa thể nhận"
    )
    assert memory_line.tip(ref)["status"] == "routed"


def test_a_second_officer_cannot_take_a_taken_tip(memory_line: MemoryLine) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"NHAN {ref}")
    command(memory_line, COMMANDER, f"NHAN {ref}")
    assert memory_line.tip(ref)["held_by"] == DUTY_ID
    refused = [e for e in memory_line.store.events[ref] if e["kind"] == "refused"]
    assert refused and refused[0]["data"]["reason"] == "already_taken"


def test_a_transfer_sends_the_tip_up_and_pages_the_parent_unit(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"CHUYEN {ref} cap tren vuot tham quyen")
    tip = memory_line.tip(ref)
    assert tip["unit_id"] == "hcm-police" and tip["transferred_from"] == "ward-27019"
    # The city police has no duty officer of its own on the demo roster: its
    # ladder climbs at once to the duty commander.
    # A new ladder, a cycle on: its alerts' keys never repeat the ward's.
    assert tip["ladder"]["cycle"] == 1 and tip["ladder"]["step"] == 2
    assert any(ref in t for t in memory_line.texts("demo-officer-hcm-cmd-1"))
    assert any(ref in t for t in memory_line.texts(CITIZEN)[1:])


def test_the_escalator_climbs_each_step_once_and_overdue_at_the_end(
    memory_line: MemoryLine,
) -> None:
    report(memory_line)
    for minutes in (5, 10, 15, *([30] * 5)):
        memory_line.advance(minutes=minutes)
        assert memory_line.escalate().failures == 0
    memory_line.advance(minutes=30)
    memory_line.escalate()
    steps = sent_steps(memory_line)
    assert {s for s in steps if s.endswith("r0")} == {"c0s1r0", "c0s2r0", "c0s3r0", "c0s4r0"}
    assert memory_line.only_tip()["overdue_at"] is not None


def test_two_escalator_runs_at_the_same_minute_act_once(memory_line: MemoryLine) -> None:
    report(memory_line)
    memory_line.advance(minutes=5)
    first, second = memory_line.escalate(), memory_line.escalate()
    assert first.steps == 1 and second.steps == 0
    assert sent_steps(memory_line)["c0s2r0"] == 2  # the duty officer and the commander


def test_a_taken_tip_left_unresolved_is_reminded_then_released(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"NHAN {ref}")
    for hours in (24, 4, 4):  # the resolve time, then two reminders' worth
        memory_line.advance(hours=hours)
        memory_line.escalate()
    tip = memory_line.tip(ref)
    assert tip["status"] == "routed" and tip["released_from"] == DUTY_ID
    assert {"c0m1", "c0m2", "c1s1r0"} <= set(sent_steps(memory_line))
    assert any("giao lại cho ca trực" in t for t in memory_line.texts(DUTY))


def test_a_message_no_router_handled_is_republished_then_handed_to_the_desk(
    memory_line: MemoryLine,
) -> None:
    memory_line.citizen_says(CITIZEN, TIP)
    memory_line.publisher.take()  # lost: the router never sees it
    for minutes in (3, 3, 5, 9):
        memory_line.advance(minutes=minutes)
        memory_line.escalate()
        memory_line.publisher.take()  # and the republished copies are lost too
    tip = memory_line.only_tip()
    assert tip["status"] == "routed" and tip["unit_id"] == "hcm-desk"
    assert tip["routing_failure"] == "routing failed repeatedly"


def test_a_residence_question_gets_the_assistant_and_changes_no_tip(
    memory_line: MemoryLine,
) -> None:
    memory_line.citizen_says(CITIZEN, "cho hoi dang ky tam tru can giay to gi vay?")
    assert memory_line.pump() == [200]
    answer = memory_line.texts(CITIZEN)
    assert answer and "tạm trú" in answer[0].lower()
    assert not memory_line.store.docs["tips"]


def test_a_citizen_checking_the_line_is_told_how_to_report_and_changes_no_tip(
    memory_line: MemoryLine,
) -> None:
    for text in ("alo co ai truc ko ad", "lam sao de bao tin cho cong an vay"):
        before = len(memory_line.texts(CITIZEN))
        memory_line.citizen_says(CITIZEN, text)
        assert memory_line.pump(times=2) == [200, 200]  # delivered twice: answered once
        welcome, menu = memory_line.texts(CITIZEN)[before:]
        assert welcome.startswith("Xin chào anh/chị. Đây là kênh Zalo tiếp nhận tin báo")
        assert "Để báo tin" in welcome and "113" in welcome and "Tổ tiếp nhận" in menu
    assert not memory_line.store.docs["tips"]


def test_buttons_zalo_refuses_are_dropped_and_the_question_back_still_arrives(
    memory_line: MemoryLine,
) -> None:
    # Buttons on a consultation message are unconfirmed: if Zalo refuses the shape
    # (-233 message type invalid), the same text goes again without them.
    memory_line.standin.fault(error=-233, with_attachment=True)
    memory_line.citizen_says(CITIZEN, "cho hoi lam tt can giay to gi")
    assert memory_line.pump() == [200]
    (received,) = memory_line.standin.inbox(CITIZEN)
    assert received["attachment"] is None
    # The text alone says what to type, since no button may be under it.
    assert '"tạm trú"' in received["text"] and '"thường trú"' in received["text"]


def test_the_stay_question_without_its_buttons_says_what_to_type_and_typing_it_works(
    memory_line: MemoryLine,
) -> None:
    memory_line.standin.fault(error=-201, with_attachment=True)
    memory_line.citizen_says(CITIZEN, "nha e co dua em ho len choi thi co phai khai bao gi ko a")
    assert memory_line.pump() == [200]
    (asked,) = memory_line.standin.inbox(CITIZEN)
    assert asked["attachment"] is None and "30 ngày" in asked["text"]
    assert '"lưu trú"' in asked["text"] and '"tạm trú"' in asked["text"]
    memory_line.standin.clear_faults()
    memory_line.citizen_says(CITIZEN, "luu tru")
    assert memory_line.pump() == [200]
    answer = memory_line.texts(CITIZEN)[-1].lower()
    assert "lưu trú" in answer and "xin chọn trường hợp" not in answer


def test_each_accepted_send_keeps_the_quota_zalo_answered_with(memory_line: MemoryLine) -> None:
    ref = report(memory_line)
    (ack,) = [r for k, r in memory_sends(memory_line.store, "replies").items() if k == f"ack:{ref}"]
    # The stand-in gives 8 free replies in the 48 h after the citizen wrote.
    assert ack["status"] == "sent"
    assert ack["quota"] == {"quota_type": "reply", "remain": "7", "total": "8"}


def test_a_shared_contact_joins_the_tip_as_evidence_with_its_phone(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    memory_line.standin.send_business_card(CITIZEN, "0912345678", "https://qr.zalo.me/x/abc")
    assert memory_line.pump() == [200]
    tip = memory_line.tip(ref)
    assert len(memory_line.store.docs["tips"]) == 1
    # The duty officer's update names the card by its phone, with its link.
    update = [t for t in memory_line.texts(DUTY) if "Danh thiếp 0912345678" in t]
    assert update and "https://qr.zalo.me/x/abc" in update[0], memory_line.texts(DUTY)
    assert tip["ref"] == ref


def test_a_contact_shared_alone_twice_is_one_tip_naming_the_phone(memory_line: MemoryLine) -> None:
    sent = memory_line.standin.send_business_card(CITIZEN, "0987000111", "https://qr.zalo.me/x/q")
    assert sent["status"] == 200
    assert set(memory_line.pump(times=2)) == {200}
    tip = memory_line.only_tip()
    assert tip["status"] != "open" or tip.get("unit_id")  # routed like any tip
    assert any(
        "0987000111" in t for officer in (DESK_DUTY, DUTY) for t in memory_line.texts(officer)
    )


# --- Zalo's anonymous chat and the OA's own chat tool (issue 16) -------------------------

ANONYMOUS = "anon-5c1e0a9f7d"


def test_an_anonymous_tip_reaches_the_ward_whose_officers_learn_nobody_can_answer(
    memory_line: MemoryLine,
) -> None:
    sent = memory_line.standin.send_anonymous(ANONYMOUS, TIP)
    assert sent["event_name"] == "anonymous_send_text" and sent["status"] == 200
    assert set(memory_line.pump(times=2)) == {200}
    tip = memory_line.only_tip()
    assert tip["unit_id"] == "ward-27019"
    (alert,) = memory_line.texts(DUTY)
    assert "ẩn danh" in alert and "không thể nhắn lại" in alert
    # Nothing is sent to the anonymous id: the consultation API cannot reach it.
    assert memory_line.texts(ANONYMOUS) == []
    # A question from the anonymous chat goes to the desk as words, never to the
    # assistant, whose answer could not reach its sender.
    memory_line.standin.send_anonymous("anon-77aa", "cho hoi dang ky tam tru can giay to gi")
    assert memory_line.pump() == [200]
    assert len(memory_line.store.docs["tips"]) == 2
    assert memory_line.texts("anon-77aa") == []


def test_a_reply_from_the_oa_chat_joins_the_tip_and_stops_the_ladder(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    before = len(memory_line.texts(DUTY))
    reply = "Cam on ban, cong an phuong dang xuong kiem tra. Ban dung gan do khong?"
    assert memory_line.standin.oa_chat_reply(CITIZEN, reply)["status"] == 200
    assert set(memory_line.pump(times=2)) == {200}
    tip = memory_line.tip(ref)
    assert tip["held_by"] == "oa-chat" and tip["status"] == "acknowledged"
    (note,) = tip["notes"]
    assert note["text"] == reply and note["name"] == "Cán bộ trả lời trên trang quản lý OA"
    # The desk answered: nobody is paged again for it.
    memory_line.advance(minutes=30)
    memory_line.escalate()
    memory_line.pump()
    assert len(memory_line.texts(DUTY)) == before
    assert not memory_line.texts(COMMANDER)
    # The trail says how it was answered.
    kinds = [e.get("kind") for e in memory_line.store.events[ref]]
    assert kinds.count("answered_in_oa_chat") == 1


def test_an_echo_of_what_tinbao_sent_and_a_reply_to_someone_without_a_tip_change_nothing(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    tip = memory_line.tip(ref)
    # What tinbao sends comes back as oa_send_text without admin_id: not a person.
    echo = memory_line.standin.oa_chat_reply(CITIZEN, "Tin báo đã nhận", admin_id=None)
    assert echo["status"] == 200
    assert memory_line.publisher.take() == []
    # A person's reply to someone with no tip is forwarded and changes nothing.
    assert memory_line.standin.oa_chat_reply("9990001112223334445", "Chao ban")["status"] == 200
    assert memory_line.pump() == [200]
    assert memory_line.tip(ref) == tip


def test_typing_what_the_menu_says_reaches_an_officer_without_its_buttons(
    memory_line: MemoryLine,
) -> None:
    # The menu's second message tells citizens to type "gặp cán bộ" when no button shows.
    memory_line.citizen_says(CITIZEN, "gặp cán bộ")
    memory_line.pump()
    assert any("chuyển đến cán bộ" in t for t in memory_line.texts(CITIZEN)), memory_line.texts(
        CITIZEN
    )


# --- the door: durable first, fair use ------------------------------------------------------

KEPT = "Tin nhắn của anh/chị đã được lưu lại nhưng hệ thống chưa đọc được tự động."
BUSY = "Anh/chị đã gửi nhiều tin nhắn trong thời gian ngắn."


def test_storage_down_the_citizen_is_answered_200_and_the_router_stores_it_later(
    memory_line: MemoryLine,
) -> None:
    memory_line.store.down = True
    sent = memory_line.citizen_says(CITIZEN, TIP)
    assert sent["status"] == 200 and not memory_line.store.docs["messages"]
    (deferred,) = memory_line.publisher.published
    assert deferred.kind == "intake.deferred"
    assert memory_line.deliver(deferred) == 500  # still down: Pub/Sub redelivers
    memory_line.store.down = False
    assert memory_line.deliver(deferred) == 200
    assert memory_line.deliver(deferred) == 200  # a redelivery stores and routes nothing twice
    tip = memory_line.only_tip()
    assert tip["status"] == "routed" and len(memory_line.texts(DUTY)) == 1
    assert len(memory_line.texts(CITIZEN)) == 1


def test_storage_and_pubsub_both_down_is_the_only_503(memory_line: MemoryLine) -> None:
    memory_line.store.down = True
    memory_line.publisher.fail = True
    assert memory_line.citizen_says(CITIZEN, TIP)["status"] == 503


def test_thirty_follow_ups_bring_the_duty_officer_one_update_then_one_grouped_update(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    memory_line.citizen_says(CITIZEN, "nguoi ta van dang dung o day, lan 0")
    assert memory_line.pump() == [200]
    _alert, update = memory_line.texts(DUTY)
    assert update.startswith(f"Tin báo {ref} có thêm thông tin") and "lan 0" in update
    for n in range(1, 30):
        memory_line.citizen_says(CITIZEN, f"nguoi ta van dang dung o day, lan {n}")
    assert set(memory_line.pump()) == {200}
    assert len(memory_line.texts(DUTY)) == 2  # held back during the pause
    memory_line.advance(minutes=5)
    memory_line.escalate()
    grouped = [t for t in memory_line.texts(DUTY) if "được gộp" in t]
    assert len(grouped) == 1 and "gửi thêm 29 tin nhắn" in grouped[0]
    assert "lan 29" in grouped[0]  # the latest words first
    memory_line.advance(minutes=5)
    memory_line.escalate()
    assert len([t for t in memory_line.texts(DUTY) if ref in t and "thêm" in t]) == 2
    assert memory_line.tip(ref)["told_count"] == 31


def test_ten_requests_for_an_officer_open_one_hand_off(memory_line: MemoryLine) -> None:
    for n in range(10):
        memory_line.citizen_says(CITIZEN, "cho toi gap can bo de hoi ve tam tru" + "!" * n)
    assert set(memory_line.pump()) == {200}
    (question,) = memory_line.store.docs["questions"].values()
    assert question["more"] == 9 and question["expire_at"] is not None
    handoffs = [t for t in memory_line.texts(DESK_DUTY) if question["code"] in t]
    assert len(handoffs) == 1


def test_beyond_fair_use_messages_are_kept_and_the_citizen_told_once(
    memory_line: MemoryLine,
) -> None:
    for n in range(25):
        memory_line.citizen_says(CITIZEN, f"cho hoi dang ky tam tru can giay to gi, lan {n}")
    assert set(memory_line.pump()) == {200}
    assert len(memory_line.store.docs["messages"]) == 25
    throttled = [m for m in memory_line.store.docs["messages"].values() if m["throttled"]]
    assert len(throttled) == 5
    texts = memory_line.texts(CITIZEN)
    assert len([t for t in texts if t.startswith(BUSY)]) == 1


def test_a_message_of_a_kind_zalo_added_is_kept_raw_and_the_citizen_answered(
    memory_line: MemoryLine,
) -> None:
    memory_line.standin.record_interaction(CITIZEN)
    item = Quarantined(
        key="app:m-card",
        reason="unknown_event",
        detail="user_send_business_card",
        received_at=memory_line.clock.now(),
        raw=b"{}",
        event_name="user_send_business_card",
        oa_id="388613280878808645",
        user_id=CITIZEN,
    )
    assert memory_line.store.quarantine(item, 30)
    event = TipEvent(
        kind="quarantined", message_id=item.key, oa_id=item.oa_id, at=memory_line.clock.now()
    )
    assert memory_line.deliver(event) == 200 and memory_line.deliver(event) == 200
    (answer,) = memory_line.texts(CITIZEN)
    assert answer.startswith(KEPT)


def signed_event(line: MemoryLine, changes: dict[str, object]) -> tuple[bytes, dict[str, str]]:
    """A text event signed like Zalo (with `changes`), sent at the line's time."""
    event = {
        "app_id": APP_ID,
        "sender": {"id": CITIZEN},
        "recipient": {"id": OA_ID},
        "event_name": "user_send_text",
        "message": {"msg_id": "m-odd", "text": "alo"},
        "timestamp": str(int(line.clock.now().timestamp() * 1000)),
        **changes,
    }
    raw = json.dumps(event).encode()
    header = signature.header_for(APP_ID, raw, str(event["timestamp"]), OA_SECRET_KEY)
    return raw, {"X-ZEvent-Signature": header}


def test_every_document_of_an_expiring_collection_carries_its_expiry(
    memory_line: MemoryLine,
) -> None:
    """What infra/firestore.yaml puts a TTL policy on (collections.EXPIRING) is what
    the line writes with `expire_at`; everything else it writes is kept on purpose."""
    ref = report(memory_line)
    memory_line.citizen_says(CITIZEN, "ho dang o phong 302")
    command(memory_line, DUTY, f"NHAN {ref}")
    memory_line.citizen_says(CITIZEN, "cho toi gap can bo de hoi ve tam tru")
    memory_line.pump()
    memory_line.store.down = True
    memory_line.citizen_says("8471209356612347002", "co danh nhau o hem 5")
    memory_line.store.down = False
    memory_line.pump()
    odd = signed_event(memory_line, {"sender": {"id": 8471209356612347003}})
    assert memory_line.webhook.handle("POST", odd[1], lambda _n: odd[0])[0]["status"] == (
        "quarantined"
    )
    written = {c for c, found in memory_line.store.docs.items() if found}
    kept = {"units", "officers", "rosters", "due"}  # the seed, and the schedule's own lifetime
    assert written - kept <= set(EXPIRING), written
    for collection in written - kept:
        for key, doc in memory_line.store.docs[collection].items():
            assert doc.get("expire_at") is not None, (collection, key)
    for trail in memory_line.store.events.values():
        assert all(e["expire_at"] is not None for e in trail)
