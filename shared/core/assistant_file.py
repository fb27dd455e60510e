"""The assistant's data files, validated into the plain values it answers from.

`load_knowledge(data_dir)` reads `assistant.yaml` (matching phrases, menu,
hand-off, texts) and `procedures/<topic>.yaml` with `procedures/common.yaml`
(the facts), checks them against the models below and across files (a legal
reference, a snippet or a section that does not exist), and returns a
`Knowledge`, or raises KnowledgeError listing every problem as
``procedures/tam_tru.yaml: sections.ai_khi[2].refs[0]: unknown legal reference``.
`shared.core.assistant` imports this module on its first answer only, so its
own import stays cheap.

Procedure files (one per topic, and `common.yaml`):
  - `id`: the topic key (the file name); `title`; `code`: the procedure code
    on the national portal (optional); `checked`: the date the facts were
    checked against the official texts;
  - `refs`: keys of the procedure's legal basis (into `legal` of common.yaml);
  - `sections`: part key (ai_khi, noi_nop, giay_to, thoi_gian, le_phi,
    muc_phat) to a list of lines;
  - `rule` (optional): lines of the short rule sent after a residence tip.
  A line is a string; or a mapping `{text, from, until, refs}` where `from`
  and `until` (dates, inclusive, both optional) bound the days on which the
  line is said and `refs` names the legal references the line relies on; or
  `{common: KEY}`, the lines of `snippets.KEY` in common.yaml.
  A fact line also carries what the assistant does not read but
  tests/test_legal_facts.py requires: `basis` (provisions, "nd_282 Điều 10
  khoản 2 điểm d", or a portal procedure, "tthc 1.004222"), `checked` (the
  date it was read), `values` (name to each amount or duration it states)
  and, when part of it could not be read, `unconfirmed` (why; the text then
  sends the citizen to the ward police). Sources: docs/legal-sources.md.
  common.yaml adds `legal` (key to the citation printed, with the document
  number), `office_hours` (said when the ward's hours are unknown) and its
  `office_hours_fact` (basis, checked), and `snippets` (key to lines); its
  own `sections` answer a part asked with no topic known.

`assistant.yaml` describes its own format in its comments.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from shared.core import data_file
from shared.core.text import words

COMMON = "chung"
MAX_BUTTONS = 5  # Zalo's limit per message
COMMON_FILE = "procedures/common.yaml"
CONF_FILE = "assistant.yaml"


class KnowledgeError(data_file.DataFileError):
    """The assistant's data files are invalid; ``problems`` names every place."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("assistant data", problems)


# --------------------------------------------------------------------------
# Plain values (what the assistant reads)
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    text: str
    refs: tuple[str, ...] = ()
    valid_from: date | None = None
    valid_until: date | None = None

    def said_on(self, today: date) -> bool:
        if self.valid_from is not None and today < self.valid_from:
            return False
        return self.valid_until is None or today <= self.valid_until


@dataclass(frozen=True)
class Procedure:
    id: str
    title: str
    code: str | None
    checked: date
    refs: tuple[str, ...]
    sections: Mapping[str, tuple[Line, ...]]
    rule: tuple[Line, ...] = ()


@dataclass(frozen=True)
class Intent:
    """An everyday phrasing that names a topic, and the line said first."""

    phrases: tuple[str, ...]  # padded folded words
    topic: str
    notes: tuple[Line, ...]  # said before the topic's answer
    with_: tuple[str, ...] = ()  # also needs one of these ("hộ khẩu" ... "bị xóa")
    # another procedure asked by one of these, outside the phrasing's words, is what is
    # asked ("sổ hộ khẩu bỏ rồi thì nhập hộ khẩu kiểu gì"); the line is still said first
    yields_to: tuple[str, ...] = ()
    # also needs one of these, even when they name the intent's own topic ("tạm vắng ở
    # đây" beside a rented room moved into: the room's registration)
    beside: tuple[str, ...] = ()


@dataclass(frozen=True)
class FollowUp:
    """A second topic a question about `when` also asks (a move: the new registration)."""

    when: str
    add: str
    phrases: tuple[str, ...]  # padded folded words
    with_: tuple[str, ...] = ()  # also needs one of these
    unless: frozenset[str] = frozenset()  # topics that, named, are the new registration asked
    # the phrase said as what is removed ("tạm trú ở đây của em có bị xóa không"): not asked
    said_removed: tuple[tuple[str, ...], tuple[str, ...], int] = ((), (), 0)
    # a matter told as already past ("hết hạn 2 tuần rồi"): when given, also needs it said
    # (first ... then, `after_none` not said), and the topic `when` beats is added all the same
    after: tuple[tuple[str, ...], tuple[str, ...], int] = ((), (), 0)
    after_none: tuple[str, ...] = ()
    # words that, said, leave the topic unadded (a home abroad: no registration here follows)
    none: tuple[str, ...] = ()


@dataclass(frozen=True)
class Premise:
    """A topic's words said of what already is, not asked (a trip over, one's own
    registration held, a foreign nationality taken): beside another topic asked they
    name nothing."""

    topic: str
    phrases: tuple[str, ...]  # padded: a match of `topic` inside one is the premise
    with_: tuple[str, ...] = ()  # also needs one of these, anywhere ("mới về")
    # the topics that must be asked beside; empty: any other, or a stay with one's family
    beside: frozenset[str] = frozenset()
    # words that ask whether the premise holds ("còn không hay bị xóa rồi"): then it is asked
    unless: tuple[str, ...] = ()


@dataclass(frozen=True)
class CitizenshipDenied:
    """Citizenship said not held (see `CitizenshipDeniedIn`), folded words, unpadded."""

    negations: tuple[str, ...]
    phrases: tuple[str, ...]
    unless_before: tuple[str, ...]
    said_as: str


@dataclass(frozen=True)
class SelfCitizen:
    """The writer saying they are a citizen ("I'm Vietnamese"): the words that make an
    English writer a foreigner only because the line's citizens write Vietnamese name
    no foreigner's stay then."""

    phrases: tuple[str, ...]  # padded
    topic: str  # the foreigners' topic whose assumed words are dropped
    assumed: frozenset[str]  # padded phrases of `topic`
    unless: tuple[str, ...] = ()  # padded: a citizen of another nation too ("Vietnamese American")
    # padded words right before an assumed-foreign place ("back from the US"): where the
    # citizen came back from, no foreigner's origin
    back: tuple[str, ...] = ()


