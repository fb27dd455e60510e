"""Every fact the assistant can say has a basis and a checked date, and no two disagree.

The checks run over the data files as they are (shared/data/procedures/*.yaml,
shared/data/assistant.yaml) and over small invented files that break each rule
once, so each check is shown able to fail. The fact format (`basis`, `checked`,
`values`, `unconfirmed`) is described in shared/core/assistant.py ("Data files").
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from shared.core import data_file

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "shared" / "data"
SOURCES = ROOT / "docs" / "legal-sources.md"

# "nd_282 Điều 10 khoản 2 điểm d, đ", "tt_75 Biểu mức thu", "tthc 1.004222"
_PROVISION = re.compile(
    r"^(?P<doc>[a-z][a-z0-9_]*) (?:Điều (?P<article>\d+)(?: khoản \d+)?"
    r"(?: điểm [a-zđ](?:, [a-zđ])*)?|Biểu mức thu)$"
)
_PROCEDURE_PAGE = re.compile(r"^tthc \d\.\d{6}$")
# Amounts of money (15.000, 2.000.000) and durations (07 ngày, 3 ngày làm việc, 23 giờ).
_MONEY = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{3})+(?!\d)")
_DURATION = re.compile(r"(?<![\d/.])(\d+) (ngày làm việc|ngày|tháng|năm|giờ|tuổi)\b")
_ARTICLE = re.compile(r"\bĐiều (\d+)")
_REFERRAL = re.compile(r"xin hỏi (?:trước )?Công an phường")
_IN_FORCE = re.compile(r"hiệu lực từ (\d{2}/\d{2}/\d{4})")


@dataclass(frozen=True)
class Fact:
    """One line a citizen can read, where it sits, and the procedure refs around it."""

    where: str
    raw: Any
    procedure_refs: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        raw = self.raw["text"] if isinstance(self.raw, Mapping) else self.raw
        return " ".join(str(raw).split())

    def get(self, key: str) -> Any:
        return self.raw.get(key) if isinstance(self.raw, Mapping) else None


def quantities(text: str) -> set[str]:
    """The amounts and durations a text states, normalised ("07 ngày" -> "7 ngày")."""
    found = set(_MONEY.findall(text))
    found |= {f"{int(n)} {unit}" for n, unit in _DURATION.findall(text)}
    return found


def load_all() -> tuple[dict[str, Any], Any, str]:
    procedures = {
        path.stem: data_file.load(path.read_text(encoding="utf-8"))
        for path in sorted((DATA / "procedures").glob("*.yaml"))
    }
    conf = data_file.load((DATA / "assistant.yaml").read_text(encoding="utf-8"))
    return procedures, conf, SOURCES.read_text(encoding="utf-8")


def facts_of(procedures: Mapping[str, Any]) -> Iterator[Fact]:
    """Every line of every section, rule and snippet (an include is checked where defined)."""
    for name, proc in procedures.items():
        refs = tuple(proc.get("refs", ()))
        for section, lines in proc.get("sections", {}).items():
            for i, raw in enumerate(lines):
                if not (isinstance(raw, Mapping) and "common" in raw):
                    yield Fact(f"{name}.yaml sections.{section}[{i}]", raw, refs)
        for i, raw in enumerate(proc.get("rule", ())):
            yield Fact(f"{name}.yaml rule[{i}]", raw, refs)
        for key, lines in proc.get("snippets", {}).items():
            for i, raw in enumerate(lines):
                yield Fact(f"{name}.yaml snippets.{key}[{i}]", raw)


def said_by(proc: Mapping[str, Any], snippets: Mapping[str, Any]) -> Iterator[Any]:
    """The raw lines a procedure's answer and rule can say, includes expanded."""

    def expand(lines: Any) -> Iterator[Any]:
        for raw in lines:
            if isinstance(raw, Mapping) and "common" in raw:
                yield from expand(snippets[raw["common"]])
            else:
                yield raw

    for lines in proc.get("sections", {}).values():
        yield from expand(lines)
    yield from expand(proc.get("rule", ()))


