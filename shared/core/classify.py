"""Classification of a citizen message: kind, tip category, severity, question topic.

`classify(text)` is pure and cheap (tens of microseconds): the webhook calls it on
every message. The rules live in `shared/data/classify.yaml` and are loaded,
validated and indexed on the first call (PyYAML, pydantic and the file's models
in `shared.core.classify_file` are imported only then), so
importing this module costs almost nothing.

How a message is decided (the rule file says which phrases do what):

1. No word at all (a photo, a sticker, an emoji): kind "other", no reasons.
2. Every phrase of the rules is looked up on whole words, once over the folded
   words (no diacritics) and, when the message was typed with diacritics, once
   over the canonical words for the phrases that are ambiguous once folded.
3. A tip category with strong evidence, or an urgent phrase, makes a tip; a
   message that is both a question and a tip is a tip ("nhà trọ không khai báo
   tạm trú"). A tip made only of weak phrases gives way to a question signal.
4. Otherwise a question signal (marker, "?", final "không", or a topic phrase)
   makes a question; its topic is the first topic rule that matches.
5. Otherwise a greeting or thanks makes "other"; a long message that matched
   nothing is a tip of category "other" (read by an officer, never dropped).

`reasons` are the matched phrases, as written in the rule file, that decided
the result: an officer sees why.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from shared.core.text import canonical, fold

RULES_PATH = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "classify.yaml")

KINDS = ("tip", "question", "other")
CATEGORIES = (
    "drugs",
    "theft",
    "robbery",
    "violence",
    "public_order",
    "gambling",
    "fraud",
    "prostitution",
    "weapons",
    "traffic",
    "fire",
    "residence",
    "other",
)
TOPICS = ("tam_tru", "tam_vang", "thuong_tru", "luu_tru", "other")
SUBTOPICS = ("gia_han", "xoa_dang_ky", "xac_nhan_cu_tru")

_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Classification:
    kind: str  # tip | question | other
    category: str | None  # one of CATEGORIES when kind is tip, else None
    severity: str  # urgent | normal (always normal unless a tip)
    topic: str | None  # one of TOPICS when kind is question, else None
    subtopic: str | None  # one of SUBTOPICS, only with a question
    reasons: tuple[str, ...]  # matched phrases, as written in the rules

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "category": self.category,
            "severity": self.severity,
            "topic": self.topic,
            "subtopic": self.subtopic,
            "reasons": list(self.reasons),
        }


# --- rules -------------------------------------------------------------------


@dataclass(frozen=True)
class Phrase:
    """One indexed phrase: its words, the group it belongs to, its label."""

    words: tuple[str, ...]
    group: str  # e.g. "cat:drugs", "weak:drugs", "req:residence", "topic:3", "urgent"
    label: str  # the phrase as written in the rule file (shown as a reason)


@dataclass(frozen=True)
class CategoryRule:
    category: str
    urgent: bool
    has_requires: bool


@dataclass(frozen=True)
class TopicRule:
    topic: str
    subtopic: str | None


@dataclass(frozen=True)
class Rules:
    folded: dict[str, tuple[Phrase, ...]]  # first folded word -> phrases
    exact: dict[str, tuple[Phrase, ...]]  # first canonical word -> phrases
    categories: tuple[CategoryRule, ...]
    topics: tuple[TopicRule, ...]
    question_final: frozenset[str]
    question_trailing: frozenset[str]
    question_punctuation: tuple[str, ...]
    negation_window: int
    default_tip_min_words: int


def _words_of(phrase: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(canonical(phrase)))


def _folded_words(phrase: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in _words_of(phrase))


def _expand_aliases(
    words: tuple[str, ...], aliases: dict[tuple[str, ...], tuple[tuple[str, ...], ...]]
) -> set[tuple[str, ...]]:
    """Every spelling of a folded phrase once each alias key is swapped for its aliases."""
    variants = {words}
    for key, alts in aliases.items():
        n = len(key)
        for variant in list(variants):
            for i in range(len(variant) - n + 1):
                if variant[i : i + n] == key:
                    for alt in alts:
                        variants.add(variant[:i] + alt + variant[i + n :])
    # a second pass picks up phrases holding two different keys
    for key, alts in aliases.items():
        n = len(key)
        for variant in list(variants):
            for i in range(len(variant) - n + 1):
                if variant[i : i + n] == key:
                    for alt in alts:
                        variants.add(variant[:i] + alt + variant[i + n :])
    return variants


def build_rules(data: Any) -> Rules:
    """Validate the parsed rule file (`shared.core.classify_file`) and index its phrases.

    Raises RulesError (a ValueError) naming the place of every problem. The
    format is described at the top of `shared/data/classify.yaml`.
    """
    from shared.core import classify_file  # deferred with pydantic: importing this stays cheap

    vocabulary = {"categories": CATEGORIES, "topics": TOPICS, "subtopics": SUBTOPICS}
    top = classify_file.parse(data, vocabulary)
    aliases: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {
        _folded_words(key): tuple(_folded_words(a) for a in alts)
        for key, alts in top.aliases.items()
    }

    folded: dict[str, list[Phrase]] = {}
    exact: dict[str, list[Phrase]] = {}

    def add(group: str, labels: list[str], matched_exact: bool = False) -> None:
        for label in labels:
            if matched_exact:
                words = _words_of(label)
                exact.setdefault(words[0], []).append(Phrase(words, group, label))
                continue
            for words in _expand_aliases(_folded_words(label), aliases):
                folded.setdefault(words[0], []).append(Phrase(words, group, label))

    def add_both(group: str, node: classify_file.PhrasesIn) -> None:
        add(group, node.phrases)
        add(group, node.exact, matched_exact=True)

    add_both("other", top.other)
    add_both("question", top.question)

    def single_words(items: list[str]) -> frozenset[str]:
        found: set[str] = set()
        for word in items:
            for variant in _expand_aliases(_folded_words(word), aliases):
                if len(variant) == 1:
                    found.add(variant[0])
        return frozenset(found)

    topics: list[TopicRule] = []
    for i, rule in enumerate(top.topics):
        topics.append(TopicRule(rule.topic, rule.subtopic))
        add_both(f"topic:{i}", rule)

    categories: list[CategoryRule] = []
    for rule in top.categories:
        name = rule.category
        categories.append(CategoryRule(name, rule.urgent, bool(rule.requires)))
        add_both(f"cat:{name}", rule)
        add(f"weak:{name}", rule.weak)
        add(f"req:{name}", rule.requires)

    severity = top.severity
    for group in ("negations", "now", "past", "not_urgent"):
        add(group, getattr(severity, group))
    add_both("urgent", severity.urgent)
    add_both("in_progress", severity.in_progress)

    def frozen(index: dict[str, list[Phrase]]) -> dict[str, tuple[Phrase, ...]]:
        # longest first, so a reason shows the fullest phrase
        return {k: tuple(sorted(v, key=lambda p: -len(p.words))) for k, v in index.items()}

    return Rules(
        folded=frozen(folded),
        exact=frozen(exact),
        categories=tuple(categories),
        topics=tuple(topics),
        question_final=single_words(top.question.final),
        question_trailing=single_words(top.question.trailing),
        question_punctuation=tuple(top.question.punctuation),
        negation_window=severity.negation_window,
        default_tip_min_words=top.default_tip_min_words,
    )


@cache
def load_rules(path: str = RULES_PATH) -> Rules:
    """Parse, validate and index the rule file once (PyYAML is imported here only)."""
    from shared.core import (
        data_file as yaml_data,  # deferred: importing shared.core.classify must stay cheap
    )

    with open(path, encoding="utf-8") as f:
        return build_rules(yaml_data.load(f))


# --- matching ----------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    group: str
    label: str
    start: int
    end: int  # exclusive, in words


def _scan(words: tuple[str, ...], index: dict[str, tuple[Phrase, ...]], hits: list[Hit]) -> None:
    for i, word in enumerate(words):
        for phrase in index.get(word, ()):
            n = len(phrase.words)
            if n == 1 or words[i : i + n] == phrase.words:
                hits.append(Hit(phrase.group, phrase.label, i, i + n))


def _tokenise(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The canonical words and the folded words of a text, aligned one to one."""
    exact = tuple(_TOKEN.findall(canonical(text)))
    if not exact:
        return (), ()
    folded = tuple(fold(" ".join(exact)).split(" "))
    if len(folded) != len(exact):  # a word that folds to nothing or splits: go word by word
        folded = tuple(fold(w) or w for w in exact)
    return exact, folded


