"""Principles of category added in round 25 (issue 17, points 2-4, cat-25), each on the
situation described rather than on a topic word. Tried on phrasings of our own, each beside
a near miss that must not change. Where the learned model is kept from overruling the rules,
the whole classifier is read (`classify`); otherwise the rules' own verdict (`by_rules`), so
a retrained model moves none of them."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules, classify
from tests.understanding import cases


def _tip(text: str) -> tuple[str | None, str]:
    got = by_rules(text)
    assert got.kind == "tip", (text, got)
    return got.category, got.severity


# Made to hand over the phone or money in a deserted place, by the one giving the ride: robbery
@pytest.mark.parametrize(
    "text",
    [
        "tối qua xe ôm chở tui tới đường vắng rồi dừng lại bắt tui đưa điện thoại với tiền",
        "tai xe taxi chay vo cho vang bat em dua het tien moi cho xuong",
    ],
)
def test_made_to_hand_over_in_a_deserted_place_is_a_robbery(text: str) -> None:
    assert _tip(text)[0] == "robbery"


def test_a_phone_lent_in_a_deserted_place_is_no_robbery() -> None:
    # nobody forced: the writer lent the phone to call for help
    got = by_rules("xe hư giữa đường vắng, tui đưa điện thoại cho ông kia gọi cứu hộ")
    assert got.category != "robbery", got


# A deposit taken, then the taker vanished: a deposit swindled
@pytest.mark.parametrize(
    "text",
    [
        "ông đăng cho thuê căn hộ trên facebook nhận cọc 2 tháng của tụi em rồi lặn mất tiêu",
        "chu tro ao thu tien coc cua 4 phong xong bien mat, so dien thoai khong con",
    ],
)
def test_a_deposit_taken_then_the_taker_vanished_is_fraud(text: str) -> None:
    assert _tip(text)[0] == "fraud"


def test_a_deposit_kept_by_a_landlord_who_stays_is_no_fraud() -> None:
    # the landlord is there and keeps it: a dispute, no swindle
    got = by_rules("chủ trọ lấy cọc 2 tháng rồi không chịu trả lại khi em dọn đi, ổng vẫn ở đó")
    assert got.category != "fraud", got


# Small packets handed out to callers who stop by are doses sold, the parked car their setting
@pytest.mark.parametrize(
    "text",
    [
        "2 thằng ngồi trong xe hơi đậu đầu hẻm chia gói nhỏ trao tay cho mấy người ghé qua",
        "ngồi ghế đá công viên lấy bịch nhỏ trao tay cho từng xe chạy tới rồi lấy tiền",
    ],
)
def test_small_packets_handed_to_callers_are_drugs(text: str) -> None:
    assert classify(text).category == "drugs"


@pytest.mark.parametrize(
    "text",
    [
        # a parcel handed to one courier; sweets shared out to each child
        "chị bán hàng online đưa gói nhỏ cho shipper giao giùm tới quận 10",
        "cô giáo chia gói nhỏ bánh kẹo cho từng người trong lớp, có bé bị dị ứng",
    ],
)
def test_a_parcel_or_sweets_handed_out_are_no_drug_sale(text: str) -> None:
    assert by_rules(text).category != "drugs"


# A block of flats burning, typed with marks or none, is a fire and urgent
@pytest.mark.parametrize(
    "text",
    [
        "chay chung cu o Tan Phu tang 5, khoi muc mu",
        "chung cư trên Lũy Bán Bích đang cháy, nhiều người còn kẹt trên lầu",
    ],
)
def test_a_block_of_flats_burning_is_an_urgent_fire(text: str) -> None:
    assert _tip(text) == ("fire", "urgent")


def test_running_down_the_stairs_of_a_block_is_no_fire() -> None:
    got = by_rules("thang máy chung cư hư, mọi người phải chạy xuống thang bộ cả tuần nay")
    assert got.category != "fire", got


# A vehicle set on fire is a fire: the model, reading the bike and the camera, may not name theft
def test_a_bike_set_on_fire_is_a_fire_not_a_theft() -> None:
    text = "tối qua có thằng phóng hỏa đốt xe máy của tôi trước cổng, camera quay lại được hết"
    got = classify(text)
    assert (got.kind, got.category) == ("tip", "fire"), got


def test_a_bike_stolen_on_camera_is_still_a_theft() -> None:
    text = "tối qua có thằng lấy trộm xe máy của tôi trước cổng, camera quay lại được hết"
    got = classify(text)
    assert (got.kind, got.category) == ("tip", "theft"), got


# Houses watched for a theft only supposed ahead: a suspicious person (other), nothing taken
@pytest.mark.parametrize(
    "text",
    [
        "mấy bữa nay có 2 thằng ngồi quán nước đầu hẻm cứ dòm nhà để trộm hay sao á",
        "co chiec xe la chay qua chay lai trong hem hoai, nghi do duong trom",
    ],
)
def test_houses_watched_for_a_theft_supposed_are_other(text: str) -> None:
    assert _tip(text)[0] == "other"


def test_a_theft_done_after_the_house_was_watched_is_a_theft() -> None:
    text = "đêm qua nhà tôi bị trộm, camera thấy thằng đó dòm nhà mấy bữa trước"
    assert _tip(text)[0] == "theft"


# A fire spreading from what was burnt is a fire, the burning of rubbish its cause
def test_a_fire_spreading_from_rubbish_burnt_is_a_fire() -> None:
    assert _tip("nhà bên đốt rác cháy lan qua hàng rào nhà tôi rồi, đang cháy")[0] == "fire"


def test_rubbish_burnt_whose_smoke_drifts_is_a_nuisance() -> None:
    assert _tip("nhà bên ngày nào cũng đốt rác, khói bay qua nhà tôi ngộp thở")[0] == "public_order"


# A part stolen off a parked lorry is a theft: the model, reading the lorry, may not name traffic
def test_a_part_stolen_off_a_parked_lorry_is_a_theft() -> None:
    got = classify("tối qua bị mất cắp 2 bánh xe tải đậu ở bãi đất trống đường Tân Kỳ Tân Quý")
    assert (got.kind, got.category) == ("tip", "theft"), got


def test_a_lorry_that_hit_someone_is_still_traffic() -> None:
    got = classify("xe tải tông xe máy ở ngã tư Bốn Xã, người chạy xe máy nằm dưới đường")
    assert (got.kind, got.category) == ("tip", "traffic"), got


# Loud talking through the night weighs with the din told beside it, over a car before the door
def test_loud_talking_with_a_din_outweighs_a_car_before_the_door() -> None:
    text = "nhà trọ kế bên khách ra vô ồn ào suốt đêm, nói chuyện to, xe để chắn cửa nhà tôi"
    assert _tip(text)[0] == "public_order"


def test_loud_talking_to_one_hard_of_hearing_leaves_a_question_a_question() -> None:
    got = by_rules(
        "ông nội lãng tai phải nói chuyện to mới nghe, làm căn cước có cần đưa ông theo không"
    )
    assert got.kind == "question", got


# A fight only supposed ("nếu mà có đánh nhau") is no fight: the quarrels told are the tip
def test_a_fight_only_supposed_leaves_the_quarrels_the_tip() -> None:
    text = "quán nhậu đầu hẻm tối nào cũng cãi nhau, lỡ có đánh nhau thật thì ai chịu trách nhiệm"
    assert _tip(text)[0] == "public_order"


def test_a_fight_that_happened_is_violence() -> None:
    text = "quán nhậu đầu hẻm tối nào cũng cãi nhau, tối qua đánh nhau thật, 1 ông bể đầu"
    assert _tip(text)[0] == "violence"


# "chay xe giat ma tau" is riding with a machete tucked behind (giắt), no snatch (giật)
def test_a_machete_tucked_typed_without_marks_is_a_weapon() -> None:
    text = "toi nao cung co may thang chay xe giat ma tau sau lung chay vong vong trong khu"
    assert _tip(text)[0] == "weapons"


def test_a_phone_snatched_from_a_motorbike_unmarked_is_a_robbery() -> None:
    assert _tip("2 thang chay xe giat dien thoai cua ba cu o dau hem roi chay mat")[0] == "robbery"


# A foil passed round and smoked at a gathering is drugs: the model may not name public order
def test_a_foil_smoked_at_a_gathering_is_drugs() -> None:
    got = classify(
        "tụi thanh niên tụ tập ở góc hẻm, chuyền nhau tờ giấy bạc hút gì đó, con nít đi ngang"
    )
    assert (got.kind, got.category) == ("tip", "drugs"), got


def test_a_gathering_drinking_loud_stays_public_order() -> None:
    got = classify(
        "tụi thanh niên tụ tập ở góc hẻm nhậu nhẹt la hét tới khuya, con nít đi ngang sợ"
    )
    assert (got.kind, got.category) == ("tip", "public_order"), got


# A scuffle the rules read as public order, nobody hurt: the model may not make it violence again
def test_a_scuffle_nobody_hurt_stays_public_order() -> None:
    text = "vụ đánh nhau ở cổng chợ lúc nãy tan rồi, không ai bị thương, chỉ mấy đứa xô đẩy nhau"
    got = classify(text)
    assert (got.kind, got.category) == ("tip", "public_order"), got


def test_a_fight_with_someone_hurt_is_violence() -> None:
    got = classify("tụi thanh niên xô đẩy nhau rồi đánh nhau ở cổng chợ, 1 đứa bị thương chảy máu")
    assert (got.kind, got.category) == ("tip", "violence"), got


# Someone high on meth raving is the rules' drugs: the model may not name public order over it
def test_someone_high_raving_is_drugs() -> None:
    text = "thằng nhà bên 2 đêm nay không ngủ, la hét nói nhảm cả đêm, nghi ngáo đá, chưa đụng ai"
    got = classify(text)
    assert (got.kind, got.category) == ("tip", "drugs"), got


def test_someone_drunk_raving_stays_public_order() -> None:
    text = "ông nhà bên say xỉn la hét chửi bới cả đêm, không ai ngủ được, chưa đụng ai"
    got = classify(text)
    assert (got.kind, got.category) == ("tip", "public_order"), got


# Labels of the message tuning sets against the line's conventions found in round 25 (cat-25),
# beside cat-24's (tests/test_classify_r24_category.py): kept in the sets' scores, listed here
# with what the line reads
CONVENTION_CONFLICTS = {
    # strangers watching houses or children, no crime named (a theft only supposed ahead:
    # "nghi tụi nó dòm nhà để trộm"), labelled public order: a suspicious person is other
    # (classify.yaml other: "người lạ", "thằng lạ mặt", "dòm nhà để trộm"), as cat-24's mt22-154
    "mt14-42": "other",
    "mt41-115": "other",
    "mt23-29": "other",
    "mt23-47": "other",
    "mt41-47": "other",
    # a wallet found and handed in, labelled other: found property is lost property in every
    # other set (mt10-111, mt13-120, mt15-161, mt16-139, mt22-15)
    "mt20-155": "lost_property",
}


def test_labels_against_the_conventions_are_read_by_the_convention() -> None:
    # (each id's own set: "mt14-42" is messages_tuning14's)
    sets = {i.split("-")[0].removeprefix("mt") for i in CONVENTION_CONFLICTS}
    texts = {c["id"]: c["text"] for n in sets for c in cases(f"messages_tuning{n}.jsonl")}
    read = {i: classify(texts[i]).category for i in CONVENTION_CONFLICTS}
    assert read == CONVENTION_CONFLICTS
