"""Reading the packaged YAML data files: libyaml's C loader when present.

The pure-Python loader takes about ten times as long, and the classifier's and
the other rule files are read on a function's first request (its cold start).
"""

from __future__ import annotations

from typing import IO, Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(source: str | IO[str]) -> Any:
    return yaml.load(source, Loader=_LOADER)
