"""The code the webhook's start compiles from strings, compiled ahead and read back.

Python 3.11 compiles source text while it loads the webhook: `dataclasses` writes
each dataclass's `__init__`, `__repr__`, `__eq__`, `__hash__` and, frozen,
`__setattr__` and `__delattr__` and compiles each apart (`exec` of a string, ≈ 450
at the webhook's start: ours, pydantic's, annotated_types', the Google clients'),
and `typing` compiles every annotation written as a string into a `ForwardRef`
(≈ 860, most of them pydantic_core's schema dictionaries). Together about a third
of the CPU the webhook's start adds to its floor's that is not pydantic's own
import (bench/README.md, "Round 23: the webhook's cold start"). `re` parses and
compiles each regular expression in Python (≈ 30 at the start, ≈ 5 ms: the
classifier's, the reference codes', pydantic's; round 26): what it hands the regex
engine is kept too, and the engine checks it again as it takes it.

`install()` makes `dataclasses` and `typing` use, for a source compiled before, the
code object kept in `shared/data/start_code.marshal` (written by
`scripts/compile_data.py`, which loads the webhook once with `record()` on): a
module global named `exec` (or `compile`) in those two modules takes the builtin's
place there alone; `re`'s compiler function is replaced while installed. The key is
the source itself (a pattern and its flags), so an entry can only stand for the
code its own text compiles to: a dataclass or pattern changed since the file was
written, or a library upgraded, misses and is compiled as before (slower, never
wrong); a file written by another Python (another bytecode) is ignored whole, and
patterns of another regex engine's version are not looked up.
`tests/test_start_code_r23.py` fails while the webhook's start misses any, so the
file is kept current. `uninstall()` puts both modules back as they were once the
webhook is loaded.
"""

from __future__ import annotations

import _sre
import builtins
import dataclasses
import marshal
import os
import re
import typing
from importlib.util import MAGIC_NUMBER
from types import CodeType
from typing import Any

CODE_PATH = os.path.join(os.path.dirname(__file__), "data", "start_code.marshal")

