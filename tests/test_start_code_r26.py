"""Regular expressions kept compiled for the webhook's start (`shared/start_code.py`,
round 26): a kept pattern is the one its text compiles to, anything else is compiled
as before, and `re` is itself again once the start is over."""

from __future__ import annotations

import marshal
import re
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from typing import Any

import pytest

from shared import start_code

# Tip references as a citizen might write them (not the classifier's own pattern).
REF = r"(?P<prefix>tb|hd)[\s\-_.:#]*(?P<code>[2-9a-z]{5,6})(?![0-9a-z])"


def _fresh(pattern: Any, flags: int = 0) -> re.Pattern[Any]:
    # Past `re`'s own cache, which would answer before the compiler is asked.
    re.purge()
    return re.compile(pattern, flags)


def _kept(tmp_path: Path, *patterns: tuple[Any, int]) -> str:
    path = str(tmp_path / "codes.marshal")
    try:
        recorder = start_code.record()
        for pattern, flags in patterns:
            _fresh(pattern, flags)
        Path(path).write_bytes(start_code.dumps(recorder))
    finally:
        start_code.stop()
    return path


def test_a_kept_pattern_is_the_one_its_text_compiles_to(tmp_path: Path) -> None:
    path = _kept(tmp_path, (REF, re.IGNORECASE), (rb"\x00+(?P<n>\d+)", 0))
    plain = _fresh(REF, re.IGNORECASE)
    try:
        cache = start_code.install(path)
        kept = _fresh(REF, re.IGNORECASE)
        kept_bytes = _fresh(rb"\x00+(?P<n>\d+)")
        near = _fresh(REF)  # the near miss: the same text without its flag, compiled
        with pytest.raises(re.error):
            _fresh(r"(?P<prefix>tb")  # not a pattern, as without the cache
    finally:
        start_code.uninstall()
    assert cache.hits == 2
    assert list(cache.misses[start_code.RE_MODE]) == [(REF, 0)]
    assert kept == plain  # the same flags, text and engine code
    assert (kept.groupindex, kept.groups) == ({"prefix": 1, "code": 2}, 2)
    match = kept.search("xin hỏi mã TB-7k3m9q đã xử lý chưa")
    assert match is not None and match.group("code", "prefix") == ("7k3m9q", "TB")
    assert near.search("TB-7K3M9Q") is None and near.search("tb-7k3m9q") is not None
    assert kept_bytes.fullmatch(b"\x00\x0042").group("n") == b"42"  # type: ignore[union-attr]


def test_re_is_itself_again_after_the_start(tmp_path: Path) -> None:
    compiler = vars(re)["_compiler"]
    before = compiler.compile
    start_code.install(_kept(tmp_path, (REF, 0)))
    assert compiler.compile != before
    start_code.uninstall()
    assert compiler.compile is before


def test_every_kept_pattern_in_the_file_is_its_compiled_self() -> None:
    data = Path(start_code.CODE_PATH).read_bytes()
    assert data.startswith(MAGIC_NUMBER)
    kept = marshal.loads(data[len(MAGIC_NUMBER) :])[start_code.RE_MODE]
    assert len(kept) > 50  # the classifier's, the reference codes', the libraries'
    compile_ = vars(re)["_compiler"].compile
    for (pattern, flags), program in kept.items():
        assert start_code._pattern(pattern, program) == compile_(pattern, flags), pattern


def test_a_bad_program_is_refused_by_the_engine() -> None:
    flags, code, groups, groupindex, indexgroup = start_code._program("a+b", 0)
    with pytest.raises(RuntimeError):
        start_code._pattern(
            "a+b", (flags, [*code[:-3], 999, 999, 999], groups, groupindex, indexgroup)
        )
