"""The admin commands (`tinbao seed|officer|report|zalo`) in process, on the Firestore emulator."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import stat
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from google.cloud import firestore

from local.zalo_standin import StandinConfig, serve_in_thread
from shared.cli import main
from shared.core.commands import Verb, parse_command
from shared.core.jurisdiction import load_profile
from shared.core.roster import roster_from_dict
from shared.settings import get_settings
from shared.store import admin as firestore_admin
from tests.cli_clock import pin_cli_clock
from tests.conftest import APP_ID, APP_SECRET, OA_ID, OA_SECRET_KEY, databases

pytestmark = pytest.mark.emulators

DEMO = Path(__file__).resolve().parents[1] / "shared" / "data" / "seed-demo.yaml"


@pytest.fixture
def db(env: Any) -> Any:
    return databases()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(db: firestore.Client, *collections: str) -> dict[str, dict[str, Any]]:
    return {
        f"{name}/{snap.id}": snap.to_dict() or {}
        for name in collections
        for snap in db.collection(name).stream()
    }


def write_seed_file(tmp_path: Path, change: Any) -> str:
    data = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "seed.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(path)


# --- seed ---------------------------------------------------------------------------


def test_seeding_the_demo_twice_writes_the_same_documents(db, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "seed", str(DEMO))
    assert code == 0, out
    first = snapshot(db, "units", "officers", "rosters")
    code, out, _ = run(capsys, "seed", str(DEMO))
    assert code == 0
    assert snapshot(db, "units", "officers", "rosters") == first
    assert "Seeded 10 units, 54 officers and 10 rosters" in out
    assert "not in the seed" not in out

    profile = load_profile("2025")
    assert first["units/hcm-desk"] == {
        "name": profile.desk.name,
        "kind": "desk",
        "parent": "hcm-police",
    }
    desk = first["officers/cb-desk-1"]
    assert desk["unit_id"] == "hcm-desk" and desk["role"] == "desk" and desk["active"] is True
    assert desk["zalo_user_id"] == "demo-officer-desk-1"
    assert isinstance(desk["enrolled_at"], datetime)
    fire = first["rosters/dept-fire"]
    assert fire["unit_id"] == "dept-fire" and fire["shifts"] == ["07:00", "19:00"]
    assert fire["rotation"]["duty_officer"] == [
        {"officers": ["cb-fire-1"]},
        {"officers": ["cb-fire-2"]},
        {"officers": ["cb-fire-3"]},
    ]


def test_stored_rosters_read_back_as_the_seed_rosters(db, capsys) -> None:  # type: ignore[no-untyped-def]
    from shared.core.seed import load_seed

    assert run(capsys, "seed", str(DEMO))[0] == 0
    seed = load_seed(DEMO.read_text(encoding="utf-8"))
    for roster in seed.rosters:
        stored = db.document(f"rosters/{roster.unit_id}").get().to_dict()
        assert roster_from_dict(stored) == roster, roster.unit_id


def test_a_roster_crew_of_two_officers_is_stored_and_reads_back(db, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from shared.core.roster import on_duty
    from shared.core.seed import load_seed

    def crew(d: dict[str, Any]) -> None:
        roster = next(r for r in d["rosters"] if r["unit"] == "ward-27019")
        roster["rotation"]["duty_commander"][1] = ["cb-27019-cmd-2", "cb-27019-chief"]
        roster["rotation"]["duty_officer"].append([])

    path = write_seed_file(tmp_path, crew)
    code, _, err = run(capsys, "seed", path)

    assert code == 0, err
    stored = db.document("rosters/ward-27019").get().to_dict()
    assert stored["rotation"]["duty_commander"][1] == {
        "officers": ["cb-27019-cmd-2", "cb-27019-chief"]
    }
    assert stored["rotation"]["duty_officer"][-1] == {"officers": []}
    roster = roster_from_dict(stored)
    expected = next(
        r
        for r in load_seed(Path(path).read_text(encoding="utf-8")).rosters
        if r.unit_id == "ward-27019"
    )
    assert roster == expected
    assert roster.rotations["duty_commander"][1] == ("cb-27019-cmd-2", "cb-27019-chief")
    second_shift = datetime(2025, 7, 1, 19, tzinfo=HCM)
    assert on_duty(roster, "duty_commander", second_shift) == ["cb-27019-cmd-2", "cb-27019-chief"]


def test_the_demo_seed_covers_every_unit_that_category_routing_names() -> None:
    from shared.core.seed import load_seed

    profile = load_profile("2025")
    seed = load_seed(DEMO.read_text(encoding="utf-8"))
    targets = {t for t in profile.routing.routes.values() if t != "ward"}
    assert targets <= {r.unit_id for r in seed.rosters}
    assert firestore_admin.profile_problems(seed, profile) == []


def test_reseeding_keeps_invited_officers_and_enrolments_and_lists_them(  # type: ignore[no-untyped-def]
    db, capsys, tmp_path
) -> None:
    def without_zalo_id(d: dict[str, Any]) -> None:
        for officer in d["officers"]:
            if officer["id"] == "cb-27019-1":
                del officer["zalo_user_id"]

    path = write_seed_file(tmp_path, without_zalo_id)
    assert run(capsys, "seed", path)[0] == 0
    enrolled_at = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
    db.document("officers/cb-27019-1").update(
        {"zalo_user_id": "real-zalo-id", "enrolled_at": enrolled_at}
    )
    invited = {
        "name": "Trần Văn Mới",
        "unit_id": "ward-27019",
        "role": "duty_officer",
        "active": True,
        "zalo_user_id": "invited-zalo-id",
        "enrolled_at": enrolled_at,
    }
    db.document("officers/cb-invited-1").set(invited)

    code, out, _ = run(capsys, "seed", path)

    assert code == 0
    kept = db.document("officers/cb-27019-1").get().to_dict()
    assert kept["zalo_user_id"] == "real-zalo-id" and kept["enrolled_at"] == enrolled_at
    assert db.document("officers/cb-invited-1").get().to_dict() == invited
    assert "Officers not in the seed, left unchanged: cb-invited-1" in out
    assert "Zalo enrolments kept: 1 officers" in out


def test_a_seed_written_at_a_given_instant_stamps_every_enrolment_with_it(db) -> None:  # type: ignore[no-untyped-def]
    """The tests' lines seed on their own clock: a stamp taken from the real clock
    instead outranked the records a test dated after its clock's start, once the real
    clock passed that date (round 13). An instant far ahead: no real-clock stamp equals it."""
    from shared.core.seed import load_seed

    far = datetime(2100, 1, 5, 2, 0, tzinfo=UTC)
    firestore_admin.write_seed(
        db, load_seed(DEMO.read_text(encoding="utf-8")), load_profile("2025"), now=far
    )
    stamps = {
        snap.id: (snap.to_dict() or {})["enrolled_at"]
        for snap in db.collection("officers").stream()
        if (snap.to_dict() or {})["zalo_user_id"] is not None
    }
    assert stamps and set(stamps.values()) == {far}


def test_a_seed_with_units_the_profile_does_not_know_is_refused_naming_them(  # type: ignore[no-untyped-def]
    db, capsys, tmp_path
) -> None:
    def add_unknown(d: dict[str, Any]) -> None:
        d["units"].append({"id": "ward-99999", "name": "Phường lạ", "kind": "ward"})
        d["units"].append({"id": "dept-nowhere", "name": "Phòng lạ", "kind": "department"})

    code, _, err = run(capsys, "seed", write_seed_file(tmp_path, add_unknown))

    assert code == 1
    assert "units: not in profile 2025: ward-99999, dept-nowhere" in err
    assert snapshot(db, "units", "officers", "rosters") == {}


def test_a_seed_whose_unit_name_or_parent_differs_from_the_profile_is_refused(  # type: ignore[no-untyped-def]
    db, capsys, tmp_path
) -> None:
    def old_names(d: dict[str, Any]) -> None:
        d["units"][1]["name"] = "Trực ban Công an Thành phố Hồ Chí Minh"
        d["units"][2]["parent"] = "hcm-desk"

    code, _, err = run(capsys, "seed", write_seed_file(tmp_path, old_names))

    assert code == 1
    assert "units[1].name: the profile names hcm-desk 'Tổ tiếp nhận tin báo khu vực Tân Phú'" in err
    assert "units[2].parent: the parent of ward-27013 is hcm-police" in err
    assert snapshot(db, "units") == {}


def test_a_seed_with_a_broken_roster_lists_the_seed_problems(capsys, tmp_path, env) -> None:  # type: ignore[no-untyped-def]
    def broken(d: dict[str, Any]) -> None:
        d["rosters"][1]["rotation"]["duty_officer"][2] = "cb-nobody"

    code, _, err = run(capsys, "seed", write_seed_file(tmp_path, broken))

    assert code == 1
    assert "rosters[1].rotation.duty_officer[2]: unknown officer 'cb-nobody'" in err


# --- officers ---------------------------------------------------------------------------


def test_an_invite_code_is_accepted_as_dk_and_expires_a_day_later(db, capsys) -> None:  # type: ignore[no-untyped-def]
    before = datetime.now(UTC)
    code, out, _ = run(
        capsys,
        "officer",
        "invite",
        "--unit",
        "ward-27019",
        "--name",
        "Nguyễn  Văn An",
        "--role",
        "duty_officer",
    )
    assert code == 0
    match = re.search(r"^DK ([0-9A-Z]+)$", out, re.MULTILINE)
    assert match, out
    invite_code = match.group(1)
    assert len(invite_code) == 8 and not set(invite_code) & set("01OIL")

    command = parse_command(f"DK {invite_code}")
    assert command is not None and command.verb is Verb.ENROL and command.code == invite_code
    lowered = parse_command(f"đk {invite_code.lower()}")
    assert lowered is not None and lowered.code == invite_code

    doc = db.document(f"invites/{invite_code}").get().to_dict()
    assert doc["unit_id"] == "ward-27019"
    assert doc["name"] == "Nguyễn Văn An"
    assert doc["role"] == "duty_officer"
    assert doc["used_at"] is None and doc["officer_id"] is None
    assert doc["expires_at"] - doc["created_at"] == timedelta(hours=24)
    assert before - timedelta(seconds=1) <= doc["created_at"] <= datetime.now(UTC)
    assert f"Mã mời: {invite_code}" in out
    assert "Công an phường Tân Sơn Nhì" in out and "cán bộ trực" in out
    local_expiry = doc["expires_at"].astimezone(firestore_admin_zone())
    assert local_expiry.strftime("Hết hạn lúc %H:%M ngày %d/%m/%Y (giờ Việt Nam)") in out


def firestore_admin_zone() -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo("Asia/Ho_Chi_Minh")


def test_an_invite_for_an_unknown_unit_or_role_is_refused_and_nothing_stored(  # type: ignore[no-untyped-def]
    db, capsys
) -> None:
    code, _, err = run(
        capsys, "officer", "invite", "--unit", "ward-99999", "--name", "A", "--role", "captain"
    )
    assert code == 2
    assert "Không có đơn vị 'ward-99999'" in err
    assert "Vai trò 'captain' không hợp lệ" in err
    assert snapshot(db, "invites") == {}


def test_a_taken_invite_code_draws_another(db) -> None:  # type: ignore[no-untyped-def]
    now = datetime(2026, 11, 27, 1, 0, tzinfo=UTC)
    codes = iter(["TAKEN234", "TAKEN234", "FRESH567"])
    first = firestore_admin.create_invite(db, "ward-27019", "A", "desk", now, codes.__next__)
    second = firestore_admin.create_invite(db, "ward-27019", "B", "desk", now, codes.__next__)
    assert (first.code, second.code) == ("TAKEN234", "FRESH567")
    assert db.document("invites/TAKEN234").get().to_dict()["name"] == "A"


def test_officer_list_shows_enrolment_but_never_the_zalo_id(db, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(capsys, "seed", str(DEMO))[0] == 0
    code, out, _ = run(capsys, "officer", "list", "--unit", "dept-fire")
    assert code == 0
    assert "Nguyễn Đức Thịnh" in out and "Phòng Cảnh sát phòng cháy" in out
    assert "chỉ huy trực" in out
    assert "cb-27019-1" not in out
    assert "demo-officer" not in out
    assert len([line for line in out.splitlines() if line.startswith("cb-fire-")]) == 6


# --- report -----------------------------------------------------------------------------

HCM = firestore_admin_zone()
SINCE = "2026-11-20"
START = datetime(2026, 11, 20, 0, 0, tzinfo=HCM)  # = 2026-11-19 17:00 UTC
# The reports run on this clock, not the real one: their window ends at `now`, and one
# over 31 days long leaves quiet days out (the real clock failed them from 21/12/2026).
NOW = START + timedelta(days=8, hours=9)


@pytest.fixture
def report_clock(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> datetime:
    pin_cli_clock(monkeypatch, tmp_path, NOW)
    return NOW


def tip(ref: str, created: datetime, **fields: Any) -> tuple[str, dict[str, Any]]:
    doc = {
        "ref": ref,
        "status": "routed",
        "unit_id": "ward-27019",
        "created_at": created,
        "routed_at": created + timedelta(seconds=20),
        "taken_at": None,
        "resolved_at": None,
        "overdue_at": None,
        "ladder": {"step": 1},
    }
    doc.update(fields)
    return ref, doc


def seed_tips(db: firestore.Client) -> None:
    t0 = START + timedelta(hours=9)
    waits = [2, 4, 6, 8, 30]  # minutes: median (rank 3 of 5) 6, p95 (rank 5) 30
    docs = [
        tip(
            f"TB-AAAA{i + 2}",
            t0 + timedelta(hours=i),
            taken_at=t0 + timedelta(hours=i, minutes=w),
            resolved_at=t0 + timedelta(hours=i + 1) if i < 2 else None,
            status="resolved" if i < 2 else "acknowledged",
        )
        for i, w in enumerate(waits)
    ]
    docs += [
        # The first instant of the window (00:00 local): counted.
        tip(
            "TB-BBBB2",
            START,
            overdue_at=START + timedelta(minutes=40),
            ladder={"step": 3},
            unreachable=["cb-27019-1", "cb-27019-2", "cb-27019-1"],
        ),
        # One second before the window (23:59:59 local the day before): not counted.
        tip("TB-BBBB3", START - timedelta(seconds=1), taken_at=START),
        # Another unit, and a tip not routed yet.
        tip(
            "TB-CCCC2",
            t0,
            unit_id="dept-fire",
            taken_at=t0 + timedelta(minutes=1),
            ladder={"step": 2},
        ),
        tip("TB-CCCC3", t0, unit_id=None, routed_at=None, ladder=None, status="received"),
    ]
    batch = db.batch()
    for ref, doc in docs:
        batch.set(db.document(f"tips/{ref}"), doc)
    batch.commit()


def seed_questions(db: firestore.Client) -> None:
    at = START + timedelta(hours=10)

    def question(topic: str | None, subtopic: str | None, **extra: Any) -> dict[str, Any]:
        return {
            "kind": "question",
            "classification": {"kind": "question", "topic": topic, "subtopic": subtopic},
            "received_at": at,
            **extra,
        }

    messages = [
        question("tam_tru", "gia_han", answered=True),
        question("tam_tru", "gia_han", answered=False),
        question("tam_tru", "gia_han"),  # not marked: unanswered
        question("tam_tru", None, answered=True),
        question("luu_tru", None, answered=True),
        question(None, None, answered=False),
        question("tam_tru", None, answered=False, received_at=START - timedelta(minutes=1)),
        {"kind": "chat", "classification": {}, "received_at": at},
        {"kind": "tip", "classification": {"topic": None}, "received_at": at},
    ]
    handoffs = [
        {"status": "open", "created_at": at},
        {"status": "answered", "created_at": at},
        {"status": "open", "created_at": START - timedelta(days=3)},
    ]
    batch = db.batch()
    for i, doc in enumerate(messages):
        batch.set(db.document(f"messages/{APP_ID}:m{i}"), doc)
    for i, doc in enumerate(handoffs):
        batch.set(db.document(f"questions/q{i}"), doc)
    batch.commit()


def cells(out: str, starts: str) -> list[str]:
    line = next(line for line in out.splitlines() if line.startswith(starts))
    return re.split(r"\s{2,}", line.strip())


def test_report_figures_match_hand_computed_ones(db, report_clock, capsys) -> None:  # type: ignore[no-untyped-def]
    seed_tips(db)
    seed_questions(db)

    code, out, _ = run(capsys, "report", "--since", SINCE)

    assert code == 0
    assert out.startswith("BÁO CÁO TIN BÁO từ 00:00 ngày 20/11/2026 (giờ Việt Nam)")
    # name, received, taken, resolved, median, p95, overdue, step 1..3, unreachable
    assert cells(out, "Công an phường Tân Sơn Nhì") == [
        "Công an phường Tân Sơn Nhì",
        *("6", "5", "2", "0:06", "0:30", "1", "6", "1", "1", "2"),
    ]
    assert cells(out, "Phòng Cảnh sát phòng cháy") == [
        "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ",
        *("1", "1", "0", "0:01", "0:01", "0", "1", "1", "0", "0"),
    ]
    assert cells(out, "(chưa phân công)")[1:3] == ["1", "0"]
    # A quiet ward shows as quiet rather than missing; the command has no row.
    assert cells(out, "Công an phường Tây Thạnh")[1:4] == ["0", "0", "0"]
    assert "Công an Thành phố Hồ Chí Minh " not in out
    names = [line.split("  ")[0] for line in out.splitlines()]
    assert names.index("(chưa phân công)") < names.index("Tổ tiếp nhận tin báo khu vực Tân Phú")
    assert names.index("Phòng Cảnh sát hình sự") < names.index("Công an phường Tây Thạnh")

    assert cells(out, "Tạm trú – gia hạn") == ["Tạm trú – gia hạn", "3", "2"]
    assert cells(out, "Tạm trú  ") == ["Tạm trú", "1", "0"]
    assert cells(out, "Lưu trú") == ["Lưu trú", "1", "0"]
    assert cells(out, "Chưa xác định chủ đề") == ["Chưa xác định chủ đề", "1", "1"]
    assert cells(out, "Tổng cộng") == ["Tổng cộng", "6", "3"]
    assert "Yêu cầu gặp cán bộ trong kỳ: 2, trong đó chưa trả lời: 1." in out
    assert "đang chờ trả lời (kể cả trước kỳ): 2." in out


def seed_sends(db: firestore.Client) -> None:
    """Sends of two local days, and a tip whose ladder held twice for Zalo."""
    day1, day2 = START + timedelta(hours=9), START + timedelta(days=1, hours=9)
    sends = {
        "alerts/TB-DDDDD2:c0s1r0:cb-27019-2": {"created_at": day1, "status": "sent", "attempts": 1},
        "replies/ack:TB-DDDDD3": {"created_at": day2, "status": "pending", "attempts": 0},
        "replies/old": {"created_at": START - timedelta(minutes=1), "status": "sent"},
    }
    batch = db.batch()
    for path, doc in sends.items():
        batch.set(db.document(path), {**doc, "user_id": "secret-zalo-id"})
    ref, held = tip("TB-DDDDD2", day1, ladder={"step": 2, "holds": 2})
    # One hold on the tip's trail list, one as an older release's trail document; its
    # later sends on the tip (an older release's are documents, above).
    held["events"] = [{"at": day1 + timedelta(minutes=5), "kind": "hold"}]
    held["sends"] = {
        "alerts|TB-DDDDD2:c0s2r0:cb-27019-2": {"created_at": day1, "status": "sent", "attempts": 4},
        "alerts|TB-DDDDD2:c0s2r0:cb-27019-cmd-1": {
            "created_at": day1,
            "status": "given_up",
            "attempts": 5,
        },
        "replies|ack:TB-DDDDD2": {"created_at": day1, "status": "failed", "attempts": 2},
    }
    batch.set(db.document(f"tips/{ref}"), held)
    batch.set(db.document(f"tips/{ref}/events/h1"), {"at": day2, "kind": "hold"})
    batch.commit()


def test_report_shows_the_sends_to_zalo_per_day(db, report_clock, capsys) -> None:  # type: ignore[no-untyped-def]
    seed_sends(db)
    code, out, _ = run(capsys, "report", "--since", SINCE)
    assert code == 0
    section = out.split("GỬI TIN QUA ZALO")[1]
    # day, recorded, delivered, pending, retried, given up, holds
    assert cells(section, "20/11/2026") == ["20/11/2026", "4", "2", "1", "3", "1", "1"]
    assert cells(section, "21/11/2026") == ["21/11/2026", "1", "0", "1", "0", "0", "1"]
    assert cells(section, "22/11/2026")[1:] == ["0"] * 6  # a quiet day shows as quiet
    assert "secret-zalo-id" not in out


def test_report_for_one_unit_shows_only_that_unit(db, report_clock, capsys) -> None:  # type: ignore[no-untyped-def]
    seed_tips(db)
    code, out, _ = run(capsys, "report", "--since", SINCE, "--unit", "dept-fire")
    assert code == 0
    table = out.split("CÂU HỎI")[0]
    assert "Phòng Cảnh sát phòng cháy" in table
    assert "Tân Sơn Nhì" not in table and "(chưa phân công)" not in table


def test_report_refuses_a_bad_date_or_an_unknown_unit(capsys, env) -> None:  # type: ignore[no-untyped-def]
    assert run(capsys, "report", "--since", "20/11/2026")[0] == 2
    code, _, err = run(capsys, "report", "--unit", "ward-99999")
    assert code == 2 and "ward-99999" in err


def test_the_default_window_starts_at_local_midnight_seven_days_back() -> None:
    from shared.cli.report import window_start

    # 2026-11-27 23:30 UTC is already 28/11 06:30 in Ho Chi Minh City.
    now = datetime(2026, 11, 27, 23, 30, tzinfo=UTC)
    assert window_start(None, now) == datetime(2026, 11, 21, 0, 0, tzinfo=HCM)


# --- zalo authorize ----------------------------------------------------------------------


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config" / "tinbao"


def start_authorize(capsys: pytest.CaptureFixture[str], config_home: Path) -> dict[str, Any]:
    code, out, _ = run(
        capsys,
        "zalo",
        "authorize",
        "--oa-id",
        OA_ID,
        "--redirect-uri",
        "https://tinbao.example.vn/zalo/callback",
    )
    assert code == 0
    url = next(line for line in out.splitlines() if line.startswith("http"))
    pending = json.loads((config_home / f"zalo-pkce-{OA_ID}.json").read_text())
    return {"out": out, "url": url, "pending": pending}


def test_authorize_url_carries_the_pkce_challenge_of_the_stored_verifier(  # type: ignore[no-untyped-def]
    env, capsys, config_home
) -> None:
    started = start_authorize(capsys, config_home)
    url = urlsplit(started["url"])
    query = {k: v[0] for k, v in parse_qs(url.query).items()}
    verifier = started["pending"]["verifier"]

    assert f"{url.scheme}://{url.netloc}{url.path}" == "https://oauth.zaloapp.com/v4/oa/permission"
    assert set(query) == {"app_id", "redirect_uri", "code_challenge", "state"}
    assert query["app_id"] == APP_ID
    assert query["redirect_uri"] == "https://tinbao.example.vn/zalo/callback"
    expected = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
    assert query["code_challenge"] == expected.decode().rstrip("=")
    assert "=" not in query["code_challenge"] and len(query["code_challenge"]) == 43
    assert query["state"] == started["pending"]["state"]
    assert 43 <= len(verifier) <= 128 and re.fullmatch(r"[A-Za-z0-9_-]+", verifier)
    assert verifier not in started["out"]
    path = config_home / f"zalo-pkce-{OA_ID}.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(config_home.stat().st_mode) == 0o700


class FakeZaloOAuth:
    """Zalo's token endpoint for the authorization_code grant, over real HTTP."""

    ACCESS = "AT-very-secret-access-token"
    REFRESH = "RT-very-secret-refresh-token"

    def __init__(self) -> None:
        self.requests: list[tuple[dict[str, str], dict[str, str]]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                form = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
                outer.requests.append((dict(self.headers), form))
                ok = (
                    self.path == "/v4/oa/access_token"
                    and self.headers.get("secret_key") == APP_SECRET
                    and form.get("grant_type") == "authorization_code"
                )
                answer = (
                    {
                        "access_token": outer.ACCESS,
                        "refresh_token": outer.REFRESH,
                        "expires_in": "90000",
                    }
                    if ok
                    else {"error": -14019, "error_name": "Invalid code"}
                )
                data = json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake_oauth(env: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeZaloOAuth]:
    server = FakeZaloOAuth()
    monkeypatch.setenv("ZALO_OAUTH_BASE", server.url)
    get_settings.cache_clear()
    yield server
    server.stop()
    get_settings.cache_clear()


def test_exchange_stores_the_first_pair_and_never_prints_the_tokens(  # type: ignore[no-untyped-def]
    db, fake_oauth, capsys, caplog, config_home
) -> None:
    started = start_authorize(capsys, config_home)
    assert started["url"].startswith(fake_oauth.url + "/v4/oa/permission?")
    state = started["pending"]["state"]
    before = datetime.now(UTC)

    code, out, err = run(
        capsys, "zalo", "authorize", "--oa-id", OA_ID, "--code", "the-code", "--state", state
    )

    assert code == 0, err
    [(headers, form)] = fake_oauth.requests
    assert headers["secret_key"] == APP_SECRET
    assert form == {
        "code": "the-code",
        "app_id": APP_ID,
        "grant_type": "authorization_code",
        "code_verifier": started["pending"]["verifier"],
    }
    stored = db.document(f"oa_tokens/{OA_ID}").get().to_dict()
    assert stored["access_token"] == FakeZaloOAuth.ACCESS
    assert stored["refresh_token"] == FakeZaloOAuth.REFRESH
    assert before <= stored["updated_at"] <= datetime.now(UTC)
    assert stored["expires_at"] - stored["updated_at"] == timedelta(seconds=90000)
    printed = out + err + caplog.text
    for secret in (FakeZaloOAuth.ACCESS, FakeZaloOAuth.REFRESH, APP_SECRET, "the-code"):
        assert secret not in printed
    assert f"Stored the token pair of OA {OA_ID}" in out and "expires at" in out
    assert not (config_home / f"zalo-pkce-{OA_ID}.json").exists()


def test_exchange_with_a_foreign_state_is_refused_before_calling_zalo(  # type: ignore[no-untyped-def]
    db, fake_oauth, capsys, config_home
) -> None:
    start_authorize(capsys, config_home)
    code, _, err = run(
        capsys, "zalo", "authorize", "--oa-id", OA_ID, "--code", "c", "--state", "forged"
    )
    assert code == 1 and "state does not match" in err
    assert fake_oauth.requests == []
    assert not db.document(f"oa_tokens/{OA_ID}").get().exists


def test_exchange_without_a_pending_grant_says_to_start_first(env, capsys, config_home) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "zalo", "authorize", "--oa-id", OA_ID, "--code", "c")
    assert code == 1 and "no pending grant" in err


