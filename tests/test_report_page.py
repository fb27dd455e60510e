"""`tinbao report --html`: a week of the line, played through the webhook, the
router and the escalator on the emulators, written as the commander's page and
opened in headless Chromium.

The week: seventeen tips from seventeen citizens over seven days in the five
wards and to the city departments, most with a shared location; officers take
them with NHAN at once or after the ladder climbed, resolve them with XONG;
one duty desk cannot be reached on Zalo, one tip runs its ladder out; and
residence questions, two of them asking for an officer. Time is the line's
clock (tests.line), moved forward as the story goes; the escalator runs
whenever something falls due, as Cloud Scheduler's every-minute call would.

The page must draw its map and every chart, log nothing to the console, make
no request, and hold nothing that identifies an informant. Its screenshot is
the README's: `TINBAO_REPORT_SCREENSHOT=docs/report-page.png` writes it there.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from google.cloud.firestore_v1.base_query import FieldFilter

from local.emulators import push_body
from local.stack import ward_presets
from shared import bootstrap
from shared.cli import main
from shared.core import refcode
from shared.services.escalator import Escalator
from tests.cli_clock import pin_cli_clock
from tests.conftest import databases
from tests.line import Line

pytestmark = pytest.mark.emulators

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
WEEK_START = date(2026, 12, 1)  # Tuesday; tests.line's clock starts at 09:00 that day
SCREENSHOT_ENV = "TINBAO_REPORT_SCREENSHOT"
REF = refcode.IN_TEXT
PRESETS = {
    p["code"]: (float(p["lat"]), float(p["lng"]))
    for p in ward_presets({f"ward-{c}": c for c in ("27013", "27019", "27022", "27028", "27031")})
}


def officer_zalo(officer_id: str) -> str:
    return "demo-officer-" + officer_id.removeprefix("cb-")  # the demo seed's stand-in ids


@dataclass
class Week:
    """The line, its clock moved by the story; the escalator runs when work falls due."""

    line: Line
    escalator: Escalator
    citizens: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    shared: list[tuple[str, str]] = field(default_factory=list)  # every location sent
    texts: list[str] = field(default_factory=list)  # every citizen's message

    def at(self, day: int, hour: int, minute: int = 0) -> datetime:
        """Move to `day` (0: 01/12) `hour:minute` local, running the escalator on the way
        at each moment something is due (rounded up to the minute, as the scheduler)."""
        target = datetime.combine(
            WEEK_START + timedelta(days=day), datetime.min.time(), LOCAL
        ) + timedelta(hours=hour, minutes=minute)
        return self.until(target.astimezone(UTC))

    def until(self, target: datetime) -> datetime:
        assert target >= self.line.clock.now(), "the story only moves forward"
        while True:
            at = self._next_due()
            if at is None or at > target:
                break
            minute = at.replace(second=0, microsecond=0)
            self._set(max(minute + timedelta(minutes=1) if at > minute else at, self.now()))
            summary = self.escalator.run(self.now())
            assert summary.failures == 0, summary
        self._set(target)
        return target

    def _next_due(self) -> datetime | None:
        """The earliest entry of the schedule: a `due` document or a tip's ladder."""
        found = []
        for collection, field_name in (("due", "at"), ("tips", "due_at")):
            query = self.line.db.collection(collection).where(
                filter=FieldFilter(field_name, ">", datetime.min.replace(tzinfo=UTC))
            )
            first = list(query.order_by(field_name).limit(1).stream())
            found += [(s.to_dict() or {})[field_name] for s in first]
        return min(found, default=None)

    def after(self, minutes: float) -> datetime:
        return self.until(self.now() + timedelta(minutes=minutes))

    def now(self) -> datetime:
        return self.line.clock.now()

    def _set(self, at: datetime) -> None:
        self.line.clock.current = at
        self.line.standin.set_clock(at)

    # --- citizens ------------------------------------------------------------------

    def tip(self, text: str, ward: str | None = None, nudge: tuple[int, int] = (0, 0)) -> str:
        """A new citizen writes `text`, and shares a point in `ward` when given
        (its preset moved by `nudge` × 0.0005°); the tip's reference code."""
        user = f"dan-{next(self.citizens)}"
        self.line.citizen_says(user, text)
        self.texts.append(text)
        if ward is not None:
            lat, lng = PRESETS[ward]
            point = (f"{lat + nudge[0] * 0.0005:.6f}", f"{lng + nudge[1] * 0.0005:.6f}")
            self.line.citizen_shares(user, *point)
            self.shared.append(point)
        self.deliver(2 if ward is not None else 1)
        refs = {m.group(0) for t in self.line.texts(user) for m in [REF.search(t)] if m}
        assert len(refs) == 1, self.line.texts(user)
        ref = refs.pop()
        if ward is not None:
            assert self.line.tip(ref)["ward_code"] == ward, ref
        return ref

    def asks(self, text: str) -> str:
        user = f"dan-{next(self.citizens)}"
        self.line.citizen_says(user, text)
        self.texts.append(text)
        self.deliver(1)
        return user

    def deliver(self, published: int) -> None:
        """Push the `published` events the webhook just stored to the router (it
        publishes before it answers, so they wait in the subscription already)."""
        messages = self.line.env.pull(published)
        assert len(messages) >= published
        for message in messages:
            body = push_body(message, self.line.env.topics["router"])
            assert self.line.router.post("/", json=body).status_code == 200

    # --- officers --------------------------------------------------------------------

    def reached(self, ref: str) -> str:
        """An officer of the tip's unit whose alert about it reached them."""
        unit = self.line.tip(ref)["unit_id"]
        sent = sorted(
            (a["step"], a["officer_id"])
            for a in self.line.alerts()
            if a.get("tip_id") == ref and a.get("status") == "sent"
        )
        for _, officer in sent:
            doc = self.line.db.collection("officers").document(officer).get().to_dict() or {}
            if doc.get("unit_id") == unit:
                return officer
        raise AssertionError(f"no officer of {unit} was reached about {ref}: {sent}")

    def take(self, ref: str, minutes: float, typed: str = "NHAN {ref}") -> str:
        self.after(minutes)
        officer = self.reached(ref)
        self.officer_says(officer, typed.format(ref=ref, low=ref.lower()))
        assert self.line.tip(ref)["status"] == "acknowledged", ref
        return officer

    def resolve(self, ref: str, officer: str, minutes: float, note: str = "") -> None:
        self.after(minutes)
        self.officer_says(officer, f"xong {ref} {note}".strip())
        assert self.line.tip(ref)["status"] == "resolved", ref

    def officer_says(self, officer: str, text: str) -> None:
        self.line.standin.send_text(officer_zalo(officer), text)
        self.deliver(1)


