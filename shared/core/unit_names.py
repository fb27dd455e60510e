"""A unit of the profile as an officer names it in CHUYEN <mã> <đơn vị> [lý do].

By id (`ward-27013`, `dept-criminal`), by its full name ("Công an phường Tây
Thạnh"), by its ward name ("Tây Thạnh") or code (27013), or by a short name
the profile's data gives it ("hình sự", "PCCC": `profiles/<profile>/aliases.yaml`,
optional), with or without diacritics, after words such as "sang", "cho",
"phường", "phòng" (`shared/data/officer_words.yaml`). The longest name wins;
a name that fits several units gives them all (the officer is asked which).
"cấp trên" means the unit above. Whatever follows the name is the reason.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pydantic import TypeAdapter, ValidationError

from shared.core import officer_reading
from shared.core.jurisdiction import DATA_DIR, Profile, read_data
from shared.core.officer_reading import Phrase, Vocabulary, phrase


class AliasError(ValueError):
    """An aliases file is malformed or names an unknown unit; the message says where."""


@dataclass(frozen=True)
class Named:
    """What the words after a code name: units (one: found), the parent, and the rest."""

    unit_ids: tuple[str, ...]  # () when no unit is named
    rest: str  # the officer's words after the unit's name, as written (the reason)
    parent: bool = False  # "cấp trên": the unit above the tip's


_ALIASES = TypeAdapter(dict[str, list[str]])


def parse_aliases(raw: object, profile: Profile, source: str) -> Mapping[str, tuple[str, ...]]:
    """`{unit id: [short names]}` checked against the profile."""
    try:
        aliases = _ALIASES.validate_python(raw or {})
    except ValidationError as exc:
        first = exc.errors()[0]
        place = ".".join(str(x) for x in first["loc"])
        raise AliasError(f"{source}: {place}: {first['msg']}") from exc
    seen: dict[Phrase, str] = {}
    for unit_id, names in aliases.items():
        if unit_id not in profile.units:
            raise AliasError(f"{source}: {unit_id}: not a unit of profile {profile.name}")
        for name in names:
            key = phrase(name)
            if not key:
                raise AliasError(f"{source}: {unit_id}: an empty name")
            if seen.get(key, unit_id) != unit_id:
                raise AliasError(f"{source}: {unit_id}: {name!r} also names {seen[key]}")
            seen[key] = unit_id
    return {unit_id: tuple(names) for unit_id, names in aliases.items()}


@functools.cache
def _index(profile: Profile) -> Mapping[Phrase, tuple[str, ...]]:
    """Every way of naming each unit, folded, to the units it names."""
    relative = f"profiles/{profile.name}/aliases.yaml"
    raw = read_data(relative) if (DATA_DIR / relative).exists() else {}
    aliases = parse_aliases(raw, profile, relative)
    index: dict[Phrase, list[str]] = {}
    for unit in profile.units.values():
        names: Iterable[str] = (
            unit.id,
            unit.name,
            *unit.names,
            *(c.code for c in unit.codes if c.map == profile.map),
            *aliases.get(unit.id, ()),
        )
        for key in {phrase(n) for n in names} - {()}:
            index.setdefault(key, []).append(unit.id)
    return {key: tuple(ids) for key, ids in index.items()}


def find_unit(profile: Profile, text: str, words: Vocabulary | None = None) -> Named:
    """The unit `text` starts by naming (see the module's docstring)."""
    words = words or officer_reading.vocabulary()
    tokens = officer_reading.word_spans(text)
    index = _index(profile)
    i = 0
    skip = officer_reading.longest(tokens, i, words.towards)
    i += len(skip)
    up = officer_reading.longest(tokens, i, words.parent)
    best: tuple[int, tuple[str, ...]] = (0, ())
    # Try the name as written, then after up to two markers ("công an phường").
    start = i
    for _ in range(3):
        for key, ids in index.items():
            n = len(key)
            if n + i - start > best[0] and tuple(t.text for t in tokens[i : i + n]) == key:
                best = (n + i - start, ids)
        marker = officer_reading.longest(tokens, i, words.unit_markers)
        if not marker:
            break
        i += len(marker)
    used, ids = best
    if up and len(up) >= used:
        return Named((), _after(text, tokens, start + len(up)), parent=True)
    if not ids:
        return Named((), text.strip())
    return Named(ids, _after(text, tokens, start + used))


def _after(text: str, tokens: list[officer_reading.Span], k: int) -> str:
    if k == 0:
        return text.strip()
    return text[tokens[k - 1].end :].strip(officer_reading.SEPARATORS + " ")
