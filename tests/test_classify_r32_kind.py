"""Round 32's kind pass (issue 17, kind-32): the guards the rules reading a report in what is
asked after something told share, and people in danger told in fresh phrasings (no marks,
teencode, English from a foreigner) beside near misses that must not move. The rules' own
verdict is read (`by_rules`), so a retrained model moves none of them; calm tips are read
whole (`classify`): their `not_urgent` phrases keep the model from raising them too."""

from __future__ import annotations

import pytest

from shared.core.classify import _told_then_asked, by_rules, classify


def test_told_then_asked_holds_the_shared_guards() -> None:
    told = {"what_to_do": []}
    assert _told_then_asked(told, False, None, ("papers:lost",))
    # a case supposed, an "if", a tip's code or the writer's own file: asked, never a report
    assert not _told_then_asked(told, True, None, ())
    assert not _told_then_asked({**told, "if": []}, False, None, ())
    assert not _told_then_asked(told, False, "TB-123456", ())
    assert not _told_then_asked({**told, "own_file": []}, False, None, ())
    # and the rule's own groups
    assert not _told_then_asked({**told, "papers:lost": []}, False, None, ("papers:lost",))
    assert _told_then_asked({**told, "papers:lost": []}, False, None, ("rights_asked",))


# the five rules keep their verdicts: a harm told then what to do asked is a tip, the same
# supposed is a question
@pytest.mark.parametrize(
    "text",
    [
        "toi bi nguoi ta chiem dat lam nha tren dat nha toi, phai lam sao",
        "em muốn báo lại việc tuần trước em bị người hàng xóm đánh, giờ em nộp đơn ở đâu",
    ],
)
def test_a_harm_told_then_asked_is_a_tip(text: str) -> None:
    assert by_rules(text).kind == "tip", text


@pytest.mark.parametrize(
    "text",
    [
        "nếu có người đe dọa mình thì phải làm sao",
        "neu bi nguoi ta lay dat thi phai lam sao",
    ],
)
def test_the_same_supposed_is_asked(text: str) -> None:
    assert by_rules(text).kind == "question", text


# People in danger told in fresh phrasings: someone with dementia gone astray (whoever they
# are to the writer, the illness named otherwise), a child alone, someone not waking, a
# break-in, a plea to hurry, told in English by a foreigner; a jealous beating in the street
@pytest.mark.parametrize(
    "text",
    [
        "me em bi lan tri nho, di lac dau mat roi, tim khong thay",
        "bà ngoại em bị alzheimer đi đâu mất từ trưa, giờ tối rồi chưa thấy",
        "my wife has dementia and she left the house this morning, still not back",
        "there is a child alone crying in the park for an hour, no parent",
        "hello police, a kid is alone on the highway walking, very dangerous",
        "a old man fall down and not wake up at the market, quick please",
        "someone is trying to break into my room right now, I am hiding",
        "người ta đánh ghen lột đồ con nhỏ ngay chợ, đông lắm",
        "danh ghen o dau hem, 3 ba danh 1 co",
    ],
)
def test_a_person_in_danger_told_afresh_is_urgent(text: str) -> None:
    result = by_rules(text)
    assert (result.kind, result.severity) == ("tip", "urgent"), text


# the same over, found, supposed, asked of a procedure, or seen on a screen: never urgent
@pytest.mark.parametrize(
    "text",
    [
        "hôm qua mẹ em bị lẫn đi lạc, may mà đã tìm thấy rồi",
        "năm ngoái ba tôi bị lẫn đi lạc một lần, giờ muốn làm vòng tay ghi địa chỉ",
        "mẹ em bị lẫn trí nhớ, muốn làm lại căn cước cho mẹ thì làm sao",
        "my grandmother has dementia, how do I register her temporary residence",
        "my friend got lost in district 1 yesterday, he is back now",
        "he passed out drunk last night at the party, now he is fine",
        "someone tried to break into my car last night, the window is broken",
        "hurry up and answer me, how long does temporary residence take",
        "hôm qua có vụ đánh ghen ở chợ, giờ hết rồi",
        "xem clip đánh ghen trên mạng ghê quá",
        "bà đó tối nào cũng đi đánh ghen",
        "cô giáo đi lạc đề rồi haha",
    ],
)
def test_the_same_over_or_asked_is_not_urgent(text: str) -> None:
    assert by_rules(text).severity == "normal", text


