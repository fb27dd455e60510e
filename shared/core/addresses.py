"""Places named in a citizen's text: wards, old wards with their districts, landmarks.

Each place named is evidence: the set of wards (codes of the profile's map) it
can mean, likeliest first, or OUTSIDE. The resolver intersects the sets.

What counts as naming a place:
- a marker and a name: "phường Tân Sơn Nhì", "P.14", "xã Tân Thới Nhì",
  "quận Tân Bình", "TP Thủ Dầu Một", "tỉnh Bình Dương" (a marker written with
  diacritics must be the marker itself: "phương", "quán" are other words);
- a bare name in its place in an address: a whole comma-separated segment
  just before a district, province or city ("123 Lê Lợi, Bến Nghé, Quận 1");
  a district or province right after another place ("P.2 Vũng Tàu", "Dĩ An,
  Bình Dương"); a district filling a segment ("..., Tân Phú, TPHCM"). A bare
  name that is a district is the district, never the ward of the same name.
  A bare name anywhere else is a street, a shop, a bus stop: nothing.
- a landmark or a house address that lies in one ward.

Places written one after another (only separators between) make one address
and are read together: an old ward with its district is looked up as that
pair ("phường 14 quận Tân Bình"), never as two separate sets intersected
(which could meet in a ward at the edge of both). A name that was a ward in
several places and is not tied to one by its district means all of them; a
current name that was also an old name elsewhere ("phường Tân Phú": the new
ward, or the old ones of Quận 7 and Quận 9) means all of them too. The marker's
kind counts: "xã Tân Hưng" is not "phường Tân Hưng".
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

from shared.core.evidence import OUTSIDE, Evidence
from shared.core.jurisdiction import District, Profile, read_data
from shared.core.text import canonical, fold

_TOWNS = frozenset(("thành phố", "thị xã"))  # a town was a thị xã before it was a city
_GROUPS = ("quận", "huyện", "town")  # district kinds a marker may name: town = either of _TOWNS
_MEMO_SIZE = 20_000  # names and readings looked up, kept (citizens write the same few hundred)
_GAP = re.compile(r"^[\s.,;:\-–()/]*(?:(?:cu|thuoc)(?![a-z0-9])[\s.,;:\-–()/]*)*$")
_STRIP = " \t.:!?()\"'"
_SEPARATORS = " \t\n.,;:-–()/"  # what _GAP allows between two places of one address
_LABELLED = 4  # readings named in an evidence label ("phường 2" has 22)
_BEFORE_NAME = frozenset("abcdefghijklmnopqrstuvwxyz0123456789/")  # no landmark starts after
_ALLEYS = ("hem ", "ngo ", "kiet ")


@dataclass(frozen=True, slots=True)
class _Reading:
    """One thing a ward name can mean."""

    places: tuple[str, ...]  # () for an old unit whose successor is not known
    era: str  # current, old, outside
    kind: str | None  # phường, xã, thị trấn, đặc khu; None: any marker
    districts: tuple[tuple[str, str | None], ...]  # (folded name, kind) of an old unit
    district_keys: frozenset[tuple[str, str]]  # the same as (name, kind group), for lookups
    province: str | None
    written: str  # canonical spelling, for the diacritics check
    label: str


@dataclass(slots=True)  # not frozen: made for every place named, and frozen init is slow
class _Item:
    """A place named at [start, end) of the text."""

    type: str  # ward, district, province, city
    start: int
    end: int
    bare: bool
    span: str  # as written (canonical)
    readings: tuple[_Reading, ...] = ()
    districts: tuple[District, ...] = ()
    province: tuple[str, tuple[str, ...]] | None = None  # (name, codes)
    outside: bool = False  # a district or number the profile places outside the area
    numbered: bool = False  # "phường 14": a number, meaningful only with its district
    key: tuple[str, ...] = ()  # what its readings were found by (memo key, stable)


@dataclass(frozen=True)
class _Vocabulary:
    area: frozenset[str]
    max_candidates: int
    # Folded ward name or number -> its readings, grouped by (kind, spelling), so a
    # name with many readings ("14": seventeen old wards) is checked once per spelling.
    groups: Mapping[str, tuple[tuple[str | None, str, tuple[_Reading, ...]], ...]]
    districts: Mapping[str, tuple[District, ...]]  # folded name -> districts
    provinces: Mapping[str, tuple[str, tuple[str, ...]]]  # folded name -> (name, codes)
    ward_markers: Mapping[str, str]  # written form -> kind
    district_markers: Mapping[str, str]
    province_markers: frozenset[str]
    numbered_outside: bool
    written: Mapping[str, str]  # district name -> canonical spelling
    keys: Mapping[str, str]  # district name -> its key (folded, numbers unpadded)
    pattern: re.Pattern[str]
    landmark_pattern: re.Pattern[str] | None
    landmarks: Mapping[str, tuple[str, tuple[str, ...], str, str]] = field(default_factory=dict)
    memo: dict[tuple[Any, ...], Any] = field(default_factory=dict)  # see _remember


# --------------------------------------------------------------------------
# Normalisation: canonical text (NFC, lower, new-style tones) and its fold, one
# character each, so a match on the fold points at the written span and the
# diacritics the citizen typed can be checked against the name's.


@functools.cache
def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xC0, 0x1F00):
        folded = fold(chr(code))
        if len(folded) == 1 and folded.isascii():
            table[code] = folded
    return table


def folds(text: str) -> tuple[str, str]:
    """(the text in NFC and lower case, its fold), one character each. Tone placement
    is left as typed: only the few spans compared with a name are made canonical."""
    written = unicodedata.normalize("NFC", text).lower()
    if written.isascii():  # typed without diacritics: nothing to fold
        return written, written
    return written, written.translate(_fold_table())


@functools.lru_cache(maxsize=4096)
def _typed(span: str) -> str:
    """A span of the text as `_syllables_agree` compares it: canonical (tones placed
    in the new style, Hoà). Kept: citizens write the same few hundred names."""
    return span if span.isascii() else canonical(span)


def _syllables_agree(written: str, expected: str) -> bool:
    """Each syllable typed without marks, or with exactly the name's marks (Thành is not
    Thạnh); both canonical (`_typed`)."""
    if written.isascii():
        return True
    for w, e in zip(written.split(), expected.split(), strict=False):
        if w != e and not w.isascii():
            return False
    return True


def _key(name: str) -> str:
    return " ".join(fold(name).split())


def _squash(folded: str) -> str:
    """A span of folded text with its spaces made single (it is already folded)."""
    return " ".join(folded.split())


def _number(name: str) -> str:
    return str(int(name)) if name.isdigit() else name


# --------------------------------------------------------------------------
# Patterns: names as a character trie, so a regex over hundreds of names costs
# what one name does.


def _trie(names: Iterable[str]) -> str:
    """A regex matching any of the folded names, longest first; spaces match any run
    of spaces, a hyphen may have spaces around it."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for name in set(names):
        node = root
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        branches = []
        for char in sorted(c for c in node if c):
            if char == " ":
                head = r"\s+"
            elif char == "-":
                head = r"\s*-\s*"
            else:
                head = re.escape(char)
            branches.append(head + emit(node[char]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root) or "(?!)"


def _marker_pattern(forms: Iterable[str]) -> str:
    """Marker forms (folded); a form ending in "." needs its dot."""
    plain = sorted({f for f in forms if not f.endswith(".")}, key=lambda f: (-len(f), f))
    dotted = sorted({f[:-1] for f in forms if f.endswith(".")}, key=lambda f: (-len(f), f))
    branches = [re.escape(f).replace(r"\ ", r"\s+") for f in plain]
    branches += [re.escape(f) + r"(?=\s*\.)" for f in dotted]
    return "|".join(branches) or "(?!)"


def _city_pattern(cities: Iterable[str]) -> str:
    branches = []
    for city in sorted({_key(c) for c in cities}, key=lambda c: (-len(c), c)):
        tokens = [t for t in re.split(r"[\s.]+", city) if t]
        branches.append(r"[\s.]*".join(re.escape(t) for t in tokens))
    return "|".join(branches) or "(?!)"


# --------------------------------------------------------------------------
# The vocabulary of a profile, built on first use.


@functools.cache
def vocabulary(profile: Profile) -> _Vocabulary:
    places = profile.places
    area = frozenset(profile._by_code)
    names: dict[str, list[_Reading]] = {}

    def add(name: str, reading: _Reading) -> None:
        entries = names.setdefault(_number(_key(name)), [])
        if reading not in entries:
            entries.append(reading)

    for ward in profile.wards():
        code = ward.code or ""
        for name in ward.names:
            label = f"ward {code} {ward.names[0]}"
            reading = _Reading(
                (code,), "current", ward.ward_kind, (), frozenset(), None, canonical(name), label
            )
            add(name, reading)
    for old in profile.legacy:
        districts = tuple((_key(n), k) for n, k in old.districts)
        where = ", ".join(f"{k or ''} {n}".strip() for n, k in old.districts)
        successors = tuple(s.code for s in old.successors)
        shares = ", ".join(f"{s.code} {s.share:.0%}" for s in old.successors) or "not known"
        label = f"old {old.full_name} ({where}; {old.code}/{old.era}) -> {shares}"
        for name in (old.name, *old.names):
            reading = _Reading(
                successors,
                "old",
                old.kind,
                districts,
                _district_keys(districts),
                old.province,
                canonical(name),
                label,
            )
            add(name, reading)
    for name in places.outside_wards:
        if _key(name) not in names:
            outside = _Reading(
                (OUTSIDE,), "outside", None, (), frozenset(), None, canonical(name), name
            )
            add(name, outside)

    districts: dict[str, list[District]] = {}
    for district in places.districts:
        districts.setdefault(_number(_key(district.name)), []).append(district)
    provinces = {
        _key(written): (province.name, province.codes)
        for province in places.provinces
        for written in province.names
    }
    ward_markers = {
        _key(f).rstrip("."): k for k, forms in places.ward_markers.items() for f in forms
    }
    district_markers = {
        _key(f).rstrip("."): k for k, forms in places.district_markers.items() for f in forms
    }

    def written_forms(markers: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
        return {canonical(f).rstrip("."): k for k, forms in markers.items() for f in forms}

    word_names = [n for n in names if not n.isdigit()]
    district_names = [n for n in districts if not n.isdigit()]
    number = r"0?\d{1,2}"
    separator = r"(?:\s*\.\s*|\s+|(?=\d))"
    pattern = re.compile(
        r"(?<![a-z0-9])(?:"
        rf"(?P<wm>{_marker_pattern(ward_markers)}){separator}(?P<wn>{_trie(word_names)}|{number})"
        rf"|(?P<dm>{_marker_pattern(district_markers)}){separator}"
        rf"(?P<dn>{_trie(district_names)}|{number})"
        rf"|(?P<pm>{_marker_pattern(_key(f) for f in places.province_markers)})\s+"
        rf"(?P<pn>{_trie(provinces)})"
        rf"|(?P<city>{_city_pattern(places.cities)})"
        rf"|(?P<bare>{_trie([*district_names, *provinces, *word_names])})"
        r")(?![a-z0-9])"
    )

    marks, landmark_pattern = _landmarks(profile, area)
    return _Vocabulary(
        area=area,
        max_candidates=profile.max_candidates,
        groups={k: _grouped(v) for k, v in names.items()},
        districts={k: tuple(v) for k, v in districts.items()},
        provinces=provinces,
        ward_markers={**ward_markers, **written_forms(places.ward_markers)},
        district_markers={**district_markers, **written_forms(places.district_markers)},
        province_markers=frozenset(
            {canonical(f) for f in places.province_markers}
            | {_key(f) for f in places.province_markers}
        ),
        numbered_outside=places.numbered_outside,
        written={d.name: canonical(d.name) for d in places.districts},
        keys={d.name: _number(_key(d.name)) for d in places.districts},
        pattern=pattern,
        landmark_pattern=landmark_pattern,
        landmarks=marks,
    )


def _grouped(
    readings: list[_Reading],
) -> tuple[tuple[str | None, str, tuple[_Reading, ...]], ...]:
    groups: dict[tuple[str | None, str], list[_Reading]] = {}
    for reading in readings:
        groups.setdefault((reading.kind, reading.written), []).append(reading)
    return tuple((kind, written, tuple(rs)) for (kind, written), rs in groups.items())


def _landmarks(
    profile: Profile, area: frozenset[str]
) -> tuple[dict[str, tuple[str, tuple[str, ...], str, str]], re.Pattern[str] | None]:
    """Landmarks and house addresses of `profiles/landmarks.yaml` this profile can place."""
    marks: dict[str, tuple[str, tuple[str, ...], str, str]] = {}
    for entry in read_data("profiles/landmarks.yaml"):
        if profile.name in entry.get("outside_of", ()):
            where: object = ()
        else:
            where = (entry.get("ward") or {}).get(profile.map)
            if where is None:
                continue  # a place of this map we cannot place
        codes = tuple(str(c) for c in where) if isinstance(where, list | tuple) else (str(where),)
        codes = tuple(c for c in codes if c)
        kind = entry["kind"]
        for name in entry["names"]:
            marks[_key(name)] = (kind, codes or (OUTSIDE,), canonical(name), entry["names"][0])
    if not marks:
        return marks, None
    # What may not come before a name is checked in Python (`_landmark_evidence`): a
    # pattern that begins with its names is found by a fast scan, one that begins with
    # lookbehinds is tried at every character.
    return marks, re.compile(rf"(?P<name>{_trie(marks)})(?![0-9a-z/])")


# --------------------------------------------------------------------------
# Reading a text.


def text_evidence(profile: Profile, text: str) -> tuple[list[Evidence], list[str]]:
    """The places a text names, as evidence, and notes on what was set aside."""
    if not text or not text.strip():
        return [], []
    vocab = vocabulary(profile)
    written, folded = folds(text)
    items = _items(vocab, written, folded)
    found: list[Evidence] = []
    notes: list[str] = []
    for chain in _chains(items, written, folded):
        for evidence in _chain_evidence(vocab, chain):
            in_area = {p for p in evidence.places if p in vocab.area}
            if in_area == vocab.area and OUTSIDE not in evidence.places:
                notes.append(evidence.label + " (the whole area; not used)")
            else:
                found.append(evidence)
    found.extend(_landmark_evidence(vocab, written, folded))
    return found, notes


def _items(vocab: _Vocabulary, written: str, folded: str) -> list[_Item]:
    items: list[_Item] = []
    for match in vocab.pattern.finditer(folded):
        group = match.lastgroup  # wn, dn, pn, city or bare: what was named
        if group == "wn":
            item = _ward_item(vocab, match, written)
        elif group == "dn":
            item = _district_item(vocab, match, written)
        elif group == "pn":
            item = None
            if written[match.start("pm") : match.end("pm")] in vocab.province_markers:
                province = vocab.provinces[_squash(match.group("pn"))]
                span = written[match.start() : match.end()]
                item = _Item("province", match.start(), match.end(), False, span, province=province)
        elif group == "city":
            item = _Item("city", match.start(), match.end(), True, match.group())
        else:
            item = _bare_item(vocab, match, written)
        if item is not None:
            items.append(item)
    return items


def _ward_item(vocab: _Vocabulary, match: re.Match[str], written: str) -> _Item | None:
    marker = written[match.start("wm") : match.end("wm")]
    kind = vocab.ward_markers.get(" ".join(marker.split()))
    if kind is None:
        return None  # "phương", not "phường"
    name = _number(_squash(match.group("wn")))
    span = _typed(written[match.start("wn") : match.end("wn")])
    key = ("ward", name, kind, span)
    readings = vocab.memo.get(key)
    if readings is None:
        readings = tuple(
            r
            for group_kind, spelled, group in vocab.groups.get(name, ())
            if (group_kind is None or group_kind == kind) and _syllables_agree(span, spelled)
            for r in group
        )
        _remember(vocab, key, readings)
    outside = not readings and name.isdigit() and vocab.numbered_outside
    if not readings and not outside:
        return None
    return _Item(
        "ward",
        match.start(),
        match.end(),
        False,
        written[match.start() : match.end()],
        readings=readings,
        outside=outside,
        numbered=name.isdigit(),
        key=key,
    )


def _district_item(vocab: _Vocabulary, match: re.Match[str], written: str) -> _Item | None:
    marker = written[match.start("dm") : match.end("dm")]
    kind = vocab.district_markers.get(" ".join(marker.split()))
    if kind is None:
        return None  # "quán", "quan" (an official) with diacritics
    name = _number(_squash(match.group("dn")))
    span = _typed(written[match.start("dn") : match.end("dn")])
    key = ("district", name, kind, span)
    districts = vocab.memo.get(key)
    if districts is None:
        districts = tuple(
            d
            for d in vocab.districts.get(name, ())
            if _same_kind(d.kind, kind) and _syllables_agree(span, vocab.written[d.name])
        )
        _remember(vocab, key, districts)
    outside = not districts and name.isdigit() and vocab.numbered_outside
    if not districts and not outside:
        return None
    return _Item(
        "district",
        match.start(),
        match.end(),
        False,
        written[match.start() : match.end()],
        districts=districts,
        outside=outside,
    )


def _bare_item(vocab: _Vocabulary, match: re.Match[str], written: str) -> _Item | None:
    name = _squash(match.group("bare"))
    span = written[match.start() : match.end()]
    key = ("bare", name, span)
    meaning = vocab.memo.get(key)
    if meaning is None:
        meaning = _bare_meaning(vocab, name, _typed(span))
        _remember(vocab, key, meaning)
    kind, found = meaning
    if kind == "district":
        return _Item("district", match.start(), match.end(), True, span, districts=found)
    if kind == "province":
        return _Item("province", match.start(), match.end(), True, span, province=found)
    if kind == "ward":
        return _Item("ward", match.start(), match.end(), True, span, readings=found, key=key)
    return None


def _bare_meaning(vocab: _Vocabulary, name: str, typed: str) -> tuple[str, Any]:
    """What a bare name is: a district before a province before a ward (a district is
    never the ward of the same name), or nothing."""
    districts = tuple(
        d for d in vocab.districts.get(name, ()) if _syllables_agree(typed, vocab.written[d.name])
    )
    if districts:
        return "district", districts
    if name in vocab.provinces:
        return "province", vocab.provinces[name]
    readings = tuple(
        r
        for _, spelled, group in vocab.groups.get(name, ())
        if _syllables_agree(typed, spelled)
        for r in group
    )
    return ("ward", readings) if readings else ("none", None)


def _group(kind: str | None) -> tuple[str, ...]:
    """The kind groups a district kind stands for (None: any marker names it)."""
    if kind is None:
        return _GROUPS
    return ("town",) if kind in _TOWNS else (kind,)


def _district_keys(districts: Iterable[tuple[str, str | None]]) -> frozenset[tuple[str, str]]:
    return frozenset((name, group) for name, kind in districts for group in _group(kind))


def _same_kind(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b or (a in _TOWNS and b in _TOWNS)


def _fills_segment(folded: str, start: int, end: int) -> bool:
    """The item is a whole comma-separated segment of the text: between it and the
    nearest separators (`,` `;` a new line, ` - `) only spaces and punctuation."""
    i = start
    while i > 0 and folded[i - 1] in _STRIP:
        i -= 1
    if (
        i > 0
        and folded[i - 1] not in ",;\n"
        and not (
            folded[i - 1] == "-" and i >= 2 and folded[i - 2].isspace() and folded[i].isspace()
        )
    ):
        return False
    j = end
    while j < len(folded) and folded[j] in _STRIP:
        j += 1
    return (
        j == len(folded)
        or folded[j] in ",;\n"
        or (
            folded[j] == "-"
            and j > end
            and folded[j - 1].isspace()
            and folded[j + 1 : j + 2].isspace()
        )
    )


def _chains(items: list[_Item], written: str, folded: str) -> list[list[_Item]]:
    """Addresses: places one after another with only separators between, bare
    names kept only in their place in an address."""
    if len(items) == 1 and not items[0].bare:  # the usual "phường X" alone
        return [items]
    adjacent = [_adjacent(folded[a.end : b.start]) for a, b in pairwise(items)]
    keep = [not item.bare for item in items]
    for k, item in enumerate(items):
        if not item.bare:
            continue
        follows = k > 0 and adjacent[k - 1] and keep[k - 1]
        nxt = items[k + 1] if k + 1 < len(items) and adjacent[k] else None
        fills = _fills_segment(folded, item.start, item.end)
        if item.type == "ward":
            # A bare ward name only as a whole segment right before a district, province, city.
            keep[k] = fills and nxt is not None and nxt.type in ("district", "province", "city")
        elif item.type in ("district", "province"):
            keep[k] = follows or fills
        else:  # a city closes an address; alone it says nothing
            keep[k] = True
    chains: list[list[_Item]] = []
    for k, item in enumerate(items):
        if not keep[k]:
            continue
        if chains and k > 0 and keep[k - 1] and adjacent[k - 1]:
            chains[-1].append(item)
        else:
            chains.append([item])
    return chains


def _adjacent(gap: str) -> bool:
    """Only separators (and "cũ", "thuộc") between two places: one address."""
    return not gap.strip(_SEPARATORS) or _GAP.match(gap) is not None


def _chain_evidence(vocab: _Vocabulary, chain: list[_Item]) -> list[Evidence]:
    district = province = None
    wards: list[_Item] = []
    parts: list[str] = []
    for item in chain:
        if item.type == "ward":
            wards.append(item)
        elif item.type == "district":
            district = district or item
        elif item.type == "province":
            province = province or item
        if item.type != "city":
            parts.append(item.span)
    where = " ".join(parts)
    if not wards:
        if district is not None:
            return [_district_evidence(vocab, district, f"district '{where}'")]
        if province is not None:
            name, codes = province.province  # type: ignore[misc]
            return [Evidence("district", codes, f"province '{where}': {name}")]
        return []
    return [_ward_evidence(vocab, ward, district, province, where) for ward in wards]


def _district_evidence(vocab: _Vocabulary, item: _Item, label: str) -> Evidence:
    if item.outside or all(d.outside for d in item.districts):
        return Evidence("outside", (OUTSIDE,), label + ": not the area")
    codes = _union(d.codes for d in item.districts)
    names = "; ".join(f"{d.kind or ''} {d.name}".strip() for d in item.districts)
    return Evidence("district", codes, f"{label}: old {names} -> {', '.join(codes)}")


def _ward_evidence(
    vocab: _Vocabulary, ward: _Item, district: _Item | None, province: _Item | None, where: str
) -> Evidence:
    how = f"{'address ward' if ward.bare else 'ward named'} '{where}'"
    readings = ward.readings
    if district is not None:
        # Keyed by what the readings were found by and the districts (which live as
        # long as the profile): never by the id of an object that may be freed.
        key = ("pair", *ward.key, *map(id, district.districts))
        there = vocab.memo.get(key)
        if there is None:
            there = _in_district(vocab, readings, district.districts)
            _remember(vocab, key, there)
        if there:
            return _readings_evidence(vocab, there, how)
        if ward.outside or district.outside or any(r.era == "outside" for r in readings):
            return Evidence("outside", (OUTSIDE,), f"{how}: not the area")
        return _district_evidence(vocab, district, f"{how}: no such ward there; district")
    if province is not None:
        name, codes = province.province  # type: ignore[misc]
        old = [r for r in readings if r.era == "old" and r.province == name]
        current = [r for r in readings if r.era == "current" and r.places[0] in codes]
        if old or current:
            evidence = _readings_evidence(vocab, old + current, how)
            return replace(evidence, decides=not ward.numbered)
        return Evidence("district", codes, f"{how}: no such ward in {name}")
    if ward.outside:
        return Evidence("outside", (OUTSIDE,), f"{how}: not the area")
    evidence = _readings_evidence(vocab, list(readings), how)
    if ward.numbered:
        return replace(
            evidence, decides=False, label=evidence.label + " (no district: never alone)"
        )
    return evidence


def _in_district(
    vocab: _Vocabulary, readings: tuple[_Reading, ...], districts: tuple[District, ...]
) -> list[_Reading]:
    """What a ward name means in a district: its old units there; else the current
    ward of that name lying in the district's area (a new ward inside an old district,
    "phường Tân Phú, quận Tân Phú"); else nothing."""
    keys = _district_keys((vocab.keys[d.name], d.kind) for d in districts)
    old = [r for r in readings if r.era == "old" and not r.district_keys.isdisjoint(keys)]
    if old:
        return old
    area = set(_union(d.codes for d in districts))
    return [r for r in readings if r.era == "current" and r.places[0] in area]


def _readings_evidence(vocab: _Vocabulary, readings: list[_Reading], how: str) -> Evidence:
    key = ("summary", *map(id, readings))  # readings live as long as the vocabulary
    summary = vocab.memo.get(key)
    if summary is None:
        summary = _summary(vocab, readings)
        _remember(vocab, key, summary)
    method, places, labels = summary
    return Evidence(method, places, f"{how}: {labels}")


def _summary(vocab: _Vocabulary, readings: list[_Reading]) -> tuple[str, tuple[str, ...], str]:
    """(method, wards, label) of what a name may mean."""
    if all(r.era == "outside" for r in readings):
        return "outside", (OUTSIDE,), f"outside ward {readings[0].label}"
    places: list[str] = []
    for reading in readings:
        codes = reading.places
        if not codes:  # successor not known: any ward covering its district
            codes = _union(
                d.codes
                for name, kind in reading.districts
                for d in vocab.districts.get(_number(name), ())
                if _same_kind(d.kind, kind)
            )
        places.extend(c for c in codes if c not in places)
    method = "ward_name" if all(r.era == "current" for r in readings) else "legacy_name"
    labels = "; ".join(r.label for r in readings[:_LABELLED])
    if len(readings) > _LABELLED:
        labels += f"; and {len(readings) - _LABELLED} more old units of that name"
    return method, tuple(places), labels


def _remember(vocab: _Vocabulary, key: tuple[Any, ...], value: Any) -> None:
    if len(vocab.memo) >= _MEMO_SIZE:
        vocab.memo.clear()
    vocab.memo[key] = value


def _union(groups: Iterable[Iterable[str]]) -> tuple[str, ...]:
    out: list[str] = []
    for group in groups:
        out.extend(c for c in group if c not in out)
    return tuple(out)


def _landmark_evidence(vocab: _Vocabulary, written: str, folded: str) -> list[Evidence]:
    if vocab.landmark_pattern is None:
        return []
    found = []
    pos = 0
    while (match := vocab.landmark_pattern.search(folded, pos)) is not None:
        start = match.start()
        # Not inside a word or a number, nor an alley's number: "1140 Lê Trọng Tấn",
        # "hẻm 140 Lê Trọng Tấn", "48/3 Tân Quý" are not the address 140 Lê Trọng Tấn.
        if (start and folded[start - 1] in _BEFORE_NAME) or folded.endswith(_ALLEYS, 0, start):
            pos = start + 1
            continue
        pos = match.end()
        kind, places, expected, label = vocab.landmarks[_squash(match.group("name"))]
        span = written[match.start() : match.end()]
        if _syllables_agree(_typed(span), expected):
            method = "outside_landmark" if places == (OUTSIDE,) else kind
            found.append(Evidence(method, places, f"{kind} '{span}' ({label})"))
    return found
