"""`tinbao report [--since YYYY-MM-DD] [--unit U] [--html FILE]`: the desk's morning report.

In the terminal, four sections in Vietnamese:
1. the SLA table of `shared.core.sla` (tips created since the start of `--since`,
   per unit, with the profile's unit names); a tip resolved without NHAN was
   taken in the same step, so it counts as taken;
2. citizens' questions (issue 8): counts per topic and subtopic, how many are
   not marked answered, and the hand-offs to the desk ("Gặp cán bộ") opened in
   the window, with the ones still open, plus every open hand-off however old
   (the desk's backlog);
3. officers' field notes on the window's tips (never sent to citizens), the
   latest each tip keeps, with the count of older ones (all are in the trail);
4. the sends to Zalo per local day (`shared.core.report_figures.delivery_by_day`): sends
   recorded, delivered, still pending, retried, given up, and the ladders that
   held because Zalo was down.

`--since` is a local date (Asia/Ho_Chi_Minh): the window starts at its 00:00.
The default is seven days before today's local date. `--unit` narrows the SLA
table to one unit of the profile; the question counts are the whole line's
(questions are not routed to units).

`--html FILE` writes the same window as one self-contained page instead
(`shared.core.report_page`: a map of the wards, charts beside the figures),
for people who read maps and charts rather than terminals. The file is
written whole or not at all.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
DEFAULT_DAYS = 7
REPORTED_KINDS = ("ward", "department", "team", "desk")  # units that hold tips

TOPIC_LABELS = {
    "tam_tru": "Tạm trú",
    "tam_vang": "Tạm vắng",
    "thuong_tru": "Thường trú",
    "luu_tru": "Lưu trú",
    "other": "Khác",
}
SUBTOPIC_LABELS = {
    "gia_han": "gia hạn",
    "xoa_dang_ky": "xóa đăng ký",
    "xac_nhan_cu_tru": "xác nhận thông tin cư trú",
}
NO_TOPIC = "Chưa xác định chủ đề"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("report", help="the desk's SLA and question report")
    parser.add_argument(
        "--since", help="first local date of the window, YYYY-MM-DD (default: 7 days ago)"
    )
    parser.add_argument("--unit", help="only this unit (an id of the profile)")
    parser.add_argument(
        "--html", metavar="FILE", help="write the page with map and charts to FILE instead"
    )
    parser.set_defaults(handler=run)


# --- pure -------------------------------------------------------------------------


def window_start(since: date | None, now: datetime) -> datetime:
    """00:00 local time of `since`, or of the local date seven days before `now` (UTC)."""
    day = since if since is not None else now.astimezone(LOCAL).date() - timedelta(DEFAULT_DAYS)
    return datetime.combine(day, time(0, 0), tzinfo=LOCAL).astimezone(UTC)


def topic_label(topic: str | None, subtopic: str | None) -> str:
    label = NO_TOPIC if topic is None else TOPIC_LABELS.get(topic, topic)
    if subtopic is not None:
        label += " – " + SUBTOPIC_LABELS.get(subtopic, subtopic)
    return label


def order_like_profile(rows: list[Any], unit_ids: list[str]) -> list[Any]:
    """Rows in the profile's order (desk, departments, wards); unrouted tips first."""
    order = {unit_id: i for i, unit_id in enumerate(unit_ids)}
    return sorted(
        rows, key=lambda r: (r.unit_id != "", order.get(r.unit_id, len(order)), r.unit_id)
    )


def render_questions(counts: Any) -> str:
    """The questions section: a table per topic, then the hand-offs to the desk."""
    rows = sorted(
        ((topic_label(*key), c.asked, c.unanswered) for key, c in counts.by_topic.items()),
        key=lambda r: (-r[1], r[0]),
    )
    headers = ("Chủ đề", "Câu hỏi", "Chưa trả lời")
    lines = [[label, str(asked), str(open_)] for label, asked, open_ in rows]
    total = ["Tổng cộng", str(counts.asked), str(counts.unanswered)]
    cells = [[_nfc(c) for c in line] for line in [list(headers), *lines, total]]
    widths = [max(_width(line[i]) for line in cells) for i in range(3)]

    def fmt(line: list[str]) -> str:
        first = line[0] + " " * (widths[0] - _width(line[0]))
        rest = [" " * (w - _width(c)) + c for c, w in zip(line[1:], widths[1:], strict=True)]
        return "  ".join([first, *rest]).rstrip()

    rule = "  ".join("-" * w for w in widths)
    out = ["CÂU HỎI CỦA NGƯỜI DÂN", "", fmt(cells[0]), rule]
    if lines:
        out += [fmt(line) for line in cells[1:-1]]
        out += [rule, fmt(cells[-1])]
    else:
        out.append("(không có câu hỏi)")
    out += [
        "",
        f"Yêu cầu gặp cán bộ trong kỳ: {counts.handoffs}, "
        f"trong đó chưa trả lời: {counts.handoffs_open}.",
        "Tổng số yêu cầu gặp cán bộ đang chờ trả lời (kể cả trước kỳ): "
        f"{counts.handoffs_open_all}.",
        "",
        "Chưa trả lời: câu hỏi chưa được đánh dấu là đã trả lời.",
    ]
    return "\n".join(out) + "\n"


