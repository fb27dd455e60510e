"""`tinbao ask [--date YYYY-MM-DD] [--ward CODE] TEXT`: the messages a citizen receives.

Prints every reply of the procedure assistant exactly as it would be sent,
one after another, each under a numbered separator, with its buttons listed
below it (title and the text the button sends back). What the router does
besides (open a tip, hand over to an officer) is said on stderr, so stdout
holds only what the citizen reads. The ward's contact comes from the unit
data of the whole city (shared.core.jurisdiction, profile "hcm": any of the
168 ward codes of the 2025 map).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any, TextIO

DEFAULT_WARD = "27031"  # Công an phường Tân Phú


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ask",
        help="print the procedure assistant's replies to a citizen message",
        description=__doc__.splitlines()[0],
    )
    parser.add_argument("--date", type=_day, default=None, help="today (default: today)")
    parser.add_argument(
        "--ward", default=DEFAULT_WARD, help=f"ward code on the 2025 map (default {DEFAULT_WARD})"
    )
    parser.add_argument("text", nargs="+", help="the citizen's message")
    parser.set_defaults(handler=run)


def format_replies(replies: list[Any], out: TextIO) -> None:
    """Each reply under a separator, its buttons listed under the text."""
    total = len(replies)
    for number, reply in enumerate(replies, start=1):
        out.write(f"===== tin nhắn {number}/{total} ({len(reply.text)} ký tự) =====\n")
        out.write(reply.text + "\n")
        for button in reply.buttons:
            out.write(f"  [nút] {button.title} -> gửi lại: {button.payload!r} ({button.type})\n")


def run(args: argparse.Namespace) -> int:
    from shared.core.assistant import answer, ward_contact_of
    from shared.core.jurisdiction import load_profile

    unit = load_profile("hcm").ward_by_code(args.ward)
    if unit is None:
        print(f"tinbao ask: unknown ward code {args.ward!r} on the 2025 map", file=sys.stderr)
        return 2
    today = args.date or date.today()  # the CLI is an adapter: it may read the clock
    result = answer(" ".join(args.text), today, ward_contact_of(unit))
    if result.tip:
        print(
            "(tin báo: hệ thống tạo tin báo và gửi lời xác nhận trước các tin nhắn dưới)",
            file=sys.stderr,
        )
    if result.handoff:
        print("(chuyển cán bộ: hệ thống mở một câu hỏi cho bàn trực)", file=sys.stderr)
    format_replies(result.replies, sys.stdout)
    return 0
