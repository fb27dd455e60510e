"""`tinbao report [--since YYYY-MM-DD] [--unit U]`: the desk's morning report, in Vietnamese.

Two sections:
1. the SLA table of `shared.core.sla` (tips created since the start of `--since`,
   per unit, with the profile's unit names);
2. citizens' questions (issue 8): counts per topic and subtopic, how many are
   not marked answered, and the hand-offs to the desk ("Gặp cán bộ") opened in
   the window, with the ones still open, plus every open hand-off however old
   (the desk's backlog).

`--since` is a local date (Asia/Ho_Chi_Minh): the window starts at its 00:00.
The default is seven days before today's local date. `--unit` narrows the SLA
table to one unit of the profile; the question counts are the whole line's
(questions are not routed to units).
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta
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


def render_report(
    start: datetime,
    table: str,
    questions: str,
    unit_name: str | None,
) -> str:
    local = start.astimezone(LOCAL)
    title = f"BÁO CÁO TIN BÁO từ 00:00 ngày {local:%d/%m/%Y} (giờ Việt Nam)"
    if unit_name:
        title += f" – {unit_name}"
    return "\n".join([_nfc(title), "", table.rstrip("\n"), "", questions.rstrip("\n")]) + "\n"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _width(text: str) -> int:
    return sum(1 for c in text if not unicodedata.combining(c))


# --- the command ------------------------------------------------------------------


def run(args: argparse.Namespace) -> int:
    from shared.core.jurisdiction import load_profile
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
    start = window_start(since, datetime.now(UTC))
    db = firestore_admin.connect(settings.google_cloud_project)
    records = firestore_admin.load_tip_records(db, start, args.unit)
    units = [u.id for u in profile.units.values() if u.kind in REPORTED_KINDS]
    rows = order_like_profile(aggregate(records, since=start, unit=args.unit, units=units), units)
    names: Mapping[str, str] = {u.id: u.name for u in profile.units.values()}
    table = render_table(rows, names)
    questions = render_questions(firestore_admin.question_counts(db, start))
    unit_name = names[args.unit] if args.unit else None
    print(render_report(start, table, questions, unit_name), end="")
    return 0
