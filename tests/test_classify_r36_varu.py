"""Messages read right with their marks and wrong without them (issue 17, round 36, varu-36):
a folded word that is another word once its marks are gone is told apart by what stands
beside it, never by the bare folded word. Each family is tried on phrasings of our own,
unmarked and marked, beside near misses whose folded words mean the danger and must keep it."""

from __future__ import annotations

import pytest

from shared.core.classify import classify
from tests.rules_reading import tip_severity as _severity


# "dang hinh", "dang tiktok": a picture or a clip posted ("đăng"), not "đang" (now); a weapon
# held in a picture is seen on a screen, nobody threatened now
@pytest.mark.parametrize(
    "text",
    [
        "co dua dang hinh cam sung khoe tren nhom zalo cua xom",
        "thang o tro ke ben dang tiktok quay canh cam sung, ko biet that hay gia",
        "Trong nhóm zalo của xóm có đứa đăng hình cầm súng khoe",
        "no dang video cam dao mua may tren face, nha no o hem 20",
    ],
)
def test_a_weapon_in_a_post_is_not_now(text: str) -> None:
    assert _severity(text) == "normal"


@pytest.mark.parametrize(
    "text",
    [
        "thang do dang cam sung dung truoc hem",
        "no dang hinh cam dao doa toi, gio no dang cam dao dung truoc nha toi",
        "co thang dang cam dao rupt nguoi ta ngoai cho",
    ],
)
def test_a_weapon_held_now_typed_bare_stays_urgent(text: str) -> None:
    assert _severity(text) == "urgent"


# "uynh uynh": the thump of music said twice, not "uýnh" (a blow)
def test_music_thumping_typed_bare_is_no_fight() -> None:
    text = "phong tro tren lau mo nhac san uynh uynh tu toi qua toi gio, ko ai ngu duoc"
    assert "uýnh" not in classify(text).reasons


@pytest.mark.parametrize(
    "text", ["2 thang dang uynh nhau truoc hem", "tui no dang uynh nhau, nhac mo uynh uynh"]
)
def test_a_fight_in_slang_typed_bare_stays_urgent(text: str) -> None:
    assert _severity(text) == "urgent"


# a fire or a blow feared, the fear typed without marks: a hazard, nothing burning now
@pytest.mark.parametrize(
    "text",
    [
        "kho go chua son voi xang, ko co binh chua chay, tho hut thuoc trong kho, so chay lam",
        "day dien cau tam chang chit tren mai ton, troi nong so bi chay",
        "2 ong hang xom dang cai nhau to tieng vu cho de xe, chua danh nhau, so lat nua danh",
        "hai bà đang cãi nhau ngoài chợ, chưa ai đánh ai, sợ lát nữa đánh",
    ],
)
def test_a_danger_feared_typed_bare_is_normal(text: str) -> None:
    assert _severity(text) == "normal"


@pytest.mark.parametrize(
    "text",
    [
        "nha ben dang chay, so chay lan",
        "nha ben dang chay khoi den thui, so chay lam",
        "2 thang dang danh nhau truoc hem, so lat nua co nguoi chet",
    ],
)
def test_a_danger_now_beside_a_fear_stays_urgent(text: str) -> None:
    assert _severity(text) == "urgent"


# a death threat for tonight with the home named between: "toi nha chem" is only
# "tới nhà chém"
@pytest.mark.parametrize(
    "text",
    [
        "tui no nhan tin noi toi nay se toi nha chem toi",
        "thang do hăm toi nay qua nha chem ca nha em",
        "nó nhắn tối nay sẽ tới nhà chém tôi",
    ],
)
def test_a_threat_to_come_and_slash_is_urgent(text: str) -> None:
    assert _severity(text) == "urgent"


def test_idle_talk_at_home_is_no_threat() -> None:
    assert classify("toi nay toi nha chi ngoi chem gio thoi").severity == "normal"


# "ao den" (a black shirt) is no pond, "roi xuong" (then got off) no fall; someone fallen
# in a pond stays urgent
@pytest.mark.parametrize(
    "text",
    [
        "bi moc tui tren xe buyt, thang ao den dung sat em roi xuong tram truoc",
        "thang ao trang giat tui xach cua chi roi xuong hem chay mat",
    ],
)
def test_a_shirt_typed_bare_is_no_pond(text: str) -> None:
    assert "ao" not in classify(text).reasons


@pytest.mark.parametrize(
    "text",
    ["co nguoi roi xuong ao sau nha, cuu voi", "thang be mac ao do roi xuong ao sau nha"],
)
def test_a_fall_in_a_pond_typed_bare_stays_urgent(text: str) -> None:
    assert _severity(text) == "urgent"


# "dao mong", "dao trung": digging, not a knife; a shell dug up stays urgent by its own word
def test_digging_typed_bare_is_no_knife() -> None:
    verdict = classify("tho dao mong nha vua dao trung mot qua nhu dau dan, gi set")
    assert "dao" not in verdict.reasons
    assert verdict.severity == "urgent"


def test_a_knife_typed_bare_stays_a_knife() -> None:
    verdict = classify("no cam dao dam trung nguoi ta, mau chay nhieu lam")
    assert verdict.severity == "urgent"


# "chay ra coi": people running out to look, not "cháy"
def test_running_out_to_look_is_no_fire() -> None:
    verdict = classify("nghe tieng la, ca xom chay ra coi, thi ra 2 vo chong cai nhau")
    assert "cháy" not in verdict.reasons


# a wish typed without marks, known by whom it goes to ("chuc chu", "chuc page"): chat;
# "chuc" as "chục" (ten) keeps its report
@pytest.mark.parametrize(
    "text",
    [
        "chuc cac chu cong an manh khoe, giu yen xom lang nha",
        "chuc page ngay cang phat trien, minh da share cho ca xom",
        "cam on chu da chi duong cho ba con toi hom qua, chuc chu manh khoe",
    ],
)
def test_a_wish_typed_bare_is_chat(text: str) -> None:
    assert classify(text).kind == "other"


@pytest.mark.parametrize(
    "text",
    [
        "co chuc nguoi dang danh nhau truoc quan nhau",
        "may chuc thang tu tap dua xe o vong xoay Phu Lam",
    ],
)
def test_tens_typed_bare_keep_the_report(text: str) -> None:
    assert classify(text).kind == "tip"


# "cuu chien binh" (a veteran) is no cry for help; a cry beside it stays one
def test_a_veteran_typed_bare_is_no_cry() -> None:
    text = "toi la cuu chien binh, xin gui loi cam on to tuan tra da giup toi day xe ve nha"
    assert classify(text).kind == "other"


def test_a_cry_beside_a_veteran_stays_urgent() -> None:
    assert _severity("ong cuu chien binh nha ben bi te xuong muong, cuu voi") == "urgent"


# "dich vu chay quang cao": a service running ads, no fire
def test_an_ad_service_typed_bare_is_no_fire() -> None:
    verdict = classify("dich vu chay quang cao facebook, tang follow that, bao gia chi tu 500k")
    assert verdict.kind == "other"
    assert verdict.spam