def render_notes(tips: Sequence[Any], unit_names: Mapping[str, str]) -> str:
    """The field notes section: each tip's notes in order, with who wrote them when."""
    out = ["GHI CHÚ HIỆN TRƯỜNG CỦA CÁN BỘ", ""]
    if not tips:
        out.append("(không có ghi chú)")
    for tip in tips:
        unit = unit_names.get(tip.unit_id, tip.unit_id)
        out.append(_nfc(f"{tip.ref} – {unit} ({tip.total} ghi chú)"))
        if tip.total > len(tip.notes):
            out.append(f"  (và {tip.total - len(tip.notes)} ghi chú trước, xem nhật ký tin báo)")
        for note in tip.notes:
            at = note.at.astimezone(LOCAL)
            text = " ".join(note.text.split())
            out.append(_nfc(f"  {at:%H:%M %d/%m} {note.name}: {text}"))
    return "\n".join(out) + "\n"


_DELIVERY_HEADERS = ("Ngày", "Tin gửi", "Đã gửi", "Đang chờ", "Gửi lại", "Bỏ cuộc", "Tạm dừng")
_DELIVERY_LEGEND = (
    "Tin gửi: cảnh báo và tin trả lời được ghi nhận để gửi qua Zalo trong ngày; "
    "Đã gửi: số tin Zalo đã nhận; Đang chờ: số tin chưa gửi được, hệ thống vẫn đang gửi lại.",
    "Gửi lại: số tin phải gửi nhiều lần; Bỏ cuộc: số tin không gửi được sau các lần thử "
    "hoặc đã quá thời hạn 7 ngày của Zalo.",
    "Tạm dừng: số lần thang leo thang dừng lại chờ Zalo hoạt động trở lại "
    "(không chuyển lên cấp trên chỉ vì Zalo gián đoạn).",
)


def render_delivery(days: Iterable[Any]) -> str:
    """The sends to Zalo per day (`shared.core.report_figures.DeliveryDay`), with a legend."""
    lines = [
        [
            f"{d.day:%d/%m/%Y}",
            *(str(n) for n in (d.sends, d.sent, d.pending, d.retried, d.given_up, d.holds)),
        ]
        for d in days
    ]
    cells = [[_nfc(c) for c in line] for line in [list(_DELIVERY_HEADERS), *lines]]
    widths = [max(_width(line[i]) for line in cells) for i in range(len(_DELIVERY_HEADERS))]

    def fmt(line: list[str]) -> str:
        first = line[0] + " " * (widths[0] - _width(line[0]))
        rest = [" " * (w - _width(c)) + c for c, w in zip(line[1:], widths[1:], strict=True)]
        return "  ".join([first, *rest]).rstrip()

    table = ["GỬI TIN QUA ZALO", "", fmt(cells[0]), "  ".join("-" * w for w in widths)]
    table += [fmt(line) for line in cells[1:]]
    return "\n".join([*table, "", *_DELIVERY_LEGEND]) + "\n"


def render_report(
    start: datetime,
    table: str,
    questions: str,
    unit_name: str | None,
    notes: str = "",
    delivery: str = "",
) -> str:
    local = start.astimezone(LOCAL)
    title = f"BÁO CÁO TIN BÁO từ 00:00 ngày {local:%d/%m/%Y} (giờ Việt Nam)"
    if unit_name:
        title += f" – {unit_name}"
    sections = [_nfc(title), "", table.rstrip("\n"), "", questions.rstrip("\n")]
    for extra in (notes, delivery):
        if extra:
            sections += ["", extra.rstrip("\n")]
    return "\n".join(sections) + "\n"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _width(text: str) -> int:
    return sum(1 for c in text if not unicodedata.combining(c))


# --- the command ------------------------------------------------------------------


