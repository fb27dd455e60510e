"""Residence-procedure answers: the pure core of the procedure assistant.

`answer` turns one citizen message into the Zalo messages to send back, given
today's date (Asia/Ho_Chi_Minh), the ward's contact, and the conversation state
(last topic and when it was answered). It reads no clock, no network and no
store: the router persists the returned state and sends the replies.

What a message gets, in order:

1. urgent words: the emergency numbers first (113, 114, 115), whatever follows;
2. a tip (also a question-and-tip such as "nhà trọ không khai báo tạm trú"):
   `tip=True` (the router opens the tip and sends its acknowledgement) and, for
   a residence tip, the short rule that applies (`rule_for_tip`);
3. "gặp cán bộ" and the like (also a way of talking a few words before a person:
   "nói chuyện trực tiếp với cán bộ"): `handoff=True` (the router opens a
   question item for the desk) and a polite reply that an officer will answer (a
   matter the data holds no facts for, "đổi chủ hộ", names no topic as its subject);
   thanks or "nobody answers" about the line: a thank-you with the menu; a
   word pointing to another procedure than the one matched (`doubts`): which
   of the two, as buttons, never one's facts for the other;
4. a procedure topic: its whole answer, or only the parts asked for ("lệ phí",
   "online", ...) with a button to see the whole answer; how it is done asked
   ("thì làm sao") keeps the whole answer, whatever part is asked beside;
5. no topic but a part asked for: that part of the last topic when the last
   answer is recent (a follow-up); in a short message, which procedure it is asked
   of, as buttons (`common_answer.ask_which`); else that part of the common facts;
6. anything else: the menu (`menu`), topics as `oa.query.show` buttons.

Every text is split into messages of at most 2,000 characters at paragraph,
line or sentence boundaries (`split_message`).

Kind and urgency come from `shared.core.classify` when that module is present (or
from the `classification` argument, so the router classifies once); without
it, small phrase lists from `assistant.yaml` decide. Topics and answer parts
are always matched here, over the seven procedures.

Data files (loaded and checked once, on first use, by `shared.core.assistant_file`,
whose docstring describes the procedure files; importing this module costs
nothing): `shared/data/procedures/<topic>.yaml` and `common.yaml` (the facts),
`shared/data/assistant.yaml` (matching phrases, menu, hand-off, follow-up
window and every surrounding text; its format is described in the file).
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from shared.core import questions

if TYPE_CHECKING:
    from shared.core.assistant_file import Knowledge, Line, OutOfScope, Procedure

ZALO_TEXT_LIMIT = 2000
MAX_BUTTONS = 5
COMMON = "chung"  # the common facts (procedures/common.yaml)
CAN_CU = "can_cu"
REMOVAL = "xoa_dang_ky"  # the removal of a registration (procedures/xoa_dang_ky.yaml)
TEMPORARY = "tam_tru"  # a tạm trú registration (procedures/tam_tru.yaml)
PERMANENT = "thuong_tru"  # a thường trú registration (procedures/thuong_tru.yaml)
RENEWAL = "gia_han_tam_tru"  # its renewal (procedures/gia_han_tam_tru.yaml)
CONFIRMATION = "xac_nhan_cu_tru"  # the residence confirmation (procedures/xac_nhan_cu_tru.yaml)

_DATA = Path(__file__).parents[1] / "data"


# --------------------------------------------------------------------------
# Values in and out
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Button:
    """A Zalo button; an `oa.query.show` payload comes back as a user text."""

    title: str
    payload: str
    type: str = "oa.query.show"


@dataclass(frozen=True)
class Reply:
    """One outbound Zalo text message (at most 2,000 characters, 5 buttons)."""

    text: str
    buttons: tuple[Button, ...] = ()


@dataclass(frozen=True)
class WardContact:
    """The ward police a citizen is sent to; `phone` None when none is verified."""

    name: str
    phone: str | None
    address: str | None
    hours: str | None = None


def ward_contact_of(unit: Any) -> WardContact:
    """A WardContact from a jurisdiction unit (name, contact{phone, address, hours})."""
    contact = getattr(unit, "contact", None)
    return WardContact(
        name=unit.name,
        phone=getattr(contact, "phone", None),
        address=getattr(contact, "address", None),
        hours=getattr(contact, "hours", None),
    )


@dataclass(frozen=True)
class ConversationState:
    """The last topic answered and when (timezone-aware), kept by the router."""

    last_topic: str | None = None
    last_at: datetime | None = None


@dataclass(frozen=True)
class AssistantResult:
    """What to send, what was understood, and the state to keep."""

    replies: list[Reply]
    topic: str | None = None  # the first topic answered
    sections: tuple[str, ...] = ()  # the parts of the first topic given alone
    handoff: bool = False
    tip: bool = False
    urgent: bool = False
    state: ConversationState | None = None
    topics: tuple[str, ...] = ()  # every topic answered (a two-part question: two)
    out_of_scope: str | None = None  # the service this line said it does not handle
    spam: bool = False  # advertising: nothing is sent

    @property
    def section(self) -> str | None:
        """The first answer part given alone (None for a whole answer)."""
        return self.sections[0] if self.sections else None


# --------------------------------------------------------------------------
# Knowledge (data files, loaded once)
# --------------------------------------------------------------------------


_LOADING = threading.Lock()


@functools.cache
def knowledge() -> Knowledge:
    """Load and check every data file of the assistant (once per process, under a lock:
    concurrent first questions would otherwise each load it)."""
    with _LOADING:
        return _load_knowledge()


@functools.cache
def _load_knowledge() -> Knowledge:
    from shared.core import assistant_file  # deferred with pydantic: importing this stays cheap

    return assistant_file.load_knowledge(_DATA)


def topics() -> tuple[str, ...]:
    """The procedure topics offered in the menu, in menu order."""
    return knowledge().menu_topics


# --------------------------------------------------------------------------
# Matching (folded words; a few dozen substring tests, microseconds)
# --------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Folded words, space-padded, typos rewritten: what every phrase is matched on."""
    return questions.normalise(text, knowledge())


