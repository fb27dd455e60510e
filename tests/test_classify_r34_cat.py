"""Principles of category added in round 34 (issue 17, cat-34), from dev set 49's misses, each
tried on phrasings of our own beside near misses that must keep their reading. The rules' own
verdict is read (`by_rules`): a message in English is read by the rules alone."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules, classify
from tests.rules_reading import tip_category


# Tips told in English by foreigners and expats: each category in the words they use for it
@pytest.mark.parametrize(
    ("text", "category"),
    [
        # bets taken or placed, a bookie, a game for money
        (
            "There is a bookie at the cafe on Au Co, men place bets on the World Cup every night",
            "gambling",
        ),
        (
            "cockfighting behind the market on Sunday mornings, many men betting big money",
            "gambling",
        ),
        (
            "hi, the guys next door gamble every night with cards and dice, lots of money on the "
            "table",
            "gambling",
        ),
        ("my landlord runs illegal lottery from his shop, people come to buy numbers", "gambling"),
        # money paid to a page or a seller who then vanished
        (
            "I paid a deposit of 5 million for an apartment to a broker on Facebook, now he is not "
            "reachable and the page was deleted",
            "fraud",
        ),
        (
            "I bought a phone from a seller on Instagram, sent 3 million deposit, the seller never "
            "showed up",
            "fraud",
        ),
        (
            "we got ripped off by a travel agent, paid 20 million for a tour and he disappeared "
            "with our money",
            "fraud",
        ),
        (
            "A man bought my scooter and showed me a fake bank transfer on his phone, then rode "
            "away",
            "fraud",
        ),
        # money or things taken unseen
        ("somebody took my laptop from my room at the hostel while I was out", "theft"),
        ("300 dollars are missing from my backpack in the dorm, only staff have the key", "theft"),
        ("Someone went through my bag at the gym and took my cash", "theft"),
        (
            "my money was taken from the safe in my hotel room, the receptionist says nothing",
            "theft",
        ),
        # a thing grabbed off its owner, the grabber after
        ("my phone was grabbed out of my hand by two guys on a scooter near Aeon", "robbery"),
        (
            "A man on a motorbike yanked my necklace while I was walking on Hoa Binh street",
            "robbery",
        ),
        ("my mom's bag got grabbed by a motorbike rider at the market this morning", "robbery"),
        # lodgers nobody registers
        ("the hotel on Le Trong Tan keeps unregistered foreigners for months", "residence"),
        ("my landlord rents out rooms to many Chinese workers without declaring them", "residence"),
        (
            "The owner of the building next door keeps people in the rooms without registering "
            "anyone",
            "residence",
        ),
        # how people ride
        ("teenagers doing wheelies on the bridge near Tan Phu, no helmets", "traffic"),
        ("buses keep running red lights at the Au Co crossing", "traffic"),
        (
            "delivery riders always ride the wrong way on our street, speeding, somebody will get "
            "hurt",
            "traffic",
        ),
        ("boys race along Luy Ban Bich after midnight on motorbikes without lights", "traffic"),
    ],
)
def test_tips_told_in_english_have_their_category(text: str, category: str) -> None:
    assert tip_category(text) == category


# Near misses: the same words used innocently keep their reading
@pytest.mark.parametrize(
    "text",
    [
        "I bet nobody reads these messages, is this line working?",
        "Is there a running race for kids on Sunday in Tan Phu ward?",
        "Do I need to pay a deposit when I register my temporary residence?",
        "Can I ride an electric scooter without a helmet in Vietnam?",
        "Do I need to register my friends who stay in my room for 3 days?",
    ],
)
def test_english_words_used_innocently_ask(text: str) -> None:
    assert by_rules(text).kind == "question"


def test_a_thing_fallen_from_a_bag_stays_lost_property() -> None:
    assert (
        tip_category("I lost my wallet, I think it fell from my bag in a taxi") == "lost_property"
    )


def test_praise_for_a_fast_officer_is_no_traffic() -> None:
    assert by_rules("Thank you, the officer came very fast, great service").kind == "other"


# Dev 49's Vietnamese misses, each by its principle on phrasings of our own
@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a pothole, then the riders who fell in it told a sentence on: the road's accident
        (
            "o ga truoc cho, troi mua nuoc ngap lap het nen khong ai thay, chieu qua co ong chay "
            "xe om bi te",
            "traffic",
        ),
        # meth smoked ("đập đá") where foil is sold or a room is let by the hour: drugs
        (
            "phong tro cuoi day dem nao cung co may thang vo dap da, sang ra thay giay bac vut "
            "ngoai cua",
            "drugs",
        ),
        ("nha nghi dau hem cho thue phong theo gio, tui no vo dap da suot", "drugs"),
        # things taken under threat "for the debt": robbery
        ("bọn cho vay tới nhà dọa đánh rồi lấy xe máy của ba tôi đi, nói là trừ nợ", "robbery"),
        ("may thang doi no vo tiem doa dap roi tu lay het hang mang di tru no", "robbery"),
        # a band hired to play: public order
        (
            "nhà đối diện có đám cưới thuê ban nhạc hát tới 1h sáng, con nhỏ không ngủ được",
            "public_order",
        ),
        ("dam ma dau hem thoi ken danh trong may dem lien, xin cong an nhac gium", "public_order"),
        # goods handed over against a faked payment: fraud
        (
            "khách mua 2 chỉ vàng đưa hình chuyển khoản giả rồi đi mất, tiệm kiểm tra thì tiền "
            "không về",
            "fraud",
        ),
        (
            "thằng mua điện thoại cũ của em show bill chuyển khoản giả, em đưa máy xong mới biết",
            "fraud",
        ),
        ("nguoi mua xe dua uy nhiem chi gia roi chay mat", "fraud"),
        # a stove left on in a home shut up, smoke out of the window: fire
        (
            "nha ben canh khoa cua di lam quen tat bep, gio khoi bay ra cua so mu mit, mui khet",
            "fire",
        ),
        ("nhà ông Tư đi vắng mà quên tắt bếp ga, tôi ngửi mùi nồi khét", "fire"),
        # children caned or ears pinched by a teacher or a carer: violence
        (
            "cô giữ trẻ ở nhóm trẻ gia đình trên Tân Quý lấy roi đánh mấy đứa nhỏ, chân con tôi "
            "còn lằn roi",
            "violence",
        ),
        ("ong thay day vo nha cam thuoc khe tay con toi, ve tay bam do", "violence"),
        # men touted to go "play" with the girls: prostitution
        ("tối nào cũng có mấy ông xe ôm đứng đầu hẻm chào khách đi chơi gái", "prostitution"),
        (
            "tai xe om hoi toi co muon di choi em ut khong, cho toi 1 nha nghi tren Au Co",
            "prostitution",
        ),
        # pushed over by someone named by who they are to the writer: violence
        ("hôm qua tôi bị hàng xóm xô ngã khi nhắc chuyện đổ rác, tay bị trật", "violence"),
        ("ba toi bi chu tro day nga truoc cong vi no tien dien", "violence"),
        # goods stuffed into a bag in a shop, told as done: theft
        ("ong khach trong sieu thi nhet hang vo ao khoac roi ra cua, bao ve chua kip giu", "theft"),
        ("con bé mặc đồng phục vừa nhét đồ vô balo ở tiệm tạp hóa nhà tôi rồi đi ra", "theft"),
    ],
)
def test_vietnamese_misses_by_their_principle(text: str, category: str) -> None:
    assert tip_category(text) == category


# Children kept from school and made to work late are the tip (other): the lateness is their
# labour's, no din, and piecework ("hàng gia công") is no fake goods
def test_children_made_to_work_late_are_other() -> None:
    got = classify(
        "nhà kế bên nhận mấy đứa nhỏ dưới quê lên, không cho đi học, ngồi làm hàng gia công tới "
        "khuya"
    )
    assert (got.kind, got.category) == ("tip", "other")


def test_a_piecework_company_asking_is_a_question() -> None:
    got = by_rules("công ty tôi làm hàng gia công may mặc, có phải đăng ký gì với công an không?")
    assert got.kind == "question"


# Near misses: the same words in another story keep its reading
def test_a_bag_packed_to_run_away_is_no_theft() -> None:
    assert tip_category("con trai tôi nhét đồ vô balo bỏ nhà đi từ tối qua, chưa về") != "theft"


def test_a_child_selling_tickets_until_midnight_is_no_din() -> None:
    text = "có đứa nhỏ 8 tuổi đi bán vé số tới 12h đêm, có người lớn đứng xa canh lấy tiền"
    assert tip_category(text) != "public_order"


def test_a_stove_forgotten_as_a_habit_is_no_fire_named() -> None:
    assert (
        "quên tắt bếp"
        not in by_rules("bà ngoại hay quên tắt bếp, tôi muốn lắp thiết bị báo khói").reasons
    )


@pytest.mark.parametrize(
    "text", ["nhan may lan roi ko ai tra loi, lap trang lam gi vay", "lan do toi hoi roi ma"]
)
def test_welts_need_their_marks(text: str) -> None:
    assert by_rules(text).category != "violence"


def test_a_debt_seizure_asked_is_weak() -> None:
    assert by_rules("bị siết nợ xe thì phải làm sao ạ?").kind == "question"


# The other categories' English, for writers not yet seen
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("a man at the corner of my alley is dealing pills to teenagers every evening", "drugs"),
        ("there are used syringes on the playground near the school on Au Co", "drugs"),
        ("a pimp brings girls to the hotel on Hoa Binh every night, sex for money", "prostitution"),
        ("two boys carrying swords on a motorbike on Tan Ky Tan Quy", "weapons"),
        ("a man slapped my daughter at the bus stop this morning", "violence"),
        (
            "domestic violence in the apartment above mine, the husband is shouting and she "
            "screams",
            "violence",
        ),
        ("people keep dumping construction waste on the empty lot behind my house", "public_order"),
        ("I smell gas in the stairway of my building, very strong", "fire"),
        ("I found a passport on the sidewalk near Aeon, who should I give it to?", "lost_property"),
        (
            "a car is parked in front of my gate every day and I cannot get my motorbike out",
            "traffic",
        ),
        ("my bicycle was taken from in front of my house last night", "theft"),
    ],
)
def test_other_categories_told_in_english(text: str, category: str) -> None:
    assert tip_category(text) == category


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for the talk about drug dealing at our school, the kids learned a lot",
        "My son wants to buy a decorative sword for his room, is that legal in Vietnam?",
        "I dropped my phone yesterday and the screen broke, is there a repair shop near the ward?",
        "Is it allowed to park in front of my own gate overnight?",
    ],
)
def test_english_words_of_a_talk_a_purchase_or_a_repair_name_nothing(text: str) -> None:
    assert by_rules(text).category in (None, "other")


# A gambling den's losers dealing blows after are its consequence: the den is the tip (as
# its din is); blows at home with no game named stay violence
@pytest.mark.parametrize(
    "text",
    [
        "phong cuoi day toi nao cung xoc dia, thang nao thua la ve danh vo",
        "nhà số 8 cuối tuần nào cũng có sới gà, thua độ là đánh nhau",
    ],
)
def test_blows_after_a_game_lost_are_the_dens(text: str) -> None:
    assert tip_category(text) == "gambling"


def test_blows_at_home_stay_violence() -> None:
    assert tip_category("chồng tôi say rượu về đánh vợ con, hàng xóm can không được") == "violence"
