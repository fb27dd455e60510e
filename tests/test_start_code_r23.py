"""The code the webhook's start compiles from strings, compiled ahead
(`shared/start_code.py`): kept current for the webhook's start, and what is kept is
what its source compiles to."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import pytest

from shared import start_code

ROOT = Path(__file__).resolve().parents[1]


def _point(extra: bool = False) -> Any:
    """A frozen dataclass made afresh (its methods compiled, or read from the cache)."""
    namespace: dict[str, Any] = {"__annotations__": {"x": "int", "y": "str"}, "y": "a"}
    if extra:  # the near miss: the same class name, one field more
        namespace["__annotations__"]["z"] = "float"
        namespace["z"] = 0.5
    cls = type("Point", (), namespace)
    cls.__module__ = __name__
    return dataclasses.dataclass(frozen=True)(cls)


def test_the_webhooks_start_finds_every_method_in_the_file() -> None:
    # A miss is a dataclass or an annotation changed since scripts/compile_data.py wrote
    # the file (or a library upgraded): correct, but compiled at start again. Rerun it.
    code = (
        "import dataclasses, functions_framework\n"
        "from shared import start_code\n"
        "seen = []\n"
        "install = start_code.install\n"
        "start_code.install = lambda *a: seen.append(install(*a)) or seen[-1]\n"
        "functions_framework.create_app(target='zalo_webhook', "
        "source='functions/webhook/main.py')\n"
        "print(seen[0].hits, sum(map(len, seen[0].misses.values())), 'exec' in vars(dataclasses))\n"
    )
    # The hash seed scripts/compile_data.py records with: one library pattern (protobuf's
    # text tokenizer) is joined from a set, so under another seed it may miss (≈ 0.2 ms).
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    hits, misses, left = out.stdout.split()
    assert (int(hits) > 1000, misses, left) == (True, "0", "False")


def test_a_kept_method_is_the_one_its_source_compiles_to(tmp_path: Path) -> None:
    path = str(tmp_path / "codes.marshal")
    try:
        recorder = start_code.record()
        compiled = _point()
        Path(path).write_bytes(start_code.dumps(recorder))
    finally:
        start_code.stop()
    try:
        cache = start_code.install(path)
        kept = _point()
        near = _point(extra=True)  # __init__, __repr__, ... differ: compiled
    finally:
        start_code.uninstall()
    assert cache.hits == 6  # __init__ __repr__ __eq__ __hash__ __setattr__ __delattr__
    assert len(cache.misses["exec"]) == 6
    assert "exec" not in vars(dataclasses)
    for cls in (compiled, kept):
        point = cls(1)
        assert (repr(point), point == cls(1, "a"), point == cls(2)) == (
            "Point(x=1, y='a')",
            True,
            False,
        )
        assert hash(point) == hash((1, "a"))
        with pytest.raises(dataclasses.FrozenInstanceError):
            point.x = 2
    assert repr(near(1)) == "Point(x=1, y='a', z=0.5)"
    assert near(1) != near(1, z=0.25)


def test_a_file_from_another_python_is_not_read(tmp_path: Path) -> None:
    try:
        recorder = start_code.record()
        _point()
        data = start_code.dumps(recorder)
    finally:
        start_code.stop()
    other = tmp_path / "other.marshal"
    other.write_bytes(b"\x00\x00\r\n" + data[4:])  # another bytecode's tag
    try:
        cache = start_code.install(str(other))
        point = _point()
    finally:
        start_code.uninstall()
    assert (cache.codes, cache.hits, len(cache.misses["exec"])) == ({}, 0, 6)
    assert repr(point(3)) == "Point(x=3, y='a')"
    assert start_code.install(str(tmp_path / "missing")).codes == {}
    start_code.uninstall()


def test_a_kept_annotation_reads_as_its_text_does(tmp_path: Path) -> None:
    path = str(tmp_path / "codes.marshal")
    try:
        recorder = start_code.record()
        typing.ForwardRef("list[int] | None")
        Path(path).write_bytes(start_code.dumps(recorder))
    finally:
        start_code.stop()
    try:
        cache = start_code.install(path)
        kept = typing.ForwardRef("list[int] | None")
        other = typing.ForwardRef("dict[str, int]")  # the near miss: not kept, compiled
        with pytest.raises(SyntaxError):
            typing.ForwardRef("list[int")  # not an expression, as without the cache
    finally:
        start_code.uninstall()
    assert "compile" not in vars(typing)
    assert cache.hits == 1
    assert list(cache.misses["eval"]) == ["dict[str, int]"]
    assert typing.get_type_hints(_annotated(kept)) == {"x": list[int] | None}
    assert typing.get_type_hints(_annotated(other)) == {"x": dict[str, int]}


def _annotated(annotation: typing.ForwardRef) -> Any:
    def f(x: Any) -> None:
        pass

    f.__annotations__ = {"x": annotation}
    return f
