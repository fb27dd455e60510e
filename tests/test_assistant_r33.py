"""Round 33 (asst-33): dev set 48's residence questions by principle, tried in fresh words.

Each case is a citizen's phrasing of its own (typos and missing marks included), run the
way the line runs a question (classify, then the assistant), as `tests/understanding.py`
scores it: the topic and the parts asked, or the question back and its buttons.
"""

from __future__ import annotations

import pytest

from tests.asked import scored


@pytest.mark.parametrize(
    ("text", "buttons"),
    [
        # a residence paper said expired, which unsaid: the renewal, or the confirmation
        ("giấy tờ cư trú của em hết hạn rồi, giờ sao ạ", {"gia_han_tam_tru", "xac_nhan_cu_tru"}),
        ("giay cu tru qua han thi lam the nao", {"gia_han_tam_tru", "xac_nhan_cu_tru"}),
        # residence papers said lost: the card's re-issue, or the confirmation
        ("giấy tờ cư trú bị mất hết rồi thì làm sao", {"mat_giay_to", "xac_nhan_cu_tru"}),
        ("lam mat giay cu tru roi phai lam gi", {"mat_giay_to", "xac_nhan_cu_tru"}),
        # a long work trip, nothing named: tạm vắng where one leaves, tạm trú where one goes
        (
            "sắp đi công tác lâu ngày thì có cần báo gì với công an không",
            {"tam_vang", "tam_tru"},
        ),
        ("di cong tac may thang lien thi co phai khai gi ko", {"tam_vang", "tam_tru"}),
        # how long before one must register, nothing named: each registration's threshold
        ("ở bao lâu thì phải đăng ký ạ", {"tam_tru", "thuong_tru", "luu_tru"}),
        ("may ngay thi phai dang ky vay ad", {"tam_tru", "thuong_tru", "luu_tru"}),
        # someone come home to live ("về ở"): a stay, a tạm trú or a permanent registration
        ("nhà em có thêm người về ở thì phải khai gì", {"luu_tru", "tam_tru", "thuong_tru"}),
        ("nhà vừa có người về ở, cần làm giấy tờ gì không", {"luu_tru", "tam_tru", "thuong_tru"}),
        # near miss: "tới ở", nobody described, may be a foreigner
        ("nhà có người mới tới ở thì khai báo sao", {"luu_tru", "tam_tru", "nuoc_ngoai"}),
        # a house let, its papers asked, whom to unsaid
        ("cho người ta thuê nhà thì cần giấy tờ gì", {"luu_tru", "tam_tru", "nuoc_ngoai"}),
    ],
)
def test_a_subject_asked_bare_is_asked_back(text: str, buttons: set[str]) -> None:
    got = scored(text)
    assert not got.topics and not got.tip
    assert set(got.clarify) == buttons


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # near misses: the registration named is answered
        ("tạm trú hết hạn rồi thì làm sao", "gia_han_tam_tru"),
        ("xác nhận cư trú hết hạn thì xin lại sao", "xac_nhan_cu_tru"),
        ("mất căn cước thì làm lại ở đâu", "mat_giay_to"),
        ("đi công tác 4 tháng có phải khai tạm vắng không", "tam_vang"),
        ("ở bao lâu thì phải đăng ký tạm trú", "tam_tru"),
    ],
)
def test_the_procedure_named_is_answered(text: str, topic: str) -> None:
    assert scored(text).topics == (topic,)


@pytest.mark.parametrize(
    ("text", "topic", "parts"),
    [
        # a removal one must report, by when: the duty's deadline (07 days) is in ai_khi
        ("chủ trọ phải báo xóa tạm trú cho người thuê trong bao lâu", "xoa_dang_ky", {"ai_khi"}),
        # one notice for many nights or one each night: what a notice covers, and when
        (
            "bao luu tru cho khach o 2 tuan thi khai 1 lan hay moi dem phai khai",
            "luu_tru",
            {"ai_khi", "thoi_gian"},
        ),
        # a group registered by list, whether it may be: who may, and how it is filed
        (
            "trường đăng ký tạm trú theo danh sách cho cả lớp được không",
            "tam_tru",
            {"ai_khi", "noi_nop"},
        ),
        # the confirmation asked at the ward one lives in: where it may be asked
        (
            "hộ khẩu ở Bến Tre mà em đang ở Tân Phú, xin xác nhận cư trú tại phường này được không",
            "xac_nhan_cu_tru",
            {"noi_nop"},
        ),
        # "how" asked in English after a yes-or-no: how it is filed, beside whether
        (
            "My Korean wife will stay at my house for 2 weeks. Do I need to report her? If so how?",
            "nuoc_ngoai",
            {"ai_khi", "noi_nop"},
        ),
    ],
)
def test_the_part_asked_is_given(text: str, topic: str, parts: set[str]) -> None:
    got = scored(text)
    assert got.topics == (topic,)
    assert parts <= set(got.sections)