# People in danger told in English by a foreigner: someone drowning or trapped, a threat to
# kill, someone following the writer now, dragged into a car, fallen and not getting up, about
# to jump, nobody answering the door beside a smell
@pytest.mark.parametrize(
    "text",
    [
        "pls help my friend is drowning at the beach, no lifeguard",
        "my son is trapped in the elevator, building 5, please come",
        "I think my neighbor is dead, no one answer the door and bad smell",
        "a woman is being dragged into a car, she is screaming, white car going to district 3",
        "someone is following me for 20 minutes, I am very scared, I am near the market",
        "my husband is threatening to kill me, he has a knife, I locked myself in the bathroom",
        "the old lady next door fell and can't get up",
        "there is a man on the bridge, looks like he wants to jump",
    ],
)
def test_a_person_in_danger_told_in_english_is_urgent(text: str) -> None:
    result = by_rules(text)
    assert (result.kind, result.severity) == ("tip", "urgent"), text


# the same over, a figure, or a pet: never urgent
@pytest.mark.parametrize(
    "text",
    [
        "my friend almost drowned at the beach last week, now he is fine",
        "I feel trapped in this job haha",
        "my son was stuck in the elevator yesterday for 10 minutes, the building fixed it",
        "the guy from the shop threatened to kill me last month, what can I do",
        "my wife says she will kill me if I come home late lol",
        "my cat is following me everywhere, so cute",
        "my son fell off the bike last week, now ok",
    ],
)
def test_the_same_in_english_over_or_a_figure_is_not_urgent(text: str) -> None:
    assert by_rules(text).severity == "normal", text


# more in English: a door broken now, someone lying on the road, a heart attack, something
# swallowed, the writer chased or shut in
@pytest.mark.parametrize(
    "text",
    [
        "help someone is breaking my door now",
        "a motorbike hit a old woman, she is lying on the road",
        "someone snatched my bag and they are still chasing me",
        "my baby swallowed a coin and can't breathe",
        "my landlord locked me in my room and won't let me out",
        "my father is having a heart attack, ambulance not come",
    ],
)
def test_more_dangers_told_in_english_are_urgent(text: str) -> None:
    result = by_rules(text)
    assert (result.kind, result.severity) == ("tip", "urgent"), text


@pytest.mark.parametrize(
    "text",
    [
        "my uncle had a heart attack last year, can he still renew his ID",
        "yesterday I saw a man lying on the road, the ambulance took him already",
        "my son swallowed a coin last week, doctor said ok now",
        "the dog is chasing me every morning when I jog haha",
        "I locked me in my room to study all day lol",
    ],
)
def test_the_same_in_english_over_or_a_habit_is_not_urgent(text: str) -> None:
    assert by_rules(text).severity == "normal", text


# Calm tips never urgent: a pain likened to a stab, a threat of no harm to the body (to evict,
# to cut the power), power stolen from the line, a nuisance or a petty breach going on now
@pytest.mark.parametrize(
    "text",
    [
        "tui bị crush từ chối, đau như bị đâm vậy",
        "em làm ở quán cà phê 3 tháng mà chủ không trả lương, còn dọa đuổi, anh chị giúp em với",
        "chủ trọ dọa cắt điện nước nếu không đóng tiền sớm, giúp em với",
        "đang có người câu trộm điện nhà em",
        "dang co xe tai dau chan ngang hem nha em",
        "có ông đang câu cá bằng xung điện dưới kênh",
        "thằng nhỏ nhà bên đang leo cây hái xoài nhà tui",
        "đang có người dán quảng cáo lên tường nhà tôi",
        "bà chủ tiệm đang la mắng nhân viên",
    ],
)
def test_a_calm_tip_told_now_is_not_urgent(text: str) -> None:
    assert classify(text).severity == "normal", text


# a danger told beside them is still urgent; so is a thief chased, "gần đó chặn giúp"
@pytest.mark.parametrize(
    "text",
    [
        "thằng kia cầm dao dọa đuổi việc tao thì tao chém, đang đứng trước cổng công ty",
        "chủ trọ dọa đuổi rồi còn đánh em chảy máu đầu, giúp em với",
        "đang có người câu trộm điện, dây điện tóe lửa cháy rồi",
        "xe cứu thương không vô được vì xe đậu chắn ngang hẻm, người bệnh đang chờ",
        "moi bi giat day chuyen, toi dang chay theo no, ai gan do chan giup",
    ],
)
def test_a_danger_beside_them_is_still_urgent(text: str) -> None:
    assert classify(text).severity == "urgent", text


