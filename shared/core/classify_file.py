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
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    model_validator,
)

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


def _named(vocabulary: str, name: str) -> AfterValidator:
    """A name that must be one of the classifier's (categories, topics, subtopics)."""

    def check(value: str, info: ValidationInfo) -> str:
        return _one_of(value, info, vocabulary, name)

    return AfterValidator(check)


Category = Annotated[str, _named("categories", "category")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PhrasesIn(_Strict):
    """`phrases` unambiguous once folded; `exact` ambiguous without diacritics."""

    phrases: list[str] = Field(default_factory=list)
    exact: list[str] = Field(default_factory=list)


class OtherIn(PhrasesIn):
    """Chat's phrases; `courtesy` (and `courtesy_exact`, ambiguous without diacritics)
    make chat only of a short message."""

    courtesy: list[str] = Field(default_factory=list)
    courtesy_exact: list[str] = Field(default_factory=list)
    # said only to one's family or a friend (a message sent here by mistake): chat
    # whatever else it holds, unless a danger is told
    personal: list[str] = Field(default_factory=list)


class EvidenceIn(PhrasesIn):
    """Phrases of a rule with the words that confirm or cancel them."""

    context: list[str] = Field(default_factory=list)
    not_: list[str] = Field(default_factory=list, alias="not")


class SlangIn(EvidenceIn):
    weak: list[str] = Field(default_factory=list)


class QuestionIn(PhrasesIn):
    # a question phrase inside one of these is a statement ("mấy ngày nay": for days)
    not_: list[str] = Field(default_factory=list, alias="not")
    final: list[str] = Field(default_factory=list)
    # a final word typed bare in a message otherwise typed with marks: the bare word, no
    # question ("... đòi trả gấp 3 lần số vay" is a loan, not "vậy")
    bare_other: list[str] = Field(default_factory=list)
    # a paper only named, not asked about: with a harm or a loss told beside it and nothing
    # else asked, a statement ("bị mất cái túi có CCCD trên xe buýt")
    named_only: list[str] = Field(default_factory=list)
    trailing: list[str] = Field(default_factory=list)
    punctuation: list[str] = Field(default_factory=list)


class OfficerIn(PhrasesIn):
    """Asking for an officer: a phrase, or a `talk` word followed within `gap` words
    by one of `people` ("nói chuyện trực tiếp với cán bộ")."""

    talk: list[str] = Field(default_factory=list)
    people: list[str] = Field(default_factory=list)
    gap: int = Field(default=4, ge=0)
    # question words that only open the request or ask for the number itself ("cho hỏi số
    # trực ban công an phường là bao nhiêu"): still a request, not a question
    asks: list[str] = Field(default_factory=list)


class AboutLineIn(_Strict):
    """What citizens say about the line itself: praise, or thanks for something done
    (`thanks` with a `done` phrase); `complaints` that nobody answers."""

    praise: list[str] = Field(default_factory=list)
    thanks: list[str] = Field(default_factory=list)
    done: list[str] = Field(default_factory=list)
    complaints: list[str] = Field(default_factory=list)
    # whether something one reported was received ("mấy anh nhận được chưa"): about the
    # line even beside the report's own words
    received: list[str] = Field(default_factory=list)
    # the writer's own earlier report named ("hôm qua tui báo vụ trộm xe"), and where it
    # stands asked ("sao rồi", "có ai xử lý chưa"): a word about what was sent
    reported: list[str] = Field(default_factory=list)
    status: list[str] = Field(default_factory=list)
    anew: list[str] = Field(default_factory=list)
    # news of the matter since ("em mới thấy xe em ở tiệm cầm đồ", "bổ sung"): beside a
    # status question too, a tip
    since: list[str] = Field(default_factory=list)
    # news of an earlier report given ("cập nhật vụ hôm qua: cháu đã về"): with nothing else
    # matched and nothing asked, a tip the router joins to the open one, never chat
    update: list[str] = Field(default_factory=list)
    # the earlier report named by when it was sent: `reported` beside its matter's words
    reported_when: list[str] = Field(default_factory=list)
    # asking words that may open the status question itself ("cho em hỏi vụ ... có ai xuống
    # chưa"): no `unless` then, when nothing else is asked
    openers: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)


