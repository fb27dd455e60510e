"""Would teaching the message tuning sets make the line better on text it has not seen?

    .venv/bin/python scripts/heldout_message_sets.py     # needs requirements-train.txt
    .venv/bin/python scripts/heldout_message_sets.py --heads=kind,category,spam

Each message set not taught to the learned second opinion (tests/understanding.py
`UNTRAINED_MESSAGES` but the dev set `KEPT_OUT`, written by people who had not seen
the rules) is left out in
turn: the model is trained as the shipped one is, plus the other untaught sets
(scripts/heldout_opinion.py's machinery), and the line (rules + that model, with the
thresholds of today's model file) reads the set left out. Beside it, the line with
today's model, which was trained on none of them. The rules were worked on against
these sets, so both read them with rules fitted to them: the difference is the
model's alone. Printed per set and summed: kind, category, urgency, calm tips rated
urgent, people in danger rated normal, ads recognised, tips lost to chat and to ads.
`--heads=` teaches the sets those heads only (tests/understanding.py `HEADS_TAUGHT`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shared.core.classify import Classification, classify  # noqa: E402
from tests.scripts import load_script  # noqa: E402
from tests.understanding import KEPT_OUT, UNTRAINED_MESSAGES, cases, score_messages  # noqa: E402

# the round's dev set is neither taught nor read here: its counts alone are shown, once
SETS = tuple(s for s in UNTRAINED_MESSAGES if s not in KEPT_OUT)


@dataclass(frozen=True)
class Tally:
    """What the line made of one set: the counts summed over sets."""

    messages: int
    kind: int
    tips: int
    category: int
    urgency: int
    calm_urgent: int
    danger_normal: int
    ads: int
    ads_recognised: int
    tips_to_chat: int
    tips_to_ads: int

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            *(a + b for a, b in zip(vars(self).values(), vars(other).values(), strict=True))
        )

    def line(self) -> str:
        return (
            f"kind {self.kind / self.messages:.1%} ({self.kind}/{self.messages}), "
            f"category {self.category / self.tips:.1%} ({self.category}/{self.tips}), "
            f"urgency {self.urgency / self.tips:.1%} ({self.urgency}/{self.tips}), "
            f"calm urgent {self.calm_urgent}, danger normal {self.danger_normal}, "
            f"ads {self.ads_recognised}/{self.ads}, "
            f"tips lost to chat {self.tips_to_chat}, to ads {self.tips_to_ads}"
        )


def tally(items: list[dict[str, Any]], decide: Callable[[str], Classification]) -> Tally:
    score = score_messages(items, decide)
    lost = [decide(c["text"]) for c in items if c["expect"]["kind"] == "tip"]
    return Tally(
        score.total,
        score.kind_right,
        score.tips,
        score.category_right,
        score.severity_right,
        len(score.false_alarms),
        len(score.danger_missed),
        score.spam,
        score.spam_right,
        sum(1 for got in lost if got.kind == "other" and not got.spam),
        sum(1 for got in lost if got.spam),
    )


def main() -> None:
    heldout = load_script("heldout_opinion")
    heldout.taught_sets([*sys.argv[1:], *SETS])
    trainer = heldout._trainer()
    today: list[Tally] = []
    taught: list[Tally] = []
    for name in SETS:
        items = cases(f"messages_{name}.jsonl")
        others = tuple(s for s in SETS if s != name)
        vectoriser, heads = heldout.heads_of(trainer, heldout.files(trainer, others))
        today.append(tally(items, classify))
        taught.append(tally(items, heldout.with_opinion_of(vectoriser, heads)))
        print(f"{name:9} today's model     {today[-1].line()}", flush=True)
        print(f"{name:9} taught the others {taught[-1].line()}", flush=True)
    for label, tallies in (("today's model    ", today), ("taught the others", taught)):
        for total in tallies[:1]:  # none when every message set is taught
            for more in tallies[1:]:
                total += more
            print(f"all       {label} {total.line()}")


if __name__ == "__main__":
    main()