def fact_problems(fact: Fact, legal: Mapping[str, str]) -> list[str]:
    """What is wrong with one fact: basis, checked date, referral, articles, quantities."""
    out: list[str] = []
    where, text = fact.where, fact.text
    basis = fact.get("basis")
    if not basis:
        return [f"{where}: no basis ({text[:60]!r})"]
    articles: set[str] = set()
    for entry in basis:
        match = _PROVISION.match(str(entry))
        if _PROCEDURE_PAGE.match(str(entry)):
            continue
        if match is None:
            out.append(f"{where}: basis {entry!r} is not 'key Điều N khoản K điểm P'")
            continue
        doc = match["doc"]
        if doc not in legal:
            out.append(f"{where}: basis {entry!r} names no legal text")
        elif doc not in (fact.get("refs") or ()) and doc not in fact.procedure_refs:
            out.append(f"{where}: basis {entry!r} is not among the references printed")
        if match["article"]:
            articles.add(match["article"])
    if not isinstance(fact.get("checked"), date):
        out.append(f"{where}: no checked date")
    if fact.get("unconfirmed") and not _REFERRAL.search(text):
        out.append(f"{where}: unconfirmed but does not send the citizen to the ward police")
    for article in _ARTICLE.findall(text):
        if article not in articles:
            out.append(f"{where}: the text cites Điều {article}, its basis does not")
    values = fact.get("values") or {}
    declared = set().union(*(quantities(str(v)) for v in values.values()))
    for amount in sorted(quantities(text) - declared):
        out.append(f"{where}: states {amount!r} without declaring it in values")
    for key, value in values.items():
        if not quantities(str(value)) or not quantities(str(value)) <= quantities(text):
            out.append(f"{where}: value {key} = {value!r} is not what the text says")
    return out


def problems(procedures: Mapping[str, Any], conf: Any, sources: str) -> list[str]:
    """Every problem of the data: facts, contradictions, dates, sources, assistant texts."""
    common = procedures["common"]
    legal, snippets = common["legal"], common.get("snippets", {})
    facts = list(facts_of(procedures))
    office = common.get("office_hours_fact")
    facts.append(Fact("common.yaml office_hours_fact", {"text": "", **(office or {})}))
    out = [p for fact in facts for p in fact_problems(fact, legal)]

    stated: dict[str, tuple[set[str], str]] = {}
    for fact in facts:
        for key, value in (fact.get("values") or {}).items():
            seen = stated.setdefault(key, (quantities(str(value)), fact.where))
            if seen[0] != quantities(str(value)):
                out.append(
                    f"{fact.where}: {key} is {sorted(quantities(str(value)))}, "
                    f"but {sorted(seen[0])} at {seen[1]}"
                )

    for name, proc in procedures.items():
        dates = [r.get("checked") for r in said_by(proc, snippets) if isinstance(r, Mapping)]
        dates = [d for d in dates if isinstance(d, date)]
        if dates and proc.get("checked") != min(dates):
            out.append(
                f"{name}.yaml: checked {proc.get('checked')} but its oldest fact was "
                f"checked {min(dates)}: the date printed must be the oldest"
            )

    rows = {key: row for row in sources.splitlines() for key in legal if f"`{key}`" in row}
    for key, citation in legal.items():
        if key not in rows:
            out.append(f"docs/legal-sources.md: no row for `{key}`")
        elif (m := _IN_FORCE.search(citation)) and m[1] not in rows[key]:
            out.append(f"docs/legal-sources.md: `{key}` in force {m[1]} is not in its row")
    pages = {e for f in facts for e in (f.get("basis") or ()) if _PROCEDURE_PAGE.match(str(e))}
    for page in sorted(pages):
        if page.split()[1] not in sources:
            out.append(f"docs/legal-sources.md: procedure page {page} is not listed")

    for path, value in strings(conf):
        if quantities(value) or _ARTICLE.search(value):
            out.append(f"assistant.yaml {path}: states a fact; facts belong to procedures/")
    return out


