"""Loading a script of `scripts/` as a module (they are not a package), for the tests
and the measuring scripts that call their functions."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def load_script(name: str) -> ModuleType:
    """`scripts/<name>.py`, executed as a module (its `main()` is not run)."""
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # registered first, as an import does: a dataclass of the script looks its module up
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
