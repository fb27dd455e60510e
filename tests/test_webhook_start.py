"""What the webhook's instance does while it starts: the functions framework loading
`functions/webhook/main.py` in a fresh interpreter, as Cloud Run starts it (no
setting, no emulator). How long it takes is measured in bench/, not here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def loaded(report: str) -> str:
    """What `report` (Python, run after the framework loaded the webhook) prints."""
    code = (
        "import gc, functions_framework\n"
        "collections = []\n"
        "gc.callbacks.append(lambda phase, info: phase == 'start' and collections.append(1))\n"
        "functions_framework.create_app(target='zalo_webhook', "
        "source='functions/webhook/main.py')\n"
        f"{report}\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def test_loading_runs_no_collection_and_freezes_what_it_loaded_for_the_worker() -> None:
    # bench/README.md, round 10: with the collector on, it walked the objects loading
    # makes, none of them garbage, over and over (≈ 65 ms of CPU of a cold start).
    report = "print(len(collections), gc.isenabled(), gc.get_freeze_count() > 50_000)"
    assert loaded(report) == "0 True True"


def test_loading_leaves_out_what_only_the_router_and_the_escalator_use() -> None:
    # The line's store interface and its eleven records (≈ 10 ms of a cold start), the
    # ladder and the delivery it reads (a tip's transitions import them when they move
    # it, ≈ 9 ms); the tip's typed view and transitions (the webhook uses its statuses
    # and summary entries alone, ≈ 11 ms) and the forgiving reading of an officer's
    # message (round 15); the clocks that move, for tests and the local stack (round 17).
    unused = (
        "shared.store.ports.line",
        "shared.core.ladder",
        "shared.core.delivery",
        "shared.core.tip",
        "shared.core.officer_reading",
        "shared.moving_clocks",
    )
    report = f"import sys; print(sorted(set({unused!r}) & set(sys.modules)))"
    assert loaded(report) == "[]"


def test_loading_needs_no_settings_library() -> None:
    # Settings are a plain pydantic model read from the environment (shared/settings.py);
    # pydantic-settings cost ≈ 15-20 ms of a cold start (bench/README.md, round 10).
    report = "import sys; print([m for m in sys.modules if m.startswith('pydantic_settings')])"
    assert loaded(report) == "[]"


def test_loading_does_not_look_for_pydantic_plugins() -> None:
    # Pydantic scans every installed distribution's entry points for plugins when it
    # builds its first validator unless told there are none (≈ 3 ms, round 15).
    report = "import pydantic.plugin._loader as loader; print(loader._plugins)"
    assert loaded(report) == "None"


def test_loading_hashes_no_prebuilt_file() -> None:
    # The prebuilt rules and model are checked against their sources' digest before a
    # deploy (scripts/compile_data.py --check, tests/test_prebuilt.py, Terraform's
    # package step); at start only their sizes (≈ 3.5 ms of CPU less, round 17).
    code = (
        "import functions_framework\n"
        "from shared.core import prebuilt\n"
        "def refuse(sources): raise AssertionError('hashed at start')\n"
        "prebuilt.digest = refuse\n"
        "functions_framework.create_app(target='zalo_webhook', "
        "source='functions/webhook/main.py')\n"
        "print(prebuilt.fallbacks())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "{}"


def test_the_webhooks_models_are_made_from_evaluated_annotations() -> None:
    # As strings (`from __future__ import annotations`), pydantic compiled and evaluated
    # each annotation of these models at start (≈ 10M instructions, round 17).
    modules = (
        "shared.zalo.events",
        "shared.settings",
        "shared.core.events",
        "shared.store.intake_documents",
        "shared.store.summary_documents",
    )
    report = (
        f"import sys; print([m for m in {modules!r} if hasattr(sys.modules[m], 'annotations')])"
    )
    assert loaded(report) == "[]"
