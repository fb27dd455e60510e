"""Helpers that read the Terraform of the repository with python-hcl2.

python-hcl2 keeps HCL as written: string literals keep their quotes (`'"x"'`),
expressions come wrapped as `'${...}'`, blocks are lists of dicts and block
labels keep their quotes. These helpers hide that so the contract tests in
test_terraform.py read like the rules they check.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import hcl2
import yaml

ROOT = Path(__file__).resolve().parents[1]
INFRA = ROOT / "infra"
MODULES = ("apis", "firestore", "oas", "functions", "pubsub", "scheduler", "monitoring")
FUNCTIONS = ("webhook", "router", "escalator")


def unquote(value: Any) -> Any:
    """'"abc"' -> 'abc'; anything else unchanged."""
    if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1]
    return value


def expr(value: Any) -> str:
    """The expression inside '${...}', or the unquoted literal, as a string."""
    if isinstance(value, str) and value.startswith("${") and value.endswith("}"):
        return value[2:-1].strip()
    return str(unquote(value))


@cache
def load(directory: str) -> dict[str, list[Any]]:
    """Every top-level block of the *.tf files of one module directory, merged."""
    merged: dict[str, list[Any]] = {}
    for path in sorted(Path(directory).glob("*.tf")):
        with path.open(encoding="utf-8") as handle:
            parsed = hcl2.load(handle)
        for key, items in parsed.items():
            merged.setdefault(key, []).extend(items)
    return merged


def module_dir(name: str | None) -> str:
    return str(ROOT if name is None else INFRA / name)


def resources(module: str | None, rtype: str) -> dict[str, dict[str, Any]]:
    """name -> body of every `resource "rtype" "name"` in a module (None: the root)."""
    out: dict[str, dict[str, Any]] = {}
    for item in load(module_dir(module)).get("resource", []):
        for rt, named in item.items():
            if unquote(rt) != rtype:
                continue
            for name, body in named.items():
                out[unquote(name)] = body
    return out


def instances(module: str | None, rtype: str) -> dict[str, dict[str, Any]]:
    """Like `resources`, with each `for_each` resource expanded into one body per key,
    named by its key: `each.key` becomes the quoted key and `each.value` the for_each
    expression indexed by it, so each instance's attributes evaluate like any other.
    The keys are read from the for_each map itself or from the local it names."""
    out: dict[str, dict[str, Any]] = {}
    for name, body in resources(module, rtype).items():
        if "for_each" not in body:
            out[name] = body
            continue
        each = body["for_each"]
        mapping = each if isinstance(each, dict) else locals_of(module)[expr(each)[len("local.") :]]
        for key in keys(mapping):
            value = f'({source(each)})["{key}"]'
            out[key] = _substitute(body, {"each.key": f'"{key}"', "each.value": value})
    return out


def _substitute(value: Any, words: dict[str, str]) -> Any:
    if isinstance(value, str):
        for word, replacement in words.items():
            value = value.replace(word, replacement)
        return value
    if isinstance(value, list):
        return [_substitute(v, words) for v in value]
    if isinstance(value, dict):
        return {k: v if k == "for_each" else _substitute(v, words) for k, v in value.items()}
    return value


def all_resources(module: str | None) -> list[tuple[str, str, dict[str, Any]]]:
    """(type, name, body) of every resource of a module."""
    out = []
    for item in load(module_dir(module)).get("resource", []):
        for rt, named in item.items():
            for name, body in named.items():
                out.append((unquote(rt), unquote(name), body))
    return out


def blocks(module: str | None, kind: str) -> dict[str, dict[str, Any]]:
    """name -> body of labelled top-level blocks: variable, output, module."""
    out: dict[str, dict[str, Any]] = {}
    for item in load(module_dir(module)).get(kind, []):
        for name, body in item.items():
            out[unquote(name)] = body
    return out


def locals_of(module: str | None) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for item in load(module_dir(module)).get("locals", []):
        merged.update({k: v for k, v in item.items() if not k.startswith("__")})
    return merged


def block(body: dict[str, Any], key: str) -> dict[str, Any]:
    """The single nested block `key` of a body."""
    items = body.get(key)
    assert isinstance(items, list) and len(items) == 1, f"expected one {key} block"
    return items[0]


def dynamic(body: dict[str, Any], name: str) -> dict[str, Any] | None:
    for item in body.get("dynamic", []):
        for label, dyn in item.items():
            if unquote(label) == name:
                return dyn
    return None


def keys(mapping: dict[str, Any]) -> set[str]:
    """The attribute names of an HCL object, without python-hcl2's markers."""
    return {unquote(k) for k in mapping if not k.startswith("__")}


def skip_comments(body: dict[str, Any]) -> list[str]:
    return [
        c["value"].strip()
        for c in body.get("__comments__", [])
        if c.get("value", "").strip().startswith("checkov:skip")
    ]


def topology() -> dict[str, Any]:
    return yaml.safe_load((INFRA / "topology.yaml").read_text(encoding="utf-8"))


def firestore_data() -> dict[str, Any]:
    return yaml.safe_load((INFRA / "firestore.yaml").read_text(encoding="utf-8"))


def tf_files() -> list[Path]:
    return [ROOT / f for f in ("main.tf", "variables.tf", "outputs.tf", "versions.tf")] + sorted(
        INFRA.glob("*/*.tf")
    )


def source(value: Any) -> str:
    """HCL text of an attribute value as python-hcl2 keeps it: a quoted string or
    template stays as written, '${expr}' becomes expr, numbers, booleans, objects and
    tuples as HCL."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str) and value.startswith("${") and value.endswith("}"):
        return value[2:-1]
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "[" + ", ".join(source(v) for v in value) + "]"
    if isinstance(value, dict):
        items = (f"{k} = {source(v)}" for k, v in value.items() if not k.startswith("__"))
        return "{\n" + "\n".join(items) + "\n}"
    raise TypeError(f"no HCL text for {value!r}")


def evaluate(
    workdir: Path,
    outputs: dict[str, str],
    variables: dict[str, Any],
    local_values: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Evaluate HCL expressions with the real Terraform, in a scratch root module that
    declares `variables` (given values), `local_values` and one output per expression.
    Needs no provider, so it runs offline; raises with Terraform's error otherwise."""
    terraform = shutil.which("terraform")
    if terraform is None:
        raise RuntimeError("terraform is not on PATH: install Terraform >= 1.5")
    workdir.mkdir(parents=True, exist_ok=True)
    lines = [f'variable "{name}" {{\n  type = any\n}}' for name in variables]
    if local_values:
        lines.append(
            "locals {\n" + "\n".join(f"  {k} = {v}" for k, v in local_values.items()) + "\n}"
        )
    lines += [f'output "{name}" {{\n  value = {text}\n}}' for name, text in outputs.items()]
    (workdir / "main.tf").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    (workdir / "test.tfvars.json").write_text(json.dumps(variables), encoding="utf-8")
    env = {**os.environ, "TF_IN_AUTOMATION": "1", "TF_INPUT": "0", "CHECKPOINT_DISABLE": "1"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [terraform, *args, "-no-color"],
            cwd=workdir,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    for args in (
        ("init", "-backend=false"),
        ("apply", "-auto-approve", "-var-file=test.tfvars.json"),
    ):
        done = run(*args)
        if done.returncode != 0:
            raise RuntimeError(f"terraform {args[0]} failed:\n{done.stderr}{done.stdout}")
    shown = run("output", "-json")
    if shown.returncode != 0:
        raise RuntimeError(f"terraform output failed:\n{shown.stderr}")
    return {k: v["value"] for k, v in json.loads(shown.stdout).items()}
