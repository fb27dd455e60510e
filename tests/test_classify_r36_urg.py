"""Principles of urgency added in round 36 (issue 17, urg-36), each tried on phrasings of our
own beside near misses that must keep their reading. `classify` is read: the learned model
weighs a tip's urgency too, and the rules must hold against it where they say so."""

from __future__ import annotations

import pytest

from shared.core.classify import classify
from tests.rules_reading import tip_severity as _severity


# "dam nhau" typed without marks is also "đám nhậu" (a drinking party), "tu tu" also "từ từ"
# (slowly): a noisy party is no fight, no suicide; a stabbing or a suicide said with its
# marks, going on, or beside its blood, blade or means stays urgent
@pytest.mark.parametrize(
    "text",
    [
        "dam nhau o dau hem 34 Tay Thanh ngoi tu tu chieu toi gio, hat ho la het, ko ai ngu dc",
        "dam nhau ngoi lai rai tu trua, hat karaoke um xum",
        "dam nhau hem 9 Go Dau nhau tu tu chieu toi gio, la het om som",
        "đám nhậu đầu hẻm la hét từ chiều tới giờ, không ai ngủ được",
        "dam nhau truoc cua nha tui la het chui the tu 8h toi, tui ra nhac thi tui no chui lai",
    ],
)
def test_a_drinking_party_typed_bare_is_no_fight(text: str) -> None:
    assert _severity(text) == "normal"


@pytest.mark.parametrize(
    "text",
    [
        "2 thang dang dam nhau o dau hem 12 Au Co",
        "2 đứa đang đâm nhau trước hẻm",
        "tui no dam nhau truoc hem, co thang cam dao",
        "2 ong say xin dam nhau truoc quan bia, 1 ong chay mau nam duoi dat ko day",
        "cuu voi hem 48 co 2 thang dang dam nhau, 1 thang bi dam vo bung",
    ],
)
def test_a_stabbing_typed_bare_stays_urgent(text: str) -> None:
    assert _severity(text) == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "thang ban toi noi no muon tu tu",
        "thằng bạn tôi nói nó muốn tự tử",
        "con tôi nói muốn tự tử vì bị bạn bắt nạt",
        "em gai toi nhan tin se tu tu, gio goi ko nghe may",
        "ban cung phong em doi tu tu, gio khoa cua phong ko ra",
        "co nguoi tu tu o cau Tan Hoa, cuu voi",
        "anh ơi có người đang tự tử trên sân thượng chung cư",
        "chi o phong ke ben uong thuoc tu tu, de lai thu tren cua, cua khoa trong",
    ],
)
def test_a_suicide_meant_or_tried_is_urgent(text: str) -> None:
    assert _severity(text) == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "tuần trước có người tự tử ở cầu này",
        "tháng trước thằng bạn tôi đòi tự tử, giờ nó ổn rồi",
    ],
)
def test_a_suicide_long_over_stays_normal(text: str) -> None:
    assert _severity(text) == "normal"


def test_slowly_typed_bare_is_no_suicide() -> None:
    verdict = classify("di tu tu thoi, ko can gap")
    assert verdict.severity == "normal"
