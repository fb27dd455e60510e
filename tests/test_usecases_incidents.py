"""Separate incidents stay separate (issue 12, point 4), on the in-memory store: a
citizen's new message joins their open tip only when it plausibly concerns the same
incident. Each story goes in through the webhook as Zalo would deliver it, written
as citizens write, and the test reads what each person received."""

from __future__ import annotations

from tests.memory_line import MemoryLine
from tests.test_usecases import CITIZEN, DUTY, OTHER_WARD, command

FIGHT = "may thang thanh nien danh nhau truoc quan nhau duong tan son nhi phuong tan son nhi"
TAY_THANH = ("10.8150", "106.6200")  # a pin inside ward 27013 (Tây Thạnh)
TAN_SON_NHI = ("10.8012", "106.6285")  # a pin inside ward 27019 (Tân Sơn Nhì)
SPLIT = "có vẻ nói về một vụ việc khác với tin báo"


def says(line: MemoryLine, text: str, times: int = 2) -> None:
    line.citizen_says(CITIZEN, text)
    assert set(line.pump(times=times)) == {200}


def shares(line: MemoryLine, point: tuple[str, str], times: int = 2) -> None:
    line.citizen_shares(CITIZEN, *point)
    assert set(line.pump(times=times)) == {200}


def tips(line: MemoryLine) -> list[dict]:
    return sorted(line.store.docs["tips"].values(), key=lambda t: t["created_at"])


def kinds(line: MemoryLine, ref: str) -> list[str]:
    return [e["kind"] for e in line.store.events[ref]]


def fight(line: MemoryLine) -> str:
    says(line, FIGHT)
    (tip,) = tips(line)
    assert tip["unit_id"] == "ward-27019"
    return str(tip["ref"])


def test_a_theft_pinned_in_another_ward_is_a_second_tip_with_its_own_code_and_ward(
    memory_line: MemoryLine,
) -> None:
    first = fight(memory_line)
    memory_line.advance(minutes=10)
    says(memory_line, "o ben phuong tay thanh co thang vua trom xe may cua nha hang xom")
    shares(memory_line, TAY_THANH)  # the pin of the theft: the same second tip
    memory_line.advance(minutes=1)
    says(memory_line, "ma no dang danh nhau tiep kia, nhanh len")  # about the fight again

    a, b = tips(memory_line)
    assert a["ref"] == first and b["ref"] != first
    assert a["unit_id"] == "ward-27019" and b["unit_id"] == "ward-27013"
    assert b["split_from"] == first and [s["ref"] for s in a["split_off"]] == [b["ref"]] * 2
    assert [s["reason"] for s in a["split_off"]] == ["other_ward", "related"]
    assert "split" in kinds(memory_line, first) and "split_from" in kinds(memory_line, b["ref"])
    assert "taken_in" in kinds(memory_line, b["ref"])  # the pin joined the theft
    # Two codes, told once each (every message came twice); the citizen learns why.
    told = memory_line.texts(CITIZEN)
    assert sum(f"Mã tin báo: {first}" in t for t in told) == 1
    assert sum(f"Mã tin báo: {b['ref']}" in t for t in told) == 1
    (why,) = [t for t in told if SPLIT in t]
    assert f"mã {b['ref']}" in why and f"Tin báo {first} vẫn tiếp tục" in why
    # Each ward alerted about its own incident; the theft's officers see the link.
    tay_thanh = memory_line.texts(OTHER_WARD)
    assert any(b["ref"] in t and f"Liên quan: {first}" in t for t in tay_thanh)
    assert not any(first in t and b["ref"] not in t for t in tay_thanh)
    tan_son_nhi = memory_line.texts(DUTY)
    assert not any("trom xe" in t for t in tan_son_nhi)  # the theft never reached them
    # "it goes on" joined the fight: its officers hear it; the pin did not move the fight.
    a_texts = [t["text"] for t in a["texts"] if t["msg"] not in {s["msg"] for s in a["split_off"]}]
    assert any("danh nhau tiep" in t for t in a_texts)
    assert memory_line.tip(first)["unit_id"] == "ward-27019"
    assert memory_line.tip(first)["ward_code"] == "27019"


