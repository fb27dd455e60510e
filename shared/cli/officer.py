"""`tinbao officer`: invite officers to enrol on Zalo, list them, move or retire them.

    tinbao officer invite --unit U --name N --role R
    tinbao officer list [--unit U]
    tinbao officer move --officer ID --unit U [--role R]
    tinbao officer deactivate --officer ID [--reason TEXT]

An invite is a one-day code: the officer sends `DK <code>` to the OA from their
own Zalo account, and the router binds that account to a new officer record of
the unit and role of the invite. One Zalo account is one officer: enrolling
again, or `move`, retires the earlier record (kept, inactive, with an audit
entry) and the new record acts from then on; `deactivate` retires a record. The
tips a retired record held go back to their units. Rosters name records, so a
moved officer is paged only once their new unit's roster names the new record.
The output is in Vietnamese (the desk reads it); the officer's Zalo id is
confidential and never printed.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from shared.core.roster import ROLES


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("officer", help="invite and list officers")
    commands = parser.add_subparsers(dest="officer_command", required=True)

    invite = commands.add_parser("invite", help="issue an enrolment code (valid 24 hours)")
    invite.add_argument("--unit", required=True, help="unit id of the profile, e.g. ward-27019")
    invite.add_argument("--name", required=True, help="the officer's full name, with diacritics")
    invite.add_argument("--role", required=True, help=f"one of: {', '.join(ROLES)}")
    invite.set_defaults(handler=run_invite)

    listing = commands.add_parser("list", help="the officers of every unit, or of one")
    listing.add_argument("--unit", help="only this unit")
    listing.set_defaults(handler=run_list)

    move = commands.add_parser("move", help="move an officer to another unit (a new record)")
    move.add_argument("--officer", required=True, help="the officer's id (tinbao officer list)")
    move.add_argument("--unit", required=True, help="unit id of the profile, e.g. ward-27013")
    move.add_argument("--role", help=f"a new role, one of: {', '.join(ROLES)} (default: same)")
    move.set_defaults(handler=run_move)

    retire = commands.add_parser("deactivate", help="stop an officer record from acting")
    retire.add_argument("--officer", required=True, help="the officer's id")
    retire.add_argument("--reason", default="", help="why, for the audit (Vietnamese)")
    retire.set_defaults(handler=run_deactivate)


def _role_label(role: str) -> str:
    from shared.core.messages import catalog

    return catalog().label("roles", role)


def _check_unit(unit: str, profile: Any) -> str | None:
    if unit in profile.units:
        return None
    known = ", ".join(sorted(profile.units))
    return f"Không có đơn vị {unit!r} trong hồ sơ {profile.name}. Các đơn vị: {known}."


def run_invite(args: argparse.Namespace) -> int:
    from shared.core.jurisdiction import load_profile
    from shared.core.messages import format_time
    from shared.settings import get_settings
    from shared.store import admin as firestore_admin

    settings = get_settings()
    profile = load_profile(settings.tinbao_profile)
    name = " ".join(unicodedata.normalize("NFC", args.name).split())
    problems = [p for p in (_check_unit(args.unit, profile),) if p]
    if args.role not in ROLES:
        problems.append(f"Vai trò {args.role!r} không hợp lệ. Chọn một trong: {', '.join(ROLES)}.")
    if not name:
        problems.append("Cần ghi họ tên cán bộ.")
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 2
    db = firestore_admin.connect(settings.google_cloud_project, settings.database_names())
    invite = firestore_admin.create_invite(db, args.unit, name, args.role, datetime.now(UTC))
    unit_name = profile.unit(args.unit).name
    print(f"Mã mời: {invite.code}")
    print(f"Cán bộ: {name} ({_role_label(args.role)}, {unit_name})")
    print(f"Hết hạn lúc {format_time(invite.expires_at)} (giờ Việt Nam), dùng được một lần.")
    print("Cán bộ gửi đúng tin nhắn sau đến Zalo OA bằng tài khoản Zalo của mình:")
    print()
    print(f"DK {invite.code}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from shared.core.jurisdiction import load_profile
    from shared.settings import get_settings
    from shared.store import admin as firestore_admin

    settings = get_settings()
    profile = load_profile(settings.tinbao_profile)
    if args.unit is not None and (problem := _check_unit(args.unit, profile)):
        print(problem, file=sys.stderr)
        return 2
    db = firestore_admin.connect(settings.google_cloud_project, settings.database_names())
    rows = firestore_admin.list_officers(db, args.unit)
    names = {u.id: u.name for u in profile.units.values()}
    print(render_officers(rows, names, _role_label))
    return 0


def run_move(args: argparse.Namespace) -> int:
    from shared.core.jurisdiction import load_profile
    from shared.settings import get_settings
    from shared.store import admin as firestore_admin

    settings = get_settings()
    profile = load_profile(settings.tinbao_profile)
    problems = [p for p in (_check_unit(args.unit, profile),) if p]
    if args.role is not None and args.role not in ROLES:
        problems.append(f"Vai trò {args.role!r} không hợp lệ. Chọn một trong: {', '.join(ROLES)}.")
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 2
    db = firestore_admin.connect(settings.google_cloud_project, settings.database_names())
    try:
        moved = firestore_admin.move_officer(
            db, args.officer, args.unit, args.role, datetime.now(UTC)
        )
    except firestore_admin.UnknownOfficer:
        print(f"Không có cán bộ mã {args.officer!r}.", file=sys.stderr)
        return 2
    print(f"Cán bộ {moved.name} chuyển sang {profile.unit(args.unit).name}.")
    print(f"Mã cán bộ mới: {moved.replaced_by} (mã cũ {moved.officer_id} đã ngừng hoạt động).")
    print("Tài khoản Zalo giữ nguyên; đơn vị mới cần ghi mã mới vào lịch trực.")
    _print_given_back(moved.given_back)
    return 0


def run_deactivate(args: argparse.Namespace) -> int:
    from shared.settings import get_settings
    from shared.store import admin as firestore_admin

    settings = get_settings()
    db = firestore_admin.connect(settings.google_cloud_project, settings.database_names())
    reason = " ".join(unicodedata.normalize("NFC", args.reason).split())
    try:
        retired = firestore_admin.deactivate_officer(db, args.officer, reason, datetime.now(UTC))
    except firestore_admin.UnknownOfficer:
        print(f"Không có cán bộ mã {args.officer!r}.", file=sys.stderr)
        return 2
    print(f"Cán bộ {retired.name} ({retired.officer_id}) đã ngừng hoạt động.")
    _print_given_back(retired.given_back)
    return 0


def _print_given_back(refs: Sequence[str]) -> None:
    if refs:
        print(f"Tin báo đang giữ đã giao lại cho đơn vị: {', '.join(refs)}.")


def render_officers(rows: Sequence[Any], unit_names: dict[str, str], role_label: Any) -> str:
    """A plain table of officers: id, name, unit, role, active, enrolled on Zalo."""
    if not rows:
        return "(không có cán bộ)"
    headers = ["Mã cán bộ", "Họ tên", "Đơn vị", "Vai trò", "Hoạt động", "Đã đăng ký Zalo"]
    lines = [
        [
            r.officer_id,
            r.name,
            unit_names.get(r.unit_id, r.unit_id),
            role_label(r.role),
            "có" if r.active else "không",
            "có" if r.enrolled else "chưa",
        ]
        for r in rows
    ]
    cells = [[unicodedata.normalize("NFC", c) for c in line] for line in [headers, *lines]]
    widths = [max(_width(line[i]) for line in cells) for i in range(len(headers))]
    out = [
        "  ".join(c + " " * (w - _width(c)) for c, w in zip(line, widths, strict=True)).rstrip()
        for line in cells
    ]
    out.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(out)


def _width(text: str) -> int:
    return sum(1 for c in text if not unicodedata.combining(c))
