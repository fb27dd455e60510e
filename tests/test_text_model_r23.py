"""Round 23: the round's dev set teaches the learned second opinion nothing and no held-out
measure reads it (tests/understanding.py `KEPT_OUT`, `UNTRAINED_MESSAGES`)."""

from __future__ import annotations

from tests.scripts import load_script
from tests.understanding import HEADS_TAUGHT, KEPT_OUT, UNTRAINED_MESSAGES


def test_the_dev_set_teaches_nothing_and_no_measure_reads_it() -> None:
    files = load_script("train_text_model").training_files()
    for name in KEPT_OUT:
        assert name in UNTRAINED_MESSAGES and name not in HEADS_TAUGHT
        assert not any(f"_{name}." in f for f in files)
        assert name not in load_script("heldout_message_sets").SETS
        assert name not in load_script("heldout_heads_sweep").SETS


def test_the_untaught_sets_other_than_the_dev_set_are_measured() -> None:
    # the near miss: an untaught set that is not the dev set is left out in turn
    measured = load_script("heldout_heads_sweep").SETS
    assert "tuning41" in measured and "tuning14" in measured
    assert set(measured) == set(UNTRAINED_MESSAGES) - set(KEPT_OUT)
