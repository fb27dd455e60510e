"""Every library the line or its tests load is pinned, and installed at its pin.

A fresh install (CI's, the deploy buildpack's) must get what the tests ran with: an
unpinned library released since changes behaviour or, as idna 3.21 did, leaves the
webhook's recorded start code stale on a clean checkout.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def pins(name: str) -> dict[str, str]:
    """The `name==version` lines of a requirements file and the files it includes."""
    found: dict[str, str] = {}
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            found |= pins(line[3:].strip())
        elif line:
            match = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([^\s;]+)", line)
            assert match, f"{name}: not an exact pin: {line!r}"
            found[canonicalize_name(match[1])] = match[2]
    return found


def closure(roots: list[str]) -> set[str]:
    """The distributions installing `roots` brings in, with the extras asked for on the way."""
    seen: set[str] = set()
    todo = [Requirement(root) for root in roots]
    while todo:
        req = todo.pop()
        name = canonicalize_name(req.name)
        key = f"{name}[{','.join(sorted(req.extras))}]"
        if key in seen:
            continue
        seen.add(key)
        for text in metadata.requires(name) or []:
            dep = Requirement(text)
            wanted = ["", *sorted(req.extras)]
            if dep.marker is None or any(dep.marker.evaluate({"extra": e}) for e in wanted):
                todo.append(dep)
    return {key.split("[", 1)[0] for key in seen}


def test_the_runtime_requirements_pin_everything_the_functions_load() -> None:
    runtime = pins("requirements.txt")
    missing = closure(list(runtime)) - set(runtime)
    assert not missing, f"requirements.txt: pin {sorted(missing)}"


def test_the_dev_requirements_pin_everything_the_tests_load() -> None:
    dev = pins("requirements-dev.txt")
    missing = closure(list(dev)) - set(dev)
    assert not missing, f"requirements-dev.txt: pin {sorted(missing)}"


def test_what_is_installed_is_what_is_pinned() -> None:
    wrong = {
        name: (version, metadata.version(name))
        for name, version in pins("requirements-dev.txt").items()
        if metadata.version(name) != version
    }
    assert not wrong, f"pinned, installed: {wrong}; run `make setup`"


def test_an_unpinned_library_is_caught() -> None:
    # httpx alone brings in anyio, certifi, httpcore, idna: the check sees them.
    assert {"anyio", "certifi", "httpcore", "idna"} <= closure(["httpx"]) - {"httpx"}
