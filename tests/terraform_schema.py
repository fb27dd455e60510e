"""Checks the repository's HCL against the providers' schemas (infra/provider-schemas.json).

What `terraform validate` would say if the providers could be downloaded here:
every resource and data source type exists, every argument and nested block
exists and is written as what it is (argument or block, how many), required
ones are there, nothing read-only is set, enum values are among the provider's,
every reference to a resource's attribute or block exists. Each check runs
against every pinned provider release (scripts/provider_schemas.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import hcl2

try:
    from . import terraform_contract as tc
except ImportError:
    import terraform_contract as tc

DIGEST = tc.ROOT / "infra" / "provider-schemas.json"
RESOURCE_META = {"count", "for_each", "depends_on", "provider", "lifecycle", "provisioner"}
DYNAMIC_KEYS = {"for_each", "iterator", "content", "labels"}
REFERENCE = re.compile(
    r"(?<![\w.])(data\.)?((?:google|archive)_\w+)\.(\w+)((?:\[[^\]]*\])?)((?:\.\w+(?:\[\d+\])?)*)"
)
FOR_OVER = re.compile(
    r"for\s+(\w+)(?:\s*,\s*(\w+))?\s+in\s+((?:data\.)?(?:google|archive)_\w+\.\w+)\s*:"
)
CONSTRAINT = re.compile(r"\s*(>=|<=|>|<|=|!=|~>)?\s*([\d.]+)\s*")


@dataclass(frozen=True)
class Problem:
    where: str
    release: str
    message: str

    def __str__(self) -> str:
        return f"{self.where} [{self.release}]: {self.message}"


def load_digest() -> dict[str, Any]:
    return json.loads(DIGEST.read_text(encoding="utf-8"))


def provider_of(rtype: str) -> str:
    return rtype.split("_", 1)[0]


def _is_block(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(v, dict) and v.get("__is_block__") for v in value
    )


def _keys(body: dict[str, Any]) -> list[str]:
    return [k for k in body if not k.startswith("__")]


# --- version constraints -------------------------------------------------------------------


def version_tuple(text: str) -> tuple[int, ...]:
    parts = [int(p) for p in text.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def satisfies(version: str, constraint: str) -> bool:
    v = version_tuple(version)
    for clause in constraint.split(","):
        match = CONSTRAINT.fullmatch(clause)
        if not match:
            raise ValueError(f"cannot read constraint {constraint!r}")
        op, bound_text = match.group(1) or "=", match.group(2)
        bound = version_tuple(bound_text)
        if op == "~>":
            depth = len(bound_text.split(".")) - 1
            upper = (*bound[: depth - 1], bound[depth - 1] + 1) if depth else bound
            ok = v >= bound and v[: len(upper)] < upper
        else:
            ok = {
                ">=": v >= bound,
                "<=": v <= bound,
                ">": v > bound,
                "<": v < bound,
                "=": v == bound,
                "!=": v != bound,
            }[op]
        if not ok:
            return False
    return True


def constraints() -> dict[str, set[str]]:
    """provider -> every version constraint the modules declare for it."""
    found: dict[str, set[str]] = {}
    for module in (None, *tc.MODULES):
        for item in tc.load(tc.module_dir(module)).get("terraform", []):
            for req in item.get("required_providers", []):
                for name, spec in req.items():
                    if name.startswith("__"):
                        continue
                    if isinstance(spec, dict) and "version" in spec:
                        found.setdefault(name, set()).add(tc.unquote(spec["version"]))
    return found


# --- the HCL ---------------------------------------------------------------------------------


@dataclass
class Module:
    name: str
    files: dict[str, dict[str, Any]]

    def declared(self) -> dict[tuple[str, str, str], dict[str, Any]]:
        """(kind, type, name) -> body of each resource and data block."""
        out = {}
        for parsed in self.files.values():
            for kind in ("resource", "data"):
                for item in parsed.get(kind, []):
                    for rtype, named in item.items():
                        for name, body in named.items():
                            out[(kind, tc.unquote(rtype), tc.unquote(name))] = body
        return out


def modules() -> list[Module]:
    out = []
    for module in (None, *tc.MODULES):
        folder = Path(tc.module_dir(module))
        files = {}
        for path in sorted(folder.glob("*.tf")):
            with path.open(encoding="utf-8") as handle:
                files[str(path.relative_to(tc.ROOT))] = hcl2.load(handle)
        out.append(Module(module or "root", files))
    return out


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            if not k.startswith("__"):
                yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _literals(value: Any, each_values: dict[str, list[str]]) -> list[str]:
    """The string values an argument can take, when the HCL says them."""
    if not isinstance(value, str):
        return []
    if value.startswith('"') and "${" not in value:
        return [tc.unquote(value)]
    expr = tc.expr(value)
    each = re.fullmatch(r"each\.value\.(\w+)", expr)
    if each:
        return each_values.get(each.group(1), [])
    if "?" in expr:  # a conditional between literals
        return re.findall(r'"([^"$]*)"', expr)
    return []


def _each_values(module: str, body: dict[str, Any]) -> dict[str, list[str]]:
    """each.value.<key> -> its literal values, when for_each is a local literal map."""
    source = tc.expr(body.get("for_each", ""))
    match = re.fullmatch(r"local\.(\w+)", source)
    if not match:
        return {}
    mapping = tc.locals_of(None if module == "root" else module).get(match.group(1))
    if not isinstance(mapping, dict):
        return {}
    out: dict[str, list[str]] = {}
    for entry in mapping.values():
        if isinstance(entry, dict):
            for key, value in entry.items():
                if isinstance(value, str) and value.startswith('"') and "${" not in value:
                    out.setdefault(tc.unquote(key), []).append(tc.unquote(value))
    return out


# --- checks ------------------------------------------------------------------------------------


class Checker:
    def __init__(self, digest: dict[str, Any]) -> None:
        self.digest = digest
        self.problems: list[Problem] = []

    def releases(self, provider: str) -> dict[str, Any]:
        return self.digest["providers"].get(provider, {})

    def problem(self, where: str, release: str, message: str) -> None:
        self.problems.append(Problem(where, release, message))

    def block(
        self,
        body: dict[str, Any],
        schema: dict[str, Any],
        where: str,
        release: str,
        each_values: dict[str, list[str]],
        top: bool = False,
    ) -> None:
        keys = _keys(body)
        dynamic_labels = set()
        for key in keys:
            value = body[key]
            if key == "dynamic":
                for item in value:
                    for label, dyn in item.items():
                        label = tc.unquote(label)
                        dynamic_labels.add(label)
                        self.dynamic(label, dyn, schema, where, release, each_values)
            elif top and key in RESOURCE_META:
                if key == "lifecycle":
                    self.lifecycle(value, schema, where, release)
            elif key in schema["arguments"]:
                if _is_block(value) and value:
                    self.problem(where, release, f"{key} is an argument, written as a block")
                    continue
                allowed = schema["arguments"][key].get("enum")
                if allowed:
                    for literal in _literals(value, each_values):
                        if literal not in allowed:
                            self.problem(
                                where, release, f"{key} = {literal!r} is not one of {allowed}"
                            )
            elif key in schema["blocks"]:
                nested = schema["blocks"][key]
                if not _is_block(value):
                    self.problem(where, release, f"{key} is a block, written as an argument")
                    continue
                if nested["nesting"] == "single" and len(value) > 1:
                    self.problem(where, release, f"{key} takes one block, {len(value)} given")
                for item in value:
                    self.block(item, nested["schema"], f"{where}.{key}", release, each_values)
            elif key in schema["computed"]:
                self.problem(where, release, f"{key} is read-only (computed by the provider)")
            else:
                self.problem(where, release, f"{key} is not an argument or block of it")
        for name, spec in schema["arguments"].items():
            if spec.get("required") and name not in keys:
                self.problem(where, release, f"required argument {name} is missing")
        for name, spec in schema["blocks"].items():
            if spec.get("required") and name not in keys and name not in dynamic_labels:
                self.problem(where, release, f"required block {name} is missing")

    def dynamic(
        self,
        label: str,
        dyn: dict[str, Any],
        schema: dict[str, Any],
        where: str,
        release: str,
        each_values: dict[str, list[str]],
    ) -> None:
        if label not in schema["blocks"]:
            self.problem(where, release, f"dynamic {label}: no such block")
            return
        for key in _keys(dyn):
            if key not in DYNAMIC_KEYS:
                self.problem(where, release, f"dynamic {label}: unknown {key}")
        contents = dyn.get("content", [])
        if len(contents) != 1:
            self.problem(where, release, f"dynamic {label}: one content block expected")
            return
        nested = schema["blocks"][label]["schema"]
        self.block(contents[0], nested, f"{where}.{label}", release, each_values)

    def lifecycle(
        self, value: list[dict[str, Any]], schema: dict[str, Any], where: str, release: str
    ) -> None:
        for item in value:
            for name in item.get("ignore_changes", []):
                field = tc.expr(name)
                if field not in schema["arguments"] and field not in schema["blocks"]:
                    self.problem(where, release, f"ignore_changes names no argument {field}")

    def path(self, schema: dict[str, Any], parts: list[str], where: str, release: str) -> None:
        """A reference's attribute chain, such as service_config[0].service."""
        for i, part in enumerate(parts):
            name = part.split("[", 1)[0]
            if name in schema["arguments"] or name in schema["computed"] or name == "id":
                return  # a value: maps and lists of strings are not described further
            if name in schema["blocks"]:
                if i + 1 < len(parts) and "[" not in part:
                    self.problem(where, release, f"{name} is a block: index it, {name}[0]")
                    return
                schema = schema["blocks"][name]["schema"]
                continue
            self.problem(where, release, f"reference to {name}, which it does not have")
            return

    def references(self, module: Module) -> None:
        declared = module.declared()
        for path, parsed in module.files.items():
            # A `moved` block's `from` names an address that no longer exists, by design;
            # its `to` must exist like any other reference.
            moves = [{"to": m["to"]} for m in parsed.get("moved", [])]
            kept = {k: v for k, v in parsed.items() if k != "moved"}
            for text in _strings([kept, moves]):
                if "google_" not in text and "archive_" not in text:
                    continue
                for data, rtype, name, _index, chain in REFERENCE.findall(text):
                    kind = "data" if data else "resource"
                    where = f"{path}: {'data.' if data else ''}{rtype}.{name}"
                    if (kind, rtype, name) not in declared:
                        if rtype.endswith(("_iam_member", "_iam_binding")) or "." in name:
                            continue
                        self.problem(where, "-", f"no {kind} {rtype}.{name} in this module")
                        continue
                    self.chain(rtype, kind, chain.lstrip(".").split(".") if chain else [], where)
                for first, second, source in FOR_OVER.findall(text):
                    var = second or first
                    src = REFERENCE.fullmatch(source)
                    if not src:
                        continue
                    kind = "data" if src.group(1) else "resource"
                    for chain in re.findall(rf"(?<![\w.]){var}((?:\.\w+(?:\[\d+\])?)+)", text):
                        where = f"{path}: {var} in {source}"
                        self.chain(src.group(2), kind, chain.lstrip(".").split("."), where)

    def chain(self, rtype: str, kind: str, parts: list[str], where: str) -> None:
        if not parts or not parts[0]:
            return
        group = "resources" if kind == "resource" else "data_sources"
        for release, spec in self.releases(provider_of(rtype)).items():
            schema = spec[group].get(rtype)
            if schema is not None:
                self.path(schema, parts, where, release)

    def module(self, module: Module) -> None:
        for path, parsed in module.files.items():
            for kind, group in (("resource", "resources"), ("data", "data_sources")):
                for item in parsed.get(kind, []):
                    for rtype, named in item.items():
                        rtype = tc.unquote(rtype)
                        for name, body in named.items():
                            where = f"{path}: {rtype}.{tc.unquote(name)}"
                            releases = self.releases(provider_of(rtype))
                            if not releases:
                                self.problem(where, "-", "no schema of its provider is pinned")
                            each_values = _each_values(module.name, body)
                            for release, spec in releases.items():
                                if rtype not in spec[group]:
                                    self.problem(where, release, "not in the digest: regenerate it")
                                elif spec[group][rtype] is None:
                                    self.problem(where, release, f"no such {kind} type")
                                else:
                                    schema = spec[group][rtype]
                                    self.block(body, schema, where, release, each_values, True)
            for item in parsed.get("provider", []):
                for name, body in item.items():
                    for release, spec in self.releases(tc.unquote(name)).items():
                        self.block(body, spec["provider"], f"{path}: provider {name}", release, {})
        self.references(module)


def check(digest: dict[str, Any] | None = None) -> list[Problem]:
    checker = Checker(digest or load_digest())
    for module in modules():
        checker.module(module)
    return checker.problems
