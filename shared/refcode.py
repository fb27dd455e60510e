"""Reference codes citizens quote and read out on the phone: `TB-7K2Q9`.

Random (not sequential: a code reveals nothing about the line's volume) over an
alphabet without look-alikes (no 0/O, 1/I/L). 31^5 ≈ 28.6 million codes; the
adapter checks for a collision inside the intake transaction.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
PREFIX = "TB-"
LENGTH = 5
PATTERN = re.compile(rf"^TB-[{ALPHABET}]{{{LENGTH}}}$")


def new_code(choice: Callable[[str], str] = secrets.choice) -> str:
    return PREFIX + "".join(choice(ALPHABET) for _ in range(LENGTH))


def is_code(value: str) -> bool:
    return bool(PATTERN.match(value))