def run(args: argparse.Namespace) -> int:
    from shared.clock import clock_from_env
    from shared.core.jurisdiction import load_profile
    from shared.core.report_figures import delivery_by_day
    from shared.core.sla import aggregate, render_table
    from shared.settings import get_settings
    from shared.store import admin as firestore_admin

    settings = get_settings()
    profile = load_profile(settings.tinbao_profile)
    since: date | None = None
    if args.since is not None:
        try:
            since = date.fromisoformat(args.since)
        except ValueError:
            print(f"Ngày không hợp lệ: {args.since!r} (cần dạng YYYY-MM-DD).", file=sys.stderr)
            return 2
    if args.unit is not None and args.unit not in profile.units:
        known = ", ".join(sorted(profile.units))
        print(
            f"Không có đơn vị {args.unit!r} trong hồ sơ {profile.name}. Các đơn vị: {known}.",
            file=sys.stderr,
        )
        return 2
    html = Path(args.html) if args.html else None
    if html is not None and (html.is_dir() or not html.parent.is_dir()):
        print(
            f"Không ghi được {str(html)!r}: cần đường dẫn tệp trong một thư mục có sẵn.",
            file=sys.stderr,
        )
        return 2
    now = clock_from_env().now()  # the system clock; the local stack's when it plays time
    start = window_start(since, now)
    db = firestore_admin.connect(settings.google_cloud_project, settings.database_names())
    units = [u.id for u in profile.units.values() if u.kind in REPORTED_KINDS]
    if html is not None:
        records, events = firestore_admin.load_page_records(db, start, args.unit)
        rows = order_like_profile(
            aggregate(records, since=start, unit=args.unit, units=units), units
        )
        page = render_html(
            records,
            events,
            rows,
            firestore_admin.question_counts(db, start),
            profile=profile,
            start=start,
            now=now,
            unit=args.unit,
        )
        try:
            size = write_whole(html, page)
        except OSError as exc:
            print(f"Không ghi được {str(html)!r}: {exc.strerror}.", file=sys.stderr)
            return 2
        print(f"Đã ghi báo cáo {html} ({size} byte).")
        return 0
    records = firestore_admin.load_tip_records(db, start, args.unit)
    rows = order_like_profile(aggregate(records, since=start, unit=args.unit, units=units), units)
    names: Mapping[str, str] = {u.id: u.name for u in profile.units.values()}
    table = render_table(rows, names)
    questions = render_questions(firestore_admin.question_counts(db, start))
    notes = render_notes(firestore_admin.load_tip_notes(db, start, args.unit), names)
    unit_name = names[args.unit] if args.unit else None
    sends, holds = firestore_admin.load_delivery(db, start)
    delivery = render_delivery(delivery_by_day(sends, holds, start, max(now, start)))
    print(render_report(start, table, questions, unit_name, notes, delivery), end="")
    return 0


# --- the page -------------------------------------------------------------------------


def question_figures(counts: Any) -> Any:
    """The page's view of `shared.store.admin.QuestionCounts`, labelled like the text."""
    from shared.core.report_figures import QuestionFigures

    topics = sorted(
        ((topic_label(*key), c.asked, c.unanswered) for key, c in counts.by_topic.items()),
        key=lambda r: (-r[1], r[0]),
    )
    return QuestionFigures(
        topics=tuple(topics),
        handoffs=counts.handoffs,
        handoffs_open=counts.handoffs_open,
        handoffs_open_all=counts.handoffs_open_all,
    )


def render_html(
    records: list[Any],
    events: list[Any],
    rows: list[Any],
    counts: Any,
    *,
    profile: Any,
    start: datetime,
    now: datetime,
    unit: str | None,
) -> str:
    """The page for the window: figures, the profile's polygons, the policy's targets."""
    from shared.core.jurisdiction import DATA_DIR
    from shared.core.policy_file import default_policies, policy_for
    from shared.core.report_figures import page_figures, take_target
    from shared.core.report_page import render_page

    policies = default_policies()
    targets = {
        u.id: (
            take_target(policy_for(policies, u.kind, "normal", "other")),
            take_target(policy_for(policies, u.kind, "urgent", "other")),
        )
        for u in profile.units.values()
    }
    figures = page_figures(records, events, rows, start=start, now=now, targets=targets)
    polygons = profile.polygons or profile.outer_polygons
    geojson = json.loads((DATA_DIR / polygons).read_text(encoding="utf-8")) if polygons else None
    ward_ladder = policies.ladders.get("ward", policies.ladders["default"])["normal"]
    return render_page(
        figures,
        question_figures(counts),
        profile=profile,
        geojson=geojson,
        ladder=ward_ladder,
        unit=unit,
    )


def write_whole(path: Path, text: str) -> int:
    """Write `text` to `path` through a temporary file renamed over it; its size in bytes."""
    data = text.encode("utf-8")
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return len(data)