# Chat carrying a crime's words: a game pointed at ("game này"), a film's subject named, the
# officers wished well at their work; a harm or a danger told beside them still reports
@pytest.mark.parametrize(
    "text",
    [
        "game này bắn súng đã thiệt",
        "game nay danh nhau hay qua ad oi",
        "em mới xem phim về ma túy, sợ ghê",
        "chúc các anh công an trực đêm vui vẻ, bắt được nhiều cướp nha",
    ],
)
def test_chat_carrying_a_crimes_words_is_other(text: str) -> None:
    assert by_rules(text).kind == "other", text


@pytest.mark.parametrize(
    "text",
    [
        "em bị lừa nạp thẻ trong game này mất 2 triệu",
        "đang chơi game này thì nghe nhà bên đánh nhau, tụi nó cầm dao",
        "tụi nó cho con nít xem phim về ma túy ở quán net rồi rủ chích",
        "chúc các anh bắt được nhiều cướp, mà đầu hẻm em tối nào cũng có cướp giật",
    ],
)
def test_a_harm_told_beside_them_is_still_a_tip(text: str) -> None:
    assert by_rules(text).kind == "tip", text


# schoolwork going on, its subject a crime: "đang" is the homework's, asked of the line; a
# danger heard while doing it still reports
def test_homework_on_a_crime_is_asked_not_reported() -> None:
    text = (
        "xin chào, tôi là sinh viên, đang làm bài tập về trộm cắp, cho tôi hỏi vài câu được không"
    )
    assert (by_rules(text).kind, classify(text).severity) == ("question", "normal")


def test_a_danger_heard_during_homework_is_urgent() -> None:
    text = "đang làm bài tập thì nghe tiếng la cứu nhà bên, có người cầm dao"
    assert (by_rules(text).kind, classify(text).severity) == ("tip", "urgent")


# figures: a pain likened to a stab, an exasperation to a wish to kill, a graze; never an
# urgent tip, while a real blow, a weapon or blood beside them still is
@pytest.mark.parametrize(
    "text",
    [
        "tui bị crush từ chối, đau như bị đâm vậy",
        "deadline dí quá, muốn giết người luôn á",
    ],
)
def test_a_figure_of_a_crime_is_no_tip(text: str) -> None:
    assert classify(text).kind != "tip", text


def test_a_graze_is_not_urgent() -> None:
    assert classify("bé nhà em bị té trầy đầu gối, khóc quá trời").severity == "normal"


@pytest.mark.parametrize(
    "text",
    [
        "thằng đó say xỉn la lên muốn giết người luôn, đang cầm dao đứng đầu hẻm",
        "nó đâm tôi một nhát đau như bị dao đâm thật, máu chảy nhiều lắm",
        "xe tông bé nhà em, trầy đầu gối, đầu chảy máu, bé nằm im",
    ],
)
def test_a_blow_beside_a_figure_is_still_urgent(text: str) -> None:
    assert classify(text).severity == "urgent", text


# a game named, a detective story, a series, a clip scrolled past on a feed: their crimes are
# the screen's; the writer's street, something now, someone harmed while at it still report
@pytest.mark.parametrize(
    "text",
    [
        "free fire nay bắn đã tay quá",
        "đánh liên quân bị thằng đồng đội cướp mạng hoài",
        "tụi nhỏ chơi đột kích bắn nhau ầm ầm cả buổi",
        "đọc truyện trinh thám vụ án giết người hay dữ",
        "coi tiktok thấy clip đánh nhau ghê quá",
        "phim Lật Mặt có cảnh chém nhau ghê thật",
        "xem series Narcos về ma túy hay lắm",
    ],
)
def test_a_crime_on_a_screen_is_other(text: str) -> None:
    assert by_rules(text).kind == "other", text


