"""The house's layers hold: what each package of `shared/` may import, no import
cycles, one lifecycle module, classes a reader can hold in their head.

    core      pure: no google.*, no httpx, no settings, no store, no services
    zalo      Zalo's boundary: may use httpx, never Google's clients
    store     the only package that imports google.cloud / google.api_core
    services  the shells: call the core, the store's interface and Zalo
    bootstrap the one place that picks adapters
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / "shared"
MAX_CLASS_LINES = 200


def modules() -> dict[str, Path]:
    """Dotted name -> file, for every module of the package."""
    out = {}
    for path in sorted(SHARED.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def imports_of(path: Path) -> Iterator[str]:
    """Every module `path` imports, anywhere in it (deferred imports count too),
    except under `if TYPE_CHECKING:`, which never runs."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for n in ast.walk(node))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            yield base
            # `from shared.core import tip` imports the module shared.core.tip
            yield from (f"{base}.{alias.name}" for alias in node.names)


def internal_graph() -> dict[str, set[str]]:
    known = modules()
    return {
        name: {imp for imp in imports_of(path) if imp in known and imp != name}
        for name, path in known.items()
    }


def layer_imports(prefix: str) -> dict[str, set[str]]:
    return {
        name: set(imports_of(path))
        for name, path in modules().items()
        if name == prefix or name.startswith(prefix + ".")
    }


def _starts(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def test_the_core_imports_no_google_no_http_no_settings_no_store_no_services() -> None:
    forbidden = (
        "google",
        "httpx",
        "flask",
        "functions_framework",
        "shared.settings",
        "shared.bootstrap",
        "shared.store",
        "shared.services",
        "shared.zalo",
        "shared.logs",
        "shared.clock",
        "shared.moving_clocks",
    )
    found = {
        module: sorted(i for i in imported if _starts(i, forbidden))
        for module, imported in layer_imports("shared.core").items()
    }
    assert {m: bad for m, bad in found.items() if bad} == {}


def test_the_core_loads_no_google_or_http_module_when_imported() -> None:
    # Namespace packages (`google`, `google.cloud`) are made at start-up by .pth
    # files and hold no code; a module with a file is a real import.
    code = (
        "import sys, pkgutil, importlib, shared.core as c\n"
        "for m in pkgutil.iter_modules(c.__path__):\n"
        "    importlib.import_module('shared.core.' + m.name)\n"
        "print(sorted(k for k, v in sys.modules.items()\n"
        "    if k.split('.')[0] in ('google', 'httpx', 'grpc') and getattr(v, '__file__', None)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_only_the_store_imports_googles_clients() -> None:
    outside = {
        module: sorted(i for i in imported if _starts(i, ("google",)))
        for module, path in modules().items()
        if not module.startswith("shared.store")
        for imported in [set(imports_of(path))]
    }
    assert {m: bad for m, bad in outside.items() if bad} == {}


def test_services_reach_storage_only_through_its_interface() -> None:
    allowed = ("shared.store.ports", "shared.store.collections")
    found = {
        module: sorted(
            i for i in imported if _starts(i, ("shared.store",)) and not _starts(i, allowed)
        )
        for module, imported in layer_imports("shared.services").items()
    }
    assert {m: bad for m, bad in found.items() if bad} == {}


def test_http_lives_at_zalos_boundary_and_the_tools_that_wire_it() -> None:
    allowed = ("shared.zalo", "shared.bootstrap", "shared.cli")
    found = {
        module: sorted(i for i in imported if _starts(i, ("httpx",)))
        for module, path in modules().items()
        if not _starts(module, allowed)
        for imported in [set(imports_of(path))]
    }
    assert {m: bad for m, bad in found.items() if bad} == {}


def test_no_import_cycles_in_shared() -> None:
    graph = internal_graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    # A package's __init__ importing its own modules is how packages work, not a cycle.
    real = [c for c in cycles if not all(m.startswith(c[0]) for m in c)]
    assert real == []


def test_a_tips_status_literals_are_written_in_the_lifecycle_modules_only() -> None:
    # The statuses (`tip_statuses`) and the transitions, whose audit kinds share words
    # with them (`tip`).
    literal = re.compile(r"""["'](received|routed|acknowledged|resolved|closed|withdrawn)["']""")
    lifecycle = {SHARED / "core" / "tip.py", SHARED / "core" / "tip_statuses.py"}
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted([*SHARED.rglob("*.py"), *(ROOT / "bench").rglob("*.py")])
        if path not in lifecycle
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if literal.search(line)
    ]
    assert offenders == []


@pytest.mark.parametrize("path", sorted(SHARED.rglob("*.py")), ids=lambda p: str(p.name))
def test_no_class_is_longer_than_a_reader_can_hold(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = {
        node.name: node.end_lineno - node.lineno + 1
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef) and node.end_lineno is not None
        if node.end_lineno - node.lineno + 1 > MAX_CLASS_LINES
    }
    assert long == {}
