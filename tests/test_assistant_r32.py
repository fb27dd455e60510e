"""Round 32 (asst-32): the assistant never wrong on a legal fact.

The rule sent after a residence tip that names a foreigner is the host's declaration of
the foreigner's stay (procedures/nuoc_ngoai.yaml `rule`), never the citizens' tạm trú
rule (30 days, its fines), which does not apply to a foreigner's stay.
"""

from __future__ import annotations

from datetime import date

import pytest

from shared.core import assistant
from shared.core.classify import classify
from tests.asked import scored

TODAY = date(2026, 12, 4)


def _rule(text: str) -> tuple[str, str | None]:
    verdict = classify(text)
    assert verdict.kind == "tip", verdict
    reply, _, topic = assistant._tip_follow_up(verdict.category, TODAY, text)
    assert reply is not None
    return reply.text, topic


@pytest.mark.parametrize(
    "text",
    [
        # (round 32, kind-32b: the foreigner asking of their own visa, qt37-109, is a question
        # now; someone else's overstay told stays the tip)
        "nhà bên cạnh có cô người nước ngoài visa hết hạn 3 ngày rồi, chủ nhà sợ bị phạt nên giấu",
        "phong tro ben canh co 3 nguoi Han Quoc o 2 thang, chu tro ko khai bao",
        "có mấy người nước ngoài ở trọ visa hết hạn lâu rồi mà chủ trọ vẫn cho ở",
        "nha doi dien co may nguoi trung quoc o chung 1 thang nay, ko biet chu nha co khai bao "
        "chua",
    ],
)
def test_a_foreigners_stay_told_gets_the_hosts_declaration(text: str) -> None:
    said, topic = _rule(text)
    assert topic == "nuoc_ngoai"
    assert "12 giờ" in said and "Luật số 47/2014/QH13" in said
    assert "30 ngày" not in said and "500.000" not in said  # the citizens' tạm trú rule


@pytest.mark.parametrize(
    "text",
    [
        # near misses: citizens lodging undeclared keep the tạm trú rule
        "nha ben canh cho thue tro ma ko khai bao tam tru cho ai het",
        "dãy trọ cuối hẻm 12 chủ trọ không đăng ký tạm trú cho ai, cả chục người ở",
    ],
)
def test_citizens_lodging_undeclared_keep_the_tam_tru_rule(text: str) -> None:
    said, topic = _rule(text)
    assert topic == "tam_tru"
    assert "30 ngày" in said


@pytest.mark.parametrize(
    "text",
    [
        # two nationalities said with no verb before them, or the two named: which
        # declaration applies turns on the papers, the officers' to say (never the
        # foreigners' declaration told as the rule)
        "con tôi 2 quốc tịch, dùng hộ chiếu Việt Nam về ở 1 tháng, có cần khai báo không",
        "con tôi hai quốc tịch, về ở nhà 1 tháng, có cần khai báo không",
        "con toi 2 quoc tich My va VN, ve VN bang ho chieu VN o nha 3 tuan, khai bao gi",
        # the declaration said short ("khai gì")
        "em gái tôi có 2 quốc tịch, về bằng hộ chiếu Việt Nam, ở nhà tôi 2 tuần thì khai gì",
    ],
)
def test_two_nationalities_go_to_an_officer(text: str) -> None:
    got = scored(text)
    assert not got.tip
    assert "nuoc_ngoai" not in got.topics
    assert got.handoff


@pytest.mark.parametrize(
    "text",
    [
        # near misses: a foreigner's stay keeps the foreigners' declaration
        "chong e nguoi Han, qua VN o voi e 2 thang, e can khai gi cho anh ay",
        "Việt kiều Mỹ về thăm nhà ở 3 tuần, dùng hộ chiếu Mỹ, nhà tôi khai báo thế nào",
    ],
)
def test_a_foreigners_stay_keeps_the_foreigners_declaration(text: str) -> None:
    got = scored(text)
    assert got.topics == ("nuoc_ngoai",)
    assert not got.handoff