@pytest.fixture
def week(line: Line) -> Week:
    # The line fixture built this process's services afresh (and resets them after).
    escalator = bootstrap.get_escalator()
    escalator.clock = line.clock
    return Week(line, escalator)


def play_the_week(w: Week) -> dict[str, Any]:
    """The week's story; what the page must show of it."""
    # Tuesday
    ref = w.tip(
        "co nhom thanh nien chich hut ma tuy trong nha nghi hem 12 tan son nhi", "27019", (5, -4)
    )
    w.resolve(ref, w.take(ref, 3), 95, "da kiem tra, lap bien ban 3 doi tuong")
    w.at(0, 11, 0)
    w.asks("dang ky tam tru can giay to gi vay")
    w.at(0, 14, 20)
    ref = w.tip("bi trom xe may truoc nha luc sang nay o phuong tay thanh")
    w.resolve(ref, w.take(ref, 7, "nhan {low}"), 180)  # the ladder reached the commander
    w.at(0, 22, 40)
    ref = w.tip("may thang dua xe lang lach ko cho ai ngu o phu tho hoa", "27022", (-5, 4))
    w.resolve(ref, w.take(ref, 2), 40, "da giai tan")
    # Wednesday
    w.at(1, 8, 5)
    ref = w.tip("chay nha o hem 45 phuong tan phu khoi nhieu lam", "27031", (6, 1))
    w.resolve(ref, w.take(ref, 1), 60)  # the fire department's, urgent
    w.at(1, 11, 30)
    ref = w.tip("co song bai danh bac o quan ca phe phu thanh", "27028", (5, -3))
    w.resolve(ref, w.take(ref, 33), 150)  # nobody for half an hour: up to the city
    w.at(1, 15, 0)
    w.asks("gia han tam tru o dau a")
    w.at(1, 19, 0)
    ref = w.tip("bi lua dao chuyen khoan 5 trieu qua mang")  # no place: the desk
    w.resolve(ref, w.take(ref, 6), 120)
    # Thursday
    w.at(2, 2, 15)
    ref = w.tip("vua bi cuop giat dien thoai o duong luy ban bich tan son nhi", "27019", (-5, 5))
    w.resolve(ref, w.take(ref, 4), 90)
    w.at(2, 10, 0)
    ref = w.tip("xe tai dau chan het duong tan son nhi ket xe")  # traffic: the department
    w.resolve(ref, w.take(ref, 6), 45)
    w.at(2, 11, 0)
    w.asks("luu tru cho nguoi nuoc ngoai lam sao")
    w.at(2, 16, 45)
    # Tân Phú's duty officers cannot be reached on Zalo: the ladder climbs at once.
    for n in (1, 2, 3):
        w.line.standin.fault(f"demo-officer-27031-{n}", error=-230)
    ref = w.tip("co nguoi ban ma tuy dau hem phuong tan phu")
    w.line.standin.clear_faults()
    assert w.line.tip(ref)["unreachable"], ref
    w.resolve(ref, w.take(ref, 3), 200)
    # Friday
    w.at(3, 9, 30)
    ref = w.tip("hang xom mo nhac to qua troi khuya ko ngu duoc o phu tho hoa", "27022", (-5, 4))
    w.resolve(ref, w.take(ref, 2), 30)
    w.at(3, 14, 0)
    w.asks("cho e hoi dang ky thuong tru cho con moi sinh can gi")
    w.at(3, 21, 10)
    ref = w.tip("2 nhom danh nhau co cam dao o tan son nhi", "27019", (-6, -3))
    w.resolve(ref, w.take(ref, 5), 60)  # urgent: its ladder climbs every 2 minutes
    # Saturday
    w.at(4, 9, 0)
    w.asks("khai bao tam vang the nao a")
    w.at(4, 13, 0)
    overdue = w.tip("mat xe dap truoc tiem tap hoa phu thanh", "27028", (-6, 2))
    w.at(4, 17, 0)  # nobody takes it: the ladder runs out at 3 h 30
    assert w.line.tip(overdue)["overdue_at"] is not None
    w.at(4, 23, 50)
    ref = w.tip("nhom nguoi tu tap danh bai o nha kho tay thanh", "27013", (-5, 4))
    w.resolve(ref, w.take(ref, 10), 120)
    # Sunday
    w.at(5, 10, 20)
    ref = w.tip("co thanh nien hut bong cuoi o cong vien tan phu", "27031", (-6, -2))
    w.resolve(ref, w.take(ref, 8), 70)
    w.at(5, 16, 0)
    w.asks("gap can bo")  # a request for an officer, left open
    w.at(5, 17, 0)
    ref = w.tip("co nguoi la manh mun theo doi nha toi o tay thanh")
    w.resolve(ref, w.take(ref, 4), 90)
    # Monday
    w.at(6, 7, 40)
    ref = w.tip("sang nay bi trom dien thoai o cho tan son nhi", "27019", (5, -4))
    w.take(ref, 2)  # still being handled at the report
    w.at(6, 10, 0)
    w.asks("cho gap can bo")
    (question,) = [
        s.id
        for s in w.line.db.collection("questions").stream()
        if (s.to_dict() or {}).get("created_at") == w.now()
    ]
    w.after(20)
    w.officer_says("cb-desk-1", f"TL {question} Anh/chị mang CCCD đến trụ sở phường.")
    w.at(6, 15, 0)
    ref = w.tip("co dam thanh nien chich ma tuy o phong tro phu thanh", "27028", (-4, -4))
    w.take(ref, 12)
    # Tuesday morning: the report.
    w.at(7, 7, 30)
    return {
        "tips": 17,
        "overdue": 1,
        # The street "đường Tân Sơn Nhì" and a bare "ở Tây Thạnh" name no ward for
        # sure: those two tips and the fraud have no ward (the resolver abstains).
        "by_ward": {"27013": 2, "27019": 4, "27022": 2, "27028": 3, "27031": 3},
        "without_ward": 3,
        "located": len(w.shared),
    }


