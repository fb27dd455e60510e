"""Principles of category and urgency added in round 29 (issue 17, cat-29), each on the situation
described rather than on a topic word. Tried on phrasings of our own, each beside a near miss that
must not change. The rules' own verdict is read (`by_rules`), so a retrained model moves none of
them."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules, classify
from tests.understanding import cases


def _read(text: str) -> tuple[str | None, str]:
    got = by_rules(text)
    assert got.kind == "tip", (text, got)
    return got.category, got.severity


# A stick taken up against dogs attacking is no weapon against a person
@pytest.mark.parametrize(
    "text",
    [
        "bầy chó thả rông đang vây cắn thằng nhỏ ở công viên, mấy ông cầm gậy đuổi mà không được",
        "đàn chó hoang đang rượt cắn 1 chị bán vé số, người ta cầm cây đuổi mà ko được",
    ],
)
def test_sticks_against_attacking_dogs_are_no_weapon(text: str) -> None:
    # loose dogs are public order since round 31 (cat-31), as the sets label them
    assert _read(text) == ("public_order", "urgent")


def test_a_stick_taken_up_against_a_person_stays_a_weapon() -> None:
    text = "thằng say cầm gậy đuổi đánh vợ nó ngoài hẻm 30 Tân Hương, bà con không ai dám can"
    assert by_rules(text).category in {"weapons", "violence"}
    assert by_rules(text).severity == "urgent"


# Knocking or calling again and again now is an attempt repeated, no habit: the fire or the
# person behind the door is going on
@pytest.mark.parametrize(
    "text",
    [
        "phòng trọ kế bên bốc mùi cháy khét, em gõ cửa mấy lần không ai mở",
        "nghe mùi cháy khét bên nhà hàng xóm, gõ cửa hoài mà không ai mở, hẻm 12 Tân Hương",
    ],
)
def test_a_burning_smell_and_knocks_repeated_unanswered_are_an_urgent_fire(text: str) -> None:
    assert _read(text) == ("fire", "urgent")


def test_a_habit_told_beside_a_complaint_repeated_stays_calm() -> None:
    text = "nhà bên tối nào cũng đốt rác khét lẹt, nói mấy lần không nghe, hẻm 12 Tân Hương"
    assert _read(text)[1] == "normal"


# Gas named bare, then said to leak, is a fire about to start
@pytest.mark.parametrize(
    "text",
    [
        "Gas rò rỉ nồng nặc trong chung cư tầng 5, mọi người đang chạy xuống",
        "ga bi ro ri ngoai hanh lang day tro, mui nong lam",
    ],
)
def test_gas_said_to_leak_is_an_urgent_fire(text: str) -> None:
    assert _read(text) == ("fire", "urgent")


def test_gas_run_out_is_no_fire() -> None:
    got = by_rules("gas nhà em hết rồi, tiệm gas đầu hẻm đóng cửa, gọi ai giao giùm")
    assert got.category != "fire"


# Rubbish burnt whose fire spread: the burning is the fire's cause, the fire the tip
def test_rubbish_burnt_that_spread_is_a_fire() -> None:
    text = "hôm kia ông nhà bên đốt rác cháy lan qua hàng rào nhà tôi, may dập kịp, ổng hay đốt"
    assert _read(text)[0] == "fire"


def test_rubbish_burnt_every_night_stays_public_order() -> None:
    text = "nhà cuối hẻm tối nào cũng đốt rác khói bay vô nhà tôi, nói hoài không nghe"
    assert _read(text) == ("public_order", "normal")


# A fire spread to a home is kept urgent, whatever the learned model reads of its cause
@pytest.mark.parametrize(
    "text",
    [
        "mấy đứa đốt rác sau chợ, lửa lan sang mấy sạp vải rồi",
        "ai đốt rác ở bãi đất trống cuối hẻm, lửa lan vô hàng rào nhà tôi rồi",
    ],
)
def test_a_fire_spread_to_a_home_stays_urgent(text: str) -> None:
    got = classify(text)
    assert (got.category, got.severity) == ("fire", "urgent")


def test_a_spread_only_feared_stays_calm() -> None:
    got = classify("bãi ve chai sát vách nhà tôi chất đống cao, sợ có ngày cháy lan sang")
    assert got.severity == "normal"


# Told in English by a foreigner: the words of the report's own language
@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "my daughter was beaten by two girls from her class near Dam Sen, she has bruises",
            "violence",
        ),
        (
            "yesterday night 2 man on motorbike snatch my phone at Au Co street, I not hurt",
            "robbery",
        ),
        (
            "I lost my residence card somewhere in Aeon Tan Phu this morning, please call me",
            "lost_property",
        ),
        (
            "the workshop behind my house runs a jackhammer until 1am, I cannot sleep",
            "public_order",
        ),
        ("the dogs in the next house bark all night and the owner does nothing", "public_order"),
    ],
)
def test_english_reports_name_their_category(text: str, category: str) -> None:
    assert _read(text)[0] == category


@pytest.mark.parametrize(
    "text",
    [
        "The rain is beating on the roof all night, the drain in front of my house is blocked",
        "the sun beating down on the market, an old man fainted near the gate, please send help",
    ],
)
def test_beating_of_no_person_is_no_violence(text: str) -> None:
    assert by_rules(text).category != "violence"


# A tree leaning, its roots torn up, feared to fall: a hazard (other), whatever pavement
# it stands on
@pytest.mark.parametrize(
    "text",
    [
        "cay xanh truoc cho Tan Huong bi nghieng, re bung len via he, gio lon la so do trung nguoi",
        "Cây dầu trên lề đường Âu Cơ nghiêng hẳn ra đường sau trận mưa, sợ đổ đè người đi đường",
    ],
)
def test_a_leaning_tree_is_a_hazard(text: str) -> None:
    assert _read(text) == ("other", "normal")


def test_a_tree_fallen_across_the_road_stays_traffic() -> None:
    assert _read("cây xanh ngã chắn ngang đường Hòa Bình, xe không qua được")[0] == "traffic"


# The road taken for stalls, carts or a parking place kept is the street's order
@pytest.mark.parametrize(
    "text",
    [
        "mấy xe đẩy bán trái cây chiếm lòng đường trước chợ Tân Hương mỗi sáng, gây kẹt xe",
        "nha mat tien tren Go Dau de cuc da giu cho dau xe, chiem ca long duong",
    ],
)
def test_the_road_taken_is_public_order(text: str) -> None:
    assert _read(text)[0] == "public_order"


def test_a_lorry_parked_across_an_alley_stays_traffic() -> None:
    text = "xe tải đậu chắn hết lối vào hẻm 132 Lũy Bán Bích từ sáng, xe cứu thương vô không được"
    assert _read(text)[0] == "traffic"


# A thing left behind, then said unclaimed for days, is found property
@pytest.mark.parametrize(
    "text",
    [
        "có cái xe đạp điện ai bỏ ở bãi giữ xe chợ 1 tuần nay không ai lấy, tôi cất giùm",
        "khach bo quen cai balo o quan toi tu hom qua toi gio chua ai nhan, trong co laptop",
    ],
)
def test_a_thing_left_unclaimed_is_lost_property(text: str) -> None:
    assert _read(text)[0] == "lost_property"


def test_a_strange_car_parked_unclaimed_is_not_lost_property() -> None:
    text = "Trong hẻm nhà tôi có chiếc ô tô lạ biển số tỉnh đậu 1 tuần không ai lấy, kính dán đen"
    assert by_rules(text).category != "lost_property"


# Labels of the message tuning sets against the line's conventions, in the style of round 24's
# (tests/test_classify_r24_category.py): a vicious dog attacking a child, sticks taken up to chase
# it, labelled public order: other, as the rules file a vicious dog ("chó dữ"; no longer
# weapons). t46m-152, a pack let loose, is read public order since round 31 (cat-31)
CONVENTION_CONFLICTS = {
    "mt43-104": "other",
}


def test_labels_against_the_conventions_are_read_by_the_convention() -> None:
    texts = {
        c["id"]: c["text"] for n in ("tuning43", "tuning46") for c in cases(f"messages_{n}.jsonl")
    }
    read = {i: classify(texts[i]).category for i in CONVENTION_CONFLICTS}
    assert read == CONVENTION_CONFLICTS


# A drain's lid burst open in a flood is a hazard, whatever vehicles stall in the water
def test_a_drain_burst_open_in_a_flood_is_a_hazard() -> None:
    # (the learned model, reading the stalled vehicles, named traffic where the rules found none)
    text = "duong Go Dau doan gan cho ngap toi goi, xe chet may nam dai, co mieng cong bi bung nap"
    got = classify(text)
    assert (got.kind, got.category) == ("tip", "other")


# A loud blast heard, nothing else known, is the fire brigade's
@pytest.mark.parametrize(
    "text",
    [
        "vừa nghe tiếng nổ lớn ở trạm biến áp đầu hẻm 12, cúp điện luôn",
        "nghe tieng no lon sau cho Son Ky, ko biet no cai gi",
    ],
)
def test_a_loud_blast_heard_is_a_fire(text: str) -> None:
    assert _read(text)[0] == "fire"


def test_a_blast_heard_as_a_gunshot_stays_a_weapon() -> None:
    text = "nghe tiếng nổ lớn như tiếng súng ở hẻm 5 Tân Hương, có người la hét"
    assert _read(text)[0] == "weapons"


# The words folded without marks that a phrase of this round must not read ("sổ đỏ để" is no
# tree feared to fall, "trích dẫn chỗ đúng" no pack of dogs)
@pytest.mark.parametrize(
    "text",
    [
        "Toi o nho nha ba con 10 nam, gio ba con khong cho muon so do de nhap khau, phai lam sao",
        "dang ky thuong tru vao cho o thue quy dinh tai dieu nao, toi can trich dan cho dung",
    ],
)
def test_folded_words_read_no_hazard_nor_dogs(text: str) -> None:
    got = classify(text)
    assert got.category is None or "chó" not in " ".join(got.reasons)
    assert "sợ đổ đè" not in got.reasons and "đàn chó" not in got.reasons
