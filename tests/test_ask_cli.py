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
    assert "Thông tin được đối chiếu ngày 28/11/2026." in out
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
