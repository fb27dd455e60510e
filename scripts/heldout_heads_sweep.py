"""Which heads should the untaught message sets teach, and from which thresholds?

    .venv/bin/python scripts/heldout_heads_sweep.py      # needs requirements-train.txt
    .venv/bin/python scripts/heldout_heads_sweep.py --raise-from=0.45,0.5 --spam-from=0.85,0.9
    .venv/bin/python scripts/heldout_heads_sweep.py --training-only --choices=none,severity

scripts/heldout_message_sets.py for every choice at once: each message set not taught
(tests/understanding.py `UNTRAINED_MESSAGES`, the dev set `KEPT_OUT` never among them)
is left out in turn, the model trained on the others as the shipped one is, and the
line reads the set left out, for each choice of heads taught (category, urgency, ads:
each taught or not; the kind head is never taught, so the words and the kind head are the
shipped model's in every fold and are fitted once) and of the thresholds `raise_from`
(urgency), `lower_below` and `spam_from` (ads). The heads a choice does not teach are
fitted once, as the shipped model's. Printed: each choice summed over the sets left out
(`Tally.line`), "none taught" at the shipped thresholds being today's model.
`--training-only` reads the training-only sets instead (scripts/heldout_opinion.py),
each left out in turn, every untaught set taught beside it as a choice says, and the
rules alone beside them. Round 23 wrote it (round 22's script was lost).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from itertools import product
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shared.core import classify as rules_module  # noqa: E402
from shared.core.classify import Classification, by_rules  # noqa: E402
from shared.core.text_model import Opinion  # noqa: E402
from tests.scripts import load_script  # noqa: E402
from tests.understanding import HEADS_TAUGHT, KEPT_OUT, UNTRAINED_MESSAGES, cases  # noqa: E402

TAUGHT_HEADS = ("category", "severity", "spam")  # the heads a choice may teach
SETS = tuple(s for s in UNTRAINED_MESSAGES if s not in KEPT_OUT)


def _floats(argv: list[str], flag: str, default: tuple[float, ...]) -> tuple[float, ...]:
    given = [a.removeprefix(flag).split(",") for a in argv if a.startswith(flag)]
    return tuple(map(float, given[-1])) if given else default


@dataclass(frozen=True)
class _Reader:
    """The line's `Reader` over probabilities computed once per message and head."""

    probabilities: Callable[[tuple[str, ...], str], Any]  # (words, head) -> the head's proba
    classes: dict[str, list[str]]
    min_words: int

    def _best(self, words: tuple[str, ...], head: str) -> tuple[str, float]:
        p = self.probabilities(words, head)
        return self.classes[head][int(p.argmax())], float(p.max())

    def opinion(self, words: tuple[str, ...]) -> Opinion:
        spam_p = float(self.probabilities(words, "spam")[1])
        return Opinion(*self._best(words, "kind"), *self._best(words, "category"), spam_p)

    def tip_reading(self, words: tuple[str, ...]) -> tuple[Opinion, float]:
        spam_p = float(self.probabilities(words, "spam")[1])
        urgent_p = float(self.probabilities(words, "severity")[1])
        return Opinion(None, 0.0, *self._best(words, "category"), spam_p), urgent_p


def _choices(argv: list[str]) -> list[tuple[bool, ...]]:
    """`--choices=category+severity,none`: the choices read (every one when not given)."""
    given = [a.removeprefix("--choices=").split(",") for a in argv if a.startswith("--choices=")]
    if not given:
        return list(product((False, True), repeat=len(TAUGHT_HEADS)))
    return [tuple(h in c.split("+") for h in TAUGHT_HEADS) for c in given[-1]]


