"""Cloud Function `escalate` (HTTP, private): one run of the escalation ladder.

Cloud Scheduler calls it every minute with an OIDC token (only the scheduler's
service account may invoke it). A 5xx answer marks the run failed (alerting
counts those); overlapping or retried runs are safe because every step is taken
under a transaction that re-checks the tip.
"""

import sys
from pathlib import Path

# The functions framework puts only this file's folder on sys.path; the
# deployed archive (and a checkout) holds the `shared` package two levels up.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import functions_framework
from flask import Request

from shared.bootstrap import get_escalator


@functions_framework.http
def escalate(request: Request) -> tuple[dict, int]:
    return get_escalator().handle(request.method)