@dataclass(frozen=True)
class Stays:
    """A stay with a family: the topic by its length (see assistant.yaml)."""

    phrases: tuple[str, ...]
    threshold_days: int
    short: str
    long: str
    units: Mapping[str, int]
    numbers: Mapping[str, int]
    # who is staying, when the question also asks another topic (a second part)
    family: tuple[str, ...] = ()
    # a relative followed within this many words by another topic's person is that
    # person ("em họ em là Việt kiều Mỹ, mang hộ chiếu Mỹ"), not a second visitor
    same_person_gap: int = 0
    # a word right before a relative making them whose home the stay is in ("về ở nhà ba
    # mẹ tôi 3 tuần"): the host, not a visitor (folded words)
    hosts: frozenset[str] = frozenset()
    # words right after a relative offering them as who declares ("ai phải khai báo cho anh
    # ấy, ba mẹ em hay em"): the host asked about, not a visitor (padded)
    chooses: tuple[str, ...] = ()
    # words right before a relative saying the household lives with them ("em ở chung với
    # ba mẹ"): the household, not a visitor (padded)
    lives_with: tuple[str, ...] = ()
    # renting said of a group with a foreigner among citizens: the citizens' stay is long
    rent: tuple[str, ...] = ()
    # lengths said with no count ("nửa năm"), in days: padded folded words
    spans: Mapping[str, int] = field(default_factory=dict)
    # one's own move into a rented room ("mới dọn về trọ được 1 tuần"): the length said is
    # how long one has lived there, not a visit's
    moves: tuple[str, ...] = ()
    # one's own trip away ("đi công tác Hà Nội 1 tuần"): the length said is the stay where
    # one goes, so it picks lưu trú or tạm trú there beside the tạm vắng asked
    trips: tuple[str, ...] = ()
    # a file sent ("nộp hồ sơ tạm trú trên VNeID 2 tuần rồi"): the length said is the wait for
    # it, no stay's, when no visit is said
    waits: tuple[str, ...] = ()
    # words before a length saying it is the time so far ("làm công nhân được 2 tuần"),
    # folded like the text they are looked for in (a marked "được" in the data still counts)
    so_far: frozenset[str] = frozenset()
    # words of living somewhere ("ở", "sống", "thuê"): with no visit said, a length converts
    # the procedure named only when one of them comes shortly before it ("cho bạn ở 10 ngày");
    # a bare length beside a procedure named ("đăng ký tạm trú 10 ngày rồi, khi nào có kết
    # quả") may be the wait for it: not enough to answer another procedure (folded words)
    dwell: frozenset[str] = frozenset()
    dwell_gap: int = 3
    # words before a length saying what a declaration is to cover ("báo 1 lần cho cả
    # năm"): that length is no stay's (folded words)
    covering: frozenset[str] = frozenset()
    # words before a length saying the stay is shorter ("dưới 30 ngày", "chưa tới 1 tháng"):
    # a day less than the length said (folded words)
    under: frozenset[str] = frozenset()
    # words saying the length is not known yet ("chưa biết ở bao lâu, có thể vài tuần có thể
    # ở luôn"): a length said beside them is a guess, and the stay is asked
    unknown: tuple[str, ...] = ()
    # a visit said to be at one's own home ("nhà em có ông chú lên chơi", "cho cháu ở nhà
    # tôi 3 ngày"): the host asks, so a procedure of `leavers` named for it is misnamed
    hosted: tuple[str, ...] = ()
    # procedures declared by the one who leaves (tạm vắng), never by a host
    leavers: frozenset[str] = frozenset()
    # someone of the home said to leave ("chồng đi làm xa, ở nhà tôi ..."): no visit
    leaving: tuple[str, ...] = ()
    # kin who may register where their family lives, come to live with it: with no length
    # said, permanent residence is asked about too
    settle: Settle | None = None
    # a way of coming followed within `visit_gap` words by a visit's word ("thằng bạn ở Hà
    # Nội vô SG chơi 1 tuần"): a visit said, the place between (folded words)
    comes: tuple[str, ...] = ()
    visits: tuple[str, ...] = ()
    visit_gap: int = 0


@dataclass(frozen=True)
class Settle:
    """Kin said (`kin`) to come and live with their family (`together`): `topic` too."""

    kin: tuple[str, ...]  # padded folded words
    together: tuple[str, ...]
    topic: str
    # words saying they come for good ("lên ở luôn"): no short stay to choose
    for_good: tuple[str, ...] = ()
    # a marriage said ("mới cưới, về ở nhà vợ"): a spouse come to live with their family, for
    # good too, unless kin are said to come beside it
    married: tuple[str, ...] = ()
    # a marriage's stay said to have lasted this many days or more ("ở nhà vợ từ lúc cưới,
    # 5 năm"): the spouse's home is theirs, `topic` is its registration (0: never)
    married_days: int = 0


@dataclass(frozen=True)
class OutOfScope:
    """A service this line does not handle, and where to ask."""

    service: str
    phrases: tuple[str, ...]
    text: str
    checked: date
    # topics a question also names that are papers this service asks for, when one
    # of `beats_with` is said ("căn cước bị gãy, có cần giấy xác nhận cư trú không")
    beats: frozenset[str] = frozenset()
    beats_with: tuple[str, ...] = ()
    # or one of the first words followed within gap words by one of the second ("cccd của
    # con em sai ngày sinh"): the service named with words apart (questions.near)
    near: tuple[tuple[str, ...], tuple[str, ...], int] = ((), (), 0)
    # or `beats` with words apart ("hộ chiếu của con tôi sắp hết hạn"), like `near`
    beats_near: tuple[tuple[str, ...], tuple[str, ...], int] = ((), (), 0)
    # a hit inside one of these says something else, folded alike ("phạt người thuê" is
    # not "phạt nguội")
    unless_inside: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lead:
    """A procedure a life event leads to; with `when`, only when one of its words is said."""

    topic: str
    when: tuple[str, ...] = ()  # padded


@dataclass(frozen=True)
class Event:
    """A life event told instead of a procedure named ("vợ em mới sinh bé", "bán nhà rồi"):
    classes of words all said (or said near each other), and the procedures it leads to."""

    name: str
    all_: tuple[tuple[str, ...], ...]  # each class: padded words, one of which is said
    # words said near each other (first ... then, at most gap words apart): one of these
    near: tuple[tuple[tuple[str, ...], tuple[str, ...], int], ...]
    none: tuple[str, ...]  # words saying it is something else (padded)
    leads: tuple[Lead, ...]
    over: frozenset[str] = frozenset()  # topics the event's own words match, which it replaces
    # services whose words the event's own words hold ("giấy khai sinh làm xong rồi"): the
    # event is what is asked
    over_services: frozenset[str] = frozenset()
    ask: bool = True  # no lead chosen: which is asked (False: other rules read the question)
    hand_off: bool = False  # a matter only a person settles: handed to the desk, no facts


