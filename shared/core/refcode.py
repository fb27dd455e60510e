"""Codes citizens and officers quote and read out on the phone: tips `TB-7K2Q9X`,
hand-offs to the desk `HD-7K2Q9X` (officers' invites: `shared.store.admin`).

Random (not sequential: a code reveals nothing about the line's volume) over an
alphabet without look-alikes (no 0/O, 1/I/L). A code is unique because the
store creates its document with a create-if-absent in the same commit (intake's
tip) or transaction (a hand-off's question) that uses it, and draws again when
the code is taken, up to `CODE_ATTEMPTS` times: two citizens never share one.

How long, for a decade of traffic. 31 symbols, 6 characters: 31^6 =
887,503,681 codes. Tân Phú's line had 216,798 procedure messages and 1,230
useful tips in its first year (docs/zalo-contract.md); count generously every
message that opens a tip, 50,000 a year, and a hand-off for one question in ten,
22,000 a year, then ten times that for a bigger line: over ten years
5,000,000 tip codes and 2,200,000 hand-off codes, as if none ever expired
(tips expire after `TINBAO_RETENTION_DAYS`, questions never do).
- A fresh draw then meets a taken code with odds 5.0e6 / 8.9e8 = 0.56 %:
  one intake in 180 draws twice; all `CODE_ATTEMPTS` = 8 draws taken:
  0.0056^8 ≈ 1e-18. With 5 characters (28,629,151 codes) it would be 17 %
  of draws, and a mistyped code would name another live tip as often.
- Without the check, half the time two codes would have collided after
  1.18 × √M draws: 35,000 codes at 6 characters, 6,300 at 5 (what happened
  to the hand-offs' hashed codes). The check is what makes codes unique; the
  length keeps retries rare and a mistyped code unlikely to be someone else's.
Codes issued with 5 characters stay valid (`SHORTEST`) while they live.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
PREFIX = "TB-"
QUESTION_PREFIX = "HD-"
LENGTH = 6  # new codes
SHORTEST = 5  # codes issued before 6 became the length, still quoted by people
CODE_ATTEMPTS = 8  # draws before the store gives up (see the arithmetic above)
BODY = rf"[{ALPHABET}]{{{SHORTEST},{LENGTH}}}"
PATTERN = re.compile(rf"^TB-{BODY}$")
QUESTION_PATTERN = re.compile(rf"^HD-{BODY}$")
# A tip's code inside a text (an acknowledgement, an alert).
IN_TEXT = re.compile(rf"\bTB-{BODY}\b")


def new_code(choice: Callable[[str], str] = secrets.choice) -> str:
    """A tip's code, `TB-` and `LENGTH` random characters."""
    return PREFIX + "".join(choice(ALPHABET) for _ in range(LENGTH))


def new_question_code(choice: Callable[[str], str] = secrets.choice) -> str:
    """A hand-off's code, `HD-` and `LENGTH` random characters."""
    return QUESTION_PREFIX + "".join(choice(ALPHABET) for _ in range(LENGTH))


def is_code(value: str) -> bool:
    return bool(PATTERN.match(value))


def is_question_code(value: str) -> bool:
    return bool(QUESTION_PATTERN.match(value))


# A code as citizens type it: "TB-K5N9CX", "tb-k5n9cx", "TBK5N9CX", "tb k5n9cx" (a
# space only before a group with a digit: "tb nhanh" is words, not a code);
# five-character codes still live (`SHORTEST`).
_IN_TEXT = re.compile(
    rf"(?<![0-9A-Z])TB(?:\s*[-_.:]\s*|\s+(?=[{ALPHABET}]*[2-9])|)({BODY})(?![0-9A-Z])",
    re.IGNORECASE,
)


def find_code(text: str) -> str | None:
    """The first tip code written in a citizen's text, as the code (`TB-K5N9CX`)."""
    upper = text.upper()
    if "TB" not in upper:  # most texts: no code, and no regular expression to run
        return None
    found = _IN_TEXT.search(upper)
    return PREFIX + found.group(1) if found else None
