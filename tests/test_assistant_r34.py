"""Round 34 (asst-34): dev set 49's wrong answers by principle, tried in fresh words.

Each case is a citizen's phrasing of its own (typos and missing marks included), run the
way the line runs a question (classify, then the assistant), as `tests/understanding.py`
scores it: the topic and the parts asked, a hand-off to the desk, or the question back.
"""

from __future__ import annotations

import pytest

from shared.core.classify import classify
from tests.asked import scored


@pytest.mark.parametrize(
    "text",
    [
        # the registration refused by the ward itself, for a reason it gave: an officer looks
        "Phường nói khu trọ không đủ điều kiện an toàn phòng cháy nên từ chối đăng ký tạm trú "
        "cho cả dãy, tụi em ở đây 3 năm rồi.",
        "khu tro nha em bi cong an phuong tu choi dang ky tam tru vi chua dat tieu chuan phong "
        "chay, tui em o 3 nam roi",
        "Phường không cho đăng ký tạm trú vì nhà trọ chưa đạt chuẩn PCCC, cả chục người ở đây",
        "công an phường không nhận hồ sơ nhập khẩu cho mẹ tôi, bảo là nhà chưa có sổ hồng",
    ],
)
def test_a_registration_the_office_refused_goes_to_an_officer(text: str) -> None:
    got = scored(text)
    assert got.handoff and not got.tip and not got.topics


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # near misses: a refusal feared or a right asked of, no refusal told: the procedure
        ("nhà trọ chưa có PCCC thì phường có từ chối đăng ký tạm trú không", "tam_tru"),
        ("phường có quyền từ chối đăng ký tạm trú không ạ", "tam_tru"),
        ("em ở phường 5, muốn đăng ký tạm trú cho bạn thì làm sao", "tam_tru"),
    ],
)
def test_a_refusal_not_told_is_the_procedure(text: str, topic: str) -> None:
    got = scored(text)
    assert got.topics == (topic,) and not got.handoff and not got.tip


def test_a_fire_said_is_still_a_fire() -> None:
    # the fire-safety conditions named are no fire; a room burning is one
    verdict = classify("phòng trọ bên cạnh đang cháy, khói đầy hành lang")
    assert verdict.kind == "tip" and verdict.category == "fire"
    verdict = classify("nhà trọ kế bên cháy rồi, lửa lan qua phòng em")
    assert verdict.kind == "tip" and verdict.category == "fire"


@pytest.mark.parametrize(
    "text",
    [
        # renting parents asking the tạm trú for their newborn: that registration, the
        # newborn's 60-day rule said first; never the permanent registration's facts
        "Vợ chồng mình thuê trọ, vừa sinh bé được 3 tuần, có phải làm tạm trú cho bé không?",
        "vo chong em o nha thue, moi sanh con, dang ky tam tru cho con co bat buoc ko a",
        "Con mình vừa sinh được 2 tuần, bố mẹ đang ở trọ, khai báo tạm trú cho cháu có cần không",
    ],
)
def test_a_newborns_tam_tru_named_is_tam_tru(text: str) -> None:
    got = scored(text)
    assert got.topics == ("tam_tru",) and not got.tip
    assert "Trẻ mới sinh" in got.text and "60 ngày" in got.text


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # near misses: the permanent registration named, or nothing named, for the newborn
        ("con moi sinh, nhap khau cho be o dau", "thuong_tru"),
        ("vợ em mới sinh bé, đăng ký thường trú cho bé cần gì", "thuong_tru"),
        # the renewal named for the child is the renewal
        ("con em mới sinh, gia hạn tạm trú cho bé thế nào", "gia_han_tam_tru"),
    ],
)
def test_a_newborns_other_registration_is_its_own(text: str, topic: str) -> None:
    assert scored(text).topics == (topic,)


@pytest.mark.parametrize(
    "text",
    [
        # a foreigner staying with the household, the relatives offered as who declares or
        # said to be who the writer lives with: the foreigner's declaration alone
        "Bạn gái tôi người Nhật sang chơi nhà tôi 1 tuần, ba mẹ tôi hay tôi đứng tên khai báo?",
        "ban nguoi Uc cua em o chung voi ba me em 3 tuan, khai bao sao",
        "Anh bạn người Đức tới ở nhà mình 10 ngày, mình sống chung với bố mẹ. Ai khai báo cho "
        "anh ấy, bố mẹ mình hay mình?",
    ],
)
def test_the_household_is_no_second_visitor(text: str) -> None:
    got = scored(text)
    assert got.topics == ("nuoc_ngoai",) and not got.tip


def test_a_relative_come_with_the_foreigner_is_a_second_visitor() -> None:
    # near miss: the parents come too, for a week: their stay beside the foreigner's
    got = scored("Khách người Hàn với ba mẹ em dưới quê lên ở nhà em 1 tuần thì khai báo sao")
    assert got.topics == ("nuoc_ngoai", "luu_tru")