def main(argv: list[str]) -> None:
    raise_from = _floats(argv, "--raise-from=", (0.45, 0.5, 0.55))
    lower_below = _floats(argv, "--lower-below=", (0.12,))
    spam_from = _floats(argv, "--spam-from=", (0.85, 0.9))
    choices = _choices(argv)
    training_only = "--training-only" in argv
    heldout = load_script("heldout_opinion")
    tally_of = load_script("heldout_message_sets").tally
    trainer = heldout._trainer()
    shipped = rules_module.load_model()
    for name in SETS:
        HEADS_TAUGHT[name] = TAUGHT_HEADS  # every head a choice may teach; kind never
    fitted: dict[str, Any] = {}

    def fit(head: str, pairs: list[tuple[str, str]]) -> Any:
        return trainer.fit(head, fitted["words"], pairs)

    def heads_of(files: list[str], which: tuple[str, ...]) -> dict[str, Any]:
        named = dict(zip(("kind", *TAUGHT_HEADS), trainer.examples(files), strict=True))
        return {head: fit(head, named[head]) for head in which}

    @cache
    def read(text: str) -> Any:
        return rules_module._read(text)

    needed = tuple(h for i, h in enumerate(TAUGHT_HEADS) if any(c[i] for c in choices))
    thresholds = {
        (raise_, lower, spam): replace(
            shipped, raise_from=raise_, lower_below=lower, spam_from=spam
        )
        for raise_, lower, spam in product(raise_from, lower_below, spam_from)
    }
    sums: dict[tuple[Any, ...], Any] = {}
    # the training-only sets (scripts/heldout_opinion.py), each left out in turn with every
    # untaught set taught beside it; else each untaught set left out in turn
    for name in heldout.HELD_OUT if training_only else SETS:
        kept = [f for f in trainer.training_files(shipped=False) if f"_{name}." not in f]
        taught = [f"messages_{s}.jsonl" for s in SETS if s != name]
        if training_only or not fitted:  # the words and untaught heads: kind is never taught
            kinds = trainer.examples(kept)[0]
            fitted["words"] = trainer.vectoriser().fit([t for t, _ in kinds])
            fitted |= heads_of(kept, ("kind", *TAUGHT_HEADS))
            rows = cache(fitted["words"].transform)
        untaught = {h: fitted[h] for h in ("kind", *TAUGHT_HEADS)}
        classes = {head: [str(c) for c in model.classes_] for head, model in untaught.items()}
        learned = heads_of(kept + taught, needed)
        items = cases(f"messages_{name}.jsonl")
        if training_only:
            found = tally_of(items, by_rules)
            sums[("rules",)] = found if ("rules",) not in sums else sums[("rules",)] + found
        for choice in choices:
            heads = dict(untaught)
            heads |= {h: learned[h] for h, on in zip(TAUGHT_HEADS, choice, strict=True) if on}
            probabilities = cache(
                lambda w, h, heads=heads, rows=rows: heads[h].predict_proba(rows((w,)))[0]
            )
            reader = _Reader(probabilities, classes, shipped.min_words)
            for (raise_, lower, spam), model in thresholds.items():
                rules_module.load_model = lambda model=model: model  # type: ignore[assignment]

                def decide(text: str, reader: _Reader = reader) -> Classification:
                    got = read(text)
                    return by_rules(text) if got is None else rules_module.weigh(*got, reader)

                found = tally_of(items, decide)
                key = (choice, raise_, lower, spam)
                sums[key] = found if key not in sums else sums[key] + found
        print(f"{name} done", file=sys.stderr, flush=True)
        _show(sums, f"after {name}: ")  # so far: a long run stopped still tells


def _show(sums: dict[tuple[Any, ...], Any], prefix: str) -> None:
    for key, total in sums.items():
        if key == ("rules",):
            print(f"{prefix}{'rules alone':53}  {total.line()}")
            continue
        choice, raise_, lower, spam = key
        named = "+".join(h for h, on in zip(TAUGHT_HEADS, choice, strict=True) if on) or "none"
        label = f"{named:21} raise {raise_:.2f} lower {lower:.2f} spam {spam:.2f}"
        print(f"{prefix}{label}  {total.line()}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
