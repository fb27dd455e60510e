"""Round 23's assistant pass (issue 17 §5: an assistant that knows its edges): what a
question is for decides its answer, not every procedure its words name. Each rule is tried
on fresh phrasings and on the near misses that must not change."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from shared.core.assistant import AssistantResult, ConversationState, answer, knowledge
from tests.asked import NO_PHONE, read

TODAY = date(2026, 12, 3)


# -- a residence paper asked as another office's requirement is that office's ---------------


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("xin cấp hộ chiếu cho bé nhà em 3 tuổi có cần sổ hộ khẩu không ạ", "passport"),
        ("làm passport lần đầu ở TP có cần tạm trú không vậy", "passport"),
        ("đăng ký sang tên xe máy cũ có cần xác nhận cư trú không", "vehicle_registration"),
    ],
)
def test_a_paper_required_by_another_office_is_that_offices(text: str, service: str) -> None:
    assert read(text, TODAY) == (False, (), service), text


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # the paper named as a procedure of its own beside the other office: still answered
        ("em đi làm hộ chiếu rồi, giờ muốn đăng ký tạm trú ở Tân Phú thì cần giấy gì", "tam_tru"),
        ("xin hộ chiếu xong em về quê, khai báo tạm vắng thế nào", "tam_vang"),
    ],
)
def test_a_procedure_named_beside_another_office_is_still_answered(text: str, topic: str) -> None:
    assert topic in read(text, TODAY)[1], text


# -- a part asked of nothing asks which procedure, before any fact ----------------------------


def _asked_which(result: AssistantResult) -> tuple[str, ...]:
    titles = {title: topic for topic, title in knowledge().buttons.items()}
    return tuple(titles[b.title] for r in result.replies for b in r.buttons if b.title in titles)


@pytest.mark.parametrize(
    ("text", "which"),
    [
        ("tiền lệ phí hết nhiêu vậy ad", ("tam_tru", "thuong_tru", "xac_nhan_cu_tru")),
        ("nop ho so o cho nao a", ("tam_tru", "thuong_tru", "xac_nhan_cu_tru")),
        ("cần mang giấy gì theo ạ", ("tam_tru", "thuong_tru", "xac_nhan_cu_tru")),
        ("ko lam thi bi phat bao nhieu", ("tam_tru", "luu_tru", "nuoc_ngoai")),
    ],
)
def test_a_part_asked_of_nothing_asks_which(text: str, which: tuple[str, ...]) -> None:
    result = answer(text, TODAY, NO_PHONE)
    assert (result.topics, result.sections) == ((), ()), text
    assert _asked_which(result) == which, text


def test_a_part_asked_of_a_named_or_recent_procedure_is_answered() -> None:
    # the procedure named: its part
    named = answer("lệ phí đăng ký tạm trú hết nhiêu vậy ad", TODAY, NO_PHONE)
    assert (named.topics, named.sections) == (("tam_tru",), ("le_phi",))
    # right after its answer: that procedure's part (a follow-up)
    now = datetime(2026, 12, 3, 3, 0, tzinfo=UTC)
    state = ConversationState("luu_tru", now)
    later = answer(
        "ko lam thi bi phat bao nhieu", TODAY, NO_PHONE, state, now + timedelta(minutes=2)
    )
    assert (later.topic, later.sections) == ("luu_tru", ("muc_phat",))
    # a longer question about residence in general: the common facts of that part
    text = "cho em hỏi lệ phí của các thủ tục đăng ký cư trú bây giờ là bao nhiêu vậy ạ"
    general = answer(text, TODAY, NO_PHONE)
    assert general.topic is None and general.sections == ("le_phi",)


# -- a residence verb said bare, nothing else read, asks which rather than the whole menu -----


@pytest.mark.parametrize(
    ("text", "which"),
    [
        ("chào ad, em muốn hỏi chuyện đăng ký với ạ", ("tam_tru", "thuong_tru")),
        ("minh muon dk o day thi phai lam sao", ("tam_tru", "thuong_tru")),
        ("phải khai báo với phường như nào vậy mọi người", ("tam_tru", "luu_tru", "tam_vang")),
    ],
)
def test_a_bare_residence_verb_asks_which(text: str, which: tuple[str, ...]) -> None:
    result = answer(text, TODAY, NO_PHONE)
    assert (result.topics, result.sections) == ((), ()), text
    assert _asked_which(result) == which, text


def test_a_bare_verb_leaves_what_else_is_read_alone() -> None:
    # a procedure named: its answer
    assert answer("đăng ký tạm trú cần giấy gì vậy ạ", TODAY, NO_PHONE).topics == ("tam_tru",)
    # a guest's stay said without its length: the stay's own question (lưu trú or tạm trú)
    stay = answer("khai bao cho ban o nho nha minh sao vay", TODAY, NO_PHONE)
    assert set(_asked_which(stay)) == {"luu_tru", "tam_tru"}, stay
    # the menu asked for: the menu
    assert len(_asked_which(answer("menu", TODAY, NO_PHONE))) > 3
    # another office's registration: its pointer
    assert read("đăng ký xe máy mới mua ở đâu vậy", TODAY)[2] == "vehicle_registration"


# -- the person a procedure is for unable to sign for themselves: an officer answers ----------


@pytest.mark.parametrize(
    "text",
    [
        "mẹ tôi bị đột quỵ, giờ không ký được nữa, muốn chuyển hộ khẩu mẹ về nhà tôi thì sao",
        "ba e lan roi, khong con minh man, can xin xac nhan cu tru cho ba thi lam the nao",
    ],
)
def test_one_who_cannot_sign_for_themselves_is_handed_to_an_officer(text: str) -> None:
    result = answer(text, TODAY, NO_PHONE)
    assert result.handoff and not result.topics, text


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # only unable to travel: a relative goes with an authorization, the procedure answers
        (
            "mẹ tôi già yếu không đi lại được, tôi đi xin xác nhận cư trú thay được không",
            "xac_nhan_cu_tru",
        ),
        ("ong toi khong di duoc, toi di dang ky thuong tru thay ong can giay gi", "thuong_tru"),
    ],
)
def test_one_who_only_cannot_travel_gets_the_procedure(text: str, topic: str) -> None:
    result = answer(text, TODAY, NO_PHONE)
    assert not result.handoff and topic in result.topics, text