def test_more_about_the_same_fight_joins_it_a_pin_in_its_ward_too(
    memory_line: MemoryLine,
) -> None:
    first = fight(memory_line)
    memory_line.advance(minutes=5)
    says(memory_line, "tui no co cam dao nua")  # weapons: the same fight
    shares(memory_line, TAN_SON_NHI)
    says(memory_line, "nhanh len di")
    (tip,) = tips(memory_line)
    assert tip["ref"] == first and tip["message_count"] == 4 and not tip.get("split_off")
    assert not any(SPLIT in t for t in memory_line.texts(CITIZEN))


def test_another_kind_of_incident_after_the_tip_was_taken_is_a_new_tip(
    memory_line: MemoryLine,
) -> None:
    first = fight(memory_line)
    command(memory_line, DUTY, f"nhan {first}")
    memory_line.advance(minutes=3)
    says(
        memory_line, "con co dam ban ma tuy o hem 12 p tan son nhi nua a"
    )  # same ward, another kind
    a, b = tips(memory_line)
    assert a["split_off"][0]["reason"] == "other_kind" and b["split_from"] == first
    assert b["unit_id"] == "ward-27019" and b["status"] == "routed"
    assert a["status"] == "acknowledged"  # the fight stays with the officer who took it
    assert any(SPLIT in t and b["ref"] in t for t in memory_line.texts(CITIZEN))


def test_before_anyone_took_the_tip_another_kind_of_words_still_joins_it(
    memory_line: MemoryLine,
) -> None:
    fight(memory_line)
    says(memory_line, "hinh nhu tui no con chich ma tuy nua")  # still telling what happens
    (tip,) = tips(memory_line)
    assert tip["message_count"] == 2


def test_a_split_delivered_twice_and_out_of_order_makes_one_new_tip(
    memory_line: MemoryLine,
) -> None:
    first = fight(memory_line)
    memory_line.advance(minutes=10)
    memory_line.citizen_says(CITIZEN, "phuong tay thanh vua co vu trom xe may")
    memory_line.citizen_shares(CITIZEN, *TAY_THANH)
    assert set(memory_line.pump(times=3, shuffle=True)) == {200}
    a, b = tips(memory_line)
    assert a["ref"] == first and b["split_from"] == first
    assert len(a["split_off"]) == 2 and {s["ref"] for s in a["split_off"]} == {b["ref"]}
    assert sum(SPLIT in t for t in memory_line.texts(CITIZEN)) == 1
    firsts = [t for t in memory_line.texts(OTHER_WARD) if b["ref"] in t and "TIN BÁO MỚI" in t]
    assert len(firsts) == 1


def test_the_escalator_finishes_a_split_the_router_never_handled(
    memory_line: MemoryLine,
) -> None:
    first = fight(memory_line)
    memory_line.advance(minutes=10)
    memory_line.citizen_shares(CITIZEN, *TAY_THANH)
    memory_line.publisher.take()  # Pub/Sub lost it
    memory_line.advance(minutes=3)
    memory_line.escalate()
    assert set(memory_line.pump(times=2)) == {200}
    _, b = tips(memory_line)
    assert b["split_from"] == first and b["unit_id"] == "ward-27013"


# --- the limits issue 12 left: a reopened tip, a question asked ------------------------


def test_a_reopened_tip_is_the_citizens_open_tip_again_so_the_next_words_join_it(
    memory_line: MemoryLine,
) -> None:
    first = fight(memory_line)
    command(memory_line, DUTY, f"xong {first} da giai tan")
    memory_line.advance(hours=2)
    says(memory_line, "cong an ve roi tui no lai danh nhau tiep, ko ai toi het")
    assert memory_line.tip(first)["status"] == "routed"
    sender = memory_line.store.docs["senders"][memory_line.tip(first)["reporter_key"]]
    assert sender["open_tip_id"] == first
    memory_line.advance(minutes=2)
    says(memory_line, "tui no co ca gay go nua, nhanh len")
    tip = memory_line.tip(first)
    assert any("ca gay go" in t["text"] for t in tip["texts"])  # joined, no third tip
    assert [t["status"] for t in tips(memory_line)] == ["routed", "withdrawn"]
    assert sum("ca gay go" in t for t in memory_line.texts(DUTY)) == 1


