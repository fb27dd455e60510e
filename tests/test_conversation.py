"""Pure: a citizen's current tip, what their question or chat does to it, and the
reopen transition."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from shared.core import conversation
from shared.core.conversation import (
    ConversationFileError,
    current_tip,
    only_courtesy,
    parse_rules,
    route,
    says_again,
)
from shared.core.ladder import LadderState
from shared.core.policy_file import default_policies, policy_for
from shared.core.tip import Tip, TipStatus, reopen

T0 = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
DAY = timedelta(hours=24)


@pytest.mark.parametrize(
    "text",
    [
        "cong an ko toi, no lai danh vo nua",
        "Công an chưa tới, nó lại đánh vợ nữa rồi",
        "chua thay ai toi het",
        "tui bao roi ma van chua ai xu ly",
        "bọn nó lại tụ tập nhậu ở hẻm",
        "ca chua toi",
    ],
)
def test_nobody_came_or_it_is_back_is_read_however_it_is_typed(text: str) -> None:
    assert says_again(text)


@pytest.mark.parametrize(
    "text", ["cảm ơn anh nhiều", "xe nó đậu lại rồi", "đã xong rồi, cảm ơn", "nó bỏ chạy rồi"]
)
def test_other_words_do_not_reopen(text: str) -> None:
    assert not says_again(text)


def test_thanks_alone_is_courtesy_but_news_is_not() -> None:
    assert only_courtesy("Cam on anh nhieu a") and only_courtesy("ok")
    assert not only_courtesy("cam on, no vua chay ve huong cho")


def tip(status: TipStatus, minutes: int = 0, **kw: object) -> Tip:
    return Tip(
        "TB-AAAAA", status, "r1", "oa", T0 + timedelta(minutes=minutes), unit_id="ward-1", **kw
    )  # type: ignore[arg-type]


def test_the_current_tip_is_open_or_finished_within_the_window() -> None:
    done = tip(TipStatus.RESOLVED, resolved_at=T0)
    assert current_tip([done], "r1", T0 + DAY - timedelta(seconds=1), DAY) == done
    assert current_tip([done], "r1", T0 + DAY, DAY) is None
    assert current_tip([done], "r2", T0, DAY) is None  # only the informant's own
    assert current_tip([done], "r1", T0, DAY, besides="TB-AAAAA") is None


def test_a_residence_question_always_gets_the_assistant() -> None:
    open_tip = tip(TipStatus.ACKNOWLEDGED)
    assert route("question", "tam_tru", "dk tam tru can gi", open_tip) == "assistant"
    assert route("question", "other", "bao lau nua cac anh toi", open_tip) == "to_tip"
    assert route("question", "tip_status", "tb-aaaaa", None) == "status"
    assert route("chat", None, "chao anh", None) == "assistant"
    done = tip(TipStatus.CLOSED, closed_at=T0)
    assert route("question", "other", "sao chua thay ai toi vay", done) == "reopen"
    assert route("chat", None, "cam on anh", done) == "courtesy"


def test_reopen_restarts_the_ladder_a_cycle_on_and_a_redelivery_reopens_nothing() -> None:
    snapshot = policy_for(default_policies(), "ward", "normal", "other")
    closed = tip(
        TipStatus.CLOSED,
        policy=snapshot,
        ladder=LadderState("done", T0, T0, cycle=0, step=1),
        closed_at=T0,
        closed_by="cb-1",
        held_by="cb-1",
    )
    change = reopen(closed, "m2", "khong ai toi", "Nguyễn Văn A", T0 + DAY / 2)
    assert change is not None and change.decision is not None
    t = change.tip
    assert t.status is TipStatus.ROUTED and t.held_by is None and t.ladder is not None
    assert t.ladder.cycle == 1 and t.ladder.step == 1
    assert change.event.data["finished_by"] == "cb-1" and change.event.data["was"] == "closed"
    assert t.closed_at is None and t.closed_by is None  # the report counts it open again
    assert t.reopened is not None and t.reopened.finished_by == "cb-1"
    assert reopen(t, "m2", "khong ai toi", "", T0 + DAY) is None  # not finished now


def test_the_conversation_file_names_the_path_of_a_problem() -> None:
    with pytest.raises(ConversationFileError, match="window_hours"):
        parse_rules("window_hours: -1\nreopen: [x]\n")


def test_severity_rises_to_urgent_once_and_never_falls() -> None:
    from shared.core.classify import classify
    from shared.core.tip import raise_to_urgent

    normal = policy_for(default_policies(), "ward", "normal", "other")
    urgent = policy_for(default_policies(), "ward", "urgent", "other")
    routed = tip(
        TipStatus.ROUTED,
        policy=normal,
        ladder=LadderState("open", T0, T0, step=1),
        classification=classify("co nguoi o hem"),
    )
    later = T0 + timedelta(minutes=1)
    change = raise_to_urgent(routed, urgent, "m2", ("cứu với",), later)
    assert change is not None
    t = change.tip
    assert t.severity == "urgent" and t.policy == urgent and t.urgent_msg == "m2"
    assert t.ladder is not None and t.ladder.step == 1  # nobody paged again for step 1
    assert t.next_action_at is not None and t.next_action_at - later < timedelta(minutes=5)
    assert raise_to_urgent(t, urgent, "m3", ("rút dao",), later) is None


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("cong an phuong nay khong lam gi het, goi hoai khong ai toi", True),
        ("Cán bộ trực thái độ rất hách dịch, quát nạt dân", True),
        ("may ong cong an lam ngo, ko them giai quyet", True),
        ("no lai danh vo nua", False),
        ("cam on cac anh da toi nhanh", False),
    ],
)
def test_a_complaint_about_the_police_is_read_however_it_is_typed(
    text: str, complaint: bool
) -> None:
    from shared.core.conversation import complains

    assert complains(text) is complaint


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("bao cong an p tan son nhi hoai ma ko ai xuong", True),
        ("cán bộ phường tây thạnh thái độ hách dịch quá", True),
        ("ca phuong nay lam ngo, bao che cho tui no", True),
        ("can bo phuong hen toi 3 lan roi van chua giai quyet, toi muon khieu nai", True),
        ("CA p tây thạnh làm ngơ, gọi hoài ko ai tới", True),
        # the money demanded and the police asked for help are two clauses
        ("tui cho vay toi doi tien, dap pha nha em, nho cong an giup", False),
        # "cá", "cà", "tan ca" are no "CA" ("ca" typed plain, with "phê", neither)
        ("Tụi đòi nợ cá độ giữ em tôi ở quán cà phê, bắt gọi về đòi tiền", False),
        ("tui no ngoi quan ca phe doi tien bao ke hoai", False),
        ("toi nao tan ca cung bi tui no chan doi tien qua duong", False),
        ("co nhom thanh nien doi tien bao ke quan nhau o phuong tan son nhi", False),
        ("danh nhau to lam ma ko ai toi", False),
        ("cong an phuong tan son nhi oi co trom xe", False),
    ],
)
def test_a_first_message_complains_only_when_it_names_the_police(text: str, about: bool) -> None:
    from shared.core import classify
    from shared.core.conversation import about_police

    assert about_police(text) is about
    # the classifier reads the same words (carried in its rules) and must agree: a
    # complaint it made a tip of would miss the desk and the unit above
    read = classify._read(text)
    assert read is not None
    assert classify.about_police(read[1].text, classify.load_rules()) is about


def test_a_complaint_tip_stays_with_the_desk_when_its_ward_becomes_known() -> None:
    from dataclasses import replace

    from shared.core.classify import classify
    from shared.core.tip import Placement, reroute

    desk = policy_for(default_policies(), "desk", "normal", "other")
    ward = policy_for(default_policies(), "ward", "normal", "other")
    held = replace(
        tip(TipStatus.ROUTED, policy=desk, ladder=LadderState("open", T0, T0, step=1)),
        unit_id="desk",
    )
    to_ward = Placement("ward-1", "27019", "2025", {}, classify("co trom xe"))
    assert reroute(held, to_ward, ward, T0, "desk") is not None  # a plain desk tip moves
    complaint = replace(held, complaint=True, complaint_about="ward-1")
    assert reroute(complaint, to_ward, ward, T0, "desk") is None  # a complaint never does


@pytest.mark.parametrize(
    ("text", "open_tip", "about", "complaint"),
    [
        ("sao chua thay ai toi vay", True, True, False),  # impatience: answered, not escalated
        ("sao chua thay ai toi vay", False, True, True),  # finished: nobody came
        ("can bo thai do hach dich qua", True, True, True),  # conduct, open or not
        ("huy tin bao giup em", True, True, False),
        ("huy tin bao giup em", False, False, False),  # nothing to withdraw
        ("co them 1 thang nua toi", True, False, False),  # news: a tip of its own words
    ],
)
def test_words_about_the_current_tip_depend_on_whether_it_is_still_open(
    text: str, open_tip: bool, about: bool, complaint: bool
) -> None:
    assert conversation.about_current(text, open_tip) is about
    assert conversation.complains(text, open_tip=open_tip) is complaint
