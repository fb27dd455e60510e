"""Principles of category added in round 24 (issue 17, points 2-4, cat-24), each on the
situation described rather than on a topic word. Tried on phrasings of our own, each beside
a near miss that must not change; the rules' own verdict is read (`by_rules`), so a
retrained model moves none of them."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules, classify
from tests.understanding import cases


def _tip(text: str) -> tuple[str | None, str]:
    got = by_rules(text)
    assert got.kind == "tip", (text, got)
    return got.category, got.severity


# A child lost is a person missing, never lost property: the category's only words
# ("tìm không thấy") lie in the child's danger, whose tip it is (`_Danger.names`)
@pytest.mark.parametrize(
    "text",
    [
        "con gái em 5 tuổi đi chợ với em, lạc mất 10 phút rồi, tìm không thấy, cứu em",
        "thằng bé nhà tôi 7 tuổi chơi ở công viên giờ tìm không thấy đâu hết",
    ],
)
def test_a_child_lost_is_a_person_not_lost_property(text: str) -> None:
    assert _tip(text) == ("other", "urgent")


@pytest.mark.parametrize(
    "text",
    [
        # a thing lost, no child: lost property still
        "em làm rơi cái ví ở công viên Đầm Sen, quay lại tìm không thấy",
        "chiều nay đánh rơi chùm chìa khóa ở chợ, tìm không thấy, ai nhặt được báo giùm",
    ],
)
def test_a_thing_lost_stays_lost_property(text: str) -> None:
    assert _tip(text)[0] == "lost_property"


# A card den's quarrels and din are its setting: the game is the tip (gambling beats
# public order); the four-colour card game (tứ sắc) is named
@pytest.mark.parametrize(
    "text",
    [
        "nhà số 12 tối nào cũng bày chiếu đánh tứ sắc ăn tiền, cãi nhau ầm ĩ tới khuya",
        "phòng trọ cuối dãy đêm nào cũng đánh bài ăn tiền, la hét om sòm không ai ngủ được",
    ],
)
def test_a_card_den_with_its_din_is_gambling(text: str) -> None:
    assert _tip(text)[0] == "gambling"


@pytest.mark.parametrize(
    "text",
    [
        # the din alone, no money staked: the neighbours' noise
        "nhà số 12 tối nào cũng hát karaoke, cãi nhau ầm ĩ tới khuya",
        "mấy ông bên kia chơi cờ tướng, cãi nhau ầm ĩ cả buổi chiều",
    ],
)
def test_a_din_without_a_stake_stays_public_order(text: str) -> None:
    assert _tip(text)[0] == "public_order"


# A phone picked from the pocket of the one who writes is a theft
@pytest.mark.parametrize(
    "text",
    [
        "sáng nay đi chợ Tân Hương bị móc điện thoại lúc nào không hay",
        "bi moc mat dien thoai tren xe buyt so 8, ve nha moi biet",
    ],
)
def test_a_phone_picked_from_a_pocket_is_a_theft(text: str) -> None:
    assert _tip(text)[0] == "theft"


def test_ones_own_phone_taken_out_is_no_theft() -> None:
    got = by_rules("ông đó móc điện thoại ra gọi ai đó rồi đứng chờ trước cổng")
    assert got.category != "theft", got


# Force used to take what someone carries is a robbery, the person hurt beside it
@pytest.mark.parametrize(
    "text",
    [
        "bà cụ bị 2 thằng xô ngã giành cái giỏ ở đầu chợ, bà nằm đó không dậy được",
        "chị bán vé số bị giật nón với túi, té xuống đường, giờ nằm im",
    ],
)
def test_force_used_to_take_is_a_robbery(text: str) -> None:
    assert _tip(text) == ("robbery", "urgent")


@pytest.mark.parametrize(
    "text",
    [
        # pushed over, nothing taken; a gust's snatch
        "ông cụ bị xô ngã trên xe buýt lúc thắng gấp, nằm đó không dậy được",
        "gió giật nón bay xuống đường, bà cụ té nằm im",
    ],
)
def test_a_fall_with_nothing_taken_is_no_robbery(text: str) -> None:
    assert _tip(text)[0] != "robbery"


# A fire told with the arson or revenge that caused it is a fire, all one event
@pytest.mark.parametrize(
    "text",
    [
        "tối qua kho hàng nhà tôi bị cháy một góc, dập kịp, camera thấy thằng lạ mặt đổ xăng"
        " châm lửa rồi chạy, chắc trả thù",
        "đêm qua 2 thằng đánh nhau, một thằng về châm lửa đốt cháy xe thằng kia",
    ],
)
def test_a_fire_told_with_its_cause_is_a_fire(text: str) -> None:
    assert _tip(text)[0] == "fire"


@pytest.mark.parametrize(
    "text",
    [
        # a fire that only dates what goes on now, or a habit
        "hồi tháng trước nhà bên cháy, giờ tối nào cũng đánh nhau tới khuya",
        # a burning threatened for later is the threat's
        "chủ nợ nhắn không trả tiền thì tối nay qua đốt nhà, giết cả nhà tôi",
        # typed without marks, "chay roi" is as often "chạy rồi": the fight stays the tip
        "may dua nho danh nhau o dau hem luc chieu, gio tui no chay roi",
    ],
)
def test_a_fire_dating_a_fight_threatened_or_unmarked_is_not_fire(text: str) -> None:
    assert _tip(text)[0] != "fire"


# Two households quarrelling typed without marks ("nha cai nhau") hold no bookmaker
def test_households_quarrelling_unmarked_is_no_gambling() -> None:
    assert _tip("2 nha cai nhau vi loi di chung, chui nhau um xum ca toi")[0] == "public_order"


def test_a_bookmaker_named_is_still_gambling() -> None:
    assert _tip("trong hẻm có nhà cái lô đề nhận ghi số mỗi chiều")[0] == "gambling"


# A lorry named alone is where a hazard is told, not a traffic tip
@pytest.mark.parametrize(
    "text",
    [
        "cây điện đầu hẻm dây xệ xuống sát đầu người đi, xe tải qua là vướng",
        "cột điện trước nhà tôi nghiêng sát mái, chắc tại xe tải quẹt hôm trước",
    ],
)
def test_a_lorry_named_beside_a_hazard_is_no_traffic_tip(text: str) -> None:
    assert _tip(text)[0] != "traffic"


def test_a_lorry_blocking_the_road_is_still_traffic() -> None:
    assert _tip("xe tải đậu chắn ngang đường trước chợ cả buổi sáng")[0] == "traffic"


# Urgency (issue 17 point 2): the one harmed now cared for in hospital is no danger now
def test_the_one_harmed_now_in_hospital_is_no_danger_now() -> None:
    text = "tối qua ba tôi bị 2 thằng cướp xe, đánh chảy máu đầu, giờ ba đang nằm viện"
    assert _tip(text) == ("robbery", "normal")


def test_the_one_harmed_still_lying_hurt_is_a_danger_now() -> None:
    text = "ba tôi bị 2 thằng cướp xe, đang nằm giữa đường Tân Kỳ Tân Quý chảy máu đầu"
    assert _tip(text) == ("robbery", "urgent")


# A weapon found hidden, nobody with it, is for the ward to collect
@pytest.mark.parametrize(
    "text",
    [
        "phát hiện bao tải có mấy cây mã tấu giấu trong bụi cỏ cạnh bãi xe, không biết của ai",
        "con tôi lượm được khẩu súng ngắn ở bãi rác sau chợ, đang để trong nhà",
    ],
)
def test_a_weapon_found_hidden_is_no_danger_now(text: str) -> None:
    assert _tip(text) == ("weapons", "normal")


def test_a_weapon_in_someones_hand_is_a_danger_now() -> None:
    assert _tip("có thằng cầm mã tấu đứng ngay cạnh bãi xe, la hét đòi chém")[1] == "urgent"


# Labels of the message tuning sets against the line's conventions (round 24, cat-24), in the
# style of tests/test_understanding.py's CONFLICTS: kept in the sets' scores (taking them out
# would lower the kinds and urgency held there), listed here with what the line reads
CONVENTION_CONFLICTS = {
    # a dog let loose that bit a child, labelled public order: loose dogs are public order since
    # round 31 (cat-31: "chó thả rông"; mt42-41 and mt42-166 read so), but "3 con chó to thả
    # rông" names the dogs apart from their being loose: other, as "thả rông" bare is read
    "mt20-206": "other",
    # strangers loitering or watching houses, no crime named, labelled public order: a
    # suspicious person is other (classify.yaml other: "người lạ", "thằng lạ mặt")
    "mt22-154": "other",
    "mt23-201": "other",
    "mt40-141": "other",
    # a son high on drugs holding a knife, "đòi chém mẹ", labelled drugs or violence but not
    # weapons: such tips accept weapons in every other set (mt9-153 in CONFLICTS)
    "mt40-133": "weapons",
}


def test_labels_against_the_conventions_are_read_by_the_convention() -> None:
    # (each id's own set: "mt20-206" is messages_tuning20's)
    sets = {i.split("-")[0].removeprefix("mt") for i in CONVENTION_CONFLICTS}
    texts = {c["id"]: c["text"] for n in sets for c in cases(f"messages_tuning{n}.jsonl")}
    read = {i: classify(texts[i]).category for i in CONVENTION_CONFLICTS}
    assert read == CONVENTION_CONFLICTS


# A fight between drivers told is violence: the learned model, reading the road, may not name
# traffic over the rules' fight (classify.yaml traffic `not_named_beside`); the jam is its effect
@pytest.mark.parametrize(
    "text",
    [
        "hai tài xế taxi xuống xe đang đấm nhau giữa ngã tư Âu Cơ, kẹt xe cả đoạn",
        "2 ông xe ôm đánh nhau giữa đường Lũy Bán Bích, xe cộ kẹt cứng",
    ],
)
def test_a_fight_between_drivers_is_violence(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.category) == ("tip", "violence"), got


def test_a_crash_typed_without_marks_stays_traffic() -> None:
    # "dam nhau" unmarked is as often "đâm nhau", vehicles colliding: the model may still read it
    got = classify("tai nan o nga tu Bon Xa, 2 xe may dam nhau, 1 nguoi nam duong chay mau")
    assert (got.kind, got.category) == ("tip", "traffic"), got