@pytest.mark.parametrize(
    "text",
    [
        # a registration asked as a school's condition: the school's rule, never the
        # registration's facts (who must register) as if they answered it
        "con đi học lớp 1 trường công có bắt buộc thường trú không",
        "con toi hoc truong cong ma chi co tam tru thi co duoc ko",
        "truong thcs co bat buoc phai co ho khau moi cho hoc ko",
        "vao lop 6 truong cong phai co thuong tru o quan khong",
        "xin học mầm non công lập có cần tạm trú không ad",
    ],
)
def test_a_registration_asked_as_a_schools_condition_is_the_schools(text: str) -> None:
    got = scored(text)
    assert got.topics == ()
    assert got.out_of_scope == "school"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # near misses: a school said as a landmark, the stay asked
        ("em thuê trọ gần trường tiểu học, có cần đăng ký tạm trú không", "tam_tru"),
        ("em thue tro gan truong cong lap, co can dang ky tam tru ko", "tam_tru"),
        (
            "nhà em đối diện trường mầm non, em ở trọ 3 tháng có cần đăng ký tạm trú không",
            "tam_tru",
        ),
        # the confirmation a school asks for is ours to say how to get
        ("trường công đòi giấy xác nhận cư trú cho con vào lớp 1, xin ở đâu", "xac_nhan_cu_tru"),
    ],
)
def test_a_school_beside_a_residence_matter_asked_keeps_its_answer(text: str, topic: str) -> None:
    got = scored(text)
    assert got.topics == (topic,)


@pytest.mark.parametrize(
    "text",
    [
        # a residence paper asked as another office's requirement or basis: that office's
        # rule, a person answers (never the paper's own facts as if they answered it)
        "xin giấy phép kinh doanh quán cafe cần hộ khẩu ở đây không",
        "mua bảo hiểm y tế hộ gia đình phải theo sổ hộ khẩu hả",
        "đăng ký nghĩa vụ quân sự theo tạm trú hay thường trú",
        "con toi tam hoan nghia vu quan su vi dang hoc, co can xac nhan cu tru ko",
    ],
)
def test_a_residence_paper_asked_as_another_offices_requirement_goes_to_a_person(
    text: str,
) -> None:
    got = scored(text)
    assert got.topics == ()
    assert got.handoff


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # near misses: going to do military service, the tạm vắng asked, is ours; a
        # residence paper asked for a registration of ours is answered
        (
            "Con trai tôi tháng sau đi nghĩa vụ quân sự, gia đình có phải khai báo tạm vắng "
            "cho cháu không?",
            "tam_vang",
        ),
        ("đăng ký tạm trú có cần hộ khẩu ở quê không", "tam_tru"),
    ],
)
def test_a_residence_matter_asked_beside_keeps_its_answer(text: str, topic: str) -> None:
    got = scored(text)
    assert got.topics == (topic,)
    assert not got.handoff


@pytest.mark.parametrize(
    ("text", "service"),
    [
        # another office's matter asked, where people live said beside it: that office is
        # pointed to, never a question back about a stay nobody asked
        (
            "Hai đứa mới cưới, muốn đăng ký kết hôn thì ở phường vợ hay phường chồng cũng được "
            "hả ad? Vợ ở Tân Phú, chồng ở Gò Vấp.",
            "civil_status",
        ),
        (
            "moi cuoi, muon dang ky ket hon o phuong vo hay phuong chong, vo o Tan Phu",
            "civil_status",
        ),
        ("ba mẹ tôi lên ở chung, muốn đổi bằng lái xe ở đây được không", "driving_licence"),
    ],
)
def test_another_offices_matter_beside_a_stay_said_is_pointed_on(text: str, service: str) -> None:
    got = scored(text)
    assert got.topics == ()
    assert got.clarify == ()
    assert got.out_of_scope == service


def test_a_stay_said_with_nothing_else_asked_is_still_asked_about() -> None:
    got = scored("ông bà nội lên ở với gia đình tôi, có cần khai báo gì không")
    assert set(got.clarify) == {"luu_tru", "tam_tru", "thuong_tru"}


@pytest.mark.parametrize(
    ("text", "service"),
    [
        # a province's plate asked to change after a move: the vehicle's office, the move
        # its premise
        (
            "Em chuyển về Tân Phú rồi, xe máy biển số tỉnh có phải đổi biển không ạ?",
            "vehicle_registration",
        ),
        ("chuyen khau ve tan phu roi thi xe may co phai doi bien ko", "vehicle_registration"),
        # a house's floors raised, the permit asked: the construction desk
        (
            "Xin giấy phép sửa nhà, nâng thêm 1 tầng trong hẻm đường Gò Dầu thì nộp ở đâu vậy?",
            "land",
        ),
        ("nha em muon nang them 1 tang thi xin phep o dau", "land"),
    ],
)
def test_a_plate_or_a_building_is_pointed_to_its_office(text: str, service: str) -> None:
    got = scored(text)
    assert got.topics == ()
    assert got.out_of_scope == service