def write_page(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, now: datetime) -> Path:
    """`tinbao report --html` at the story's `now` (the local stack's clock file)."""
    pin_cli_clock(monkeypatch, tmp_path, now)
    page = tmp_path / "bao-cao.html"
    assert main(["report", "--since", WEEK_START.isoformat(), "--html", str(page)]) == 0
    return page


def informant_data(w: Week) -> list[str]:
    """Everything that could identify an informant, as stored by the line."""
    db = w.line.db
    found = [s.id for s in db.collection("tips").stream()]  # reference codes
    found += [s.id for s in db.collection("questions").stream()]  # hand-off codes
    for snap in db.collection("reporters").stream():
        found += [snap.id, (snap.to_dict() or {})["zalo_user_id"]]  # keys, Zalo ids
    for snap in db.collection("messages").stream():
        doc = snap.to_dict() or {}
        found += [snap.id.split(":")[-1], doc.get("sender_key") or "", doc.get("text") or ""]
    found += w.texts + [x for point in w.shared for x in point]
    return sorted({x for x in found if x})


def visible(driver: Any, selector: str) -> list[Any]:
    """Elements matching `selector` that take room on the page."""
    return [
        e
        for e in driver.find_elements("css selector", selector)
        if driver.execute_script(
            "const r = arguments[0].getBoundingClientRect(); return r.width > 0 && r.height > 0;",
            e,
        )
    ]