def _by_group(hits: list[Hit]) -> dict[str, list[Hit]]:
    """Hits per group, dropping a hit that lies inside another hit of its group."""
    groups: dict[str, list[Hit]] = {}
    for hit in hits:
        groups.setdefault(hit.group, []).append(hit)
    for group, items in groups.items():
        kept = [
            h
            for h in items
            if not any(
                o.start <= h.start and h.end <= o.end and o.end - o.start > h.end - h.start
                for o in items
            )
        ]
        kept.sort(key=lambda h: (h.start, -h.end))
        groups[group] = kept
    return groups


def _labels(hits: list[Hit]) -> list[str]:
    seen: list[str] = []
    for h in hits:
        if h.label not in seen:
            seen.append(h.label)
    return seen


def _unique(items: list[str]) -> tuple[str, ...]:
    """Distinct reasons in order, leaving out one already said by a longer one."""
    kept: list[str] = []
    for item in items:
        if not any(f" {item} " in f" {k} " for k in kept):
            kept.append(item)
    return tuple(kept)


def _negated(hit: Hit, negations: list[Hit], window: int) -> bool:
    return any(hit.start - window <= n.end <= hit.start for n in negations)


def _inside(hit: Hit, others: list[Hit]) -> bool:
    return any(o.start <= hit.start and hit.end <= o.end for o in others)


