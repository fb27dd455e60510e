"""`tinbao locate`: resolve the ward of a text and/or a location, print JSON.

One lookup: `tinbao locate [--profile P] [--lat X --lng Y] [--oa ID] [TEXT]`.
Many: `tinbao locate --jsonl FILE` (FILE "-" is stdin), one object a line with
`id`, `text`, optional `lat`, `lng`, `oa`; one result a line with its `id`.
`--oa-map FILE` gives the deployment's OA ids as JSON {unit id: [OA id]}.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from shared.core.jurisdiction import DEFAULT_PROFILE, PROFILES, Profile, load_profile
from shared.core.resolve import resolve


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("locate", help="resolve the ward of a tip")
    parser.add_argument("text", nargs="?", default="", help="the tip's text")
    parser.add_argument("--profile", choices=PROFILES, default=DEFAULT_PROFILE)
    parser.add_argument("--lat", help="latitude (decimal, as Zalo sends it)")
    parser.add_argument("--lng", help="longitude")
    parser.add_argument("--oa", help="the OA id the citizen wrote to")
    parser.add_argument("--oa-map", help="JSON file {unit id: [OA id]}")
    parser.add_argument("--jsonl", help="file of cases, one JSON object a line ('-': stdin)")
    parser.set_defaults(handler=run)


def _locate(profile: Profile, text: str, lat: Any, lng: Any, oa: str | None) -> dict[str, Any]:
    location = (lat, lng) if lat is not None and lng is not None else None
    return resolve(text or "", location, oa, profile).as_dict()


def run(args: argparse.Namespace) -> int:
    profile = load_profile(args.profile)
    if args.oa_map:
        with open(args.oa_map, encoding="utf-8") as handle:
            profile = profile.with_oa_ids(json.load(handle))
    if (args.lat is None) != (args.lng is None):
        print("locate: give both --lat and --lng", file=sys.stderr)
        return 2
    if not args.jsonl:
        result = _locate(profile, args.text, args.lat, args.lng, args.oa)
        print(json.dumps(result, ensure_ascii=False))
        return 0
    source = sys.stdin if args.jsonl == "-" else open(args.jsonl, encoding="utf-8")  # noqa: SIM115
    with source:
        for line in source:
            if not line.strip():
                continue
            case = json.loads(line)
            result = _locate(
                profile, case.get("text", ""), case.get("lat"), case.get("lng"), case.get("oa")
            )
            print(json.dumps({"id": case.get("id"), **result}, ensure_ascii=False))
    return 0