def _any(padded: str, phrases: Iterable[str]) -> bool:
    return questions.has_any(padded, phrases)


def match_topic(text: str) -> str | None:
    """The procedure a message is about, or None."""
    return questions.topic(normalise(text), knowledge())


def match_sections(text: str) -> tuple[str, ...]:
    """The answer parts a message asks for (ai_khi, le_phi, ...), in answer order."""
    return questions.sections(normalise(text), knowledge())


# --------------------------------------------------------------------------
# Composing
# --------------------------------------------------------------------------


def _date(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def contact_text(contact: WardContact) -> str:
    """The ward's contact as said to a citizen; never a made-up phone number."""
    k = knowledge()
    hours = contact.hours or k.office_hours
    fields = {"name": contact.name, "address": contact.address, "hours": hours}
    if contact.phone and contact.address:
        return k.texts["contact_phone"].format(phone=contact.phone, **fields)
    if contact.address:
        return k.texts["contact_no_phone"].format(**fields)
    return k.texts["contact_no_address"].format(**fields)


def _footer(proc: Procedure, today: date, contact: WardContact) -> str:
    k = knowledge()
    checked = k.texts["checked"].format(date=_date(proc.checked))
    if today - proc.checked > k.stale_after:
        checked += " " + k.texts["stale"]
    return checked + "\n" + k.texts["confirm"].format(contact=contact_text(contact))


def _compose(
    proc: Procedure,
    asked: tuple[str, ...],
    today: date,
    contact: WardContact,
    notes: tuple[Line, ...] = (),
) -> str:
    """The answer text: every part when `asked` is empty, else those parts;
    `notes` are said first (an everyday phrasing's lines)."""
    k = knowledge()
    whole = not asked
    title = k.texts["title_with_code" if proc.code and whole else "title"]
    parts = [title.format(title=proc.title, code=proc.code)]
    refs: list[str] = list(proc.refs) if whole or CAN_CU in asked else []
    for note in notes:
        if note.said_on(today):
            parts.append(note.text)
            refs.extend(note.refs)
    for key in k.section_order:
        if key == CAN_CU or not (whole or key in asked):
            continue
        lines = [line for line in proc.sections.get(key, ()) if line.said_on(today)]
        if not lines:
            continue
        body = "\n".join(f"- {line.text}" for line in lines)
        parts.append(f"{k.section_titles[key]}:\n{body}")
        refs.extend(ref for line in lines for ref in line.refs)
    refs = _unique(refs)
    if whole or CAN_CU in asked:
        cited = "\n".join(f"- {k.legal[ref]}" for ref in refs)
        parts.append(f"{k.section_titles[CAN_CU]}:\n{cited}")
    elif refs:
        parts.append(k.texts["refs_line"].format(refs="; ".join(k.legal[r] for r in refs)))
    parts.append(_footer(proc, today, contact))
    return "\n\n".join(parts)


def _as_replies(text: str, buttons: tuple[Button, ...] = ()) -> list[Reply]:
    chunks = split_message(text)
    return [Reply(chunk) for chunk in chunks[:-1]] + [Reply(chunks[-1], buttons)]


def _topic_button(topic: str) -> Button:
    title = knowledge().buttons[topic]
    return Button(title=title, payload=title)


MenuOpening = Literal["menu_first", "menu_unknown", "welcome", "about_line"]


def menu(contact: WardContact, opening: MenuOpening = "menu_first") -> list[Reply]:
    """The topics as buttons over two messages (5 buttons at most each) and the contact;
    `opening` is the first message's text: the plain menu, "not understood", the
    welcome that first says how to report a tip, or thanks for words about the line."""
    k = knowledge()
    buttons = [_topic_button(t) for t in k.menu_topics]
    buttons.append(Button(title=k.handoff_button, payload=k.handoff_button))
    first = k.texts[opening]
    second = (
        k.texts["menu_second"]
        + "\n\n"
        + k.texts["menu_contact"].format(contact=contact_text(contact))
    )
    return [
        Reply(first, tuple(buttons[:MAX_BUTTONS])),
        Reply(second, tuple(buttons[MAX_BUTTONS:])),
    ]


def emergency() -> Reply:
    """The emergency numbers, sent first whenever a message carries urgent words."""
    return Reply(knowledge().texts["emergency"])


def rule_for_tip(category_or_topic: str | None, today: date, text: str = "") -> Reply | None:
    """The short rule to send after a tip's acknowledgement, or None (`_tip_follow_up`)."""
    return _tip_follow_up(category_or_topic, today, text)[0]


def _tip_follow_up(
    category_or_topic: str | None, today: date, text: str
) -> tuple[Reply | None, str | None, str | None]:
    """The reply to send after a tip's acknowledgement, or None; the service this line
    said it does not handle when that reply is a pointer (else None); and the topic whose
    rule that reply gives (else None).

    Takes a topic (tam_tru, luu_tru, ...) or a classifier category: for a
    residence category the topic is read from the tip's text, defaulting to
    the tạm trú rule; a category of `tip_topics` (lost property) gets its
    topic's rule (how to report and re-issue papers); another category gets
    the rule of a `tip_text_topics` topic its text names (a pickpocketing that
    took the papers: how to re-issue them); a `tip_pointer_categories` category,
    where to ask about a service this line does not handle its text names (a
    driving licence snatched: the traffic police re-issue it); else none.
    """
    k = knowledge()
    if category_or_topic in k.residence_categories or category_or_topic is None:
        topic = match_topic(text)
        if topic is None or not k.procedures[topic].rule:
            if category_or_topic is None:
                return None, None, None
            topic = k.default_rule_topic
    elif category_or_topic in k.tip_topics and (pointer := _lost_elsewhere(text)) is not None:
        # a paper of another office lost, none of ours named ("I lost my passport, what should
        # I do"): the loss is received, and where that paper is re-issued is said
        return _out_of_scope_reply(pointer), pointer.service, None
    elif category_or_topic in k.tip_topics:
        topic = k.tip_topics[category_or_topic]
    elif category_or_topic in k.procedures:
        topic = category_or_topic
    elif (named := match_topic(text)) in k.tip_text_topics:
        topic = named
    elif category_or_topic in k.tip_pointer_categories:
        # a licence or a land title taken in a theft, its re-issue asked ("làm lại ở
        # đâu"): the theft is received, and where that paper is re-issued is said; a
        # theft merely told ("trộm chiếc xe mới mua") asks nothing
        padded = normalise(text)
        service = questions.understand(padded, k).out_of_scope
        asked = questions.sections(padded, k)
        if service is None or not asked:
            return None, None, None
        return _out_of_scope_reply(service), service.service, None
    else:
        return None, None, None
    proc = k.procedures[topic]
    lines = [line for line in proc.rule if line.said_on(today)]
    if not lines:
        return None, None, None
    body = "\n".join(f"- {line.text}" for line in lines)
    checked = k.texts["checked"].format(date=_date(proc.checked))
    text_out = f"{k.texts['rule_intro']}\n{body}\n\n{checked}"
    return Reply(text_out, (_topic_button(topic),)), None, topic


def _lost_elsewhere(text: str) -> OutOfScope | None:
    """The service whose paper a loss told names (`tip_lost_services`: a passport, a driving
    licence), when no residence topic is named beside it (a lost card's re-issue is ours:
    `mat_giay_to`); None otherwise."""
    k = knowledge()
    padded = normalise(text)
    understood = questions.understand(padded, k)
    service = understood.out_of_scope
    if service is None or service.service not in k.tip_lost_services or understood.parts:
        return None
    return service


# --------------------------------------------------------------------------
# Kind and urgency
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Signal:
    tip: bool
    urgent: bool
    category: str | None = None
    spam: bool = False
    about_line: bool = False  # thanks, praise or a complaint about the line itself


@functools.cache
def _external_classify() -> Callable[[str], Any] | None:
    """shared.core.classify.classify when that module exists in this checkout."""
    try:
        from shared.core import classify as module  # built separately; optional here
    except ModuleNotFoundError as exc:
        if exc.name != "shared.core.classify":
            raise
        return None
    return getattr(module, "classify", None)


def _signal(text: str, padded: str, topic: str | None, classification: Any) -> _Signal:
    if classification is None:
        classify = _external_classify()
        if classify is not None:
            classification = classify(text)
    if classification is not None:
        return _Signal(
            tip=getattr(classification, "kind", None) == "tip",
            urgent=getattr(classification, "severity", None) == "urgent",
            category=getattr(classification, "category", None),
            spam=bool(getattr(classification, "spam", False)),
            about_line=bool(getattr(classification, "about_line", False)),
        )
    k = knowledge()
    urgent = _any(padded, k.urgent_phrases)
    residence_tip = (
        topic is not None and _any(padded, k.tip_negations) and _any(padded, k.tip_third_parties)
    )
    category = next(iter(sorted(k.residence_categories))) if residence_tip else None
    return _Signal(tip=residence_tip or urgent, urgent=urgent, category=category)


# --------------------------------------------------------------------------
# The assistant
# --------------------------------------------------------------------------


def _recent(state: ConversationState | None, now: datetime | None) -> str | None:
    if state is None or now is None or state.last_topic is None or state.last_at is None:
        return None
    if timedelta(0) <= now - state.last_at <= knowledge().follow_up:
        return state.last_topic
    return None


def answer(
    text: str,
    today: date,
    contact: WardContact,
    state: ConversationState | None = None,
    now: datetime | None = None,
    *,
    classification: Any = None,
) -> AssistantResult:
    """The messages a citizen receives for `text`, and the conversation state to keep.

    `today` picks the facts in force (the fee waiver, ...); `now` and `state`
    decide whether a bare "lệ phí bao nhiêu?" follows up the last topic.
    `classification` is shared.core.classify's result when the caller already has it.
    """
    k = knowledge()
    padded = normalise(text)
    understood = questions.understand(padded, k)
    parts = list(understood.parts)
    if len(parts) == 1 and not (understood.doubt or understood.out_of_scope):
        # two questions written apart, one procedure each: both are answered, whichever the
        # words read together made the single matter
        apart = questions.asked_apart(text, k)
        if parts[0].topic in {p.topic for p in apart}:
            parts = list(apart)
    first = parts[0].topic if parts else None
    signal = _signal(text, padded, first, classification)
    replies: list[Reply] = [emergency()] if signal.urgent else []

    def result(
        topic: str | None = first,
        sections: tuple[str, ...] = (),
        new_state: ConversationState | None = state,
        **flags: Any,
    ) -> AssistantResult:
        return AssistantResult(
            replies=replies,
            topic=topic,
            sections=sections,
            urgent=signal.urgent,
            tip=signal.tip,
            state=new_state,
            **flags,
        )

    if signal.spam:
        return result(topic=None, spam=True)  # advertising: no answer at all

    # a matter the data holds no facts for ("đổi chủ hộ"): a person answers, and no topic the
    # message's other words name ("sổ hộ khẩu cũ ghi ba làm chủ hộ") is given as its subject
    # (or a matter only a person settles, told: a file stuck, a party refusing)
    # another office's matter the data holds no verified pointer for ("xin lý lịch tư pháp ở
    # đâu", "thẻ BHYT hết hạn"): said not handled here, and a person answers where to ask;
    # never the residence menu, nor a residence paper asked as one it needs ("làm thẻ BHYT cho
    # con có cần tạm trú không": that office's rule, not ours to guess); a residence topic
    # asked for it ("xin xác nhận cư trú để làm hồ sơ BHXH") is answered
    elsewhere = (
        None
        if understood.out_of_scope is not None
        else next((what for what, phrases in k.handoff_elsewhere if _any(padded, phrases)), None)
    )
    if (
        elsewhere is not None
        and parts
        and not _any(padded, k.handoff_elsewhere_needs)
        # a topic named by a person's words alone says who that office's matter is for (read
        # only beside such a matter: it reads the text again)
        and not questions.who_only(padded, k)
    ):
        elsewhere = None
    # a residence paper asked as required by something the data knows nothing of ("xin giấy
    # phép bán rượu có cần tạm trú không"): that thing's office decides; a person answers
    required = (
        elsewhere is None
        and understood.out_of_scope is None
        and questions.required_elsewhere(padded, k)
    )
    unanswered = (
        _any(padded, k.handoff_matters) or understood.handoff or elsewhere is not None or required
    )
    handoff = (
        unanswered
        or _any(padded, k.handoff_phrases)
        or questions.near(padded, k.handoff_near)
        or questions.near(padded, k.handoff_number)
        # a complaint about another office's service is that office's, unless a residence
        # matter is named beside it ("biên bản phạt vì không báo lưu trú ..., muốn khiếu nại")
        or (
            (understood.out_of_scope is None or bool(understood.parts))
            and _any(padded, k.handoff_complaints)
        )
    )
    if handoff and signal.category in k.catch_all_categories:
        # "gặp cán bộ" with nothing else the classifier knows: a request, not a tip
        signal = _Signal(tip=False, urgent=signal.urgent)
    # one's own file's wait said overdue ("nộp hồ sơ 2 tuần chưa thấy gì"): a person looks
    # at it; never makes a request of a tip ("... vẫn chưa thấy về" may be someone missing)
    handoff = handoff or questions.near(padded, k.handoff_waited)

    if signal.tip:
        rule, elsewhere_service, ruled = _tip_follow_up(signal.category, today, text)
        if rule is not None:
            replies.append(rule)
        # nothing read as asked, the rule sent is what answers ("bị giật túi, mất căn cước,
        # làm lại ở đâu": how to re-issue the papers): its topic is the one answered
        told = first or (ruled if ruled in k.tip_topics.values() else None)
        return result(
            topic=told,
            new_state=ConversationState(told, now) if told and now else state,
            # a theft that took a licence whose re-issue is asked: received, and pointed on
            out_of_scope=elsewhere_service,
        )

    if handoff:
        if elsewhere is not None:
            replies.append(Reply(k.texts["handoff_elsewhere"].format(what=elsewhere)))
        elif required:
            replies.append(Reply(k.texts["handoff_required"]))
        else:
            replies.append(Reply(k.texts["handoff"]))
        return result(topic=None, handoff=True) if unanswered else result(handoff=True)

    if signal.about_line:  # thanks or "nobody answers": how to report, the menu
        replies.extend(menu(contact, "about_line"))
        return result(topic=None)

    if understood.doubt is not None:  # never another procedure's facts: ask which
        buttons = tuple(_topic_button(t) for t in understood.doubt)
        replies.append(Reply(k.texts["ask_which"], buttons))
        return result(topic=None)

    if understood.ask_event:  # a life event leading to several procedures: which is theirs
        buttons = tuple(_topic_button(t) for t in understood.ask_event[:MAX_BUTTONS])
        replies.append(Reply(k.texts["ask_which"], buttons))
        return result(topic=None)

    which = _which_of(parts, padded)
    if which:  # the procedures named may each be the one asked: which, as buttons
        replies.append(Reply(k.texts["ask_which"], tuple(map(_topic_button, which))))
        return result(topic=None)

    is_menu_word = padded in k.menu_words
    asked = questions.sections(padded, k)
    # a relative's stay said with no length ("người nhà lên ở chung thì khai báo thế nào") is
    # asked about first: kin are citizens, so the stay's length is all that is left to ask
    kin_stay = bool(understood.ask_stay) and questions.kin_said(padded, k)
    vague = (
        _vague(padded, bool(parts)) if understood.out_of_scope is None and not kin_stay else None
    )
    if vague is not None:  # only a subject named ("hỏi về hộ khẩu"): which procedure?
        replies.append(Reply(k.texts["ask_which"], tuple(_topic_button(t) for t in vague)))
        return result(topic=None)
    recent = _recent(state, now)
    outside = understood.out_of_scope
    how_to_report = _any(padded, k.report_phrases)
    if not parts and not is_menu_word:
        choices = next((ts for w, ts in k.ambiguous.items() if w in padded), None)
        # a stay read from where people live ("vợ ở Tân Phú, chồng ở Gò Vấp") beside another
        # office's matter asked ("đăng ký kết hôn ở phường vợ hay chồng"): that matter is what
        # is asked, pointed on below; a stay is asked about only when nothing else is
        if understood.ask_stay and outside is None:
            stays = k.stays
            assert stays is not None  # ask_stay comes only from the stays rule
            buttons = tuple(_topic_button(t) for t in understood.ask_stay)
            # kin come to live: permanent residence is a choice too, and said to come for
            # good, the short stay is none
            settle = stays.settle.topic if stays.settle is not None else None
            if settle not in understood.ask_stay:
                said = "ask_stay"
            elif stays.short in understood.ask_stay:
                said = "ask_stay_settle"
            else:
                said = "ask_stay_for_good"
            replies.append(Reply(k.texts[said].format(days=stays.threshold_days), buttons))
            return result()
        if outside is not None:
            replies.append(_out_of_scope_reply(outside))
            return result(out_of_scope=outside.service)
        # someone of the home gone for a length said, nothing named ("ba em về quê chắc 1
        # năm rưỡi, có cần báo gì với phường không"): the absence's declaration
        away = [] if how_to_report else questions.away(padded, k)
        if away:
            parts = away
        elif how_to_report:
            pass  # "báo tin ở đâu": how to report here, not a residence office's address
        elif choices and recent in choices:
            parts = [questions.Part(recent, asked)]
        elif choices:
            buttons = tuple(_topic_button(t) for t in choices)
            replies.append(Reply(k.texts["ask_back"], buttons))
            return result()
        elif asked and recent:
            parts = [questions.Part(recent, asked)]
        elif asked and (which := _part_of_which(padded, asked)):
            # a part asked of nothing in a short message ("phí bao nhiêu vậy ad", "nộp ở
            # đâu"): each procedure answers it its own way, so which is asked before any fact
            replies.append(Reply(k.texts["ask_which"], tuple(_topic_button(t) for t in which)))
            return result()
        elif asked and _common_question(padded):
            proc = k.procedures[COMMON]
            present = tuple(s for s in asked if s in proc.sections or s == CAN_CU)
            if present:
                replies.extend(_as_replies(_compose(proc, present, today, contact)))
                return result(topic=None, sections=present)
        if asked and not parts and not how_to_report and (which := _part_of_which(padded, asked)):
            # a part the common facts do not hold, of nothing ("bao lâu thì có kết quả"):
            # each procedure answers it its own way, so which is asked
            replies.append(Reply(k.texts["ask_which"], tuple(_topic_button(t) for t in which)))
            return result()

    if not parts:
        if signal.urgent and not is_menu_word:
            return result()
        bare = () if is_menu_word or how_to_report else _vague(padded, False, k.vague_fallbacks)
        if bare:  # a residence verb said bare, nothing else read: which, not the whole menu
            replies.append(Reply(k.texts["ask_which"], tuple(_topic_button(t) for t in bare)))
            return result(topic=None)
        if how_to_report or _any(padded, k.greetings):
            opening: MenuOpening = "welcome"
        elif is_menu_word or not padded.strip():
            opening = "menu_first"
        else:
            opening = "menu_unknown"
        replies.extend(menu(contact, opening))
        return result()

    answered: list[tuple[str, tuple[str, ...]]] = []
    # how it is done asked ("tách khẩu thì làm sao, có tốn phí không"): every part is asked,
    # the one named beside among them
    how = _any(padded, k.how)
    for part in parts:
        proc = k.procedures[part.topic]
        asked_here = () if how else part.sections
        # a part that answers another person's case, its words unsaid ("mất căn cước rồi thì vẫn
        # đăng ký tạm trú được không": no finder's duty): not given alone
        only_with = k.part_only_with.get(part.topic, {})
        asked_here = tuple(
            s for s in asked_here if s not in only_with or _any(padded, only_with[s])
        )
        present = tuple(s for s in asked_here if s in proc.sections or s == CAN_CU)
        # a part asked that the procedure does not hold ("khai báo cho khách nước ngoài
        # trong mấy ngày": no handling time, its deadline is who and when): the whole
        # answer, never the other parts alone as if it were answered (a part's word inside
        # the topic's own words asks nothing: "mất giấy tờ")
        unheld = set(part.sections) - set(present)
        if unheld and unheld & set(questions.sections_outside(padded, part.topic, k)):
            present = ()
        text_out = _compose(proc, present, today, contact, part.notes)
        buttons = (Button(k.texts["see_full"], k.buttons[part.topic]),) if present else ()
        replies.extend(_as_replies(text_out, buttons))
        answered.append((part.topic, present))
    if outside is not None:
        replies.append(_out_of_scope_reply(outside))
    topic, present = answered[0]
    return result(
        topic=topic,
        sections=present,
        new_state=ConversationState(topic, now) if now else state,
        topics=tuple(t for t, _ in answered),
        out_of_scope=outside.service if outside else None,
    )


def _which_of(parts: list[questions.Part], padded: str) -> tuple[str, ...]:
    """The procedures to offer as buttons when those named leave open which one is asked
    (empty: one is asked). Where the sets' labels disagree on which of two is asked, a
    question back is right under every label (rounds 30-31)."""
    k = knowledge()
    topics = [p.topic for p in parts]
    if len(topics) > 1 and (
        # several named, and the citizen does not know which is theirs ("cắt khẩu, chuyển
        # khẩu, tách khẩu gì đó, mình không rõ cái nào"), or asks whether the old
        # registration must be removed before the new one ("chuyển hộ khẩu vô đây, có phải
        # về quê cắt khẩu trước không")
        _any(padded, k.unsure_which)
        or (REMOVAL in topics and questions.near(padded, k.removal_first))
    ):
        return tuple(topics)
    if (
        set(topics) == {TEMPORARY, CONFIRMATION}
        and len(topics) == 2
        and _any(padded, k.issued_asked)
    ):
        # (round 35) the book or card a registration gives asked, beside the proof an employer
        # wants ("tạm trú xong có được cấp sổ hay thẻ gì không, công ty đòi nộp"): labelled the
        # registration alone (sets 27, 29, 30, 48) or with the confirmation (22, 23); thường
        # trú's, labelled apart from no set, keeps both answers
        return tuple(topics)
    if (
        RENEWAL in topics
        and questions.near(padded, k.term_with_renewal)
        and not _any(padded, k.term_with_renewal_unless)
    ):
        # tạm trú's own term asked beside its renewal ("tạm trú được tối đa bao lâu, hết hạn
        # thì gia hạn ở đâu"): labelled the renewal alone or both procedures
        return (TEMPORARY, RENEWAL)
    if REMOVAL in topics and (
        # the removal asked as the step before a new registration the words did not name, a
        # move told ("muốn chuyển về đây thì nộp ở đâu, có cần về quê cắt khẩu trước
        # không"), labelled the new registration, the removal or both (no move told, "ba mất
        # rồi, có phải cắt khẩu cho ba trước không": the removal)
        (
            topics == [REMOVAL]
            and questions.near(padded, k.removal_first)
            and _any(padded, k.removal_first_moves)
        )
        # or where one's registration goes once removed ("cắt khẩu xong thì hộ khẩu để
        # đâu"), labelled the removal alone or both
        or questions.near(padded, k.removal_then_where)
    ):
        return (REMOVAL, PERMANENT)
    return ()


def _vague(padded: str, named: bool, asks: tuple[Any, ...] | None = None) -> tuple[str, ...] | None:
    """The procedures a short question naming only a subject may mean ("cho em hỏi về
    hộ khẩu", "mới chuyển nhà thì làm gì với công an"); None when a part of a named
    procedure is asked ("hộ khẩu lệ phí bao nhiêu") or the question is long. A part's
    word inside the subject's words asks no part ("làm giấy tờ nhà trọ sao"). An ask
    that is `alone` counts only when no procedure is named at all."""
    k = knowledge()
    said = len(padded.split())
    # nothing named: the question is counted from the words that open it, a story or a
    # greeting before it asks nothing ("dạo này mất ngủ quá, mà cho hỏi luôn giấy tờ cư trú")
    opened = max((padded.rfind(p) for p in k.vague_asked_from), default=-1)
    if not named and opened > 0:
        said = len(padded[opened:].split())
    elif opened == 0:
        # the opening words themselves ask nothing ("cho tôi hỏi về việc đăng ký cho con"):
        # counted from after them, a procedure named or not
        said = len(padded[_opener_end(padded, k.vague_asked_from) :].split())
    for phrases, topics, alone, max_words, unless in k.vague if asks is None else asks:
        if said > (k.vague_max_words if max_words is None else max_words):
            continue
        if (alone and named) or not _any(padded, phrases) or _any(padded, unless):
            continue
        outside = functools.reduce(lambda text, p: text.replace(p, " "), phrases, padded)
        if named and questions.sections(outside, k):
            return None
        return topics
    return None


def _opener_end(padded: str, openers: tuple[str, ...]) -> int:
    """Where the longest opening words the text starts with end (0: none)."""
    end = 0
    for opener in openers:
        if padded.startswith(opener):
            end = max(end, len(opener) - 1)
    return end


def _part_of_which(padded: str, asked: tuple[str, ...]) -> tuple[str, ...]:
    """The procedures to ask between when a short message asks a part the common facts do
    not hold (`common_answer.ask_which`) of nothing named; empty otherwise."""
    k = knowledge()
    said = padded.split()
    # (round 35) the address or particle ending it asks nothing ("... mấy ngày thì xong vậy chị")
    while said and said[-1] in k.common_ask_uncounted:
        said.pop()
    if len(said) > k.common_ask_max_words:
        return ()
    which = [k.common_ask_which[s] for s in asked if s in k.common_ask_which]
    return which[0] if which and len(which) == len(asked) else ()


def _common_question(padded: str) -> bool:
    """A part asked alone ("lệ phí bao nhiêu?") or about residence in general: the common
    facts answer it. A longer question about something else gets the menu instead."""
    k = knowledge()
    return len(padded.split()) <= k.common_max_words or _any(padded, k.common_phrases)


def _out_of_scope_reply(service: OutOfScope) -> Reply:
    """This line does not handle it; where to ask, with the date that was checked."""
    checked = knowledge().texts["checked"].format(date=_date(service.checked))
    return Reply(f"{service.text}\n\n{checked}")


# --------------------------------------------------------------------------
# Splitting
# --------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?…][\"'”)\]]*(?=\s)")
_SPACE = re.compile(r"\s")


def _cut(window: str, limit: int) -> int:
    """Where to end a chunk inside `window` (len limit + 1): the best boundary."""
    floor = limit // 4
    for separator in ("\n\n", "\n"):
        at = window.rfind(separator, 0, limit + 1)
        if at >= floor:
            return at
    ends = [m.end() for m in _SENTENCE_END.finditer(window, 0, limit + 1) if m.end() <= limit]
    if ends and ends[-1] >= floor:
        return ends[-1]
    spaces = [m.start() for m in _SPACE.finditer(window, 1, limit + 1)]
    if spaces:
        return spaces[-1]
    return limit  # a single word longer than a message: no boundary to honour


def split_message(text: str, limit: int = ZALO_TEXT_LIMIT) -> list[str]:
    """Chunks of at most `limit` characters, cut at paragraph, line, sentence or word
    boundaries (in that preference); only the whitespace at a cut is dropped."""
    if limit < 1:
        raise ValueError("limit must be positive")
    text = text.strip()
    chunks: list[str] = []
    start = 0
    while len(text) - start > limit:
        cut = _cut(text[start : start + limit + 1], limit)
        chunks.append(text[start : start + cut].rstrip())
        start += cut
        while start < len(text) and text[start].isspace():
            start += 1
    chunks.append(text[start:])
    return [chunk for chunk in chunks if chunk] or [""]


__all__ = [
    "AssistantResult",
    "Button",
    "ConversationState",
    "Reply",
    "WardContact",
    "answer",
    "contact_text",
    "emergency",
    "knowledge",
    "match_sections",
    "match_topic",
    "menu",
    "rule_for_tip",
    "split_message",
    "topics",
    "ward_contact_of",
]
