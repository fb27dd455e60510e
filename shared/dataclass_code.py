"""The methods `dataclasses` writes for each dataclass, compiled ahead and read back.

For every dataclass Python 3.11 writes the source of its `__init__`, `__repr__`,
`__eq__`, `__hash__` and, frozen, `__setattr__` and `__delattr__`, and compiles
each apart (`exec` of a string). At the webhook's start that is ≈ 480 compilations
for ≈ 100 dataclasses (ours, pydantic's, annotated_types', the Google clients'):
about a third of the CPU the webhook's start adds to its floor's that is not
pydantic's own (bench/README.md, "Round 23: the webhook's cold start").

`install()` makes the `dataclasses` module run, for a source it has compiled
before, the code object kept in `shared/data/dataclass_code.marshal` (written by
`scripts/compile_data.py`, which loads the webhook once with `record()` on). The
key is the generated source itself, so an entry can only stand for the code its
own text compiles to: a dataclass changed since the file was written, or a library
upgraded, misses and is compiled as before (slower, never wrong); a file written by
another Python (another bytecode) is ignored whole. `tests/test_dataclass_code_r23.py`
fails while the webhook's start misses any, so the file is kept current.
`uninstall()` puts `dataclasses` back as it was once the webhook is loaded.
"""

from __future__ import annotations

import builtins
import dataclasses
import marshal
import os
from importlib.util import MAGIC_NUMBER
from types import CodeType
from typing import Any

CODE_PATH = os.path.join(os.path.dirname(__file__), "data", "dataclass_code.marshal")


class _Cache:
    """The compiled sources, and what was asked of them (for `record()` and the test)."""

    def __init__(self, codes: dict[str, CodeType], recording: bool) -> None:
        self.codes = codes
        self.recording = recording
        self.hits = 0
        self.misses: dict[str, CodeType] = {}

    def exec(self, source: Any, globals: Any = None, locals: Any = None, /) -> None:
        code = self.codes.get(source) if type(source) is str else None
        if code is None:
            # As `exec` of the string would compile it in `dataclasses` (no future flags).
            code = compile(source, "<string>", "exec", dont_inherit=True)
            if type(source) is str:
                self.misses[source] = code
        else:
            self.hits += 1
        builtins.exec(code, vars(dataclasses) if globals is None else globals, locals)


_installed: _Cache | None = None


def _read(path: str) -> dict[str, CodeType]:
    try:
        with open(path, "rb") as f:
            if f.read(len(MAGIC_NUMBER)) != MAGIC_NUMBER:
                return {}  # another Python's bytecode
            codes = marshal.load(f)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return codes if isinstance(codes, dict) else {}


def install(path: str = CODE_PATH) -> _Cache:
    """From now on `dataclasses` runs the kept code of each source it has (a module
    global named `exec` in `dataclasses` takes the builtin's place there alone)."""
    global _installed
    if _installed is not None and _installed.recording:
        return _installed  # `record()` is on: what is loaded now is what it is for
    _installed = _Cache(_read(path), recording=False)
    dataclasses.exec = _installed.exec  # type: ignore[attr-defined]
    return _installed


def record() -> _Cache:
    """Like `install()` with nothing kept: every source is compiled and remembered."""
    global _installed
    _installed = _Cache({}, recording=True)
    dataclasses.exec = _installed.exec  # type: ignore[attr-defined]
    return _installed


def uninstall() -> _Cache | None:
    """`dataclasses` compiles with the builtin `exec` again; returns what was used.
    While `record()` is on, nothing (it records until the process ends)."""
    global _installed
    if _installed is not None and _installed.recording:
        return _installed
    cache, _installed = _installed, None
    vars(dataclasses).pop("exec", None)
    return cache


def stop() -> None:
    """No cache any more, recording or not (`uninstall()` leaves a recording on)."""
    global _installed
    _installed = None
    vars(dataclasses).pop("exec", None)


def dumps(cache: _Cache) -> bytes:
    """The file's bytes: this Python's bytecode tag, then every source compiled."""
    return MAGIC_NUMBER + marshal.dumps({**cache.codes, **cache.misses})
