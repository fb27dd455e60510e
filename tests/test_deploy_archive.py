"""Each entry point loads from the deployed archive, as Cloud Functions runs it.

The functions framework puts only the source file's folder on sys.path, so
`shared` must import from the archive's root without the package installed.
The archive is built with the excludes Terraform's archive_file uses, unpacked,
and each function is loaded by the framework in a subprocess from which this
checkout and its editable install are hidden.
"""

from __future__ import annotations

import fnmatch
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests import terraform_contract as tc

ROOT = Path(__file__).resolve().parents[1]
ENTRY_POINTS = {
    "functions/webhook/main.py": "zalo_webhook",
    "functions/router/main.py": "route_event",
    "functions/escalator/main.py": "escalate",
}

LOADER = r"""
import importlib.abc, json, os, sys
root, archive, source, target = sys.argv[1:5]
# Hide the checkout: its path entries and setuptools' editable finders.
sys.path[:] = [p for p in sys.path if p and os.path.realpath(p) != root]
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in type(f).__module__]
for name in [m for m in sys.modules if m == "shared" or m.startswith("shared.")]:
    del sys.modules[name]
os.chdir(archive)
import functions_framework
functions_framework.create_app(target=target, source=os.path.join(archive, source))
import shared
from shared.core import prebuilt
print(json.dumps({"shared": os.path.realpath(shared.__file__), "fallbacks": prebuilt.fallbacks()}))
"""


def _terraform_excludes() -> list[str]:
    for block in tc.load(tc.module_dir("functions")).get("data", []):
        for kind, named in block.items():
            if tc.unquote(kind) == "archive_file":
                (body,) = named.values()
                return [tc.unquote(pattern) for pattern in body["excludes"]]
    raise AssertionError("infra/functions has no archive_file")


def _build_archive(dest: Path) -> Path:
    excludes = _terraform_excludes()
    archive = dest / "source.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(ROOT.rglob("*")):
            rel = path.relative_to(ROOT).as_posix()
            if path.is_dir() or any(fnmatch.fnmatch(rel, pat) for pat in excludes):
                continue
            zf.write(path, rel)
    return archive


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("archive")
    archive = _build_archive(work)
    target = work / "workspace"
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        zf.extractall(target)
    assert "requirements.txt" in names and "shared/__init__.py" in names
    assert not any(n.startswith(("tests/", ".venv/", ".git/")) for n in names)
    return target


@pytest.mark.parametrize(("source", "target"), sorted(ENTRY_POINTS.items()))
def test_entry_point_loads_from_the_unpacked_archive(
    unpacked: Path, source: str, target: str
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-I", "-c", LOADER, str(ROOT), str(unpacked), source, target],
        capture_output=True,
        text=True,
        env=env,
        cwd=unpacked,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded["shared"].startswith(str(unpacked.resolve())), loaded
    # The webhook loads the classifier's rules and model at import: prebuilt, from the archive.
    assert loaded["fallbacks"] == {}, loaded
