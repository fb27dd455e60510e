"""Principles of category and urgency added in round 27 (issue 17, points 2-4, cat-27), each on
the situation described rather than on a topic word. Tried on phrasings of our own, each beside
a near miss that must not change. The rules' own verdict is read (`by_rules`), so a retrained
model moves none of them; where the learned model is kept from overruling the rules, the whole
classifier (`classify`)."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules, classify
from tests.understanding import cases


def _read(text: str) -> tuple[str | None, str]:
    got = by_rules(text)
    assert got.kind == "tip", (text, got)
    return got.category, got.severity


# A fight only about to break out is the crowd's and the quarrel's (public order), no blow yet
@pytest.mark.parametrize(
    "text",
    [
        "hai đám thanh niên đứng chửi nhau trước tiệm net, xô đẩy qua lại, sắp đánh nhau tới nơi",
        "tu tap dong truoc quan bida tren Au Co, la het um xum, sap lao vo danh nhau roi",
    ],
)
def test_a_fight_about_to_break_out_is_public_order(text: str) -> None:
    assert classify(text).category == "public_order"
    assert by_rules(text).category == "public_order"


def test_a_fight_that_broke_out_stays_violence() -> None:
    text = "hai đám thanh niên chửi nhau trước tiệm net rồi đánh nhau, 1 đứa bị chảy máu đầu"
    assert _read(text)[0] == "violence"


def test_an_armed_crowd_about_to_fight_stays_weapons() -> None:
    text = "mấy chục đứa cầm mã tấu tụ tập ở bãi đất trống, sắp đánh nhau tới nơi"
    assert _read(text)[0] == "weapons"


# A man beating his wife told in English in the present: violence, urgent when heard now
def test_a_beating_told_in_english_heard_now_is_urgent_violence() -> None:
    text = "The man next door beats his wife, right now we can hear her screaming, please hurry"
    assert _read(text) == ("violence", "urgent")


def test_a_beating_told_in_english_as_a_habit_is_violence_not_urgent() -> None:
    text = "The man next door beats his wife, the whole building knows it. Can the police help?"
    assert _read(text) == ("violence", "normal")


# The writer beaten by someone unnamed: the blows beat their pretext (a parking place)
def test_someone_beaten_over_a_parking_place_is_violence() -> None:
    text = "chieu nay em bi nguoi ta danh o bai xe cho vi gianh cho dau xe, mat sung het"
    assert _read(text)[0] == "violence"


def test_a_parking_place_taken_by_others_is_no_beating() -> None:
    text = "cho dau xe truoc cua nha toi bi nguoi ta danh mat, xe ho dau chan luon loi di"
    assert _read(text)[0] == "traffic"


# Someone pushed down, named between, and their money taken: a robbery
def test_someone_pushed_down_and_robbed_is_a_robbery() -> None:
    text = "thằng kia vô tiệm xô ông té rồi lấy hết tiền trong tủ, giờ chạy ra đầu hẻm"
    assert _read(text)[0] == "robbery"


def test_someone_pushed_down_nothing_taken_is_no_robbery() -> None:
    text = "ông say rượu đi ngang chợ xô bà té rồi bỏ đi, bà trầy đầu gối, không mất gì"
    assert by_rules(text).category != "robbery"


# Someone with a mental illness wandering, throwing stones at houses: the street's order
@pytest.mark.parametrize(
    "text",
    [
        "có bà điên đi lang thang ngoài chợ mấy bữa nay, hay chọi đá vô nhà người ta, la hét",
        "ông tâm thần trong xóm lại đi trần truồng ngoài đường, ném đá vào nhà dân, tụi nhỏ sợ",
    ],
)
def test_someone_mentally_ill_throwing_stones_at_houses_is_public_order(text: str) -> None:
    assert _read(text)[0] == "public_order"


def test_someone_mentally_ill_who_hurt_a_child_stays_violence() -> None:
    text = "ông tâm thần đầu hẻm đánh con nít đi học, 1 đứa bị chảy máu đầu"
    assert _read(text)[0] == "violence"


def test_a_school_typed_without_marks_is_nobody_naked() -> None:
    got = by_rules("ban em bi chup phat nguoi o truong chinh, nop phat o dau vay ad")
    assert got.category != "public_order", got


# Something found that looks like a drug is the drug suspected, not a thing left behind
def test_a_packet_left_that_looks_like_cannabis_is_drugs() -> None:
    text = "chạy taxi tối qua khách để quên 1 bịch lá khô nhìn như cần sa dưới ghế, giao cho ai"
    assert _read(text)[0] == "drugs"


def test_a_wallet_left_behind_stays_lost_property() -> None:
    text = "chạy taxi tối qua khách để quên 1 cái bóp dưới ghế, trong có giấy tờ, giao cho ai"
    assert _read(text)[0] == "lost_property"


# An accident only nearly caused by someone on foot is no accident; the model may not say so
def test_an_accident_nearly_caused_by_someone_on_foot_is_no_traffic() -> None:
    text = "có ông say đứng giữa đường Tân Hương la hét, chửi xe chạy ngang, suýt gây tai nạn"
    got = classify(text)
    assert (got.kind, got.category) == ("tip", "public_order"), got


def test_a_driver_who_nearly_caused_an_accident_stays_traffic() -> None:
    text = "thằng say chạy xe máy lạng lách trên đường Tân Hương, suýt gây tai nạn mấy lần"
    assert _read(text)[0] == "traffic"


# A worker beaten by the one who employs him, the injury certified: violence
def test_a_worker_beaten_on_a_building_site_is_violence() -> None:
    text = "đốc công ở công trình Âu Cơ đã đánh 1 công nhân vì xin ứng lương, có giấy chứng thương"
    assert _read(text)[0] == "violence"


def test_a_worker_hurt_by_a_fall_is_no_violence() -> None:
    text = "công trình trên Âu Cơ làm giàn giáo ẩu, hôm qua 1 công nhân té gãy chân, ai xử lý"
    assert by_rules(text).category != "violence"


# A deposit paid in English, then the taker vanished: a deposit swindled
def test_a_deposit_paid_then_the_agent_vanished_is_fraud() -> None:
    text = "We paid the agent a deposit for a flat near Dam Sen, a week later he vanished"
    assert _read(text)[0] == "fraud"


def test_something_paid_for_then_a_phone_gone_is_no_fraud() -> None:
    text = "I paid for my coffee near Dam Sen and then my phone disappeared from the table"
    assert by_rules(text).category != "fraud"


# Smoke let out by a workshop or a plant is a nuisance, nothing burning out of hand
def test_smoke_let_out_by_a_workshop_is_no_fire() -> None:
    text = "xưởng nhựa cuối hẻm 20 Tân Hương ngày nào cũng xả khói đen hôi thối, con nít ho suốt"
    got = by_rules(text)
    assert (got.category, got.severity) != ("fire", "urgent"), got
    assert classify(text).category == "public_order"


def test_a_workshop_burning_past_its_chimney_is_a_fire() -> None:
    text = (
        "khói đen bốc ra từ ống khói xưởng gỗ rồi lửa bùng lên cháy mái tôn, trong xưởng còn người"
    )
    assert _read(text) == ("fire", "urgent")


# Labels of the message tuning sets against the line's conventions found in round 27 (cat-27),
# beside cat-24's, cat-25's and cat-26's (tests/test_classify_r24_category.py, _r25_, _r26_):
# kept in the sets' scores, listed here with what the line reads
CONVENTION_CONFLICTS = {
    # a pack of loose dogs that bit two children last week, labelled public order: read other
    # until round 31, as its label since (cat-31: loose dogs are the street's order)
    "mt45-156": "public_order",
}


def test_labels_against_the_conventions_are_read_by_the_convention() -> None:
    # (each id's own set: "mt45-156" is messages_tuning45's)
    sets = {i.split("-")[0].removeprefix("mt") for i in CONVENTION_CONFLICTS}
    texts = {c["id"]: c["text"] for n in sets for c in cases(f"messages_tuning{n}.jsonl")}
    read = {i: classify(texts[i]).category for i in CONVENTION_CONFLICTS}
    assert read == CONVENTION_CONFLICTS
