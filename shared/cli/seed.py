"""`tinbao seed FILE`: write a seed file's units, officers and rosters into Firestore;
`tinbao seed --skeleton DIR [--profile P] [--anchor DATE]`: write a seed file per unit.

The file is parsed by `shared.core.seed.load_seed` (format: docs/seed-format.md) and
its units are checked against the deployment's profile (TINBAO_PROFILE), the
source of truth for the unit tree; then `shared.store.admin.write_seed`
writes it. Writing the same seed twice gives the same documents. Officers
already in Firestore but not in the seed (those who enrolled with an invite)
are left as they are and listed. Exit status 1 with every problem listed when
the seed is invalid.

`--skeleton DIR` writes no Firestore document: it makes, from the profile
(TINBAO_PROFILE, or --profile), `DIR/units.yaml` (the whole unit tree) and
`DIR/<unit id>.yaml` for every ward, the desk and the departments, each with
its place in the tree and an empty roster, for the unit to fill in with its
officers (`shared.core.seed.skeletons`). Existing files are not overwritten.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from shared.core.seed import SeedError, load_seed


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("seed", help="write units, officers and rosters to Firestore")
    parser.add_argument("file", nargs="?", help="the seed file (YAML, see docs/seed-format.md)")
    parser.add_argument("--skeleton", metavar="DIR", help="write a seed file per unit to DIR")
    parser.add_argument("--profile", help="with --skeleton: the profile (default TINBAO_PROFILE)")
    parser.add_argument(
        "--anchor",
        type=date.fromisoformat,
        default=date(2025, 7, 1),
        help="with --skeleton: the rosters' anchor date (default 2025-07-01)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if (args.file is None) == (args.skeleton is None):
        print("seed: give a seed FILE, or --skeleton DIR", file=sys.stderr)
        return 2
    if args.skeleton is not None:
        return write_skeletons(Path(args.skeleton), args.profile, args.anchor)
    return write_seed(args)


def write_skeletons(folder: Path, profile_name: str | None, anchor: date) -> int:
    from shared.core.jurisdiction import PROFILES, load_profile
    from shared.core.seed import skeletons

    if profile_name is None:
        from shared.settings import get_settings

        profile_name = get_settings().tinbao_profile
    if profile_name not in PROFILES:
        print(f"seed: unknown profile {profile_name!r} ({', '.join(PROFILES)})", file=sys.stderr)
        return 2
    files = skeletons(load_profile(profile_name), anchor)
    folder.mkdir(parents=True, exist_ok=True)
    written = kept = 0
    for name, text in files.items():
        target = folder / name
        if target.exists():
            kept += 1
            continue
        target.write_text(text, encoding="utf-8")
        written += 1
    print(
        f"Wrote {written} seed files for profile {profile_name} to {folder}"
        + (f" ({kept} already there, left unchanged)." if kept else ".")
    )
    return 0


def write_seed(args: argparse.Namespace) -> int:
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
        db = firestore_admin.connect(settings.google_cloud_project, settings.database_names())
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