class HypotheticalIn(_Strict):
    """An event asked about rather than reported: `if_` before it, or the event
    opening the message (after at most `lead` words), then `then` and a question."""

    if_: list[str] = Field(default_factory=list, alias="if")
    then: list[str] = Field(default_factory=list)
    lead: int = Field(default=1, ge=0)
    # an address or a leave to ask opening the message ("ad ơi"): `lead` counts after it
    opening: list[str] = Field(default_factory=list)
    # a `rumour` read somewhere with one of `checks` ("có thật không") asks too
    rumour: list[str] = Field(default_factory=list)
    # a rule heard from someone and checked ("có người nói báo 1 lần là xong, đúng không"):
    # asks when no harm is told beside it, but never makes a harm told asked of
    heard: list[str] = Field(default_factory=list)
    checks: list[str] = Field(default_factory=list)
    # someone's anger supposed as a figure ("X mà biết ... chắc giết tui"): `reaction_if`,
    # then `reaction_then`, the crime's words after it; never beside `reaction_unless`
    reaction_if: list[str] = Field(default_factory=list)
    reaction_then: list[str] = Field(default_factory=list)
    reaction_unless: list[str] = Field(default_factory=list)
    # something said going on for a while up to now ("cho người lạ ở mấy tháng nay"): told,
    # never supposed, whatever "thì" follows (round 25, kind-25)
    lasting: list[str] = Field(default_factory=list)
    # a threat's own condition ("nó dọa nếu em báo công an thì giết cả nhà"): an `if_` after
    # one of these in its clause is what the threatener said, no case the writer supposes
    threat: list[str] = Field(default_factory=list)


class MovingAwayIn(_Strict):
    """The writer's own move away (`phrases`) told after what made them move, a residence
    procedure asked after it: for `categories` with no one harmed to report (a noisy lane,
    a fire over), what is told is the move's reason and the question's premise."""

    categories: list[Category] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)


class DeadlineAskedIn(_Strict):
    """A declaration's deadline asked: a word of `time` ("mấy tiếng", "có kịp không") beside
    one of `declare` ("khai báo")."""

    time: list[str] = Field(default_factory=list)
    declare: list[str] = Field(default_factory=list)


class PapersAskedIn(_Strict):
    """Papers lost (dropped, pickpocketed) with their procedure asked and neither where
    nor when it happened said: the loss is the question's premise, not a report."""

    categories: list[Category] = Field(default_factory=list)
    lost: list[str] = Field(default_factory=list)
    asks: list[str] = Field(default_factory=list)
    told: list[str] = Field(default_factory=list)
    # the loss already reported to the police ("trình báo rồi"): only its papers are asked
    reported: list[str] = Field(default_factory=list)
    # word classes whose pairs are `lost` too: a way of losing before a paper ("làm rớt căn
    # cước", "đánh rơi luôn giấy tờ"), or the paper before it ("căn cước bị thất lạc")
    losses: list[str] = Field(default_factory=list)
    papers: list[str] = Field(default_factory=list)
    # light words that may stand between the two ("rớt luôn căn cước")
    between: list[str] = Field(default_factory=list)


class EnglishToldIn(_Strict):
    """Someone else's act told in English before what is asked ("the owner threw a bottle at
    my door when I complained. What can I do?"): one of `actors` followed within `gap` words
    by one of `acts`, both before the question's first word (kind-27)."""

    actors: list[str] = Field(default_factory=list)
    acts: list[str] = Field(default_factory=list)
    gap: int = Field(default=3, ge=0)


class LaughterIn(_Strict):
    """The writer laughing: `words` ("haha", "hihi") and `marks`, strings of the text
    ("=))"): banter, not a report."""

    words: list[str] = Field(default_factory=list)
    marks: list[str] = Field(default_factory=list)
    # the joke owned up ("đùa thôi"): beside laughter, chat even when a crime is told
    owned: list[str] = Field(default_factory=list)
    # a street place named (round 24): a crime laughed at there is still reported
    place: list[str] = Field(default_factory=list)