@dataclass(frozen=True)
class Knowledge:
    procedures: Mapping[str, Procedure]
    topics: tuple[str, ...]  # every topic, in the file's order, common excluded
    menu_topics: tuple[str, ...]  # the topics offered as menu buttons
    beats: Mapping[str, frozenset[str]]  # topic -> topics it silences
    buttons: Mapping[str, str]  # topic -> button title (also its payload)
    legal: Mapping[str, str]
    office_hours: str
    typos: tuple[tuple[str, str], ...]  # padded folded words
    topic_phrases: tuple[tuple[str, bool, tuple[tuple[str, int], ...]], ...]
    ambiguous: Mapping[str, tuple[str, ...]]
    section_order: tuple[str, ...]
    section_titles: Mapping[str, str]
    section_strong: tuple[tuple[str, tuple[str, ...]], ...]
    section_weak: tuple[tuple[str, tuple[str, ...]], ...]
    menu_words: frozenset[str]
    greetings: tuple[str, ...]
    report_phrases: tuple[str, ...]
    handoff_button: str
    handoff_phrases: tuple[str, ...]
    handoff_complaints: tuple[str, ...]  # a hand-off unless about an out-of-scope service
    handoff_matters: tuple[str, ...]  # a hand-off naming no topic (no facts held for it)
    # another office's matter with no verified pointer: (what it is, its padded phrases)
    handoff_elsewhere: tuple[tuple[str, tuple[str, ...]], ...]
    handoff_elsewhere_needs: tuple[str, ...]  # padded: a residence paper asked as its need
    # padded: a residence paper asked as required, and the acts no residence matter is
    handoff_required: tuple[str, ...]
    handoff_acts: tuple[str, ...]
    handoff_near: tuple[tuple[str, ...], tuple[str, ...], int]  # talk, people, gap
    # people, then their number asked ("anh nào phụ trách cho em xin sđt"), gap
    handoff_number: tuple[tuple[str, ...], tuple[str, ...], int]
    # one's own file sent, then its wait overdue, gap
    handoff_waited: tuple[tuple[str, ...], tuple[str, ...], int]
    urgent_phrases: tuple[str, ...]
    tip_negations: tuple[str, ...]
    tip_third_parties: tuple[str, ...]
    residence_categories: frozenset[str]
    tip_topics: Mapping[str, str]  # tip category -> topic whose rule follows its acknowledgement
    tip_text_topics: frozenset[str]  # topics whose rule follows any tip naming them
    # tip categories after whose acknowledgement a service named gets its pointer
    tip_pointer_categories: frozenset[str]
    # out-of-scope services whose paper, told lost in a `tip_topics` tip, gets their pointer
    tip_lost_services: frozenset[str]
    catch_all_categories: frozenset[str | None]
    default_rule_topic: str
    follow_up: timedelta
    stale_after: timedelta
    texts: Mapping[str, str]
    intents: tuple[Intent, ...] = ()
    stays: Stays | None = None
    conjunctions: tuple[str, ...] = ()
    # conjunctions offering two procedures as alternatives ("hay"): which applies is asked
    alternatives: tuple[str, ...] = ()
    # words holding a conjunction's word that join nothing ("vẫn còn tạm trú": still held)
    not_joining: tuple[str, ...] = ()
    # the citizen saying they do not know which of the procedures they named is theirs
    unsure_which: tuple[str, ...] = ()
    # the old registration's removal asked as the step before the new one, both named
    removal_first: tuple[tuple[str, ...], tuple[str, ...], int] = ((), (), 0)
    # tạm trú's own term asked beside its renewal, and words saying the renewal's own is
    term_with_renewal: tuple[tuple[str, ...], tuple[str, ...], int] = ((), (), 0)
    term_with_renewal_unless: tuple[str, ...] = ()
    # where one's registration goes once removed, asked beside the removal
    removal_then_where: tuple[tuple[str, ...], tuple[str, ...], int] = ((), (), 0)
    # a move told, the removal asked first with no new registration named
    removal_first_moves: tuple[str, ...] = ()
    # the book or card a registration gives asked, beside the proof someone wants
    issued_asked: tuple[str, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    common_max_words: int = 6
    common_phrases: tuple[str, ...] = ()
    # a part the common facts do not hold, asked of nothing: the procedures to ask between
    common_ask_which: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    common_ask_max_words: int = 6
    # words ending a message that ask nothing ("... vậy chị", "... ạ"): not counted
    common_ask_uncounted: frozenset[str] = frozenset()
    out_of_scope: tuple[OutOfScope, ...] = ()
    doubts: tuple[tuple[str, tuple[str, ...]], ...] = ()  # topic -> words that point to it
    # topic -> words that say its doubt's word is about something else (padded)
    doubts_unless: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # topic -> the topics matched whose own facts its doubt's words are about (padded names)
    doubts_beside: dict[str, frozenset[str]] = field(default_factory=dict)
    # (matched, other, signals, unless): a doubt read only beside one topic matched alone
    doubts_of: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = ()
    places: frozenset[str] = frozenset()  # topic phrases that only say where (padded)
    # topic phrases that only say who, beside no other topic and one of these services
    persons: frozenset[str] = frozenset()
    persons_services: frozenset[str] = frozenset()
    # topics a person is a party to ("nhân viên người Philippines bị mất hộ chiếu"): beside
    # them, the person's words name no stay of theirs
    persons_topics: frozenset[str] = frozenset()
    part_only_with: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    premises: tuple[Premise, ...] = ()
    # topic -> its phrases that only say something happened to a thing not named (padded)
    bare: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # topic -> (its bare verbs, things no procedure of its is done to, gap): the verb beside
    # such a thing is done to that thing ("giấy phép lao động hết hạn, gia hạn ở đâu")
    verb_objects: Mapping[str, tuple[frozenset[str], tuple[str, ...], int]] = field(
        default_factory=dict
    )
    # out-of-scope phrases that, beside a topic, are papers proving a lawful place (padded)
    proofs: tuple[str, ...] = ()
    # a paper of a service this line does not handle said as held or travelled on ("về bằng
    # hộ chiếu Việt Nam", "có bằng lái"): a word of `held` right before a noun of `papers`
    # (padded); beside a residence matter asked, who the person is, not the service asked
    held: tuple[str, ...] = ()
    held_papers: tuple[str, ...] = ()
    # a Vietnamese passport's words ("hộ chiếu Việt Nam"): held, a citizen's (padded)
    citizen_passports: tuple[str, ...] = ()
    # a nation written with its marks after a person ("bạn người Lào", "sinh viên Hàn"):
    # (persons, kin, nations, names, came_from, came), each as written (marked, lower case);
    # see assistant.yaml
    nationals: tuple[tuple[str, ...], ...] = ((), (), (), (), (), ())
    # citizenship said not held ("không có quốc tịch Việt Nam"): read as a foreigner's words
    citizenship_denied: CitizenshipDenied | None = None
    # what a paper is for ("để nộp hồ sơ cho con vào lớp 1"): its words ask no part (padded)
    purposes: tuple[str, ...] = ()
    # someone's whereabouts told ("không ai biết ở đâu"): its words ask no part (padded)
    whereabouts: tuple[str, ...] = ()
    # leave to ask, asked ("hỏi về hộ khẩu chút được không"): its words ask no part (padded)
    courtesies: tuple[str, ...] = ()
    # a question counted as several matters ("cho hỏi 2 việc"): each item's parts its own
    counted: tuple[str, ...] = ()
    # how a procedure is done asked ("thì làm sao"): its whole answer, beside any part (padded)
    how: tuple[str, ...] = ()
    mixed_groups: tuple[str, ...] = ()  # a foreigner said to be among citizens (padded)
    # words saying a person abroad is a citizen: a topic phrase inside them names none
    citizens: tuple[str, ...] = ()
    mixed_unless: tuple[str, ...] = ()  # words comparing with citizens, none among them
    # the citizens of a group said already done, the foreigners asked ("khách Việt thì khai
    # rồi, còn khách Hàn"): no mixed group
    mixed_done: tuple[tuple[str, ...], tuple[str, ...], int] = ((), (), 0)
    self_citizen: SelfCitizen | None = None
    # a question only naming a subject ("hỏi về hộ khẩu"): phrases -> topics to ask back with
    # (phrases, topics, alone, max_words, unless)
    vague: tuple[
        tuple[tuple[str, ...], tuple[str, ...], bool, int | None, tuple[str, ...]], ...
    ] = ()
    # the same, asked only instead of the menu (nothing else read)
    vague_fallbacks: tuple[
        tuple[tuple[str, ...], tuple[str, ...], bool, int | None, tuple[str, ...]], ...
    ] = ()
    vague_max_words: int = 12
    vague_asked_from: tuple[str, ...] = ()
    # topic -> words that lift its `beats` (padded): two matters said apart
    beats_unless: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    events: tuple[Event, ...] = ()  # life events told instead of a procedure named


# --------------------------------------------------------------------------
# The files as written (boundary models)
# --------------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)


class LineIn(_Strict):
    """A string, `{text, from, until, refs}`, or `{common: KEY}`."""

    text: str | None = Field(default=None, min_length=1)
    common: str | None = None
    valid_from: date | None = Field(default=None, alias="from")
    until: date | None = None
    refs: list[str] = Field(default_factory=list)
    # the fact's provenance, held by tests/test_legal_facts.py, not said
    basis: list[str] = Field(default_factory=list)
    checked: date | None = None
    values: dict[str, str] = Field(default_factory=dict)
    unconfirmed: str | None = Field(default=None, min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _plain(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _one_kind(self) -> LineIn:
        if self.common is not None:
            provenance = self.basis or self.checked or self.values or self.unconfirmed
            if self.text is not None or self.refs or self.valid_from or self.until or provenance:
                raise ValueError("a `common` line holds nothing else")
        elif self.text is None:
            raise ValueError("a line needs `text` (or `common`)")
        if self.valid_from and self.until and self.until < self.valid_from:
            raise ValueError("`until` is before `from`")
        return self


class ProcedureIn(_Strict):
    id: str
    title: str = Field(min_length=1)
    code: str | None = None
    checked: date
    refs: list[str] = Field(default_factory=list)
    sections: dict[str, list[LineIn]]
    rule: list[LineIn] = Field(default_factory=list)


class FactIn(_Strict):
    """Where a fact stated outside a line was read (office hours)."""

    basis: list[str] = Field(min_length=1)
    checked: date


class CommonIn(ProcedureIn):
    legal: dict[str, str]
    office_hours: str = Field(min_length=1)
    office_hours_fact: FactIn | None = None
    snippets: dict[str, list[LineIn]] = Field(default_factory=dict)


class TopicPairIn(_Strict):
    """A word of `first` followed by one of `then`, a light word of `between` in it or not
    ("tạm trú sắp tới hạn", "tạm trú của em hết hạn"; "căn cước bị mất", "làm rớt căn
    cước"): every such phrase names the topic."""

    first: list[str] = Field(min_length=1)
    then: list[str] = Field(min_length=1)
    between: list[str] = Field(default_factory=list)

    def phrases(self) -> list[str]:
        return [
            f"{one}{f' {word}' if word else ''} {other}"
            for one in self.first
            for word in ("", *self.between)
            for other in self.then
        ]


class TopicIn(_Strict):
    button: str = Field(min_length=1, max_length=35)
    narrow: bool
    in_menu: bool = True
    beats: list[str] = Field(default_factory=list)
    # words saying the two are separate matters ("hỏi luôn", "nhân tiện"): then `beats`
    # does not silence the other topic, and both are answered
    beats_unless: list[str] = Field(default_factory=list)
    phrases: list[str] = Field(min_length=1)
    # a person word followed by a nation ("ông Ấn Độ", "khách Hàn Quốc"): every pair is a
    # phrase too (nations a name could not be: "anh Nhật", "chị Mỹ" are people's names)
    people: list[str] = Field(default_factory=list)
    nations: list[str] = Field(default_factory=list)
    # word classes whose pairs name the topic (see TopicPairIn)
    pairs: list[TopicPairIn] = Field(default_factory=list)

    def all_phrases(self) -> list[str]:
        pairs = (f"{who} {nation}" for who in self.people for nation in self.nations)
        said = (phrase for pair in self.pairs for phrase in pair.phrases())
        return list(dict.fromkeys([*self.phrases, *pairs, *said]))


class IntentIn(_Strict):
    topic: str
    phrases: list[str] = Field(min_length=1)
    with_: list[str] = Field(default_factory=list, alias="with")
    yields_to: list[str] = Field(default_factory=list)
    beside: list[str] = Field(default_factory=list)
    note: LineIn | None = None


class FollowUpIn(_Strict):
    when: str
    add: str
    phrases: list[str] = Field(min_length=1)
    with_: list[str] = Field(default_factory=list, alias="with")
    unless: list[str] = Field(default_factory=list)
    said_removed: ServiceNearIn | None = None
    after: ServiceNearIn | None = None
    after_none: list[str] = Field(default_factory=list)
    none: list[str] = Field(default_factory=list)


class DoubtOfIn(_Strict):
    """Words pointing to `other` only when `matched` is the one topic read (a guest's
    declaration asked, nothing said of the guest: a citizen's lưu trú or a foreigner's)."""

    matched: str
    other: str
    signals: list[str] = Field(min_length=1)
    unless: list[str] = Field(default_factory=list)


class PremiseIn(_Strict):
    topic: str
    phrases: list[str] = Field(min_length=1)
    with_: list[str] = Field(default_factory=list, alias="with")
    beside: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)


class VerbObjectsIn(_Strict):
    """A topic's bare verbs ("gia hạn") and the things (`objects`) none of its procedures is
    done to, within `gap` words of the verb: the verb is then done to that thing."""

    verbs: list[str] = Field(min_length=1)
    objects: list[str] = Field(min_length=1)
    gap: int = 4


class NationalsIn(_Strict):
    """A nation written with its marks after a person word: `persons` take any of `nations`,
    `kin` (whose next word may be whose they are: "chồng Mỹ" is Mỹ's husband) only those not
    in `names`. Written marked and in lower case, as the citizen types them."""

    persons: list[str] = Field(min_length=1)
    kin: list[str] = Field(default_factory=list)
    nations: list[str] = Field(min_length=1)
    names: list[str] = Field(default_factory=list)
    # the nations no other word folds onto, typed without marks (folded)
    plain: list[str] = Field(default_factory=list)
    # someone said to come over from a nation ("bạn em bên Đức qua chơi"): `came_from`
    # before the nation, `came` after it
    came_from: list[str] = Field(default_factory=list)
    came: list[str] = Field(default_factory=list)


class CitizenshipDeniedIn(_Strict):
    """Citizenship said not held, given up or lost ("không có quốc tịch Việt Nam", "đã thôi
    quốc tịch VN"): one of `negations` right before one of `phrases` (a word of `unless_before`
    before the negation undoes it: "chưa bỏ quốc tịch"); the whole is read as `said_as`."""

    negations: list[str] = Field(min_length=1)
    phrases: list[str] = Field(min_length=1)
    unless_before: list[str] = Field(default_factory=list)
    said_as: str = Field(min_length=1)


class SelfCitizenIn(_Strict):
    phrases: list[str] = Field(min_length=1)
    topic: str
    assumed: list[str] = Field(min_length=1)
    unless: list[str] = Field(default_factory=list)
    back: list[str] = Field(default_factory=list)


class SettleIn(_Strict):
    kin: list[str] = Field(min_length=1)
    together: list[str] = Field(min_length=1)
    topic: str
    for_good: list[str] = Field(default_factory=list)
    married: list[str] = Field(default_factory=list)
    married_days: int = Field(default=0, ge=0)


class StaysIn(_Strict):
    phrases: list[str] = Field(min_length=1)
    threshold_days: int = Field(ge=1)
    short: str
    long: str
    units: dict[str, int]
    numbers: dict[str, int]
    family: list[str] = Field(default_factory=list)
    same_person_gap: int = Field(default=0, ge=0)
    hosts: list[str] = Field(default_factory=list)
    chooses: list[str] = Field(default_factory=list)
    lives_with: list[str] = Field(default_factory=list)
    rent: list[str] = Field(default_factory=list)
    spans: dict[str, int] = Field(default_factory=dict)
    moves: list[str] = Field(default_factory=list)
    trips: list[str] = Field(default_factory=list)
    waits: list[str] = Field(default_factory=list)
    so_far: list[str] = Field(default_factory=list)
    dwell: list[str] = Field(default_factory=list)
    dwell_gap: int = 3
    covering: list[str] = Field(default_factory=list)
    under: list[str] = Field(default_factory=list)
    unknown: list[str] = Field(default_factory=list)
    hosted: list[str] = Field(default_factory=list)
    leavers: list[str] = Field(default_factory=list)
    leaving: list[str] = Field(default_factory=list)
    settle: SettleIn | None = None
    comes: list[str] = Field(default_factory=list)
    visits: list[str] = Field(default_factory=list)
    visit_gap: int = Field(default=0, ge=0)


class CommonAnswerIn(_Strict):
    max_words: int = Field(ge=1)
    phrases: list[str] = Field(default_factory=list)
    ask_which: dict[str, list[str]] = Field(default_factory=dict)
    ask_max_words: int = Field(default=6, ge=1)
    ask_uncounted: list[str] = Field(default_factory=list)


class ServiceNearIn(_Strict):
    first: list[str] = Field(min_length=1)
    then: list[str] = Field(min_length=1)
    gap: int = Field(ge=0)


def _near(spec: ServiceNearIn | None) -> tuple[tuple[str, ...], tuple[str, ...], int]:
    if spec is None:
        return ((), (), 0)
    return (
        tuple(" ".join(words(p)) for p in spec.first),
        tuple(" ".join(words(p)) for p in spec.then),
        spec.gap,
    )


class LeadIn(_Strict):
    topic: str
    when: list[str] = Field(default_factory=list)


class EventIn(_Strict):
    name: str
    why: str = Field(min_length=1)  # what the event means for the procedures (for readers)
    all_: list[list[str]] = Field(default_factory=list, alias="all")
    near: list[ServiceNearIn] = Field(default_factory=list)
    none: list[str] = Field(default_factory=list)
    leads_to: list[LeadIn] = Field(default_factory=list)
    # a matter only a person settles (a file stuck, a party refusing): handed to the desk
    hand_off: bool = False
    over: list[str] = Field(default_factory=list)
    over_services: list[str] = Field(default_factory=list)
    ask: bool = True


class OutOfScopeIn(_Strict):
    phrases: list[str] = Field(min_length=1)
    what: str = Field(min_length=1)
    where: str = Field(min_length=1)
    checked: date
    beats: list[str] = Field(default_factory=list)
    beats_with: list[str] = Field(default_factory=list)
    near: ServiceNearIn | None = None
    beats_near: ServiceNearIn | None = None
    unless_inside: list[str] = Field(default_factory=list)


class VagueAskIn(_Strict):
    phrases: list[str] = Field(min_length=1)
    topics: list[str] = Field(min_length=2)
    # only when no topic is understood: its words are also said beside a named procedure
    # ("tôi cần cái giấy xác nhận" asks which; "mất căn cước, xin giấy xác nhận" does not)
    alone: bool = False
    # the longest question it holds in, instead of vague.max_words: shorter ("làm hộ khẩu"
    # asks which; "làm hộ khẩu cho con mới sinh" registers the child), or longer (a move
    # said with where from and to, no procedure named)
    max_words: int | None = None
    # words that say a procedure of its own around the phrase ("chuyển hộ khẩu thì làm sao"
    # holds "hộ khẩu thì làm sao"): not this ask
    unless: list[str] = Field(default_factory=list)


class VagueIn(_Strict):
    max_words: int = Field(ge=1)
    asks: list[VagueAskIn] = Field(min_length=1)
    # the words that open the question itself: with no procedure named, the words are
    # counted from the last of them (a story or a greeting before asks nothing)
    asked_from: list[str] = Field(default_factory=list)
    # the same, read only when nothing else is, instead of the whole menu (a residence verb
    # said bare: "cho e hỏi thủ tục đăng ký nha"); never before a stay's length is asked
    fallbacks: list[VagueAskIn] = Field(default_factory=list)


class SectionIn(_Strict):
    title: str = Field(min_length=1)
    phrases: list[str] = Field(default_factory=list)
    weak: list[str] = Field(default_factory=list)


class ElsewhereIn(_Strict):
    what: str = Field(min_length=1)
    phrases: list[str] = Field(min_length=1)


class HandoffIn(_Strict):
    button: str = Field(min_length=1, max_length=100)
    phrases: list[str] = Field(min_length=1)
    complaints: list[str] = Field(default_factory=list)
    talk: list[str] = Field(default_factory=list)
    people: list[str] = Field(default_factory=list)
    gap: int = Field(default=4, ge=0)
    numbers: list[str] = Field(default_factory=list)
    # matters the data holds no facts for (the household's head changed): a hand-off that
    # names no topic, whatever residence words the message holds
    matters: list[str] = Field(default_factory=list)
    # another office's matter the data holds no verified pointer for (a judicial record, tax,
    # health or social insurance): `what` it is, said in the reply, and its `phrases`
    elsewhere: list[ElsewhereIn] = Field(default_factory=list)
    # beside a residence topic named, the matter is handed over only when a residence paper is
    # asked as one it needs ("làm thẻ BHYT cho con có cần tạm trú không"); else the topic is
    # what is asked ("xin xác nhận cư trú để làm hồ sơ BHXH")
    elsewhere_needs: list[str] = Field(default_factory=list)
    # a residence paper asked as required (`required`: "có cần tạm trú không") for an act on
    # something no residence matter is (`acts`: "xin giấy phép bán rượu", "mở tài khoản"),
    # nothing else understood: whether that thing needs it is its office's rule
    required: list[str] = Field(default_factory=list)
    acts: list[str] = Field(default_factory=list)
    # one's own file sent or a result promised (`filed`), followed within `waited_gap` words
    # by its wait overdue (`waited`: "nộp hồ sơ 2 tuần chưa thấy gì", "giấy hẹn là hôm nay
    # mà lên không thấy ai"): the data holds no file, a person looks at it
    filed: list[str] = Field(default_factory=list)
    waited: list[str] = Field(default_factory=list)
    waited_gap: int = Field(default=10, ge=0)


class TextsIn(_Strict):
    """Every text the assistant says around its answers (placeholders in braces)."""

    emergency: str
    title: str
    title_with_code: str
    refs_line: str
    checked: str
    stale: str
    contact_phone: str
    contact_no_phone: str
    contact_no_address: str
    confirm: str
    menu_contact: str
    see_full: str
    rule_intro: str
    menu_first: str
    welcome: str
    menu_unknown: str
    menu_second: str
    ask_back: str
    ask_stay: str
    ask_stay_settle: str
    ask_stay_for_good: str
    out_of_scope: str
    handoff: str
    # another office's matter with no verified pointer ({what}): not handled here, an officer
    handoff_elsewhere: str
    # a residence paper asked as required by something this line knows nothing of
    handoff_required: str
    ask_which: str
    about_line: str


class WelcomeIn(_Strict):
    greetings: list[str] = Field(default_factory=list)
    report_phrases: list[str] = Field(default_factory=list)


class ConfIn(_Strict):
    follow_up_minutes: int = Field(ge=1)
    stale_after_days: int = Field(ge=1)
    typos: list[tuple[str, str]] = Field(default_factory=list)
    topics: dict[str, TopicIn] = Field(min_length=1)
    ambiguous: dict[str, list[str]] = Field(default_factory=dict)
    sections: dict[str, SectionIn]
    menu_words: list[str]
    welcome: WelcomeIn = WelcomeIn()
    handoff: HandoffIn
    urgent_phrases: list[str]
    residence_categories: list[str]
    tip_topics: dict[str, str] = Field(default_factory=dict)
    tip_text_topics: list[str] = Field(default_factory=list)
    tip_pointer_categories: list[str] = Field(default_factory=list)
    tip_lost_services: list[str] = Field(default_factory=list)
    default_rule_topic: str
    catch_all_categories: list[str]
    tip_negations: list[str]
    tip_third_parties: list[str]
    intents: list[IntentIn] = Field(default_factory=list)
    stays: StaysIn | None = None
    conjunctions: list[str] = Field(default_factory=list)
    alternatives: list[str] = Field(default_factory=list)
    not_joining: list[str] = Field(default_factory=list)
    unsure_which: list[str] = Field(default_factory=list)
    removal_first: ServiceNearIn | None = None
    term_with_renewal: ServiceNearIn | None = None
    term_with_renewal_unless: list[str] = Field(default_factory=list)
    removal_then_where: ServiceNearIn | None = None
    removal_first_moves: list[str] = Field(default_factory=list)
    issued_asked: list[str] = Field(default_factory=list)
    follow_ups: list[FollowUpIn] = Field(default_factory=list)
    common_answer: CommonAnswerIn = CommonAnswerIn(max_words=6)
    out_of_scope: dict[str, OutOfScopeIn] = Field(default_factory=dict)
    places: list[str] = Field(default_factory=list)
    persons: list[str] = Field(default_factory=list)
    persons_services: list[str] = Field(default_factory=list)
    persons_topics: list[str] = Field(default_factory=list)
    # topic -> part -> words without which that part is never given alone (it answers another
    # person's case: the finder's duty, to one who lost their own card)
    part_only_with: dict[str, dict[str, list[str]]] = Field(default_factory=dict)
    premises: list[PremiseIn] = Field(default_factory=list)
    bare: dict[str, list[str]] = Field(default_factory=dict)
    verb_objects: dict[str, VerbObjectsIn] = Field(default_factory=dict)
    proofs: list[str] = Field(default_factory=list)
    held: list[str] = Field(default_factory=list)
    held_papers: list[str] = Field(default_factory=list)
    citizen_passports: list[str] = Field(default_factory=list)
    nationals: NationalsIn | None = None
    citizenship_denied: CitizenshipDeniedIn | None = None
    purposes: list[str] = Field(default_factory=list)
    whereabouts: list[str] = Field(default_factory=list)
    courtesies: list[str] = Field(default_factory=list)
    counted: list[str] = Field(default_factory=list)
    how: list[str] = Field(default_factory=list)
    mixed_groups: list[str] = Field(default_factory=list)
    citizens: list[str] = Field(default_factory=list)
    mixed_unless: list[str] = Field(default_factory=list)
    mixed_done: ServiceNearIn | None = None
    self_citizen: SelfCitizenIn | None = None
    doubts: dict[str, list[str]] = Field(default_factory=dict)
    doubts_unless: dict[str, list[str]] = Field(default_factory=dict)
    doubts_beside: dict[str, list[str]] = Field(default_factory=dict)
    doubts_of: list[DoubtOfIn] = Field(default_factory=list)
    vague: VagueIn | None = None
    events: list[EventIn] = Field(default_factory=list)
    texts: TextsIn


# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(str(text).split()))


def _padded(phrase: str) -> str:
    return " " + " ".join(words(phrase)) + " "


class _Reader:
    """Reads and validates files, gathering every problem instead of stopping."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.problems: list[str] = []

    def read(self, name: str, model: type[BaseModel]) -> Any:
        path = self.data_dir / name
        try:
            with path.open(encoding="utf-8") as handle:
                raw = data_file.load(handle)
        except FileNotFoundError:
            self.problems.append(f"{name}: missing file")
            return None
        except yaml.YAMLError as exc:
            self.problems.append(f"{name}: (yaml): {exc}")
            return None
        try:
            return model.model_validate(raw)
        except ValidationError as exc:
            self.problems += data_file.problems_of(exc.errors(), prefix=f"{name}: ")
            return None


def _check_lines(
    lines: list[LineIn], where: str, common: CommonIn, problems: list[str], *, snippet: bool
) -> None:
    for i, line in enumerate(lines):
        if line.common is not None:
            if snippet:
                problems.append(f"{where}[{i}].common: a snippet cannot include another")
            elif line.common not in common.snippets:
                problems.append(f"{where}[{i}].common: unknown snippet {line.common!r}")
        for j, ref in enumerate(line.refs):
            if ref not in common.legal:
                problems.append(f"{where}[{i}].refs[{j}]: unknown legal reference {ref!r}")


def _check_procedure(
    name: str, proc: ProcedureIn, common: CommonIn, sections: set[str], problems: list[str]
) -> None:
    for i, ref in enumerate(proc.refs):
        if ref not in common.legal:
            problems.append(f"{name}: refs[{i}]: unknown legal reference {ref!r}")
    for key, lines in proc.sections.items():
        if key not in sections:
            problems.append(f"{name}: sections.{key}: unknown section (see {CONF_FILE})")
        _check_lines(lines, f"{name}: sections.{key}", common, problems, snippet=False)
    _check_lines(proc.rule, f"{name}: rule", common, problems, snippet=False)


def _lines(raw: list[LineIn], common: CommonIn) -> tuple[Line, ...]:
    out: list[Line] = []
    for item in raw:
        if item.common is not None:
            out.extend(_lines(common.snippets[item.common], common))
        else:
            out.append(Line(_nfc(item.text or ""), tuple(item.refs), item.valid_from, item.until))
    return tuple(out)


def _procedure(proc: ProcedureIn, common: CommonIn) -> Procedure:
    return Procedure(
        id=proc.id,
        title=_nfc(proc.title),
        code=proc.code,
        checked=proc.checked,
        refs=tuple(proc.refs),
        sections={key: _lines(lines, common) for key, lines in proc.sections.items()},
        rule=_lines(proc.rule, common),
    )


def _check_conf(conf: ConfIn, problems: list[str]) -> None:
    def known(topic: str, where: str) -> None:
        if topic not in conf.topics:
            problems.append(f"{CONF_FILE}: {where}: unknown topic {topic!r}")

    for word, choices in conf.ambiguous.items():
        for i, topic in enumerate(choices):
            known(topic, f"ambiguous.{word}[{i}]")
    for name, spec in conf.topics.items():
        for i, topic in enumerate(spec.beats):
            known(topic, f"topics.{name}.beats[{i}]")
    for i, intent in enumerate(conf.intents):
        known(intent.topic, f"intents[{i}].topic")
    for topic in conf.doubts:
        known(topic, f"doubts.{topic}")
    if conf.self_citizen is not None:
        known(conf.self_citizen.topic, "self_citizen.topic")
    for i, event in enumerate(conf.events):
        if not event.all_ and not event.near:
            problems.append(f"{CONF_FILE}: events[{i}]: no words (all or near)")
        if bool(event.leads_to) == event.hand_off:
            problems.append(f"{CONF_FILE}: events[{i}]: leads_to, or hand_off, one of them")
        for j, lead in enumerate(event.leads_to):
            known(lead.topic, f"events[{i}].leads_to[{j}].topic")
        for topic in event.over:
            known(topic, f"events[{i}].over")
        for service in event.over_services:
            if service not in conf.out_of_scope:
                problems.append(f"{CONF_FILE}: events[{i}].over_services: unknown {service!r}")
    for service in conf.tip_lost_services:
        if service not in conf.out_of_scope:
            problems.append(f"{CONF_FILE}: tip_lost_services: unknown {service!r}")
    for topic in conf.doubts_unless:
        known(topic, f"doubts_unless.{topic}")
    for topic, beside in conf.doubts_beside.items():
        known(topic, f"doubts_beside.{topic}")
        for i, other in enumerate(beside):
            known(other, f"doubts_beside.{topic}[{i}]")
    for i, doubt in enumerate(conf.doubts_of):
        known(doubt.matched, f"doubts_of[{i}].matched")
        known(doubt.other, f"doubts_of[{i}].other")
    for i, follow in enumerate(conf.follow_ups):
        known(follow.when, f"follow_ups[{i}].when")
        known(follow.add, f"follow_ups[{i}].add")
        for j, topic in enumerate(follow.unless):
            known(topic, f"follow_ups[{i}].unless[{j}]")
    for service, spec in conf.out_of_scope.items():
        for i, topic in enumerate(spec.beats):
            known(topic, f"out_of_scope.{service}.beats[{i}]")
    for i, ask in enumerate(conf.vague.asks if conf.vague else ()):
        for j, topic in enumerate(ask.topics):
            known(topic, f"vague.asks[{i}].topics[{j}]")
    for i, ask in enumerate(conf.vague.fallbacks if conf.vague else ()):
        for j, topic in enumerate(ask.topics):
            known(topic, f"vague.fallbacks[{i}].topics[{j}]")
    for key, choices in conf.common_answer.ask_which.items():
        if key not in conf.sections:
            problems.append(f"{CONF_FILE}: common_answer.ask_which.{key}: unknown section")
        for i, topic in enumerate(choices):
            known(topic, f"common_answer.ask_which.{key}[{i}]")
    for category, topic in conf.tip_topics.items():
        known(topic, f"tip_topics.{category}")
    for i, topic in enumerate(conf.tip_text_topics):
        known(topic, f"tip_text_topics[{i}]")
    if conf.stays is not None:
        known(conf.stays.short, "stays.short")
        known(conf.stays.long, "stays.long")
        if conf.stays.settle is not None:
            known(conf.stays.settle.topic, "stays.settle.topic")
    menu = [t for t, spec in conf.topics.items() if spec.in_menu]
    if len(menu) + 1 > 2 * MAX_BUTTONS:  # the menu is two messages, the officer button last
        problems.append(
            f"{CONF_FILE}: topics: {len(menu)} in the menu, at most {2 * MAX_BUTTONS - 1}"
        )
    if conf.default_rule_topic not in conf.topics:
        problems.append(
            f"{CONF_FILE}: default_rule_topic: unknown topic {conf.default_rule_topic!r}"
        )
    if COMMON in conf.topics:
        problems.append(f"{CONF_FILE}: topics.{COMMON}: reserved for {COMMON_FILE}")
    phrases = {_padded(p) for spec in conf.topics.values() for p in spec.all_phrases()}
    for i, place in enumerate(conf.places):
        if _padded(place) not in phrases:  # a place silences a topic phrase, nothing else
            problems.append(f"{CONF_FILE}: places[{i}]: {place!r} is no topic's phrase")
    for i, person in enumerate(conf.persons):
        if _padded(person) not in phrases:
            problems.append(f"{CONF_FILE}: persons[{i}]: {person!r} is no topic's phrase")
    for topic, bare in conf.bare.items():
        known(topic, f"bare.{topic}")
        for i, phrase in enumerate(bare):
            if _padded(phrase) not in {_padded(p) for p in conf.topics[topic].phrases}:
                problems.append(f"{CONF_FILE}: bare.{topic}[{i}]: {phrase!r} is not its phrase")
    for i, topic in enumerate(conf.persons_topics):
        known(topic, f"persons_topics[{i}]")
    for topic, parts in conf.part_only_with.items():
        known(topic, f"part_only_with.{topic}")
        for key in parts:
            if key not in conf.sections:
                problems.append(f"{CONF_FILE}: part_only_with.{topic}.{key}: no such part")
    for i, premise in enumerate(conf.premises):
        known(premise.topic, f"premises[{i}].topic")
        for j, topic in enumerate(premise.beside):
            known(topic, f"premises[{i}].beside[{j}]")
    for i, service in enumerate(conf.persons_services):
        if service not in conf.out_of_scope:
            problems.append(f"{CONF_FILE}: persons_services[{i}]: {service!r} is no service")


def load_knowledge(data_dir: Path) -> Knowledge:
    """Read and check every data file of the assistant under `data_dir`."""
    reader = _Reader(data_dir)
    conf: ConfIn | None = reader.read(CONF_FILE, ConfIn)
    common: CommonIn | None = reader.read(COMMON_FILE, CommonIn)
    problems = reader.problems
    if conf is None or common is None:
        raise KnowledgeError(problems)
    _check_conf(conf, problems)
    sections = set(conf.sections)
    for key, lines in common.snippets.items():
        _check_lines(lines, f"{COMMON_FILE}: snippets.{key}", common, problems, snippet=True)
    if common.id != COMMON:
        problems.append(f"{COMMON_FILE}: id: expected {COMMON!r}, not {common.id!r}")
    _check_procedure(COMMON_FILE, common, common, sections, problems)
    topic_files: dict[str, ProcedureIn] = {}
    for topic in conf.topics:
        name = f"procedures/{topic}.yaml"
        proc: ProcedureIn | None = reader.read(name, ProcedureIn)
        if proc is None:
            continue
        if proc.id != topic:
            problems.append(f"{name}: id: expected {topic!r}, not {proc.id!r}")
        _check_procedure(name, proc, common, sections, problems)
        topic_files[topic] = proc
    for i, intent in enumerate(conf.intents):
        if intent.note is not None:
            where = f"{CONF_FILE}: intents[{i}].note"
            _check_lines([intent.note], where, common, problems, snippet=False)
    if problems:
        raise KnowledgeError(problems)

    procedures = {COMMON: _procedure(common, common)}
    procedures.update({topic: _procedure(p, common) for topic, p in topic_files.items()})
    texts = {key: _nfc(value) for key, value in conf.texts.model_dump().items()}
    return Knowledge(
        procedures=procedures,
        topics=tuple(conf.topics),
        menu_topics=tuple(t for t, spec in conf.topics.items() if spec.in_menu),
        beats={t: frozenset(spec.beats) for t, spec in conf.topics.items()},
        buttons={topic: _nfc(spec.button) for topic, spec in conf.topics.items()},
        legal={key: _nfc(value) for key, value in common.legal.items()},
        office_hours=_nfc(common.office_hours),
        typos=tuple((_padded(src), _padded(dst)) for src, dst in conf.typos),
        topic_phrases=tuple(
            (topic, spec.narrow, tuple((_padded(p), len(words(p))) for p in spec.all_phrases()))
            for topic, spec in conf.topics.items()
        ),
        ambiguous={_padded(w): tuple(ts) for w, ts in conf.ambiguous.items()},
        section_order=tuple(conf.sections),
        section_titles={key: _nfc(spec.title) for key, spec in conf.sections.items()},
        section_strong=tuple(
            (key, tuple(_padded(p) for p in spec.phrases)) for key, spec in conf.sections.items()
        ),
        section_weak=tuple(
            (key, tuple(_padded(p) for p in spec.weak)) for key, spec in conf.sections.items()
        ),
        menu_words=frozenset(_padded(w) for w in conf.menu_words),
        greetings=tuple(_padded(p) for p in conf.welcome.greetings),
        report_phrases=tuple(_padded(p) for p in conf.welcome.report_phrases),
        handoff_button=_nfc(conf.handoff.button),
        handoff_phrases=tuple(_padded(p) for p in conf.handoff.phrases),
        handoff_complaints=tuple(_padded(p) for p in conf.handoff.complaints),
        handoff_matters=tuple(_padded(p) for p in conf.handoff.matters),
        handoff_elsewhere=tuple(
            (_nfc(e.what), tuple(_padded(p) for p in e.phrases)) for e in conf.handoff.elsewhere
        ),
        handoff_elsewhere_needs=tuple(_padded(p) for p in conf.handoff.elsewhere_needs),
        handoff_required=tuple(_padded(p) for p in conf.handoff.required),
        handoff_acts=tuple(_padded(p) for p in conf.handoff.acts),
        handoff_near=(
            tuple(" ".join(words(p)) for p in conf.handoff.talk),
            tuple(" ".join(words(p)) for p in conf.handoff.people),
            conf.handoff.gap,
        ),
        handoff_number=(
            tuple(" ".join(words(p)) for p in conf.handoff.people),
            tuple(" ".join(words(p)) for p in conf.handoff.numbers),
            conf.handoff.gap,
        ),
        handoff_waited=(
            tuple(" ".join(words(p)) for p in conf.handoff.filed),
            tuple(" ".join(words(p)) for p in conf.handoff.waited),
            conf.handoff.waited_gap,
        ),
        urgent_phrases=tuple(_padded(p) for p in conf.urgent_phrases),
        tip_negations=tuple(_padded(p) for p in conf.tip_negations),
        tip_third_parties=tuple(_padded(p) for p in conf.tip_third_parties),
        residence_categories=frozenset(conf.residence_categories),
        tip_topics=dict(conf.tip_topics),
        tip_text_topics=frozenset(conf.tip_text_topics),
        tip_pointer_categories=frozenset(conf.tip_pointer_categories),
        tip_lost_services=frozenset(conf.tip_lost_services),
        catch_all_categories=frozenset([None, *conf.catch_all_categories]),
        default_rule_topic=conf.default_rule_topic,
        follow_up=timedelta(minutes=conf.follow_up_minutes),
        stale_after=timedelta(days=conf.stale_after_days),
        texts=texts,
        intents=tuple(
            Intent(
                tuple(_padded(p) for p in intent.phrases),
                intent.topic,
                _lines([intent.note], common) if intent.note else (),
                tuple(_padded(p) for p in intent.with_),
                tuple(_padded(p) for p in intent.yields_to),
                tuple(_padded(p) for p in intent.beside),
            )
            for intent in conf.intents
        ),
        stays=_stays(conf.stays),
        conjunctions=tuple(_padded(c) for c in conf.conjunctions),
        alternatives=tuple(_padded(c) for c in conf.alternatives),
        not_joining=tuple(_padded(c) for c in conf.not_joining),
        unsure_which=tuple(_padded(c) for c in conf.unsure_which),
        removal_first=_near(conf.removal_first),
        term_with_renewal=_near(conf.term_with_renewal),
        term_with_renewal_unless=tuple(_padded(c) for c in conf.term_with_renewal_unless),
        removal_then_where=_near(conf.removal_then_where),
        removal_first_moves=tuple(_padded(c) for c in conf.removal_first_moves),
        issued_asked=tuple(_padded(c) for c in conf.issued_asked),
        follow_ups=tuple(
            FollowUp(
                f.when,
                f.add,
                tuple(_padded(p) for p in f.phrases),
                tuple(_padded(p) for p in f.with_),
                frozenset(f.unless),
                _near(f.said_removed),
                _near(f.after),
                tuple(_padded(p) for p in f.after_none),
                tuple(_padded(p) for p in f.none),
            )
            for f in conf.follow_ups
        ),
        common_max_words=conf.common_answer.max_words,
        common_phrases=tuple(_padded(p) for p in conf.common_answer.phrases),
        common_ask_which={key: tuple(ts) for key, ts in conf.common_answer.ask_which.items()},
        common_ask_max_words=conf.common_answer.ask_max_words,
        common_ask_uncounted=frozenset(
            " ".join(words(w)) for w in conf.common_answer.ask_uncounted
        ),
        out_of_scope=tuple(
            OutOfScope(
                service,
                tuple(_padded(p) for p in spec.phrases),
                _nfc(texts["out_of_scope"].format(what=spec.what, where=_nfc(spec.where))),
                spec.checked,
                frozenset(spec.beats),
                tuple(_padded(p) for p in spec.beats_with),
                (
                    tuple(" ".join(words(p)) for p in spec.near.first),
                    tuple(" ".join(words(p)) for p in spec.near.then),
                    spec.near.gap,
                )
                if spec.near
                else ((), (), 0),
                _near(spec.beats_near),
                tuple(_padded(p) for p in spec.unless_inside),
            )
            for service, spec in conf.out_of_scope.items()
        ),
        doubts=tuple(
            (topic, tuple(_padded(p) for p in signals)) for topic, signals in conf.doubts.items()
        ),
        doubts_unless={
            topic: tuple(_padded(p) for p in words) for topic, words in conf.doubts_unless.items()
        },
        doubts_beside={topic: frozenset(ts) for topic, ts in conf.doubts_beside.items()},
        doubts_of=tuple(
            (
                d.matched,
                d.other,
                tuple(_padded(p) for p in d.signals),
                tuple(_padded(p) for p in d.unless),
            )
            for d in conf.doubts_of
        ),
        places=frozenset(_padded(p) for p in conf.places),
        persons=frozenset(_padded(p) for p in conf.persons),
        persons_services=frozenset(conf.persons_services),
        persons_topics=frozenset(conf.persons_topics),
        part_only_with={
            topic: {key: tuple(_padded(p) for p in words) for key, words in parts.items()}
            for topic, parts in conf.part_only_with.items()
        },
        premises=tuple(
            Premise(
                p.topic,
                tuple(_padded(x) for x in p.phrases),
                tuple(_padded(x) for x in p.with_),
                frozenset(p.beside),
                tuple(_padded(x) for x in p.unless),
            )
            for p in conf.premises
        ),
        bare={t: frozenset(_padded(p) for p in ps) for t, ps in conf.bare.items()},
        verb_objects={
            t: (frozenset(_padded(p) for p in v.verbs), tuple(_padded(p) for p in v.objects), v.gap)
            for t, v in conf.verb_objects.items()
        },
        proofs=tuple(_padded(p) for p in conf.proofs),
        held=tuple(_padded(p) for p in conf.held),
        held_papers=tuple(_padded(p) for p in conf.held_papers),
        citizen_passports=tuple(_padded(p) for p in conf.citizen_passports),
        nationals=(
            (
                tuple(conf.nationals.persons),
                tuple(conf.nationals.kin),
                (*conf.nationals.nations, *conf.nationals.plain),
                tuple(conf.nationals.names),
                tuple(conf.nationals.came_from),
                tuple(conf.nationals.came),
            )
            if conf.nationals
            else ((), (), (), (), (), ())
        ),
        citizenship_denied=(
            CitizenshipDenied(
                tuple(" ".join(words(p)) for p in conf.citizenship_denied.negations),
                tuple(" ".join(words(p)) for p in conf.citizenship_denied.phrases),
                tuple(" ".join(words(p)) for p in conf.citizenship_denied.unless_before),
                " ".join(words(conf.citizenship_denied.said_as)),
            )
            if conf.citizenship_denied is not None
            else None
        ),
        purposes=tuple(_padded(p) for p in conf.purposes),
        whereabouts=tuple(_padded(p) for p in conf.whereabouts),
        courtesies=tuple(_padded(p) for p in conf.courtesies),
        counted=tuple(_padded(p) for p in conf.counted),
        how=tuple(_padded(p) for p in conf.how),
        mixed_groups=tuple(_padded(p) for p in conf.mixed_groups),
        citizens=tuple(_padded(p) for p in conf.citizens),
        mixed_unless=tuple(_padded(p) for p in conf.mixed_unless),
        mixed_done=_near(conf.mixed_done),
        self_citizen=(
            SelfCitizen(
                tuple(_padded(p) for p in conf.self_citizen.phrases),
                conf.self_citizen.topic,
                frozenset(_padded(p) for p in conf.self_citizen.assumed),
                tuple(_padded(p) for p in conf.self_citizen.unless),
                tuple(_padded(p) for p in conf.self_citizen.back),
            )
            if conf.self_citizen is not None
            else None
        ),
        vague=tuple(
            (
                tuple(_padded(p) for p in ask.phrases),
                tuple(ask.topics),
                ask.alone,
                ask.max_words,
                tuple(_padded(p) for p in ask.unless),
            )
            for ask in (conf.vague.asks if conf.vague else ())
        ),
        vague_fallbacks=tuple(
            (
                tuple(_padded(p) for p in ask.phrases),
                tuple(ask.topics),
                ask.alone,
                ask.max_words,
                tuple(_padded(p) for p in ask.unless),
            )
            for ask in (conf.vague.fallbacks if conf.vague else ())
        ),
        vague_max_words=conf.vague.max_words if conf.vague else 12,
        vague_asked_from=tuple(_padded(p) for p in conf.vague.asked_from) if conf.vague else (),
        beats_unless={
            t: tuple(_padded(p) for p in spec.beats_unless)
            for t, spec in conf.topics.items()
            if spec.beats_unless
        },
        events=tuple(
            Event(
                e.name,
                tuple(tuple(_padded(w) for w in words_) for words_ in e.all_),
                tuple(_near(n) for n in e.near),
                tuple(_padded(w) for w in e.none),
                tuple(
                    Lead(lead.topic, tuple(_padded(w) for w in lead.when)) for lead in e.leads_to
                ),
                frozenset(e.over),
                frozenset(e.over_services),
                e.ask,
                e.hand_off,
            )
            for e in conf.events
        ),
    )


def _stays(raw: StaysIn | None) -> Stays | None:
    if raw is None:
        return None
    return Stays(
        phrases=tuple(_padded(p) for p in raw.phrases),
        threshold_days=raw.threshold_days,
        short=raw.short,
        long=raw.long,
        units={" ".join(words(k)): v for k, v in raw.units.items()},
        numbers={" ".join(words(k)): v for k, v in raw.numbers.items()},
        family=tuple(_padded(p) for p in raw.family),
        same_person_gap=raw.same_person_gap,
        hosts=frozenset(" ".join(words(p)) for p in raw.hosts),
        chooses=tuple(_padded(p) for p in raw.chooses),
        lives_with=tuple(_padded(p) for p in raw.lives_with),
        rent=tuple(_padded(p) for p in raw.rent),
        spans={_padded(k): v for k, v in raw.spans.items()},
        moves=tuple(_padded(p) for p in raw.moves),
        trips=tuple(_padded(p) for p in raw.trips),
        waits=tuple(_padded(p) for p in raw.waits),
        so_far=frozenset(" ".join(words(p)) for p in raw.so_far),
        dwell=frozenset(" ".join(words(p)) for p in raw.dwell),
        dwell_gap=raw.dwell_gap,
        covering=frozenset(" ".join(words(p)) for p in raw.covering),
        under=frozenset(" ".join(words(p)) for p in raw.under),
        unknown=tuple(_padded(p) for p in raw.unknown),
        hosted=tuple(_padded(p) for p in raw.hosted),
        leavers=frozenset(raw.leavers),
        leaving=tuple(_padded(p) for p in raw.leaving),
        settle=Settle(
            tuple(_padded(p) for p in raw.settle.kin),
            tuple(_padded(p) for p in raw.settle.together),
            raw.settle.topic,
            tuple(_padded(p) for p in raw.settle.for_good),
            tuple(_padded(p) for p in raw.settle.married),
            raw.settle.married_days,
        )
        if raw.settle is not None
        else None,
        comes=tuple(" ".join(words(p)) for p in raw.comes),
        visits=tuple(" ".join(words(p)) for p in raw.visits),
        visit_gap=raw.visit_gap,
    )
