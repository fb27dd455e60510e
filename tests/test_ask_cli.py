"""`tinbao ask`: prints exactly the messages the citizen would receive."""

from __future__ import annotations

import re

import pytest

from shared.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["ask", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_ask_prints_each_message_under_a_numbered_separator(capsys):
    code, out, _ = run(capsys, "--date", "2026-11-28", "đăng", "ký", "tạm", "trú")
    assert code == 0
    headers = re.findall(r"===== tin nhắn (\d+)/(\d+) \((\d+) ký tự\) =====", out)
    assert len(headers) >= 2  # the whole answer does not fit one Zalo message
    assert [int(n) for n, _, _ in headers] == list(range(1, len(headers) + 1))
    assert {int(total) for _, total, _ in headers} == {len(headers)}
    assert all(int(size) <= 2000 for _, _, size in headers)
    assert "Thông tin được đối chiếu ngày 30/11/2026." in out
    assert "Công an phường Tân Phú" in out  # the default ward, from the unit data


def test_ask_chooses_the_facts_by_the_date_given(capsys):
    _, during, _ = run(capsys, "--date", "2027-02-28", "lệ phí tạm trú")
    _, after, _ = run(capsys, "--date", "2027-03-01", "lệ phí tạm trú")
    assert "117/2026/TT-BTC" in during
    assert "117/2026/TT-BTC" not in after and "miễn lệ phí" not in after


def test_ask_lists_buttons_under_their_message(capsys):
    _, out, _ = run(capsys, "menu")
    assert "  [nút] Đăng ký tạm trú -> gửi lại: 'Đăng ký tạm trú' (oa.query.show)" in out
    assert "  [nút] Gặp cán bộ" in out


def test_ask_uses_the_ward_given(capsys):
    _, out, _ = run(capsys, "--ward", "27013", "tạm trú")
    assert "Công an phường Tây Thạnh" in out and "Tân Phú tại" not in out


def test_ask_says_on_stderr_what_the_router_does_besides(capsys):
    _, out, err = run(capsys, "Nhà trọ có nhiều người lạ ở mà không khai báo tạm trú")
    assert "tin báo" in err and "tin báo" not in out
    _, _, err = run(capsys, "gặp cán bộ")
    assert "chuyển cán bộ" in err


def test_ask_refuses_an_unknown_ward(capsys):
    code, _, err = run(capsys, "--ward", "99999", "tạm trú")
    assert code == 2 and "99999" in err


def test_ask_refuses_a_malformed_date(capsys):
    with pytest.raises(SystemExit):
        main(["ask", "--date", "28/11/2026", "tạm trú"])


# --- the facts corrected by issue 21, asked the way citizens asked -----------------------------
# Each asserts the corrected answer and its basis; docs/legal-sources.md lists where each
# basis was read.


def ask(capsys: pytest.CaptureFixture[str], text: str, day: str = "2026-11-30") -> str:
    code, out, _ = run(capsys, "--date", day, text)
    assert code == 0
    return " ".join(out.split())  # the answer's words, whatever the line breaks


def test_registering_at_a_new_home_has_no_12_month_grace(capsys):
    out = ask(capsys, "chuyen ve nha moi thi thoi han dang ky thuong tru la bao lau vay")
    assert "12 tháng" not in out
    assert (
        "Đã đến ở tại chỗ ở hợp pháp mới và đủ điều kiện đăng ký thường trú thì phải làm "
        "thủ tục thay đổi nơi đăng ký cư trú; quy định xử phạt không cho thêm thời gian chờ"
    ) in out
    assert (
        "phạt tiền từ 2.000.000 đến 4.000.000 đồng (điểm d khoản 2 Điều 10 Nghị định số "
        "282/2025/NĐ-CP)"
    ) in out
    assert "Nghị định số 282/2025/NĐ-CP, Điều 10 (hiệu lực từ 15/12/2025)" in out


def test_a_newborn_is_registered_within_60_days_of_the_birth_registration(capsys):
    out = ask(capsys, "bé mới sinh thì thời hạn đăng ký thường trú là bao lâu")
    assert (
        "trong thời hạn 60 ngày kể từ ngày đăng ký khai sinh (khoản 2 Điều 7 Nghị định số "
        "154/2024/NĐ-CP, sửa đổi bởi Nghị định số 58/2026/NĐ-CP)"
    ) in out


def test_a_removal_is_filed_online_by_the_decree_and_in_person_only_after_asking(capsys):
    out = ask(capsys, "xoa tam tru lam o dau vay, co phai len cong an phuong k")
    assert "Làm trực tiếp tại Công an phường nơi đã đăng ký cư trú" not in out
    assert (
        "Nộp 01 hồ sơ trực tuyến qua Cổng Dịch vụ công quốc gia (dichvucong.gov.vn) hoặc ứng "
        "dụng VNeID (điểm b khoản 3 Điều 9 và điểm b khoản 3 Điều 10 Nghị định số "
        "154/2024/NĐ-CP, sửa đổi bởi Nghị định số 58/2026/NĐ-CP)"
    ) in out
    assert "Thông tư số 116/2026/TT-BCA (khoản 1 Điều 3) cho phép tiếp nhận hồ sơ" in out
    assert "Nếu muốn nộp trực tiếp tại Công an phường nơi đã đăng ký, xin hỏi trước" in out


def test_after_a_death_the_police_remove_the_registration_the_7_days_are_for_other_cases(
    capsys,
):
    out = ask(capsys, "ba em mat roi, cat khau cho ba thoi han bao lau a")
    assert (
        "Thời hạn này áp dụng cho các trường hợp xóa đăng ký thường trú tại điểm b, d, e, g, "
        "h, i khoản 1 Điều 24 Luật Cư trú"
    ) in out
    assert "xóa đăng ký tạm trú tại điểm c, e, g, h khoản 1 Điều 29 Luật Cư trú" in out
    assert (
        "Trường hợp người đã mất (điểm a khoản 1 Điều 24, điểm a khoản 1 Điều 29 Luật Cư "
        "trú), không áp dụng thời hạn 07 ngày nêu trên: Công an kiểm tra, xác minh và tự "
        "xóa đăng ký trong thời hạn 01 ngày làm việc"
    ) in out
    assert "(khoản 2 Điều 9, khoản 2 Điều 10 Nghị định số 154/2024/NĐ-CP" in out


def test_the_landlords_duty_is_cited_to_the_circular_not_to_article_27(capsys):
    _, out, err = run(
        capsys,
        "--date",
        "2026-11-30",
        "Phòng trọ kế bên cho thuê mà ko khai báo tạm trú, chủ trọ cũng không báo khi "
        "người thuê chuyển đi",
    )
    assert "tin báo" in err
    out = " ".join(out.split())
    assert "Luật Cư trú số 68/2020/QH14, Điều 27)" not in out
    assert (
        "chủ nhà phải thông báo cho Công an phường để xóa đăng ký tạm trú (khoản 3 Điều 12 "
        "Thông tư số 116/2026/TT-BCA)"
    ) in out
    asked = ask(capsys, "nguoi thue tro don di thi chu nha co phai bao xoa tam tru khong")
    assert "(khoản 3 Điều 12 Thông tư số 116/2026/TT-BCA)" in asked


def test_a_declaration_of_absence_under_a_sentence_needs_the_supervisors_consent(capsys):
    out = ask(capsys, "e dang huong an treo, muon di lam xa thi khai bao tam vang can giay to gi")
    assert (
        "kèm văn bản đồng ý của cơ quan có thẩm quyền giám sát, quản lý, giáo dục người đó "
        "(thành phần hồ sơ của thủ tục khai báo tạm vắng, mã 1.003677"
    ) in out
    assert "Điều 15 Thông tư số 116/2026/TT-BCA không nhắc lại giấy tờ này" in out
    assert "trước khi đi, xin hỏi Công an phường" in out


def test_the_absence_thresholds_after_july_2026_are_said_as_the_old_rule_and_referred(capsys):
    after = ask(capsys, "di lam xa 1 nam co phai bao tam vang ko")
    assert "Theo khoản 1 Điều 31 Luật Cư trú năm 2020 (áp dụng đến hết ngày 30/06/2026)" in after
    assert (
        "Các trường hợp và mốc thời gian (1 ngày, 3 tháng, 12 tháng) theo quy định mới chưa "
        "được đối chiếu: trường hợp của anh/chị có phải khai báo hay không và sau bao lâu, "
        "xin hỏi Công an phường."
    ) in after
    before = ask(capsys, "di lam xa 1 nam co phai bao tam vang ko", day="2026-06-30")
    assert "(d) Người khác đi khỏi xã, phường nơi thường trú từ 12 tháng liên tục" in before
    assert "áp dụng đến hết" not in before and "chưa được đối chiếu" not in before


def test_the_unnotarised_rental_paper_is_not_presented_as_new(capsys):
    out = ask(capsys, "hop dong thue tro dang ky tam tru co can cong chung khong")
    assert "Từ ngày 15/03/2026" not in out
    assert (
        "Hợp đồng hoặc văn bản cho thuê, cho mượn, cho ở nhờ dùng để đăng ký tạm trú không "
        "phải công chứng, chứng thực (điểm a khoản 3 Điều 5 Nghị định số 154/2024/NĐ-CP, "
        "sửa đổi bởi Nghị định số 58/2026/NĐ-CP)"
    ) in out
