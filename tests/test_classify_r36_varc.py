"""Round 36 (varc-36): a message typed without diacritics is read as with them, where the
folded words tell it apart (issue 17): an extinguisher, flames hissing, someone fled; a wish
not to live on; "please", the residents' group reminded, someone fine again; a camera
switched off; a bag lost; an old person confused; a knife carried, a rifle's rounds; a user
lying still; a loan app's smear sent to the contacts. Near misses whose folded words mean
what the rule reads keep their reading. All phrasings here are this file's own."""

from __future__ import annotations

import pytest

from shared.core.classify import classify


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # the extinguisher named whole, typed without marks
        ("nha tro 30 phong ma ko co binh chua chay nao", "fire"),
        ("kho son trong hem khong he co binh chua chay, day dien chang chit", "fire"),
        # flames hissing out of a gas bottle, or the wind carrying them to homes
        ("binh ga cua xe banh mi dang xi lua ra ngoai", "fire"),
        ("bai co dang chay, gio thoi lua sat vach nha dan", "fire"),
        # a knife carried in hand, a rifle's rounds found
        ("thang say xach dao dung dau hem la lang", "weapons"),
        ("don kho thay may vien dan sung truong, muon giao nop", "weapons"),
        # a user lying still after shooting up
        ("2 thang chich nhau trong nha ve sinh, 1 thang nam im ko nhuc nhich", "drugs"),
        # a loan app's smear sent to the contacts, the borrower's photo doctored
        ("app vay nhan tin cho toan bo danh ba cua em, ghep anh em", "fraud"),
        # a scam seen through and said so
        ("co ong goi tu xung ngan hang doi ma OTP, nghe la biet lua", "fraud"),
        ("nhan tin trung thuong xe SH, chac chan la lua roi, bao de ai cung biet", "fraud"),
        # meth bought by an addict, or sold by a ring
        ("thang ban toi nghien, no noi mua hang da cua ong xe om dau hem", "drugs"),
        ("co duong day ban hang da cho sinh vien o khu tro", "drugs"),
    ],
)
def test_a_tip_typed_without_marks_keeps_its_category(text: str, category: str) -> None:
    got = classify(text)
    assert (got.kind, got.category) == ("tip", category), got


@pytest.mark.parametrize(
    ("text", "not_category"),
    [
        # "bỏ chạy rồi" is no fire
        ("co 2 thang giut day chuyen, nguoi ta hoi thi tui no bo chay roi", "fire"),
        # "không muốn sống nữa" is no gambling den
        ("em gai toi nhan tin noi khong muon song nua roi tat may", "gambling"),
        # "làm ơn", "nhắc tổ dân phố", "ổn rồi" are no din
        ("ong cu o mot minh bi te, gio on roi, lam on nhac to dan pho ghe tham", "public_order"),
        # a camera switched off is no slap
        ("cua hang mat tien, dung luc camera bi tat", "violence"),
        # research is no addict: goods sold for long are no meth by the rules
        ("shop em ban hang da 3 nam, dang nghien cuu mo them chi nhanh", "drugs_by_rules"),
        # a briefcase lost is no theft
        ("mat cap tap co giay to xe tren duong ve, ai luom duoc xin lien he", "theft"),
        # an old woman confused is no lane crossed
        ("ba cu lan lan ngoi truoc cho tu sang, hoi khong nho nha", "traffic"),
    ],
)
def test_a_folded_word_of_another_meaning_is_not_read_so(text: str, not_category: str) -> None:
    got = classify(text)
    if not_category == "drugs_by_rules":  # the learned model may still guess; no rule of drugs
        assert "hàng đá" not in got.reasons and "nghiện" not in got.reasons, got
        return
    assert got.category != not_category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # near misses: the folded words do mean the rule's reading here
        ("nha ben chay roi, lua lon lam, khoi den", "fire"),
        ("song bac trong hem 5, dem nao cung danh bai an tien", "gambling"),
        ("nha ben mo nhac to toi 2h sang khong ngu duoc", "public_order"),
        ("thang chong say ruou bi vo tat vao mat roi danh lai", "violence"),
        ("nha em bi mat cap xe may dau hem dem qua", "theft"),
        ("xe tai lan lan tren Au Co suyt tong xe may", "traffic"),
        ("vay app xong tui no goi chui ca danh ba cua em", "fraud"),
        # marked texts read as before
        ("nhà bên làm ồn tới 2h sáng không ngủ được", "public_order"),
        ("nó bị chồng tát vào mặt, bầm hết", "violence"),
    ],
)
def test_near_misses_keep_their_reading(text: str, category: str) -> None:
    got = classify(text)
    assert (got.kind, got.category) == ("tip", category), got