def test_the_zalo_standin_refuses_the_code_and_nothing_is_stored(  # type: ignore[no-untyped-def]
    db, capsys, config_home, monkeypatch
) -> None:
    # The stand-in (local/zalo_standin.py) has no authorization_code grant yet: it
    # answers the exchange like a bad refresh. This pins the refusal path over real
    # HTTP; once the stand-in grows the grant, this becomes the success case.
    running = serve_in_thread(StandinConfig(APP_ID, OA_ID, OA_SECRET_KEY, APP_SECRET))
    monkeypatch.setenv("ZALO_OAUTH_BASE", running.url)
    get_settings.cache_clear()
    try:
        start_authorize(capsys, config_home)
        code, _, err = run(capsys, "zalo", "authorize", "--oa-id", OA_ID, "--code", "c")
    finally:
        running.stop()
        get_settings.cache_clear()
    assert code == 1
    assert "Zalo refused the code" in err and "nothing was stored" in err
    assert not db.document(f"oa_tokens/{OA_ID}").get().exists
    assert (config_home / f"zalo-pkce-{OA_ID}.json").exists()  # the operator may retry


def test_authorize_requires_the_registered_https_callback(env, capsys, config_home) -> None:  # type: ignore[no-untyped-def]
    for extra in ((), ("--redirect-uri", "http://tinbao.example.vn/cb")):
        code, out, err = run(capsys, "zalo", "authorize", "--oa-id", OA_ID, *extra)
        assert code == 2 and "-14003" in err and "http" not in out
    assert not (config_home / f"zalo-pkce-{OA_ID}.json").exists()