@pytest.mark.parametrize(
    "text",
    [
        "coi tiktok thấy clip tụi nó đánh nhau ở đầu hẻm nhà em, giờ tụi nó vẫn còn tụ tập",
        "đang đọc truyện cho con thì nghe nhà bên la cứu, có tiếng đánh nhau",
        "tụi nhỏ chơi free fire ở quán net thì bị mấy thằng lớn giật điện thoại",
        # ("liên quan" unmarked is no game)
        "co ng goi noi toi lien quan vu rua tien, bat chuyen tien vo tai khoan tam giu",
    ],
)
def test_the_street_beside_a_screen_still_reports(text: str) -> None:
    assert by_rules(text).kind == "tip", text


# the penalty a crime carries asked is no cry ("truy cứu", prosecuted, holds "cứu"); a theft
# told going on with the same words, or beside a real cry, is still urgent
def test_the_penalty_asked_is_not_urgent() -> None:
    assert classify("trộm cắp tài sản dưới 2 triệu có bị truy cứu không").severity == "normal"


@pytest.mark.parametrize(
    "text",
    [
        "thằng hàng xóm vừa trộm xe đạp nhà em, giờ nó còn đứng đầu hẻm, nó có bị truy cứu không",
        "cứu em, thằng hàng xóm vừa trộm xe đạp nhà em, nó đang đứng đầu hẻm",
    ],
)
def test_a_theft_going_on_is_still_urgent(text: str) -> None:
    assert (by_rules(text).kind, classify(text).severity) == ("tip", "urgent"), text


# homework "về nhà" is no subject: a harm told while doing it still reports, and its "đang"
# is the harm's
@pytest.mark.parametrize(
    "text",
    [
        "con em đang làm bài tập về nhà thì bị thằng anh nó đánh chảy máu mũi",
        "em làm bài tập về nhà mà bị mất xe đạp trước cổng thư viện",
    ],
)
def test_a_harm_during_homework_is_a_tip(text: str) -> None:
    assert by_rules(text).kind == "tip", text


def test_a_beating_during_homework_is_urgent() -> None:
    text = "con em đang làm bài tập về nhà thì bị thằng anh nó đánh chảy máu mũi"
    assert classify(text).severity == "urgent"


# words folded onto others: "cướp mang đi" unmarked is no game's "cướp mạng"; a fright
# likened to a heart attack is no heart attack
def test_a_robbery_carried_off_unmarked_is_still_urgent() -> None:
    text = "tui no cuop mang di het do trong nha, dang chay ra dau hem"
    assert (by_rules(text).kind, classify(text).severity) == ("tip", "urgent")


def test_a_fright_likened_to_a_heart_attack_is_not_urgent() -> None:
    text = "the karaoke next door almost gave me a heart attack at 2am"
    assert by_rules(text).severity == "normal"


# long messages with the danger in the middle: a door nobody answers, locked from inside,
# someone living alone; an old man lying for days, breathing weakly
@pytest.mark.parametrize(
    "text",
    [
        "dạ chào anh chị trực ban, em xin phép trình bày, em ở trọ hẻm 88 đường số 7, tối nay"
        " em đi làm về thì thấy"
        " phòng bà chủ trọ sáng đèn mà gọi mãi không ai trả lời, cửa khóa trong, bà sống một"
        " mình, em sợ bà có chuyện, mong các anh xuống giúp, em cảm ơn nhiều",
        "kính gửi công an phường, tôi là tổ trưởng dân phố, xin báo nhà số 12 có ông cụ 90 tuổi"
        " nằm trên giường mấy ngày không ăn uống, con cái đi làm xa, ông thở yếu lắm rồi",
    ],
)
def test_a_danger_in_the_middle_of_a_long_message_is_urgent(text: str) -> None:
    result = classify(text)
    assert (result.kind, result.severity) == ("tip", "urgent"), text


@pytest.mark.parametrize(
    "text",
    [
        "hôm qua ông cụ nhà bên thở yếu, đã đưa đi viện rồi, giờ ổn",
        "bà em dạo này ăn ít, thở yếu, cho hỏi làm thủ tục tạm vắng cho bà vô viện dưỡng lão",
        "tối qua gọi mãi không ai trả lời, sáng nay thấy chị ấy về rồi, không sao",
    ],
)
def test_the_same_over_or_a_frailty_asked_of_is_not_urgent(text: str) -> None:
    assert classify(text).severity == "normal", text
