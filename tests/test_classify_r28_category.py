"""Principles of category and urgency added in round 28 (issue 17, points 2-4, cat-28), each on
the situation described rather than on a topic word. Tried on phrasings of our own, each beside
a near miss that must not change. The rules' own verdict is read (`by_rules`), so a retrained
model moves none of them."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules


def _read(text: str) -> tuple[str | None, str]:
    got = by_rules(text)
    assert got.kind == "tip", (text, got)
    return got.category, got.severity


# A whole pack of pills swallowed beside a farewell or a door nobody opens: an overdose now
@pytest.mark.parametrize(
    "text",
    [
        "chị họ em nhắn là đã uống hết lọ thuốc ngủ, xin lỗi cả nhà, giờ gọi không bắt máy",
        "ong ban phong ben nhan tin vinh biet, noi uong ca vi thuoc roi, go cua hoai khong mo cua",
    ],
)
def test_a_pack_of_pills_swallowed_and_unreachable_is_urgent(text: str) -> None:
    assert _read(text)[1] == "urgent"


def test_a_course_of_medicine_finished_is_not_urgent() -> None:
    text = "bà nội uống hết vỉ thuốc bác sĩ kê rồi mà vẫn ho, tuần sau em chở bà đi tái khám"
    assert by_rules(text).severity == "normal"


# Blows to a person told in English, words between the verb and the one hit
@pytest.mark.parametrize(
    "text",
    [
        "a man is hitting an elderly woman at the bus stop on Au Co right now, nobody helps",
        "two drunk guys are punching a young boy in the alley behind the market, come quick",
    ],
)
def test_blows_to_a_person_told_in_english_are_violence_and_urgent(text: str) -> None:
    assert _read(text) == ("violence", "urgent")


def test_the_same_verbs_of_a_thing_are_no_violence() -> None:
    text = "the kids next door are kicking a ball against my gate every night, it is so loud"
    assert by_rules(text).category != "violence"
    assert by_rules(text).severity == "normal"


# A wallet or a phone picked from a pocket is a theft, not a loss of one's own
@pytest.mark.parametrize(
    "text",
    [
        "chiều qua đi xe buýt số 69 bị móc ví, mất 3 triệu với bằng lái, báo để công an biết",
        "di cho Tan Huong chen lan bi moc mat dien thoai luc nao ko hay, muon trinh bao",
    ],
)
def test_a_picked_pocket_is_theft(text: str) -> None:
    assert _read(text)[0] == "theft"


def test_a_keyring_on_a_wallet_dropped_stays_lost_property() -> None:
    text = "em làm rơi cái ví có móc khóa hình gấu ở công viên Đầm Sen, ai nhặt được cho em xin lại"
    assert _read(text)[0] == "lost_property"


# Someone struck by a vehicle named between ("bị xe đụng") is a traffic tip
@pytest.mark.parametrize(
    "text",
    [
        "chiều nay ba tôi bị xe máy tông ở ngã tư Tân Hương, người ta tông rồi bỏ chạy luôn",
        "con toi bi xe dung truoc cong truong, nguoi lai xe bo chay, toi co hinh bien so",
    ],
)
def test_someone_struck_by_a_vehicle_is_traffic(text: str) -> None:
    assert _read(text)[0] == "traffic"


def test_a_fall_with_no_vehicle_is_not_a_struck_pedestrian() -> None:
    text = "bà cụ hàng xóm tự té trong nhà tắm, bị trầy tay, con cháu đưa đi băng bó rồi"
    assert by_rules(text).category != "traffic"


# Someone pushed to the ground by a person named between is a blow, whatever the pretext
@pytest.mark.parametrize(
    "text",
    [
        "tranh chỗ đậu xe trước cửa, tôi bị ông ta xô ngã trầy hết tay, giờ muốn trình báo",
        "em nhac tat nhac nho lai thi bi thang do day te xuong cau thang, sung chan",
    ],
)
def test_pushed_down_by_someone_named_is_violence(text: str) -> None:
    assert _read(text)[0] == "violence"


def test_knocked_down_by_the_wind_is_no_blow() -> None:
    text = "cây dầu trước hẻm bị gió xô ngã đè lên mái tôn nhà bên, may không ai ở dưới"
    assert by_rules(text).category != "violence"


# People threatened into giving up their money or phones are robbed, not stolen from unseen
@pytest.mark.parametrize(
    "text",
    [
        "đêm qua có 2 thằng leo vô phòng trọ, uy hiếp lấy hết tiền với điện thoại của tụi em",
        "nhom thanh nien vo tiem net ham doa lay tien cua may dua nho choi game",
    ],
)
def test_a_threat_to_take_is_robbery(text: str) -> None:
    assert _read(text)[0] == "robbery"


def test_a_lenders_threat_over_a_debt_is_no_robbery() -> None:
    text = "chủ nợ nhắn tin đe dọa, đòi lấy tiền lãi 20 triệu trong tuần này, không trả thì tới nhà"
    assert by_rules(text).category != "robbery"
