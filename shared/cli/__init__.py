"""The `tinbao` console command.

Each subcommand lives in its own module of this package and exposes
`register(subparsers)`; the module list below is the whole command surface.
Modules are imported only when the command runs, never by the functions.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

SUBCOMMANDS = ("locate", "classify", "ask", "seed", "officer", "report", "zalo", "schedule")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tinbao", description="Tinbao tip line tools")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in SUBCOMMANDS:
        try:
            module = importlib.import_module(f"shared.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"shared.cli.{name}":
                raise
            continue  # that subcommand has not been built in this checkout
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    result = args.handler(args)
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