def test_a_stay_asked_beside_a_house_being_repaired_keeps_its_answer() -> None:
    got = scored("em đang sửa nhà nên ở nhờ nhà bà con 2 tháng, có cần đăng ký tạm trú không")
    assert got.topics == ("tam_tru",)
    assert got.out_of_scope is None


@pytest.mark.parametrize(
    "text",
    [
        # two registrations listed with a comma (dropped with the marks): both are asked
        "Xin hỏi mức phạt khi không đăng ký thường trú, tạm trú được quy định ở nghị định nào?",
        "không đăng ký tạm trú, thường trú thì bị phạt bao nhiêu",
        "thu tuc dang ky thuong tru, tam tru can giay to gi",
    ],
)
def test_two_registrations_listed_are_both_answered(text: str) -> None:
    got = scored(text)
    assert set(got.topics) == {"tam_tru", "thuong_tru"}


def test_a_subject_pair_said_bare_is_still_asked_back() -> None:
    # near miss: "tạm trú tạm vắng" is the subject's old name, asked which
    got = scored("tôi muốn hỏi về tạm trú tạm vắng")
    assert got.topics == ()
    assert {"tam_tru", "tam_vang"} <= set(got.clarify)


@pytest.mark.parametrize(
    "text",
    [
        # one who died shown still in the household's record, the death registered: the
        # record not following it is the officers' to look into
        "Mẹ em mất 5 năm rồi, đã làm khai tử, mà trên VNeID vẫn hiện tên mẹ trong hộ. "
        "Giờ phải làm sao?",
        "ba toi mat nam ngoai, da lam khai tu roi ma vneid van hien ten ba trong ho khau",
    ],
)
def test_a_record_not_following_a_registered_death_goes_to_an_officer(text: str) -> None:
    got = scored(text)
    assert got.topics == ()
    assert got.handoff


def test_a_death_with_the_name_still_in_the_household_is_its_removal() -> None:
    # near miss: nothing shown on the record said, the removal asked
    got = scored("ba tôi mất 2 tháng, tên ông vẫn còn trong hộ, giờ xóa thế nào")
    assert got.topics == ("xoa_dang_ky",)


@pytest.mark.parametrize(
    "text",
    [
        # a home cleared, the resettlement home not yet received, where the registration is
        # kept meanwhile asked: no procedure settles it, an officer does
        "Nhà tôi bị giải tỏa làm đường, đã bàn giao nhà, nhưng chưa nhận nhà tái định cư. "
        "Hộ khẩu cả nhà giờ để đâu, có bị xóa không?",
        "nha bi giai toa, dang cho can ho tai dinh cu, thuong tru de o dau",
    ],
)
def test_a_registration_awaiting_resettlement_goes_to_an_officer(text: str) -> None:
    got = scored(text)
    assert got.topics == ()
    assert got.handoff


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # near misses: a move to a new home said, or the resettlement home received
        (
            "Nhà tôi ở Sơn Kỳ bị giải tỏa mở đường, cả nhà dọn qua Bình Tân ở thuê, vậy hộ khẩu "
            "cũ có bị xóa không",
            "xoa_dang_ky",
        ),
        ("nhận nhà tái định cư rồi thì đăng ký thường trú ở đó cần gì", "thuong_tru"),
    ],
)
def test_a_clearance_with_a_procedure_asked_keeps_its_answer(text: str, topic: str) -> None:
    got = scored(text)
    assert got.topics == (topic,)
    assert not got.handoff


@pytest.mark.parametrize(
    "text",
    [
        # a child's registration removed by another without consent: an officer looks
        "Con gái tôi 16 tuổi, vợ chồng tôi đã ly hôn. Bố cháu tự ý cắt khẩu cháu ra khỏi nhà "
        "nội mà không báo cho tôi, giờ cháu không có thường trú ở đâu. Tôi phải làm gì?",
        "chong cu tu y xoa ten con toi ra khoi ho khau, gio lam sao",
    ],
)
def test_a_registration_removed_without_consent_goes_to_an_officer(text: str) -> None:
    got = scored(text)
    assert got.topics == ()
    assert got.handoff


@pytest.mark.parametrize(
    "text",
    [
        # near misses: one's own wish to leave a household, a host's removal asked
        "tôi muốn tự cắt khẩu ra khỏi nhà chồng cũ thì làm sao",
        "chủ nhà có được tự ý xóa tạm trú của người thuê đã dọn đi không",
    ],
)
def test_a_removal_asked_keeps_its_answer(text: str) -> None:
    got = scored(text)
    assert got.topics == ("xoa_dang_ky",)
    assert not got.handoff
