"""Whether a citizen's message is a complaint about the police ("công an phường X không
làm gì hết") rather than a tip: such a message goes to the desk and the unit above,
never to the ward it names (`shared/core/routing.py`), and the learned model never
makes a tip of it (`shared/core/classify.py`). Both read the words of
`shared/data/conversation.yaml` through this one rule.

A complaint phrase counts with the police named in the same clause: "tụi nó tới đòi
tiền, nhờ công an giúp" reports extortion. Saying a complaint is filed or wanted
("tôi muốn khiếu nại") counts with the police named anywhere in the message.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from shared.core.aliases import Aliases
from shared.core.text import clauses, fold, words

Phrases = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class PoliceComplaint:
    """The words of a complaint about the police (conversation.yaml), read with the rules."""

    aliases: Aliases
    conduct: Phrases  # how officers behaved, or that nobody came
    filed: Phrases  # a complaint filed or wanted
    police: Phrases  # words naming the police, aliases swapped

    @classmethod
    def from_file(cls, raw: Mapping[str, Sequence[str] | object]) -> PoliceComplaint:
        """From conversation.yaml's mapping (validated there; read raw by the classifier,
        which cannot import the conversation module)."""

        def listed(key: str) -> list[str]:
            value = raw.get(key) or []
            return [str(v) for v in value] if isinstance(value, list) else []

        aliases_raw = raw.get("aliases") or {}
        aliases = Aliases.from_file(
            aliases_raw if isinstance(aliases_raw, Mapping) else {}, listed("not_aliased")
        )
        return cls(
            aliases,
            _phrases(listed("complaint") + listed("nobody_came")),
            _phrases(listed("filed")),
            tuple(aliases.folded(p) for p in listed("police")),
        )

    def said_in(self, text: str) -> bool:
        parts = [self.aliases.folded(clause) for clause in clauses(text)]
        if any(_said(self.conduct, ws) and _said(self.police, ws) for ws in parts):
            return True
        return _said_any(self.filed, parts) and _said_any(self.police, parts)


def _phrases(phrases: Iterable[str]) -> Phrases:
    return tuple(tuple(words(fold(p))) for p in phrases)


def _said(phrases: Phrases, ws: tuple[str, ...]) -> bool:
    return any(ws[i : i + len(p)] == p for p in phrases for i in range(len(ws) - len(p) + 1))


def _said_any(phrases: Phrases, parts: list[tuple[str, ...]]) -> bool:
    return any(_said(phrases, ws) for ws in parts)