class PassingIn(_Strict):
    """A crime or a fire mentioned in passing, nobody's to report: seen in the `news`, or
    `long_ago` and `gone` since (or laughed at); never beside one of `unless`, nor a news
    item beside one of `news_unless` (the writer's own place)."""

    news: list[str] = Field(default_factory=list)
    long_ago: list[str] = Field(default_factory=list)
    gone: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)
    # a day named: no longer long ago (a news item's day is when it aired)
    dated: list[str] = Field(default_factory=list)
    news_unless: list[str] = Field(default_factory=list)
    # the writer's own place said spared by the news item ("may không phải gần nhà em"):
    # `news_unless` (and the writer's own) words inside one name no place of theirs it hit
    spared: list[str] = Field(default_factory=list)
    # a case told as over and reported already to another unit than the line's ("hồi tết em bị
    # giật điện thoại ở quận 1, báo công an quận 1 rồi"): a story, the case held elsewhere
    reported_elsewhere: list[str] = Field(default_factory=list)
    # a dream or a video game: the event told never happened in the street
    dream: list[str] = Field(default_factory=list)
    game: list[str] = Field(default_factory=list)
    # a film's genre named: its crimes are the screen's, unless a street place is named
    film: list[str] = Field(default_factory=list)


class GoneLongIn(_Strict):
    """Someone of the family `left` for years (`years`): a residence procedure asked of
    it, the leaving is the question's premise (no one missing to search for now)."""

    left: list[str] = Field(default_factory=list)
    years: list[str] = Field(default_factory=list)
    # what they did before leaving told as a habit or long past, and nothing `recent`
    story: list[str] = Field(default_factory=list)
    recent: list[str] = Field(default_factory=list)


class NotForLineIn(_Strict):
    """Messages that are no tip and no question for the line, whatever crime they name:
    a post `forwarded` (its header at the start, "xem thêm" at the end) that `warns`
    everyone; a call for help `called_off` after it was told; `schoolwork` or a survey
    asked of the line; the line itself asked after (`line_asked`: whose it is); an everyday
    matter of a shop, a market or the town asked (`elsewhere`: opening hours, prices, a
    repair shop), no police office its subject (`elsewhere_unless`); how to use the line
    asked (`line_use`: "làm sao gửi vị trí"); an everyday `trouble` beside only a cry ("cứu
    tui với, đói quá"). A `misused` identity
    (papers or a name used by someone else) is always a tip."""

    forwarded: list[str] = Field(default_factory=list)
    forwarded_end: list[str] = Field(default_factory=list)
    warns: list[str] = Field(default_factory=list)
    own: list[str] = Field(default_factory=list)
    called_off: list[str] = Field(default_factory=list)
    schoolwork: list[str] = Field(default_factory=list)
    line_asked: list[str] = Field(default_factory=list)
    elsewhere: list[str] = Field(default_factory=list)
    elsewhere_unless: list[str] = Field(default_factory=list)
    # a police office named only as where the shop is ("gần công an phường")
    elsewhere_landmark: list[str] = Field(default_factory=list)
    # asked without a question word ("ai biết chỗ sửa xe uy tín chỉ em với")
    elsewhere_asks: list[str] = Field(default_factory=list)
    line_use: list[str] = Field(default_factory=list)
    # a public office's, a procedure's or the law's words: a question naming none of them,
    # nor a harm nor anyone else acting, is an everyday one (kind other)
    public: list[str] = Field(default_factory=list)
    trouble: list[str] = Field(default_factory=list)
    family_called: list[str] = Field(default_factory=list)
    # a group of friends or neighbours called (anywhere; `crowd_end`: ending the message)
    crowd: list[str] = Field(default_factory=list)
    crowd_end: list[str] = Field(default_factory=list)
    # the neighbourhood's community life asked or announced (a club, the youth union)
    community: list[str] = Field(default_factory=list)
    # (round 35) a family member's question relayed ("bà tui hỏi"): no harm of theirs told
    relayed: list[str] = Field(default_factory=list)
    # the writer's own feeling exclaimed, nothing else matched; never with someone acting
    mood: list[str] = Field(default_factory=list)
    # (round 29) the writer's own pastime told anywhere, as `mood`; never beside something seen
    pastime: list[str] = Field(default_factory=list)
    pastime_unless: list[str] = Field(default_factory=list)
    mood_unless: list[str] = Field(default_factory=list)
    # (round 26) a glad face or a heart typed ("😄", "🥰"): the writer's own glad mood, as `mood`
    mood_marks: list[str] = Field(default_factory=list)
    # a harm or a loss said beside it: the default tip stays
    mood_harm: list[str] = Field(default_factory=list)
    # the officers' own life or trade asked of them, as small talk
    officer_life: list[str] = Field(default_factory=list)
    # (round 34) a storm's or a flood's coming, and the writer's own home readied, asked
    weather: list[str] = Field(default_factory=list)
    # what happened asked, as news (the police seen passing), nothing told of it
    news_asked: list[str] = Field(default_factory=list)
    # a report or a tip-off named: the line's matter, whoever is called
    crowd_unless: list[str] = Field(default_factory=list)
    misused: list[str] = Field(default_factory=list)
    # a match named, and the crime's or fire's words a cheer borrows (round 24)
    match: list[str] = Field(default_factory=list)
    cheer: list[str] = Field(default_factory=list)


