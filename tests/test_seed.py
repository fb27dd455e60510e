"""The seed file: the demo seed loads, and mistakes are reported with their path."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml

from shared.core.roster import duty_for_alert, on_duty
from shared.core.seed import SeedError, load_seed

DEMO = Path(__file__).resolve().parents[1] / "shared" / "data" / "seed-demo.yaml"
WARDS = ("ward-27013", "ward-27019", "ward-27022", "ward-27028", "ward-27031")
DEPARTMENTS = ("dept-fire", "dept-traffic", "dept-criminal")
HCM = timezone(timedelta(hours=7))


def demo_text() -> str:
    return DEMO.read_text(encoding="utf-8")


def mutated(change) -> str:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(demo_text())
    change(data)
    return yaml.safe_dump(data, allow_unicode=True)


def test_demo_seed_has_the_five_wards_three_departments_the_desk_and_the_command() -> None:
    seed = load_seed(demo_text())
    ids = {u.unit_id for u in seed.units}
    assert ids == {*WARDS, *DEPARTMENTS, "hcm-desk", "hcm-police"}
    assert {u.kind for u in seed.units if u.unit_id in WARDS} == {"ward"}
    assert {u.kind for u in seed.units if u.unit_id in DEPARTMENTS} == {"department"}
    assert {r.unit_id for r in seed.rosters} == {*WARDS, *DEPARTMENTS, "hcm-desk", "hcm-police"}


def test_every_demo_ward_has_someone_on_duty_at_every_hour_of_a_day() -> None:
    seed = load_seed(demo_text())
    for roster in seed.rosters:
        for hour in range(24):
            answer = duty_for_alert(roster, datetime(2025, 9, 1, hour, 30, tzinfo=HCM))
            assert answer.officer_ids and not answer.fallback_to_desk, (roster.unit_id, hour)


def test_demo_wards_rotate_three_officers_on_twelve_hour_shifts_with_a_commander_and_chief() -> (
    None
):
    seed = load_seed(demo_text())
    roster = next(r for r in seed.rosters if r.unit_id == "ward-27019")
    days = [
        on_duty(
            roster, "duty_officer", datetime(2025, 7, 1, 8, tzinfo=HCM) + timedelta(hours=12 * i)
        )
        for i in range(4)
    ]
    assert days[0] != days[1] != days[2] and days[3] == days[0]
    assert on_duty(roster, "duty_commander", datetime(2025, 7, 1, 8, tzinfo=HCM))
    assert on_duty(roster, "chief", datetime(2025, 7, 1, 3, tzinfo=HCM)) == ["cb-27019-chief"]


def test_demo_officers_have_vietnamese_names_and_local_only_zalo_ids() -> None:
    seed = load_seed(demo_text())
    assert all(o.zalo_user_id and o.zalo_user_id.startswith("demo-officer-") for o in seed.officers)
    assert any("ễ" in o.name or "ị" in o.name for o in seed.officers)


def test_unknown_officer_in_a_roster_is_reported_with_its_path() -> None:
    def change(d):  # type: ignore[no-untyped-def]
        d["rosters"][1]["rotation"]["duty_officer"][2] = "cb-nobody"

    with pytest.raises(SeedError) as err:
        load_seed(mutated(change))
    assert "rosters[1].rotation.duty_officer[2]: unknown officer 'cb-nobody'" in str(err.value)


def test_officer_of_an_unknown_unit_is_reported_with_its_path() -> None:
    def change(d):  # type: ignore[no-untyped-def]
        d["officers"][4]["unit"] = "ward-99999"

    with pytest.raises(SeedError, match=r"officers\[4\]\.unit: unknown unit 'ward-99999'"):
        load_seed(mutated(change))


def test_wrong_types_and_unknown_fields_are_reported_with_their_paths() -> None:
    def change(d):  # type: ignore[no-untyped-def]
        d["officers"][0]["active"] = "maybe"
        d["units"][2]["kind"] = "precinct"
        d["units"][3]["colour"] = "blue"

    with pytest.raises(SeedError) as err:
        load_seed(mutated(change))
    problems = "\n".join(err.value.problems)
    assert "officers[0].active" in problems
    assert "units[2].kind" in problems
    assert "units[3].colour" in problems


def test_duplicates_cycles_and_bad_shifts_are_all_reported_at_once() -> None:
    def change(d):  # type: ignore[no-untyped-def]
        d["units"][0]["parent"] = "hcm-desk"  # hcm-police <-> hcm-desk
        d["officers"][1]["id"] = d["officers"][0]["id"]
        d["rosters"][2]["shifts"] = ["19:00", "07:00"]

    with pytest.raises(SeedError) as err:
        load_seed(mutated(change))
    problems = "\n".join(err.value.problems)
    assert "cycle" in problems
    assert "officers[1].id: duplicate officer" in problems
    assert "rosters[2]" in problems and "increasing" in problems


def test_duplicate_zalo_ids_are_refused() -> None:
    def change(d):  # type: ignore[no-untyped-def]
        d["officers"][1]["zalo_user_id"] = d["officers"][0]["zalo_user_id"]

    with pytest.raises(SeedError, match=r"officers\[1\]\.zalo_user_id"):
        load_seed(mutated(change))


def test_not_yaml_and_not_a_mapping_are_clear_errors() -> None:
    with pytest.raises(SeedError, match="yaml"):
        load_seed("units: [")
    with pytest.raises(SeedError, match="expected a mapping"):
        load_seed("- 1\n- 2\n")


def test_a_key_written_twice_is_refused_not_silently_the_last() -> None:
    # YAML keeps the last of two keys; a seed edited by hand would lose the first unseen
    demo = DEMO.read_text(encoding="utf-8")
    name = "    name: Công an phường Tân Sơn Nhì\n"
    assert name in demo
    twice = demo.replace(name, name + "    name: Công an phường Tây Thạnh\n", 1)
    with pytest.raises(SeedError, match="found the key 'name' twice"):
        load_seed(twice)


# --- skeletons: a seed file per unit, made from the profile ------------------------


def test_skeletons_cover_every_unit_of_the_city_and_each_loads_as_it_is() -> None:
    from datetime import date

    from shared.core.jurisdiction import load_profile
    from shared.core.seed import skeletons
    from shared.store.admin import profile_problems

    profile = load_profile("hcm")
    files = skeletons(profile, date(2026, 1, 1))
    assert len(files) == 1 + 168 + 1 + 3  # the tree, the wards, the desk, the departments
    tree = load_seed(files["units.yaml"])
    assert len(tree.units) == len(profile.units) and not tree.officers
    assert profile_problems(tree, profile) == []
    for name, text in files.items():
        seed = load_seed(text)
        assert profile_problems(seed, profile) == [], name
    ward = load_seed(files["ward-26732.yaml"])
    assert [u.unit_id for u in ward.units] == ["hcm-police", "ward-26732"]
    assert [r.unit_id for r in ward.rosters] == ["ward-26732"]
    assert "Công an đặc khu Côn Đảo" in files["ward-26732.yaml"]


def test_a_ward_fills_in_its_skeleton_and_it_names_who_is_on_duty() -> None:
    from datetime import date

    from shared.core.jurisdiction import load_profile
    from shared.core.seed import skeletons

    text = skeletons(load_profile("hcm"), date(2026, 1, 1))["ward-27577.yaml"]
    filled = text.replace(
        "officers: []",
        "officers:\n"
        "  - {id: cb-27577-1, name: Lê Thị Hồng, unit: ward-27577, role: duty_officer}\n"
        "  - {id: cb-27577-2, name: Trần Văn Bảy, unit: ward-27577, role: duty_officer}",
    ).replace("duty_officer: []", "duty_officer: [cb-27577-1, cb-27577-2]")
    seed = load_seed(filled)
    roster = seed.rosters[0]
    day = datetime(2026, 1, 1, 8, tzinfo=HCM)
    assert on_duty(roster, "duty_officer", day) == ["cb-27577-1"]
    assert on_duty(roster, "duty_officer", day + timedelta(hours=12)) == ["cb-27577-2"]
    assert duty_for_alert(load_seed(text).rosters[0], day).fallback_to_desk


def test_tinbao_seed_skeleton_writes_the_files_and_keeps_those_already_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from shared.cli import main

    (tmp_path / "ward-27019.yaml").write_text("# filled in by the ward\n", encoding="utf-8")
    assert main(["seed", "--skeleton", str(tmp_path), "--profile", "hcm"]) == 0
    assert len(list(tmp_path.glob("*.yaml"))) == 173
    assert (tmp_path / "ward-27019.yaml").read_text(encoding="utf-8") == "# filled in by the ward\n"
    assert "1 already there" in capsys.readouterr().out
    assert main(["seed"]) == 2
