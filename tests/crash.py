"""A crash injected right after a commit: a `LineStore` that dies once its n-th
write has gone through, as a function instance killed at that moment would.

`Crash` is a BaseException, so no `except Exception` in the services catches
it (a killed process runs no handler either); what was committed stays
committed, and nothing after it happens. The wrapper also records every commit
it passes, so a test can pin a flow's commit points and crash after each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# The LineStore methods that write (each is one commit: a transaction or a batch).
COMMITS = frozenset(
    {
        "change_tip",
        "claim_send",
        "finish_send",
        "hold_send",
        "mark_handled",
        "settle_sends",
        "give_up_message",
        "open_question",
        "answer_question",
        "remember_topic",
        "check_in",
        "enrol",
        "reschedule",
        "drop_due",
    }
)


# A tip's routing, as the router commits it: the route (with the first step's alert
# and the citizen's code recorded on the tip, claimed for the router in the same
# commit), then the message handled, which writes first the sends' outcomes, kept back
# on the tip until then (one write for both).
ROUTER_COMMITS = ["change_tip", "mark_handled"]
# A ladder step, as the escalator commits it: the step (with its two alerts
# recorded on the tip, claimed for the escalator), then both alerts' outcomes, in one
# write (`settle_sends`).
ESCALATOR_COMMITS = ["change_tip", "settle_sends"]


def commit_ids(commits: list[str]) -> list[str]:
    """Test ids for crashing after each of `commits`: "3-finish_send"."""
    return [f"{n}-{name}" for n, name in enumerate(commits, 1)]


class Crash(BaseException):
    """The process died right after a commit."""


class CrashingStore:
    """Wraps a LineStore; `arm(n)` makes it die right after its n-th commit from now."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.commits: list[str] = []
        self._crash_at: int | None = None

    def arm(self, after: int | None) -> None:
        """Die after the `after`-th commit from now (1-based); None: never."""
        self.commits = []
        self._crash_at = after

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self.inner, name)
        if name not in COMMITS or not callable(attr):
            return attr
        return self._committing(name, attr)

    def _committing(self, name: str, method: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            result = method(*args, **kwargs)
            if not _wrote(name, result):
                return result
            self.commits.append(name)
            if self._crash_at is not None and len(self.commits) == self._crash_at:
                self._crash_at = None  # the next process is a new one
                raise Crash(f"killed after commit {len(self.commits)} ({name})")
            return result

        return call


def _wrote(name: str, result: Any) -> bool:
    """Whether the call wrote anything (a refused claim or an undecided change did not)."""
    if name == "claim_send":
        return result is not None
    if name == "change_tip":
        return result.change is not None
    if name in ("settle_sends", "finish_send"):
        return bool(result)  # a tip's send's outcome is kept back, not written
    return True