@pytest.mark.parametrize(
    "text",
    [
        # put out of the home, the registration pushed off beside it or against a lease
        "chu tro moi mua lai day tro, doa duoi tui em di va bat xoa tam tru, hop dong thue con "
        "5 thang",
        "Bà chị chồng đuổi hai mẹ con tôi khỏi nhà, còn đòi lên phường xóa hộ khẩu của tôi",
        # removed by another while away, nowhere to register now
        "Ông chú cho cắt khẩu của em khỏi nhà nội lúc em đi nghĩa vụ, giờ xuất ngũ về em không "
        "còn chỗ nào để đăng ký",
        # a file sent back again and again, a different paper each time
        "hồ sơ tạm trú của em phường cứ bắt bổ sung hoài, lần nào cũng đòi thêm giấy khác",
        "nop ho so nhap khau 1 thang roi, can bo cu bao bo sung giay nay giay kia, gio sao",
        # a registration at a place one never lived, one's card lent or used by another
        "E bi ban muon cccd roi dang ky tam tru o 1 cho e chua tung o, gio sao a",
    ],
)
def test_a_dispute_or_a_record_not_ones_own_goes_to_an_officer(text: str) -> None:
    got = scored(text)
    assert got.handoff and not got.tip


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # near misses: the removal asked of, no one put out; one's own removal asked
        (
            "Nhà bán cho người ta rồi, chủ mới đòi cắt khẩu cả nhà, trong bao lâu phải làm vậy?",
            "xoa_dang_ky",
        ),
        (
            "cãi nhau với chủ trọ xong ổng đuổi đi rồi, ổng không báo xóa tạm trú cho em, em tự "
            "xóa được ko",
            "xoa_dang_ky",
        ),
    ],
)
def test_a_removal_asked_is_deregistration(text: str, topic: str) -> None:
    got = scored(text)
    assert got.topics == (topic,) and not got.handoff


@pytest.mark.parametrize(
    ("text", "buttons"),
    [
        # one of the home gone far to study or work, nothing named: tạm vắng where one
        # leaves, tạm trú where one goes
        ("Con tôi đi học xa nhà thì phải khai báo gì", {"tam_vang", "tam_tru"}),
        (
            "con gai em di hoc o tinh khac thi can lam thu tuc gi voi cong an",
            {"tam_vang", "tam_tru"},
        ),
        # someone come to stay a few days, nobody described: a citizen's stay or a foreigner's
        ("co ban toi nha o vai hom thi phai bao gi ko", {"luu_tru", "nuoc_ngoai"}),
        ("Nhà có người quen ghé ở mấy bữa, cần khai báo gì không ạ", {"luu_tru", "nuoc_ngoai"}),
        # near miss: no length said, a stay of any length
        ("nhà có người tới ở thì khai báo sao", {"luu_tru", "tam_tru", "nuoc_ngoai"}),
    ],
)
def test_a_going_or_a_coming_unnamed_is_asked_back(text: str, buttons: set[str]) -> None:
    got = scored(text)
    assert not got.topics and not got.tip
    assert set(got.clarify) == buttons


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # near misses: the procedure named, or a relative's visit, or one's own trip
        ("con toi di hoc xa, thue tro o Thu Duc, dang ky tam tru can giay gi", "tam_tru"),
        ("con tôi đi học xa nhà thì khai tạm vắng ở đâu", "tam_vang"),
        ("mẹ em lên ở mấy bữa có cần khai báo không", "luu_tru"),
        ("em về quê ở mấy bữa thì có cần báo gì không", "tam_vang"),
    ],
)
def test_a_going_or_a_coming_named_is_answered(text: str, topic: str) -> None:
    assert scored(text).topics == (topic,)


@pytest.mark.parametrize(
    "text",
    [
        # one's tạm trú near its end and a move near too: renewed staying on, or registered
        # anew where one moves, asked which
        "tạm trú sắp hết hạn mà tôi cũng sắp chuyển trọ, giờ tính sao",
        "tam tru cua em gan het han, thang sau em tinh chuyen tro, phai lam sao",
    ],
)
def test_a_tam_tru_ending_beside_a_move_asks_which(text: str) -> None:
    got = scored(text)
    assert not got.topics and set(got.clarify) == {"gia_han_tam_tru", "tam_tru"}


def test_a_tam_tru_ending_with_no_move_is_its_renewal() -> None:
    # near miss: no move said, the renewal asked
    assert scored("tạm trú sắp hết hạn thì gia hạn ở đâu").topics == ("gia_han_tam_tru",)


@pytest.mark.parametrize(
    "text",
    [
        # the residence paper said first, then made: which registration or the confirmation
        "giấy cư trú làm có tốn tiền không",
        "giay cu tru lam o dau vay",
    ],
)
def test_a_residence_paper_made_said_first_asks_which(text: str) -> None:
    got = scored(text)
    assert not got.topics
    assert set(got.clarify) == {"xac_nhan_cu_tru", "tam_tru", "thuong_tru"}


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # the amending law or when a rule takes effect: the legal basis, with its dates
        ("luat sua doi ve tam tru co hieu luc tu khi nao vay", "tam_tru"),
        ("quy định mới về tạm vắng áp dụng từ ngày nào ạ", "tam_vang"),
    ],
)
def test_when_a_rule_takes_effect_is_its_legal_basis(text: str, topic: str) -> None:
    got = scored(text)
    assert got.topics == (topic,) and "can_cu" in got.sections


@pytest.mark.parametrize(
    "text",
    [
        # asked in English, who is moving unsaid: a foreigner's stay or a citizen's, asked
        "Do I have to register at the ward when I move in?",
        "what should I register with the police after moving here",
    ],
)
def test_registering_asked_in_english_by_nobody_described_asks_which(text: str) -> None:
    got = scored(text)
    assert not got.topics and set(got.clarify) == {"nuoc_ngoai", "tam_tru", "luu_tru"}


def test_registering_asked_in_english_by_a_foreigner_is_theirs() -> None:
    # near miss: the nationality said
    got = scored("I'm Korean, renting a room here. Do I need to register with the police?")
    assert got.topics == ("nuoc_ngoai",)


def test_a_refusal_feared_is_the_procedure() -> None:
    # near miss: "lỡ" (should it happen): a refusal feared, none told
    got = scored("lỡ phường từ chối đăng ký tạm trú vì nhà chưa có số nhà thì sao")
    assert got.topics == ("tam_tru",) and not got.handoff