class SpamIn(_Strict):
    min_phrases: int = Field(default=2, ge=1)
    phrases: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)  # the writer's own harm: never an ad
    # a residence procedure asked for someone: the ad's words are the writer's home's papers
    asked: list[str] = Field(default_factory=list)
    # the endings of a web address that count as one of the ad's phrases
    web_domains: list[str] = Field(default_factory=list)


class TopicRuleIn(PhrasesIn):
    topic: Annotated[str, _named("topics", "topic")]
    subtopic: Annotated[str, _named("subtopics", "subtopic")] | None = None


class NearIn(_Strict):
    """Two phrases that are evidence together though neither is alone: one of `first`
    followed within `gap` words by one of `then` ("chặn mấy đứa nhỏ ... lấy tiền")."""

    why: str = Field(min_length=1)
    first: list[str] = Field(min_length=1)
    then: list[str] = Field(min_length=1)
    gap: int = Field(default=4, ge=0)
    # messages the pair must make a tip of the rule's category (run by the tests)
    examples: list[str] = Field(min_length=1)


class CategoryRuleIn(SlangIn):
    category: Category
    near: list[NearIn] = Field(default_factory=list)
    requires: list[str] = Field(default_factory=list)
    beats: list[Annotated[str, _named("categories", "beats")]] = Field(default_factory=list)
    # weak phrases that are strong once the message says the loss happened
    if_happened: list[str] = Field(default_factory=list)
    # ... unless the message asks the procedure itself ("làm lại ở đâu"): a question
    unless_asked: list[str] = Field(default_factory=list)
    # phrases that ask of the matter on their own, "?" or not ("chưa đăng ký tạm trú ...
    # phạt bao nhiêu": the fine is asked): the category's evidence is the question's premise
    asks: list[str] = Field(default_factory=list)
    # said as over (a past phrase, nothing now), its evidence counts as weak
    background_when_past: bool = False
    # said as over (a past phrase, nothing now) with only these of its phrases, beside a
    # residence procedure asked: its evidence is the question's premise
    premise_when_over: list[str] = Field(default_factory=list)
    # with only these of its phrases, beside a residence procedure named and asked, whenever
    # told: its evidence is the question's premise (a jam that made the writer late)
    premise_when_asked: list[str] = Field(default_factory=list)
    # said beside one of these (nobody hurt: "không ai bị thương"), its strong phrases
    # weigh as weak and beat nothing: a scuffle nobody was hurt in is another category's
    unhurt: list[str] = Field(default_factory=list)
    # said beside one of these, the category's act did not happen ("chưa ai đánh ai": no
    # blow struck): its strong phrases weigh as weak, as `unhurt`, and the learned model may
    # not name it over the rules' category
    not_done: list[str] = Field(default_factory=list)
    # said beside one of these, the learned model may not name the category over the rules'
    # (its word read in another sense the rules know: "đổ trộm rác" is dumping, no theft);
    # unlike `not_done`, the category's own phrases keep their weight
    not_named_beside: list[str] = Field(default_factory=list)


