"""Vietnamese texts: what citizens and officers read, and what they must never read."""

from __future__ import annotations

import json
from dataclasses import fields, replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from shared.core import messages as m
from shared.core.text import has_diacritics

FIXTURES = Path(__file__).parent / "fixtures" / "zalo"
SAMPLE = json.loads((FIXTURES / "user_send_text.json").read_text(encoding="utf-8"))
CITIZEN_ID = SAMPLE["sender"]["id"]
CITIZEN_ID_BY_APP = SAMPLE["user_id_by_app"]
REF = "TB-7K2Q9"
UNIT = "Công an phường Tân Sơn Nhì"


def alert_input(**changes: object) -> m.AlertInput:
    base = m.AlertInput(
        ref=REF,
        unit_name=UNIT,
        received_at=datetime(2025, 9, 2, 14, 5, tzinfo=UTC),
        category="drugs",
        severity="urgent",
        ward_name="Tân Sơn Nhì",
        ward_evidence="gps",
        citizen_messages=(
            m.CitizenMessage(datetime(2025, 9, 2, 14, 5, tzinfo=UTC), SAMPLE["message"]["text"]),
        ),
        address_text="hẻm 12 đường Tân Sơn Nhì",
        location=m.Location("10.7987", "106.6301"),
        attachments=(
            m.Attachment("image", "https://f6.photo.talk.zdn.vn/1234567890123456789/a.jpg"),
            m.Attachment(
                "file", "https://f21-zpc.zdn.vn/1234567890/developer.docx", "developer.docx"
            ),
        ),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


TIPS = (m.TipLine(REF, True, UNIT), m.TipLine("TB-K5N9C", False, UNIT))
MANY = tuple(
    m.CitizenMessage(datetime(2025, 9, 2, 14, i, tzinfo=UTC), f"tin nhắn số {i} " * (i * 20))
    for i in range(1, 9)
)
NOTES = tuple(
    m.NoteLine(datetime(2025, 9, 2, 15, i, tzinfo=UTC), "Ngô Minh Trí", UNIT, f"đã tới {i}")
    for i in range(7)
)


def every_text() -> list[str]:
    start = datetime(2025, 9, 2, 0, 0, tzinfo=UTC)
    end = datetime(2025, 9, 2, 12, 0, tzinfo=UTC)
    return [
        m.citizen_ack(REF, UNIT, urgent=False),
        m.citizen_ack(REF, UNIT, urgent=True),
        m.citizen_request_location(REF),
        m.citizen_taken(REF, UNIT),
        m.citizen_resolved(REF, UNIT),
        m.citizen_transferred(REF, "Trực ban Công an Thành phố Hồ Chí Minh"),
        m.citizen_closed(REF),
        m.alert(alert_input()),
        m.alert(alert_input(), m.AlertContext(step=2, minutes_waiting=10)),
        m.alert(alert_input(), m.AlertContext(from_unit=UNIT, reason="vượt thẩm quyền")),
        m.holder_reminder(REF, 45),
        m.confirm_take(REF),
        m.confirm_resolve(REF),
        m.confirm_transfer(REF, "Công an Thành phố Hồ Chí Minh"),
        m.confirm_reject(REF),
        m.confirm_take_and_finish(REF, resolved=True),
        m.confirm_take_and_finish(REF, resolved=False),
        m.confirm_note(REF),
        m.holder_finished_by_other(REF, "Ngô Minh Trí", UNIT, "resolved"),
        m.holder_finished_by_other(REF, "Ngô Minh Trí", UNIT, "closed"),
        m.forwarded_notice(REF, "Ngô Minh Trí", UNIT, "Phòng Cảnh sát hình sự"),
        m.officer_help(TIPS),
        m.did_you_mean(REF, f"NHAN {REF}"),
        m.which_tip("take_any", f"NHAN {REF}", TIPS),
        m.nothing_to("resolve_any", TIPS),
        m.note_which(f"GHI {REF} đã tới nơi", TIPS),
        m.note_needs_text(REF),
        m.needs_code(m.usage("CHUYEN"), TIPS),
        m.transfer_which_unit(REF),
        m.transfer_ambiguous(REF, "Tân Phú", [UNIT, "Công an phường Tân Phú"]),
        m.enrol_moved("Nguyễn Văn Hùng", "duty_officer", UNIT, "Công an phường Tây Thạnh"),
        m.alert(alert_input(citizen_messages=MANY, notes=NOTES, notes_total=7)),
        m.confirm_check_in("Nguyễn Văn Hùng", UNIT, start, end),
        m.confirm_check_in("Nguyễn Văn Hùng", UNIT, start, None),
        *[
            m.refusal(reason, REF, unit=UNIT, holder="Ngô Minh Trí", action="take")
            for reason in sorted(m.REFUSALS)
        ],
        m.enrol_ok("Nguyễn Văn Hùng", "duty_officer", UNIT),
        *[m.enrol_failed(reason) for reason in sorted(m.ENROL_FAILURES)],
        m.enrol_already("Nguyễn Văn Hùng", UNIT),
    ]


def test_every_text_is_vietnamese_with_diacritics_and_fits_zalo() -> None:
    for text in every_text():
        assert has_diacritics(text), text
        assert 0 < len(text) <= m.ZALO_TEXT_LIMIT
        assert "{" not in text and "}" not in text, text


def test_no_text_carries_the_citizens_zalo_ids() -> None:
    for text in every_text():
        assert CITIZEN_ID not in text
        assert CITIZEN_ID_BY_APP not in text


def test_alert_input_has_no_field_for_the_citizens_identity() -> None:
    names = {f.name for f in fields(m.AlertInput)}
    assert not names & {"user_id", "zalo_user_id", "sender_id", "reporter_key", "sender"}


def test_citizen_acknowledgement_gives_the_reference_code() -> None:
    text = m.citizen_ack(REF, UNIT, urgent=False)
    assert REF in text
    assert UNIT in text
    assert "113" not in text


def test_urgent_acknowledgement_puts_the_emergency_numbers_first() -> None:
    text = m.citizen_ack(REF, UNIT, urgent=True)
    first_sentence = text.split(".")[0]
    for number in ("113", "114", "115"):
        assert number in first_sentence
    assert text.index("113") < text.index(REF)


def test_location_request_asks_for_a_location_or_an_exact_address() -> None:
    text = m.citizen_request_location(REF)
    assert "vị trí" in text and "địa chỉ" in text
    assert REF in text


def test_citizen_notes_name_the_unit_but_no_officer() -> None:
    for text in (m.citizen_taken(REF, UNIT), m.citizen_resolved(REF, UNIT)):
        assert REF in text and UNIT in text
        assert "đồng chí" not in text.lower()


def test_alert_carries_every_fact_an_officer_needs() -> None:
    text = m.alert(alert_input())
    assert text.startswith("🔔 TIN BÁO MỚI TB-7K2Q9")
    assert "Ma túy" in text and "Khẩn cấp" in text
    assert "Phường: Tân Sơn Nhì (theo vị trí người báo chia sẻ)" in text
    assert "hẻm 12 đường Tân Sơn Nhì" in text
    assert "https://maps.google.com/?q=10.7987,106.6301" in text
    assert SAMPLE["message"]["text"] in text
    assert "https://f6.photo.talk.zdn.vn/1234567890123456789/a.jpg" in text
    assert "developer.docx" in text
    assert "21:05 ngày 02/09/2025" in text  # 14:05 UTC in Ho Chi Minh City time
    assert text.rstrip().endswith("Trả lời: NHAN TB-7K2Q9 để nhận xử lý")


def test_alert_without_ward_says_it_is_not_resolved() -> None:
    text = m.alert(alert_input(ward_name=None, ward_evidence="none", location=None))
    assert "Phường: chưa xác định" in text
    assert "maps.google.com" not in text


def test_unknown_category_is_shown_as_other() -> None:
    assert "Loại: Khác" in m.alert(alert_input(category="something-new"))


def test_long_citizen_words_are_shortened_with_a_count_and_keep_the_reply_command() -> None:
    long_text = "Có nhóm thanh niên tụ tập gây rối. " * 200
    text = m.alert(alert_input(citizen_messages=(m.CitizenMessage(None, long_text),)))
    assert len(text) <= m.ZALO_TEXT_LIMIT
    left = len(long_text.strip()) - (m.MAX_MESSAGE_CHARS - 1)
    assert f"…» (còn {left} ký tự không hiển thị)" in text
    assert text.endswith("Trả lời: NHAN TB-7K2Q9 để nhận xử lý")
    assert "https://maps.google.com/?q=10.7987,106.6301" in text


def test_many_attachments_are_counted_rather_than_crowding_out_the_words() -> None:
    many = tuple(
        m.Attachment("image", f"https://f6.photo.talk.zdn.vn/{i:040d}.jpg") for i in range(30)
    )
    words = (m.CitizenMessage(None, "x " * 1500),)
    text = m.alert(alert_input(attachments=many, citizen_messages=words))
    assert len(text) <= m.ZALO_TEXT_LIMIT
    assert "tệp khác" in text
    assert "Nội dung (--:--): «x" in text
    assert text.endswith("để nhận xử lý")


def test_repeat_alert_says_which_step_and_how_long_the_tip_waited() -> None:
    text = m.alert(alert_input(), m.AlertContext(step=3, minutes_waiting=15))
    assert text.startswith("🔔 NHẮC LẦN 3: tin báo TB-7K2Q9 chưa có cán bộ nhận sau 15 phút")


def test_transferred_alert_names_the_unit_it_came_from_and_the_reason() -> None:
    text = m.alert(alert_input(), m.AlertContext(from_unit=UNIT, reason="vượt thẩm quyền"))
    assert text.startswith(f"🔔 TIN BÁO TB-7K2Q9 được {UNIT} chuyển đến")
    assert "Lý do chuyển: vượt thẩm quyền" in text


@pytest.mark.parametrize(
    "lat, lng, expected",
    [
        ("10.7987", "106.6301", "https://maps.google.com/?q=10.7987,106.6301"),
        (" 10.79 ", "106.63", "https://maps.google.com/?q=10.79,106.63"),
        ("10.7987&x=1", "106.6301", None),
        ("javascript:alert(1)", "1", None),
        ("95.0", "106.6", None),
    ],
)
def test_map_links_only_for_real_coordinates(lat: str, lng: str, expected: str | None) -> None:
    assert m.map_link(lat, lng) == expected


def test_command_confirmations_repeat_the_reference_code() -> None:
    for text in (m.confirm_take(REF), m.confirm_resolve(REF), m.confirm_reject(REF)):
        assert REF in text
    assert "XONG TB-7K2Q9" in m.confirm_take(REF)


def test_check_in_confirmation_shows_the_shift_in_local_time() -> None:
    text = m.confirm_check_in(
        "Nguyễn Văn Hùng",
        UNIT,
        datetime(2025, 9, 2, 0, 0, tzinfo=UTC),
        datetime(2025, 9, 2, 12, 0, tzinfo=UTC),
    )
    assert "07:00–19:00 ngày 02/09/2025" in text


def test_refusals_exist_for_every_authorisation_reason() -> None:
    for reason in ("not_enrolled", "inactive", "no_tip", "outside_unit"):
        assert m.refusal(reason, REF)
    assert REF in m.refusal("outside_unit", REF)
    with pytest.raises(ValueError):
        m.refusal("because", REF)


def test_a_refusal_names_the_unit_the_holder_and_what_to_do_instead() -> None:
    outside = m.refusal("outside_unit", REF, unit=UNIT, action="take")
    assert outside.startswith(f"Tin báo {REF} do {UNIT} phụ trách nên đồng chí chưa thể nhận")
    taken = m.refusal("already_taken", REF, unit=UNIT, holder="Ngô Minh Trí")
    assert f"đồng chí Ngô Minh Trí ({UNIT})" in taken and f"GHI {REF} <nội dung>" in taken
    held = m.refusal("held_by_other", REF, unit=UNIT, holder="Ngô Minh Trí", action="finish")
    assert "báo xong hoặc khép lại" in held and "báo chỉ huy đơn vị" in held


def test_the_citizens_messages_come_one_by_one_the_latest_last() -> None:
    at = datetime(2025, 9, 2, 14, 5, tzinfo=UTC)
    said = (
        m.CitizenMessage(at.replace(minute=9), "đang đánh nhau"),
        m.CitizenMessage(at, "có người say rượu"),
        m.CitizenMessage(at.replace(minute=7), "y " * 600),
    )
    text = m.alert(alert_input(citizen_messages=said))
    lines = text.splitlines()
    start = lines.index("Nội dung (3 tin nhắn, mới nhất ở cuối):")
    assert lines[start + 1] == "21:05 «có người say rượu»"
    assert lines[start + 2].startswith("21:07 «y y")
    assert lines[start + 2].endswith("…» (còn 800 ký tự không hiển thị)")
    assert lines[start + 3] == "21:09 «đang đánh nhau»"


def test_the_oldest_messages_give_way_and_are_counted_when_the_alert_is_full() -> None:
    at = datetime(2025, 9, 2, 14, 0, tzinfo=UTC)
    said = tuple(m.CitizenMessage(at.replace(minute=i), f"tin {i} " + "z" * 380) for i in range(9))
    text = m.alert(alert_input(citizen_messages=said))
    assert len(text) <= m.ZALO_TEXT_LIMIT
    assert "Nội dung (9 tin nhắn, mới nhất ở cuối):" in text
    hidden = next(x for x in text.splitlines() if x.startswith("("))
    shown = [x for x in text.splitlines() if x.startswith("21:")]
    assert hidden == f"({9 - len(shown)} tin nhắn trước không hiển thị)"
    assert shown[-1].startswith("21:08 «tin 8")


def test_officers_notes_travel_with_the_alert_the_latest_shown() -> None:
    text = m.alert(alert_input(notes=NOTES, notes_total=7))
    assert "Ghi chú của cán bộ:\n- và 2 ghi chú trước" in text
    assert f"- 22:06 Ngô Minh Trí ({UNIT}): đã tới 6" in text


def test_enrolment_confirmation_names_role_and_unit_in_vietnamese() -> None:
    text = m.enrol_ok("Nguyễn Văn Hùng", "duty_commander", UNIT)
    assert "chỉ huy trực" in text and UNIT in text and "TRUC" in text


def test_catalog_rejects_a_template_with_an_unknown_placeholder() -> None:
    text = m.MESSAGES_FILE.read_text(encoding="utf-8").replace(
        "Mã tin báo: {ref}.", "Mã tin báo: {reference}.", 1
    )
    with pytest.raises(m.CatalogError, match="unknown placeholder"):
        m.parse_catalog(text)


def test_catalog_rejects_a_missing_template() -> None:
    text = m.MESSAGES_FILE.read_text(encoding="utf-8").replace("  citizen_closed:", "  closed:", 1)
    with pytest.raises(m.CatalogError, match="citizen_closed"):
        m.parse_catalog(text)


def test_an_unresolved_alert_names_the_wards_it_may_be_in() -> None:
    text = m.alert(
        alert_input(
            ward_name=None,
            ward_evidence="conflict",
            candidate_wards=("phường Bến Thành", "phường An Khánh"),
        )
    )
    assert "Phường: chưa xác định" in text
    assert "Có thể thuộc: phường Bến Thành, phường An Khánh" in text
    resolved = m.alert(alert_input(candidate_wards=("phường Bến Thành",)))
    assert "Có thể thuộc" not in resolved