def strings(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, Mapping):
        for key, value in node.items():
            yield from strings(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from strings(value, f"{path}[{i}]")


# --- the data as it is ---------------------------------------------------------------------


def test_every_fact_has_a_basis_a_checked_date_and_no_two_facts_disagree():
    assert problems(*load_all()) == []


def test_the_check_sees_every_line_a_citizen_can_read():
    procedures, _, _ = load_all()
    snippets = procedures["common"]["snippets"]
    said = sum(1 for p in procedures.values() for _ in said_by(p, snippets))
    assert said > 80  # every answer and rule line of the eight files, includes expanded
    assert {f.where.split(".yaml")[0] for f in facts_of(procedures)} == set(procedures)


# --- each check can fail ---------------------------------------------------------------------


def broken(change) -> list[str]:
    procedures, conf, sources = load_all()
    procedures, conf = copy.deepcopy(procedures), copy.deepcopy(conf)
    sources = change(procedures, conf) or sources
    return problems(procedures, conf, sources)


def test_a_fact_without_a_basis_is_reported():
    def change(procs, _conf):
        procs["thuong_tru"]["sections"]["ai_khi"].append(
            "Thời hạn: trong vòng 12 tháng kể từ khi đủ điều kiện đăng ký tại chỗ ở mới."
        )

    assert any("no basis" in p and "thuong_tru.yaml" in p for p in broken(change))


def test_a_fact_without_a_checked_date_is_reported():
    def change(procs, _conf):
        del procs["tam_tru"]["sections"]["thoi_gian"][0]["checked"]

    assert any("tam_tru.yaml sections.thoi_gian[0]: no checked date" in p for p in broken(change))


def test_the_same_fee_stated_twice_with_different_values_is_reported():
    def change(procs, _conf):
        line = procs["gia_han_tam_tru"]["sections"]["le_phi"][0]
        line["text"] = line["text"].replace("15.000", "20.000")
        line["values"]["le_phi.tam_tru.truc_tiep"] = "20.000 đồng"

    found = broken(change)
    assert any("le_phi.tam_tru.truc_tiep is ['20.000']" in p for p in found), found


def test_a_deadline_stated_but_not_declared_is_reported():
    def change(procs, _conf):
        line = procs["xoa_dang_ky"]["sections"]["ai_khi"][0]
        line["text"] = line["text"].replace("07 ngày", "10 ngày", 1)

    found = broken(change)
    assert any("states '10 ngày' without declaring it" in p for p in found), found
    assert any("han.xoa_dang_ky" in p and "not what the text says" in p for p in found)


def test_an_article_cited_in_the_text_but_not_in_the_basis_is_reported():
    def change(procs, _conf):
        line = procs["tam_tru"]["rule"][1]
        line["text"] = line["text"].replace("khoản 3 Điều 12 Thông tư", "Điều 27 Luật Cư trú")

    assert any("cites Điều 27, its basis does not" in p for p in broken(change))


def test_an_unconfirmed_fact_must_send_the_citizen_to_the_ward_police():
    def change(procs, _conf):
        line = procs["tam_vang"]["sections"]["ai_khi"][-1]
        line["text"] = "Từ ngày 01/07/2026, Điều 31 đã được sửa đổi."

    assert any("does not send the citizen" in p for p in broken(change))


def test_a_basis_naming_an_unknown_text_or_an_uncited_one_is_reported():
    def change(procs, _conf):
        procs["luu_tru"]["sections"]["le_phi"][0]["basis"] = ["nd_62 Điều 1"]
        procs["luu_tru"]["sections"]["thoi_gian"][0]["basis"] = ["nd_347 Điều 35"]
        procs["luu_tru"]["sections"]["giay_to"][0]["basis"] = ["Luật Cư trú Điều 30"]

    found = broken(change)
    assert any("'nd_62 Điều 1' names no legal text" in p for p in found)
    assert any("'nd_347 Điều 35' is not among the references printed" in p for p in found)
    assert any("is not 'key Điều N khoản K điểm P'" in p for p in found)


def test_a_printed_check_date_later_than_a_fact_checked_is_reported():
    def change(procs, _conf):
        procs["tam_tru"]["sections"]["le_phi"][0]["checked"] = date(2026, 9, 1)

    assert any("tam_tru.yaml: checked 2026-11-30 but its oldest fact" in p for p in broken(change))


def test_a_legal_text_without_its_row_in_the_sources_document_is_reported():
    def change(procs, _conf):
        procs["common"]["legal"]["nd_62"] = "Nghị định số 62/2021/NĐ-CP (hiệu lực từ 01/07/2021)"

    assert "docs/legal-sources.md: no row for `nd_62`" in broken(change)

    def drop_date(_procs, _conf):
        return SOURCES.read_text(encoding="utf-8").replace("15/09/2026", "15/9/2026")

    assert any("`nd_347` in force 15/09/2026" in p for p in broken(drop_date))


def test_a_fact_in_the_assistant_texts_is_reported():
    def change(_procs, conf):
        conf["texts"]["handoff"] += " Lệ phí đăng ký tạm trú là 15.000 đồng."

    assert any("assistant.yaml .texts.handoff: states a fact" in p for p in broken(change))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("phạt tiền từ 2.000.000 đến 4.000.000 đồng", {"2.000.000", "4.000.000"}),
        ("trong thời hạn 07 ngày; 03 ngày làm việc", {"7 ngày", "3 ngày làm việc"}),
        ("trước 23 giờ; trước 08 giờ sáng; trẻ dưới 6 tuổi", {"23 giờ", "8 giờ", "6 tuổi"}),
        ("mã 1.003677, số 68/2020/QH14, ngày 15/08/2026, gọi 18001096", set()),
    ],
)
def test_quantities_are_amounts_and_durations_not_codes_numbers_or_dates(text, expected):
    assert quantities(text) == expected
