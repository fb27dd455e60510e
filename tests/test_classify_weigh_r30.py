"""`weigh` tells a message naming no category undone by a look-up of its groups among
`_NOT_DONE` (perf-30): every `not_done:` group the rules can make is there, so a message
holding none of them holds no `not_done:` group at all (`_undone` would find nothing)."""

from __future__ import annotations

from shared.core.classify import _NOT_DONE, _longer, load_rules, rules_from_file


def _not_done_groups(starts: dict) -> set[str]:  # type: ignore[type-arg]
    return {
        phrase.group
        for ones, seconds in starts.values()
        for phrases in (ones, *_longer(seconds))
        for phrase in phrases
        if phrase.group.startswith("not_done:")
    }


def test_every_not_done_group_is_known() -> None:
    for rules in (load_rules(), rules_from_file()):
        groups = _not_done_groups(rules.starts.whole())
        assert groups  # the rules do name categories undone ("chưa ai đánh ai")
        assert groups <= _NOT_DONE
