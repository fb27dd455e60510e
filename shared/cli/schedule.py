"""`tinbao schedule migrate`: move the `due` documents older releases wrote (a
ladder's entry, a grouped update) onto their tips, where the escalator finds them
since issue 18's round 11 (its run reads no `due` collection). Run it once after
the router and the escalator of that release are deployed everywhere
(docs/OPERATIONS.md); it is safe to run again, and while the line runs.
"""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("schedule", help="the escalator's schedule")
    commands = parser.add_subparsers(dest="schedule_command", required=True)
    migrate = commands.add_parser(
        "migrate", help="move the due documents older releases left onto their tips"
    )
    migrate.set_defaults(handler=migrate_due)


def migrate_due(args: argparse.Namespace) -> int:
    from shared.settings import get_settings
    from shared.store import admin

    settings = get_settings()
    db = admin.connect(settings.google_cloud_project, settings.database_names())
    moved = admin.move_due_documents(db)
    print(
        f"Moved onto their tips: {moved.ladders} ladder entries, {moved.updates} grouped "
        f"updates; {moved.dropped} removed (their tip is gone)."
    )
    if moved.left:
        print("Left as they are (a kind this does not know): " + ", ".join(moved.left))
    return 0