def _ends_as_question(words: tuple[str, ...], rules: Rules) -> str | None:
    """The final question word ("... không"), looking past polite endings ("... không anh")."""
    for word in reversed(words):
        if word in rules.question_final:
            return word
        if word not in rules.question_trailing:
            return None
    return None


def classify(text: str) -> Classification:
    """Classify one citizen message (see the module docstring for the decision)."""
    exact_words, folded_words = _tokenise(text)
    if not folded_words:
        return Classification("other", None, "normal", None, None, ())
    rules = load_rules()
    hits: list[Hit] = []
    _scan(folded_words, rules.folded, hits)
    if exact_words != folded_words:  # typed with diacritics: the exact phrases apply
        _scan(exact_words, rules.exact, hits)
    groups = _by_group(hits)

    # tip evidence
    best: CategoryRule | None = None
    best_score = 0.0
    best_strong = 0
    for rule in rules.categories:
        if rule.has_requires and f"req:{rule.category}" not in groups:
            continue
        strong = len(_labels(groups.get(f"cat:{rule.category}", [])))
        score = strong + 0.5 * len(_labels(groups.get(f"weak:{rule.category}", [])))
        if score > best_score:
            best, best_score, best_strong = rule, score, strong

    # severity
    negations = groups.get("negations", [])
    window = rules.negation_window
    now = groups.get("now", [])
    not_urgent = groups.get("not_urgent", [])
    urgent_hits = [
        h
        for h in groups.get("urgent", [])
        if not _negated(h, negations, window) and not _inside(h, not_urgent)
    ]
    if now:
        urgent_hits += [
            h for h in groups.get("in_progress", []) if not _negated(h, negations, window)
        ]
    if best is not None and best.urgent:
        urgent_hits += [
            h for h in groups.get(f"cat:{best.category}", []) if not _negated(h, negations, window)
        ]
    if urgent_hits and "past" in groups and not now:
        urgent_hits = []
    urgent = bool(urgent_hits)

    # question evidence
    topic_index = next((i for i in range(len(rules.topics)) if f"topic:{i}" in groups), None)
    question_hits = groups.get("question", [])
    final_word = _ends_as_question(folded_words, rules)
    asks = (
        topic_index is not None
        or bool(question_hits)
        or final_word is not None
        or any(p in text for p in rules.question_punctuation)
    )

    if urgent or best_strong or (best is not None and not asks):
        category = best.category if best is not None else "other"
        reasons: list[str] = []
        if best is not None:
            for prefix in ("cat", "weak", "req"):
                reasons += _labels(groups.get(f"{prefix}:{category}", []))
        reasons += _labels(sorted(urgent_hits, key=lambda h: h.start))
        if urgent_hits and now:
            reasons += _labels(now)
        severity = "urgent" if urgent else "normal"
        return Classification("tip", category, severity, None, None, _unique(reasons))

    if asks:
        reasons = []
        topic, subtopic = "other", None
        if topic_index is not None:
            topic = rules.topics[topic_index].topic
            subtopic = rules.topics[topic_index].subtopic
            reasons += _labels(groups[f"topic:{topic_index}"])
        reasons += _labels(question_hits)
        reasons += [p for p in rules.question_punctuation if p in text]
        if final_word is not None and not reasons:
            reasons.append(final_word)
        return Classification("question", None, "normal", topic, subtopic, _unique(reasons))

    if "other" in groups:
        return Classification(
            "other", None, "normal", None, None, _unique(_labels(groups["other"]))
        )
    if len(folded_words) >= rules.default_tip_min_words:
        return Classification("tip", "other", "normal", None, None, ())
    return Classification("other", None, "normal", None, None, ())


def is_urgent(text: str) -> bool:
    """True when a message reports danger now (a weapon, a fire, a fight, a cry for help)."""
    return classify(text).severity == "urgent"
