"""How a resolution is scored against a labelled case (tests/fixtures/locate_hcm.jsonl).

A label is either a ward (`{"ward": code}`) or an abstention (`{"ward": null,
"candidates": [...], "outside"?: true, "no_candidates"?: true}`). Outcomes:
- right: the labelled ward; or, for an abstention, no ward with every labelled
  candidate among the resolver's (none at all when `no_candidates`), and
  `outside` when labelled so;
- abstained: a labelled ward, no ward given, the labelled ward among the candidates;
- wrong: a ward other than the labelled one, or any ward where the label abstains;
- missed: everything else (no ward, and the candidates miss the labelled ones).
"""

from __future__ import annotations

from typing import Any

RIGHT, ABSTAINED, WRONG, MISSED = "right", "abstained", "wrong", "missed"


def score(result: dict[str, Any], expect: dict[str, Any]) -> str:
    ward, candidates = result.get("ward_code"), list(result.get("candidates") or ())
    if expect.get("ward") is not None:
        if ward == expect["ward"]:
            return RIGHT
        if ward is not None:
            return WRONG
        return ABSTAINED if expect["ward"] in candidates else MISSED
    if ward is not None:
        return WRONG
    if expect.get("outside") and not result.get("outside"):
        return MISSED
    if expect.get("no_candidates") and candidates:
        return MISSED
    return RIGHT if set(expect.get("candidates", ())) <= set(candidates) else MISSED