class ExamplesIn(_Strict):
    urgent: list[str] = Field(min_length=1)
    normal: list[str] = Field(min_length=1)


class SeverityRuleIn(EvidenceIn):
    """One reason a tip is urgent: its phrases, or sure evidence of a `category`."""

    id: str = Field(pattern=r"^[a-z][a-z_]*$")
    why: str = Field(min_length=1)
    category: Category | None = None
    with_: list[str] = Field(default_factory=list, alias="with")
    needs_now: bool = False
    # Said without a `now` phrase, it is still going on unless a `habitual`
    # phrase says it happens regularly ("đánh nhau" vs "tối nào cũng đánh nhau").
    ongoing: bool = False
    # Not for tips of these categories: a scam's "chuyển tiền gấp" is the scammer's hurry.
    unless_category: list[Category] = Field(default_factory=list)
    # Not when the message says one of these (a weapon offered for sale online).
    unless: list[str] = Field(default_factory=list)
    # A hit said as feared (a `fears` phrase just before it) does not count.
    feared: bool = False
    # A state of the person in danger (down, trapped): it lasts when whoever caused it
    # has gone (a `gone` phrase: "thằng kia bỏ chạy rồi"), unlike a fight or a theft.
    lasts: bool = False
    # Not when the tip is told for the record (`for_the_record`): the rules that read an
    # offence as just done from the offender's flight, which a warning passed on also tells.
    recorded_over: bool = False
    # A cry that is the whole message ("có cướp", "cuu"): it counts only when nothing
    # else is said; beside a story it is a word of it ("xóm này có trộm").
    alone: bool = False
    # A cry that is the message's whole first clause counts too when at most this many
    # words follow it: where it is ("cướp!!! đầu hẻm 256 Tân Hương"); a story is longer.
    alone_then: int = Field(default=0, ge=0)
    # The tip's category when the rule applies and a category's evidence lies only in the
    # rule's own words: a smell beside someone unseen for days is a person, not a nuisance.
    tip_category: Category | None = None
    makes_tip: bool = True
    examples: ExamplesIn

    @model_validator(mode="after")
    def _has_evidence(self) -> SeverityRuleIn:
        if not (self.category or self.phrases or self.exact):
            raise ValueError("a rule needs phrases, exact phrases or a category")
        return self