def test_while_an_officer_asks_about_the_fight_a_theft_elsewhere_is_not_the_answer(
    memory_line: MemoryLine,
) -> None:
    first = fight(memory_line)
    command(memory_line, DUTY, f"NHAN {first}")
    command(memory_line, DUTY, f"HOI {first} tui no con o do ko?")
    memory_line.advance(hours=2)  # past the intake window: a new tip, not a joined message
    says(memory_line, "phuong tay thanh co thang trom xe may, dang dat xe chay")
    a, b = tips(memory_line)
    assert a["ref"] == first and b["status"] == "routed" and b["unit_id"] == "ward-27013"
    assert not any("trom xe" in t for t in memory_line.texts(DUTY))
    assert any(b["ref"] in t and "trom xe" in t for t in memory_line.texts(OTHER_WARD))
    assert sum(f"Mã tin báo: {b['ref']}" in t for t in memory_line.texts(CITIZEN)) == 1


def test_an_answer_to_the_officers_question_still_joins_the_asked_tip(
    memory_line: MemoryLine,
) -> None:
    first = fight(memory_line)
    command(memory_line, DUTY, f"NHAN {first}")
    command(memory_line, DUTY, f"HOI {first} tui no con o do ko?")
    memory_line.advance(hours=2)
    says(memory_line, "da con a, tui no dung truoc tiem tap hoa so 45")
    assert [t["status"] for t in tips(memory_line)] == ["acknowledged", "withdrawn"]
    assert sum("tiem tap hoa so 45" in t for t in memory_line.texts(DUTY)) == 1


# --- a message moved into the citizen's open tip (the router rewrites its summary) ---------

THEFT = "o ben phuong tay thanh co thang vua trom xe may cua nha hang xom"
MOVED = "phuong tay thanh thang trom xe may lai quay lai nua"  # about the theft, late routed
AGAIN = "cong an ve roi ma thang trom xe lai quay lai, ko ai toi het"  # reopens the theft


def test_a_message_moved_into_the_citizens_reopened_tip_is_kept_by_their_next_words(
    memory_line: MemoryLine,
) -> None:
    """The router takes a message into the tip intake joins the citizen's messages to:
    the citizen's next message is numbered after it and the summary keeps it."""
    first = fight(memory_line)
    memory_line.advance(minutes=10)
    says(memory_line, THEFT)
    _, theft = tips(memory_line)
    command(memory_line, OTHER_WARD, f"xong {theft['ref']} da bat duoc")
    memory_line.advance(minutes=5)
    memory_line.citizen_says(CITIZEN, MOVED)  # joins the fight (the open tip) ...
    late = memory_line.publisher.take()  # ... and reaches the router only at the end
    memory_line.advance(minutes=31)  # past the fight's intake window
    says(memory_line, AGAIN)
    sender = memory_line.store.docs["senders"][theft["reporter_key"]]
    assert sender["open_tip_id"] == theft["ref"]  # the reopened theft is the open tip
    says(memory_line, "no dang chay ve huong cho")
    assert [memory_line.deliver(e) for e in late for _ in range(2)] == [200] * 2 * len(late)
    says(memory_line, "nhanh len cac anh oi")

    # What officers read: the moved words on the theft only, each message numbered once
    # (the theft's words, "it runs", the moved one, "hurry"), none left untold.
    fight_tip, kept = (memory_line.store.tip(ref) for ref in (first, theft["ref"]))
    assert fight_tip is not None and kept is not None
    assert not any(MOVED in t.text for t in fight_tip.texts)
    assert sum(MOVED in t.text for t in kept.texts) == 1
    assert [t.seq for t in kept.texts] == [1, 2, 3, 4] and kept.message_count == 4


def test_words_about_the_theft_routed_after_the_fight_was_finished_go_to_the_theft_once(
    memory_line: MemoryLine,
) -> None:
    """A message intake joined to the open fight, about the theft split off it, reaches
    the router after an officer finished the fight: it moves to the theft all the same
    (the router never answers 500 for it), shown on the theft only."""
    first = fight(memory_line)
    memory_line.advance(minutes=10)
    says(memory_line, THEFT)
    _, theft = tips(memory_line)
    memory_line.citizen_says(CITIZEN, MOVED)  # joins the fight (the open tip) ...
    late = memory_line.publisher.take()  # ... and reaches the router only after
    command(memory_line, DUTY, f"xong {first} da giai tan")
    assert [memory_line.deliver(e) for e in late for _ in range(2)] == [200] * 2 * len(late)

    fight_tip, kept = (memory_line.store.tip(ref) for ref in (first, theft["ref"]))
    assert fight_tip is not None and kept is not None
    assert fight_tip.status.value == "resolved"
    assert not any(MOVED in t.text for t in fight_tip.texts)
    assert sum(MOVED in t.text for t in kept.texts) == 1
    assert "taken_in" in kinds(memory_line, theft["ref"])
