"""Classification of a citizen message: kind, tip category, severity, question topic.

`classify(text)` is pure and cheap (tens of microseconds): the webhook calls it on
every message. The rules live in `shared/data/classify.yaml` and are loaded on
the first call, so importing this module costs almost nothing: prebuilt
(`shared/data/classify.pickle`, while current: `load_rules`), else validated and
indexed from the file (PyYAML, pydantic and the file's models in
`shared.core.classify_file` are imported only then).

How a message is decided (the rule file says which phrases do what):

1. No word at all (a photo, a sticker, an emoji): kind "other", no reasons.
2. Abbreviations are spelled out ("cccd"), then every phrase of the rules is
   looked up on whole words, within one clause: a phrase never spans a boundary
   the writer typed (, . ; : ! ? … a bracket, a spaced dash, a line break: "biet
   nha, chay mau" holds no "nhà cháy"), nor does a negation, a fear or a request
   for an officer reach into the next clause. Diacritics are evidence: a word typed with marks
   matches only the same word with the same marks ("chạy" is not "cháy"); a
   word typed without matches every word that folds to it, and a phrase that
   is ambiguous once folded ("chay xe") then needs its rule's context; so does
   any phrase made only of a word that folds onto an everyday one and light
   words ("dang chay": `folds`). A hit sharing a word with an everyday compound
   ("đánh thức", "bê tông", "bắn cá": `compounds`) does not count.
3. A message to one's family or a friend sent here by mistake (`other.personal`)
   with no danger in it: kind "other". Advertising (enough `spam` phrases, more
   than the tip's, a web address, a number to call or a price per period counting as one,
   and no word of the writer's own harm: `spam.unless`): kind "other",
   `spam` true: no tip, no answer. Words about the line itself (thanks for
   something done, praise, "nobody answers", "did you get what I sent":
   `about_line`) with no danger: kind "other", `about_line` true. The writer
   laughing ("haha", "=))": `laughter`) jokes: kind "other", unless a procedure
   is named.
4. A tip category with strong evidence, or a danger that makes a tip (a cry
   for help, a person down), makes a tip; a message that is both a question
   and a tip is a tip ("nhà trọ không khai báo tạm trú"), unless the event is
   only supposed ("nếu có cháy thì báo ai": `hypothetical`). A tip made only of
   weak phrases gives way to a question signal or to a request for an officer.
   A category's `if_happened` phrases are strong once the message says the
   event happened ("mất giấy đăng ký xe rồi"); a category that is
   `background_when_past` weighs a quarter when told as over (a past fire
   beside what is reported now). A category's `near` pair (two phrases within
   a few words: "chặn ... lấy tiền") is one strong phrase.
5. Otherwise a question signal (marker, "?", final "không", or a topic phrase)
   makes a question, unless the only signal is a final word and the message
   is chat ("alo có ai trực không"); its topic is the first topic rule that
   matches. A tip code in the message (`TB-K5N9CX`, `tbk5n9cx`) asks where
   that tip stands.
6. Otherwise a greeting or thanks makes "other" (with enough words besides it, a
   greeting opens a report: `courtesy_report_min_words`); a long message that
   matched nothing is a tip of category "other" (read by an officer, never dropped).
7. A second opinion, learned from labelled messages (`shared/core/text_model.py`),
   then weighs a tip of six words or more: its urgency either way, unless the
   rules read it as over, a habit or no hurry (`with_urgency`), and never lowering a
   danger read beside a `kept` phrase (harm threatened for tonight, a rabid dog); its category
   where the rules found none or, when sure, over theirs, never a fire; and it
   makes a tip of a message nothing matched when it is sure (`with_opinion`), other of
   a long one, a tip by default, that it is sure is chat or an ad (`as_other`), and
   of a question naming no procedure that it is sure reports something
   (`as_report`: "thằng cha chủ trọ gì mà tối nào cũng chửi..."). Greetings,
   requests, ads and questions naming a procedure stay the rules', and so does a
   message in English (`in_english`: the model was trained on Vietnamese). `by_rules`
   is the verdict before it.

Severity: each rule of `severity.rules` names a danger (a weapon in hand, a
person down, a child missing, a fire...); a tip is urgent when one applies,
not negated ("không có súng") and not in the past ("hôm qua") unless something
is going on now. A rule may need a `now` phrase ("đang cạy khóa"), or hold
unless the message says it happens regularly (a fight: "đánh nhau" is going
on, "tối nào cũng đánh nhau" is not), or skip tips of some categories (a
scam's "chuyển tiền gấp" is the scammer's hurry, not the citizen's). The
offender gone ("bỏ chạy rồi") is over for a fight or a theft, not for a person
left down or trapped (rules that `last`). A "now" inside a phrase of no hurry
("đang rao bán" a phone robbed last week) is not the event's. A long message
that matched no category keeps the urgency of a rule that makes no tip alone (a
plea to come at once). A rule said `alone` counts only when it is the whole
message (a bare cry: "có cướp"), or its whole first clause with at most `alone_then`
words after it and no habit (where: "cướp!!! đầu hẻm 256 Tân Hương"); one with a
`tip_category` names the tip's category
when the category read lies only in its words (a smell beside someone unseen).
`reasons` are the matched phrases, as written in the rule file, that decided
the result: an officer sees why.
"""

from __future__ import annotations

import io
import os
import pickle
import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from functools import cache, lru_cache, partial
from operator import itemgetter
from typing import Any, NamedTuple

from shared.core import prebuilt
from shared.core.police_complaint import PoliceComplaint
from shared.core.refcode import find_code
from shared.core.text import CLAUSE_BREAK, canonical, canonical_word, fold, undoubled
from shared.core.text_model import Opinion, Reader, is_opinion_of, load_model

_CORE = os.path.dirname(__file__)
RULES_PATH = os.path.join(os.path.dirname(_CORE), "data", "classify.yaml")
# The rules as built from RULES_PATH, shipped prebuilt (`shared.core.prebuilt`)
PREBUILT_RULES_PATH = os.path.join(os.path.dirname(_CORE), "data", "classify.pickle")
# The code that defines, validates and indexes the rules: a change to any of it makes
# the prebuilt rules stale, like a change to the rule file.
RULES_CODE = tuple(
    os.path.join(_CORE, name)
    for name in (
        "classify.py",
        "classify_file.py",
        "data_file.py",
        "text.py",
        "aliases.py",
        "police_complaint.py",
    )
)

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
    "lost_property",
    "other",
)
TOPICS = ("tip_status", "tam_tru", "tam_vang", "thuong_tru", "luu_tru", "other")
# the residence procedures: reported about rather than asked, their matter is a residence tip
RESIDENCE_TOPICS = frozenset({"tam_tru", "tam_vang", "thuong_tru", "luu_tru"})
SUBTOPICS = ("gia_han", "xoa_dang_ky", "xac_nhan_cu_tru")

_TOKEN = re.compile(r"[^\W_]+")
# A word, or a boundary the writer typed between two clauses (`CLAUSE_BREAK`; line breaks
# become ";" first: `canonical` folds them into spaces).
_PIECE = re.compile(r"[^\W_]+|" + CLAUSE_BREAK.pattern)
_BREAKS = frozenset(";!?…()[],.:-–—")
_DASHES = frozenset("-–—")
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_FINAL_Y = re.compile(r"(?<=[bcdđghklmnpqrstvx])y$|(?<=^qu)y$")


@dataclass(frozen=True)
class Classification:
    """What a message is (kind, category, urgency, topic) and why."""

    kind: str  # tip | question | other
    category: str | None  # one of CATEGORIES when kind is tip, else None
    severity: str  # urgent | normal (always normal unless a tip)
    topic: str | None  # one of TOPICS when kind is question, else None
    subtopic: str | None  # one of SUBTOPICS, only with a question
    reasons: tuple[str, ...]  # matched phrases, as written in the rules
    spam: bool = False  # advertising sent to the line: kind other, nothing follows
    about_line: bool = False  # thanks, praise or a complaint about the line: kind other

    def __init__(
        self,
        kind: str,
        category: str | None,
        severity: str,
        topic: str | None,
        subtopic: str | None,
        reasons: tuple[str, ...],
        spam: bool = False,
        about_line: bool = False,
    ) -> None:
        # The fields at once, where the frozen dataclass's own __init__ sets each through
        # object.__setattr__: a message makes one or two, and that was a tenth of its cost.
        # (Kept in step with the fields by tests/test_classify.py.)
        object.__setattr__(
            self,
            "__dict__",
            {
                "kind": kind,
                "category": category,
                "severity": severity,
                "topic": topic,
                "subtopic": subtopic,
                "reasons": reasons,
                "spam": spam,
                "about_line": about_line,
            },
        )

    @property
    def category_learned(self) -> bool:
        """The category is the learned model's guess, not a phrase of the rules: not
        clear enough to tell another incident (`shared/core/routing.py`)."""
        return self.category is not None and is_opinion_of(self.category, self.reasons)

    @property
    def severity_learned(self) -> bool:
        """Urgent on the learned model's word alone: no sign of a danger on a later
        message of a tip (`shared/core/routing.py`)."""
        return self.severity == "urgent" and is_opinion_of("urgent", self.reasons)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "category": self.category,
            "severity": self.severity,
            "topic": self.topic,
            "subtopic": self.subtopic,
            "reasons": list(self.reasons),
            "spam": self.spam,
            "about_line": self.about_line,
        }


# --- rules -------------------------------------------------------------------


class Phrase(NamedTuple):
    """One indexed spelling of a phrase: its folded words and their marks. A tuple, as
    `Hit`: the scan unpacks ≈ 20 candidates a message (each field read as an attribute
    of a frozen dataclass cost more), and the prebuilt rules' 11,000 unpickle faster."""

    words: tuple[str, ...]  # folded
    marks: tuple[str, ...]  # mark key of each word (the word itself when written without)
    group: str  # e.g. "cat:drugs", "weak:drugs", "ctx:fire", "sev:person_down", "topic:3"
    label: str  # the phrase as written in the rule file (shown as a reason)
    ambiguous: bool  # from an `exact` list: sure only when typed with its marks


class _Rebuilt:
    """A rule's pickling as its constructor's arguments (a prebuilt file's categories,
    severity rules, topics and their groups): unpickled through `__init__`, each instance
    keeps its attributes in the form the interpreter reads fast. Pickle's default restores
    a `__dict__` whole, and on 3.11 an attribute of an instance whose `__dict__` was made
    is never read through the specialised path (≈ 2.5× the cost a read; the decision reads
    its rules' attributes by the dozen a message)."""

    def __reduce__(self) -> tuple[object, ...]:
        # only the fields `__init__` takes: one made in `__post_init__` is made again there
        named = [f.name for f in fields(self) if f.init]  # type: ignore[arg-type]
        return (type(self), tuple(map(self.__dict__.__getitem__, named)))


@dataclass(frozen=True)
class Groups(_Rebuilt):
    """The index groups of one rule: its evidence, what confirms it, what cancels it."""

    evidence: str
    context: str
    cancel: str

    @classmethod
    def of(cls, name: str) -> Groups:
        return cls(name, f"ctx:{name}", f"not:{name}")


# Words saying a danger is feared, not happening ("sợ con nít té xuống"): severity.fears
FEARS = Groups.of("fears")


@dataclass(frozen=True)
class CategoryRule(_Rebuilt):
    """A category's phrase groups and how its evidence weighs against the others'."""

    category: str
    has_requires: bool
    beats: frozenset[str]
    groups: Groups
    weak: str
    requires: str
    happened: str  # weak phrases that are strong once the event is said to have happened
    background_when_past: bool
    # pairs of groups that are evidence together: (first, then, gap in words)
    near: tuple[tuple[str, str, int], ...] = ()
    # told as over with only these phrases (`over:` group), beside a residence procedure
    # asked: the question's premise
    premise_when_over: bool = False
    # its other groups, named once here (the decision looked each name up by the message,
    # formatted anew every time): what it asks (`unless_asked`), a fine asked (`asks`), the
    # scene it sets for a procedure asked (`premise_when_asked`), nobody hurt (`unhurt`),
    # its premise when over (`premise_when_over`)
    asked: str = ""
    asks: str = ""
    scene: str = ""
    unhurt: str = ""
    over: str = ""
    near_firsts: frozenset[str] = frozenset()  # each pair's first group (`near`)

    @classmethod
    def of(
        cls,
        category: str,
        has_requires: bool,
        beats: frozenset[str],
        background_when_past: bool = False,
        gaps: tuple[int, ...] = (),
        premise_when_over: bool = False,
    ) -> CategoryRule:
        groups = Groups.of(f"cat:{category}")
        near = tuple(
            (f"near:{category}:{i}", f"then:{category}:{i}", gap) for i, gap in enumerate(gaps)
        )
        return cls(
            category,
            has_requires,
            beats,
            groups,
            f"weak:{category}",
            f"req:{category}",
            f"hap:{category}",
            background_when_past,
            near,
            premise_when_over,
            f"ask:{category}",
            f"asks:{category}",
            f"asked:{category}",
            f"unhurt:{category}",
            f"over:{category}",
            frozenset(first for first, _, _ in near),
        )


@dataclass(frozen=True)
class SeverityRule(_Rebuilt):
    """What makes a tip urgent: a danger's groups, and what they must come with."""

    id: str
    category: str | None  # sure evidence of this category is the danger
    has_with: bool
    needs_now: bool
    ongoing: bool  # going on unless said to be habitual
    unless: frozenset[str]  # categories whose tips this rule never raises
    makes_tip: bool
    groups: Groups
    with_: str
    unless_said: str  # the group of phrases that stop the rule
    feared: bool  # a hit said as feared does not count
    lasts: bool = False  # a state that outlasts the offender's going ("bỏ chạy rồi")
    alone: bool = False  # counts only when its hits are the whole message ("có cướp")
    # or its whole first clause, with at most this many words after it (where)
    alone_then: int = 0
    # the tip's category when a category's evidence is only this rule's words (a smell
    # beside someone unseen: `_Danger.signs`)
    tip_category: str | None = None


@dataclass(frozen=True)
class TopicRule(_Rebuilt):
    """A question's topic (and subtopic), told by one phrase group."""

    topic: str
    subtopic: str | None
    group: str


# a second word's phrases in `Rules.starts`: those of two words, and by third word the longer
Seconds = tuple[tuple["Phrase", ...], dict[str, tuple["Phrase", ...]]]
# a first word's phrases in `Rules.starts`: its one-word phrases, and by second word the longer
Start = tuple[tuple["Phrase", ...], dict[str, Seconds]]


class Starts(dict[str, Start]):
    """`Rules.starts`: a word's phrases (`Start`), by the word.

    Prebuilt (`shared.core.prebuilt`), each word's entry is pickled apart (`pieces`) and
    unpickled when a message first holds the word (`read`): all of them at once were
    most of the rules' ≈ 20 ms at the webhook's start (bench/README.md, round 15), and a
    message holds some twenty words. A word once read is a plain lookup, as before; the
    scan looks among the pieces only for a word it does not find (`_scan`). A piece's
    phrases name their groups with the rules' own strings (`groups`), as built: the
    decision looks groups up by the dozen a message, and one object compares at once."""

    def __init__(
        self,
        entries: dict[str, Start] | None = None,
        pieces: dict[str, bytes] | None = None,
        groups: tuple[str, ...] = (),
    ) -> None:
        super().__init__(entries or {})
        self.pieces = pieces or {}  # word -> its entry, pickled (kept: read once a word)
        self.groups = groups  # the strings a piece refers to by their place here

    def read(self, word: str) -> Start:
        """The word's entry, unpickled on its first use (two threads may both: the
        first one's is kept)."""
        entry = self.get(word)
        if entry is not None:
            return entry
        unpickler = pickle.Unpickler(io.BytesIO(self.pieces[word]))
        unpickler.persistent_load = self.groups.__getitem__  # type: ignore[assignment]
        return self.setdefault(word, unpickler.load())

    def whole(self) -> Starts:
        """Every word's entry read (comparing, pickling)."""
        for word in self.pieces:
            self.read(word)
        return self

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Starts):
            other.whole()
        return dict.__eq__(self.whole(), other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[object, ...]:
        entries = self.whole()
        groups = tuple(
            dict.fromkeys(
                phrase.group
                for candidates, seconds in entries.values()
                for phrases in (candidates, *_longer(seconds))
                for phrase in phrases
            )
        )
        place = {group: i for i, group in enumerate(groups)}
        pieces = {}
        for word, entry in entries.items():
            out = io.BytesIO()
            pickler = pickle.Pickler(out, protocol=5)
            pickler.persistent_id = lambda obj: place.get(obj) if type(obj) is str else None  # type: ignore[method-assign]
            pickler.dump(entry)
            pieces[word] = out.getvalue()
        return (Starts, (None, pieces, groups))


def _longer(seconds: dict[str, Seconds]) -> list[tuple[Phrase, ...]]:
    """A first word's phrases of two words and more."""
    return [phrases for two, thirds in seconds.values() for phrases in (two, *thirds.values())]


@dataclass(frozen=True)
class Rules:
    """The rule file indexed for matching: phrases by word, and each rule's groups."""

    words: dict[str, tuple[Phrase, ...]]  # one-word phrases by their folded word
    pairs: dict[tuple[str, str], tuple[Phrase, ...]]  # longer ones by their first two words
    abbreviations: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]  # -> (words, folded)
    categories: tuple[CategoryRule, ...]
    severity: tuple[SeverityRule, ...]
    topics: tuple[TopicRule, ...]
    question_final: frozenset[str]
    question_trailing: frozenset[str]
    question_punctuation: tuple[str, ...]
    negation_window: int
    fear_window: int
    default_tip_min_words: int
    courtesy_report_min_words: int
    spam_min_phrases: int
    officer_gap: int  # words allowed between a `talk` word and the person asked for
    hypothetical_lead: int  # words an event may follow and still open the message
    # categories whose evidence is a question's premise when papers lost are asked about
    # with neither where nor when (papers_asked)
    papers_categories: frozenset[str] = frozenset()
    # categories whose evidence, told as what made the writer move, is the premise of the
    # move's residence procedure asked (moving_away)
    moving_categories: frozenset[str] = frozenset()
    # strings of a message's text that say the writer is laughing ("=))"), besides words
    laughter_marks: tuple[str, ...] = ()
    # strings of a message's text that show the writer glad ("😄"): their own mood (`mood`)
    mood_marks: tuple[str, ...] = ()
    # the endings of a web address ("com", "xyz", "ly"): one in the text is an ad's phrase
    web_domains: frozenset[str] = frozenset()
    # distinct English words (`english`) that make a message English (`in_english`)
    english_min_words: int = 2
    # words an act may follow someone else named in English and still be theirs (kind-27)
    english_told_gap: int = 3
    # categories no danger now belongs to by itself: the model never raises their tips
    calm_categories: frozenset[str] = frozenset()
    # categories whose tips told as made off with (`made_off`), nothing now, the model
    # never raises: a theft or a trick over, its taker gone
    made_off_calm: frozenset[str] = frozenset()
    # categories whose tip told just now with the way its taker fled stays urgent, the taker
    # gone (`severity.fled`)
    fled_categories: frozenset[str] = frozenset()
    # categories whose tips of a thing found lying untouched (`severity.left_lying`), nothing
    # now, the model never raises
    left_lying_calm: frozenset[str] = frozenset()
    # the final question words as typed with marks (their mark keys): one typed with other
    # marks is another word ("Tân Sơn Nhì" does not end in "nhỉ", "Gò Dầu" in "đâu")
    question_final_marks: frozenset[str] = frozenset()
    # the final question words that, typed bare in a message typed with marks, are another
    # word ("số vay", a loan; not "vậy")
    question_bare_other: frozenset[str] = frozenset()
    # question phrases that only name a paper (`question.named_only`, as written)
    question_named_only: frozenset[str] = frozenset()
    # the conversation's rule of a complaint about the police (`about_police`)
    police_complaint: PoliceComplaint | None = None
    # Which rules a group of hits may open, indexed once (`_openers`): a message has
    # hits in a few groups, so it looks at a few rules, not at every one in turn.
    # group -> the categories its hits may make evidence of (in `categories`)
    category_openers: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # group -> the severity rules without a category it is the evidence of
    severity_openers: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # category -> the severity rules whose danger is that category's evidence
    severity_of_category: dict[str, tuple[int, ...]] = field(default_factory=dict)
    topic_of: dict[str, int] = field(default_factory=dict)  # group -> index in `topics`
    # the topics' groups of a procedure (a residence topic, or one with a subtopic)
    procedure_topics: frozenset[str] = frozenset()
    # group -> the decision's sections its hits may make speak, as bits (`_SECTIONS`)
    sections: dict[str, int] = field(default_factory=dict)
    # `words` and `pairs` by a phrase's first word, indexed once (`_openers`): most words
    # of a message begin no phrase, and one lookup then says so, with no pair built.
    # first word -> (its one-word phrases, second word -> (the two-word phrases, third
    # word -> the longer phrases)): most phrases of three words or more that share a
    # message's first two words differ in the third, and are then never looked at
    starts: Starts = field(default_factory=Starts)

    def __reduce__(self) -> tuple[object, ...]:
        # Prebuilt, `words` and `pairs` (what `starts` indexes, read by tests and by
        # building, never by a message) are one piece, unpickled on first use by name.
        state = {k: v for k, v in self.__dict__.items() if k not in ("words", "pairs")}
        later = state.pop("_later", None) or pickle.dumps((self.words, self.pairs), protocol=5)
        return (_unpickled_rules, (state, later))


class _ReadLater:
    """`Rules.words` and `Rules.pairs` of rules unpickled without them: both read on the
    first use of either. Set on the class after the dataclass is made, so it is no
    field's default; an instance's own value (rules built, or read) comes first. (Not a
    `__getattr__`: a class with one has every attribute read the slow way, ≈ 2 % of a
    message's instructions.)"""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, rules: Rules | None, owner: type | None = None) -> object:
        if rules is None:
            return self
        later = getattr(rules, "_later", None)
        if later is None:
            raise AttributeError(self.name)
        words, pairs = pickle.loads(later)
        object.__setattr__(rules, "words", words)
        object.__setattr__(rules, "pairs", pairs)
        return words if self.name == "words" else pairs


Rules.words = _ReadLater("words")  # type: ignore[assignment]
Rules.pairs = _ReadLater("pairs")  # type: ignore[assignment]


def _unpickled_rules(state: dict[str, object], later: bytes) -> Rules:
    rules = object.__new__(Rules)
    # attribute by attribute, not a __dict__ whole: names set so are interned, and a
    # message reads the rules' attributes by the dozen (through the interpreter's fast
    # path only when the name is the very object the code holds)
    for name, value in state.items():
        object.__setattr__(rules, name, value)
    object.__setattr__(rules, "_later", later)
    return rules


@lru_cache(maxsize=65536)
def _mark_key(word: str) -> str:
    """A marked word as compared: its letters and its tone, wherever the tone sits.

    "hoà"/"hòa" and "ngừoi"/"người" compare equal (tone placement), as do
    "kí"/"ký" and "cuớp"/"cướp" (spellings people type).
    """
    decomposed = unicodedata.normalize("NFD", word)
    tones = "".join(sorted(c for c in decomposed if c in _TONES))
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    base = _FINAL_Y.sub("i", base.replace("uơ", "ươ"))
    return base + tones


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    """A word folded (cached: citizens use a few thousand words, over and over)."""
    return fold(word) or word


