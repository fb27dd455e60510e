"""The Terraform providers' schemas, offline, for the resource types the HCL uses.

The google provider cannot be downloaded on the machines this is built on, but
PyPI carries prebuilt CDK for Terraform bindings generated from each provider
release's own schema (cdktf-cdktf-provider-*, and cdktn-provider-* since
HashiCorp stopped publishing them at google 6.50.0). Each wheel holds a jsii
assembly in which every resource's config type lists its arguments (with the
Terraform name in the registry link of its docs), its nested blocks (with their
nesting), whether each is required, and the provider's description, which for
the google provider names an enum's possible values; the getters of the
generated JavaScript name the computed attributes.

`python scripts/provider_schemas.py` downloads the pinned wheels (pip, checked
against the sha256 below) into .tools/provider-schemas/, extracts the types that
the repository's *.tf files use and writes infra/provider-schemas.json, which
tests/test_terraform_schema.py checks the HCL against on every `make test`;
`--check` only compares. To check another provider release, add its wheel to
PINS (the version in the wheel's README, "bindings for hashicorp/google provider
version X") and rerun.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import hcl2

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".tools" / "provider-schemas"
DIGEST = ROOT / "infra" / "provider-schemas.json"
FORMAT = 1


@dataclass(frozen=True)
class Pin:
    provider: str  # hashicorp/<provider>
    version: str  # the provider release the bindings were generated from
    dist: str  # the PyPI distribution carrying them
    dist_version: str
    sha256: str  # of the wheel

    @property
    def wheel(self) -> str:
        return f"{self.dist.replace('-', '_')}-{self.dist_version}-py3-none-any.whl"


# The lowest and the highest release of each provider, inside versions.tf's
# constraints, that has prebuilt bindings on PyPI, and google's last 6.x.
PINS = (
    Pin(
        "google",
        "6.1.0",
        "cdktf-cdktf-provider-google",
        "14.0.0",
        "ee7c43782592de9123e5e92ef16f933775349104e198552445038d32a40da052",
    ),
    Pin(
        "google",
        "6.50.0",
        "cdktf-cdktf-provider-google",
        "16.12.1",
        "88d021c89e1cf2abf2c935716d6548d26fe3da4bed30713d4fa36df1ef137436",
    ),
    Pin(
        "google",
        "7.46.1",
        "cdktn-provider-google",
        "20.3.1",
        "562d1a5f4d9850be9f43f53b9c1cbb1899f0ce7c8daaf1e7b51181287e82a380",
    ),
    Pin(
        "archive",
        "2.5.0",
        "cdktf-cdktf-provider-archive",
        "10.1.0",
        "b090bf6cd5eb345a4209631a8d41e509bf0555c99dc32624258c7681043e3ba4",
    ),
    Pin(
        "archive",
        "2.8.1",
        "cdktn-provider-archive",
        "14.0.1",
        "b2cd6a0c8d443c83e7f11e4d6ef292978828b7402099261528358ba85db20eec",
    ),
)

REPRESENTS = re.compile(
    r"Represents a \{@link https://registry\.terraform\.io/providers/hashicorp/([\w-]+)/"
    r"([\d.]+)(?:/docs/(resources|data-sources)/\w+ (\w+))?"
)
ANCHOR = re.compile(r"Docs at Terraform Registry: \{@link \S+#(\w+) ")
POSSIBLE = re.compile(r"Possible values(?: are)?:? \[([^\]]*)\]")
GETTER = re.compile(r"get (\w+)\(\) \{\s*return this\.get\w*Attribute\('(\w+)'\)")
NOT_ATTRIBUTES = {"tfResourceType", "internalValue", "fqn"}


# --- the HCL's types ---------------------------------------------------------------------


def tf_files(root: Path = ROOT) -> list[Path]:
    return sorted(root.glob("*.tf")) + sorted((root / "infra").glob("*/*.tf"))


def used_types(root: Path = ROOT) -> dict[str, dict[str, set[str]]]:
    """provider -> {"resources": types, "data_sources": types} the *.tf files declare."""
    used: dict[str, dict[str, set[str]]] = {}
    for path in tf_files(root):
        with path.open(encoding="utf-8") as handle:
            parsed = hcl2.load(handle)
        for kind, key in (("resource", "resources"), ("data", "data_sources")):
            for item in parsed.get(kind, []):
                for rtype in item:
                    name = rtype.strip('"')
                    provider = name.split("_", 1)[0]
                    used.setdefault(provider, {"resources": set(), "data_sources": set()})
                    used[provider][key].add(name)
        for item in parsed.get("provider", []):
            for name in item:
                used.setdefault(name.strip('"'), {"resources": set(), "data_sources": set()})
    return used


# --- the wheels ----------------------------------------------------------------------------


def fetch(pin: Pin, cache: Path = CACHE) -> Path:
    """The pinned wheel, downloaded once with pip and checked against its sha256."""
    wheels = cache / "wheels"
    path = wheels / pin.wheel
    if not path.exists():
        wheels.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--only-binary=:all:",
                "--disable-pip-version-check",
                "--dest",
                str(wheels),
                f"{pin.dist}=={pin.dist_version}",
            ],
            check=True,
        )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != pin.sha256:
        path.unlink()
        raise RuntimeError(f"{pin.wheel}: sha256 {digest}, pinned {pin.sha256}")
    return path


def _assembly(wheel: Path) -> tuple[dict[str, Any], dict[str, str]]:
    """The jsii assembly and the generated JavaScript of each submodule."""
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".jsii.tgz"))
        tarball = archive.read(name)
    scripts: dict[str, str] = {}
    assembly: dict[str, Any] = {}
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as tar:
        for member in tar:
            if member.name == "package/.jsii":
                assembly = json.load(tar.extractfile(member))  # type: ignore[arg-type]
            elif member.name.startswith("package/lib/") and member.name.endswith("/index.js"):
                folder = member.name.removeprefix("package/lib/").removesuffix("/index.js")
                scripts[folder] = tar.extractfile(member).read().decode()  # type: ignore[union-attr]
    return assembly, scripts


def _snake(camel: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"_\1", camel).lower()


class _Reader:
    """Turns the jsii types of one assembly into block schemas."""

    def __init__(self, assembly: dict[str, Any], scripts: dict[str, str]) -> None:
        self.types: dict[str, Any] = assembly["types"]
        self.scripts = scripts
        self.getters: dict[str, dict[str, str]] = {}

    def _getter_names(self, fqn: str) -> dict[str, str]:
        """camel -> Terraform name of the attribute getters in the type's own module."""
        filename = self.types[fqn].get("locationInModule", {}).get("filename", "")
        folder = filename.removeprefix("src/").removesuffix("/index.ts")
        if folder not in self.getters:
            self.getters[folder] = dict(GETTER.findall(self.scripts.get(folder, "")))
        return self.getters[folder]

    def _struct(self, type_ref: dict[str, Any]) -> tuple[str, str] | None:
        """(struct fqn, nesting) when a property's type is a nested block's."""
        if "fqn" in type_ref:
            found = self.types.get(type_ref["fqn"])
            if found and found.get("datatype"):
                return type_ref["fqn"], "single"
            return None
        if "union" in type_ref:
            for member in type_ref["union"]["types"]:
                got = self._struct(member)
                if got:
                    return got[0], "list"
            return None
        if "collection" in type_ref and type_ref["collection"]["kind"] == "array":
            got = self._struct(type_ref["collection"]["elementtype"])
            return (got[0], "list") if got else None
        return None

    def block(self, struct_fqn: str, reader_fqn: str | None) -> dict[str, Any]:
        """The schema of a config struct; `reader_fqn` is the class whose getters read
        it back (the resource itself, or the block's OutputReference)."""
        arguments: dict[str, Any] = {}
        blocks: dict[str, Any] = {}
        for prop in self.types[struct_fqn].get("properties", []):
            docs = prop.get("docs", {})
            remarks = docs.get("remarks", "")
            anchor = ANCHOR.search(remarks)
            name = anchor.group(1) if anchor else _snake(prop["name"])
            required = not prop.get("optional", False)
            nested = self._struct(prop["type"])
            if nested and docs.get("summary", "").rstrip().endswith("block."):
                fqn, nesting = nested
                entry: dict[str, Any] = {
                    "nesting": nesting,
                    "schema": self.block(fqn, f"{fqn}OutputReference"),
                }
                if required:
                    entry["required"] = True
                blocks[name] = entry
                continue
            argument: dict[str, Any] = {}
            if required:
                argument["required"] = True
            possible = POSSIBLE.search(f"{docs.get('summary', '')} {remarks}")
            if possible:
                argument["enum"] = re.findall(r'"([^"]*)"', possible.group(1))
            arguments[name] = argument
        computed: set[str] = set()
        if reader_fqn and reader_fqn in self.types:
            names = self._getter_names(reader_fqn)
            for prop in self.types[reader_fqn].get("properties", []):
                camel = prop["name"]
                if prop.get("static") or camel in NOT_ATTRIBUTES or camel.endswith("Input"):
                    continue
                name = names.get(camel, _snake(camel))
                if name not in arguments and name not in blocks:
                    computed.add(name)
        return {
            "arguments": dict(sorted(arguments.items())),
            "blocks": dict(sorted(blocks.items())),
            "computed": sorted(computed),
        }

    def config_of(self, class_fqn: str) -> str:
        params = self.types[class_fqn]["initializer"]["parameters"]
        return next(p["type"]["fqn"] for p in params if p["name"] == "config")


