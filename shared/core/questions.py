"""What a citizen's question asks: its topics and their parts, read from folded words.

Pure functions over the assistant's `Knowledge` (loaded by
`shared.core.assistant`), matching phrases as whole folded words in a
space-padded text (`normalise`). The rules, as data in `assistant.yaml`:

- a topic's phrase inside a longer phrase of another topic does not count
  ("tạm trú" inside "tạm trú hết hạn"); a topic `beats` others (a foreigner's
  stay silences the citizens' lưu trú);
- one topic: a narrow one wins over the broad ones, else the longest phrase,
  ties to the earlier topic; two topics joined by a conjunction ("tạm trú cho
  em với tạm vắng cho bố") are both answered in the order asked, each with the
  parts asked next to it (a part asked in words across the join, "đăng ký tạm trú
  hay báo lưu trú": which applies, of both);
- an everyday phrasing (`intents`, "sổ hộ khẩu bỏ rồi") names its topic and
  may bring a line said first; one made of words apart (`with`: "hộ khẩu có bị
  xóa không") counts only when no phrase names its topic; a procedure it
  `yields_to`, asked outside its words ("sổ hộ khẩu bỏ rồi thì nhập hộ khẩu kiểu
  gì"), is what is answered, its line said first; one of words apart joined by a
  conjunction to a narrow procedure named before it ("khai tạm vắng sao, với lại hộ
  khẩu có bị xóa không") is a second matter: both are answered;
- a stay with a family ("mẹ lên chơi 1 tuần") is lưu trú under 30 days and
  tạm trú from then on; with no length said, the citizen is asked (and, for kin come
  to live for good who may register there, "ông bà lên ở chung", thường trú too);
- a service this line does not handle (`out_of_scope`, "đổi bằng lái") is named
  so the assistant can say where to ask, unless its words belong to a topic's
  phrase ("mất bằng lái" is a lost paper); beside it, a topic phrase that only
  says where (`places`: "phòng trọ bị cắt điện") names no topic; a paper proving
  a lawful place (`proofs`: "sổ đỏ") beside a topic is that topic's papers; a
  paper said as held (`held`, `held_papers`: "có bằng lái", "về bằng hộ chiếu")
  says who the person is, and points to its office only when nothing else is
  understood (a Vietnamese passport held says a citizen: `citizen_passports`);
- a topic's bare verb said of another thing (`verb_objects`: "giấy phép lao động
  hết hạn, gia hạn ở đâu") names no topic;
- with no visit said, a length turns the procedure named into the other stay only
  when said of living somewhere (`stays.dwell`: "cho bạn ở 10 ngày"), never a
  bare one that may be the wait for a file ("đăng ký tạm trú 10 ngày rồi");
- a nation written with its marks after a person word (`nationals`: "bạn người
  Lào", "kỹ sư Nhật") names a foreigner, read as "quốc tịch" said;
- what a paper is for (`purposes`: "để nộp hồ sơ xin việc") asks no part;
- a topic's words said of what already is (`premises`: a trip over, one's own
  registration held, a foreign nationality taken) name nothing beside another matter
  asked, a service this line does not handle among them; a person's words beside a
  matter they are a party to (`persons_topics`: a foreigner's lost papers) say who,
  not a stay asked;
- a word pointing to another procedure than the one matched (`doubts`: "hộ khẩu
  có bị gạch tên không" matches thường trú, "gạch tên" points to deregistration)
  makes a doubt: the citizen is asked which, never given the wrong one's facts;
- a life event told instead of a procedure named (`events`: "ba tôi mất, tên ông vẫn
  còn trong hộ", "bán nhà rồi", "đưa bé vô chung hộ"), classes of words rather than
  sentences, leads to its procedures when nothing else is asked; several, and nothing
  said to choose by, the citizen is asked which.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any, TypeVar

from shared.core.text import undoubled, words

if TYPE_CHECKING:
    from shared.core.assistant_file import (
        CitizenshipDenied,
        Event,
        Knowledge,
        Line,
        OutOfScope,
        Stays,
    )

MAX_PARTS = 3
# words read after a relative for them offered as who declares (`stays.chooses`)
CHOICE_WORDS = 6
WHETHER = "ai_khi"  # the answer part saying who must and when: whether a procedure applies
T = TypeVar("T")


@dataclass(frozen=True)
class Part:
    """One topic asked, the parts of its answer asked for, and a line to say first."""

    topic: str
    sections: tuple[str, ...]
    notes: tuple[Line, ...] = ()


@dataclass(frozen=True)
class Understanding:
    parts: tuple[Part, ...]  # empty: no topic understood
    # a family stay with no length: the topics to ask between (empty: none to ask)
    ask_stay: tuple[str, ...] = ()
    out_of_scope: OutOfScope | None = None  # a service this line does not handle
    doubt: tuple[str, str] | None = None  # the topic matched, and the one a word points to
    # a life event told that leads to several procedures, none said: the ones to ask between
    ask_event: tuple[str, ...] = ()
    handoff: bool = False  # a matter only a person settles, told (a hand-off event)


@dataclass(frozen=True)
class _Match:
    topic: str
    start: int
    end: int
    weight: int  # words in the phrase
    narrow: bool
    order: int  # the topic's place in the file


def _typo_rewriter(typos: tuple[tuple[str, str], ...]) -> Callable[[str], str]:
    """One pass over the text for every typo, longest spelling first."""
    fixes = {wrong.strip(): right.strip() for wrong, right in typos}
    spelled = sorted(fixes, key=len, reverse=True)
    pattern = re.compile(r"(?<= )(?:" + "|".join(map(re.escape, spelled)) + r")(?= )")
    return lambda padded: pattern.sub(lambda m: fixes[m.group(0)], padded)


def normalise(text: str, k: Knowledge) -> str:
    """Folded words, space-padded, typos rewritten: what every phrase is matched on."""
    # a letter held down at a word's end ("khôngg", "ngườii") read once
    lowered = undoubled(unicodedata.normalize("NFC", text.lower()))
    if k.nationals[0]:
        lowered = _cached(k.nationals, _nationals_rewriter)(lowered)
    padded = " " + " ".join(words(lowered)) + " "
    padded = _cached(k.typos, _typo_rewriter)(padded) if k.typos else padded
    if k.citizenship_denied is not None:
        padded = _cached(k.citizenship_denied, _denied_rewriter)(padded)
    return padded


def _denied_rewriter(denied: CitizenshipDenied) -> Callable[[str], str]:
    """Citizenship said not held, given up or lost ("vợ tôi không có quốc tịch Việt Nam",
    "đã thôi quốc tịch VN", "chưa nhập quốc tịch Việt Nam") is a foreigner's (Luật 47/2014,
    Điều 3: a foreigner is one holding another nationality's papers or none): the words are
    read as a foreign nationality said, never the citizens' words that name no foreigner
    (`citizens`). A negation itself negated ("chưa bỏ quốc tịch Việt Nam") keeps a citizen."""

    def alternation(items: Iterable[str]) -> str:
        return "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))

    undoing = (
        rf"(?:(?P<undone>{alternation(denied.unless_before)}) )?" if denied.unless_before else ""
    )
    negations, phrases = alternation(denied.negations), alternation(denied.phrases)
    pattern = re.compile(rf"(?<= ){undoing}(?:{negations}) (?:{phrases})(?= )")

    def rewrite(match: re.Match[str]) -> str:
        return match.group(0) if match.groupdict().get("undone") else denied.said_as

    return lambda padded: pattern.sub(rewrite, padded)


def _nationals_rewriter(
    nationals: tuple[tuple[str, ...], ...],
) -> Callable[[str], str]:
    """Diacritics are evidence: a nation written with its marks after a person word ("bạn
    người Lào", "sinh viên Hàn", "chồng Úc") names a nationality, which folded it may not
    ("người lao động", "hạn", "ức"); the text says so in words ("quốc tịch") before folding,
    after its last word, so that the distances between its own words stay as written."""
    persons, kin, nations, names, came_from, came = nationals

    def alternation(items: Iterable[str]) -> str:
        return "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))

    def rule(who: tuple[str, ...], what: Iterable[str]) -> str:
        return rf"(?<!\w)((?:{alternation(who)})\s+(?:{alternation(what)}))(?!\w)"

    patterns = [re.compile(rule(persons, nations))]
    if kin:
        patterns.append(re.compile(rule(kin, [n for n in nations if n not in names])))
    # typed without marks, the nations no other word folds onto ("khach phap", "sinh vien
    # campuchia"), after a person word typed so too
    plain = [n for n in nations if n.isascii()]
    if plain:
        patterns.append(re.compile(rule(tuple(" ".join(words(p)) for p in persons), plain)))
    # someone come over from a nation ("bạn em bên Đức qua chơi", "khách từ Nhật sang"):
    # "qua"/"sang" is a visit from abroad; "về" (come home) is not in `came`, a citizen
    # living abroad comes home ("con tôi từ Mỹ về")
    if came_from and came:
        patterns.append(
            re.compile(
                rf"(?<!\w)(?:{alternation(came_from)})\s+(?:{alternation(nations)})"
                rf"\s+(?:{alternation(came)})(?!\w)"
            )
        )

    def rewrite(text: str) -> str:
        # said once, at the end: the words and their distances stay as written
        if any(pattern.search(text) for pattern in patterns):
            return text + " quốc tịch"
        return text

    return rewrite


_CACHE: dict[tuple[int, Any], tuple[object, Any]] = {}


def _cached(source: T, build: Callable[[T], Any]) -> Any:
    """`build(source)`, computed once per source object and build (the knowledge is loaded
    once; one source may be built into several things)."""
    key = (id(source), build)
    hit = _CACHE.get(key)
    if hit is None or hit[0] is not source:
        hit = (source, build(source))
        _CACHE[key] = hit
    return hit[1]


def _alternation(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(p) for p in phrases) or r"(?!)")


def has_any(padded: str, phrases: tuple[str, ...]) -> bool:
    """Whether any of the (padded) phrases is in the text: one regular-expression search."""
    return _cached(phrases, _alternation).search(padded) is not None


def _section_patterns(
    k: Knowledge,
) -> tuple[tuple[tuple[str, re.Pattern[str]], ...], tuple[tuple[str, re.Pattern[str]], ...]]:
    strong = tuple((key, _alternation(p)) for key, p in k.section_strong if p)
    weak = tuple((key, _alternation(p)) for key, p in k.section_weak if p)
    return strong, weak


def sections(padded: str, k: Knowledge) -> tuple[str, ...]:
    """The answer parts a text asks for, in answer order; words saying what a paper is
    for (`purposes`: "để nộp hồ sơ cho con vào lớp 1") ask none."""
    strong_patterns, weak_patterns = _cached(k, _section_patterns)
    if k.purposes:
        padded = _masked(padded, k.purposes)
    if k.whereabouts:
        # where a person is, told ("chồng bỏ đi, không ai biết ở đâu"): no office's place asked
        padded = _masked(padded, k.whereabouts)
    if k.courtesies:
        # leave to ask, asked ("hỏi về hộ khẩu chút được không"): no part is asked by it
        padded = _masked(padded, k.courtesies)
    strong = {key for key, pattern in strong_patterns if pattern.search(padded)}
    chosen = strong or {key for key, pattern in weak_patterns if pattern.search(padded)}
    return tuple(key for key in k.section_order if key in chosen)


def sections_outside(padded: str, topic: str, k: Knowledge) -> tuple[str, ...]:
    """The parts asked outside the words naming `topic`: "mất giấy tờ" names lost papers
    and asks for no papers."""
    text = padded
    for m in _matches(padded, k):
        if m.topic == topic:
            text = _blanked(text, m.start, m.end)
    return sections(text, k)


def _positions(padded: str, phrase: str) -> Iterable[int]:
    at = padded.find(phrase)
    while at != -1:
        yield at
        at = padded.find(phrase, at + 1)


Entry = tuple[str, int, bool, int]  # topic, weight, narrow, order


def _topic_scanner(
    topic_phrases: tuple[tuple[str, bool, tuple[tuple[str, int], ...]], ...],
) -> tuple[re.Pattern[str], dict[str, list[Entry]]]:
    """One pattern finding, at every position, the longest topic phrase starting there."""
    entries: dict[str, list[Entry]] = {}
    for order, (topic, narrow, phrases) in enumerate(topic_phrases):
        for phrase, weight in phrases:
            entries.setdefault(phrase, []).append((topic, weight, narrow, order))
    longest_first = sorted(entries, key=len, reverse=True)
    pattern = re.compile("(?=(" + "|".join(map(re.escape, longest_first)) + "))")
    return pattern, entries


def _matches(padded: str, k: Knowledge) -> list[_Match]:
    # A shorter phrase starting where a longer one does lies inside it: it would
    # not count (see _kept), so only the longest at each position is needed.
    pattern, entries = _cached(k.topic_phrases, _topic_scanner)
    found: list[_Match] = []
    for hit in pattern.finditer(padded):
        phrase, at = hit.group(1), hit.start()
        for topic, weight, narrow, order in entries[phrase]:
            found.append(_Match(topic, at, at + len(phrase), weight, narrow, order))
    return found


def _inside(m: _Match | tuple[int, int], others: Iterable[_Match]) -> bool:
    start, end = (m.start, m.end) if isinstance(m, _Match) else m
    return any(o.start <= start and end <= o.end and o.end - o.start > end - start for o in others)


def _kept(found: list[_Match], k: Knowledge, padded: str, mixed: bool = False) -> list[_Match]:
    kept = [m for m in found if not _inside(m, (o for o in found if o.topic != m.topic))]
    if mixed:  # a foreigner among citizens: both are answered, each with its own facts
        return kept
    beaten = {
        b
        for m in kept
        if not has_any(padded, k.beats_unless.get(m.topic, ()))
        for b in k.beats.get(m.topic, ())
    }
    return [m for m in kept if m.topic not in beaten]


def _best(matches: list[_Match]) -> str:
    return max(matches, key=lambda m: (m.narrow, m.weight, -m.order)).topic


def topic(padded: str, k: Knowledge) -> str | None:
    """The one topic a text is about (the first part of `understand`), or None."""
    found = understand(padded, k, scope=False).parts
    return found[0].topic if found else None


def _split(padded: str, matches: list[_Match], k: Knowledge) -> list[Part] | None:
    """Two or more topics joined by a conjunction, each with the parts asked next to it.
    A topic named only by a place ("nhà trọ tôi có người thuê bỏ đi ..., cũng không liên
    lạc được, chủ trọ xóa tạm trú cho họ được không") is where, not a matter of its own,
    when a narrow procedure is named by its own words."""
    placed = {
        m.topic
        for m in matches
        if all(padded[o.start : o.end] in k.places for o in matches if o.topic == m.topic)
    }
    if placed and any(m.narrow and m.topic not in placed for m in matches):
        matches = [m for m in matches if m.topic not in placed]
    order = list(dict.fromkeys(m.topic for m in sorted(matches, key=lambda m: m.start)))
    if len(order) < 2:
        return None

    def joins(start: int, end: int) -> bool:
        left = {m.topic for m in matches if m.end <= start + 1}
        # a conjunction may hold the first word of the next topic ("còn tạm trú ... thì")
        right = {m.topic for m in matches if m.start >= start}
        return any(a != b for a in left for b in right)

    # a conjunction's word inside words that join nothing ("vẫn còn tạm trú ở nhà tôi": still
    # held, not "as for tạm trú") is no cut
    held = [(s, s + len(p)) for p in k.not_joining for s in _positions(padded, p)]
    cuts = sorted(
        at
        for c in k.conjunctions
        for at in _positions(padded, c)
        if joins(at, at + len(c)) and not any(s < at < e - 1 for s, e in held)
    )
    if not cuts:
        return None
    bounds = [0, *cuts, len(padded)]
    asked: dict[str, list[str]] = {t: [] for t in order}
    carry: list[str] = []  # parts asked before any topic is named
    asked_in: list[str] = []  # the topics asked in some clause, in the order asked
    last: list[str] = []
    for start, end in pairwise(bounds):
        inside = [m for m in matches if start <= m.start < end]
        # in one clause a narrow topic is what is asked ("tạm trú còn 1 tháng hết hạn,
        # muốn gia hạn": the extension, not the registration)
        inside = [m for m in inside if m.narrow] or inside
        here = list(dict.fromkeys(m.topic for m in inside))
        asked_in.extend(here)
        said = list(sections(" " + padded[start:end].strip() + " ", k))
        if here:
            for t in here:
                asked[t] += carry + said
            carry, last = [], here
        elif last:
            for t in last:
                asked[t] += said
        else:
            carry += said
    # "tạm trú cho vợ và thường trú cho con cần giấy tờ gì": the parts asked at the
    # end go to every topic that asked none of its own, unless the matters are counted
    # ("cho hỏi 2 việc: ...": each item asks its own)
    # In the order asked: a place named first ("phòng trọ bị cháy tối qua, giờ xin lại giấy
    # tờ ở đâu, rồi đăng ký tạm trú chỗ mới") asks nothing before the clause that asks it.
    named = list(dict.fromkeys(asked_in))
    tail = asked[named[-1]] if named and not has_any(padded, k.counted) else []
    # a part asked in words across a join ("đăng ký tạm trú hay báo lưu trú": which applies,
    # who and when) is asked of every topic named
    said_in_clauses = {s for t in asked for s in asked[t]} | set(carry)
    across = [s for s in sections(padded, k) if s not in said_in_clauses]
    # two procedures offered as alternatives ("đăng ký tạm trú ở trường hay khai tạm vắng ở
    # nhà"): which applies is asked of both, beside any other part
    if any(at in cuts for c in k.alternatives for at in _positions(padded, c)):
        across = [WHETHER, *across]
    return [
        Part(t, tuple(dict.fromkeys([*(asked[t] or tail), *across]))) for t in named[:MAX_PARTS]
    ]


def _listed(padded: str, matches: list[_Match], k: Knowledge) -> list[Part] | None:
    """Procedures named one right after another, a list whose commas the padding dropped
    ("mức phạt khi không đăng ký thường trú, tạm trú"): each is asked, with every part asked
    (None when no two topics' phrases touch)."""
    ordered = sorted(matches, key=lambda m: (m.start, -m.end))
    listed: list[str] = []
    for a, b in pairwise(ordered):
        # (the second named bare: "từ tạm trú sang thường trú" turns one into the other)
        bare = not any(o.topic == b.topic and o.start > b.start and o.end == b.end for o in matches)
        if a.topic != b.topic and b.start == a.end - 1 and bare and not (a.narrow or b.narrow):
            listed += [t for t in (a.topic, b.topic) if t not in listed]
    if len(listed) < 2:
        return None
    asked = sections(padded, k)
    return [Part(t, asked) for t in listed[:MAX_PARTS]]


def _days(padded: str, stays: Stays) -> int | None:
    """The longest stay said ("2 tháng", "một tuần", "vài hôm", "nửa năm"), in days; a
    length a declaration is to cover ("báo 1 lần cho cả năm") is no stay's."""
    said = padded.split()
    covered = [i + 1 for i, word in enumerate(said) if word in stays.covering]

    def covers(at: int) -> bool:
        return len(padded[:at].split()) in covered

    spans = [
        days
        for phrase, days in stays.spans.items()
        if any(not covers(at) for at in _positions(padded, phrase))
    ]
    longest = max(spans) if spans else None
    for i, (count, unit) in enumerate(pairwise(said)):
        if unit not in stays.units or i in covered:
            continue
        number = int(count) if count.isdigit() else stays.numbers.get(count)
        if number is not None:
            # "dưới 30 ngày": shorter than the length said
            before = said[max(i - 2, 0) : i]
            under = bool(stays.under & set(before[-1:])) or " ".join(before) in stays.under
            days = number * stays.units[unit] - (1 if under else 0)
            longest = days if longest is None else max(longest, days)
    return longest


def _dwelt(padded: str, stays: Stays) -> bool:
    """Whether a length is said of living somewhere: a `dwell` word at most `dwell_gap`
    words before a count and its unit, or a span ("ở nhờ mấy bữa")."""
    said = padded.split()

    def start(i: int) -> int:
        # "chưa tới 1 tháng", "dưới 30 ngày": the words saying shorter belong to the length
        if " ".join(said[max(i - 2, 0) : i]) in stays.under:
            return i - 2
        return i - 1 if stays.under & set(said[i - 1 : i]) else i

    lengths = [
        start(i)
        for i, (count, unit) in enumerate(pairwise(said))
        if unit in stays.units and (count.isdigit() or count in stays.numbers)
    ]
    lengths += [len(padded[:at].split()) for span in stays.spans for at in _positions(padded, span)]
    return any(
        word in stays.dwell for i in lengths for word in said[max(i - stays.dwell_gap, 0) : i]
    )


def _so_far(padded: str, stays: Stays) -> bool:
    """A length said as the time so far: a `so_far` word, a count, a unit ("được 2 tuần")."""
    said = padded.split()
    return any(
        word in stays.so_far and (count.isdigit() or count in stays.numbers) and unit in stays.units
        for word, count, unit in zip(said, said[1:], said[2:], strict=False)
    )


def _stay(
    padded: str, parts: list[Part], matches: list[_Match], k: Knowledge, abroad: bool = False
) -> tuple[list[Part], bool]:
    """A family stay decides between lưu trú and tạm trú by its length. With `abroad` (a
    service this line does not handle named: "làm hộ chiếu cho con qua Hàn thăm ba nó"), a
    way of coming and a visit's word say the writer's own trip, no visit."""
    stays = k.stays
    if stays is None:
        return parts, False
    visit = None if abroad else _visit_at(padded, stays)
    said = has_any(padded, stays.phrases) or visit is not None
    misnamed = [p for p in parts if p.topic in stays.leavers]
    if (
        misnamed
        and has_any(padded, stays.hosted)
        and not has_any(padded, stays.trips)
        and not has_any(padded, stays.leaving)
    ):
        # a visit to one's own home, tạm vắng named for it ("ông chú lên chơi 4 hôm, có phải
        # khai tạm vắng", "tạm vắng cho cháu ở nhà tôi 3 ngày"): the one who leaves declares
        # that; the host's stay is what is asked, its length picking lưu trú or tạm trú
        parts = [p for p in parts if p.topic not in stays.leavers]
        said = True
    named = {p.topic for p in parts}
    if not said and not (len(parts) == 1 and named <= {stays.short, stays.long}):
        return parts, False
    if not said and has_any(padded, stays.waits):
        return parts, False  # "nộp hồ sơ 10 ngày mà vẫn đang xử lý": a wait, no stay
    if not said and stays.dwell and not _dwelt(padded, stays):
        # a bare length beside the procedure named ("đăng ký tạm trú 10 ngày rồi, khi nào có
        # kết quả"): as likely the wait for it as a stay; too little to answer another
        return parts, False
    if not said and named == {stays.long} and _so_far(padded, stays):
        # no visit said, the length the time so far ("mới vô làm công nhân được 2 tuần,
        # đăng ký tạm trú cần gì"): how long one has lived here, which goes on, so no more
        # than the least the stay lasts: it never makes the registration named a guest's
        return parts, False
    if not said and has_any(padded, stays.moves):
        # one's own room, lived in so long: no visit to weigh; the guests' declaration named
        # for it ("báo lưu trú cho em được không, em mới thuê trọ 6 tháng") is answered after
        # the tenancy's registration, whose answer says when each applies
        if named == {stays.short} and WHETHER in parts[0].sections:
            return [Part(stays.long, parts[0].sections), parts[0]], False
        return parts, False
    # the stay's length is the one said after the visit, not "đi làm xa 1 năm" before it
    at = min(
        (padded.find(p) for p in stays.phrases if p in padded),
        default=0 if visit is None else visit,
    )
    # a length said as a guess beside "not known yet" is no length: the stay is asked
    days = None if has_any(padded, stays.unknown) else _days(padded[at:], stays)
    if named - {stays.short, stays.long}:
        # a relative's visit said beside another topic is its second part ("khách
        # nước ngoài với cả họ hàng dưới quê lên ở vài hôm")
        # (or anyone's, when a foreigner is said to be among citizens: "mấy đứa bạn của
        # con về chơi 1 tuần, trong đó có 1 đứa người Hàn")
        visitors = _visitors(padded, matches, named, k) or _mixed(padded, k)
        if days is not None and len(parts) < MAX_PARTS and visitors:
            chosen = stays.long if days >= stays.threshold_days else stays.short
            if chosen not in named and len(parts) == 1 and has_any(padded, k.counted):
                # "cho hỏi 2 việc: con mới sinh nhập khẩu sao, với em vợ lên ở 3 tháng thì
                # phải đăng ký gì": each matter asks the parts said with it
                first = Part(parts[0].topic, sections(padded[: at + 1], k), parts[0].notes)
                return [first, Part(chosen, sections(padded[at:], k))], False
            if chosen not in named:
                return [*parts, Part(chosen, sections(padded, k))], False
        return parts, False
    if len(parts) > 1 and len({m.start < at for m in matches if m.topic in named}) > 1:
        # the two named on either side of the visit are two matters ("em đăng ký tạm trú
        # ở phòng mới, còn em trai lên ở 1 tuần thì báo lưu trú"); both on one side, the
        # visit's length picks one ("tạm trú hay lưu trú, mẹ lên ở 2 tuần")
        return parts, False
    if days is None:
        # the length said unknown ("ở chừng 10 ngày, mà có khi ở luôn"), the stay named only
        # by where it is ("phòng trọ"): which stay, asked, never the place's own procedure
        placed = all(padded[m.start : m.end] in k.places for m in matches if m.topic in named)
        if said and parts and placed and has_any(padded, stays.unknown):
            return [], True
        return parts, said and not parts
    chosen = stays.long if days >= stays.threshold_days else stays.short
    settle = stays.settle
    if (
        not parts
        and settle is not None
        and settle.married_days
        and days >= settle.married_days
        and has_any(padded, settle.married)
        and not has_any(padded, stays.family)
    ):
        # (round 35) a spouse living at the other's home for years since the marriage, nothing
        # named ("chồng tôi ở nhà vợ từ lúc cưới tới giờ 5 năm"): that home is theirs, its
        # registration thường trú (Điều 20 Luật Cư trú: vợ về ở với chồng), no stay of a term
        chosen = settle.topic
    asked = parts[0].sections if parts else sections(padded, k)
    if (
        len(parts) == 1
        and parts[0].topic != chosen
        and WHETHER in asked
        and _named_procedure(padded, parts[0], matches, k)
        # (round 30) a relative's short visit, tạm trú named ("em gái ở quê lên chơi 5 ngày,
        # có phải đăng ký tạm trú cho nó"): lưu trú alone, whose answer says when tạm trú
        # applies; tạm trú's facts are another procedure's for a guest of days (not one's own
        # room rented after: "ở nhờ nhà chị họ 2 tuần rồi mới thuê phòng trọ")
        and not (chosen == stays.short and kin_said(padded, k) and not has_any(padded, k.places))
    ):
        # whether the other procedure, named by the citizen, will do ("ở nhà bạn 45 ngày thì
        # báo lưu trú là được phải không"): what applies first, then what they named, whose
        # answer says when it applies. Not asked whether ("đăng ký tạm trú cho mẹ lên chơi 5
        # ngày"), or a place named ("phòng trọ", no procedure): the length picks one.
        return [Part(chosen, asked), parts[0]], False
    return [Part(chosen, asked)], False


def away(padded: str, k: Knowledge) -> list[Part]:
    """Someone of the home said to leave for a length said, nothing named ("ba em về quê
    nuôi bà nội bệnh chắc 1 năm rưỡi, nhà để trống, có cần báo gì với phường không"): the
    absence's declaration (tạm vắng), whose answer says who must and after how long. Asked
    once no procedure, stay or subject was found (assistant.answer)."""
    stays = k.stays
    if stays is None or not stays.leavers or not has_any(padded, stays.leaving):
        return []
    at = min(padded.find(p) for p in stays.leaving if p in padded)
    if _days(padded[at:], stays) is None:
        return []
    return [Part(min(stays.leavers), sections(padded, k))]


def _visit_at(padded: str, stays: Stays) -> int | None:
    """Where a visit said as a way of coming then a visit's word begins ("vô SG chơi 1
    tuần"), the place between; None when none is said."""
    if not stays.comes or not stays.visits:
        return None
    found = _cached((stays.comes, stays.visits, stays.visit_gap), _near_pattern).search(padded)
    return None if found is None else found.start()


def _trip(padded: str, parts: list[Part], k: Knowledge) -> list[Part]:
    """One's own trip away of a length said, the long stay asked beside tạm vắng ("đi công
    tác Hà Nội 1 tuần, khai tạm trú hay tạm vắng"): under the threshold, the stay where one
    goes is the short one, declared by the host."""
    stays = k.stays
    if stays is None or not has_any(padded, stays.trips):
        return parts
    named = {p.topic for p in parts}
    if stays.long not in named or stays.short in named:
        return parts
    at = min(padded.find(p) for p in stays.trips if p in padded)
    days = _days(padded[at:], stays)
    if days is None or days >= stays.threshold_days:
        return parts
    return [Part(stays.short, p.sections, p.notes) if p.topic == stays.long else p for p in parts]


def _named_procedure(padded: str, part: Part, matches: list[_Match], k: Knowledge) -> bool:
    """Whether a part's topic is named by a phrase of its own, not only by a place."""
    return any(m.topic == part.topic and padded[m.start : m.end] not in k.places for m in matches)


def kin_said(padded: str, k: Knowledge) -> bool:
    """Whether a relative is said ("người nhà", "mẹ chồng", "ông bà"): a citizen's stay."""
    stays = k.stays
    if stays is None:
        return False
    kin = stays.settle.kin if stays.settle is not None else ()
    return has_any(padded, stays.family) or has_any(padded, kin)


def _stay_choices(padded: str, k: Knowledge) -> tuple[str, ...]:
    """What a stay of no length said may be: short or long, and, for kin come to live
    with their family for good ("ông bà già lên ở chung"), a permanent registration."""
    stays = k.stays
    assert stays is not None  # asked only by the stays rule
    settling = stays.settle is not None and has_any(padded, stays.settle.kin)
    if (
        stays.settle is not None
        and has_any(padded, stays.settle.married)
        and not settling
        and not has_any(padded, stays.family)
    ):
        # a spouse come to live with their family ("vợ chồng em mới cưới, em về ở nhà ngoại
        # luôn"): a registration there, tạm trú or thường trú (Điều 20), never a short stay;
        # kin said to come beside the marriage are the ones asked about
        return (stays.long, stays.settle.topic)
    if settling and stays.settle is not None and has_any(padded, stays.settle.together):
        if has_any(padded, stays.settle.for_good):
            # come for good ("mẹ em muốn lên ở với em luôn"): never a short stay
            return (stays.long, stays.settle.topic)
        return (stays.short, stays.long, stays.settle.topic)
    return (stays.short, stays.long)


def _tenants(padded: str, parts: list[Part], k: Knowledge) -> list[Part]:
    """Citizens renting beside a foreigner ("chủ trọ cho người VN thuê, mới có thêm 1 anh
    người Đài Loan thuê phòng, khai báo sao cho cả 2"): their tạm trú is the second part
    when no stay of theirs is named."""
    stays = k.stays
    named = {p.topic for p in parts}
    if (
        stays is None
        or not parts
        or named & {stays.short, stays.long}
        or len(parts) >= MAX_PARTS
        or not has_any(padded, stays.rent)
    ):
        return parts
    return [*parts, Part(stays.long, sections(padded, k))]


def _visitors(padded: str, matches: list[_Match], named: set[str], k: Knowledge) -> bool:
    """Whether a relative is said who is not the person of another topic named ("em họ
    em là Việt kiều Mỹ, mang hộ chiếu Mỹ": the relative is the foreigner)."""
    stays = k.stays
    assert stays is not None
    others = [m for m in matches if m.topic in named - {stays.short, stays.long}]
    for phrase in stays.family:
        for at in _positions(padded, phrase):
            before = padded[:at].split()[-1:]
            if before and before[0] in stays.hosts:
                continue  # "ở nhà ba mẹ tôi": whose home, not who comes
            if has_any(" " + " ".join(padded[at:].split()[:CHOICE_WORDS]) + " ", stays.chooses):
                continue  # "khai báo cho anh ấy, ba mẹ em hay em": who declares, asked
            if any(padded[: at + 1].endswith(w) for w in stays.lives_with):
                continue  # "em ở chung với ba mẹ": the household, not who comes
            after = padded[at + len(phrase) - 1 :].split()[: stays.same_person_gap]
            # up to a conjunction: past it is someone else ("ông chú ở quê lên, với ông
            # bạn người Hàn")
            joins = [i for i, w in enumerate(after) if f" {w} " in k.conjunctions]
            after = after[: joins[0]] if joins else after
            reach = at + len(phrase) + sum(len(w) + 1 for w in after)
            if not any(at + len(phrase) - 1 <= m.start <= reach for m in others):
                return True
    return False


def _beats(padded: str, service: OutOfScope) -> bool:
    return has_any(padded, service.beats_with) or near(padded, service.beats_near)


def _held(padded: str, at: int, k: Knowledge) -> bool:
    """Whether the words at `at` are a paper said as held or travelled on ("về bằng hộ
    chiếu Việt Nam", "không có căn cước gắn chip"): a `held` word right before a paper."""
    before = padded[: at + 1]
    return any(before.endswith(w) for w in k.held) and any(
        padded.startswith(paper, at) for paper in k.held_papers
    )


def _out_of_scope(
    padded: str, found: list[_Match], k: Knowledge, held: bool = False
) -> OutOfScope | None:
    """The service this line does not handle that a text asks; with `held`, a paper said
    as held or travelled on (`_held`) asks none."""
    citizens = _citizen_spans(padded, k)
    for service in k.out_of_scope:
        # "phạt người thuê hay phạt chủ trọ": a fine's person, not "phạt nguội"
        text = _masked(padded, service.unless_inside) if service.unless_inside else padded
        if not has_any(text, service.phrases):
            if near(padded, service.near) and not found:
                return service  # "cccd của con em sai ngày sinh": named with words apart
            continue
        # a topic this service beats, said with its words ("làm lại căn cước gắn chip bị
        # sai ngày sinh": a card to correct, not a lost one), keeps none of them
        acted = _beats(padded, service)
        beaten = service.beats if acted else frozenset()
        topics = [m for m in found if m.topic not in beaten]
        for phrase in service.phrases:
            if topics and phrase in k.proofs:
                continue  # "chị em không có sổ đỏ ... đăng ký được không": the topic's papers
            for at in _positions(text, phrase):
                # words shared with a topic's phrase are the topic's ("mất bằng lái xe"),
                # and a citizen's own passport says who they are ("vẫn còn quốc tịch và
                # hộ chiếu Việt Nam"), not a passport asked for
                if (
                    not any(m.start < at + len(phrase) - 1 and at < m.end - 1 for m in topics)
                    and not any(s <= at and at + len(phrase) <= e for s, e in citizens)
                    # the paper a person holds, beside a residence matter asked, says who
                    # they are or how they came: the service is not what is asked
                    # (an act on it said, "hộ chiếu hết hạn", still asks its office)
                    and not (held and not acted and _held(padded, at, k))
                ):
                    return service
    return None


def _masked(padded: str, phrases: tuple[str, ...]) -> str:
    """`padded` with each of `phrases` blanked out, its length kept (positions hold)."""
    for phrase in phrases:
        for at in list(_positions(padded, phrase)):
            padded = _blanked(padded, at, at + len(phrase))
    return padded


def _blanked(padded: str, start: int, end: int) -> str:
    """The space-padded words in [start, end) blanked, their padding spaces kept."""
    return padded[: start + 1] + " " * (end - start - 2) + padded[end - 1 :]


def understand(padded: str, k: Knowledge, scope: bool = True) -> Understanding:
    """The topics a (normalised) text asks about, in order, with their parts; with
    `scope`, also a service the text names that this line does not handle.

    A paper of such a service said as held or travelled on ("về bằng hộ chiếu Việt Nam, ở
    nhà tôi 10 ngày có phải khai gì") says who the person is: read without it first; only
    when nothing else is understood does the paper alone point to its office."""
    got = _understand(padded, k, scope, held=True)
    if scope and got.out_of_scope is None and not _understood(got):
        alone = _understand(padded, k, scope, held=False)
        if alone.out_of_scope is not None:
            return alone
    return got


# Where a written question ends and the next begins: a question mark, a semicolon, a line
# break, or a list's number ("1)", "2.", "2/"); commas and full stops join a story to its
# question too often to part them.
_LIST_NUMBER = r"(?:^|\s)[1-9][).:/](?=\s|$)"
_CLAUSE_END = re.compile(rf"[?？;\n]+|{_LIST_NUMBER}")


def asked_apart(text: str, k: Knowledge) -> tuple[Part, ...]:
    """Two questions written apart, each naming its own procedure and asking of it ("1) đăng
    ký tạm trú thế nào; 2) giấy xác nhận cư trú xin ở đâu?"): each is a part, in the order
    written, with the parts asked beside it. A clause asks when it ends with a question mark,
    is a list's item or says how it is done (`how`); one that only tells ("em có tạm trú
    rồi.") names its procedure as the other's premise. Empty
    unless at least two procedures are so asked."""
    marks = [m.group() for m in _CLAUSE_END.finditer(text)]
    if not marks:  # one clause: what `understand` read of the whole text already
        return ()
    marks.append("")
    found: list[Part] = []
    numbered = bool(re.search(_LIST_NUMBER, text))
    pieces = _CLAUSE_END.split(text)
    for piece, mark in zip(pieces, marks, strict=True):
        padded = normalise(piece, k)
        if len(padded.split()) < 3:
            continue
        got = understand(padded, k, scope=False)
        if len(got.parts) != 1 or got.doubt or got.ask_stay or got.ask_event or got.handoff:
            continue
        part = got.parts[0]
        said_asked = "?" in mark or "？" in mark or numbered
        if not (said_asked or has_any(padded, k.how)):
            continue
        if all(part.topic != p.topic for p in found):
            found.append(part)
    return tuple(found[:MAX_PARTS]) if len(found) > 1 else ()


def required_elsewhere(padded: str, k: Knowledge) -> bool:
    """A residence paper asked as required ("có cần tạm trú không", `handoff.required`) of
    an act on something no residence matter or known service is ("xin giấy phép bán rượu",
    "đăng ký gói internet", "làm thẻ thư viện": `handoff.acts`), nothing else of the
    question understood without those words: whether that thing needs the paper is its
    office's rule, which the data does not hold. The paper's own facts would answer
    another question (who must register), so the reading is unsure."""
    if not has_any(padded, k.handoff_required) or not has_any(padded, k.handoff_acts):
        return False
    # who asks and where they live say nothing of what is asked ("mở tài khoản ngân hàng
    # người nước ngoài", "gói internet cho phòng trọ"): read without them too
    rest = _masked(_masked(padded, k.handoff_required), (*k.places, *k.persons))
    return not _understood(understand(rest, k))


def who_only(padded: str, k: Knowledge) -> bool:
    """Every topic the text names is named by a person's words alone (`persons`: "kỹ sư
    người Ấn Độ", "người nước ngoài"): they say who another office's matter is for ("xin
    giấy phép lao động cho kỹ sư người Ấn Độ nộp ở đâu"), not a stay asked; a residence verb
    said beside them ("kỹ sư người Nhật thuê nhà tôi, tôi khai báo thế nào") asks their stay.
    A place or a why (`places`: "phòng trọ", "để đi xuất khẩu lao động") says where or what
    for, as a person's words say who ("xin lý lịch tư pháp để đi xuất khẩu lao động")."""
    rest = _masked(padded, (*k.persons, *sorted(k.places, key=len, reverse=True)))
    verbs = tuple(p for phrases, *_ in k.vague_fallbacks for p in phrases)
    return not has_any(rest, verbs) and not _understood(understand(rest, k, scope=False))


def _without_papers_required(padded: str, found: list[_Match], k: Knowledge) -> list[_Match]:
    """`found` without the residence papers asked as required ("có cần hộ khẩu không",
    `handoff.required`) beside a service this line does not handle ("làm hộ chiếu cho con
    có cần hộ khẩu không"): whether its file needs the paper is that office's rule, and the
    paper's own facts (who must register) would answer another question. A procedure
    named outside those words is still asked."""
    spans = [(at, at + len(p)) for p in k.handoff_required for at in _positions(padded, p)]
    return [m for m in found if not any(s <= m.start and m.end <= e for s, e in spans)]


def _understood(got: Understanding) -> bool:
    return bool(got.parts or got.ask_stay or got.ask_event or got.doubt or got.handoff)


def _understand(padded: str, k: Knowledge, scope: bool, held: bool) -> Understanding:
    found = _without_citizens(padded, _matches(padded, k), k)
    outside = _out_of_scope(padded, found, k, held) if scope else None
    if outside is not None and k.places:
        # "phòng trọ bị cắt điện": the room is where, the electricity is what is asked
        found = [m for m in found if padded[m.start : m.end] not in k.places]
        if outside.service in k.persons_services and all(
            _a_person(padded[m.start : m.end], k) for m in found
        ):
            # "đăng ký kết hôn với người nước ngoài": a person the service concerns, no stay
            found = []
    if outside is not None:
        found = _without_papers_required(padded, found, k)
    beaten: frozenset[str] = frozenset()
    if outside is not None and outside.beats and _beats(padded, outside):
        # "căn cước bị gãy, làm lại có cần giấy xác nhận cư trú không": the card's
        # office is asked, and the residence paper is one it asks for (an everyday
        # phrasing of those topics too: "nhập khẩu về ... có phải đổi biển số không")
        beaten = outside.beats
        found = [m for m in found if m.topic not in beaten]
    mixed = _mixed(padded, k)
    matches = _kept(found, k, padded, mixed)
    # premises first: one's registration held elsewhere ("hộ khẩu vẫn ở Gò Vấp") leaves the
    # house one rents here ("e thuê nhà ở Tân Phú") as what is asked, bare as it is
    matches, said_done = _without_premises(padded, matches, k, outside is not None)
    matches = _without_bare(padded, matches, k)
    matches = matches if mixed else _without_places(padded, matches, k)
    matches = _without_others_objects(padded, matches, k)
    matches = _without_persons(padded, matches, k)
    named = {m.topic for m in matches}
    # an everyday phrasing overlapping a premise's words names nothing either ("vừa nhập hộ
    # khẩu về nhà ngoại xong": "nhập hộ khẩu về" is done, not asked)
    unsaid = functools.reduce(lambda text, span: _blanked(text, *span), said_done, padded)
    intent = next(
        (
            i
            for i in k.intents
            if i.topic not in beaten
            and has_any(unsaid, i.phrases)
            # words apart ("hộ khẩu ... bị xóa"): only when no phrase names that topic
            and (not i.with_ or (has_any(padded, i.with_) and i.topic not in named))
            and (not i.beside or has_any(padded, i.beside))
        ),
        None,
    )
    notes: tuple[Line, ...] = ()
    if intent is not None and has_any(padded, intent.yields_to):
        # another procedure named outside the everyday phrasing is what is asked ("sổ hộ
        # khẩu bỏ rồi thì giờ nhập hộ khẩu kiểu gì": thường trú); the phrasing's line is
        # still said first
        spans = [(at, at + len(p)) for p in intent.phrases for at in _positions(padded, p)]
        apart = [m for m in matches if not any(a < m.end - 1 and m.start < b - 1 for a, b in spans)]
        if any(
            m.topic != intent.topic and padded[m.start : m.end] in intent.yields_to for m in apart
        ):
            matches, notes, intent = apart, intent.notes, None
    parts: list[Part]
    if intent is not None:
        parts = [Part(intent.topic, sections(padded, k), intent.notes)]
        # a narrow procedure named by its own phrase after the phrasing, joined by a
        # conjunction ("sổ hộ khẩu cháy mất, giờ lấy gì chứng minh nơi ở, với lại ba mất rồi
        # cắt khẩu cho ông sao"): a second matter, answered after it (not a phrase another
        # office's service shares: "làm lại căn cước" with no loss is the card office's)
        said_at = min(at for p in intent.phrases for at in _positions(unsaid, p))
        after = [
            m.topic
            for m in sorted(matches, key=lambda m: m.start)
            if m.narrow
            and m.topic != intent.topic
            and not any(padded[m.start : m.end] in s.phrases for s in k.out_of_scope)
            and m.start > said_at
            and any(said_at < at < m.start for c in k.conjunctions for at in _positions(padded, c))
        ]
        parts += [Part(t, sections(padded, k)) for t in dict.fromkeys(after)][: MAX_PARTS - 1]
        if intent.with_:
            # a phrasing of words apart beside a narrow procedure named by its own phrase
            # ("trước khi đi bao lâu phải khai tạm vắng, với lại hộ khẩu ở nhà có bị xóa
            # không"): two matters, both answered
            # (joined by a conjunction; "tạm trú hết hạn rồi có bị xóa không" is one matter)
            said_at = min(at for p in intent.phrases for at in _positions(padded, p))
            joined = [
                m.topic
                for m in sorted(matches, key=lambda m: m.start)
                if m.narrow
                and any(
                    m.end - 1 <= at < said_at
                    for c in k.conjunctions
                    for at in _positions(padded, c)
                )
            ]
            others = [t for t in dict.fromkeys(joined) if t != intent.topic]
            asked = sections(padded, k)
            parts = [Part(t, asked) for t in others[: MAX_PARTS - 1]] + parts
    elif not matches:
        parts = []
    else:
        parts = (
            _split(padded, matches, k)
            or _named_apart(padded, matches, k, mixed)
            or _listed(padded, matches, k)
            or [Part(_best(matches), sections(padded, k))]
        )
    parts, ask = (
        _stay(padded, parts, matches, k, outside is not None) if intent is None else (parts, False)
    )
    ask_stay = _stay_choices(padded, k) if ask else ()
    if mixed and intent is None:
        parts = _tenants(padded, parts, k)
    parts = _follow_ups(padded, parts, k, matches, unsaid)
    parts = _trip(padded, parts, k)
    if notes and parts:
        parts[0] = Part(parts[0].topic, parts[0].sections, notes)
    # a stay to ask about is a procedure matched too: a word may still point to another
    # ("cô tui Việt kiều Úc về chơi": a citizen's stay or a foreigner's, asked which)
    asked_stay = [Part(t, ()) for t in ask_stay[:1]]
    if _handed_off(padded, outside, k):
        # a file stuck or a party refusing ("phường nhắn bổ sung mà không nói bổ sung gì"):
        # a person answers, whatever procedure is named
        return Understanding(tuple(parts), (), outside, None, (), True)
    if (told := _event(padded, parts, outside, k, ask_stay)) is not None:
        # a life event told ("bán nhà rồi, tên cả nhà phải đưa ra"): the procedures it leads
        # to, or which of them, asked; a doubt its words raised is settled by it
        event_parts, ask_event, outside = told
        # a word may still point to another procedure ("Việt kiều về thuê nhà"): asked which
        doubt = _doubt(padded, event_parts, k) if event_parts else None
        return Understanding(tuple(event_parts), (), outside, doubt, ask_event)
    doubt = _doubt(padded, parts or asked_stay, k, bool(parts), unsaid) if intent is None else None
    return Understanding(tuple(parts), () if doubt else ask_stay, outside, doubt)


def _told(padded: str, event: Event) -> bool:
    """Whether a text tells `event`: a word of each class, a near pair if it has any, and
    none of its `none` words."""
    return (
        all(has_any(padded, words_) for words_ in event.all_)
        and (not event.near or any(near(padded, spec) for spec in event.near))
        and not has_any(padded, event.none)
    )


def _handed_off(padded: str, outside: OutOfScope | None, k: Knowledge) -> bool:
    """Whether a hand-off event is told (not beside a service this line does not handle,
    unless the event holds it)."""
    return any(
        event.hand_off
        and (outside is None or outside.service in event.over_services)
        and _told(padded, event)
        for event in k.events
    )


def _event(
    padded: str,
    parts: list[Part],
    outside: OutOfScope | None,
    k: Knowledge,
    ask_stay: tuple[str, ...] = (),
) -> tuple[list[Part], tuple[str, ...], OutOfScope | None] | None:
    """The first life event (`events`) a question tells, when nothing else named is asked
    (only topics its own words match, `over`, or a service it holds, `over_services`, or a
    stay to ask about of those topics): the
    parts it leads to, or the procedures to ask between, and the service left; None when no
    event is told. Its leads without `when` are always answered, those with `when` when one
    of their words is said; none of them so: which of the leads, asked (unless the event
    does not `ask`: then other rules read the question)."""
    named = {p.topic for p in parts}
    for event in k.events:
        if event.hand_off:
            continue
        if outside is not None and outside.service not in event.over_services:
            continue
        # its procedure named already ("bán nhà, thủ tục xóa đăng ký thường trú"): the
        # question says what it asks, the event adds nothing
        if not named <= event.over or named & {lead.topic for lead in event.leads if not lead.when}:
            continue
        # a stay of no length to ask about ("về ở nhà chồng"): only an event whose words it is
        # ("đưa em vô chung hộ nhà chồng") says what is asked instead
        if not set(ask_stay) <= event.over:
            continue
        if not _told(padded, event):
            continue
        chosen = [lead.topic for lead in event.leads if not lead.when or has_any(padded, lead.when)]
        if not chosen and not event.ask:
            continue  # nothing said to choose by, and the event asks nothing: other rules do
        if not chosen:
            return [], tuple(dict.fromkeys(lead.topic for lead in event.leads)), None
        asked = sections(padded, k)
        kept = {p.topic: p for p in parts}
        event_parts = [
            Part(t, kept[t].sections if t in kept else asked, kept[t].notes if t in kept else ())
            for t in list(dict.fromkeys(chosen))[:MAX_PARTS]
        ]
        return event_parts, (), None
    return None


def _mixed(padded: str, k: Knowledge) -> bool:
    """Citizens said to be among a foreigner's group, not only compared with."""
    return (
        has_any(padded, k.mixed_groups)
        and not has_any(padded, k.mixed_unless)
        and not near(padded, k.mixed_done)
    )


def _without_citizens(padded: str, found: list[_Match], k: Knowledge) -> list[_Match]:
    """A topic phrase inside words saying a person is a citizen ("định cư ở Canada, vẫn
    còn quốc tịch Việt Nam") names nothing: a citizen abroad is never a foreigner."""
    spans = _citizen_spans(padded, k)
    found = [m for m in found if not any(s <= m.start and m.end <= e for s, e in spans)]
    own = k.self_citizen
    if own is not None and has_any(padded, own.phrases) and not has_any(padded, own.unless):
        # the writer says they are a citizen ("Hi, I'm Vietnamese, my landlord says I must
        # register temporary residence"): English alone no longer makes them a foreigner,
        # so the words that assumed it name no foreigner's stay (a foreigner they name does)
        found = [
            m for m in found if m.topic != own.topic or padded[m.start : m.end] not in own.assumed
        ]
        # (round 35) a country said come back from ("I'm Vietnamese, back from the US after
        # 20 years"): where the citizen lived, no foreigner's origin
        found = [
            m
            for m in found
            if m.topic != own.topic or not any(padded[: m.start + 1].endswith(b) for b in own.back)
        ]
    return found


def _citizen_spans(padded: str, k: Knowledge) -> list[tuple[int, int]]:
    spans = [(at, at + len(c)) for c in k.citizens for at in _positions(padded, c)]
    # a Vietnamese passport said held or travelled on ("về bằng hộ chiếu Việt Nam", "cầm hộ
    # chiếu VN"): a citizen, whatever word says they hold it (`held`)
    for own in k.citizen_passports:
        spans += [(at, at + len(own)) for at in _positions(padded, own) if _held(padded, at, k)]
    return spans


def _without_bare(padded: str, matches: list[_Match], k: Knowledge) -> list[_Match]:
    """A topic named only by a bare word ("làm mất", the thing lost not named) beside
    another topic is that other topic's premise ("sổ ... làm mất rồi, giờ nhập khẩu cho
    con dâu có cần sổ không": the registration is asked)."""
    bare = {
        t
        for t, phrases in k.bare.items()
        if any(m.topic == t for m in matches)
        and all(padded[m.start : m.end] in phrases for m in matches if m.topic == t)
    }
    if not bare or all(m.topic in bare for m in matches):
        return matches
    return [m for m in matches if m.topic not in bare]


def _without_others_objects(padded: str, matches: list[_Match], k: Knowledge) -> list[_Match]:
    """A topic's bare verb said of another thing within a few words ("giấy phép lao động hết
    hạn, gia hạn ở đâu", "thẻ BHYT hết hạn thì gia hạn chỗ nào"): that thing is renewed, not
    a residence registration; the verb names nothing (a registration named by its own words
    still counts)."""
    if not k.verb_objects:
        return matches
    said = padded.split()

    def others_object(m: _Match) -> bool:
        verbs, objects, gap = k.verb_objects[m.topic]
        if padded[m.start : m.end] not in verbs:
            return False
        start = len(padded[: m.start].split())  # the verb's words
        end = start + len(padded[m.start : m.end].split())
        # the thing said run out just before ("giấy phép lao động của chồng tôi hết hạn, giờ
        # gia hạn ở đâu"): looked for before where it ran out
        ran_out = [
            i
            for i in range(max(start - gap, 0), start)
            if said[i : i + 2] in (["het", "han"], ["qua", "han"])
        ]
        anchor = ran_out[0] if ran_out else start
        # what ran out is said before it, however long ("thẻ bảo hiểm y tế cho con 3 tuổi bị hết
        # hạn"): looked for back to the text's start, or to a topic named before it ("tạm trú
        # của em ở trọ gần chỗ làm hết hạn": the registration ran out)
        if ran_out:
            ends = (len(padded[: o.end].split()) for o in matches if o is not m)
            first = max((i for i in ends if i <= anchor), default=0)
        else:
            first = max(anchor - 2 * gap, 0)
        near = " " + " ".join(said[first : end + gap]) + " "
        return has_any(near, objects)

    return [m for m in matches if not (m.topic in k.verb_objects and others_object(m))]


def _without_premises(
    padded: str, matches: list[_Match], k: Knowledge, outside: bool = False
) -> tuple[list[_Match], list[tuple[int, int]]]:
    """A topic's words said of what already is ("đi xuất khẩu lao động 5 năm mới về",
    "nhà em có thường trú ở đây rồi", "đã có quốc tịch Canada") name nothing beside
    another matter asked, a service this line does not handle (`outside`) among them
    ("đăng ký kết hôn ở phường nào, em hộ khẩu Long An"): they are its premise. Also the
    spans of the premises said, whose words name no everyday phrasing either."""
    stay = k.stays is not None and has_any(padded, k.stays.phrases)
    said: list[tuple[int, int]] = []
    for premise in k.premises:
        others = {m.topic for m in matches} - {premise.topic}
        asked = others & premise.beside if premise.beside else (others or stay or outside)
        if not asked or (premise.with_ and not has_any(padded, premise.with_)):
            continue
        if has_any(padded, premise.unless):  # whether it holds is asked, not told
            continue
        spans = [(at, at + len(p)) for p in premise.phrases for at in _positions(padded, p)]
        said += spans
        matches = [
            m
            for m in matches
            if m.topic != premise.topic or not any(s <= m.start and m.end <= e for s, e in spans)
        ]
    return matches, said


def _national_persons(nationals: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    """Every person or kin word before a nation (`nationals`), folded and padded: "chong dai
    loan", "ky su han quoc" typed without marks name a foreigner as "người nước ngoài" does."""
    persons, kin, nations = nationals[0], nationals[1], nationals[2]
    said: set[str] = set()
    for who in (*persons, *kin):
        for nation in nations:
            said.add(" " + " ".join(words(f"{who} {nation}")) + " ")
    return frozenset(said)


def _a_person(phrase: str, k: Knowledge) -> bool:
    """A topic's phrase that only says who: a person's words (`persons`), or a person or
    kin word before a nation typed without marks ("chồng Đài Loan" typed "chong dai loan":
    written with marks, the nationals rule already says "quốc tịch", one of `persons`)."""
    return phrase in k.persons or phrase in _cached(k.nationals, _national_persons)


def _without_persons(padded: str, matches: list[_Match], k: Knowledge) -> list[_Match]:
    """A person's words beside a matter they are a party to ("nhân viên người Philippines
    bị mất hộ chiếu") say who, not a stay asked, when nothing else names that stay."""
    if not any(m.topic in k.persons_topics for m in matches):
        return matches
    said = {m.topic: True for m in matches}
    for m in matches:
        said[m.topic] = said[m.topic] and _a_person(padded[m.start : m.end], k)
    only = {t for t, person in said.items() if person} - k.persons_topics
    return [m for m in matches if m.topic not in only]


def _without_places(padded: str, matches: list[_Match], k: Knowledge) -> list[_Match]:
    """A topic named only by a place ("phòng trọ", "nhà nghỉ": `places`) is where, not a
    matter of its own, beside another procedure named by its own words ("có phòng trọ, bạn
    ở 3 năm xin nhập hộ khẩu vào địa chỉ trọ": thường trú; "nhân viên nhà nghỉ ở luôn tại
    nhà nghỉ có phải đăng ký tạm trú không": tạm trú). Not in a group with a foreigner among
    citizens ("homestay nhận cả khách Việt lẫn khách nước ngoài"): the place is the citizens'
    guests' matter beside the foreigners' (the caller's `mixed`)."""
    placed = {
        m.topic
        for m in matches
        if all(padded[o.start : o.end] in k.places for o in matches if o.topic == m.topic)
    }
    if placed and any(m.topic not in placed for m in matches):
        return [m for m in matches if m.topic not in placed]
    return matches


def _named_apart(
    padded: str, matches: list[_Match], k: Knowledge, mixed: bool = False
) -> list[Part] | None:
    """Two narrow procedures each named by its own words with no conjunction between
    ("mất căn cước thì xin giấy xác nhận cư trú tạm được không", "tạm trú hết hạn rồi,
    xin xác nhận cư trú được không"): both are asked, so both are answered. In a group
    with a foreigner among citizens, every topic named counts (the citizens' tạm trú too)."""
    counted = (m for m in sorted(matches, key=lambda m: m.start) if m.narrow or mixed)
    named = list(dict.fromkeys(m.topic for m in counted))
    if len(named) < 2:
        return None
    asked = sections(padded, k)
    return [Part(t, asked) for t in named[:MAX_PARTS]]


def _follow_ups(
    padded: str, parts: list[Part], k: Knowledge, matches: list[_Match], unsaid: str
) -> list[Part]:
    """The second topic a question also asks ("tạm trú cũ có phải xóa không, chỗ mới làm
    lại từ đầu hả": removing the old registration and making the new one); its words said
    of what already is (`unsaid` blanks the premises: "bên đó e có đk tạm trú rồi") ask
    nothing."""
    said = {m.topic for m in matches}
    for follow in k.follow_ups:
        named = {p.topic for p in parts}
        # a topic named that silences the one to add is what is asked of it ("tạm trú ở
        # trọ có bị hết hạn không, có cần gia hạn": its renewal, not a new registration)
        # (one told as past, "hết hạn 2 tuần rồi, làm lại từ đầu": no longer what `when` does)
        silenced = not follow.after[0] and any(
            follow.add in k.beats.get(t, ()) and not has_any(padded, k.beats_unless.get(t, ()))
            for t in named
        )
        if follow.after[0] and not (
            near(padded, follow.after) and not has_any(padded, follow.after_none)
        ):
            continue
        if (
            follow.when in named
            and follow.add not in named
            # a topic that is the new registration, named anywhere, even added after
            and not (named | said) & follow.unless
            and not silenced
            and len(parts) < MAX_PARTS
            and _said_apart(
                _removed_blanked(unsaid, follow.said_removed),
                follow.phrases,
                [m for m in matches if m.topic != follow.add],
            )
            and (not follow.with_ or has_any(padded, follow.with_))
            and not has_any(padded, follow.none)
        ):
            parts = [*parts, Part(follow.add, sections(padded, k))]
    return parts


def _removed_blanked(padded: str, spec: tuple[tuple[str, ...], tuple[str, ...], int]) -> str:
    """`padded` with each registration said as what is removed ("tạm trú ở đây có bị xóa
    không": its removal asked, written apart) blanked: it asks no registration."""
    if not spec[0] or not spec[1]:
        return padded
    for hit in list(_cached(spec, _near_pattern).finditer(padded)):
        padded = _blanked(padded, hit.start(), hit.end())
    return padded


def _said_apart(padded: str, phrases: tuple[str, ...], others: list[_Match]) -> bool:
    """Whether one of the phrases is said apart from another topic's phrase, sharing no word
    with it ("tạm trú" in "xóa tạm trú" is the removal's, no new registration asked; "tạm
    trú được tối đa" in "gia hạn tạm trú được tối đa" the renewal's)."""
    return any(
        not any(o.start < at + len(p) - 1 and at < o.end - 1 for o in others)
        for p in phrases
        for at in _positions(padded, p)
    )


def _doubt(
    padded: str,
    parts: list[Part],
    k: Knowledge,
    named_here: bool = True,
    unsaid: str | None = None,
) -> tuple[str, str] | None:
    """The topic matched and another one a word of the question points to, if any
    (`doubts_of` only of a topic the words name, `named_here`: never a stay asked about).
    A word inside a premise said (`unsaid` blanks them: "thường trú cũ bị xóa rồi, giờ đăng
    ký lại") tells what already is, pointing to no procedure."""
    named = {p.topic for p in parts}
    for topic, signals in k.doubts if parts else ():
        if (
            topic not in named
            and not named & k.doubts_beside.get(topic, frozenset())
            and has_any(padded if unsaid is None else unsaid, signals)
            and not has_any(padded, k.doubts_unless.get(topic, ()))
        ):
            return parts[0].topic, topic
    # (one read only beside its topic alone, no part asked: "khai báo sao, qua app được không"
    # asks the topic's own parts)
    for matched, other, signals, unless in k.doubts_of if named and named_here else ():
        if (
            named == {matched}
            and has_any(padded, signals)
            and not has_any(padded, unless)
            and not sections(padded, k)
        ):
            return matched, other
    return None


def near(padded: str, spec: tuple[tuple[str, ...], tuple[str, ...], int]) -> bool:
    """Whether one of the first words of `spec` is followed, at most its gap words
    later, by one of the second ("nói chuyện trực tiếp với cán bộ"). `spec` is a
    tuple the knowledge holds (its pattern is built once)."""
    if not spec[0] or not spec[1]:
        return False
    return _cached(spec, _near_pattern).search(padded) is not None


def _near_pattern(spec: tuple[tuple[str, ...], tuple[str, ...], int]) -> re.Pattern[str]:
    first, then, gap = spec
    either = "|".join(map(re.escape, first))
    other = "|".join(map(re.escape, then))
    return re.compile(rf" (?:{either})(?: \S+){{0,{gap}}} (?:{other}) ")
