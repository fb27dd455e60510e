"""Round 28's assistant pass (issue 17 §5: questions it has not seen): a spouse or other
person named by a nation typed without marks ("chong dai loan", "vo han quoc") says who
another office's matter is for, as "người nước ngoài" does: a marriage asked is the
civil-status office's, never the foreigner's stay. Each rule is tried on fresh phrasings and
on the near misses that must not change."""

from __future__ import annotations

from datetime import date

import pytest

from shared.core.assistant import knowledge
from tests.asked import answered, read

TODAY = date(2026, 12, 4)


# -- a kin or person word before a nation, typed without marks, says who -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "dang ky ket hon voi vo han quoc thi lam o dau vay ad",
        "em muon ket hon voi ban trai nhat ban, ho so nop cho ai a",
        "lam giay khai sinh cho con, ba no la chong dai loan cua em thi can giay gi",
    ],
)
def test_a_nation_typed_bare_beside_a_civil_status_matter_says_who(text: str) -> None:
    tip, topics, outside = read(text, TODAY)
    assert not tip, text
    assert topics == (), text
    assert outside == "civil_status", text


@pytest.mark.parametrize(
    "text",
    [
        # near miss: the spouse's stay asked beside the marriage: the stay is answered too
        "ket hon xong chong dai loan cua em qua o nha em thi khai bao tam tru sao",
        # near miss: no other office's matter, the spouse's stay alone
        "vo han quoc cua toi moi sang o nha toi, khai bao cho co ay the nao",
    ],
)
def test_a_nation_typed_bare_beside_a_stay_still_asks_the_stay(text: str) -> None:
    tip, topics, _ = read(text, TODAY)
    assert not tip, text
    assert topics, text


# -- the opening words ask nothing: a short question counted from after them -------------------


@pytest.mark.parametrize(
    "text",
    [
        "Cho em hỏi về việc đăng ký cho con ạ",
        "cho toi hoi ve viec dang ky cho be voi",
    ],
)
def test_an_opened_short_registration_for_a_child_asks_which(text: str) -> None:
    result = answered(text, TODAY)
    buttons = {b.payload for r in result.replies for b in r.buttons}
    assert not result.topics, text
    assert {knowledge().buttons["thuong_tru"], knowledge().buttons["tam_tru"]} <= buttons, text


@pytest.mark.parametrize(
    "text",
    [
        # near miss: more said after the opening words: the newborn's registration answered
        "cho tôi hỏi đăng ký cho con mới sinh ở nhà ông bà nội thì nộp ở đâu",
    ],
)
def test_an_opened_longer_question_is_answered(text: str) -> None:
    result = answered(text, TODAY)
    assert result.topics, text


# -- a registration shown at an address one never lived at: an officer looks it up ------------


@pytest.mark.parametrize(
    "text",
    [
        "tren VNeID ghi toi tam tru o Binh Tan ma toi chua bao gio o do, sao vay",
        "Hồ sơ của em hiện thường trú ở một nhà bên Gò Vấp, em chưa từng ở địa chỉ đó ạ",
    ],
)
def test_a_record_at_an_address_never_lived_at_goes_to_an_officer(text: str) -> None:
    result = answered(text, TODAY)
    assert result.handoff, text
    assert not result.topics, text


@pytest.mark.parametrize(
    "text",
    [
        # near miss: never registered before, registering now asked: answered
        "em chưa bao giờ đăng ký tạm trú, giờ đăng ký ở phòng trọ mới cần giấy gì",
    ],
)
def test_never_registered_before_is_still_answered(text: str) -> None:
    result = answered(text, TODAY)
    assert not result.handoff, text
    assert "tam_tru" in result.topics, text