@pytest.mark.parametrize(
    "text",
    [
        # the landlord refusing to sign for the tenant's registration, what to do asked: an
        # officer looks at it (as "chủ nhà không cho đăng ký")
        "bà chủ trọ nhất quyết không ký xác nhận chỗ ở, em muốn đăng ký tạm trú thì giải quyết "
        "sao ạ",
        "chu tro ko chiu ky giay cho tui lam tam tru, tui o 8 thang roi, gio tinh sao",
        "chủ nhà không chịu ký xác nhận cho tui đăng ký tạm trú, giờ tui phải làm gì",
    ],
)
def test_a_landlord_refusing_to_sign_is_handed_to_an_officer(text: str) -> None:
    assert scored(text).handoff


def test_the_papers_asked_instead_of_the_signature_are_answered() -> None:
    # near miss: the lawful alternative asked (a lease stands in), the procedure answers
    got = scored("chủ trọ không chịu ký xác nhận cho em đăng ký tạm trú, vậy cần giấy tờ gì thay ạ")
    assert not got.handoff
    assert got.topics == ("tam_tru",) and "giay_to" in got.sections


@pytest.mark.parametrize(
    "text",
    [
        # the household's own move, "ở" between: its registration, tạm trú or thường trú
        "cả nhà tui mới dọn qua ở nhà mới bên Tân Phú, có cần báo gì với phường không",
        "vo chong em chuyen sang o nha moi thi phai dang ky gi",
    ],
)
def test_a_household_moving_in_is_asked_which_registration(text: str) -> None:
    got = scored(text)
    assert not got.topics and set(got.clarify) == {"tam_tru", "thuong_tru"}


def test_kin_come_to_stay_at_the_new_home_stays_a_visit() -> None:
    # near miss: a relative come to stay there is asked the stay's length, not the move
    got = scored("mẹ em lên ở nhà mới của em thì khai báo sao")
    assert set(got.clarify) == {"luu_tru", "tam_tru"}


@pytest.mark.parametrize(
    "text",
    [
        # back from settling abroad, registering again, the passport expired: which paper
        # proves citizenship the procedure files do not say; an officer answers
        "ba tui dinh cu ben uc 20 nam, gio ve o han, ho chieu vn cua ba het han lau roi, nhap "
        "khau lai vo nha tui duoc ko",
        "chị tôi định cư ở Pháp, về nước thì hộ chiếu đã hết hạn, muốn nhập hộ khẩu lại nhà mẹ",
    ],
)
def test_a_returnee_with_an_expired_passport_is_handed_to_an_officer(text: str) -> None:
    got = scored(text)
    assert got.handoff and not got.topics


@pytest.mark.parametrize(
    ("text", "topic", "service"),
    [
        # near misses: a valid passport said asks the registration; a renewal asked alone is
        # the passport office's
        (
            "Tôi định cư ở Mỹ hơn 20 năm, nay về hẳn, vẫn còn hộ chiếu Việt Nam, muốn đăng ký "
            "thường trú ở nhà anh trai thì cần giấy tờ gì",
            "thuong_tru",
            None,
        ),
        ("Việt kiều về nước chơi, hộ chiếu hết hạn thì gia hạn ở đâu", None, "passport"),
    ],
)
def test_a_valid_passport_or_its_renewal_is_answered(
    text: str, topic: str | None, service: str | None
) -> None:
    got = scored(text)
    assert not got.handoff
    assert got.topics == ((topic,) if topic else ())
    assert got.out_of_scope == service


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # back for good after settling abroad: the registration, never the removal
        (
            "tôi định cư bên Canada 15 năm, vẫn quốc tịch Việt Nam, giờ về ở hẳn, muốn đăng ký "
            "thường trú ở nhà chị gái",
            "thuong_tru",
        ),
        # near misses: leaving to settle abroad is the removal
        ("chuẩn bị đi Mỹ định cư, có cần làm gì với hộ khẩu không", "xoa_dang_ky"),
        ("con tôi định cư ở Úc, có phải xóa thường trú không", "xoa_dang_ky"),
    ],
)
def test_back_for_good_registers_and_leaving_removes(text: str, topic: str) -> None:
    assert scored(text).topics == (topic,)


