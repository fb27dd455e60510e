"""Reading the packaged YAML data files, and saying where a file is wrong.

Every data file (seed, policy, classifier rules, assistant topics) is parsed
here, validated by its module's pydantic models, and rejected with every
problem at once as 'path: message' lines (``ladders.default.urgent.steps[1]:
...``), so a file is fixed in one pass.

libyaml's C loader is used when present: the pure-Python loader takes about ten
times as long, and the classifier's and the other rule files are read on a
function's first request (its cold start). Pydantic is not imported here: the
callers import it when they load, never when they are imported.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any

import yaml


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Refuses a key said twice in one mapping: YAML would keep the last silently, so an
    officer listed twice in a seed, or a ward twice in a policy, would lose the first."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[str] = set()
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                if key.value in seen:
                    raise yaml.constructor.ConstructorError(
                        "while constructing a mapping",
                        node.start_mark,
                        f"found the key {key.value!r} twice",
                        key.start_mark,
                    )
                seen.add(key.value)
        return super().construct_mapping(node, deep)  # type: ignore[no-any-return]


_LOADER = _Loader


class DataFileError(ValueError):
    """A data file is invalid; ``problems`` lists every 'path: message' line."""

    def __init__(self, what: str, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"invalid {what}:\n" + "\n".join(f"  {p}" for p in problems))


def load(source: str | IO[str]) -> Any:
    return yaml.load(source, Loader=_LOADER)


def path_of(loc: Iterable[int | str]) -> str:
    """``('ladders', 'default', 'steps', 1)`` as ``ladders.default.steps[1]``."""
    out = ""
    for part in loc:
        if part == "[key]":  # pydantic's marker for a bad mapping key: the key is the place
            continue
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top)"


def _message(error: Mapping[str, Any]) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    loc: Sequence[int | str] = error["loc"]
    if kind == "missing":
        return "missing"
    if kind in ("dict_type", "model_type"):
        return "expected a mapping"
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "literal_error" and loc and loc[-1] == "[key]":
        return f"unknown key (expected {ctx.get('expected')})"
    if kind == "literal_error":
        names = [p for p in loc if isinstance(p, str)]
        return f"{names[-1] if names else 'value'} must be one of {ctx.get('expected')}"
    if kind == "value_error" and "error" in ctx:
        return str(ctx["error"])
    return str(error["msg"])


def problems_of(errors: Iterable[Mapping[str, Any]], prefix: str = "") -> list[str]:
    """pydantic's ``ValidationError.errors()`` as 'path: message' lines."""
    return [f"{prefix}{path_of(e['loc'])}: {_message(e)}" for e in errors]
