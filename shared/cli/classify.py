"""`tinbao classify`: classify a citizen message, print JSON.

One message: `tinbao classify [TEXT]` (no TEXT: the message is read from stdin).
Many: `tinbao classify --jsonl FILE` (FILE "-" is stdin), one object a line with
`id` and `text`; one result a line with its `id`. Each result holds `kind`,
`category`, `severity`, `topic`, `subtopic`, `reasons` and `spam`.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from shared.core.classify import classify


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("classify", help="classify a citizen message")
    parser.add_argument("text", nargs="?", help="the message (default: read stdin)")
    parser.add_argument("--jsonl", help="file of messages, one JSON object a line ('-': stdin)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not args.jsonl:
        text = args.text if args.text is not None else sys.stdin.read()
        print(json.dumps(classify(text).as_dict(), ensure_ascii=False))
        return 0
    source = sys.stdin if args.jsonl == "-" else open(args.jsonl, encoding="utf-8")  # noqa: SIM115
    with source:
        for number, line in enumerate(source, 1):
            if not line.strip():
                continue
            try:
                case = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"classify: line {number}: {exc}", file=sys.stderr)
                return 2
            result = classify(str(case.get("text") or ""))
            print(json.dumps({"id": case.get("id"), **result.as_dict()}, ensure_ascii=False))
    return 0
