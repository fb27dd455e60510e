"""Stopping what the local stack starts: a whole process group, never just its head.

`gcloud` wraps a Java child and gunicorn forks workers: signalling only the
process we started leaves them running. Everything is started in its own
session (`start_new_session=True`), so its group id is its pid.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess


def stop_group(process: subprocess.Popen[bytes], grace: float = 10.0) -> None:
    """SIGTERM the group, wait up to `grace`, then SIGKILL whatever is left of it."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=grace)
    # Members may outlive the head (Java ignores the first signal at times).
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