def test_a_week_on_the_line_makes_a_page_that_draws_everything_offline_and_names_no_informant(
    week: Week, browser: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    expected = play_the_week(week)
    page = write_page(monkeypatch, tmp_path, week.now())
    html = page.read_text(encoding="utf-8")

    # Nothing that identifies an informant, anywhere in the file.
    secrets = informant_data(week)
    assert len(secrets) > 3 * expected["tips"]
    leaked = [s for s in secrets if s in html]
    assert not leaked, leaked
    assert not REF.search(html) and not re.search(r"\br_[0-9a-f]{8}", html)
    assert "mã tin báo" in html and "làm tròn đến khoảng 100 m" in html  # and it says so

    browser.get_log("browser")  # drop what earlier pages logged
    browser.get_log("performance")
    browser.get(page.as_uri())
    assert browser.title.startswith("Báo cáo đường dây tin báo qua Zalo")

    # The map: the five wards shaded by their tips, a point per shared place.
    wards = visible(browser, "svg.map path.ward")
    counts = {w.find_element("css selector", "title").get_attribute("textContent") for w in wards}
    assert len(wards) == 5, counts
    assert sum(int(w.get_attribute("data-count")) for w in wards) == sum(
        expected["by_ward"].values()
    )
    assert {"Tân Sơn Nhì: 4", "Phú Thạnh: 3", "Tây Thạnh: 2"} <= counts
    points = visible(browser, "svg.map circle.tip-point")
    distinct = len({(round(float(a), 3), round(float(b), 3)) for a, b in week.shared})
    assert len(points) == distinct < expected["located"]  # two tips share a coarse point
    assert f"({expected['located']} tin báo)" in html
    assert f"{expected['without_ward']} tin báo chưa xác định được phường" in html

    # Every chart is drawn, with bars.
    for chart in ("categories", "hours", "climbs", "questions"):
        assert len(visible(browser, f'svg[data-chart="{chart}"]')) == 1, chart
        assert visible(browser, f'svg[data-chart="{chart}"] rect.bar'), chart
    rows = browser.find_elements("css selector", "table.units tbody tr")
    assert len(rows) >= 9
    for row in rows:
        for mini in ("funnel", "take-time", "steps"):
            assert row.find_elements("css selector", f'svg[data-chart="{mini}"]'), mini
    climbs = visible(browser, 'svg[data-chart="climbs"] rect.bar')
    assert len(climbs) >= 5
    kpi = {
        e.get_attribute("data-kpi"): e.find_element("css selector", ".kpi-value").text
        for e in browser.find_elements("css selector", ".kpi")
    }
    assert kpi["tips"] == str(expected["tips"]) and kpi["overdue"] == "1"
    assert kpi["questions"] == "5"
    tan_phu = browser.find_element("css selector", 'tr[data-unit="ward-27031"]')
    assert tan_phu.find_elements("css selector", "td.alarm")  # its officers unreachable
    assert "Kỳ báo cáo: từ 00:00 ngày 01/12/2026 đến 07:3" in html

    # Nothing logged, nothing requested but the file itself.
    console = browser.get_log("browser")
    assert not console, console
    requests = [
        json.loads(entry["message"])["message"]
        for entry in browser.get_log("performance")
        if '"Network.requestWillBeSent"' in entry["message"]
    ]
    urls = [r["params"]["request"]["url"] for r in requests]
    assert urls == [page.as_uri()], urls
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0

    shot = screenshot(browser, tmp_path / "report-page.png")
    if os.environ.get(SCREENSHOT_ENV):
        Path(os.environ[SCREENSHOT_ENV]).write_bytes(shot.read_bytes())


def screenshot(driver: Any, path: Path) -> Path:
    """The whole of `main`, beyond the window's height (Chromium's DevTools protocol)."""
    box = driver.execute_script(
        "const r = document.querySelector('main').getBoundingClientRect();"
        "return [r.left + scrollX, r.top + scrollY, r.width, r.height];"
    )
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": box[0], "y": box[1], "width": box[2], "height": box[3], "scale": 1},
        },
    )
    path.write_bytes(base64.b64decode(shot["data"]))
    assert path.stat().st_size > 10_000
    return path


