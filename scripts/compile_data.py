"""Write the prebuilt classifier rules and learned model (`shared/data/*.pickle`).

    .venv/bin/python scripts/compile_data.py           # rewrites what is stale
    .venv/bin/python scripts/compile_data.py --check   # exit 1 if any is stale

Run after changing `shared/data/classify.yaml`, `shared/data/text_model.json` or
the code that builds them (`RULES_CODE`, `MODEL_CODE`); scripts/train_text_model.py
runs it. tests/test_prebuilt.py fails until they are current, and so does
`terraform plan` (infra/functions/prebuilt reads `shared/data/prebuilt.json`, the
SHA-256 of every prebuilt file and of each of its sources, which this script
writes beside them). A file changed after its build in a way that keeps every size
is caught only by those checks: the line compares sizes alone at start
(`shared/core/prebuilt.py`); on a mismatch it builds from the data files (correct,
slower) and logs a warning. Each is built from its data file, validated as always;
a current file is left as it is.

It also writes `shared/data/start_code.marshal`, the code the webhook's start
compiles from strings (`shared/start_code.py`: dataclasses' methods, string
annotations, regular expressions): rerun it after changing a dataclass, an annotation
or a pattern the webhook loads, or upgrading a library. A stale file costs the start
time, never correctness, so Terraform does not check it; tests/test_start_code_r23.py
does.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from shared import start_code  # noqa: E402
from shared.core import prebuilt  # noqa: E402
from shared.core.classify import PREBUILT_RULES_PATH, rules_from_file, rules_sources  # noqa: E402
from shared.core.text_model import (  # noqa: E402
    PREBUILT_MODEL_PATH,
    model_from_file,
    model_sources,
)

# prebuilt file -> (its sources, how to build its object from the data file)
TARGETS: dict[str, tuple[tuple[str, ...], Callable[[], object]]] = {
    PREBUILT_RULES_PATH: (rules_sources(), rules_from_file),
    PREBUILT_MODEL_PATH: (model_sources(), model_from_file),
}


# What Terraform checks when it packages the functions (infra/functions/prebuilt).
MANIFEST = ROOT / "shared" / "data" / "prebuilt.json"


def stale() -> list[str]:
    return [path for path, (sources, _) in TARGETS.items() if not prebuilt.current(path, sources)]


def manifest() -> str:
    """The SHA-256 of each prebuilt file and of every source it records (paths from the
    repository's root), as `shared/data/prebuilt.json` must hold them."""
    files = {prebuilt.__file__}
    for path, (sources, _) in TARGETS.items():
        files.update((path, *sources))
    named = {Path(p).resolve().relative_to(ROOT).as_posix(): p for p in files}
    sha256 = {}
    for name in sorted(named):
        with open(named[name], "rb") as f:
            sha256[name] = hashlib.file_digest(f, "sha256").hexdigest()
    about = "Written by scripts/compile_data.py; checked by infra/functions/prebuilt."
    return json.dumps({"about": about, "sha256": sha256}, indent=2) + "\n"


def manifest_current() -> bool:
    try:
        return MANIFEST.read_text(encoding="utf-8") == manifest()
    except OSError:
        return False


# Loads the webhook as the framework does, recording every source compiled on the way;
# a fixed hash seed keeps the file the same from one run to the next (sets in the code).
_RECORD = """
import functions_framework, sys
from shared import start_code
cache = start_code.record()
functions_framework.create_app(target="zalo_webhook", source="functions/webhook/main.py")
sys.stdout.buffer.write(start_code.dumps(cache))
"""


def start_code_bytes() -> bytes:
    """What `shared/data/start_code.marshal` must hold for this checkout."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", _RECORD], cwd=ROOT, env=env, capture_output=True, check=True
    )
    return out.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 if stale")
    args = parser.parse_args(argv)
    behind = stale()
    for path, (sources, build) in TARGETS.items():
        name = os.path.relpath(path, ROOT)
        if path not in behind:
            print(f"{name}: up to date")
        elif not args.check:
            data = prebuilt.dumps(build(), sources)
            # Replaced, not written in place: a process may be mapping the old file.
            Path(path + ".tmp").write_bytes(data)
            os.replace(path + ".tmp", path)
            print(f"{name}: written ({len(data):,} bytes)")
    name = os.path.relpath(start_code.CODE_PATH, ROOT)
    data = start_code_bytes()
    if Path(start_code.CODE_PATH).exists() and Path(start_code.CODE_PATH).read_bytes() == data:
        print(f"{name}: up to date")
    elif args.check:
        behind.append(start_code.CODE_PATH)
    else:
        Path(start_code.CODE_PATH + ".tmp").write_bytes(data)
        os.replace(start_code.CODE_PATH + ".tmp", start_code.CODE_PATH)
        print(f"{name}: written ({len(data):,} bytes)")
    name = os.path.relpath(MANIFEST, ROOT)
    if manifest_current():
        print(f"{name}: up to date")
    elif args.check:
        behind.append(str(MANIFEST))
    else:  # after the prebuilt files: it records their digests
        MANIFEST.write_text(manifest(), encoding="utf-8")
        print(f"{name}: written")
    if args.check and behind:
        print("stale: " + ", ".join(os.path.relpath(p, ROOT) for p in behind), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