class SeverityIn(_Strict):
    negation_window: int = Field(default=2, ge=0)
    negations: list[str] = Field(default_factory=list)
    now: list[str] = Field(default_factory=list)
    past: list[str] = Field(default_factory=list)
    # the offender has left ("bỏ chạy rồi"): past, except for the rules that `last`
    gone: list[str] = Field(default_factory=list)
    habitual: list[str] = Field(default_factory=list)
    # a habitual word inside one of these tells an attempt repeated now, no habit ("gõ cửa mấy
    # lần không ai mở")
    not_habitual: list[str] = Field(default_factory=list)
    not_urgent: list[str] = Field(default_factory=list)
    # phrases whose negation word negates nothing after them ("không biết súng thật hay giả")
    not_negations: list[str] = Field(default_factory=list)
    # harm threatened for later today ("dọa tối nay qua chém"): a `now` phrase, and `kept`
    ahead: list[str] = Field(default_factory=list)
    # beside these, a danger the rules read is never lowered by the learned model, whose
    # words read it calm (a threat received yesterday, a rabid dog loose)
    kept: list[str] = Field(default_factory=list)
    # as `kept`, beside a time later today (`today`): weapons hidden for a fight set for
    # tonight, not ones hidden there for weeks
    kept_today: list[str] = Field(default_factory=list)
    today: list[str] = Field(default_factory=list)
    fear_window: int = Field(default=4, ge=0)
    fears: EvidenceIn = EvidenceIn()
    # tips of these categories are never made urgent by the learned model alone
    calm_categories: list[Category] = Field(default_factory=list)
    # the taker made off with it ("cầm máy nhảy lên xe chạy mất"): tips of `made_off_calm`
    # categories told so, with no `now` phrase, are never made urgent by the learned model
    made_off: list[str] = Field(default_factory=list)
    # the writer's earlier report with its time ("vụ tôi báo hôm qua"): a past phrase inside
    # one is the report's time, not the event's, when the message tells something now or
    # just now (`fresh`, or a `now` phrase)
    reported_then: list[str] = Field(default_factory=list)
    # another day than today named ("sáng chủ nhật", "hôm thứ 2"): nothing told of it is
    # happening now, so the learned model never raises it (`_told_calm`); the rules' past
    # is left to `past`, which also decides kinds
    other_day: list[str] = Field(default_factory=list)
    # told for the record ("báo để các anh nắm"): the learned model never raises the tip,
    # and the rules marked `recorded_over` do not apply
    for_the_record: list[str] = Field(default_factory=list)
    # a theft or a trick found out after it was done ("camera có quay rõ mặt"): read like
    # `made_off`
    found_later: list[str] = Field(default_factory=list)
    # a day ahead named ("ngày mai", "tuần sau"): past for the urgency alone (`_severity_past`)
    later: list[str] = Field(default_factory=list)
    # an event told as just now ("vừa cầm dao đuổi chém"): besides `now`, what makes the time
    # of an earlier report no past of the event's
    fresh: list[str] = Field(default_factory=list)
    made_off_calm: list[Category] = Field(default_factory=list)
    # (round 34) the way a taker fled named ("hướng Bình Long"), and the categories whose tip
    # told just now (`fresh`) with it stays urgent though the taker is `gone`
    fled: list[str] = Field(default_factory=list)
    # (round 34) a thing found lying, left untouched, nobody with it ("tôi chưa dám đụng vô")
    left_lying: list[str] = Field(default_factory=list)
    left_lying_calm: list[Category] = Field(default_factory=list)
    fled_not: list[str] = Field(default_factory=list)
    fled_categories: list[Category] = Field(default_factory=list)
    rules: list[SeverityRuleIn] = Field(default_factory=list)


class CompoundIn(_Strict):
    """Everyday words that hold a crime or fire word and mean something else
    ("đánh thức", "bê tông", "bắn cá"): a hit inside one of them does not count."""

    means: str = Field(min_length=1)
    phrases: list[str] = Field(min_length=1)
    # messages holding the compound, none of whose reasons may lie inside it
    examples: list[str] = Field(min_length=1)
    # a figure of speech or a mishap at home (a price "như ăn cướp", a cat "ăn trộm" fish,
    # the rice burnt): a message in which nothing else matches is chat, not an unknown report
    figure: bool = False


class FoldsIn(_Strict):
    """Words that, typed without marks, fold onto an everyday word ("chay": chạy/cháy)."""

    # the crime/fire readings ("cháy", "đánh", "bắn", "chém")
    ambiguous: list[str] = Field(default_factory=list)
    # words that confirm no reading ("đang", "bị"): a phrase of only these and
    # ambiguous words is itself ambiguous once folded ("dang chay")
    light: list[str] = Field(default_factory=list)


