"""Reference codes citizens quote and read out on the phone: `TB-7K2Q9`.

Random (not sequential: a code reveals nothing about the line's volume) over an
alphabet without look-alikes (no 0/O, 1/I/L). 31^5 ≈ 28.6 million codes; the
adapter checks for a collision inside the intake transaction.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
PREFIX = "TB-"
LENGTH = 5
PATTERN = re.compile(rf"^TB-[{ALPHABET}]{{{LENGTH}}}$")


def new_code(choice: Callable[[str], str] = secrets.choice) -> str:
    return PREFIX + "".join(choice(ALPHABET) for _ in range(LENGTH))


def question_code(message_key: str) -> str:
    """`HD-7K2Q9`-like code for a question handed to the desk: derived from the message, so
    a redelivered message names the same question item."""
    digest = hashlib.sha256(message_key.encode()).digest()
    return "HD-" + "".join(ALPHABET[b % len(ALPHABET)] for b in digest[:LENGTH])


def is_code(value: str) -> bool:
    return bool(PATTERN.match(value))