def extract(wheel: Path, pin: Pin, wanted: dict[str, set[str]]) -> dict[str, Any]:
    """The provider's config and the wanted resource and data source types (None for a
    type this release does not have)."""
    assembly, scripts = _assembly(wheel)
    reader = _Reader(assembly, scripts)
    found: dict[str, dict[str, str]] = {"resources": {}, "data_sources": {}}
    provider_class = None
    for fqn, spec in reader.types.items():
        if spec.get("kind") != "class":
            continue
        match = REPRESENTS.search(spec.get("docs", {}).get("summary", ""))
        if not match or match.group(1) != pin.provider:
            continue
        if match.group(2) != pin.version:
            raise RuntimeError(f"{pin.wheel} documents {pin.provider} {match.group(2)}")
        if match.group(3) is None:
            provider_class = fqn
        else:
            kind = "resources" if match.group(3) == "resources" else "data_sources"
            found[kind][match.group(4)] = fqn
    if provider_class is None:
        raise RuntimeError(f"{pin.wheel}: no provider class")
    out: dict[str, Any] = {
        "source": {"dist": pin.dist, "version": pin.dist_version, "sha256": pin.sha256},
        "provider": reader.block(reader.config_of(provider_class), None),
    }
    for kind in ("resources", "data_sources"):
        out[kind] = {
            name: (
                reader.block(reader.config_of(found[kind][name]), found[kind][name])
                if name in found[kind]
                else None
            )
            for name in sorted(wanted.get(kind, set()))
        }
    return out