def test_a_code_from_the_console_link_is_exchanged_with_its_verifier_from_stdin(  # type: ignore[no-untyped-def]
    db, fake_oauth, capsys, config_home, monkeypatch
) -> None:
    verifier = "Console-made-verifier_" + "x" * 30
    monkeypatch.setattr("sys.stdin", io.StringIO(verifier + "\n"))
    code, out, err = run(
        capsys, "zalo", "authorize", "--oa-id", OA_ID, "--code", "console-code", "--verifier", "-"
    )
    assert code == 0, err
    [(_, form)] = fake_oauth.requests
    assert form["code_verifier"] == verifier and form["code"] == "console-code"
    assert form["app_id"] == APP_ID
    assert db.document(f"oa_tokens/{OA_ID}").get().exists
    assert verifier not in out + err


def test_a_verifier_that_is_not_pkce_is_refused_before_calling_zalo(  # type: ignore[no-untyped-def]
    db, fake_oauth, capsys, config_home, monkeypatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    code, _, err = run(
        capsys, "zalo", "authorize", "--oa-id", OA_ID, "--code", "c", "--verifier", "-"
    )
    assert code == 2 and "RFC 7636" in err
    assert fake_oauth.requests == []


def test_the_state_an_operator_pastes_never_reads_as_an_option() -> None:
    from shared.cli.zalo import new_state

    states = {new_state() for _ in range(2000)}
    assert len(states) == 2000 and not any(s.startswith("-") for s in states)
