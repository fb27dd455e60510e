"""Principles of category added in round 32's second wave (issue 17, cat-32), each on the
situation described rather than on a topic word. Tried on phrasings of our own, each beside a
near miss that must not change. The rules' own verdict is read (`by_rules`) unless the learned
model's part is the point."""

from __future__ import annotations

import pytest

from shared.core.classify import classify
from tests.rules_reading import tip_category


# A gambling den told as a habit, its din and the quarrels it breeds told beside it: the din
# (public order) scores highest, and both the gambling and the quarrel's threat beat it; the one
# told most takes it (the den), not the one listed first (violence)
@pytest.mark.parametrize(
    "text",
    [
        "Nhà số 9 hẻm 40 Lũy Bán Bích tối nào cũng đánh bài ăn tiền tới 2 3h sáng, la hét om sòm, "
        "tối qua còn cãi nhau đòi chém nhau",
        "day tro so 5 duong Go Dau dem nao cung danh bai an tien toi sang, la het om som, toi qua "
        "con doi chem nhau",
        "căn nhà cuối hẻm 22 Phú Thọ Hòa tối nào cũng đánh bài ăn tiền, la hét ồn ào om sòm, hôm "
        "qua 2 đứa cãi nhau đòi chém nhau",
    ],
)
def test_gambling_den_with_its_din_and_quarrels_is_gambling(text: str) -> None:
    assert tip_category(text) == "gambling"


# near misses: a fight told most, with its din and no gambling, stays violence; so does a
# drinking spot's din with a threat beside it (only violence beats the din there)
@pytest.mark.parametrize(
    "text",
    [
        "Hẻm 7 Bình Long tối qua 2 nhóm cãi nhau la hét om sòm rồi chém nhau, 1 người bị chém vào "
        "tay chảy máu, đánh nhau tới khuya",
        "quán nhậu đầu hẻm tối nào cũng hát karaoke la hét om sòm, hôm qua say xỉn cãi nhau đòi "
        "chém nhau",
    ],
)
def test_a_fight_told_most_stays_violence(text: str) -> None:
    assert tip_category(text) == "violence"


# A vehicle left where it does not belong, said suspected stolen: the rules read a theft (a
# stolen vehicle dumped), and the learned model, reading a thing nobody came for, may not name
# lost property over it (`not_named_beside`); what is read end to end (`classify`)
@pytest.mark.parametrize(
    "text",
    [
        "co chiec xe may bo khong o dau hem nha em 10 ngay nay, ko bien so, ko ai toi lay, nghi "
        "xe gian",
        "có chiếc xe máy bỏ không trước nhà tôi cả tuần nay, không biển số, không ai tới lấy, "
        "nghi xe gian",
    ],
)
def test_a_vehicle_left_and_said_suspected_stolen_is_theft(text: str) -> None:
    assert classify(text).category == "theft"


# near misses: a thing left that nobody came for, no theft suspected, is still lost property
@pytest.mark.parametrize(
    "text",
    [
        "có cái vali bỏ ở trạm xe buýt trước chợ từ sáng tới giờ, không ai tới lấy",
        "em luom duoc cai vi roi o cong truong, ko ai toi lay, muon gui lai cong an",
    ],
)
def test_a_thing_left_without_suspicion_stays_lost_property(text: str) -> None:
    assert classify(text).category == "lost_property"


# Blows exchanged after a quarrel, counted ("đấm nhau mấy cái"), nobody hurt *badly*: some were
# hurt lightly, so "không ai bị thương nặng" does not make the blows weak as "không ai bị
# thương" does (`compounds`); typed without marks "cai nhau roi dam nhau" is no drinking party
@pytest.mark.parametrize(
    "text",
    [
        "sang nay o cho Tan Huong 2 ba ban ca cai nhau roi dam nhau may cai, nguoi ta can ra roi, "
        "ko ai bi thuong nang",
        "Trưa nay trước quán cơm trên Gò Dầu 2 anh thợ hồ cãi nhau rồi đấm nhau mấy cái, có người "
        "can, không ai bị thương nặng",
        "toi qua 2 thang trong xom cai nhau xong dam nhau vai cai o dau hem, khong ai bi thuong "
        "nang",
    ],
)
def test_blows_after_a_quarrel_nobody_badly_hurt_is_violence(text: str) -> None:
    assert tip_category(text) == "violence"


# near misses: words only, nobody hurt, stay public order; a crash nobody was badly hurt in
# stays traffic, and calm; "dam nhau" bare, typed without marks, is still a drinking party
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("tối qua 2 ông hàng xóm cãi nhau to tiếng ở đầu hẻm, không ai bị thương", "public_order"),
        (
            "xe may quet xe dap o nga tu, ko ai bi thuong nang, 2 ben dang cai nhau to, ket xe",
            "traffic",
        ),
        ("toi nay co dam nhau o nha so 5, on qua", "public_order"),
    ],
)
def test_words_only_or_a_crash_keep_their_category(text: str, category: str) -> None:
    assert tip_category(text) == category


def test_a_crash_nobody_badly_hurt_in_stays_calm() -> None:
    text = "xe may quet xe dap o nga tu, ko ai bi thuong nang, 2 ben dang cai nhau to, ket xe"
    assert classify(text).severity == "normal"


# A public place left dirty and smelling by people sleeping rough, the ward asked to see to it:
# the place's order (public order); help asked for the person themselves is other
@pytest.mark.parametrize(
    "text",
    [
        "mấy người lang thang ngủ ở nhà chờ xe buýt trước chợ Tân Hương, ko làm gì ai, chỉ là bẩn "
        "với hôi, nhờ phường dọn giúp",
        "goc cong vien dam sen co may nguoi vo gia cu o luon, vua do vua hoi, nho phuong xem giup",
    ],
)
def test_a_public_place_left_dirty_and_smelling_is_public_order(text: str) -> None:
    assert tip_category(text) == "public_order"


def test_help_asked_for_someone_sleeping_rough_stays_other() -> None:
    text = (
        "có ông vô gia cư nằm ngủ trước hiên nhà em mấy đêm nay, ko phiền gì, nhờ phường xem hỗ "
        "trợ ổng"
    )
    assert classify(text).category == "other"
