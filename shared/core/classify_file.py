"""The classifier's rule file (`shared/data/classify.yaml`) as written, validated.

`parse(data, vocabulary)` checks the parsed YAML against the models below and
returns them, or raises RulesError listing every problem with its place in the
file (``categories[3].phrases[2]: ...``). `shared.core.classify` imports this
module only when it first loads its rules, so neither pydantic nor these models
are paid for when the webhook imports the classifier. The format itself is
described at the top of the rule file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from shared.core import data_file
from shared.core.text import canonical

_TOKEN = re.compile(r"[^\W_]+")


class RulesError(data_file.DataFileError):
    """The rule file is invalid; ``problems`` names every offending place."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("classifier rules", problems)


def _one_of(value: str, info: ValidationInfo, vocabulary: str, name: str) -> str:
    # The names come from shared.core.classify (passed as validation context):
    # this module must not import it, or the two would import each other.
    allowed: Sequence[str] = (info.context or {})[vocabulary]
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PhrasesIn(_Strict):
    """`phrases` are matched folded (no diacritics); `exact` only as typed with them."""

    phrases: list[str] = Field(default_factory=list)
    exact: list[str] = Field(default_factory=list)


class QuestionIn(PhrasesIn):
    final: list[str] = Field(default_factory=list)
    trailing: list[str] = Field(default_factory=list)
    punctuation: list[str] = Field(default_factory=list)


class TopicRuleIn(PhrasesIn):
    topic: str
    subtopic: str | None = None

    @field_validator("topic")
    @classmethod
    def _topic(cls, value: str, info: ValidationInfo) -> str:
        return _one_of(value, info, "topics", "topic")

    @field_validator("subtopic")
    @classmethod
    def _subtopic(cls, value: str | None, info: ValidationInfo) -> str | None:
        return None if value is None else _one_of(value, info, "subtopics", "subtopic")


class CategoryRuleIn(PhrasesIn):
    category: str
    weak: list[str] = Field(default_factory=list)
    requires: list[str] = Field(default_factory=list)
    urgent: bool = False

    @field_validator("category")
    @classmethod
    def _category(cls, value: str, info: ValidationInfo) -> str:
        return _one_of(value, info, "categories", "category")


class SeverityIn(_Strict):
    negation_window: int = Field(default=2, ge=0)
    negations: list[str] = Field(default_factory=list)
    now: list[str] = Field(default_factory=list)
    past: list[str] = Field(default_factory=list)
    not_urgent: list[str] = Field(default_factory=list)
    urgent: PhrasesIn = PhrasesIn()
    in_progress: PhrasesIn = PhrasesIn()


class RulesIn(_Strict):
    default_tip_min_words: int = Field(default=6, ge=1)
    aliases: dict[str, list[str]] = Field(default_factory=dict)
    other: PhrasesIn = PhrasesIn()
    question: QuestionIn = QuestionIn()
    topics: list[TopicRuleIn] = Field(default_factory=list)
    categories: list[CategoryRuleIn] = Field(default_factory=list)
    severity: SeverityIn = SeverityIn()


def parse(data: Any, vocabulary: Mapping[str, Sequence[str]]) -> RulesIn:
    """The rule file checked; `vocabulary` holds the allowed categories, topics, subtopics."""
    if data is None:
        data = {}
    try:
        rules = RulesIn.model_validate(data, context=dict(vocabulary))
    except ValidationError as exc:
        raise RulesError(data_file.problems_of(exc.errors())) from exc
    problems = [
        f"{where}: no word in {phrase!r}"
        for where, phrase in _phrases(rules)
        if not _TOKEN.search(canonical(phrase))
    ]
    if problems:
        raise RulesError(problems)
    return rules


def _phrases(rules: RulesIn) -> list[tuple[str, str]]:
    """Every phrase of the file with its place, for the checks that span the file."""
    found: list[tuple[str, str]] = []

    def add(where: str, items: list[str]) -> None:
        found.extend((f"{where}[{i}]", phrase) for i, phrase in enumerate(items))

    for key, alts in rules.aliases.items():
        found.append((f"aliases.{key}", key))
        add(f"aliases.{key}", alts)
    for name, node in (("other", rules.other), ("question", rules.question)):
        add(f"{name}.phrases", node.phrases)
        add(f"{name}.exact", node.exact)
    for i, topic in enumerate(rules.topics):
        add(f"topics[{i}].phrases", topic.phrases)
        add(f"topics[{i}].exact", topic.exact)
    for i, cat in enumerate(rules.categories):
        for key in ("phrases", "exact", "weak", "requires"):
            add(f"categories[{i}].{key}", getattr(cat, key))
    severity = rules.severity
    for key in ("negations", "now", "past", "not_urgent"):
        add(f"severity.{key}", getattr(severity, key))
    for key in ("urgent", "in_progress"):
        add(f"severity.{key}.phrases", getattr(severity, key).phrases)
        add(f"severity.{key}.exact", getattr(severity, key).exact)
    return found