# `re._compile` calls its compiler module's `compile` (a pattern's text and flags to
# a `re.Pattern`) when its own cache misses; that function is replaced while installed.
_re_compiler: Any = vars(re)["_compiler"]
_re_parser: Any = vars(re)["_parser"]
_RE_COMPILE = _re_compiler.compile
# The mode of kept patterns names the engine's code version: another one's never read.
RE_MODE = f"re{_sre.MAGIC}"
# A pattern's key: its text (str or bytes) and its flags as a number.
_Key = tuple[str | bytes, int]
# What `re` hands the engine: final flags, code, group count, group index, group names.
_Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def _program(pattern: str | bytes, flags: int) -> _Program:
    """The engine's arguments for a pattern, as `re._compiler.compile` computes them."""
    parsed = _re_parser.parse(pattern, flags)
    # Plain numbers: the opcodes are named `int`s, which `marshal` does not write.
    code = [int(op) for op in _re_compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _pattern(pattern: str | bytes, program: _Program) -> re.Pattern[Any]:
    flags, code, groups, groupindex, indexgroup = program
    # The engine validates the code it is given (a bad one raises, never runs).
    return _sre.compile(pattern, flags, code, groups, dict(groupindex), indexgroup)


def _compiled(source: str, mode: str) -> CodeType:
    # As the builtin would compile it in `dataclasses` or `typing` (no future flags).
    return compile(source, "<string>", mode, dont_inherit=True)


class _Cache:
    """The compiled sources by mode ("exec": dataclasses, "eval": typing), and what
    was asked of them (for `record()` and the test)."""

    def __init__(self, codes: dict[str, dict[Any, Any]], recording: bool) -> None:
        self.codes = codes
        self.recording = recording
        self.hits = 0
        self.misses: dict[str, dict[Any, Any]] = {"exec": {}, "eval": {}, RE_MODE: {}}

    def _code(self, source: str, mode: str) -> CodeType:
        code = self.codes.get(mode, {}).get(source)
        if code is None:
            code = self.misses[mode][source] = _compiled(source, mode)
        else:
            self.hits += 1
        return code

    def exec(self, source: Any, globals: Any = None, locals: Any = None, /) -> None:
        """`dataclasses`' `exec`: always a string of source and its own namespaces."""
        if type(source) is str:
            source = self._code(source, "exec")
        builtins.exec(source, vars(dataclasses) if globals is None else globals, locals)

    def compile(self, source: Any, filename: Any, mode: str, *args: Any, **kwargs: Any) -> Any:
        """`typing`'s `compile`: a forward reference's text, evaluated later."""
        plain = not args and not kwargs and filename == "<string>" and mode == "eval"
        if plain and type(source) is str:
            try:
                return self._code(source, "eval")
            except SyntaxError:
                pass  # raised again below, as the builtin raises it
        if len(args) < 2:  # as in `typing`, not inheriting this module's future flags
            kwargs.setdefault("dont_inherit", True)
        return compile(source, filename, mode, *args, **kwargs)

    def regex(self, pattern: Any, flags: Any = 0) -> Any:
        """`re._compiler.compile`: a pattern's text and flags (or a parsed pattern)."""
        if type(pattern) not in (str, bytes) or flags & re.DEBUG:
            return _RE_COMPILE(pattern, flags)
        key: _Key = (pattern, int(flags))
        program = self.codes.get(RE_MODE, {}).get(key)
        if program is None:
            program = self.misses[RE_MODE][key] = _program(*key)
        else:
            self.hits += 1
        return _pattern(pattern, program)


_installed: _Cache | None = None


def _read(path: str) -> dict[str, dict[Any, Any]]:
    try:
        with open(path, "rb") as f:
            data = f.read()
        if data[: len(MAGIC_NUMBER)] != MAGIC_NUMBER:
            return {}  # another Python's bytecode
        # From the bytes, not `marshal.load(f)`: on a file object that calls `readinto`
        # once per object read (≈ 20 ms for this file, against ≈ 1.5 ms; round 26).
        codes = marshal.loads(memoryview(data)[len(MAGIC_NUMBER) :])
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(codes, dict):
        return {}
    return {mode: kept for mode, kept in codes.items() if isinstance(kept, dict)}


def _put(cache: _Cache) -> _Cache:
    global _installed
    _installed = cache
    dataclasses.exec = cache.exec  # type: ignore[attr-defined]
    typing.compile = cache.compile  # type: ignore[attr-defined]
    _re_compiler.compile = cache.regex
    return cache


def install(path: str = CODE_PATH) -> _Cache:
    """From now on `dataclasses` and `typing` use the kept code of each source kept."""
    if _installed is not None and _installed.recording:
        return _installed  # `record()` is on: what is loaded now is what it is for
    return _put(_Cache(_read(path), recording=False))


def record() -> _Cache:
    """Like `install()` with nothing kept: every source is compiled and remembered."""
    return _put(_Cache({}, recording=True))


def uninstall() -> _Cache | None:
    """Both modules compile with the builtins again; returns what was used. While
    `record()` is on, nothing (it records until the process ends, or `stop()`)."""
    if _installed is not None and _installed.recording:
        return _installed
    cache = _installed
    stop()
    return cache


def stop() -> None:
    """No cache any more, recording or not."""
    global _installed
    _installed = None
    vars(dataclasses).pop("exec", None)
    vars(typing).pop("compile", None)
    _re_compiler.compile = _RE_COMPILE


def dumps(cache: _Cache) -> bytes:
    """The file's bytes: this Python's bytecode tag, then every source compiled."""
    codes = {mode: {**cache.codes.get(mode, {}), **cache.misses[mode]} for mode in cache.misses}
    return MAGIC_NUMBER + marshal.dumps(codes)