def schemas(root: Path = ROOT, cache: Path = CACHE) -> dict[str, Any]:
    """The digest for the HCL under `root`: every pinned release, the types it uses.
    Each extraction is cached under `cache`, keyed by the wheel and the types."""
    used = used_types(root)
    versions: dict[str, dict[str, Any]] = {}
    for pin in PINS:
        wanted = used.get(pin.provider)
        if wanted is None:
            continue
        key = hashlib.sha256(
            json.dumps([FORMAT, pin.sha256, {k: sorted(v) for k, v in wanted.items()}]).encode()
        ).hexdigest()[:16]
        cached = cache / f"{pin.provider}-{pin.version}-{key}.json"
        if cached.exists():
            extracted = json.loads(cached.read_text(encoding="utf-8"))
        else:
            extracted = extract(fetch(pin, cache), pin, wanted)
            cache.mkdir(parents=True, exist_ok=True)
            cached.write_text(json.dumps(extracted), encoding="utf-8")
        versions.setdefault(pin.provider, {})[pin.version] = extracted
    return {"format": FORMAT, "generated_by": "scripts/provider_schemas.py", "providers": versions}


def render(digest: dict[str, Any]) -> str:
    return json.dumps(digest, indent=1, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    fresh = render(schemas())
    if args.check:
        current = DIGEST.read_text(encoding="utf-8") if DIGEST.exists() else ""
        if current != fresh:
            print(f"{DIGEST.relative_to(ROOT)} is stale: run python scripts/provider_schemas.py")
            return 1
        return 0
    DIGEST.write_text(fresh, encoding="utf-8")
    print(f"wrote {DIGEST.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
