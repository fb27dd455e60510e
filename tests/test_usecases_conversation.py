"""The citizen's conversation (issue 12) on the in-memory store: each story goes in
through the webhook as Zalo would deliver it, written as citizens write (with and
without diacritics, typos), and the test reads what each person received."""

from __future__ import annotations

from tests.memory_line import MemoryLine
from tests.test_usecases import CITIZEN, DUTY, command, report

NEIGHBOUR = "8471209356612347999"
WARD = "Công an phường Tân Sơn Nhì"
OFFICER_NAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "cb-27019", "demo-officer")


def ask(line: MemoryLine, text: str, user: str = CITIZEN) -> str:
    """The one answer a citizen gets to `text`."""
    before = len(line.texts(user))
    line.citizen_says(user, text)
    assert set(line.pump(times=2)) == {200}  # delivered twice: answered once
    after = line.texts(user)
    assert len(after) == before + 1, after[before:]
    return after[-1]


def no_officer_in(text: str) -> None:
    assert not any(name in text for name in OFFICER_NAMES), text


def test_a_citizen_asks_by_code_in_any_spelling_and_hears_the_stage_unit_and_time(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    code = ref.removeprefix("TB-")
    for asked in (ref, f"tb{code.lower()} sao roi", f"Tin báo TB {code} của tôi sao rồi ạ?"):
        answer = ask(memory_line, asked)
        assert answer.startswith(f"Tin báo {ref} anh/chị gửi lúc 09:00 ngày 01/12/2026")
        assert f"chuyển đến {WARD}" in answer and "113" in answer
        no_officer_in(answer)
    assert memory_line.tip(ref)["message_count"] == 1  # asking added nothing to the tip
    assert len(memory_line.texts(DUTY)) == 1  # and paged nobody


def test_a_citizen_asks_in_words_and_hears_about_their_latest_tip_as_it_moves(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    memory_line.advance(minutes=3)
    command(memory_line, DUTY, f"nhan {ref}")
    taken = ask(memory_line, "cong an toi chua vay")
    assert f"Tin báo {ref}" in taken and f"{WARD} tiếp nhận xử lý lúc 09:03" in taken
    no_officer_in(taken)
    memory_line.advance(minutes=40)
    command(memory_line, DUTY, f"xong {ref} da giai tan")
    done = ask(memory_line, "tin bao cua minh xu ly toi dau roi a")
    assert "xử lý xong lúc 09:43 ngày 01/12/2026" in done
    assert "nhắn lại trong cuộc trò chuyện này" in done


def test_only_the_informant_can_ask_about_a_tip(memory_line: MemoryLine) -> None:
    ref = report(memory_line)
    answer = ask(memory_line, f"cho hoi {ref} sao roi", user=NEIGHBOUR)
    assert answer.startswith(f"Không tìm thấy tin báo mã {ref} trong các tin báo anh/chị")
    assert WARD not in answer  # nothing of the other citizen's tip
    assert ask(memory_line, "cong an den chua", user=NEIGHBOUR).startswith(
        "Hiện chưa có tin báo nào anh/chị đã gửi"
    )


def test_a_mistyped_code_is_not_found_rather_than_guessed(memory_line: MemoryLine) -> None:
    ref = report(memory_line)
    wrong = "TB-" + ("A" if ref[3] != "A" else "B") + ref[4:]
    assert ask(memory_line, wrong).startswith(f"Không tìm thấy tin báo mã {wrong}")


def test_a_residence_question_still_gets_the_assistant_from_a_citizen_with_a_tip(
    memory_line: MemoryLine,
) -> None:
    report(memory_line)
    answer = ask(memory_line, "cho hoi dang ky tam tru can giay to gi vay?")
    assert "tạm trú" in answer.lower() and "Tin báo" not in answer


def test_a_resolved_tip_thanks_the_citizen_and_says_they_may_write_back(
    memory_line: MemoryLine,
) -> None:
    ref = report(memory_line)
    command(memory_line, DUTY, f"XONG {ref} da xu ly, giai tan nhom thanh nien", times=2)
    resolved = [t for t in memory_line.texts(CITIZEN) if "xử lý xong" in t]
    assert len(resolved) == 1  # told once, though the command came twice
    (told,) = resolved
    assert told.startswith(f"Tin báo {ref} đã được {WARD} xử lý xong.")
    assert "Cảm ơn anh/chị" in told and "nhắn lại trong cuộc trò chuyện này" in told
    assert "giai tan" not in told  # the officer's outcome note is theirs, not the citizen's
    no_officer_in(told)
