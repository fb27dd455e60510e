"""Principles of the message classifier added in round 19 at the borders between tip
categories (message tuning sets 22 and 23's category misses): the act named beats the
place, the state or the consequence it comes with. Each is tried on phrasings of our own,
with near-misses that must keep their category."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules, classify


def _category(text: str) -> str | None:
    got = classify(text)
    assert got.kind == "tip", (text, got)
    return got.category


@pytest.mark.parametrize(
    "text",
    [
        # drunk, then riding or driving off: the driving is the act
        "ông chú nhậu xỉn quắc mà vẫn leo lên xe nổ máy xe chạy đi, ai cản cũng không nghe",
        "ong hang xom say ruou roi con doi lai xe hoi ve nha, vo ong giut chia khoa ko duoc",
        "tối nào ổng cũng chạy xe say về ngang chợ, lạng qua lạng lại",
    ],
)
def test_driving_drunk_is_traffic(text: str) -> None:
    assert _category(text) == "traffic"


@pytest.mark.parametrize(
    "text",
    [
        # drunk and lying or shouting, no vehicle driven: public order
        "ông say xỉn nằm ngủ ngay trước cửa nhà tôi, chửi bới suốt từ chiều",
        "mấy thanh niên say xỉn la hét trong hẻm tới 2h sáng",
    ],
)
def test_drunk_without_driving_stays_public_order(text: str) -> None:
    assert _category(text) == "public_order"


@pytest.mark.parametrize(
    "text",
    [
        # goods pocketed or picked up, then walked off with
        "có ông khách vô tiệm tạp hóa bỏ túi 2 gói thuốc lá rồi đi ra, em đuổi không kịp",
        "người giao hàng để thùng trước cửa, có đứa đi ngang xách lên đi thẳng, cam có quay",
        # slipping into a home while its people are out, then searching it
        "lúc nhà bên đi làm có thằng lẻn vào từ cửa sau, nhìn qua cửa sổ thấy đang lục tủ",
        # taking in the confusion after a disaster
        "xe tải lật ngoài quốc lộ, người ta lợi dụng vô lấy mấy thùng bia chở đi",
    ],
)
def test_taking_on_the_sly_is_theft(text: str) -> None:
    assert _category(text) == "theft"


@pytest.mark.parametrize(
    "text",
    [
        # something picked up and put back, nobody went off with it; nobody got in
        "có ông đứng trước tiệm cầm lên coi rồi để lại chỗ cũ, cứ đứng đó nhìn hoài",
    ],
)
def test_picked_up_and_left_is_no_theft(text: str) -> None:
    assert classify(text).category != "theft"


@pytest.mark.parametrize(
    "text",
    [
        # a weapon fetched to come back to a quarrel
        "hai ông cãi nhau trong quán nhậu, một ông chạy về lấy mã tấu nói quay lại xử",
        "thằng nhỏ thua tiền chạy về nhà lấy dao, hăm sẽ trở lại",
    ],
)
def test_a_weapon_fetched_to_come_back_is_weapons(text: str) -> None:
    # the rules' reading (the learned model may still weigh the story otherwise)
    got = by_rules(text)
    assert got.category == "weapons", (text, got)
    assert "lấy" in " ".join(got.reasons), got


def test_a_tool_fetched_without_coming_back_is_no_pair() -> None:
    # a hammer fetched to mend a fence: no return to anyone, no weapon
    got = by_rules("anh Tư lấy búa đóng lại hàng rào bị gió làm sập")
    assert got.category != "weapons", got


@pytest.mark.parametrize(
    "text",
    [
        # gas leaking told leak first, or in English
        "nhà bà Tư đầu hẻm bị xì bình gas, mùi nồng nặc, cả xóm chạy ra ngoài",
        "Strong smell of gas in the hallway of our building, nobody knows where it comes from",
        # a blast, then smoke
        "vừa nghe tiếng nổ lớn phía sau chợ rồi thấy khói đen cuồn cuộn",
    ],
)
def test_gas_leaking_or_a_blast_with_smoke_is_fire(text: str) -> None:
    assert _category(text) == "fire"


@pytest.mark.parametrize(
    "text",
    [
        # a drinking party typed without marks ("dam nhau" is also "đám nhậu"): no blows
        "dam nhau o nha ben hat karaoke toi 1h sang, noi hoai ko nghe",
        # a staggering walk typed "lảo dao": no knife
        "mấy thằng nhỏ hít bóng cười xong đi lảo dao giữa đường",
    ],
)
def test_folded_look_alikes_are_no_fight_and_no_knife(text: str) -> None:
    assert classify(text).category not in {"violence", "weapons"}


def test_stabbing_each_other_with_marks_is_still_violence() -> None:
    assert _category("hai thanh niên đâm nhau trước quán nhậu, một người chảy máu") in {
        "violence",
        "weapons",
    }


def test_a_quarrel_said_not_to_come_to_blows_is_public_order() -> None:
    assert (
        _category("hai vợ chồng kế bên chửi nhau to tiếng, đập ly chén, không đánh nhau")
        == "public_order"
    )


@pytest.mark.parametrize(
    "text",
    [
        # someone tied up against their will
        "bà hàng xóm bị trói ngoài hiên từ trưa, con dâu không cho ai lại gần",
        # stones thrown at people
        "thằng khùng đầu chợ lượm đá chọi người đi ngang, trúng 1 cô bán rau",
        # the writer pulled into a car
        "tên đó chặn đường em, nắm tay kéo em lên xe, em la lên nên nó bỏ đi",
    ],
)
def test_tied_stoned_or_dragged_into_a_car_is_violence(text: str) -> None:
    assert _category(text) == "violence"


def test_a_vehicle_overturned_with_its_driver_inside_is_traffic() -> None:
    assert _category("xe taxi bị lật nghiêng ở vòng xoay, người lái còn kẹt trong xe") == "traffic"


@pytest.mark.parametrize(
    "text",
    [
        # someone down beside a needle: an overdose
        "có thanh niên nằm gục bên cạnh kim tiêm sau nhà văn hóa, lay không dậy",
        # a foil heated and inhaled
        "tụi nó ngồi sau bãi xe hơ miếng giấy bạc rồi hít, mắt lờ đờ",
    ],
)
def test_an_overdose_or_a_foil_smoked_is_drugs(text: str) -> None:
    assert by_rules(text).category == "drugs", by_rules(text)


def test_a_banknote_found_is_no_drug() -> None:
    # "giấy bạc" is also a banknote: picked up, not smoked
    assert by_rules("lượm được tờ giấy bạc 500 nghìn trước cổng chợ").category != "drugs"


@pytest.mark.parametrize(
    "text",
    [
        # a boarding house run without a licence, noisy besides: the residence tip
        "dãy trọ chui sau chợ đêm nào cũng nhậu hát karaoke tới 2h, ồn không chịu nổi",
        # the landlord not knowing who lodges there, noisy besides
        "phòng 3 có mấy người mới tới ở, la hét cả đêm, chủ trọ cũng không biết tụi nó là ai",
    ],
)
def test_lodgers_declared_nowhere_beat_their_noise(text: str) -> None:
    # the rules' reading (where the model is sure of the noise it may still overrule)
    assert by_rules(text).category == "residence", by_rules(text)


def test_a_landlord_not_knowing_who_broke_in_is_theft() -> None:
    # the unknown is the thief, not a lodger
    assert _category("tối qua có đứa cạy cửa lấy xe máy, chủ nhà không biết là ai") == "theft"
