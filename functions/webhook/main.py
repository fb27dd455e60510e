"""Cloud Function `zalo_webhook` (HTTP, public): Zalo's webhook.

Zalo POSTs each OA event here and expects HTTP 200 within 2 seconds; it retries
(after 30 s, 5 min, 15 min, 30 min, 1 h) when the call fails. This function
verifies the signature, stores the message and publishes it; it answers 503
only when Firestore failed, which is exactly when a retry is wanted.
"""

import gc
import os
import sys
from pathlib import Path

# The functions framework puts only this file's folder on sys.path; the
# deployed archive (and a checkout) holds the `shared` package two levels up.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

# Loading makes ~130,000 objects that live as long as the instance (modules, the
# Google clients' descriptors, pydantic's validators, the classifier's rules) and
# almost no garbage (a few hundred): with the collector on, it walks them again
# and again while they load (≈ 65 ms of CPU, bench/README.md, round 10). So it is
# paused while they load, and what is loaded is frozen (kept out of every later
# collection) before gunicorn forks its worker, as Python advises for a forking
# server (https://docs.python.org/3/library/gc.html#gc.freeze). Once per process:
# tests load this file many times (the first load freezes the test process's objects
# too; `gc.get_referrers` skips frozen objects, so Hypothesis warns once that it
# cannot manage trio's random generator: harmless).
gc.disable()
# Pydantic looks for plugins among every installed distribution's entry points when it
# builds its first validator (≈ 3 ms of the start, bench/README.md, round 15); tinbao
# uses none. An environment that sets the variable keeps its own value.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
try:
    import functions_framework
    from flask import Request

    from shared import start_code

    # The dataclasses' methods and the string annotations typing reads loaded compiled,
    # not compiled one by one (bench/README.md, round 23); the Google clients load
    # below, so theirs too.
    start_code.install()
    try:
        from shared.bootstrap import get_webhook, prepare_webhook

        # At start-up, not on a citizen's first message (bench/README.md, "The cold first
        # request"): needs no setting, so a missing one still fails on the first request.
        prepare_webhook()
    finally:
        start_code.uninstall()
finally:
    if not gc.get_freeze_count():
        gc.freeze()
    gc.enable()


@functions_framework.http
def zalo_webhook(request: Request) -> tuple[dict, int]:
    return get_webhook().handle(request.method, request.headers, request.stream.read)
