"""Write the prebuilt classifier rules and learned model (`shared/data/*.pickle`).

    .venv/bin/python scripts/compile_data.py           # rewrites what is stale
    .venv/bin/python scripts/compile_data.py --check   # exit 1 if any is stale

Run after changing `shared/data/classify.yaml`, `shared/data/text_model.json` or
the code that builds them (`RULES_CODE`, `MODEL_CODE`); scripts/train_text_model.py
runs it. tests/test_prebuilt.py fails until they are current; until then the line
builds from the data files at start (correct, slower) and logs a warning
(`shared/core/prebuilt.py`). Each is built from its data file, validated as
always; a current file is left as it is.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

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


def stale() -> list[str]:
    return [path for path, (sources, _) in TARGETS.items() if not prebuilt.current(path, sources)]


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
            Path(path).write_bytes(data)
            print(f"{name}: written ({len(data):,} bytes)")
    if args.check and behind:
        print("stale: " + ", ".join(os.path.relpath(p, ROOT) for p in behind), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
