"""`tinbao seed FILE`: write a seed file's units, officers and rosters into Firestore.

The file is parsed by `shared.core.seed.load_seed` (format: docs/seed-format.md) and
its units are checked against the deployment's profile (TINBAO_PROFILE), the
source of truth for the unit tree; then `shared.store.admin.write_seed`
writes it. Writing the same seed twice gives the same documents. Officers
already in Firestore but not in the seed (those who enrolled with an invite)
are left as they are and listed. Exit status 1 with every problem listed when
the seed is invalid.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from shared.core.seed import SeedError, load_seed


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("seed", help="write units, officers and rosters to Firestore")
    parser.add_argument("file", help="the seed file (YAML, see docs/seed-format.md)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from shared.core.jurisdiction import load_profile
    from shared.settings import get_settings
    from shared.store import admin as firestore_admin

    settings = get_settings()
    try:
        with open(args.file, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as exc:
        print(f"seed: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 1
    profile = load_profile(settings.tinbao_profile)
    try:
        seed = load_seed(text)
        db = firestore_admin.connect(settings.google_cloud_project)
        summary = firestore_admin.write_seed(db, seed, profile)
    except SeedError as exc:
        print(f"seed: {args.file} was not written:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(
        f"Seeded {summary.units} units, {summary.officers} officers and {summary.rosters} "
        f"rosters (profile {profile.name}, project {settings.google_cloud_project})."
    )
    if summary.pre_enrolled:
        print(f"Pre-enrolled from the seed (local stack only): {summary.pre_enrolled} officers.")
    if summary.enrolments_kept:
        print(f"Zalo enrolments kept: {summary.enrolments_kept} officers.")
    if summary.officers_not_in_seed:
        print(
            "Officers not in the seed, left unchanged: " + ", ".join(summary.officers_not_in_seed)
        )
    if summary.rosters_not_in_seed:
        print("Rosters not in the seed, left unchanged: " + ", ".join(summary.rosters_not_in_seed))
    return 0