class RulesIn(_Strict):
    compounds: list[CompoundIn] = Field(default_factory=list)
    folds: FoldsIn = FoldsIn()
    default_tip_min_words: int = Field(default=6, ge=1)
    courtesy_report_min_words: int = Field(default=12, ge=1)
    aliases: dict[str, list[str]] = Field(default_factory=dict)
    abbreviations: dict[str, str] = Field(default_factory=dict)
    other: OtherIn = OtherIn()
    officer: OfficerIn = OfficerIn()
    about_line: AboutLineIn = AboutLineIn()
    hypothetical: HypotheticalIn = HypotheticalIn()
    happened: list[str] = Field(default_factory=list)
    held: list[str] = Field(default_factory=list)
    held_asks: list[str] = Field(default_factory=list)
    # the event already reported to the police ("vụ trộm đã trình báo rồi")
    case_reported: list[str] = Field(default_factory=list)
    # the writer's own move away ("em tính chuyển trọ"): what made them move is its reason
    moving_away: MovingAwayIn = MovingAwayIn()
    guidance_visit: list[str] = Field(default_factory=list)
    # the asker's own fine looked up or paid ("tra cứu phạt nguội ở đâu")
    own_fine: list[str] = Field(default_factory=list)
    # a crime as a subject of study or of a lawyer's file ("tội A khác tội B ở điểm nào")
    law_asked: list[str] = Field(default_factory=list)
    # an office's practice asked in general ("công an phường có nhận đơn tố cáo ... không")
    practice_asked: list[str] = Field(default_factory=list)
    # another office's matter asked ("cúp nước từ sáng, gọi số nào", "chuyển trường")
    other_office: list[str] = Field(default_factory=list)
    # the writer wishing for that office's service ("muốn đổi tên hợp đồng nước")
    office_wish: list[str] = Field(default_factory=list)
    # that office's things: a contract, a meter ("đồng hồ nước chạy sai")
    office_things: list[str] = Field(default_factory=list)
    # someone said to have done something to it ("có người tháo trộm đồng hồ nước")
    office_someone: list[str] = Field(default_factory=list)
    # one's own file asked after ("hồ sơ nhập khẩu của tôi bị trả về, muốn gặp người xử lý")
    own_file: list[str] = Field(default_factory=list)
    # the asker's own rights asked: to report without their name, to sue over a debt
    rights_asked: list[str] = Field(default_factory=list)
    # a declaration's deadline asked of one's own guest or tenant ("cho người nước ngoài thuê
    # nguyên căn, mấy tiếng phải khai báo"): a time asked beside a declaring word
    deadline_asked: DeadlineAskedIn = DeadlineAskedIn()
    # money asked by whoever handles it ("cán bộ đòi 2 triệu mới nhận"): a harm told
    bribe: list[str] = Field(default_factory=list)
    # the writer saying they report what they told ("tôi báo để công an nắm")
    reporting: list[str] = Field(default_factory=list)
    # the police asked to act on what is told, asked as a question ("có ai kiểm tra không")
    action_asked: list[str] = Field(default_factory=list)
    # what to do asked after something told ("em nên làm gì")
    what_to_do: list[str] = Field(default_factory=list)
    # a harm the writer says someone did to them, its doer named ("bị người ta", "bị thằng"),
    # told before `what_to_do` is asked: a tip, no category's words needed (round 31)
    harmed_by: list[str] = Field(default_factory=list)
    # whether someone's act told before is lawful ("vậy có vi phạm không"), the only thing
    # asked: a tip; never beside the writer's own plan (`legality_own`: "em định ...")
    legality_asked: list[str] = Field(default_factory=list)
    legality_own: list[str] = Field(default_factory=list)
    # a link asked whether it is the police's or real ("có phải của công an không")
    link_checked: list[str] = Field(default_factory=list)
    english_told: EnglishToldIn = EnglishToldIn()
    own_stay: list[str] = Field(default_factory=list)
    # the writer saying they want to report what they then tell ("em muốn báo lại việc ...")
    report_wish: list[str] = Field(default_factory=list)
    # something the writer received (a paper, a message, a call: "tôi nhận được")
    things_received: list[str] = Field(default_factory=list)
    # a chain message: the reader asked to pass it on ("hãy chia sẻ ngay cho người thân")
    chain: list[str] = Field(default_factory=list)
    not_for_line: NotForLineIn = NotForLineIn()
    laughter: LaughterIn = LaughterIn()
    passing: PassingIn = PassingIn()
    gone_long: GoneLongIn = GoneLongIn()
    # words of English that no Vietnamese word folds onto: `english_min_words` of them
    # make a message English, which the learned model (trained on Vietnamese) never weighs
    english: list[str] = Field(default_factory=list)
    english_min_words: int = Field(default=2, ge=1)
    papers_asked: PapersAskedIn = PapersAskedIn()
    spam: SpamIn = SpamIn()
    question: QuestionIn = QuestionIn()
    topics: list[TopicRuleIn] = Field(default_factory=list)
    categories: list[CategoryRuleIn] = Field(default_factory=list)
    slang: dict[Annotated[str, _named("categories", "slang category")], SlangIn] = Field(
        default_factory=dict
    )
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
    seen: dict[str, str] = {}
    for where, names in (
        ("categories", [c.category for c in rules.categories]),
        ("severity.rules", [r.id for r in rules.severity.rules]),
    ):
        seen.clear()
        for i, name in enumerate(names):
            if name in seen:
                problems.append(f"{where}[{i}]: {name!r} again (first at {seen[name]})")
            seen.setdefault(name, f"{where}[{i}]")
    if problems:
        raise RulesError(problems)
    return rules


