"""What a failed end-to-end test shows of its stack's logs.

`local/stack.py` writes one log per process in `Stack.logdir`, a temporary folder
CI does not keep. A test that fails there attaches these to its report (the hook
is in tests/conftest.py): each function's warnings, errors and whatever is not a
JSON log line (a traceback, gunicorn's own complaints), since its INFO lines run
to thousands under a flood, then its last lines; the emulators' last lines.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

# What a failed test asks its report to carry: (title, text) sections.
SHOW_ON_FAILURE = pytest.StashKey[Callable[[], list[tuple[str, str]]]]()
QUIET = frozenset({"DEBUG", "INFO"})
NOTEWORTHY_CHARS = 12_000  # the latest of a function's warnings and errors
LAST_LINES = 10
EMULATOR_CHARS = 2_000


def noteworthy(line: str) -> bool:
    """A warning or an error, or anything that is not a JSON log line."""
    try:
        entry = json.loads(line)
    except ValueError:
        return bool(line.strip())
    return not isinstance(entry, dict) or entry.get("severity") not in QUIET


def sections(logdir: Path) -> list[tuple[str, str]]:
    """One report section per log of the stack in `logdir`."""
    from local.stack import FUNCTIONS  # the stack's modules, only when a test failed

    functions = {name for name, _, _ in FUNCTIONS}
    out: list[tuple[str, str]] = []
    for path in sorted(logdir.glob("*.log")):
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        if path.stem in functions:
            picked = "\n".join(line for line in lines if noteworthy(line))[-NOTEWORTHY_CHARS:]
            last = "\n".join(lines[-LAST_LINES:])
            text = f"{picked or '(no warning or error)'}\n-- its last lines --\n{last}"
        else:
            text = "\n".join(lines)[-EMULATOR_CHARS:]
        out.append((f"stack log {path}", text or "(empty)"))
    return out