@pytest.mark.parametrize(
    ("text", "buttons"),
    [
        # a new member of the household, nobody described
        (
            "nhà mình vừa có thêm người mới, cần khai gì không ạ",
            {"luu_tru", "tam_tru", "thuong_tru"},
        ),
        # someone moving out to live elsewhere: where they go, or the absence here
        ("ba em chuyển đi chỗ khác ở rồi thì cần làm gì", {"tam_vang", "thuong_tru", "tam_tru"}),
        # a house let for long: the tenants' tạm trú or a foreigner's declaration, no guest's night
        ("nhà tui cho thuê căn hộ dài hạn, cần báo gì với phường không", {"tam_tru", "nuoc_ngoai"}),
        # papers to prepare, or where to start, nothing named
        ("muốn hỏi cần chuẩn bị những giấy tờ gì", {"thuong_tru", "tam_tru", "xac_nhan_cu_tru"}),
        (
            "em muốn đi làm giấy tờ ở công an phường mà không biết bắt đầu từ đâu",
            {"thuong_tru", "tam_tru", "xac_nhan_cu_tru"},
        ),
    ],
)
def test_more_subjects_asked_bare_are_asked_back(text: str, buttons: set[str]) -> None:
    got = scored(text)
    assert not got.topics and set(got.clarify) == buttons


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # near misses: the procedure or the person named is answered
        ("cho thuê phòng dài hạn cho 2 người Hàn Quốc thì khai báo sao", "nuoc_ngoai"),
        ("cho thuê nhà dài hạn thì đăng ký tạm trú cho người thuê thế nào", "tam_tru"),
        ("chuyển đi nơi khác thì có phải xóa tạm trú không", "xoa_dang_ky"),
    ],
)
def test_named_beside_those_subjects_is_answered(text: str, topic: str) -> None:
    assert scored(text).topics == (topic,)


def test_the_confirmation_asked_here_gets_whether_and_where() -> None:
    got = scored("chỉ có tạm trú ở đây, thường trú ở Cà Mau, xin xác nhận cư trú ở đây được không")
    assert got.topics == ("xac_nhan_cu_tru",)
    assert {"ai_khi", "noi_nop"} <= set(got.sections)


@pytest.mark.parametrize(
    ("text", "buttons"),
    [
        # a residence paper near its end, which unsaid: the renewal, or the confirmation
        ("giay cu tru cua toi sap het han r, lam sao ad", {"gia_han_tam_tru", "xac_nhan_cu_tru"}),
        # registering one's tenants, who they are unsaid: their tạm trú or a foreigner's
        ("cho hỏi đăng ký cho người thuê phòng nhà tôi làm sao", {"tam_tru", "nuoc_ngoai"}),
        # a boarding house opened, the duties about who lives there
        (
            "tui mới xây dãy trọ cho thuê, giờ phải làm gì với công an về người ở",
            {"tam_tru", "luu_tru"},
        ),
        # just come to the city, the office said after it
        (
            "mình mới lên Sài Gòn đi làm, có phải làm giấy tờ gì với phường không vậy",
            {"tam_tru", "luu_tru"},
        ),
    ],
)
def test_still_more_subjects_asked_bare_are_asked_back(text: str, buttons: set[str]) -> None:
    got = scored(text)
    assert not got.topics and set(got.clarify) == buttons


def test_a_boarding_house_licence_is_not_asked_back() -> None:
    # near miss: the business's own licence is not a residence duty
    got = scored("mở dãy trọ cần giấy phép kinh doanh gì không")
    assert not got.clarify


@pytest.mark.parametrize(
    ("text", "buttons"),
    [
        # "tt" after "đăng ký" abbreviates tạm trú or thường trú, never lưu trú
        ("muon hoi dk tt o dau", {"tam_tru", "thuong_tru"}),
        ("cho mình hỏi đăng ký tt thì cần mang gì", {"tam_tru", "thuong_tru"}),
        # a newborn's residence formalities: its registration, no confirmation
        ("thu tuc cu tru cho be moi de thi lam the nao", {"thuong_tru", "tam_tru"}),
    ],
)
def test_an_abbreviation_or_a_newborn_asks_the_registrations(text: str, buttons: set[str]) -> None:
    got = scored(text)
    assert not got.topics and set(got.clarify) == buttons


@pytest.mark.parametrize(
    ("text", "buttons"),
    [
        # leave to ask, asked: "được không" there asks no part, the subject is asked back
        (
            "chao ad, cho hoi ve so ho khau ti dc ko",
            {"thuong_tru", "xoa_dang_ky", "xac_nhan_cu_tru"},
        ),
        ("em hỏi về hộ khẩu xíu được không ạ", {"thuong_tru", "xoa_dang_ky", "xac_nhan_cu_tru"}),
    ],
)
def test_leave_to_ask_asks_no_part(text: str, buttons: set[str]) -> None:
    got = scored(text)
    assert not got.topics and set(got.clarify) == buttons


def test_whether_a_way_of_filing_may_be_used_is_still_asked() -> None:
    # near miss: "được không" after the matter asks whether (here: online, where)
    got = scored("tam tru lam online dc ko")
    assert got.topics == ("tam_tru",) and "noi_nop" in got.sections