def _phrases(rules: RulesIn) -> list[tuple[str, str]]:
    """Every phrase of the file with its place, for the checks that span the file."""
    found: list[tuple[str, str]] = []

    def add(where: str, items: list[str]) -> None:
        found.extend((f"{where}[{i}]", phrase) for i, phrase in enumerate(items))

    def lists(where: str, node: BaseModel) -> None:
        for key, value in node:
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                if key in ("punctuation", "beats", "mood_marks"):
                    continue  # characters (faces typed) and category names, not phrases
                alias = type(node).model_fields[key].alias or key
                add(f"{where}.{alias}", value)

    for key, alts in rules.aliases.items():
        found.append((f"aliases.{key}", key))
        add(f"aliases.{key}", alts)
    for key, expansion in rules.abbreviations.items():
        found.append((f"abbreviations.{key}", key))
        found.append((f"abbreviations.{key}", expansion))
    for name in (
        "other",
        "officer",
        "about_line",
        "hypothetical",
        "not_for_line",
        "spam",
        "question",
    ):
        lists(name, getattr(rules, name))
    add("happened", rules.happened)
    add("held", rules.held)
    add("held_asks", rules.held_asks)
    add("case_reported", rules.case_reported)
    add("moving_away", rules.moving_away.phrases)
    add("guidance_visit", rules.guidance_visit)
    add("own_fine", rules.own_fine)
    add("law_asked", rules.law_asked)
    add("practice_asked", rules.practice_asked)
    add("other_office", rules.other_office)
    add("office_wish", rules.office_wish)
    add("office_things", rules.office_things)
    add("office_someone", rules.office_someone)
    add("own_file", rules.own_file)
    add("rights_asked", rules.rights_asked)
    add("deadline_time", rules.deadline_asked.time)
    add("deadline_declare", rules.deadline_asked.declare)
    add("bribe", rules.bribe)
    add("reporting", rules.reporting)
    add("action_asked", rules.action_asked)
    add("what_to_do", rules.what_to_do)
    lists("english_told", rules.english_told)
    add("own_stay", rules.own_stay)
    add("report_wish", rules.report_wish)
    add("things_received", rules.things_received)
    add("link_checked", rules.link_checked)
    add("chain", rules.chain)
    add("laughter.words", rules.laughter.words)
    add("laughter.owned", rules.laughter.owned)
    lists("passing", rules.passing)
    lists("gone_long", rules.gone_long)
    add("english", rules.english)
    for i, compound in enumerate(rules.compounds):
        add(f"compounds[{i}].phrases", compound.phrases)
    lists("folds", rules.folds)
    for i, topic in enumerate(rules.topics):
        lists(f"topics[{i}]", topic)
    for i, cat in enumerate(rules.categories):
        lists(f"categories[{i}]", cat)
        for j, pair in enumerate(cat.near):
            lists(f"categories[{i}].near[{j}]", pair)
    for name, slang in rules.slang.items():
        lists(f"slang.{name}", slang)
    lists("severity", rules.severity)
    for i, rule in enumerate(rules.severity.rules):
        lists(f"severity.rules[{i}]", rule)
    return found