# --- the command's edges ----------------------------------------------------------------


def test_the_page_for_one_unit_counts_only_its_tips(
    env: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:

    db = databases()
    morning = datetime(2026, 12, 2, 9, 0, tzinfo=LOCAL)
    for n, (unit, ward) in enumerate([("ward-27019", "27019")] * 2 + [("dept-fire", "27031")]):
        created = morning + timedelta(hours=n)
        db.document(f"tips/TB-UNIT{n}").set(
            {
                "ref": f"TB-UNIT{n}",
                "status": "acknowledged",
                "unit_id": unit,
                "ward_code": ward,
                "created_at": created,
                "taken_at": created + timedelta(minutes=4),
                "locations": [{"msg": "m", "lat": "10.8021", "lng": "106.6179", "at": created}],
                "ladder": {"step": 1, "cycle": 0},
            }
        )
    page = tmp_path / "phuong.html"
    pin_cli_clock(monkeypatch, tmp_path, morning + timedelta(hours=8))
    argv = ["report", "--since", "2026-12-01", "--unit", "ward-27019", "--html", str(page)]
    assert main(argv) == 0
    html = page.read_text(encoding="utf-8")
    assert "Đơn vị: Công an phường Tân Sơn Nhì" in html
    assert 'data-kpi="tips"><span class="kpi-value">2<' in html
    assert 'data-unit="dept-fire"' not in html and "TB-UNIT" not in html
    assert "<title>Tân Sơn Nhì: 2</title>" in html and "<title>Tân Phú: 0</title>" in html


def test_a_page_into_a_missing_folder_is_refused_and_nothing_is_written(
    env: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "khong-co" / "bao-cao.html"
    assert main(["report", "--html", str(target)]) == 2
    assert "khong-co" in capsys.readouterr().err
    assert not target.parent.exists()
    assert main(["report", "--html", str(tmp_path)]) == 2  # a folder is not a file
    assert list(tmp_path.iterdir()) == [] and not list(tmp_path.parent.glob(".*.tmp"))