def _spelling(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Canonical words as (folded, mark key); a word without marks is its own key."""
    out = []
    for word in words:
        folded = _fold_word(word)
        out.append((folded, _mark_key(word) if folded != word else word))
    return tuple(out)


def _words_of(phrase: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(canonical(phrase)))


Spelled = tuple[tuple[str, str], ...]
Aliases = dict[str, list[tuple[Spelled, tuple[Spelled, ...]]]]  # first folded word -> keys


def _spelled_as(words: Spelled, key: Spelled) -> bool:
    """Whether a phrase's words are an alias key: the same words with the same marks, or
    written without marks (then they stand for every word folding to them)."""
    return len(words) == len(key) and all(
        f == kf and m in (km, f) for (f, m), (kf, km) in zip(words, key, strict=True)
    )


def _expand_aliases(spelled: Spelled, aliases: Aliases) -> set[Spelled]:
    """Every spelling of a phrase once each alias key is swapped for its aliases."""
    variants = {spelled}
    todo = [spelled]
    for _ in range(2):  # a second pass picks up phrases holding two different keys
        found: list[Spelled] = []
        for variant in todo:
            for i, (word, _) in enumerate(variant):
                for key, alts in aliases.get(word, ()):
                    # the key as spelled, marks and all: "rồi" is typed "rùi", "rơi" never
                    # is ("bỏ rơi" is not "bỏ rùi"), nor "tới" "tui" nor "vợ" "zô"
                    if _spelled_as(variant[i : i + len(key)], key):
                        for alt in alts:
                            new = variant[:i] + alt + variant[i + len(key) :]
                            if new not in variants:
                                variants.add(new)
                                found.append(new)
        todo = found
    return variants


def build_rules(data: Any) -> Rules:
    """Validate the parsed rule file (`shared.core.classify_file`) and index its phrases.

    Raises RulesError (a ValueError) naming the place of every problem. The
    format is described at the top of `shared/data/classify.yaml`.
    """
    from shared.core import classify_file  # deferred with pydantic: importing this stays cheap

    vocabulary = {"categories": CATEGORIES, "topics": TOPICS, "subtopics": SUBTOPICS}
    top = classify_file.parse(data, vocabulary)
    aliases: Aliases = {}
    for key, alts in top.aliases.items():
        spelled_key = _spelling(_words_of(key))
        spellings = tuple(_spelling(_words_of(alt)) for alt in alts)
        aliases.setdefault(spelled_key[0][0], []).append((spelled_key, spellings))
    index: dict[str | tuple[str, str], list[Phrase]] = {}

    spelled: dict[str, Spelled] = {}
    once: dict[Any, Any] = {}
    # a phrase made only of ambiguous readings and light words is ambiguous once
    # folded, whichever list holds it ("đang cháy" is also "đang chạy")
    readings = {m for word in top.folds.ambiguous for _, m in _spelling(_words_of(word))}
    light = {m for word in top.folds.light for _, m in _spelling(_words_of(word))}

    def folds_onto_everyday(marks: tuple[str, ...]) -> bool:
        return any(m in readings for m in marks) and all(m in readings or m in light for m in marks)

    def add(group: str, labels: list[str], ambiguous: bool = False) -> None:
        for written in labels:
            # one object for equal labels and tuples: the prebuilt rules then hold
            # each once (less to unpickle at a cold start)
            label = once.setdefault(written, written)
            if label not in spelled:
                spelled[label] = _spelling(_words_of(label))
            # sorted: the same index in every process (a set's order follows the hash
            # seed), so the prebuilt rules are exactly what building gives
            for variant in sorted(_expand_aliases(spelled[label], aliases)):
                words = tuple(f for f, _ in variant)
                words = once.setdefault(words, words)
                marks = tuple(m for _, m in variant)
                marks = once.setdefault(marks, marks)
                unsure = ambiguous or folds_onto_everyday(marks)
                key = words[0] if len(words) == 1 else (words[0], words[1])
                index.setdefault(key, []).append(Phrase(words, marks, group, label, unsure))

    def add_evidence(group: str, node: Any) -> None:
        add(group, node.phrases)
        add(group, node.exact, ambiguous=True)
        add(f"ctx:{group}", node.context)
        add(f"not:{group}", node.not_)

    for compound in top.compounds:
        add("compound", compound.phrases)
        if compound.figure:
            add("figure", compound.phrases)
    add("other", top.other.phrases)
    add("other", top.other.exact, ambiguous=True)
    add("personal", top.other.personal)
    for group in ("other", "courtesy"):
        add(group, top.other.courtesy)
        add(group, top.other.courtesy_exact, ambiguous=True)
    add("officer", top.officer.phrases)
    add("talk", top.officer.talk)
    add("people", top.officer.people)
    add("officer_asks", top.officer.asks)
    line = top.about_line
    for group, items in (
        ("praise", line.praise),
        ("thanks", line.thanks),
        ("done", line.done),
        ("line", line.complaints),
        ("line_received", line.received),
        ("line_reported", line.reported),
        ("line_status", line.status),
        ("line_anew", line.anew),
        ("line_anew", line.since),
        ("line_since", line.since),
        ("line_update", line.update),
        ("line_opener", line.openers),
        ("line_reported_when", line.reported_when),
        ("line_unless", line.unless),
        ("if", top.hypothetical.if_),
        ("then", top.hypothetical.then),
        ("supposing_opening", top.hypothetical.opening),
        ("rumour", top.hypothetical.rumour),
        ("heard", top.hypothetical.heard),
        ("checks", top.hypothetical.checks),
        ("reaction_if", top.hypothetical.reaction_if),
        ("reaction_then", top.hypothetical.reaction_then),
        ("reaction_unless", top.hypothetical.reaction_unless),
        ("lasting", top.hypothetical.lasting),
        ("threat", top.hypothetical.threat),
        ("harmed_by", top.harmed_by),
        ("legality_asked", top.legality_asked),
        ("legality_own", top.legality_own),
        ("happened", top.happened),
        ("held", top.held),
        ("held_asks", top.held_asks),
        ("case_reported", top.case_reported),
        ("moving_away", top.moving_away.phrases),
        ("guidance_visit", top.guidance_visit),
        ("own_fine", top.own_fine),
        ("law_asked", top.law_asked),
        ("practice_asked", top.practice_asked),
        ("other_office", top.other_office),
        ("office_wish", top.office_wish),
        ("office_things", top.office_things),
        ("office_someone", top.office_someone),
        ("own_file", top.own_file),
        ("rights_asked", top.rights_asked),
        ("deadline_time", top.deadline_asked.time),
        ("deadline_declare", top.deadline_asked.declare),
        ("bribe", top.bribe),
        ("reporting", top.reporting),
        ("action_asked", top.action_asked),
        ("what_to_do", top.what_to_do),
        ("en_told:actor", top.english_told.actors),
        ("own_stay", top.own_stay),
        ("en_told:act", top.english_told.acts),
        ("report_wish", top.report_wish),
        ("things_received", top.things_received),
        ("link_checked", top.link_checked),
        ("chain", top.chain),
        ("forwarded", top.not_for_line.forwarded),
        ("forwarded_end", top.not_for_line.forwarded_end),
        ("warns", top.not_for_line.warns),
        ("own", top.not_for_line.own),
        ("called_off", top.not_for_line.called_off),
        ("schoolwork", top.not_for_line.schoolwork),
        ("line_asked", top.not_for_line.line_asked),
        ("elsewhere", top.not_for_line.elsewhere),
        ("elsewhere_unless", top.not_for_line.elsewhere_unless),
        ("elsewhere_landmark", top.not_for_line.elsewhere_landmark),
        ("elsewhere_asks", top.not_for_line.elsewhere_asks),
        ("line_use", top.not_for_line.line_use),
        ("public", top.not_for_line.public),
        ("trouble", top.not_for_line.trouble),
        ("family_called", top.not_for_line.family_called),
        ("crowd", top.not_for_line.crowd),
        ("crowd_end", top.not_for_line.crowd_end),
        ("crowd_unless", top.not_for_line.crowd_unless),
        ("officer_life", top.not_for_line.officer_life),
        ("weather", top.not_for_line.weather),
        ("news_asked", top.not_for_line.news_asked),
        ("mood", top.not_for_line.mood),
        ("pastime", top.not_for_line.pastime),
        ("pastime_unless", top.not_for_line.pastime_unless),
        ("community", top.not_for_line.community),
        ("relayed", top.not_for_line.relayed),
        ("mood_unless", top.not_for_line.mood_unless),
        ("mood_harm", top.not_for_line.mood_harm),
        ("misused", top.not_for_line.misused),
        ("match", top.not_for_line.match),
        ("cheer", top.not_for_line.cheer),
        ("laughter", top.laughter.words),
        ("joke_owned", top.laughter.owned),
        ("laughter_place", top.laughter.place),
        ("passing:news", top.passing.news),
        ("passing:long_ago", top.passing.long_ago),
        ("passing:gone", top.passing.gone),
        ("passing:unless", top.passing.unless),
        ("passing:dated", top.passing.dated),
        ("passing:news_unless", top.passing.news_unless),
        ("passing:spared", top.passing.spared),
        ("passing:reported_elsewhere", top.passing.reported_elsewhere),
        ("passing:dream", top.passing.dream),
        ("passing:game", top.passing.game),
        ("passing:film", top.passing.film),
        ("gone_long:left", top.gone_long.left),
        ("gone_long:years", top.gone_long.years),
        ("gone_long:story", top.gone_long.story),
        ("gone_long:recent", top.gone_long.recent),
        ("english", top.english),
        ("papers:lost", [*top.papers_asked.lost, *_paired(top.papers_asked)]),
        ("papers:ask", top.papers_asked.asks),
        ("papers:told", top.papers_asked.told),
        ("papers:reported", top.papers_asked.reported),
        ("not:question", top.question.not_),
    ):
        add(group, items)
    add("spam", top.spam.phrases)
    add("spam_unless", top.spam.unless)
    add("spam_asked", top.spam.asked)
    add("question", top.question.phrases)
    add("question", top.question.exact, ambiguous=True)

    def single_words(items: list[str], spelt: int = 0) -> frozenset[str]:
        """The one-word spellings of `items`, aliases too: folded (`spelt` 0) or their
        mark keys (1)."""
        found: set[str] = set()
        for word in items:
            for variant in _expand_aliases(_spelling(_words_of(word)), aliases):
                if len(variant) == 1:
                    found.add(variant[0][spelt])
        return frozenset(found)

    topics: list[TopicRule] = []
    for i, rule in enumerate(top.topics):
        topics.append(TopicRule(rule.topic, rule.subtopic, f"topic:{i}"))
        add(f"topic:{i}", rule.phrases)
        add(f"topic:{i}", rule.exact, ambiguous=True)

    categories: list[CategoryRule] = []
    for rule in top.categories:
        category = CategoryRule.of(
            rule.category,
            bool(rule.requires),
            frozenset(rule.beats),
            rule.background_when_past,
            tuple(pair.gap for pair in rule.near),
            bool(rule.premise_when_over),
        )
        categories.append(category)
        add(category.over, rule.premise_when_over)
        add(category.scene, rule.premise_when_asked)
        for (first, then, _), pair in zip(category.near, rule.near, strict=True):
            add(first, pair.first)
            add(then, pair.then)
        add_evidence(category.groups.evidence, rule)
        add(category.weak, rule.weak)
        add(category.requires, rule.requires)
        add(category.happened, rule.if_happened)
        add(category.asked, rule.unless_asked)
        add(category.asks, rule.asks)
        add(category.unhurt, rule.unhurt)
        add(category.unhurt, rule.not_done)
        add(f"not_done:{rule.category}", rule.not_done)
        add(f"not_done:{rule.category}", rule.not_named_beside)
    for name, slang in top.slang.items():
        category = CategoryRule.of(name, False, frozenset())
        add_evidence(category.groups.evidence, slang)
        add(category.weak, slang.weak)

    severity = top.severity
    for group in (
        "negations",
        "not_negations",
        "now",
        "past",
        "habitual",
        "not_habitual",
        "not_urgent",
    ):
        add(group, getattr(severity, group))
    # the offender gone is a past marker everywhere but in the rules that `last`
    add("past", severity.gone)
    add("gone", severity.gone)
    add("made_off", severity.made_off)
    # footage looked at, the guard asked: the taker is as gone as one who made off
    add("made_off", severity.found_later)
    add("reported_then", severity.reported_then)
    add("other_day", severity.other_day)
    # told for the record: the learned model never raises it (`_told_calm`)
    add("for_the_record", severity.for_the_record)
    # a day ahead: past for the urgency alone (`_severity_past`)
    add("later", severity.later)
    add("fresh", severity.fresh)
    # (ambiguous: "huong" typed without marks is also "Tân Hương", a street)
    add("fled", severity.fled, ambiguous=True)
    add("fled_not", severity.fled_not)
    add("left_lying", severity.left_lying)
    add("now", severity.ahead)
    add("kept", severity.ahead)
    add("kept", severity.kept)
    add("kept_today", severity.kept_today)
    add("today", severity.today)
    add_evidence(FEARS.evidence, severity.fears)
    severity_rules: list[SeverityRule] = []
    for rule in severity.rules:
        groups = Groups.of(f"sev:{rule.id}")
        severity_rules.append(
            SeverityRule(
                rule.id,
                rule.category,
                bool(rule.with_),
                rule.needs_now,
                rule.ongoing,
                frozenset(rule.unless_category),
                rule.makes_tip,
                groups,
                f"with:{rule.id}",
                f"unless:{rule.id}",
                rule.feared,
                rule.lasts,
                rule.alone,
                rule.alone_then,
                rule.tip_category,
            )
        )
        add_evidence(groups.evidence, rule)
        add(f"with:{rule.id}", rule.with_)
        add(f"unless:{rule.id}", rule.unless)
        if rule.recorded_over:
            add(f"unless:{rule.id}", severity.for_the_record)

    abbreviations = {}
    for key, expansion in top.abbreviations.items():
        words = _words_of(expansion)
        abbreviations[fold(key)] = (words, tuple(fold(w) or w for w in words))

    return _openers(
        Rules(
            words={k: tuple(v) for k, v in index.items() if isinstance(k, str)},
            pairs={k: tuple(v) for k, v in index.items() if isinstance(k, tuple)},
            abbreviations=abbreviations,
            categories=tuple(categories),
            severity=tuple(severity_rules),
            topics=tuple(topics),
            question_final=single_words(top.question.final),
            question_trailing=single_words(top.question.trailing),
            question_punctuation=tuple(top.question.punctuation),
            negation_window=severity.negation_window,
            fear_window=severity.fear_window,
            default_tip_min_words=top.default_tip_min_words,
            courtesy_report_min_words=top.courtesy_report_min_words,
            spam_min_phrases=top.spam.min_phrases,
            officer_gap=top.officer.gap,
            hypothetical_lead=top.hypothetical.lead,
            papers_categories=frozenset(top.papers_asked.categories),
            moving_categories=frozenset(top.moving_away.categories),
            laughter_marks=tuple(top.laughter.marks),
            mood_marks=tuple(top.not_for_line.mood_marks),
            web_domains=frozenset(d.lower() for d in top.spam.web_domains),
            english_min_words=top.english_min_words,
            english_told_gap=top.english_told.gap,
            calm_categories=frozenset(severity.calm_categories),
            made_off_calm=frozenset(severity.made_off_calm),
            fled_categories=frozenset(severity.fled_categories),
            left_lying_calm=frozenset(severity.left_lying_calm),
            question_final_marks=single_words(top.question.final, spelt=1),
            question_bare_other=frozenset(map(_fold_word, top.question.bare_other)),
            question_named_only=frozenset(top.question.named_only),
        )
    )


def _paired(papers: Any) -> list[str]:
    """The phrases of lost papers made of the two word classes: a loss then a paper, a light
    word between or not ("làm rớt căn cước", "rớt luôn căn cước"), or the paper then the loss
    said of it ("căn cước bị thất lạc")."""
    made: list[str] = []
    for loss in papers.losses:
        for paper in papers.papers:
            made.append(f"{loss} {paper}")
            made.extend(f"{loss} {word} {paper}" for word in papers.between)
            made.append(f"{paper} bị {loss}")
    return made


def _openers(rules: Rules) -> Rules:
    """The rules with the index of which rules each group of hits may open, and their
    phrases by first word (`starts`)."""
    categories: dict[str, list[int]] = {}
    for i, rule in enumerate(rules.categories):
        opening = (rule.groups.evidence, rule.weak, rule.happened, *(f for f, _, _ in rule.near))
        for group in dict.fromkeys(opening):
            categories.setdefault(group, []).append(i)
    severity: dict[str, list[int]] = {}
    of_category: dict[str, list[int]] = {}
    for i, sev in enumerate(rules.severity):
        if sev.category is None:
            severity.setdefault(sev.groups.evidence, []).append(i)
        else:
            of_category.setdefault(sev.category, []).append(i)
    starts = Starts({word: (phrases, {}) for word, phrases in rules.words.items()})
    for (first, second), phrases in rules.pairs.items():
        longer: dict[str, list[Phrase]] = {}
        for phrase in phrases:
            if len(phrase.words) > 2:
                longer.setdefault(phrase.words[2], []).append(phrase)
        two = tuple(phrase for phrase in phrases if len(phrase.words) == 2)
        thirds = {third: tuple(found) for third, found in longer.items()}
        starts.setdefault(first, ((), {}))[1][second] = (two, thirds)
    # every group a phrase of the rules may give its hits, with the sections it opens
    named = {phrase.group for phrases in rules.words.values() for phrase in phrases}
    named.update(phrase.group for phrases in rules.pairs.values() for phrase in phrases)
    opening = {**_SECTIONS, _CATEGORY: tuple(categories), _SEVERITY: tuple(severity)}
    sections: dict[str, int] = {}
    for group in sorted(named):
        bits = 0
        for bit, names in opening.items():
            if any(group == n or (n.endswith(":") and group.startswith(n)) for n in names):
                bits |= bit
        if bits:
            sections[group] = bits
    return replace(
        rules,
        starts=starts,
        category_openers={k: tuple(v) for k, v in categories.items()},
        severity_openers={k: tuple(v) for k, v in severity.items()},
        severity_of_category={k: tuple(v) for k, v in of_category.items()},
        topic_of={topic.group: i for i, topic in enumerate(rules.topics)},
        procedure_topics=frozenset(
            topic.group
            for topic in rules.topics
            if topic.topic in RESIDENCE_TOPICS or topic.subtopic is not None
        ),
        sections=sections,
    )


_LOADING = threading.Lock()


@cache
def load_rules(path: str = RULES_PATH, prebuilt_path: str = PREBUILT_RULES_PATH) -> Rules:
    """The rules, once: prebuilt when `prebuilt_path` was built from the rule file and
    `RULES_CODE` as they are now, else parsed, validated and indexed from the rule
    file (`rules_from_file`). The tests validate the rule file before a deploy
    (tests/test_classify.py) and check the prebuilt rules are current
    (tests/test_prebuilt.py): loading them skips YAML and pydantic, not validation.

    Under a lock: the webhook's first requests arrive together on several
    threads, and each would otherwise build the rules again, all competing for
    the instance's CPU while their writes wait."""
    with _LOADING:
        return _read_rules(path, prebuilt_path)


@cache
def _read_rules(path: str, prebuilt_path: str) -> Rules:
    rules = prebuilt.load(prebuilt_path, rules_sources(path), Rules)
    return rules if rules is not None else rules_from_file(path)


def rules_sources(path: str = RULES_PATH) -> tuple[str, ...]:
    """What the rules are built from: the rule file and the code (`RULES_CODE`)."""
    return (path, _conversation_path(path), *RULES_CODE)


def rules_from_file(path: str = RULES_PATH) -> Rules:
    """Parse, validate and index the rule file, with the conversation's words of a
    complaint about the police beside it (PyYAML is imported here only)."""
    from shared.core import (
        data_file as yaml_data,  # deferred: importing shared.core.classify must stay cheap
    )

    with open(path, encoding="utf-8") as f:
        rules = build_rules(yaml_data.load(f))
    with open(_conversation_path(path), encoding="utf-8") as f:
        police_complaint = PoliceComplaint.from_file(yaml_data.load(f))
    return replace(rules, police_complaint=police_complaint)


def _conversation_path(rules_path: str) -> str:
    return os.path.join(os.path.dirname(rules_path), "conversation.yaml")


# --- matching ----------------------------------------------------------------


def _cried(hits: list[Hit], clauses: tuple[int, ...], then: int, habitual: bool) -> bool:
    """A cry that is the whole message ("có cướp"), or its whole first clause followed by at
    most `then` words, none of a habit: where it is ("cướp!!! đầu hẻm 256 Tân Hương"), not a
    story ("có trộm, xóm này mất đồ hoài")."""
    covered = {i for h in hits for i in range(h[START], h[END])}
    if len(covered) >= len(clauses):
        return True
    first = [i for i, clause in enumerate(clauses) if clause == clauses[0]]
    return not habitual and covered >= set(first) and len(clauses) - len(first) <= then


# A phrase of the rules found in a message: (group, label, start, end, sure, clause), its
# fields read by place (`GROUP`...). A plain tuple, not a named one: a message makes a dozen,
# and a named tuple cost some four times a plain one's making and freeing, and each field
# read by name went through its descriptor (round 25).
Hit = tuple[str, str, int, int, bool, int]
GROUP = 0  # the rules' group
LABEL = 1  # the phrase as written in the rule file
START = 2  # the first word, in words
END = 3  # exclusive, in words
SURE = 4  # False: an ambiguous phrase typed without its marks
CLAUSE = 5  # the clause it lies in (`_Message.clauses`)


class _Message(NamedTuple):
    # a tuple, not a frozen dataclass (as `Hit`): one a message, at a fifth of the cost
    folded: tuple[str, ...]
    marks: tuple[str | None, ...]  # mark key of each word typed with marks, else None
    typed_with_marks: bool  # any word carries marks: an unmarked word then means no marks
    # the clause of each word: a new one after every boundary the writer typed (_PIECE)
    clauses: tuple[int, ...]
    # each word as the learned model reads it (`_model_words`): as written when marked
    model_words: tuple[str, ...]
    text: str = ""  # as the citizen wrote it (`about_police` reads it as the router does)


# A `_Message` made without its own `__new__` (a Python function)
_message = partial(tuple.__new__, _Message)


def _tokenise(text: str, rules: Rules) -> _Message:
    """The folded words of a text with the marks they were typed with, abbreviations
    spelled out, and the clause each lies in: "biet nha, chay mau" holds no "nhà cháy"."""
    # Chunk by chunk (`_pieces`, each once): no piece of `_PIECE` spans whitespace, and
    # what it finds in a chunk is what it finds there in the whole text, but for a
    # dash standing alone: a boundary between two chunks, none opening or ending the text.
    chunks = text.replace("\n", " ; ").split()
    if chunks and chunks[0] in _DASHES:
        del chunks[0]
    if chunks and chunks[-1] in _DASHES:
        del chunks[-1]
    # each word's three readings side by side (`_pieces`): one list added a chunk, where
    # three were, each reading sliced out of it once at the end
    read: list[str | None] = []
    clauses: list[int] = []
    clause = 0
    for words_read, before, breaks in map(_pieces, chunks):
        if breaks:
            # the words since the last boundary lie in the clause so far, filled in only
            # here and at the end: most chunks hold none (a list made and added a chunk
            # for them cost a fifth of the reading)
            clauses += [clause] * (len(read) // 3 - len(clauses))
            clauses += [clause + b for b in before] if clause else before
            clause += breaks
        read += words_read
    clauses += [clause] * (len(read) // 3 - len(clauses))
    words = tuple(read[0::3])  # (folded: a str each)
    if not rules.abbreviations.keys().isdisjoint(words):  # once a message, not a chunk
        return _spelled_out(text, list(map(_pieces, chunks)), rules.abbreviations)
    marks = read[1::3]
    typed_with_marks = marks.count(None) != len(marks)
    # typed without marks, each word read is its folded form as typed (`_pieces`)
    return _message(
        (words, tuple(marks), typed_with_marks, tuple(clauses), tuple(read[2::3]), text)  # type: ignore[arg-type]
    )


def _spelled_out(
    text: str,
    pieces: list[_Pieces],
    abbreviations: dict[str, tuple[tuple[str, ...], tuple[str, ...]]],
) -> _Message:
    """`_tokenise` of a text holding an abbreviation ("cccd"), each spelled out."""
    folded_words: list[str] = []
    marks: list[str | None] = []
    clauses: list[int] = []
    read: list[tuple[str, str | None]] = []  # the model's word as typed, or an expansion's
    clause = 0
    for words_read, before, breaks in pieces:
        folded, marked, typed = words_read[0::3], words_read[1::3], words_read[2::3]
        for word, mark, b, as_typed in zip(folded, marked, before, typed, strict=True):
            expansion = abbreviations.get(word)
            if expansion is None:
                folded_words.append(word)
                marks.append(mark)
                clauses.append(clause + b)
                read.append((as_typed, None))
                continue
            for written, flat in zip(*expansion, strict=True):
                folded_words.append(flat)
                marks.append(_mark_key(written) if flat != written else None)
                clauses.append(clause + b)
                read.append((flat, marks[-1]))
        clause += breaks
    typed_with_marks = marks.count(None) != len(marks)
    model_words = tuple([(m or f) if typed_with_marks else f for f, m in read])
    return _message(
        (tuple(folded_words), tuple(marks), typed_with_marks, tuple(clauses), model_words, text)
    )


# A chunk read (`_pieces`): each word's three readings side by side (its folded form, its
# mark key, the word as the model reads it: `_Message`'s `folded`, `marks`, `model_words`),
# the boundaries before each word, and the boundaries in all
_Pieces = tuple[tuple[str | None, ...], tuple[int, ...], int]


class _Chunks(dict):  # type: ignore[type-arg]
    """Each chunk read (`_read_chunk`), kept: citizens write the same few thousand chunks
    over and over, and each is read once. A chunk read before is found by the dict's own
    lookup, in C (`_pieces`), where `lru_cache`'s wrapper made a key and moved its entry
    for every chunk of every message (round 31); a new one is read through `__missing__`.
    At most `_CHUNKS_KEPT` are kept: when full, all are forgotten and read again as they
    come (the same readings: a chunk's reading is its own alone)."""

    def __missing__(self, chunk: str) -> _Pieces:
        read = _read_chunk(chunk)
        if len(self) >= _CHUNKS_KEPT:
            self.clear()
        self[chunk] = read
        return read


_CHUNKS_KEPT = 65536  # (as many as the `lru_cache` it replaced kept)
_pieces = _Chunks().__getitem__  # a chunk's reading, read once (`_read_chunk`)


def _read_chunk(chunk: str) -> _Pieces:
    """What a text's chunk between whitespace holds, canonical (`canonical_word`): for
    each word side by side, its folded form, its mark key (None when typed without
    marks) and the word as the model reads it (its mark key when typed with marks); how
    many boundaries (`_PIECE`, within spaces as in the text) come before each word in the
    chunk, and how many it holds (read once a chunk: `_pieces`)."""
    folded: list[str] = []
    marks: list[str | None] = []
    before: list[int] = []
    read: list[str] = []
    breaks = 0
    for piece in _PIECE.findall(f" {canonical_word(chunk)} "):
        if piece[0] in _BREAKS:
            breaks += 1
        else:
            # the rules read a letter held down at the word's end once ("khôngg": `undoubled`);
            # the model reads the word as typed, as it was trained (retrained on the
            # rules' reading, it read a blind set lower)
            held = undoubled(piece)
            word = _fold_word(held)
            folded.append(word)
            marks.append(_mark_key(held) if word != held else None)
            before.append(breaks)
            typed = _fold_word(piece)
            read.append(_mark_key(piece) if typed != piece else typed)
    side_by_side: list[str | None] = []
    for reading in zip(folded, marks, read, strict=True):
        side_by_side += reading
    return tuple(side_by_side), tuple(before), breaks


def _scan(message: _Message, rules: Rules) -> list[Hit]:
    """Every phrase of the rules in the message, on whole words; a phrase of two words
    or more only within one clause (a boundary the writer typed ends it). (A message is
    read through `_grouped`, whose loop is this one's grouping as it finds: this list,
    in the order found, is what it is tested against and falls back on.)"""
    hits: list[Hit] = []
    append = hits.append
    words, marks, clauses = message.folded, message.marks, message.clauses
    marked = message.typed_with_marks
    starts, unread = rules.starts.get, rules.starts.pieces
    last = len(words) - 1
    for i, word in enumerate(words):
        start = starts(word)
        if start is None:
            if word not in unread:
                continue  # a word beginning no phrase
            start = rules.starts.read(word)  # prebuilt: its phrases, read on first use
        ones, seconds = start
        clause = clauses[i]
        # Its phrases of one word (most candidates), apart: one word, one mark, no span
        # to check (a loop of its own, where every phrase's length, span and marks were
        # sliced and compared as a longer one's)
        if ones:
            if not marked:
                # typed without marks, every word may be any word folding to it: a phrase
                # found is sure unless ambiguous
                for _, _, group, label, ambiguous in ones:
                    append((group, label, i, i + 1, not ambiguous, clause))
            else:
                typed = marks[i]
                for _, (want,), group, label, ambiguous in ones:
                    if typed == want:  # typed with the rule's marks
                        append((group, label, i, i + 1, True, clause))
                    elif typed is None:
                        # typed without marks: it may be any word folding to it, unless
                        # the citizen types marks elsewhere and the rule's word has none
                        sure = want == word or not ambiguous
                        append((group, label, i, i + 1, sure, clause))
                    # (typed with other marks: another word, "chạy" is not "cháy")
        if not seconds or i == last or clauses[i + 1] != clause:
            continue
        second = seconds.get(words[i + 1])
        if second is None:
            continue
        # a phrase of two words, then those of more whose third word follows
        candidates, thirds = second
        if thirds and i + 1 < last and clauses[i + 2] == clause:
            longer = thirds.get(words[i + 2])
            if longer:
                candidates = (*candidates, *longer) if candidates else longer
        if not marked:
            for phrase_words, _, group, label, ambiguous in candidates:
                n = len(phrase_words)
                # (one of three words was found by its third, in the clause: `thirds`)
                if n > 3 and (words[i : i + n] != phrase_words or clauses[i + n - 1] != clause):
                    continue
                append((group, label, i, i + n, not ambiguous, clause))
            continue
        for phrase_words, phrase_marks, group, label, ambiguous in candidates:
            n = len(phrase_words)
            if n > 3 and (words[i : i + n] != phrase_words or clauses[i + n - 1] != clause):
                continue
            end = i + n
            if marks[i:end] == phrase_marks:  # each word typed with the rule's marks
                append((group, label, i, end, True, clause))
                continue
            sure = True
            for j, want in enumerate(phrase_marks):
                typed = marks[i + j]
                if typed is None:
                    # typed without marks: it may be any word folding to it, unless
                    # the citizen types marks elsewhere and the rule's word has none
                    if want != words[i + j]:
                        sure = False
                elif typed != want:
                    break  # typed with other marks: another word ("chạy" is not "cháy")
            else:
                append((group, label, i, end, sure or not ambiguous, clause))
    return hits


def _grouped(message: _Message, rules: Rules) -> dict[str, list[Hit]]:
    """`_by_group(_without_compounds(_scan(message, rules)))` in one pass: each hit put in
    its group where the scan finds it (the same phrases found as `_scan` finds them, in
    the same order), with no list of every hit made and read again; a message's
    compounds then dropped from its groups (`_compounds_dropped`), and each group said
    more than once keeping its longest hits (`_longest`). The scan's loop is `_scan`'s,
    a copy kept in step with it (tests/test_classify_scan_r30.py: the same groups, in
    the same order, on every non-blind fixture text), not shared through a call a hit:
    the hits found and grouped cost 103.4k instructions a message where found, then
    grouped apart, they cost 107.5k (round 30)."""
    groups: dict[str, list[Hit]] = {}
    listed = groups.get
    repeated: list[list[Hit]] = []  # the groups of more than one hit (most have one)
    words, marks, clauses = message.folded, message.marks, message.clauses
    marked = message.typed_with_marks
    starts, unread = rules.starts.get, rules.starts.pieces
    last = len(words) - 1
    for i, word in enumerate(words):
        start = starts(word)
        if start is None:
            if word not in unread:
                continue  # a word beginning no phrase
            start = rules.starts.read(word)  # prebuilt: its phrases, read on first use
        ones, seconds = start
        clause = clauses[i]
        # Its phrases of one word (most candidates), apart: one word, one mark, no span
        # to check (a loop of its own, where every phrase's length, span and marks were
        # sliced and compared as a longer one's)
        if ones:
            if not marked:
                # typed without marks, every word may be any word folding to it: a phrase
                # found is sure unless ambiguous
                for _, _, group, label, ambiguous in ones:
                    hit = (group, label, i, i + 1, not ambiguous, clause)
                    items = listed(group)
                    if items is None:
                        groups[group] = [hit]
                    else:
                        items.append(hit)
                        if len(items) == 2:
                            repeated.append(items)
            else:
                typed = marks[i]
                for _, (want,), group, label, ambiguous in ones:
                    if typed == want:  # typed with the rule's marks
                        hit = (group, label, i, i + 1, True, clause)
                        items = listed(group)
                        if items is None:
                            groups[group] = [hit]
                        else:
                            items.append(hit)
                            if len(items) == 2:
                                repeated.append(items)
                    elif typed is None:
                        # typed without marks: it may be any word folding to it, unless
                        # the citizen types marks elsewhere and the rule's word has none
                        sure = want == word or not ambiguous
                        hit = (group, label, i, i + 1, sure, clause)
                        items = listed(group)
                        if items is None:
                            groups[group] = [hit]
                        else:
                            items.append(hit)
                            if len(items) == 2:
                                repeated.append(items)
                    # (typed with other marks: another word, "chạy" is not "cháy")
        if not seconds or i == last or clauses[i + 1] != clause:
            continue
        second = seconds.get(words[i + 1])
        if second is None:
            continue
        # a phrase of two words, then those of more whose third word follows
        candidates, thirds = second
        if thirds and i + 1 < last and clauses[i + 2] == clause:
            longer = thirds.get(words[i + 2])
            if longer:
                candidates = (*candidates, *longer) if candidates else longer
        if not marked:
            for phrase_words, _, group, label, ambiguous in candidates:
                n = len(phrase_words)
                # (one of three words was found by its third, in the clause: `thirds`)
                if n > 3 and (words[i : i + n] != phrase_words or clauses[i + n - 1] != clause):
                    continue
                hit = (group, label, i, i + n, not ambiguous, clause)
                items = listed(group)
                if items is None:
                    groups[group] = [hit]
                else:
                    items.append(hit)
                    if len(items) == 2:
                        repeated.append(items)
            continue
        for phrase_words, phrase_marks, group, label, ambiguous in candidates:
            n = len(phrase_words)
            if n > 3 and (words[i : i + n] != phrase_words or clauses[i + n - 1] != clause):
                continue
            end = i + n
            if marks[i:end] == phrase_marks:  # each word typed with the rule's marks
                hit = (group, label, i, end, True, clause)
                items = listed(group)
                if items is None:
                    groups[group] = [hit]
                else:
                    items.append(hit)
                    if len(items) == 2:
                        repeated.append(items)
                continue
            sure = True
            for j, want in enumerate(phrase_marks):
                typed = marks[i + j]
                if typed is None:
                    # typed without marks: it may be any word folding to it, unless
                    # the citizen types marks elsewhere and the rule's word has none
                    if want != words[i + j]:
                        sure = False
                elif typed != want:
                    break  # typed with other marks: another word ("chạy" is not "cháy")
            else:
                hit = (group, label, i, end, sure or not ambiguous, clause)
                items = listed(group)
                if items is None:
                    groups[group] = [hit]
                else:
                    items.append(hit)
                    if len(items) == 2:
                        repeated.append(items)
    if "compound" in groups and not _compounds_dropped(groups, repeated):
        return _by_group(_without_compounds(_scan(message, rules)))  # (hardly ever)
    if repeated:
        _longest(repeated)
    return groups


def _compounds_dropped(groups: dict[str, list[Hit]], repeated: list[list[Hit]]) -> bool:
    """`_without_compounds` on hits already grouped (`_grouped`, a fifth of the messages):
    each group keeps, in place, its hits that no compound makes mean something else, and a
    group left with none is dropped; `repeated` keeps the groups left with more than one.
    False (nothing done that matters) when a group lost its first hit but kept a later
    one: grouped from the hits kept, it would stand where that later hit was found."""
    compounds = [(c[START], c[END]) for c in groups["compound"]]
    emptied: list[str] = []
    for group, items in groups.items():
        if group == "compound":
            continue
        for h in items:
            start, end = h[START], h[END]
            for c_start, c_end in compounds:
                # a word shared (overlapping), the compound not held whole
                if c_start < end and start < c_end and not (start <= c_start and c_end <= end):
                    break
            else:
                continue
            break
        else:
            continue  # most groups: every hit kept, the list as it is (no copy made)
        kept = [h for h in items if not _shares_word(h, compounds)]
        if not kept:
            emptied.append(group)
        elif kept[0] is not items[0]:
            return False
        items[:] = kept
    for group in emptied:
        del groups[group]
    repeated[:] = [items for items in repeated if len(items) > 1]
    return True


_GROUP = itemgetter(0)  # a `Hit`'s group
_START_OF = itemgetter(START)  # a `Hit`'s first word
_LABEL = itemgetter(1)  # a `Hit`'s label
_SURE = itemgetter(4)  # a `Hit`'s `sure`


def _shares_word(hit: Hit, compounds: list[tuple[int, int]]) -> bool:
    """A hit sharing a word with a compound without holding it whole (the groups that
    hold one, `_compounds_dropped`: as `_without_compounds` reads them)."""
    start, end = hit[START], hit[END]
    for c_start, c_end in compounds:
        if c_start < end and start < c_end and not (start <= c_start and c_end <= end):
            return True
    return False


def _without_compounds(hits: list[Hit]) -> list[Hit]:
    """Drop every hit that shares a word with an everyday compound without holding it
    whole ("đánh" in "đánh thức", "tông" in "bê tông", "cầm súng" in "cầm súng nước"):
    the compound's words mean something else."""
    # most messages hold none: looked for in a loop (a `map` of `_GROUP` called the
    # itemgetter through a tuple of its argument for each hit, ≈ 2.5× the cost)
    for hit in hits:
        if hit[GROUP] == "compound":
            break
    else:
        return hits
    compounds = [(c[START], c[END]) for c in hits if c[GROUP] == "compound"]
    kept: list[Hit] = []
    # loops, not `any` of a generator a hit with `_overlaps` a call a pair: a fifth of
    # the messages hold a compound, and each of their hits was one generator and calls
    for h in hits:
        if h[GROUP] != "compound":
            start, end = h[START], h[END]
            for c_start, c_end in compounds:
                # a word shared (overlapping), the compound not held whole
                if c_start < end and start < c_end and not (start <= c_start and c_end <= end):
                    break
            else:
                kept.append(h)
        else:
            kept.append(h)
    return kept


def _by_group(hits: list[Hit]) -> dict[str, list[Hit]]:
    """Hits per group, dropping a hit that lies inside a longer hit of its group; `hits`
    in order of their start, as `_scan` finds them."""
    groups: dict[str, list[Hit]] = {}
    repeated: list[list[Hit]] = []  # the groups of more than one hit (most have one)
    for hit in hits:
        group = hit[GROUP]
        items = groups.get(group)
        if items is None:
            groups[group] = [hit]
        else:
            items.append(hit)
            if len(items) == 2:
                repeated.append(items)
    if repeated:
        _longest(repeated)
    return groups


def _longest(repeated: list[list[Hit]]) -> None:
    """Each group said more than once keeps, in place, its hits that lie inside no longer
    hit of it (`_by_group`; the hits in order of their start, as `_scan` finds them)."""
    for items in repeated:
        if len(items) == 2:
            # most groups said twice: the two hits (in order of start) compared in place,
            # as the pass below would keep them, with no set, sort or map made for them
            a, b = items
            a_start, a_end, b_start, b_end = a[START], a[END], b[START], b[END]
            if a_end - a_start == b_end - b_start:
                continue  # of one length: neither lies inside the other
            if a_start == b_start:
                items[:] = [a if a_end > b_end else b]  # the shorter lies inside the longer
            elif b_end <= a_end:
                del items[1]  # the second lies inside the first
            continue
        # In order of start (as `_scan` finds them), a hit lies inside a longer one exactly
        # when a hit of an earlier start reaches its end, or one of its own start ends
        # further: each start's hits ending furthest are kept (in their order) unless an
        # earlier start reached as far. One pass, no sort (the hits are in order of start).
        kept: list[Hit] = []
        reach = -1  # the furthest end of the hits starting before this start
        start, first = items[0][START], [items[0]]  # this start, its hits ending furthest
        first_end = items[0][END]
        for h in items[1:]:
            if h[START] != start:
                if reach < first_end:
                    kept += first
                    reach = first_end
                start, first, first_end = h[START], [h], h[END]
            elif h[END] > first_end:
                first, first_end = [h], h[END]
            elif h[END] == first_end:
                first.append(h)
        if reach < first_end:
            kept += first
        items[:] = kept


def _opened(openers: dict[str, tuple[int, ...]], groups: Iterable[str]) -> set[int]:
    """The rules the message's groups open (`Rules.category_openers`, `severity_openers`):
    a message has some eleven groups, most of them opening nothing. (A loop: the views'
    intersection in C built a set of every group first, ≈ 1.3× the cost.)"""
    opened: set[int] = set()
    for group in groups:
        if group in openers:
            opened.update(openers[group])
    return opened


def _said_in(text: str, marks: Iterable[str]) -> list[str]:
    """The marks ("?", "=))", "😂") the text holds, in their order. (A loop: a `filter` or
    `map` of `text.__contains__` called the slot through a wrapper for each mark, ≈ 4×
    the cost.)"""
    found: list[str] = []
    for mark in marks:
        if mark in text:
            found.append(mark)
    return found


def _any_said_in(text: str, marks: Iterable[str]) -> bool:
    """Whether the text holds any of the marks (`_said_in`)."""
    for mark in marks:  # noqa: SIM110 (a loop, as `_said_in`)
        if mark in text:
            return True
    return False


def _labels(hits: list[Hit]) -> list[str]:
    """Each hit's label once, in order (some five calls a message; one hit, most of those
    with any, read in place: no list made for it but the answer)."""
    if len(hits) < 2:
        return [hits[0][LABEL]] if hits else []
    # (a loop: a `map` of `_LABEL` called the itemgetter through a tuple for each hit)
    labels: list[str] = []
    for hit in hits:
        label = hit[LABEL]
        if label not in labels:
            labels.append(label)
    return labels


def _unique(items: list[str]) -> tuple[str, ...]:
    """Distinct reasons in order, leaving out one already said by a longer one."""
    if len(items) < 2:
        return tuple(items)  # a third of the calls: nothing to leave out
    kept: list[str] = []
    said: list[str] = []  # each kept, padded once: " giật " is in " giật điện thoại "
    for item in items:
        padded = f" {item} "
        # (a loop: `any` of a `map` of `str.__contains__` made two iterators a reason and
        # called the slot through a tuple of its arguments for each one said)
        for longer in said:
            if padded in longer:
                break
        else:
            kept.append(item)
            said.append(padded)
    return tuple(kept)


def _negated(hit: Hit, negations: list[Hit], window: int) -> bool:
    """A negation (or a fear) within `window` words before the hit, in its clause: it
    says nothing of the next one ("hết tiền, nó cầm dao đòi"; "không. nó cầm dao")."""
    start, clause = hit[START], hit[CLAUSE]
    for n in negations:  # noqa: SIM110 (a loop, not `any` of a generator: as `_inside`)
        if start - window <= n[END] <= start and n[CLAUSE] == clause:
            return True
    return False


def _inside(hit: Hit, others: list[Hit]) -> bool:
    start, end = hit[START], hit[END]
    for o in others:  # noqa: SIM110 (a loop, not `any` of a generator: a dozen calls a message)
        if o[START] <= start and end <= o[END]:
            return True
    return False


def _overlaps(hit: Hit, other: Hit) -> bool:
    return hit[START] < other[END] and other[START] < hit[END]


# The decision's tests over a few hits, each a loop of its own here: a comprehension or a
# generator in `_by_rules` or `_danger` made a cell of every name it read, for every message
# (23 and 8 of them, ≈ 10k instructions a message made and freed), and a function object
# each time it ran.


def _outside(hits: list[Hit], others: list[Hit]) -> list[Hit]:
    """The hits inside none of `others`, in order."""
    kept = []  # (a loop: a comprehension made a cell of `others` and a function each call)
    for h in hits:
        if not _inside(h, others):
            kept.append(h)
    return kept


def _any_outside(hits: list[Hit], others: list[Hit]) -> bool:
    for h in hits:  # noqa: SIM110 (a loop, not `any` of a generator: as `_inside`)
        if not _inside(h, others):
            return True
    return False


def _all_inside(hits: list[Hit], others: list[Hit]) -> bool:
    for h in hits:  # noqa: SIM110 (as `_any_outside`)
        if not _inside(h, others):
            return False
    return True


def _any_overlap(hits: list[Hit], others: list[Hit]) -> bool:
    for h in hits:
        for o in others:
            if h[START] < o[END] and o[START] < h[END]:
                return True
    return False


def _not_overlapping(hits: list[Hit], others: list[Hit]) -> list[Hit]:
    """The hits overlapping none of `others`, in order."""
    kept = []  # (a loop, as `_outside`)
    for h in hits:
        if not _any_overlap((h,), others):
            kept.append(h)
    return kept


def _ending_from(hits: list[Hit], at: int) -> list[Hit]:
    return [h for h in hits if h[END] >= at]


def _ending_by(hits: list[Hit], at: int) -> bool:
    for h in hits:  # noqa: SIM110 (as `_any_outside`)
        if h[END] > at:
            return False
    return True


def _in_clause(hits: list[Hit], clause: int) -> list[Hit]:
    return [h for h in hits if h[CLAUSE] == clause]


def _before_or_inside(hits: list[Hit], first: int, others: list[Hit]) -> bool:
    """Every hit starts before `first` or lies inside one of `others`."""
    for h in hits:  # noqa: SIM110 (as `_any_outside`)
        if not (h[START] < first or _inside(h, others)):
            return False
    return True


def _said_bi(folded: tuple[str, ...], hits: list[Hit]) -> bool:
    """One of the hits ends in "bị" (the writer's own harm: "em bị")."""
    for h in hits:  # noqa: SIM110 (as `_any_outside`)
        if folded[h[END] - 1] == "bi":
            return True
    return False


def _live(hits: list[Hit], negations: list[Hit], not_urgent: list[Hit], window: int) -> list[Hit]:
    """A severity rule's hits neither negated nor inside a phrase of no hurry (`_danger`)."""
    if not hits:
        return []
    kept = []  # (a loop, as `_outside`)
    for h in hits:
        if not _negated(h, negations, window) and not _inside(h, not_urgent):
            kept.append(h)
    return kept


def _not_negated(hits: list[Hit], negations: list[Hit], window: int) -> list[Hit]:
    kept = []  # (a loop, as `_outside`)
    for h in hits:
        if not _negated(h, negations, window):
            kept.append(h)
    return kept


def _evidence(groups: dict[str, list[Hit]], names: Groups) -> list[Hit]:
    """The hits that count for a rule: not inside its `not` phrases; an ambiguous
    phrase typed without marks only beside a sure hit or a context phrase."""
    hits = groups.get(names.evidence)
    if not hits:
        return []
    cancel = groups.get(names.cancel)
    if cancel:
        hits = _outside(hits, cancel)
    if _all_sure(hits):
        return hits
    sure = [h for h in hits if h[SURE]]
    context = groups.get(names.context, [])
    if cancel and context:
        # a context word inside the rule's `not` phrases is another word's part ("gái" of
        # "con gái", a daughter): it confirms nothing
        context = _outside(context, cancel)
    kept = []  # (a loop, as `_outside`)
    for h in hits:
        if h[SURE] or _any_apart(h, sure) or _any_apart(h, context):
            kept.append(h)
    return kept


def _any_apart(hit: Hit, others: list[Hit]) -> bool:
    """One of `others` does not overlap the hit (`_evidence`)."""
    for o in others:  # noqa: SIM110 (as `_inside`)
        if not _overlaps(hit, o):
            return True
    return False


def _all_sure(hits: list[Hit]) -> bool:
    """Whether every hit is sure. (A loop: a `map` of `_SURE` called the itemgetter
    through a tuple of its argument for each hit.)"""
    for hit in hits:  # noqa: SIM110 (a loop, as the docstring says)
        if not hit[SURE]:
            return False
    return True


def _any_sure(hits: list[Hit]) -> bool:
    """Whether any hit is sure (a loop, as `_all_sure`)."""
    for hit in hits:  # noqa: SIM110 (a loop, as `_all_sure`)
        if hit[SURE]:
            return True
    return False


def _sure(groups: dict[str, list[Hit]], name: str) -> list[Hit]:
    hits = groups.get(name)  # most groups are absent: no list built for them
    if not hits:
        return []
    if len(hits) == 1:  # most: one hit, read in place (no filter made, no itemgetter called)
        return hits[:] if hits[0][SURE] else []
    return list(filter(_SURE, hits))


def _topic_named(groups: dict[str, list[Hit]], group: str) -> bool:
    """A topic's phrase said, not inside a statement (`question.not`): "không ai khai báo"
    (nobody declares them) reports what goes on, it does not ask who declares."""
    hits = _sure(groups, group)
    statements = groups.get("not:question") if hits else None
    if statements:
        return _any_outside(hits, statements)
    return bool(hits)


def _ends_as_question(message: _Message, rules: Rules) -> str | None:
    """The final question word ("... không"), looking past polite endings ("... không anh").
    Diacritics are evidence: typed with other marks it is another word, a place's name or a
    noun ("... hẻm 45 Tân Sơn Nhì", "... không thấy mặt chủ"), not "nhỉ" or "chứ"."""
    words, marks = message.folded, message.marks
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word in rules.question_final:
            mark = marks[i]
            if mark is None:
                # (bare after a word typed with its marks: "số vay" is a loan, not "vậy"; not
                # after a bare one, where the writer dropped the marks: "hay cong an phuong vay")
                bare_other = (
                    word in rules.question_bare_other and i > 0 and marks[i - 1] is not None
                )
                return None if bare_other else word
            return word if mark in rules.question_final_marks else None
        if word not in rules.question_trailing:
            return None
    return None


# the yes/no question's closing words ("có ... không", "có ... chưa"), as typed
_YES_NO = frozenset({"khong", "ko", "k", "khg", "kh", "hok", "hong", "chua"})


_CO = _mark_key("có")


def _asked_inside(message: _Message, rules: Rules) -> str | None:
    """A yes/no question asked in a clause before the last, its reason told after it ("có
    bán nón bảo hiểm gần đây không ạ, em quên ở nhà"): the clause opens its frame with "có"
    and closes it with "không" or "chưa" (a polite word or two after), as at a message's
    end."""
    words, marks, clauses = message.folded, message.marks, message.clauses
    if not words or clauses[0] == clauses[-1]:
        return None  # most messages: one clause, asked at its end or not at all
    if "co" not in words or _YES_NO.isdisjoint(words):
        return None  # no frame's opening or closing word at all (in C; most of the rest)
    start = 0
    for end in range(1, len(words)):
        if clauses[end] == clauses[end - 1]:
            continue
        # words[start:end] is a clause before the last
        last = end - 1
        while last > start and words[last] in rules.question_trailing:
            last -= 1
        word, mark = words[last], marks[last]
        if (
            word in _YES_NO
            and (mark is None or mark in rules.question_final_marks)
            and _co_between(words, marks, start, last)
        ):
            return word
        start = end
    return None


def _co_between(
    words: tuple[str, ...], marks: tuple[str | None, ...], start: int, end: int
) -> bool:
    """ "có" (or "co" typed without marks) among the words from `start` to before `end`."""
    for k in range(start, end):  # noqa: SIM110 (as `_inside`)
        if words[k] == "co" and marks[k] in (None, _CO):
            return True
    return False


@dataclass
class _Danger:
    """A severity rule's evidence in one message, while its urgency is decided."""

    hits: list[Hit]
    makes_tip: bool
    # the category of a rule's `tip_category` that applies, with that rule's words
    named: str | None = None
    signs: list[Hit] = field(default_factory=list)

    def names(self, category_hits: list[Hit]) -> str | None:
        """The danger's own category when every word of the category read lies in its
        signs ("bốc mùi hôi thối" beside an old man not seen for days)."""
        if self.named is None or not category_hits or not self.hits:
            return None
        if all(any(_overlaps(h, s) for s in self.signs) for h in category_hits):
            return self.named
        return None


# No danger (most messages): one, never changed (nothing changes a `_Danger` once made)
_NO_DANGER = _Danger([], False)


def _held(rules: Rules, groups: dict[str, list[Hit]]) -> bool:
    """A person the authorities already hold, sentenced or sent away ("bị bắt vì đánh
    bạc", "đưa đi cai nghiện bắt buộc", "án treo", "được giải cứu"), a registration,
    lost papers' procedure or what becomes of them (`held_asks`) asked: the police have
    the case, it is over and the premise of the question."""
    papers = "papers:lost" in groups and "papers:ask" in groups
    return "held" in groups and (papers or "held_asks" in groups or _any_topic_asked(rules, groups))


def _outside_categories(groups: dict[str, list[Hit]], group: str) -> bool:
    """A hit of `group` outside every category's phrase (what is asked, not what is told)."""
    if group not in groups:
        return False
    told = [h for name, hits in groups.items() if name.startswith("cat:") for h in hits]
    return any(not _inside(h, told) for h in _sure(groups, group))


def _asked_outside(
    rules: Rules, groups: dict[str, list[Hit]], topics_held: list[tuple[str, int]]
) -> bool:
    """A residence procedure asked outside every category's phrase: "không đăng ký tạm trú"
    told reports a breach, it asks no registration ("ở chui ... cãi nhau suốt, không đăng ký
    tạm trú gì hết")."""
    return _outside_categories(groups, "papers:ask") or any(
        _topic_asked(groups, group) for group, _ in topics_held if group in rules.procedure_topics
    )


def _topic_asked(groups: dict[str, list[Hit]], group: str) -> bool:
    """A topic named (`_topic_named`) outside every category's phrase: "không đăng ký tạm trú"
    reports a lodger undeclared ("đi cai nghiện về lại chơi đá, ở trọ không đăng ký tạm
    trú"), it asks no registration of the one held."""
    if not _topic_named(groups, group):
        return False
    told = [h for name, hits in groups.items() if name.startswith("cat:") for h in hits]
    return any(not _inside(h, told) for h in _sure(groups, group))


def _danger(
    rules: Rules,
    groups: dict[str, list[Hit]],
    best: CategoryRule | None,
    category_hits: list[Hit],
    held: bool,
    clauses: tuple[int, ...],
    reach: int = -1,
    opening: Iterable[str] | None = None,
) -> _Danger:
    """The severity rules that apply (see the module docstring); `held`: a person the
    authorities already hold is asked about (`_held`); `clauses`: the clause of each of the
    message's words (a rule said `alone` counts only when its hits cover it: `_cried`);
    `reach`: the sections the message's groups reach (`_reach`; by default all);
    `opening`: those of its groups that may open a rule (`_reached`; by default all)."""
    # only the rules that may apply, in order: those whose evidence the message holds,
    # and those whose danger is the best category's evidence
    opened = (
        _opened(rules.severity_openers, groups if opening is None else opening)
        if reach & _SEVERITY
        else set()
    )
    if best is not None:
        opened.update(rules.severity_of_category.get(best.category, ()))
    if not opened:
        return _NO_DANGER  # most messages: no danger's evidence, nothing to weigh
    vague = groups.get("not_negations", [])  # "không biết (súng thật hay giả)"
    # (each list made only from hits there are: a comprehension over none costs a call)
    negations = groups.get("negations")
    negations = _outside(negations, vague) if negations else []
    not_urgent = groups.get("not_urgent", [])
    # a "now" inside a phrase of no hurry is not the event's ("giờ đang rao bán" the
    # phone robbed last week)
    # nor one inside a question's own phrase: "dang ky" typed without marks names a
    # registration ("đăng ký"), not "đang" (now): "hôm qua bị trộm xe, giờ dang ky lại giấy
    # tờ ở đâu" is over (as `now_said` reads it in `_by_rules`)
    asked = groups.get("question", [])
    now = groups.get("now") or []
    if now:
        now = _outside(_outside(now, not_urgent), asked)

    window = rules.negation_window  # (`_live`)
    fears: list[Hit] | None = None  # found once, when a `feared` rule needs them
    found: list[Hit] = []
    named: str | None = None  # a `tip_category` of a rule that applies
    signs: list[Hit] = []  # its words
    lasting: list[Hit] = []  # found by the rules that `last`
    makes_tip = lasting_tip = False
    habitual = _habitual(groups)
    for rule in map(rules.severity.__getitem__, sorted(opened)):
        if best is not None and best.category in rule.unless:
            continue
        if rule.unless_said in groups:
            continue
        if rule.ongoing and habitual and not now:
            continue
        if rule.category is not None:
            hits = (
                _live(category_hits, negations, not_urgent, window)
                if best and best.category == rule.category
                else []
            )
            # an ambiguous word counts beside a sure one: all of them, or none; or beside
            # the category's own context typed with its marks ("lua ben vo tam bat nha tui,
            # dang chay": "lửa bén" makes "dang chay" the fire's)
            if hits and not _any_sure(hits):
                hits = hits if _any_sure(groups.get("ctx:cat:" + rule.category, [])) else []
        else:
            hits = _live(_evidence(groups, rule.groups), negations, not_urgent, window)
        if rule.alone and not _cried(hits, clauses, rule.alone_then, habitual):
            continue
        if rule.feared and hits:
            if fears is None:
                fears = _evidence(groups, FEARS)
            hits = _not_negated(hits, fears, rules.fear_window)
        if not hits:
            continue
        with_hits = _live(groups.get(rule.with_, []), negations, not_urgent, window)
        if (rule.has_with and not with_hits) or (rule.needs_now and not now):
            continue
        found += hits + with_hits
        if rule.tip_category is not None:
            named = rule.tip_category
            signs += hits + with_hits
        if rule.lasts:
            lasting += hits + with_hits
            lasting_tip = lasting_tip or rule.makes_tip
        makes_tip = makes_tip or rule.makes_tip
    # a word read as the tip's evidence is not also a past marker ("choi da xong":
    # "chơi đá xong", not "đã xong")
    past = _severity_past(groups)
    if past:
        past = _not_overlapping(past, category_hits)
    # nor is an earlier report's time the event's ("vụ tôi báo hôm qua, nó vừa cầm dao")
    past = _event_past(groups, past)
    # a person already held, a registration asked of them: over, whatever "đang" says
    if found and ((past and not now) or held):
        gone = groups.get("gone", [])
        if lasting and _all_inside(past, gone):
            return _Danger(lasting, lasting_tip)
        # (round 34, kind-34) a robbery or a theft done just now whose taker is gone the way
        # named ("vừa bị ... hốt vàng chạy rồi, hướng Bình Long"): the flight is the chase's
        # start, still to be cut off, not the event over
        if (
            not held
            and best is not None
            and best.category in rules.fled_categories
            and "fresh" in groups
            and "fled" in groups
            and _all_inside(past, gone)
            and _outside(_sure(groups, "fled"), groups.get("fled_not", []))
        ):
            return _Danger(found, makes_tip, named, signs)
        return _Danger([], False)
    return _Danger(found, makes_tip, named, signs)


def model_words(text: str) -> tuple[str, ...]:
    """The words the learned model reads in a text (`_model_words`)."""
    return _model_words(_tokenise(text, load_rules()))


def _model_words(message: _Message) -> tuple[str, ...]:
    """Folded words; in a message typed with marks, each as written ("hàng da" is
    not "hàng đá"), as the rules read them: diacritics are evidence."""
    return message.model_words  # built by `_tokenise`, with the rest of the message


def classify(text: str) -> Classification:
    """Classify one citizen message (see the module docstring for the decision)."""
    read = _read(text)
    if read is None:
        return Classification("other", None, "normal", None, None, ())
    return weigh(*read, load_model())


def weigh(
    verdict: Classification, message: _Message, groups: dict[str, list[Hit]], model: Reader
) -> Classification:
    """The rules' verdict weighed against the learned model's reading of the message
    (the shipped model, or one trained without a set: scripts/heldout_opinion.py)."""
    words = message.model_words  # (`_model_words`)
    # (English only with a word of it: `english_min_words` is one at least)
    if len(words) < model.min_words or (
        "english" in groups and in_english(message, groups, load_rules())
    ):
        return verdict  # a short message, or one in English, is the rules' alone
    # a glad face on a message nothing else matched (`mood_marks`, round 26): chat, unless
    # the model reads an ad in it, as it would have in the default tip ("khai trương ... 🎉")
    glad = verdict.kind == "other" and verdict.reasons[:1]
    if glad and verdict.reasons[0] in load_rules().mood_marks:
        opinion = model.opinion(words)
        return as_spam(opinion) if advertises(opinion) else verdict
    # a question naming no procedure, or an everyday one (kind other, `EVERYDAY`)
    if (verdict.kind == "question" and verdict.topic == "other") or (
        verdict.kind == "other" and verdict.reasons[-1:] == (EVERYDAY,)
    ):
        opinion = model.opinion(words)
        if advertises(opinion):
            return as_spam(opinion)
        # a complaint has its own path; "nếu ... thì" asks, reports nothing; a held person's
        # family asking what becomes of them, or an officer asked to come and show how,
        # asks the desk; one's own fine looked up tells of one's own offence, no report; a
        # crime studied or in a lawyer's file is the law asked; a rule heard of and checked
        # ("có người nói báo 1 lần là xong, đúng không"), or another office's matter (water
        # cut, a school), or one's own file sent back (the desk's), reports nothing when no
        # harm is told beside it ("nghe nói thằng hàng xóm đánh vợ nhập viện, có đúng
        # không" does); papers whose loss is already reported, their re-issue asked
        held_asked = "held" in groups and "held_asks" in groups
        harmless = "bribe" not in groups and not (
            _any_named(groups, "cat:") or _any_named(groups, "with:")
        )
        heard = ("rumour" in groups or "heard" in groups) and "checks" in groups and harmless
        # papers lost whose loss is already reported, their re-issue asked ("xe bị trộm hôm
        # kia, đã trình báo rồi, cà vẹt cũng mất, giờ làm lại ở đâu"): nothing left to report
        reported = (
            "papers:lost" in groups and "papers:ask" in groups and "papers:reported" in groups
        )
        if (
            not reports(opinion)
            or about_police(message.text, load_rules())
            or "if" in groups
            or held_asked
            or "guidance_visit" in groups
            or "own_fine" in groups
            or "law_asked" in groups
            or ("practice_asked" in groups and _practice_asked(message, groups, True))
            or heard
            or reported
            # (not with someone acting in the office's name: "2 người mặc áo điện lực đi
            # từng nhà thu tiền" may be a scam the model reads)
            or (
                ("other_office" in groups or "office_things" in groups)
                and harmless
                and "office_someone" not in groups
            )
            or ("own_file" in groups and harmless)
            # an everyday trouble, the way or a shop asked ("giúp với, em không biết nấu món
            # gì", "có bán nón bảo hiểm gần phường không", "từ Đầm Sen tới công an phường đi
            # đường nào"), no category's word typed sure ("dam" unmarked is also "đâm"): the
            # writer's own errand, nothing reported (round 24)
            or (
                not groups.keys().isdisjoint(_ERRANDS)
                and "bribe" not in groups
                # (not beside the writer's own harm or loss told: the shop or tradesman is
                # where it happened, round 26)
                and not _own_harm(message, groups)
                and not _any_sure_of(groups, "cat:")
            )
            or _rights_asked(groups)
            or ("deadline_time" in groups and "deadline_declare" in groups and harmless)
        ):
            return verdict
        unsure = frozenset(
            group.removeprefix("cat:")
            for group, hits in groups.items()
            if group.startswith("cat:") and not any(hit[SURE] for hit in hits)
        )
        return as_report(opinion, model.tip_reading(words)[1], _told_calm(groups), unsure)
    if not open_to_opinion(verdict):
        return verdict
    if verdict.kind == "tip":
        opinion, urgent_p = model.tip_reading(words)
        if verdict.severity != "urgent" and advertises(opinion):
            return as_spam(opinion)  # a danger the rules read is never unmade
        if not verdict.reasons and urgent_p < load_model().raise_from:
            # a tip only because nothing matched: the model's kind counts too
            kind = model.opinion(words)
            if reads_other(kind):
                return as_other(kind)
        # (what stops the model's urgency read only when it would change the rules': most
        # tips keep theirs, `with_urgency`)
        shipped = load_model()
        if verdict.severity == "normal" and urgent_p >= shipped.raise_from:
            # an omission (lodgers not declared) is no danger now, whatever its words; nor a
            # theft or a trick whose taker made off with the thing, nothing told now
            rules = load_rules()
            made_off = (
                verdict.category in rules.made_off_calm
                and "made_off" in groups
                and "now" not in groups
            ) or (
                # (round 34, kind-34) weapons or drugs found lying, left untouched, nobody
                # with them ("túi nilon đựng mấy cây dao tự chế ..., tôi chưa dám đụng vô")
                verdict.category in rules.left_lying_calm
                and "left_lying" in groups
                and "now" not in groups
            )
            calm = _told_calm(groups) or verdict.category in rules.calm_categories or made_off
            verdict = with_urgency(verdict, urgent_p, calm)
        elif verdict.severity == "urgent" and urgent_p < shipped.lower_below:
            kept = (
                "kept" in groups
                or ("kept_today" in groups and "today" in groups)
                or _report_dated_only(groups)
            )
            verdict = with_urgency(verdict, urgent_p, kept=kept)
    else:
        opinion = model.opinion(words)
        if advertises(opinion):
            return as_spam(opinion)
    # "other" named by its own words (a hazard, a person down, a racket), not for want of any
    named = "cat:other" in groups and _any_sure(groups["cat:other"])
    # a category the writer said did not happen ("chưa ai đánh ai": no violence)
    # (not on words typed without marks that a category reads another way: "2 xe may dam
    # nhau" is as often "đâm nhau", a crash, as "đấm nhau"; cat-24)
    # (most messages: none, told by a look-up a group in C, where `_any_named` compared
    # every group's first letters, ≈ 14 lines a message weighed; round 30)
    undone = frozenset() if groups.keys().isdisjoint(_NOT_DONE) else _undone(groups)
    # (`open_to_opinion` tested above, not again: `with_urgency` changes no kind, no
    # `category_learned`)
    return _opinion_weighed(verdict, opinion, len(words), message.typed_with_marks, named, undone)


# every group a category's `not_done` phrases can make (`build_rules`: `not_done:` and a
# category of CATEGORIES, which the rules' file is validated against): a message holding
# none of them names no category undone (`weigh`)
_NOT_DONE = frozenset(f"not_done:{category}" for category in CATEGORIES)


def _undone(groups: dict[str, list[Hit]]) -> frozenset[str]:
    """The categories said not to have happened (`not_done:` groups), not on words a
    category reads another way (`_read_otherwise`)."""
    return frozenset(
        g.removeprefix("not_done:")
        for g, hits in groups.items()
        if g.startswith("not_done:") and not all(_read_otherwise(h, groups) for h in hits)
    )


def _read_otherwise(hit: Hit, groups: dict[str, list[Hit]]) -> bool:
    """A hit whose words a category's phrase reads too, typed without the marks that would
    tell which ("dam nhau": "đấm nhau" or "đâm nhau")."""
    return any(
        not other[SURE] and _overlaps(hit, other)
        for group, others in groups.items()
        if group.startswith("cat:")
        for other in others
    )


# the writer's own errand asked (`weigh`): an everyday trouble, the way or a shop
_ERRANDS = frozenset({"trouble", "elsewhere", "elsewhere_landmark"})


def _rights_asked(groups: dict[str, list[Hit]]) -> bool:
    """The asker's own rights asked ("có được giấu tên không", "kiện được không") with no
    harm named outside them ("danh tính" folds onto "đánh")."""
    rights = groups.get("rights_asked", [])
    return bool(rights) and not any(
        group.startswith(("cat:", "with:")) and any(not _inside(h, rights) for h in hits)
        for group, hits in groups.items()
    )


def in_english(message: _Message, groups: dict[str, list[Hit]], rules: Rules) -> bool:
    """A message written in English (a foreigner's): the learned model, trained on
    Vietnamese, knows a place name or two of it and would lower its urgency on them
    ("Fire in apartment building on Hoa Binh street ...": normal, 0.90). Not one with
    more words typed with Vietnamese marks than English ones: English words mixed into
    Vietnamese ("... selling 'keo' at the school gate on Tân Hương st, bọn nhỏ lớp 8 mua
    roi. Please check giúp") leave the model the Vietnamese to read; a street name typed
    with its marks ("accident on Tan Ky Tân Quý ..., girl not moving") does not."""
    said = groups.get("english")
    if not said and rules.english_min_words > 0:
        return False  # most messages: no English word at all
    english = len(set(_labels(said or [])))
    marked = len(message.marks) - message.marks.count(None)
    return english >= rules.english_min_words and english >= marked


def _told_in_english(groups: dict[str, list[Hit]], asked: list[Hit], gap: int) -> list[Hit]:
    """Someone else named in English, then their act within `gap` words, both before the
    first question word ("my neighbour's son threw stones at my window, who do I report
    to"): the actor and the act, or nothing."""
    first_asked = min((h[START] for h in asked), default=None)
    for actor in groups["en_told:actor"]:
        for act in groups["en_told:act"]:
            if (
                actor[END] <= act[START] <= actor[END] + gap
                and act[CLAUSE] == actor[CLAUSE]
                and (first_asked is None or act[END] <= first_asked)
            ):
                return [actor, act]
    return []


def by_rules(text: str) -> Classification:
    """The rules' verdict alone, before the learned model weighs in (what tests of a
    rule's principle read)."""
    read = _read(text)
    return read[0] if read else Classification("other", None, "normal", None, None, ())


def _read(text: str) -> tuple[Classification, _Message, dict[str, list[Hit]]] | None:
    if not _TOKEN.search(text):
        return None
    rules = load_rules()
    message = _tokenise(text, rules)
    if not message.folded:
        return None
    groups = _grouped(message, rules)
    if "if" in groups and "threat" in groups:
        _threat_condition_dropped(groups)
    return _by_rules(text, rules, message, groups), message, groups


def _past_opener(asked: list[Hit], groups: dict[str, list[Hit]]) -> list[Hit]:
    """The question's hits but a leave to ask opening the message ("xin hỏi", "ad cho em
    hỏi": `line_opener` within its first two words)."""
    if "line_opener" not in groups:
        return asked
    opening = [h for h in groups["line_opener"] if h[START] <= 1]
    return _outside(asked, opening) if opening else asked


def _told_then_asked(
    groups: dict[str, list[Hit]], supposed: bool, code: str | None, unless: tuple[str, ...]
) -> bool:
    """What the five rules reading a report in what is asked after something told (the
    police asked to act, an act's lawfulness, where to report, what to do, an act told in
    English) share: no case supposed, nor an "if" anywhere ("nếu ... thì có ai kiểm tra
    không" supposes), no tip's code quoted, no own file asked after (`own_file`), and none
    of the rule's own `unless` groups (lost papers, their re-issue, rights asked)."""
    return (
        not supposed
        and "if" not in groups
        and code is None
        and "own_file" not in groups
        and groups.keys().isdisjoint(unless)
    )


def _harmed_before(harmed_by: list[Hit], at: int) -> bool:
    """A harm someone did to the writer, its doer named (`harmed_by`'s sure hits), told
    before `at` (every mention: one told after the request is not what it asks about)."""
    return bool(harmed_by) and _ending_by(harmed_by, at)


def _threat_condition_dropped(groups: dict[str, list[Hit]]) -> None:
    """A threat's own condition ("nó dọa nếu em báo công an thì nó giết cả nhà", "chủ nợ hăm
    nếu mai không trả thì cho người tới xử"): an "if" after a threat in its clause, and the
    "thì" of that clause, are the threatener's words, told; no case the writer supposes, so
    neither is kept ("nếu có người đe dọa mình thì phải làm sao" still supposes, its "nếu"
    before the threat)."""
    threats = groups["threat"]
    told = {
        h[CLAUSE]
        for h in groups["if"]
        if any(t[CLAUSE] == h[CLAUSE] and t[END] <= h[START] for t in threats)
    }
    if not told:
        return
    for name in ("if", "then"):
        kept = [h for h in groups.get(name, ()) if h[CLAUSE] not in told]
        if kept:
            groups[name] = kept
        else:
            groups.pop(name, None)


def _event_past(groups: dict[str, list[Hit]], past: list[Hit]) -> list[Hit]:
    """The past phrases that date the event: not the time of the writer's earlier report
    (`reported_then`: "hôm trước em có báo vụ ồn") when the message tells something now or
    just now ("giờ đang ẩu đả", "vừa cầm dao đuổi chém"); told alone ("hôm qua tôi báo vụ
    trộm rồi, sao chưa ai xuống"), the report's time still says the matter is old."""
    reported = groups.get("reported_then")
    if not reported or not ("now" in groups or "fresh" in groups):
        return past
    return [p for p in past if not _inside(p, reported)]


def _severity_past(groups: dict[str, list[Hit]]) -> list[Hit]:
    """The phrases that say the event is not happening now, for its urgency: `past`, and a
    day ahead named (`later`: "ngày mai", "tuần sau"), which says nothing of a message's
    kind."""
    later = groups.get("later")
    return [*groups.get("past", []), *later] if later else groups.get("past", [])


def _report_dated_only(groups: dict[str, list[Hit]]) -> bool:
    """Every past phrase is an earlier report's time, and something is told now: the
    learned model reads that time as the event's, so it never lowers the rules' danger."""
    past = groups.get("past", [])
    return bool(past) and not _event_past(groups, past)


def _told_calm(groups: dict[str, list[Hit]]) -> bool:
    """Told as over ("hôm qua"), as a habit ("tối nào cũng"), as no hurry or for the
    record ("báo để các anh nắm"): the rules' signs that no danger is happening now,
    which the model's word never overrules."""
    dated = bool(_event_past(groups, _severity_past(groups))) or "other_day" in groups
    over = dated and "now" not in groups
    return over or _habitual(groups) or "not_urgent" in groups or "for_the_record" in groups


def _habitual(groups: dict[str, list[Hit]]) -> bool:
    """Told as a habit: a habitual phrase, but not "hay" offering an alternative after
    "không biết" in its clause ("không biết cháy hay đốt rác": "or", not "usually"), nor one
    inside an attempt repeated now (`not_habitual`: "gõ cửa mấy lần")."""
    habitual = groups.get("habitual")
    if not habitual:  # most messages: read twice a message, so said at once
        return False
    # an attempt repeated now ("gõ cửa mấy lần không ai mở"): no habit (cat-29)
    repeated = groups.get("not_habitual")
    if repeated:
        habitual = _outside(habitual, repeated)
    vague = groups.get("not_negations", [])
    return any(
        not (
            h[LABEL].startswith("hay ")
            and any(v[CLAUSE] == h[CLAUSE] and v[END] <= h[START] for v in vague)
        )
        for h in habitual
    )


def open_to_urgency(verdict: Classification) -> bool:
    """A tip of the rules' (not one the model made)."""
    return verdict.kind == "tip"


def with_urgency(
    verdict: Classification, urgent_p: float, told_calm: bool = False, kept: bool = False
) -> Classification:
    """A tip of the rules', its urgency weighed again by the learned model: rated
    normal, it is urgent when the model gives a danger now `severity.raise_from`
    or more; rated urgent, it is normal when the model gives it less than
    `severity.lower_below` ("cháy hàng", sold out; a fight told with "hôm qua"
    in words the rules did not know). Never raised when the rules read the event as
    over, a habit or no hurry (`told_calm`); never lowered beside a `kept` phrase (harm
    threatened for tonight, a rabid dog loose: `kept`). On 1,247 tips the rules never saw, each
    set held out from the model's training (scripts/heldout_opinion.py): calm tips
    rated urgent 26 -> 6, people in danger rated normal 77 -> 19. The model reads
    "đang" (now) as danger, right for a message that opens a tip and wrong for a
    follow-up ("nguoi ta van dang dung o day": they are still standing here): a
    learned urgency (`Classification.severity_learned`) never raises a tip on a
    later message (`shared/core/routing.py`)."""
    model = load_model()
    if not open_to_urgency(verdict):
        return verdict
    if verdict.severity == "normal" and urgent_p >= model.raise_from and not told_calm:
        severity = "urgent"
    elif verdict.severity == "urgent" and urgent_p < model.lower_below and not kept:
        severity = "normal"
    else:
        return verdict
    reasons = (*verdict.reasons, Opinion.urgency_reason(urgent_p, severity))
    return replace(verdict, severity=severity, reasons=reasons)


# a snatching the rules read, its victim's papers lost by it ("bị giật túi xách, trong túi
# có căn cước ..., giờ làm lại"): the learned model's lost property is its consequence,
# never its category (not a theft: "mất điện thoại ... không phải bị trộm" is a loss the
# rules misread, which the model rightly names)
_TAKEN = frozenset({"robbery"})


def open_to_opinion(verdict: Classification) -> bool:
    """A tip of the rules', or a message nothing matched."""
    if verdict.kind == "tip":
        return not verdict.category_learned
    return verdict.kind == "other" and not verdict.reasons and not verdict.spam


def with_opinion(
    verdict: Classification,
    opinion: Opinion,
    words: int,
    marked: bool = False,
    named_other: bool = False,
    not_done: frozenset[str] = frozenset(),
) -> Classification:
    """The rules' verdict, weighed against the learned model's opinion.

    A tip's category: where the rules named none ("other"), the model's from
    `category.other_from` (`category.marked_from` in a message typed with marks);
    over the one they named, from `category.overrule_from`, and so over "other" named by
    its own words (`named_other`: a manhole open, a dog loose, a racket): round 17, on
    the message tuning sets 3 categories right again and none lost, blind sets unchanged.
    Never a category the writer said did not happen (`not_done`: "chưa ai đánh ai").
    A message nothing matched becomes a tip when the model is sure of it from
    `kind.overrule_from`. A question, greeting, request or ad stays the rules' (a
    question read as a tip would skip the conversation: a complaint, "why has
    nobody come", a request for an officer), and no tip is ever unmade. Never on a
    message shorter than `min_words`. Its opinion joins the reasons: an officer
    sees why. The thresholds (scripts/train_text_model.py) were chosen on messages
    the rules never saw (scripts/heldout_opinion.py).
    """
    if not open_to_opinion(verdict):
        return verdict
    return _opinion_weighed(verdict, opinion, words, marked, named_other, not_done)


def _opinion_weighed(
    verdict: Classification,
    opinion: Opinion,
    words: int,
    marked: bool,
    named_other: bool,
    not_done: frozenset[str],
) -> Classification:
    """`with_opinion` on a verdict open to an opinion (`open_to_opinion`): `weigh` has
    tested it already (and `with_urgency` keeps it open), so it does not again."""
    model = load_model()
    if words < model.min_words:
        return verdict
    if verdict.kind == "tip":
        sure = model.overrule_from
        if verdict.category is None or (verdict.category == "other" and not named_other):
            sure = model.marked_from if marked else model.other_from
        kept = ("other", verdict.category, *not_done)
        if verdict.category in _TAKEN and _category(opinion) == "lost_property":
            return verdict  # papers or a bike taken are the crime's loss, not one of its own
        if _category(opinion) in kept or opinion.category_p < sure:
            return verdict
        reasons = (*verdict.reasons, opinion.reason("category"))
        return replace(verdict, category=opinion.category, reasons=reasons)
    if opinion.category_p < model.other_from:
        return verdict
    if verdict.kind == "other" and opinion.kind == "tip" and opinion.kind_p >= model.kind_from:
        reasons = (opinion.reason("kind"), *_named(opinion))
        return Classification("tip", _category(opinion), "normal", None, None, reasons)
    return verdict


def advertises(opinion: Opinion) -> bool:
    """The model is sure, from `spam.spam_from`, that a message is an ad sent to the line."""
    return opinion.spam_p >= load_model().spam_from


def as_spam(opinion: Opinion) -> Classification:
    """An ad the rules' spam phrases missed ("keo bong da hom nay, vao ngay bet88 nhan
    888k" read as gambling; "cho thuê căn hộ ... liên hệ chính chủ" as a question): kind
    other, spam, so no officer is paged and no menu is sent. Never a tip the rules rated
    urgent (`weigh`). Held out, it recognises 109 of 218 ads against the rules' 97, and
    unmakes no tip (scripts/train_text_model.py, `SPAM_FROM`)."""
    return Classification("other", None, "normal", None, None, (opinion.reason("spam"),), True)


def reads_other(opinion: Opinion) -> bool:
    """The model is sure, from `kind.other_from`, that a message is no tip and no question:
    weighed only for a long message nothing matched, a tip by default."""
    return opinion.kind == "other" and opinion.kind_p >= load_model().unmatched_other_from


def as_other(opinion: Opinion) -> Classification:
    """A long message nothing matched that the model reads as chat, an ad below its spam
    threshold or a word to the line ("thôi khỏi cần nữa, em xong rồi"): kind other, so
    no officer is paged for it. Held out, no tip is lost to it (`UNMATCHED_OTHER_FROM`);
    never one the model reads as a danger now."""
    return Classification("other", None, "normal", None, None, (opinion.reason("kind"),))


def reports(opinion: Opinion) -> bool:
    """The model is sure, from `kind.report_from`, that a message reports something."""
    return opinion.kind == "tip" and opinion.kind_p >= load_model().report_from


def about_police(text: str, rules: Rules) -> bool:
    """A complaint that names the police ("công an phường X không làm gì hết"): it has
    its own path (the desk and the unit above, `shared.core.conversation.about_police`,
    the same rule), so the model never makes a tip of it."""
    return rules.police_complaint is not None and rules.police_complaint.said_in(text)


def as_report(
    opinion: Opinion, urgent_p: float, told_calm: bool, unsure: frozenset[str] = frozenset()
) -> Classification:
    """A question naming no procedure that the model is sure reports something
    (`reports`) is a tip, so that it reaches the desk with its ladder rather than the
    residence menu ("thằng cha chủ trọ gì mà tối nào cũng chửi, nhậu xong đập cửa
    phòng tui đòi tiền, hết chịu nổi rồi!!!": the rules read "gì" as a question). Its
    category is the model's where it is sure (`category.other_from`), its urgency
    the model's (`with_urgency`), but not a category whose only words in the message
    are ambiguous once folded (`unsure`: "ban hang da" may be leather). Held out
    (scripts/heldout_opinion.py: 2,104 messages of eleven training-only sets), the
    rules read 101 tips as questions naming no procedure or one; from 0.85 the model
    makes 80 of them tips, and 1 chat, no question: kinds 88.9 -> 92.7 %.
    """
    sure = opinion.category_p >= load_model().other_from and _category(opinion) not in unsure
    category = _category(opinion) if sure else "other"
    reasons = (opinion.reason("kind"), *(_named(opinion) if sure else ()))
    made = Classification("tip", category, "normal", None, None, reasons)
    return with_urgency(made, urgent_p, told_calm)


def _category(opinion: Opinion) -> str:
    """The model's category, unless only the rules' words may name it (`rules_only`)."""
    return "other" if opinion.category in load_model().rules_only else opinion.category


def _named(opinion: Opinion) -> tuple[str, ...]:
    """The model's category among the reasons, when it is the one the tip takes."""
    return (opinion.reason("category"),) if _category(opinion) != "other" else ()


# one's own papers named lost (a label of `papers:lost` holding one of these), not a wallet
# alone ("mất ví rồi giờ làm sao" is property) nor a vehicle's papers (`_VEHICLE_PAPERS`:
# "mất giấy đăng ký xe rồi" is a loss the ward records, as m4i-38 labels it)
_OWN_PAPERS = ("căn cước", "chứng minh", "giấy tờ", "sổ hộ khẩu", "sổ tạm trú")
_VEHICLE_PAPERS = ("xe", "cà vẹt", "cavet")


def _own_papers_lost(lost: list[Hit]) -> bool:
    """One's own papers named among those lost, no vehicle's (`_OWN_PAPERS`)."""
    labels = [hit[LABEL] for hit in lost]
    if any(word in label for label in labels for word in _VEHICLE_PAPERS):
        return False
    return any(paper in label for label in labels for paper in _OWN_PAPERS)


def _by_rules(
    text: str, rules: Rules, message: _Message, groups: dict[str, list[Hit]]
) -> Classification:

    # tip evidence
    # told as over ("hôm qua"); "dang ky" typed without marks is a registration named, not
    # "đang" (now): "tháng trước bị té xe, giờ có cần dang ky tam tru không" is over
    now_said = "now" in groups and _any_outside(groups["now"], groups.get("question", []))
    over = "past" in groups and not now_said
    happened = over or "happened" in groups  # told as having happened ("mất ... rồi")
    # the sections this message's groups can make speak (`Rules.sections`): each other one
    # is skipped on one test of a bit
    reach, opening = _reached(rules, groups)
    best: CategoryRule | None = None
    best_score, best_strong, best_hits, best_weak = 0.0, 0, [], []
    scored: list[tuple[CategoryRule, int, list[Hit], float]] = []
    final_word = _ends_as_question(message, rules) or _asked_inside(message, rules)
    asking = "?" in text or final_word is not None
    # papers lost, their procedure asked, neither where nor when said ("bị móc túi mất
    # hết giấy tờ, cấp lại có tốn phí không"), or the loss already reported ("trình báo
    # rồi, giờ làm lại giấy tờ ở đâu"): the loss is the premise of a question
    premise = (
        "papers:lost" in groups
        and "papers:ask" in groups
        and (("papers:told" not in groups and "past" not in groups) or "papers:reported" in groups)
    )
    # (round 36, kind2-36) or what to do asked of the loss alone, neither where nor when
    # said ("mat giay to roi gio sao", "mất căn cước rồi giờ tính sao ad"): the same premise
    # for the categories whose only words are the loss's own (`papers_lost_only` below); a
    # theft told beside it in words of its own ("bị trộm xe, giấy tờ ... làm sao") reports
    lost_todo = (
        "what_to_do" in groups
        and "papers:lost" in groups
        and "papers:told" not in groups
        and "past" not in groups
        and not now_said
        # (one's own papers named, `_OWN_PAPERS`)
        and _own_papers_lost(groups["papers:lost"])
    )
    held = bool(reach & _HELD) and _held(rules, groups)
    # the topics' groups the message holds (most: none), each with its index in `topics`;
    # only these are looked at below (`any` of each: the order does not matter)
    topics_held = _topics_held(rules.topic_of, groups) if reach & _TOPIC else []
    # the event already reported to the police ("vụ giựt đã trình báo rồi"), nothing told as
    # going on now, a registration or lost papers' procedure asked after it: the police have
    # the case, it is the question's premise. Unlike `held`, a danger told beside it still
    # weighs (`_danger` is not told): a threat going on is reported again
    case_reported = (
        "case_reported" in groups
        and not now_said
        and (
            # the papers it took, said or not, their re-issue asked; never a breach told
            # ("cho 6 người ở không đăng ký tạm trú" asks nothing)
            _outside_categories(groups, "papers:ask") or _any_topic_asked(rules, groups)
        )
    )
    # the writer moving away because of what is told ("khu này hay bị trộm quá nên em tính
    # chuyển trọ, đăng ký tạm trú chỗ mới thế nào"), nothing going on now, no plea or report
    # made: the event is the reason given for the move, whose residence procedure is asked
    # (outside the categories' words, `asked_outside` below): the question's premise
    moving_away = (
        "moving_away" in groups
        and not now_said
        and "reporting" not in groups
        and groups.keys().isdisjoint(_CRIES)
        # the procedure named after the move (what the move asks), not a move said last as
        # what the writer may do about what they report ("... em tính cuối tháng chuyển trọ")
        and _said_from(groups, rules.procedure_topics, groups["moving_away"][0][END])
    )
    # a crime as a subject: the law asked of it by a student or a lawyer, an essay on it;
    # not beside something said happening now, unless asked ("đang làm bài văn thì nghe
    # nhà bên la cứu" reports a fire)
    studied = "law_asked" in groups and (asking or "now" not in groups)
    # or an office's practice asked in general ("công an phường có nhận đơn tố cáo lừa đảo
    # online không"), nothing told as done or now, no harm of the writer's own (kind-32b)
    if "practice_asked" in groups and not studied:
        studied = _practice_asked(message, groups, asking)
    # someone of the family gone for years ("chồng bỏ nhà đi 2 năm nay, tòa đòi xác nhận cư
    # trú của ổng, em xin thay được không"), nothing now, a residence procedure asked of it:
    # a family's situation, nobody missing to search for tonight; only the leaving's own
    # words are the question's premise (a danger or another crime told beside still weighs)
    left_long = (
        _sure(groups, "gone_long:left")
        if reach & _GONE_LONG and _sure(groups, "gone_long:years")
        else []
    )
    # and what that one did before leaving, told as a habit or long past ("nghiện mấy năm
    # nay, về nhà là trộm đồ, có lần xô ngã mẹ. Giờ bỏ đi cả năm rồi, muốn cắt khẩu nó"):
    # the story of why the family asks, nothing told as recent
    gone_story = (
        bool(left_long)
        and bool(_sure(groups, "gone_long:story"))
        and not _sure(groups, "gone_long:recent")
    )
    # a residence procedure (or lost papers' re-issue) asked after an event told as over,
    # nothing now ("nhà bị cháy hồi
    # tháng trước, giờ muốn đăng ký thường trú cho con dâu thì cần gì"): for the categories
    # whose event is then no one's to report (`premise_when_over`), the event is the
    # question's premise. Not one told as just done ("cháy rồi, khói đen bốc lên" burns)
    # a residence procedure (or lost papers' re-issue) named and asked, whenever told: the
    # premise of the categories' phrases that only ever set the scene of one
    # (`premise_when_asked`: "kẹt xe quá trễ giờ nộp hồ sơ, tạm trú nộp online được không")
    # (what is named first: most messages name neither, and both halves only read)
    residence_asked = (
        (bool(topics_held) and _procedure_named(groups, rules.procedure_topics, topics_held))
        # or the papers it took, their re-issue asked ("cháy phòng trọ tuần rồi, cháy hết
        # giấy tờ, giờ làm lại cần mang gì")
        or ("papers:lost" in groups and "papers:ask" in groups)
    ) and (asking or _any_outside(_sure(groups, "question"), groups.get("not:question", [])))
    # or, a fire over (a category `background_when_past`), any office's papers it burnt
    # re-issued ("nhà cháy hồi tháng 8, sổ hồng cháy rụi, cấp lại ở đâu"): nothing is left
    # for anyone to find; papers lost in an accident ("té xe, mất luôn bằng lái") may be
    # found, a loss the ward records
    reissue_asked = over and asking and _outside_categories(groups, "papers:ask")
    procedure_asked = over and residence_asked
    # papers lost in an event told as over that is itself only a premise (a fire: "nhà bị
    # cháy hồi tháng trước, giấy tờ mất luôn, giờ làm lại ở đâu"), their re-issue asked:
    # the loss is the event's, no theft to report
    burnt = (
        procedure_asked
        and "papers:lost" in groups
        and "papers:ask" in groups
        # (the event's own words sure: "chay" unmarked is as often "chạy", a ride)
        and _any_sure_of(groups, "over:")
    )
    # a pair's first phrase (`near:` groups) said at all (most messages: none)
    near_said = reach & _NEAR
    # most rules have nothing of theirs in the message: only those a hit opens, in order
    opened = sorted(_opened(rules.category_openers, opening)) if reach & _CATEGORY else ()
    # the writer's own stay ("em ở trọ"): a required place inside it is theirs (kind-27)
    own_stay = groups.get("own_stay")
    for rule in map(rules.categories.__getitem__, opened):
        if rule.has_requires and rule.requires not in groups:
            continue
        # (`_all_inside`, not a generator: one here made `own_stay` a cell every message)
        if own_stay and rule.has_requires and _all_inside(groups[rule.requires], own_stay):
            continue
        hits = _evidence(groups, rule.groups)
        # (its pairs looked at only when one's first phrase is said: most messages none)
        pairs, paired = (
            _near(groups, rule.near, groups.get(rule.groups.cancel, []))
            if near_said and not groups.keys().isdisjoint(rule.near_firsts)
            else (0, [])
        )
        # a weak phrase inside the rule's `not` phrases counts no more than a strong one
        # ("không ai bị thương" is said to calm, not a hurt)
        cancel = groups.get(rule.groups.cancel, [])
        weak = groups.get(rule.weak)
        weak = (_outside(weak, cancel) if cancel else list(weak)) if weak else []
        asked = rule.asked in groups
        # a fine asked of an omission ("chưa khai báo, bị phạt không"), "?" or not; a fire's
        # burnt papers asked only once it is out ("lửa vẫn còn cháy, khói đen bốc lên, căn
        # cước cháy hết rồi làm lại ở đâu" reports the fire first)
        fine_asked = rule.asks in groups and not (rule.premise_when_over and _sure(groups, "now"))
        papers = (premise or burnt) and rule.category in rules.papers_categories
        if lost_todo and not papers and rule.category in rules.papers_categories:
            told = hits + weak + groups.get(rule.happened, [])
            papers = bool(told) and _all_inside(told, groups["papers:lost"])
        # only the burning told, none of its flames or smoke ("lửa lan qua", "khói đen còn
        # bốc lên" may be going on still)
        over_premise = (
            (procedure_asked or (reissue_asked and rule.background_when_past))
            and rule.premise_when_over
            and _all_inside(hits + weak, groups.get(rule.over, []))
        )
        # only a scene-setting phrase of the category told (a jam), a residence procedure asked
        scene = rule.scene
        gone_premise = (
            bool(left_long) and not now_said and (_all_inside(hits + weak, left_long) or gone_story)
        )
        asked_premise = (
            residence_asked
            and scene in groups
            and _asked_outside(rules, groups, topics_held)
            and _all_inside(hits + weak, groups[scene])
        )
        if hits and (
            papers
            or held
            or case_reported
            or studied
            or (asked and asking)
            or fine_asked
            or over_premise
            or asked_premise
            or (gone_premise and residence_asked)
            or (
                moving_away
                and rule.category in rules.moving_categories
                and residence_asked
                and _asked_outside(rules, groups, topics_held)
            )
        ):
            # lost, and asking how to re-issue ("làm rớt căn cước, xin cấp lại ở đâu"):
            # the loss is the question's premise, weak beside the question
            hits, weak = [], weak + hits
        if hits and rule.unhurt in groups and _sure(groups, rule.unhurt):
            # nobody hurt, said ("đánh nhau tan rồi, không ai bị thương, chỉ xô đẩy"): a
            # scuffle, its words weak beside what else is told (public order)
            hits, weak = [], weak + hits
        if rule.happened in groups:
            if happened and not asked and not papers and not over_premise and not asked_premise:
                hits = hits + _sure(groups, rule.happened)
            else:
                weak = weak + groups[rule.happened]
        if not hits and not weak and not pairs:
            continue
        # a pair is one piece of evidence, its two phrases both reasons
        strong = len(_labels(hits)) + pairs
        hits = hits + paired
        # a fire that is over is the background of what the message reports now
        # (a quarter: less than one weak phrase of what is reported now)
        weight = 0.25 if rule.background_when_past and over else 1.0
        score = weight * strong + 0.5 * len(_labels(weak))
        scored.append((rule, strong, hits, score))
        if score > best_score:
            best, best_score, best_strong, best_hits, best_weak = rule, score, strong, hits, weak
    if best is not None:
        # of the categories that beat the one scored highest, the one told most (cat-32:
        # "đêm nào cũng đánh bài ăn tiền, la hét om sòm, hôm qua còn đòi chém nhau" is the
        # gambling den, its quarrel and its din the den's): a tie goes to the earlier
        beaten, beater_score = best.category, 0.0
        for rule, strong, hits, score in scored:
            if strong and beaten in rule.beats and score > beater_score:
                # a fire beats the arson told beside it, all one event; never what is told
                # going on now or as a habit beside a fire it dates ("hồi tháng trước nhà bên
                # cháy, giờ tối nào cũng đánh nhau"), nor typed without marks ("chay roi" is
                # as often "chạy rồi", ran off; cat-24)
                if rule.background_when_past and (
                    not message.typed_with_marks or now_said or _habitual(groups)
                ):
                    continue
                best, best_strong, best_hits, best_weak = rule, strong, hits, []
                beater_score = score

    danger = _danger(rules, groups, best, best_hits, held, message.clauses, reach, opening)

    # a chain message asks the reader to pass a warning or a promise on: a rumour
    # circulating, whatever it tells (a kidnapping, a new fine), not a report; a writer
    # telling their own harm ("con tôi", "bị lừa") reports it, whatever else they ask
    chain = _sure(groups, "chain") if reach & _CHAIN else []
    if chain and "spam_unless" not in groups:
        return Classification("other", None, "normal", None, None, _unique(_labels(chain)))
    # a post passed on whole (a forward's header first, a feed's "xem thêm" last) that warns
    # everyone or asks to pass it on: its harm ("nghe máy là bị trừ tiền") is the post's
    # supposed reader's, not the writer's; the writer's own ("tôi bị", "nhà em") reports
    if "forwarded" in groups or "forwarded_end" in groups:  # most messages: neither
        last = len(message.folded) - 1
        forwarded = [h for h in _sure(groups, "forwarded") if h[START] <= 1]
        forwarded += _ending_from(_sure(groups, "forwarded_end"), last)
        # (a warning's own header, "Cảnh báo:", is no warning besides itself)
        # (or another office's notice passed on, a water or power cut: "Forwarded từ nhóm cư
        # dân: 'tối nay cắt nước bảo trì'")
        notice = chain + _sure(groups, "warns") + _sure(groups, "other_office")
        warned = _outside(notice, forwarded)
        if forwarded and warned and not _sure(groups, "own"):
            said = _unique(_labels(forwarded) + _labels(warned))
            return Classification("other", None, "normal", None, None, said)
    # a call for help called off after it was told ("... à thấy rồi, xin lỗi đã làm
    # phiền", "thôi khỏi, ổn rồi"): nothing is told after the calling off, and it is no
    # news of a tip sent before (that joins the tip: "cập nhật vụ hôm qua")
    called = _sure(groups, "called_off") if reach & _CALLED_OFF else []
    if called and groups.keys().isdisjoint(("line_reported", "line_since", "reporting")):
        first = min(h[START] for h in called)
        # and nothing said after it: no event, nothing now, no "nhưng" going on
        told = best_hits + best_weak + danger.hits
        told += groups.get("now", []) + groups.get("line_unless", [])
        if _before_or_inside(told, first, called):
            return Classification("other", None, "normal", None, None, _unique(_labels(called)))
    # one's identity used by someone else (lost papers used to borrow or to rent a room):
    # a fraud to report, whatever is asked beside it (the papers' re-issue)
    misused = _sure(groups, "misused") if reach & _MISUSED else []
    # (round 36, kind-36) not when the writer asks to meet an officer to clear it up ("có
    # người lấy địa chỉ nhà tôi đăng ký tạm trú ..., tôi muốn gặp cán bộ làm rõ", qt28-110):
    # the desk's, handed off as any request for an officer
    if misused and not danger.hits and not _asks_for_officer(groups, rules.officer_gap):
        reasons = _labels(misused) + _labels(best_hits)
        return Classification("tip", "fraud", "normal", None, None, _unique(reasons))

    # a message to one's family sent here by mistake ("mẹ ơi con về trễ nha, đang kẹt xe",
    # "tối nay ăn gì, em ghé mua luôn"): its traffic jam or its question is not the
    # line's; a danger it tells still is
    personal = _sure(groups, "personal") if reach & _PERSONAL else []
    if personal and not danger.hits:
        return Classification("other", None, "normal", None, None, _unique(_labels(personal)))

    # an ad (`spam` phrases, `spam.min_phrases` of them at least: none, nothing to weigh);
    # a web address weighs as one of its phrases (`_web_address`), and so does a number to
    # call or a price per period (`_ad_shape`)
    web = _web_address(text, rules.web_domains) if "." in text else None
    if reach & _SPAM or web:
        spam_hits = _sure(groups, "spam")
        shape = _ad_shape(text)
        spam = _labels(spam_hits) + ([web] if web else []) + ([shape] if shape else [])
        # a victim quoting the ad that cheated them ("bị lừa mua căn hộ mở bán chiết khấu")
        # reports; harm or a fake named in the ad's own offer ("hỗ trợ lấy lại tiền bị lừa",
        # "bằng lái giả như thật") is the ad's words, not the writer's; an ad's phrase held whole
        # in the writer's ("dán quảng cáo") is still theirs
        own_harm = _unquoted(groups["spam_unless"], spam_hits) if "spam_unless" in groups else []
        # one's own home's papers said beside a residence procedure asked for someone ("nhà tôi
        # chính chủ có sổ hồng, cần làm thủ tục gì để bà ở hợp pháp"): a question, no ad, no scam
        asked = "spam_asked" in groups
        # the ad passed on by one saying they report it ("nhóm zalo gửi hình quảng cáo gái
        # gọi, em gửi link nhóm cho công an"): what it offers is reported, not advertised
        passed_on = "reporting" in groups and bool(_sure(groups, "reporting"))
        ad = not own_harm and not danger.makes_tip and not asked and not passed_on
        # a harm named inside the ad's own offer ("lấy lại tiền bị lừa đảo") is no evidence of one;
        # a phrase both of a tip and of an ad ("bấm vào link") still is
        offered = (
            len(_labels(_offered(best_hits, spam_hits)))
            if spam_hits  # most messages: no ad's phrase, nothing offered
            else 0
        )
        if ad and len(spam) >= rules.spam_min_phrases and len(spam) > best_strong - offered:
            return Classification("other", None, "normal", None, None, tuple(spam), spam=True)
        # a link passed on and asked whether it is the police's or real ("tin nhắn: 'tài khoản
        # bị khóa, bấm link vneid-xacthuc.com' có phải của bộ công an ko"): a phish suspected,
        # for an officer to check; a government address asked of ("dichvucong.gov.vn có phải
        # trang thật không") is the line's own question (kind-28)
        phish_checked = (
            web is not None
            and not web.lower().endswith(".gov.vn")
            and bool(_sure(groups, "link_checked"))
        )
        if best is None and not danger.makes_tip and not asked and phish_checked:
            return Classification(
                "tip", "fraud", "normal", None, None, (web, *_labels(_sure(groups, "link_checked")))
            )
        if (
            best is None
            and not danger.makes_tip
            and not asked
            and len(spam) >= rules.spam_min_phrases
        ):
            # an ad or a phish quoted by the one it harmed, or passed on as a warning ("em
            # nhận được tin nhắn '... sẽ bị khóa, vui lòng truy cập link', báo để bà con cảnh
            # giác"): the scam reported
            return Classification("tip", "fraud", "normal", None, None, tuple(spam))

    # question evidence
    topic_index = _first_topic(groups, topics_held) if topics_held else None
    # a status question told beside news of the matter since ("vụ em báo mất xe sao rồi, em
    # mới thấy xe em dựng ở tiệm cầm đồ"): the news is a tip (the router joins it to the
    # citizen's open tip), never only a question of where it stands
    if (
        topic_index is not None
        and "line_since" in groups
        and rules.topics[topic_index].topic == "tip_status"
    ):
        since = _sure(groups, "line_since")
        category = best.category if best is not None else "other"
        severity = "urgent" if danger.hits else "normal"
        reasons = _labels(best_hits) + _labels(since) + _labels(danger.hits)
        return Classification("tip", category, severity, None, None, _unique(reasons))
    statements = groups.get("not:question", [])
    question_hits = _sure(groups, "question")
    if question_hits and statements:
        question_hits = _outside(question_hits, statements)
    punctuation = _said_in(text, rules.question_punctuation)
    code = find_code(text)  # a citizen quoting their tip's code asks about it
    asks = (
        code is not None
        or topic_index is not None
        or bool(question_hits)
        or final_word is not None
        or bool(punctuation)
        # a declaration's deadline asked mid-sentence ("khách tới tối qua, có trễ không, mấy
        # tiếng phải báo"): a time asked beside a declaring word, wherever it stands
        or ("deadline_time" in groups and "deadline_declare" in groups)
    )
    officer = _asks_for_officer(groups, rules.officer_gap) if reach & _OFFICER else []
    chat = _sure(groups, "other") + officer

    # the writer laughing ("haha", "=))") jokes ("nó dọa giết tui vì tui ăn hết bánh kem
    # haha"); a procedure or a tip's code named still asks, and a danger or a crime told
    # still reports: people laugh while telling one ("tụi nó đánh nhau, có đứa cầm dao
    # haha", "haha tụi bán ma túy lại về đầu hẻm rồi"), and a joke reaching an officer
    # costs less than a tip lost
    laughing = _labels(_sure(groups, "laughter")) if reach & _LAUGHTER else []
    laughing += _said_in(text, rules.laughter_marks)
    if topic_index is None and code is None and not danger.hits and best is None and laughing:
        return Classification("other", None, "normal", None, None, _unique(laughing))
    # the joke owned up beside the laughter ("đùa chút thôi ... 😂"): the writer says the
    # crime told is no crime; a danger told still reports
    owned = _sure(groups, "joke_owned") if reach & _JOKE_OWNED else []
    laughed = owned and (
        _any_outside(_sure(groups, "laughter"), owned) or _any_said_in(text, rules.laughter_marks)
    )
    if laughed and topic_index is None and code is None and not danger.hits:
        return Classification("other", None, "normal", None, None, _unique(laughing))
    # laughter beside a crime told of no street (round 24: "con mèo nhà em nó trộm cá chiên
    # trên bàn, xin công an bắt giùm 😂", a riddle, a grandfather's stolen hen of 1998): a
    # joke in the writer's own small world; a street place named ("tụi bán ma túy lại về đầu
    # hẻm haha"), something going on now, the writer's own harm ("bị lừa") or a danger told
    # still reports. Laughter itself, not a joke owned up ("nói giỡn thôi" is as often the
    # excuse of whoever did it)
    if (
        best is not None
        and (
            _any_said_in(text, rules.laughter_marks)
            or _any_outside(_sure(groups, "laughter"), owned)
        )
        and not danger.hits
        and not now_said
        and topic_index is None
        and code is None
        # (a place typed with its marks, or unambiguous: "cho" unmarked is "cho", not "chợ")
        and not _sure(groups, "laughter_place")
        and "spam_unless" not in groups
    ):
        return Classification("other", None, "normal", None, None, _unique(laughing))

    about_line = (
        _about_line(groups, bool(punctuation), best_strong, best_hits + best_weak)
        if reach & _ABOUT_LINE_SAID
        else []
    )
    if about_line and not danger.makes_tip:
        said = _unique(_labels(about_line))
        return Classification("other", None, "normal", None, None, said, about_line=True)
    asked_after = _asked_after(groups, rules) if reach & _ASKED_AFTER else []
    if asked_after and danger.hits:
        # no danger but one the wait's own "tới giờ" made now ("tối qua báo vụ đánh nhau mà
        # tới giờ chưa thấy ai xuống"): read again without it
        waited = dict(groups, now=_outside(groups.get("now", []), asked_after))
        if not waited["now"]:
            del waited["now"]
        if _danger(rules, waited, best, best_hits, held, message.clauses, reach).hits:
            asked_after = []
    if asked_after:
        # a complaint that nobody came passes to the tip's officers; else where it stands
        topic = None if "line" in groups else "tip_status"
        said = _unique(_labels(asked_after))
        return Classification("other", None, "normal", topic, None, said, about_line=True)

    # where the writer's matter stands asked and nothing else said but polite words ("sao
    # roi ad??", "anh ơi tới đâu rồi?"): the writer's own tip asked after, as when named
    # (round 30, kind-30b); a matter, a procedure or a tip's code named is read above
    if (
        "line_status" in groups
        and topic_index is None
        and code is None
        and best is None
        and not danger.hits
        and _status_only(message, _sure(groups, "line_status"), rules)
    ):
        said = _unique(_labels(groups["line_status"]))
        return Classification("other", None, "normal", "tip_status", None, said, about_line=True)

    # a crime or a fire mentioned in passing (seen on the news, long ago and gone since)
    passing = (
        _in_passing(groups, now_said, bool(laughing), bool(danger.hits))
        if reach & _PASSING_SAID
        else []
    )
    if passing and topic_index is None and code is None:
        return Classification("other", None, "normal", None, None, _unique(_labels(passing)))
    # a match cheered in a fire's or a weapon's words ("VN đá như bắn súng", "cả xóm bùng
    # cháy"): every word of a category or a danger is the cheer's; anything told besides
    # ("sau trận tụi nó đánh nhau") keeps the tip
    # (typed without marks, "chay qua" is also "chạy qua": a cheer then only when nothing
    # else was read, where the message would otherwise be a tip for want of any word)
    if "cheer" in groups and "match" in groups and topic_index is None and code is None:
        told = best_hits + best_weak + danger.hits
        cheer = _sure(groups, "cheer") if told else groups["cheer"]
        if cheer and _all_inside(told, cheer):
            said = _unique(_labels(_sure(groups, "match")[:1] + cheer))
            return Classification("other", None, "normal", None, None, said)

    # the words a category requires are the event's too ("cho thuê căn hộ cho người nước
    # ngoài mà không khai báo thì phạt bao nhiêu": the renting opens the supposed event)
    required = groups.get(best.requires, []) if best is not None and best.has_requires else []
    event = best_hits + best_weak + danger.hits + required
    # a rule heard from someone ("có người nói ở trọ không cần đăng ký nữa, đúng không") is
    # asked of, a harm heard of ("người ta nói hẻm 12 có đánh bạc") a place's tip
    rule_heard = best is not None and best.category in rules.calm_categories
    # an everyday trouble told beside only a cry ("ai cứu tui với, đói quá mà không biết ăn
    # gì"): the cry is a figure, no category and no other danger told
    trouble = _sure(groups, "trouble") if reach & _TROUBLE else []
    if (
        trouble
        and best is None
        and topic_index is None
        and code is None
        # (papers lost or their re-issue asked are the line's: "mai thi mà mất căn cước")
        and "papers:lost" not in groups
        and "papers:ask" not in groups
        # (a cry beside it: a trouble merely mentioned in a report whose words went unread,
        # "con tui mai thi" beside a misspelt "karaokee", is still that report)
        and danger.hits
        and all(h[GROUP] in _CRIES for h in danger.hits)
    ):
        return Classification("other", None, "normal", None, None, _unique(_labels(trouble)))
    # schoolwork or a survey asked of the line ("xin số liệu cho luận văn về ma túy"), or
    # the line itself asked after ("kênh này của công an phường nào"), nothing told
    # besides: neither a report nor a procedure asked
    if topic_index is None and code is None and not danger.hits and not best_strong:
        aside = _sure(groups, "schoolwork") + _sure(groups, "line_asked")
        # the officers' own life or trade asked as small talk ("ad ăn cơm chưa", "làm công
        # an có cực không")
        aside += _sure(groups, "officer_life")
        # (round 34, kind-34) a storm's coming and one's own home readied asked ("bão tới chưa,
        # nhà tôi có nên chằng chống mái tôn không"): the writer's own house, no harm in it
        aside += _sure(groups, "weather")
        # the neighbourhood's community life asked or announced ("nhà văn hóa phường có lớp
        # võ cho trẻ em không"): the ward's other bodies, "phường" named or not; not beside a
        # category's weak phrase nor the writer's family ("ép mua ... mẹ tui mua 3 hộp" at a
        # sales talk in the community hall reports a scam)
        # (round 33, kind-33) nor beside someone acting in an office's name ("có người xưng
        # cán bộ phường đi tuyển công an viên, thu mỗi người 2 triệu"): a pretext told
        # (round 35, kind-35) the family member named only as the one who asks ("bà tui hỏi mai
        # phường có phát quà Tết cho người già không"): a question relayed, no harm of theirs
        relayed = "own" not in groups or _all_inside(groups["own"], _sure(groups, "relayed"))
        if best is None and relayed and "office_someone" not in groups:
            aside += _sure(groups, "community")
            # what happened asked as news, nothing of it told: no category's phrase even
            # weak, no danger ("thấy xe công an đậu đông ở Âu Cơ, có chuyện gì vậy ad")
            aside += _sure(groups, "news_asked")
        # an everyday matter of a shop, a market or the town asked ("mấy giờ mở cửa", "giá
        # vàng hôm nay", "chỗ sửa xe nào uy tín"): no police matter, unless a police office
        # is what is asked of ("phường mấy giờ mở cửa" asks the desk's hours)
        # (a police office named only as a landmark, "gần công an phường có tiệm photo nào
        # không", asks nothing of it)
        # (nor a shop told of with a check asked of the police: "tiệm sửa xe chứa cả chục can
        # xăng, sợ cháy, có ai kiểm tra không", `action_asked`)
        office_asked = (
            "elsewhere_unless" in groups and not _landmark_only(groups)
        ) or "action_asked" in groups
        # (nor one beside the writer's own harm or loss told: "thuê thợ sửa điện về làm, ổng
        # đi rồi thì mất 1 chiếc nhẫn, tui có số điện thoại ổng" reports a theft)
        if (
            (asks or "elsewhere_asks" in groups)
            and not office_asked
            and not _own_harm(message, groups)
        ):
            aside += _sure(groups, "elsewhere")
        # how to use the line itself asked ("làm sao gửi vị trí cho ad"): nothing reported
        if asks and "line_use" in groups:
            used = _sure(groups, "line_use")
            # a harm told in a category's words, even weak, before the app's failing is asked
            # ("thằng đó nhắn tin đe dọa con gái tôi mà sao app này lỗi hoài"): the harm is
            # reported, what is asked is of the app, not of a procedure (kind-28)
            if used and best is not None and _ending_by(best_hits + best_weak, used[0][START]):
                reasons = _labels(best_hits + best_weak)
                return Classification("tip", best.category, "normal", None, None, _unique(reasons))
            aside += used
        if aside:
            return Classification("other", None, "normal", None, None, _unique(_labels(aside)))
        # a message to one's family, or to someone called by name at its start ("chị Lan ơi
        # mai họp tổ mấy giờ", "anh Tuấn ơi chiều giao 3 bao xi măng nha"), sent here by
        # mistake: nothing in it is reported
        called = _labels(_sure(groups, "family_called"))
        if _called_by_name(text):
            called.append(_CALLED_BY_NAME.match(text).group(0).strip())  # type: ignore[union-attr]
        if called:
            return Classification("other", None, "normal", None, None, _unique(called))
        # a group of friends called, as in a group chat ("tối nay có ai đi cafe không mọi
        # người"): no category's phrase even weak, no report named, no warning, nothing of
        # the writer's own
        crowd = _called_crowd(message, groups) if best is None else []
        if crowd and groups.keys().isdisjoint(("warns", "own", "crowd_unless")):
            return Classification("other", None, "normal", None, None, _unique(_labels(crowd)))
        # an everyday question (round 22): asked, but of nothing a public office, a procedure,
        # the law or a report names, no category's phrase even weak, nobody else acting and
        # no harm said ("vé Đầm Sen bao nhiêu vậy ad"): what is asked is not the line's
        # (not chat asking with its last word alone: the chat's own, `chat` below)
        everyday = asks and best is None and not officer and (question_hits or not chat)
        if everyday and _everyday(groups):
            # (the learned model may still read a report in it, as in a question naming no
            # procedure: `weigh` knows it by its last reason)
            said = _labels(question_hits) + punctuation or [final_word or ""]
            return Classification("other", None, "normal", None, None, (*_unique(said), EVERYDAY))
    # someone called by name at its start, asked an errand ("nha", "nhé"), every phrase of a
    # category the writer's own doing told to them ("anh Tuấn ơi chiều em ghé lấy bánh kem
    # nha, em chuyển khoản rồi", "chị Hoa ơi mai em tới trễ nha, em để quên chìa khóa trong
    # nhà"): a message meant for that person, not a harm; a harm done to the writer or to
    # them ("chị Mai ơi nhà chị bị trộm vào rồi", "em mất xe rồi": a known officer may be
    # called by name) is not the writer's doing, and a danger still reports
    if (
        best_strong
        and not danger.hits
        and topic_index is None
        and code is None
        and _called_by_name(text)
        and any(word in _ERRAND for word in message.folded)
        and _own_doing(message.folded, best_hits)
    ):
        said = [_CALLED_BY_NAME.match(text).group(0).strip(), *_labels(best_hits)]  # type: ignore[union-attr]
        return Classification("other", None, "normal", None, None, _unique(said))
    # someone's anger supposed as a figure ("vợ mà biết tui đi nhậu chắc bả giết tui luôn"):
    # the crime's words are what the writer imagines, nothing happened
    reaction = _reaction_supposed(groups, event) if reach & _REACTION and not danger.hits else []
    if reaction and topic_index is None and code is None:
        return Classification("other", None, "normal", None, None, _unique(_labels(reaction)))
    supposed = (
        asks
        and bool(reach & _SUPPOSED)
        and _hypothetical(
            rules,
            groups,
            event,
            bool(danger.hits),
            rule_heard,
            numbered=any(map(str.isdigit, text)) if "report_wish" in groups else False,
        )
    )
    if not supposed and (
        danger.makes_tip or best_strong or (best is not None and not asks and not officer)
    ):
        # a danger beside only weak words of a category, none of them the danger's,
        # is the danger's tip ("nằm gục ... lề đường" is a person down, not the sidewalk;
        # "đang leo rào" stays a theft)
        weak_only = (
            danger.makes_tip and not best_strong and not _any_overlap(danger.hits, best_weak)
        )
        category = best.category if best is not None and not weak_only else "other"
        # (or, the category read only in weak words, those: a child "tìm không thấy" is a
        # person missing, never lost property; cat-24)
        category = danger.names(best_hits or best_weak) or category
        reasons: list[str] = _labels(best_hits)
        if best is not None:
            for name in (best.weak, best.requires, best.happened):
                if name in groups:
                    reasons += _labels(groups[name])
        if danger.hits:
            reasons += _labels(sorted(danger.hits, key=_start))
            asked = groups.get("question", [])
            reasons += _labels(_outside(groups.get("now", []), asked))
        severity = "urgent" if danger.hits else "normal"
        return Classification("tip", category, severity, None, None, _unique(reasons))

    # a statement the writer says is a report ("có 2 người mới tới ở mà không chịu đưa
    # giấy tờ để đăng ký tạm trú. Tôi báo trước cho công an biết"): a procedure's words
    # name its matter, nothing is asked ("?" or a final question word would)
    reporting = _sure(groups, "reporting") if reach & _REPORTING else []
    if reporting and asks and not punctuation and final_word is None and code is None:
        category = best.category if best is not None else "other"
        if best is None and topic_index is not None:
            topic = rules.topics[topic_index].topic
            category = "residence" if topic in RESIDENCE_TOPICS else "other"
        reasons = _labels(best_hits) + _labels(reporting)
        return Classification("tip", category, "normal", None, None, _unique(reasons))

    # the police asked to act on what is told, the request itself phrased as a question
    # ("sạc xe qua đêm, sợ cháy, có ai kiểm tra không"): it is for an officer to act on,
    # beside a category's phrase even weak, no own file and no papers' re-issue asked. Not
    # beside nothing of a category: "nhờ công an xác minh giúp để đăng ký thường trú" asks a
    # procedure whose word a typo may hide (round 24, kind-24)
    acted = _sure(groups, "action_asked") if "action_asked" in groups else []

    # or, no category's phrase, something the writer received told before the request (a
    # paper, a message, a call), no procedure named and nothing asked after it but whether it
    # is real: a suspected fake for an officer to check ("tôi nhận được
    # 'giấy mời làm việc' qua Zalo, yêu cầu cài app để khai báo. Nhờ công an xác minh có
    # phải thật không"); a procedure named after the request is what it is for ("nhờ công an
    # xác minh giúp để đăng ký thường trú"), a question (round 25, kind-25)
    # (`_told_before`)
    if (
        acted
        # (its own: only the papers' re-issue asked stops it, any topic is `_told_before`'s)
        and _told_then_asked(groups, supposed, code, ("papers:ask",))
        and (
            best is not None
            or _told_before(acted, groups, topic_index, rules, question_hits)
            # or a harm someone did to the writer, its doer named, told before the request
            # ("em bị công ty giữ lương 2 tháng không trả, có ai giải quyết không": `harmed_by`)
            or (
                topic_index is None
                and "harmed_by" in groups
                and _harmed_before(_sure(groups, "harmed_by"), acted[0][START])
            )
            # or a habit or someone's act told in English before the request, no procedure
            # named ("the site next door runs jackhammers until midnight every day. Is there
            # anything you can do?"): what goes on is for an officer (kind-28)
            or _told_in_english_before(acted, groups, topic_index, rules, message)
        )
    ):
        # (a thing received and asked whether it is real: a suspected fake, `told_before`;
        # what goes on told in English: the rules' categories barely read it)
        category = best.category if best is not None else "fraud"
        if best is None and not _told_before(acted, groups, topic_index, rules, question_hits):
            category = "other"
        reasons = _labels(best_hits) + _labels(acted)
        return Classification("tip", category, "normal", None, None, _unique(reasons))

    # whether someone's act told before is lawful, the only thing asked ("công ty em giữ bằng
    # gốc của nhân viên không trả khi nghỉ việc, vậy có vi phạm không"): the act is told for
    # an officer to judge, a tip; not the writer's own plan ("em định mang bình xịt hơi cay,
    # có phạm luật không"), a procedure, a bribe asked of (the assistant's hand-off), nor a
    # case supposed (round 31, kind-31)
    legal = _sure(groups, "legality_asked") if "legality_asked" in groups else []
    if (
        legal
        and legal[0][START] >= rules.default_tip_min_words
        and _told_then_asked(
            groups,
            supposed,
            code,
            ("papers:lost", "papers:ask", "rights_asked", "legality_own", "bribe"),
        )
        and topic_index is None
        and _all_inside(question_hits, legal)
        and (final_word is None or legal[-1][END] >= len(message.folded) - 2)
    ):
        category = best.category if best is not None else "other"
        reasons = _labels(best_hits) + _labels(legal)
        return Classification("tip", category, "normal", None, None, _unique(reasons))

    # a wish to report said, and the writer's own harm told dated ("em muốn báo lại việc tuần
    # trước em bị người hàng xóm đánh ..., giờ em nộp đơn ở đâu"): where or how to report
    # it is asked of the line that takes the report, a tip; no procedure named, no case
    # supposed, no lost papers' re-issue and no rights asked ("muốn tố cáo mà sợ lộ tên")
    # (round 25, kind-25)
    wished = _sure(groups, "report_wish") if "report_wish" in groups else []
    # (the harm the writer's own: "em bị", or their family's or home's told as done; a date
    # alone typed wrong, "tuan truocc", does not unmake it)
    own = _sure(groups, "own") if wished else []
    harmed = _said_bi(message.folded, own) or (
        bool(own) and ("past" in groups or "happened" in groups)
    )
    if (
        wished
        and harmed
        and _told_then_asked(groups, supposed, code, ("papers:lost", "papers:ask", "rights_asked"))
        # (its own: a topic named that is no procedure does not stop it)
        and (topic_index is None or rules.topics[topic_index].group not in rules.procedure_topics)
    ):
        category = best.category if best is not None else "other"
        reasons = _labels(best_hits) + _labels(wished)
        return Classification("tip", category, "normal", None, None, _unique(reasons))

    # what to do asked, the only thing asked, after something told in a category's words even
    # weak ("thấy trong nhà có ống hút, giấy bạc ... em nên làm gì"): the writer asks for help
    # with what happened, no procedure named for the assistant to answer (round 24, kind-24)
    todo = _sure(groups, "what_to_do") if "what_to_do" in groups else []
    # (or, no category's words, a harm the writer says someone did to them or theirs, named
    # as its doer, "bị người ta", "bị thằng hàng xóm", told before what to do is asked:
    # "toi bi nguoi ta chiem dat lam nha tren dat nha toi, phai lam sao"; round 31, kind-31)
    harmed_by = (
        _sure(groups, "harmed_by") if todo and best is None and "harmed_by" in groups else []
    )
    if (
        todo
        and (best is not None or _harmed_before(harmed_by, todo[0][START]))
        # (its own: an office wished for stops it, the papers' re-issue asked does not)
        and _told_then_asked(groups, supposed, code, ("papers:lost", "office_wish", "rights_asked"))
        and topic_index is None
        # (the line asked leave to ask at the message's start, "xin hỏi, tôi bị hàng xóm đánh
        # hôm qua ..., giờ tôi làm đơn ở đâu", asks nothing of its own; round 31, kind-31)
        and _all_inside(_past_opener(question_hits, groups), todo)
        # told first, then asked: "làm sao để tố giác tội phạm" asks how to report; and told
        # of something, not only a report named ("muốn tố giác thì phải làm sao": other, weak)
        and (best is None or best_strong or best.category != "other")
        # (nor the category's own question said, its words then a premise: a foreigner's
        # own visa run out, "em là người nước ngoài, visa hết hạn rồi, giờ làm sao"; kind-32b)
        and (best is None or best.asks not in groups)
        and _ending_by(best_hits, todo[0][START])
        and _ending_by(best_weak, todo[0][START])
    ):
        category = best.category if best is not None else "other"
        reasons = _labels(best_hits) + _labels(harmed_by) + _labels(todo)
        return Classification("tip", category, "normal", None, None, _unique(reasons))

    # someone else's act told in English before what is asked, no procedure named, no papers
    # lost ("the owner threw a bottle at my door when I complained. What can I do?"): a report
    # of what they did, for an officer; the rules read English alone (`in_english`), and
    # every English question of the line's procedures names one (kind-27)
    if (
        "en_told:act" in groups
        and "en_told:actor" in groups
        and topic_index is None
        and _told_then_asked(groups, supposed, code, ("papers:lost", "rights_asked"))
        and in_english(message, groups, rules)
    ):
        told = _told_in_english(groups, question_hits, rules.english_told_gap)
        if told:
            category = best.category if best is not None else "other"
            reasons = _labels(best_hits) + _labels(told)
            return Classification("tip", category, "normal", None, None, _unique(reasons))

    # papers told lost somewhere ("làm mất sổ hộ khẩu với giấy khai sinh trên xe buýt"),
    # nothing asked (no question word, no "?", no procedure of theirs asked): the loss is
    # reported for the ward's desk to record, not a residence question though a residence
    # paper is what was lost
    if (
        "papers:lost" in groups
        and "papers:told" in groups
        and "papers:ask" not in groups
        and not question_hits
        and not punctuation
        and final_word is None
        and code is None
        and best is None
    ):
        reasons = _labels(_sure(groups, "papers:lost")) + _labels(_sure(groups, "papers:told"))
        return Classification("tip", "lost_property", "normal", None, None, _unique(reasons))

    only_final_word = topic_index is None and not question_hits and code is None
    # a request for an officer whose only question words are the request's own ("cho tôi
    # xin sđt cảnh sát khu vực"): a request, never a question the model may read as a report
    officer_only = (
        bool(officer)
        and topic_index is None
        and code is None
        and _all_inside(question_hits, _sure(groups, "talk") + _sure(groups, "officer_asks"))
    )
    # (round 33, kind-33) a paper only named beside a harm or a loss told, nothing asked ("em
    # bị sếp cũ giữ bằng đại học với CCCD bản gốc, nghỉ việc 2 tháng rồi mà ko trả"): told,
    # no question; the default tip below, which the model may read
    named_only = (
        asks
        and topic_index is None
        and code is None
        and final_word is None
        and not punctuation
        and best is None
        and bool(question_hits)
        # (`issuperset`, not a generator: one here would make a cell of the decision)
        and rules.question_named_only.issuperset(map(_LABEL, question_hits))
        and "deadline_time" not in groups
        # (not a wish for a new one: "thẻ căn cước bị mờ hết chữ, muốn đổi thẻ mới" asks)
        and "office_wish" not in groups
        and _any_outside(_sure(groups, "mood_harm"), question_hits)
        and (bool(_sure(groups, "harmed_by")) or _own_harm(message, groups))
    )
    if asks and not named_only and not ((only_final_word or officer_only) and chat):
        reasons = []
        topic, subtopic = "other", None
        if topic_index is not None:
            topic = rules.topics[topic_index].topic
            subtopic = rules.topics[topic_index].subtopic
            reasons += _labels(_sure(groups, rules.topics[topic_index].group))
        elif code is not None:
            topic = "tip_status"
            reasons.append(code)
        reasons += _labels(question_hits)
        reasons += punctuation
        if final_word is not None and not reasons:
            reasons.append(final_word)
        return Classification("question", None, "normal", topic, subtopic, _unique(reasons))

    # a greeting or thanks makes chat of a short message, not of a report it opens
    # ("Dạ em phát hiện một nhóm người đang bốc thùng hàng ra từ kho ..."): with words
    # enough besides it, the message is read as one that matched nothing (a tip, which
    # the model may read as chat)
    courtesy = _sure(groups, "courtesy")
    if chat and (
        not _all_inside(chat, courtesy)
        or _words_besides(message, chat) < rules.courtesy_report_min_words
    ):
        return Classification("other", None, "normal", None, None, _unique(_labels(chat)))
    # nothing matched but a figure of speech or a mishap at home ("giá rau như ăn cướp",
    # "con mèo nhà tui nó ăn trộm cá", "cháy nồi cơm"): chat, not an unknown report
    figure = _sure(groups, "figure")
    if figure and best is None and not danger.hits:
        return Classification("other", None, "normal", None, None, _unique(_labels(figure)))
    # another office's service wished for, nothing else matched and no question word ("hợp
    # đồng nước vẫn tên chủ cũ, muốn đổi qua tên mình"): a question the assistant points to
    # that office, not a report nobody made
    office = _sure(groups, "other_office")
    matter = office + _sure(groups, "office_things")
    if matter and _sure(groups, "office_wish") and best is None and not danger.hits:
        return Classification("question", None, "normal", "other", None, _unique(_labels(matter)))
    # another office's matter told, no wish for its service, nothing of the line's in it
    # ("nước máy mấy hôm nay đục như nước cống"): the water or power company's, no unknown
    # report for an officer; unless someone is said to have done something to it (a verb
    # typed without marks left unread: the default tip, which the model may read)
    if office and best is None and not danger.hits and not _sure(groups, "office_someone"):
        return Classification("other", None, "normal", None, None, _unique(_labels(office)))
    # the writer's own feeling exclaimed in the last clause, nothing else matched and nobody
    # else acting ("con em vừa thi đậu đại học, vui quá"): news of one's own day, and so the
    # writer's own pastime told anywhere, nothing seen on the way ("chạy bộ quanh Đầm Sen
    # sáng nay mệt xỉu luôn")
    # (round 30, kind-30) a word of someone acting that lies inside the feeling's own words is
    # none ("thấy khỏe hẳn ra": "hẳn" typed without marks is also "hắn", him)
    if (
        best is None
        and not danger.hits
        and (
            "mood_unless" not in groups
            or not _any_outside(
                groups["mood_unless"], groups.get("mood", []) + groups.get("pastime", [])
            )
        )
    ):
        mood = _in_clause(_sure(groups, "mood"), message.clauses[-1])
        if not mood and "pastime_unless" not in groups:
            mood = _sure(groups, "pastime")
        if mood:
            return Classification("other", None, "normal", None, None, _unique(_labels(mood)))
    # a glad face typed, nothing else matched and no danger ("mai họp lớp nha mấy bà 😘",
    # "thằng cu nhà tui thắng giải, khoe xíu 😄"): glad news of one's own, chat; no report of
    # the tuning sets carries one (round 26), and a harm said still keeps the default tip
    if best is None and not danger.hits and rules.mood_marks:
        glad = _said_in(text, rules.mood_marks)
        if glad and not _sure(groups, "mood_harm"):
            return Classification("other", None, "normal", None, None, (glad[0],))
    if len(message.folded) >= rules.default_tip_min_words:
        # nothing named, but a plea to come at once ("làm ơn tới liền") still says a hurry
        said = _unique(_labels(sorted(danger.hits, key=lambda h: h[START])))
        severity = "urgent" if said else "normal"
        # news of an earlier report given ("cập nhật vụ hôm qua: ..."): a tip by its own
        # words, which the learned model may not read as chat (the router joins it)
        said += _unique(_labels(_sure(groups, "line_update")))
        return Classification("tip", "other", severity, None, None, said)
    return Classification("other", None, "normal", None, None, ())


def _practice_asked(message: _Message, groups: dict[str, list[Hit]], asking: bool) -> bool:
    """An office's practice asked in general (`practice_asked`): asked, nothing told as done
    or going on, no harm of the writer's own told (round 32, kind-32b)."""
    return (
        asking
        and groups.keys().isdisjoint(("past", "happened", "now", "habitual", "lasting"))
        and not _own_harm(message, groups)
    )


def _own_harm(message: _Message, groups: dict[str, list[Hit]]) -> bool:
    """The writer's own harm or loss told: "em bị", or their family's or home's told as
    done (as `report_wish`'s, round 25), with someone else acting or a loss said besides
    (`mood_unless`: "nhà tui ... ổng đi rồi thì mất 1 chiếc nhẫn"); not a mishap of one's
    own ("máy lạnh nhà em hư rồi", "em bị cảm rồi"). A shop or a tradesman named beside it
    is where it happened, not an errand asked (round 26, kind-26)."""
    own = _sure(groups, "own")
    if not own or not (_said_bi(message.folded, own) or "past" in groups or "happened" in groups):
        return False
    return any(not _inside(h, own) for h in _sure(groups, "mood_unless"))


# the last reason of an everyday question (kind other): shown to whoever reads the verdict,
# and how `weigh` knows it (the learned model may still read a report in it)
EVERYDAY = "chuyện thường ngày"

# what makes a question the line's (or another office's) rather than an everyday one: a
# public office, a procedure, the law or a report named (`public`, an officer, another
# office's service), lost papers, an earlier report, a warning passed on, and anyone else
# acting or a harm said (`mood_unless`)
_NOT_EVERYDAY = (
    "public",
    "people",
    "line_opener",
    "other_office",
    "office_things",
    "office_wish",
    "law_asked",
    "rights_asked",
    "held",
    "held_asks",
    "bribe",
    "case_reported",
    "reporting",
    "misused",
    "guidance_visit",
    "own_fine",
    "own_file",
    "mood_unless",
    "own",
    "officer",
    "spam",
    "chain",
    "warns",
    "forwarded",
    "schoolwork",
    "crowd_unless",
    "passing:news",
    "papers:lost",
    "papers:ask",
    "moving_away",
    "gone_long:left",
    "line",
    "line_received",
    "line_reported",
    "line_reported_when",
    "line_status",
    "line_update",
    "line_since",
)


_NOT_EVERYDAY_HELD = frozenset(_NOT_EVERYDAY)


# a web address's ending as typed ("bit.ly/abc", "vneid-capnhat.com", "http://x.vn/y"): a
# dot between a word and a short name, no space after the dot (not a sentence's full stop),
# its ending listed (not "TP.HCM"). Looked for by its dot first: a fifth of the cost of
# matching whole addresses
_WEB_END = re.compile(r"\.([A-Za-z]{2,6})(?!\w)")


# an ad's own shape (round 25): a phone number to call, whole or masked ("0988xxxxxx",
# "gọi 0977 xxx xxx"), or a price or a return per period ("3tr/tháng", "lãi 5%/tuần",
# "10k/ngày"). Of the tuning sets' messages holding one, 111 ads and 21 tips, each tip
# quoting a scam or a loan shark with its harm or its report said (the ad's `unless`).
# Round 26: or per weight or area sold ("giặt ủi 15k/kg"; not "/lượt", "/người" nor "/bộ": a
# fee or a levy complained of, goods reported sold)
_AD_SHAPE = re.compile(
    r"(?<!\w)(?:\+?84|0)\d{2,3}[ .]?[\dx]{3}[ .]?[\dx]{3,4}(?!\w)"
    r"|\d+(?:[.,]\d+)?\s*(?:k|tr|triệu|trieu|%|đ|d|ngàn|ngan|nghìn|nghin)?\s*/\s*"
    r"(?:tháng|thang|ngày|ngay|tuần|tuan|giờ|gio|h|kg|kí|ký|m2|m²|day|week|month"
    # (round 35, kind-35) or per serving or table of a meal sold ("thực đơn từ 1tr2/bàn",
    # "cơm văn phòng 35k/phần"): one phrase, a meal overcharged told holds no second
    r"|bàn|mâm|phần|suất|phan|suat)(?!\w)"
    # (round 33, kind-33) a price said as all it costs ("1 năm chỉ 60k", "chỉ còn 99k"); (round
    # 35) its thousands grouped ("chỉ 1.890.000đ")
    r"|(?<!\w)chỉ\s+(?:còn\s+)?\d+(?:[.,]\d+)*\s*(?:k|tr|triệu|nghìn|ngàn|đ)(?!\w)"
    # (round 26) a bonus for money paid in ("nạp 100k nhận 300k"): a betting site's offer
    r"|nạp\s*\d+\s*(?:k|tr|triệu)?\s*(?:nhận|tặng)\s*\d+"
    # (round 34, kind-34) a quantity sold at its price ("bao 10kg 250k", "can 5 lít 180k"), a
    # price said as all it costs in English ("only 2,500,000 VND"), a first visit at nothing
    # ("buổi đầu 0đ")
    r"|\d+\s*(?:kg|kí|ký|lít|lit)\s+\d+(?:[.,]\d+)?\s*(?:k|đ|tr|nghìn|ngàn)(?!\w)"
    r"|(?<!\w)only\s+\$?\d[\d.,]*\s*(?:vnd|vnđ|usd|k|đ|dong)?(?!\w)"
    r"|(?<![\w.,])0\s*(?:đ|đồng|vnđ|vnd)(?!\w)",
    re.IGNORECASE,
)


def _ad_shape(text: str) -> str | None:
    """The sender's number or price per period (`_AD_SHAPE`), as typed: one ad phrase, like
    a web address; never enough alone (`spam.min_phrases`)."""
    found = _AD_SHAPE.search(text)
    return found.group(0) if found else None


def _web_address(text: str, domains: frozenset[str]) -> str | None:
    """The first web address of the text whose ending is one of `domains` (an e-mail
    address is none): the sender's link, an ad's or a phish's phrase ("nộp phạt tại
    csgt-tracuu.xyz"). A writer quoting one to report it says so in the ad's `unless`
    words ("tôi nhận được tin nhắn ...")."""
    for found in _WEB_END.finditer(text):
        if (
            found.start()
            and text[found.start() - 1].isalnum()
            and found.group(1).lower() in domains
        ):
            start = text.rfind(" ", 0, found.start()) + 1
            end = text.find(" ", found.end())
            address = text[start : len(text) if end < 0 else end].strip("'\"“”‘’()[],.;:!?")
            if "@" not in address:
                return address
    return None


def _everyday(groups: dict[str, list[Hit]]) -> bool:
    """Nothing of the line's or of another office's in a question (`_NOT_EVERYDAY`), no
    topic's phrase even unasked, and no English word (the rules do not read English)."""
    # (only the groups the message holds looked at: forty names, most messages two or three)
    held = groups.keys() & _NOT_EVERYDAY_HELD
    # a police office named only as where the everyday thing is ("gần trụ sở công an phường
    # có cây ATM nào không"): its words ask nothing of it (as `elsewhere_landmark` says)
    landmark = "elsewhere_landmark" in groups
    if landmark:
        held = {group for group in held if not _landmark_only(groups, group)}
    if any(any(map(_SURE, groups[group])) for group in held):
        return False
    if any(group.startswith("topic:") and _sure(groups, group) for group in groups):
        return False
    # an everyday sense the rules list (`compounds`) hides the words it holds, which may be
    # the line's ("người lạ trong hộ khẩu"): only a figure of speech is surely everyday
    figures = {h[LABEL] for h in groups.get("figure", ())}
    compounds = groups.get("compound", ())
    if compounds and not (landmark and _landmark_only(groups, "compound")):
        return all(h[LABEL] in figures for h in compounds) and "english" not in groups
    return "english" not in groups  # (one English word already: a foreigner asking)


# the severity rules whose hits are only a cry or a plea, no danger named ("cứu tui với")
_CRIES = frozenset({"sev:cry", "sev:plea_for_help", "sev:plea_in_danger", "sev:hurry"})

# someone called by name at a message's start: a title, a capitalised name, "ơi" ("chị Lan
# ơi", "a Hai oi"); not the line's own people ("anh Công an ơi", "anh Ad ơi")
_CALLED_BY_NAME = re.compile(
    r"\W*(anh|chị|chi|em|cô|co|chú|chu|bác|bac|a|c|e)\s+([^\W\d_]+)\s+(ơi|oi)\b",
    re.IGNORECASE,
)
_NOT_A_NAME = frozenset(
    {"công", "cong", "cán", "can", "ad", "admin", "trực", "truc", "cảnh", "canh"}
)


# polite words that may follow the crowd called at a message's end ("... vậy mọi người nha")
_AFTER_CALL = frozenset({"nha", "nhe", "nhé", "a", "ạ", "ha", "oi", "ơi", "nhi", "nhỉ"})


def _called_crowd(message: _Message, groups: dict[str, list[Hit]]) -> list[Hit]:
    """A group of friends or neighbours called: "mọi người ơi" anywhere, "mọi người" only
    ending the message, a polite word or two aside ("tối nay mấy giờ đá vậy mọi người nha"),
    or a clause of it after a polite word ("mai họp lớp nha mn, nhớ đóng quỹ"), or asked in
    the last clause an errand closing the message with "nha"/"nhé" ("mọi người ghé ủng hộ
    nha"): a word to the group."""
    crowd = _sure(groups, "crowd")
    ending = _sure(groups, "crowd_end")
    if ending:
        words, clauses = message.folded, message.clauses
        last = len(words)
        while last > 0 and words[last - 1] in _AFTER_CALL:
            last -= 1
        errand = words[-1] in _ERRAND
        crowd = crowd + [
            h
            for h in ending
            if h[END] == last
            # (after a polite word: "cho cả nhà," is the family the tickets were for)
            or (
                h[END] < len(words)
                and clauses[h[END]] != clauses[h[END] - 1]
                and h[START] > 0
                and words[h[START] - 1] in _AFTER_CALL
            )
            or (errand and clauses[h[START]] == clauses[-1])
        ]
    return crowd


# the writer named as the one who does what a phrase tells, folded ("em chuyển khoản rồi")
_FIRST_PERSON = frozenset({"em", "e", "con", "toi", "tui", "minh", "chau", "t"})
# a phrase opening with these tells a harm or a loss suffered ("em mất xe", "em bị ..."),
# not the writer's own doing
_HARMED = frozenset({"mat", "bi", "lam"})
# an errand asked of someone ("... nha", "... nhé")
_ERRAND = frozenset({"nha", "nhe"})


def _called_by_name(text: str) -> bool:
    """Someone called by a capitalised name at the message's start ("chị Lan ơi"), not the
    line's own people ("anh Công an ơi")."""
    named = _CALLED_BY_NAME.match(text)
    return bool(
        named and named.group(2)[0].isupper() and named.group(2).casefold() not in _NOT_A_NAME
    )


def _words_besides(message: _Message, hits: list[Hit]) -> int:
    """How many of the message's words lie outside `hits`."""
    covered = {i for h in hits for i in range(h[START], h[END])}
    return len(message.folded) - len(covered)


def _near(
    groups: dict[str, list[Hit]], near: tuple[tuple[str, str, int], ...], cancel: list[Hit]
) -> tuple[int, list[Hit]]:
    """The pairs of a category found: a `first` phrase followed within `gap` words by a
    `then` phrase ("chặn mấy đứa nhỏ ... xin tiền"), neither inside one of the
    category's `not` phrases ("bị chặn zalo"); their number and their hits."""
    found, hits = 0, []
    for first, then, gap in near:
        if first not in groups or then not in groups:
            continue
        pair = _first_pair(
            _outside(_sure(groups, first), cancel), _outside(_sure(groups, then), cancel), gap
        )
        if pair is not None:
            found += 1
            hits += pair
    return found, hits


def _first_pair(firsts: list[Hit], thens: list[Hit], gap: int) -> tuple[Hit, Hit] | None:
    """The first `then` hit within `gap` words after a `first` one, with it (`_near`)."""
    for f in firsts:
        for t in thens:
            if f[END] <= t[START] <= f[END] + gap:
                return f, t
    return None


def _asks_for_officer(groups: dict[str, list[Hit]], gap: int) -> list[Hit]:
    """A phrase asking for an officer, or a `talk` word followed within `gap` words by
    a person ("nói chuyện trực tiếp với cán bộ", "chat với người thật")."""
    if "officer" not in groups and ("talk" not in groups or "people" not in groups):
        return []  # most messages
    hits = _sure(groups, "officer")
    talk, people = _sure(groups, "talk"), _sure(groups, "people")
    if talk and people:
        # in one clause: "gặp mấy thằng đó, nhân viên quán nói" asks for nobody
        hits += [
            p
            for p in people
            if any(t[END] <= p[START] <= t[END] + gap and t[CLAUSE] == p[CLAUSE] for t in talk)
        ]
    return hits


# the groups whose hits `_about_line` returns: without one, it returns none
_ABOUT_LINE = frozenset({"thanks", "praise", "line_received", "line"})


def _about_line(
    groups: dict[str, list[Hit]], question_mark: bool, strong: int, told: list[Hit]
) -> list[Hit]:
    """Words about the line itself that make the message chat: thanks for something
    done, even beside a tip's words ("cảm ơn các anh đã bắt được thằng trộm"); praise
    or a complaint that nobody answers, or whether what one sent was received, only
    when nothing is reported besides: a citizen asking "hồi sáng em báo vụ ma túy ở
    hẻm 45, nhận được chưa" may be asking because that report never arrived, and the
    router joins a report to the tip it already has. Never beside "nhưng" or "cho
    hỏi"; thanks and praise never beside "?" or something going on now; praise or a
    complaint never beside a category's words of its own (`told`, weak ones too: "thằng
    đó nhắn tin đe dọa con gái tôi, app lỗi hoài" is a threat reported with a gripe)."""
    if groups.keys().isdisjoint(_ABOUT_LINE):
        return []  # (most messages: none of the groups it returns)
    if "line_unless" in groups and not _all_waited(groups["line_unless"], groups.get("line", ())):
        return []
    # (a "now" typed without marks inside a registration named is none: "dang ky" is "đăng
    # ký", not "đang": "... chủ trọ dang ky cho mọi người rồi, cảm ơn các anh")
    # (round 30, kind-30) nor a "now" that is as well a past of the same words, typed without
    # marks ("luc nay" is "lúc này" and "lúc nãy": "cam on ad, luc nay goi 113 ho toi lien")
    now = [
        h
        for h in groups.get("now", ())
        if not _inside(h, groups.get("question", [])) and not _inside(h, groups.get("fresh", []))
    ]
    kind_words = not question_mark and not now
    if kind_words and "done" in groups and "thanks" in groups:
        thanked = _sure(groups, "thanks") + _sure(groups, "praise")
        # the trouble back since what was done, beside a tip's words ("cảm ơn đã xuống nhắc
        # quán karaoke, được vài bữa giờ họ hát lại rồi"): reported anew, a tip. Not by a bare
        # "lại", as often something got back ("xe em lấy lại rồi", "tìm lại xe")
        done = groups["done"]
        since = min(hit[END] for hit in done)
        if strong and any(
            hit[START] >= since and hit[LABEL] != "lại" and not _inside(hit, thanked + done)
            for hit in groups.get("line_anew", ())
        ):
            return []
        return thanked
    if strong:
        return []
    if "line_received" in groups:
        return _sure(groups, "line_received")
    praise = _sure(groups, "praise") if kind_words else []
    said = praise or _sure(groups, "line")
    # a tip told in weak words beside the gripe is still a tip: a gripe reaching an officer
    # costs a glance, a threat lost costs the one threatened
    if not praise and said and _told_apart(told, said):
        return []
    return said


def _all_waited(unless: list[Hit], gripes: Iterable[Hit]) -> bool:
    """Every `unless` phrase leads straight into a gripe, the wait's own (round 29, kind-29:
    "gửi tin báo từ tuần trước mà giờ (vẫn) chưa thấy ai phản hồi"): "mà giờ", "vẫn chưa"
    then tell no trouble back. One leads in when it ends where a gripe or another lead-in
    starts, or inside the gripe's head ("vẫn chưa" holds the gripe's "chưa")."""
    spans = [(hit[START], hit[END]) for hit in gripes]
    for hit in sorted(unless, key=_START_OF, reverse=True):
        if not any(hit[START] < start <= hit[END] <= end for start, end in spans):
            return False
        spans.append((hit[START], hit[END]))
    return True


def _told_apart(told: list[Hit], said: list[Hit]) -> bool:
    """A category's word in a clause none of the gripe's words are in."""
    for t in told:
        for h in said:
            if h[CLAUSE] == t[CLAUSE]:
                break
        else:
            return True
    return False


def _asked_after(groups: dict[str, list[Hit]], rules: Rules) -> list[Hit]:
    """The writer's earlier report named with its matter ("hôm qua tui báo vụ trộm xe",
    or a status question's "vụ em báo" beside the matter's own words: "vụ em báo mất xe
    hôm trước sao rồi") and where it stands asked ("sao rồi", "có ai nhận chưa"), nothing
    new told: nothing `anew` ("lại", "vẫn") nor of `about_line.unless`, but the wait's and
    the resending's own ("vẫn chưa thấy ai gọi", "em nhắn lại thôi"), nothing now but the
    wait's own "tới giờ" ("tới giờ chưa thấy ai xuống"); the caller checks no danger is
    told. A report told again with something new ("... giờ tụi nó lại tụ tập") stays a tip."""
    if "line_status" not in groups and "line_received" not in groups:
        return []  # most messages: nothing asked after
    asked = _sure(groups, "line_status") + _sure(groups, "line_received")
    if not asked:
        return []
    status_topic = next((t.group for t in rules.topics if t.topic == "tip_status"), None)
    reported = _sure(groups, "line_reported")
    # the matter's words, even those its own rule sets aside ("báo mất xe") or only requires
    # ("vụ nhà trọ em báo tuần trước"), beside the report named by when it was sent, or by a
    # status question's "vụ em báo", not only its state asked ("có ai tới chưa": a jam's cause
    # told, whether anyone came asked, reports); a category's context word names the matter
    # too ("vụ em báo hôm qua về mất xe có tin gì chưa")
    matter = ("cat:", "not:cat:", "req:", "weak:", "ctx:cat:")
    if not reported and any(g.startswith(matter) for g in groups):
        reported = _sure(groups, "line_reported_when")
        if not reported and status_topic is not None and status_topic in groups:
            reported = [
                h for h in _sure(groups, status_topic) if not any(_overlaps(h, a) for a in asked)
            ]
    if not reported:
        return []
    own = reported + asked
    # "cho em hỏi" opening the status question itself ("cho em hỏi vụ nhà trọ em báo tuần
    # trước có ai xuống kiểm tra chưa"): the asking is the status's, when nothing else is
    # asked (no procedure named, no question word outside the report and its status)
    openers = _sure(groups, "line_opener")
    if (
        openers
        and not _topic_outside_matter(groups)
        and all(_inside(q, own + openers) for q in groups.get("question", []))
    ):
        own = own + openers
    for group in ("line_unless", "line_anew"):
        if any(not _inside(h, own) for h in groups.get(group, [])):
            return []
    if any(not _inside(h, asked) for h in groups.get("now", [])):
        return []
    return reported + asked


def _status_only(message: _Message, status: list[Hit], rules: Rules) -> bool:
    """Every word of the message a status question's ("sao rồi", "có tin gì chưa") or a
    polite word around it ("anh ơi", "ad", "ạ")."""
    covered: set[int] = set()
    for hit in status:
        covered.update(range(hit[START], hit[END]))
    for index, word in enumerate(message.folded):
        if index not in covered and word not in rules.question_trailing:
            return False
    return bool(covered)


def _topic_outside_matter(groups: dict[str, list[Hit]]) -> bool:
    """A topic's phrase said outside every category's phrase: a procedure named (round 30,
    kind-30: "mất điện" inside "vụ mất điện thoại" names no power cut)."""
    topics: list[Hit] = []
    matter: list[Hit] = []
    for group, hits in groups.items():
        if group.startswith("topic:"):
            topics += hits
        elif group.startswith("cat:"):
            matter += hits
    return _any_outside(topics, matter)


# the groups `_in_passing` finds a mention in
_PASSING = frozenset(
    {
        "passing:news",
        "passing:long_ago",
        "passing:dream",
        "passing:game",
        "passing:film",
        "passing:reported_elsewhere",
    }
)
# a dream or a game is no frame beside something told as just happened ("mơ thấy bị trộm,
# sáng ra mất xe thật rồi"); a game none beside the writer's own harm either (a scam in a
# game takes real money), a dream's harm is dreamt. A habit is the dreaming's or the
# playing's ("ghiền game bắn súng, nói hoài không nghe")
_DREAM_UNLESS = frozenset({"happened"})
_GAME_UNLESS = _DREAM_UNLESS | {"spam_unless"}
# a film as a game, and never beside a street place ("coi phim xong ra đầu hẻm thấy tụi nó
# đâm nhau" tells the street): the places laughter is weighed by
_FILM_UNLESS = _GAME_UNLESS | {"laughter_place"}


def _in_passing(
    groups: dict[str, list[Hit]], now_said: bool, laughing: bool, danger: bool = False
) -> list[Hit]:
    """A crime or a fire mentioned in passing, nobody's to report (`passing`): seen on the
    news ("coi tin trên tv thấy vụ cháy chung cư ở quận 8, mọi người cẩn thận"), not beside
    the writer's own place or harm (`news_unless`, the spam rules' `unless`: "đọc báo thấy
    hình thằng truy nã giống thằng ở trọ nhà bên"); or long ago ("hồi xưa", "thời đó") and
    said to be gone since or laughed at ("hồi xưa chợ có băng móc túi, giờ không còn nữa");
    or inside a dream, a video game or a film's genre (`dream`, `game`, `film`: "nằm mơ thấy
    bị cướp"), a film never beside a street place.
    Never beside a `now` phrase or one of `unless` (a plea, a report meant: "muốn tố cáo")."""
    if now_said or groups.keys().isdisjoint(_PASSING):
        return []
    # (a report meant, "trình báo", is none inside one made elsewhere: "đã trình báo ở đó rồi")
    if "passing:unless" in groups and _any_outside(
        groups["passing:unless"], groups.get("passing:reported_elsewhere", [])
    ):
        return []
    news = _sure(groups, "passing:news")
    # (the writer's own or family's harm beside it, "tôi bị", "mẹ tôi", reports; not a place
    # of theirs said spared, round 30: "đọc tin có vụ cháy ở Bình Tân, may ko phải gần nhà em")
    if news and (
        not any(g in groups for g in ("passing:news_unless", "spam_unless", "own"))
        or _all_spared(groups)
    ):
        return news
    # a dream, a game: no street event at all, whoever's house it was dreamt of
    dream = _sure(groups, "passing:dream")
    if dream and groups.keys().isdisjoint(_DREAM_UNLESS):
        return dream
    game = _sure(groups, "passing:game")
    if game and groups.keys().isdisjoint(_GAME_UNLESS):
        return game
    film = _sure(groups, "passing:film")
    if film and groups.keys().isdisjoint(_FILM_UNLESS):
        return film
    long_ago = _sure(groups, "passing:long_ago")
    if long_ago and "passing:dated" not in groups and ("passing:gone" in groups or laughing):
        return long_ago
    # (round 30, kind-30) a case told as over ("rồi", a day gone) and reported already to
    # another unit ("báo công an quận 1 rồi"), nothing asked and no danger: a story, its case
    # held elsewhere
    elsewhere = _sure(groups, "passing:reported_elsewhere")
    if elsewhere and not danger and "question" not in groups and "report_wish" not in groups:
        # told as done: "đã báo ...", or "rồi" or what was done after it ("báo công an quận 1
        # rồi", "công an xã đã xử lý xong"), not a report to be made ("mai em sẽ báo ...")
        since = elsewhere[0][START]
        if (
            "case_reported" in groups
            or _any_from(groups.get("happened", []), since)
            or _any_from(groups.get("done", []), since)
        ):
            return elsewhere
    return []


def _any_from(hits: list[Hit], start: int) -> bool:
    for h in hits:  # noqa: SIM110 (as `_any_outside`)
        if h[START] >= start:
            return True
    return False


def _all_spared(groups: dict[str, list[Hit]]) -> bool:
    """Every word of the writer's own place or harm beside a news item lies inside a place
    said spared by it (`passing.spared`: "may không phải gần nhà em")."""
    spared = _sure(groups, "passing:spared")
    if not spared:
        return False
    for group in ("passing:news_unless", "spam_unless", "own"):
        if _any_outside(groups.get(group, []), spared):
            return False
    return True


def _landmark_only(groups: dict[str, list[Hit]], group: str = "elsewhere_unless") -> bool:
    """Every police office's word (`elsewhere_unless`, or another `group`'s) is a
    landmark's: inside one ("gần công an") or running on right after one ("gần công an |
    phường | Tân Phú" names one office, the ward's name then the place)."""
    marks = list(groups.get("elsewhere_landmark", []))
    if not marks:
        return False
    for hit in sorted(groups[group], key=_start):
        if _inside(hit, marks):
            continue
        # (or begun inside one and running on: "gần trụ sở | công an phường")
        if any(mark[START] <= hit[START] <= mark[END] for mark in marks):
            marks.append(hit)
            continue
        return False
    return True


def _hypothetical(
    rules: Rules,
    groups: dict[str, list[Hit]],
    event: list[Hit],
    danger: bool = False,
    rule_heard: bool = False,
    numbered: bool = False,
) -> bool:
    """An event asked about, not reported: "nếu bị trộm xe thì báo ai", "nhặt được
    giấy tờ của người khác thì nộp ở đâu" (the event opens the message, nobody says
    it happened), never with a past or a now phrase; a rule heard of and checked
    ("nghe nói giờ ở trọ không cần đăng ký nữa đúng không") even with a now phrase
    ("giờ", "dang ky" typed without marks), unless it tells of danger."""
    if not event or "past" in groups:
        return False
    heard = "rumour" in groups or ("heard" in groups and rule_heard)
    if heard and "checks" in groups and not danger:
        return True  # "thấy tin trên face nói sắp có cướp, có thật không"
    if "now" in groups:
        return False
    first = min(h[START] for h in event)
    supposed = any(h[END] <= first for h in groups.get("if", ()))
    # the lead counted after an address or a leave to ask opening the message ("ad ơi",
    # "cho em hỏi"), each in turn: they tell nothing (round 32, kind-32b)
    start = _opening_end(groups) if "supposing_opening" in groups or "line_opener" in groups else 0
    # or a wish to report opening it ("cho em hỏi muốn báo có người bán ma túy trong hẻm thì
    # báo ở đâu"): "if one wants to report", unless a number makes what follows precise (a
    # house, a lane: "tôi muốn báo nhà số 5 hẻm 30 bán ma túy thì báo ở đâu" tells; round
    # 25, kind-25)
    if not supposed and not numbered:
        supposed = any(h[END] <= first for h in _sure(groups, "report_wish"))
    # (nor one said going on for a while up to now: "chủ nhà cho 6-7 người lạ ở mấy tháng
    # nay, hỏi tổ trưởng thì chưa ai khai báo tạm trú" tells; round 25, kind-25)
    if not supposed and (
        first - start > rules.hypothetical_lead
        or "happened" in groups
        or "lasting" in groups
        # (or a habit told: "dạ cho e hỏi e nghi người giúp việc lấy tiền trong tủ nhiều lần"
        # tells what goes on; round 32, kind-32b)
        or "habitual" in groups
        # (and after an address, the case supposed in one breath, its "thì" in the event's
        # own clause: "cho hoi bi giat tui tren duong X hoi trua, trong tui co cccd ... thi gio
        # lam sao" tells a story before it; round 32, kind-32b)
        or (start and not _then_in_clause(groups, min(h[CLAUSE] for h in event)))
    ):
        return False
    # a "thì" inside the event's own words supposes nothing ("ra thì không thấy xe": found
    # gone on coming back)
    then = [h[START] for h in groups.get("then", ()) if h[START] > first and not _inside(h, event)]
    if not then:
        return False
    # the case itself told after the supposition, as happening or as a habit ("nếu thấy chồng
    # đánh vợ thì báo ở đâu? Phòng đối diện tối nào cũng la hét, sáng nay em thấy chị đó mặt
    # bầm tím"): a report, whatever was asked first
    asked = min(then)
    told = [h for name in ("happened", "habitual") for h in groups.get(name, ())]
    if any(h[START] > asked for h in event) and any(h[START] > asked for h in told):
        return False
    # or told before it, as a habit or as happened, the supposition only its worse turn
    # ("quán bida tối nào cũng cãi nhau ... nếu mà có đánh nhau thật thì ai chịu"): a report
    # of what goes on, whatever it supposes next
    supposing = min(h[START] for h in groups.get("if", ())) if "if" in groups else first
    before = [
        h
        for group, hits in groups.items()
        if group.startswith("cat:")
        for h in hits
        if h[SURE] and h[END] <= supposing
    ]
    return not (before and any(h[END] <= supposing for h in told))


def _then_in_clause(groups: dict[str, list[Hit]], clause: int) -> bool:
    """Whether a "thì" lies in the given clause."""
    return any(h[CLAUSE] == clause for h in groups.get("then", ()))


def _opening_end(groups: dict[str, list[Hit]]) -> int:
    """Where the message's addresses and leaves to ask at its start end ("ad ơi cho em
    hỏi": 5), 0 when it opens with none."""
    openers = [*groups.get("supposing_opening", ()), *groups.get("line_opener", ())]
    at = 0
    while True:
        ends = [h[END] for h in openers if h[START] == at]
        if not ends:
            return at
        at = max(ends)


def _reaction_supposed(groups: dict[str, list[Hit]], event: list[Hit]) -> list[Hit]:
    """Someone's anger supposed, told as a figure: "X mà biết/thấy ..." then "chắc ...",
    every word of the event after the "chắc" ("ba mà thấy điểm thi chắc ba đánh con chết");
    nothing told as happened, going on, past or a habit, none of `reaction_unless`."""
    if not event or "reaction_if" not in groups or "reaction_then" not in groups:
        return []
    if any(
        g in groups for g in ("reaction_unless", "happened", "now", "past", "habitual", "fresh")
    ):
        return []
    supposing = min(h[START] for h in groups["reaction_if"])
    then = min(
        (h for h in groups["reaction_then"] if h[START] > supposing), key=_start, default=None
    )
    if then is None or any(h[START] < then[END] for h in event):
        return []
    return [min(groups["reaction_if"], key=_start), then]


# The decision's sections that only hits of some groups can make speak (`_by_rules`,
# `_danger`), each a bit, with those groups (a name ending in ":" stands for every group it
# begins). `Rules.sections` gives each group of the rules the bits of the sections it
# opens, built once; a message's groups then say in one pass which sections it reaches
# (`_reach`), and each other section is skipped on one test of its bit, where it tested
# its own groups (or called a helper that did) on every message: the decision's cost
# follows the groups a message holds, not the sections written. A section listed here
# must say nothing without a hit of one of its groups, and read right whatever its bit
# (tests/test_classify_sections.py reads every verdict with every bit set too).
(
    _TOPIC,
    _HELD,
    _GONE_LONG,
    _NEAR,
    _CATEGORY,
    _SEVERITY,
    _CHAIN,
    _CALLED_OFF,
    _MISUSED,
    _PERSONAL,
    _SPAM,
    _OFFICER,
    _LAUGHTER,
    _JOKE_OWNED,
    _ABOUT_LINE_SAID,
    _ASKED_AFTER,
    _PASSING_SAID,
    _TROUBLE,
    _REACTION,
    _SUPPOSED,
    _REPORTING,
) = (1 << i for i in range(21))
_OPENING = _CATEGORY | _SEVERITY  # a group that may open a rule (`_reached`)
_SECTIONS: dict[int, tuple[str, ...]] = {
    _TOPIC: ("topic:",),  # a topic named (`topics_held`, `topic_index`)
    _HELD: ("held",),  # `_held`
    _GONE_LONG: ("gone_long:years",),  # someone gone for years (`left_long`)
    _NEAR: ("near:",),  # a category's pair (`_near`)
    # (_CATEGORY, _SEVERITY: the groups that open a category or a severity rule)
    _CHAIN: ("chain",),
    _CALLED_OFF: ("called_off",),
    _MISUSED: ("misused",),
    _PERSONAL: ("personal",),
    _SPAM: ("spam",),  # an ad (`spam.min_phrases` is one at least)
    _OFFICER: ("officer", "talk"),  # `_asks_for_officer`
    _LAUGHTER: ("laughter",),
    _JOKE_OWNED: ("joke_owned",),
    _ABOUT_LINE_SAID: tuple(sorted(_ABOUT_LINE)),  # `_about_line`
    _ASKED_AFTER: ("line_status", "line_received"),  # `_asked_after`
    _PASSING_SAID: tuple(sorted(_PASSING)),  # `_in_passing`
    _TROUBLE: ("trouble",),
    _REACTION: ("reaction_if",),  # `_reaction_supposed`
    _SUPPOSED: ("then", "checks"),  # `_hypothetical`
    _REPORTING: ("reporting",),
}


def _topics_held(topic_of: dict[str, int], groups: dict[str, list[Hit]]) -> list[tuple[str, int]]:
    """The topics' groups the message holds, each with its index in `Rules.topics`."""
    return [(group, topic_of[group]) for group in topic_of.keys() & groups.keys()]


def _first_topic(groups: dict[str, list[Hit]], topics_held: list[tuple[str, int]]) -> int | None:
    """The first topic (by its index) whose phrase is said (`_topic_named`). (A loop: the
    `min` of a generator made one on most messages.)"""
    first: int | None = None
    for group, i in topics_held:
        if (first is None or i < first) and _topic_named(groups, group):
            first = i
    return first


def _any_topic_asked(rules: Rules, groups: dict[str, list[Hit]]) -> bool:
    """A topic other than a tip's status asked (`_topic_asked`)."""
    for t in rules.topics:  # noqa: SIM110 (as `_any_outside`)
        if t.topic != "tip_status" and _topic_asked(groups, t.group):
            return True
    return False


def _procedure_named(
    groups: dict[str, list[Hit]], procedures: frozenset[str], topics_held: list[tuple[str, int]]
) -> bool:
    """A procedure's topic held and named (`_topic_named`)."""
    for group, _ in topics_held:  # noqa: SIM110 (as `_any_outside`)
        if group in procedures and _topic_named(groups, group):
            return True
    return False


def _said_from(groups: dict[str, list[Hit]], names: frozenset[str], at: int) -> bool:
    """A sure hit of one of the groups `names` starting at `at` or after."""
    for group in names:
        for hit in _sure(groups, group):
            if hit[START] >= at:
                return True
    return False


def _any_named(groups: dict[str, list[Hit]], prefix: str) -> bool:
    """A group whose name starts with `prefix`. (A loop: a `map` of `str.startswith` with
    its `repeat`, or a generator, cost more on some twelve groups; and the name's first
    letters compared, not `startswith`: on 3.11 a method of its arguments in a tuple, ≈ a
    third more a group, some twenty a tip weighed.)"""
    n = len(prefix)
    for group in groups:  # noqa: SIM110 (as `_any_outside`)
        if group[:n] == prefix:
            return True
    return False


def _any_sure_of(groups: dict[str, list[Hit]], prefix: str) -> bool:
    """A sure hit in a group whose name starts with `prefix` (compared as `_any_named`)."""
    n = len(prefix)
    for group in groups:  # noqa: SIM110 (as `_any_outside`)
        if group[:n] == prefix and _sure(groups, group):
            return True
    return False


def _unquoted(unless: list[Hit], spam_hits: list[Hit]) -> list[Hit]:
    """The writer's own harm (`spam_unless`) not part of an ad's phrase: one overlapping an
    ad's phrase it does not hold whole is the ad's words."""
    return [
        h for h in unless if not any(_overlaps(h, s) and not _inside(s, [h]) for s in spam_hits)
    ]


def _offered(hits: list[Hit], spam_hits: list[Hit]) -> list[Hit]:
    """The hits inside a longer phrase of an ad (its own offer)."""
    return [
        h
        for h in hits
        if any(_inside(h, [s]) and s[END] - s[START] > h[END] - h[START] for s in spam_hits)
    ]


def _own_doing(folded: tuple[str, ...], hits: list[Hit]) -> bool:
    """Every hit told as the writer's own doing: after a first-person word, not a harm."""
    for h in hits:
        start = h[START]
        if not (start > 0 and folded[start - 1] in _FIRST_PERSON and folded[start] not in _HARMED):
            return False
    return True


def _told_before(
    acted: list[Hit],
    groups: dict[str, list[Hit]],
    topic_index: int | None,
    rules: Rules,
    question_hits: list[Hit],
) -> bool:
    """Something the writer received told before the police's check is asked (`acted`), and
    nothing asked after it but whether it is real (`_by_rules`, round 25)."""
    checks = groups.get("checks", [])
    return (
        topic_index is None
        # (told: as many words before the request as make a tip of a message matched by
        # nothing; "ad ơi nhờ công an xác minh giùm" tells nothing)
        and acted[0][START] >= rules.default_tip_min_words
        and any(h[END] <= acted[0][START] for h in _sure(groups, "things_received"))
        and all(
            h[END] <= acted[0][START] or _inside(h, checks) or _inside(h, acted)
            for h in question_hits
        )
    )


def _told_in_english_before(
    acted: list[Hit],
    groups: dict[str, list[Hit]],
    topic_index: int | None,
    rules: Rules,
    message: _Message,
) -> bool:
    """A habit or someone's act told in English, as many words before the police's action is
    asked (`acted`) as make a tip of a message matched by nothing, no procedure named
    (`_by_rules`, kind-28): "the bar downstairs plays music every night, can you do
    something" asks an officer to act on it; "my visa expires soon, can you do something"
    tells no habit and no act."""
    return (
        topic_index is None
        and acted[0][START] >= rules.default_tip_min_words
        and (_habitual(groups) or "en_told:act" in groups)
        and in_english(message, groups, rules)
    )


def _reach(rules: Rules, groups: dict[str, list[Hit]]) -> int:
    """The sections a message's groups may make speak (`_SECTIONS`)."""
    return _reached(rules, groups)[0]


def _reached(rules: Rules, groups: dict[str, list[Hit]]) -> tuple[int, list[str]]:
    """The sections a message's groups may make speak (`_SECTIONS`), and those of its
    groups that may open a category or a severity rule (`_opened` looks at these two or
    three, not again at every group). (A loop: `reduce` called `or_` through a tuple of
    its arguments for each group, ≈ 2.5× the cost.) Only the two or three of its some
    eleven groups that reach a section enter the loop: `filter` with the dict's own
    `__contains__` (a C method, not a slot's wrapper as `str.__contains__` is) tests the
    others in C, in order."""
    sections = rules.sections
    reach = 0
    opening: list[str] = []
    for group in filter(sections.__contains__, groups):
        bits = sections[group]
        reach |= bits
        if bits & _OPENING:
            opening.append(group)
    return reach, opening


def _start(hit: Hit) -> int:
    return hit[START]


def is_urgent(text: str) -> bool:
    """True when a message reports danger now (a weapon, a fire, a fight, a cry for help)."""
    return classify(text).severity == "urgent"
