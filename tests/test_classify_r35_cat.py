"""Principles of category added in round 35 (issue 17, cat-35), from dev set 50's misses, each
tried on phrasings of our own beside near misses that must keep their reading. The rules' own
verdict is read (`by_rules`) where the rules alone decide (a message in English); `classify`
where the learned model weighs in too."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules, classify
from tests.rules_reading import tip_category


# English tips whose verb form, weapon's name or "none registered" round 34's words missed
@pytest.mark.parametrize(
    ("text", "category"),
    [
        # the bare past "hit" with the person struck after it
        (
            "A Grab driver hit my friend in the face because we did not have change",
            "violence",
        ),
        (
            "I'm an English teacher, this morning a parent hit one of my students in front of "
            "the school gate",
            "violence",
        ),
        (
            "our landlord hit my boyfriend with a stick during an argument about the deposit",
            "violence",
        ),
        ("the xe om guy got angry and hit him twice in the face", "violence"),
        # a vehicle that hit someone is a road accident
        ("A car hit my son at the crossing this morning, the driver ran away.", "traffic"),
        ("a truck hit an old man on Au Co street and didn't stop", "traffic"),
        # lodgers none of whom is registered
        ("My landlady rents out 6 rooms, none are registered with the ward police", "residence"),
        (
            "hostel down the road has 30 backpackers and nobody is registered, the owner said "
            "it's fine",
            "residence",
        ),
        ("the boarding house next door: 20 migrant workers, none registered", "residence"),
        # a firearm by its kind, a blunt weapon carried to a fight
        ("Someone in my building waved a handgun at the parking attendant last night.", "weapons"),
        ("my neighbour keeps a rifle in his house and shows it off when he is drunk", "weapons"),
        ("some men with baseball bats are waiting at the end of the alley", "weapons"),
        # a bag pulled, ripped or torn off the person, the person dragged
        ("Someone on a scooter ripped the bag off my shoulder and I fell down.", "robbery"),
        ("a man on a motorbike pulled my phone out of my hand and sped off", "robbery"),
        (
            "a guy on a scooter tore the necklace from my neck and dragged me along the street",
            "robbery",
        ),
        ("two men pulled her handbag and she fell off her bike", "robbery"),
        # the trade offered by its euphemism
        (
            "the massage shop downstairs offers extra services, men come and go all night",
            "prostitution",
        ),
        (
            "my hotel's karaoke offered me girls after 11pm, some of them look underage",
            "prostitution",
        ),
    ],
)
def test_english_tips_by_their_verbs_and_nouns(text: str, category: str) -> None:
    assert tip_category(text) == category


@pytest.mark.parametrize(
    "text",
    [
        "I hit the wrong button and sent an empty message, sorry",
        "I hit my head on the door of the bus",
    ],
)
def test_a_hit_that_is_no_blow_names_no_violence(text: str) -> None:
    assert by_rules(text).category != "violence"


def test_a_robbery_told_later_from_somewhere_safe_is_not_urgent() -> None:
    got = classify(
        "two men on a scooter pulled my purse on Le Loi and dragged me for a few meters, "
        "about 20 minutes ago, I'm safe now back at my hotel"
    )
    assert (got.category, got.severity) == ("robbery", "normal")
    got = classify("a man just snatched my phone near Ben Thanh and ran away toward the market")
    assert (got.category, got.severity) == ("robbery", "urgent")


# Dev 50's Vietnamese misses by their principle, in other words and other spellings
@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a knife carried on the body, its handle showing, whatever kind of knife
        ("thấy thằng nhỏ đó lòi cán dao sau áo, đứng trước cổng trường", "weapons"),
        ("ong say xin dung dau hem, lo can dao thai giat lung quan", "weapons"),
        ("thanh niên giắt dao thái sau lưng đi vô quán net", "weapons"),
        # a box or a till broken open for its money: theft, no one struck
        ("tối qua có đứa phá hòm công đức ở miếu đầu hẻm lấy sạch tiền", "theft"),
        ("thung tu thien o tiem thuoc bi dap lay tien luc trua", "theft"),
        ("camera quay được thằng nhỏ cạy hòm công đức đình làng lấy hết tiền", "theft"),
        # petrol sold loose or stocked at home: a fire risk
        ("nha ben canh ban xang le, de may chuc chai xang ngay cua, ong chu con hut thuoc", "fire"),
        ("bà bán nước đầu hẻm trữ xăng trong nhà bán cho xe ôm, sát vách nhà tôi", "fire"),
        ("quán cóc bán lẻ xăng đựng trong chai nước ngọt, kế bên bếp than", "fire"),
        # an old parent cursed and shoved by the child they live with
        (
            "bà ngoại em 78 tuổi ở với cậu, cậu say về là chửi rồi xô bà, bà không dám nói",
            "violence",
        ),
        ("ong hang xom gia roi, thang con trai hay chui va xo ong, hom qua ong te nga", "violence"),
        ("thằng út nhà đó hay đẩy mẹ nó té, bà cụ trầy hết chân", "violence"),
        # pushed or beaten down, then money taken: robbery over its shove
        ("thang nghien xo ong gia nga roi lay vi chay mat", "robbery"),
        ("tụi nó đánh rồi lấy điện thoại của thằng em tôi ở dốc cầu", "robbery"),
    ],
)
def test_vietnamese_tips_by_their_principle(text: str, category: str) -> None:
    assert classify(text).category == category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a crowd pushing its way is no old woman shoved
        ("tối nay cả nhà chở ông bà đi chợ hoa, đường kẹt quá xô bà con chen lấn", "other"),
        # a kitchen knife sold is no weapon
        ("bán dao thái lan, kéo, thớt giá rẻ ở chợ", "other"),
    ],
)
def test_near_misses_keep_their_reading(text: str, category: str) -> None:
    assert by_rules(text).category == category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a fire put out in time, a sky lantern come down burning, marks or none
        (
            "tụi nhỏ thả đèn trời trong hẻm, 1 cái rớt xuống giàn phơi đồ nhà bà Tư cháy 1 góc",
            "fire",
        ),
        ("may dua nho tha den troi hoai, so rot xuong mai nha chay", "fire"),
        ("toi qua bep nha ke ben bat lua, chay cai tu, may dap kip khong ai sao", "fire"),
        # gas smelt behind a door nobody opens is a leak, not a person unseen
        (
            "phòng bên cạnh bốc mùi gas quá trời, kêu cửa không ai thưa, bà chủ phòng ở một mình",
            "fire",
        ),
        ("chị phòng kế bên 4 hôm nay không thấy đi ra, gọi cửa không ai mở, có mùi lạ", "other"),
        # a girl offered on a leaflet as "em xinh", her age shown
        ("to roi 'em xinh 18 tuoi phuc vu tan phong' rai day truoc cong chung cu", "prostitution"),
        (
            "ai dán card 'mát xa tại gia, em út chiều khách' khắp cột điện gần trường, "
            "nhìn mà ngại",
            "prostitution",
        ),
        # a leaflet for a job names no girl offered
        ("phát tờ rơi tuyển nhân viên bán hàng, ưu tiên em út trong nhà", "other"),
    ],
)
def test_fire_signs_and_girls_on_leaflets(text: str, category: str) -> None:
    assert classify(text).category == category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a thing left where it stands, nobody come to claim it, the street named between
        ("có chiếc xe đạp bỏ ở đầu hẻm gần 2 tuần, chưa ai nhận, tôi dời vô lề", "lost_property"),
        ("cai vali ai bo truoc tiem tap hoa tu hom qua, khong ai nhan", "lost_property"),
        (
            "xe dap dien bo trong hem 25 Le Trong Tan ca tuan nay, bui bam day, khong ai nhan",
            "lost_property",
        ),
        # an animal escaped from its cage, loose among people
        ("con trăn nhà hàng xóm sổng chuồng bò qua sân nhà tôi, con nít sợ quá", "public_order"),
        ("con khi nha ai xong chuong nhay tum lum tren mai ton, cao 1 dua nho", "public_order"),
        # a truck parked unclaimed, people at night: strange, not found property
        (
            "Có chiếc xe tải không biển số đậu trong hẻm 3 ngày nay, không ai nhận, đêm có "
            "người ra vào",
            "other",
        ),
    ],
)
def test_things_left_and_animals_loose(text: str, category: str) -> None:
    assert classify(text).category == category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # forced to hand over a card, its PIN or money
        ("mẹ tôi rút tiền ở cây ATM bị 2 thằng kè 2 bên ép rút tiền đưa tụi nó", "robbery"),
        ("con toi bi tui lop tren bat dua the ngan hang voi ma pin", "robbery"),
        # a house turned into a brothel, whoever lets it
        ("căn nhà cuối hẻm thành nhà chứa rồi, đêm nào cũng có đàn ông lạ ra vào", "prostitution"),
        (
            "tôi cho thuê nhà nguyên căn, nghe nói người thuê biến thành nhà chứa, muốn lấy lại "
            "nhà thì báo ai",
            "prostitution",
        ),
        # medicines that make addicts sought in bulk, without or with a forged prescription
        (
            "có mấy đứa nhỏ hay ra tiệm thuốc mua tramadol với thuốc an thần không đơn, bán lại "
            "cho bạn",
            "drugs",
        ),
        ("nha thuoc gan cho ban codein cho tui thanh nien ma khong can toa", "drugs"),
        # money begged in a charity's name, door to door
        (
            "co nhom nguoi di tung nha xin tien tu thien cho trai tre mo coi, hoi o dau thi ap ung",
            "fraud",
        ),
        # foreigners renting a whole house, unknown to the street
        (
            "nha ke ben co may nguoi nuoc ngoai thue nguyen can, di som ve khuya, rem che kin",
            "residence",
        ),
        (
            "mấy người nước ngoài vô ở nhà ông Sáu cả tháng nay, nói tiếng Trung, không thấy ra "
            "đường",
            "residence",
        ),
    ],
)
def test_forced_handover_brothels_pills_charity_and_foreign_lodgers(
    text: str, category: str
) -> None:
    assert classify(text).category == category


@pytest.mark.parametrize(
    "text",
    [
        "người nước ngoài thuê nhà có cần khai báo tạm trú không",
        "mấy ông áo nâu nhà chùa đi xin tiền xây chùa, không biết thật không",
    ],
)
def test_asked_stays_a_question(text: str) -> None:
    assert classify(text).kind == "question"


# More English families, written as tourists and expats write them
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("two guys on a bike tried to take my backpack and knocked me over", "robbery"),
        ("someone fired shots in the air near my house at midnight", "weapons"),
        ("we heard gunshots in the alley behind our hotel around 1am", "weapons"),
        ("I paid for a hotel through a Facebook page and it doesn't exist.", "fraud"),
        ("I bought concert tickets online, they were fake.", "fraud"),
        ("I found a bag of white powder and needles in the park near the playground", "drugs"),
        ("girls at the karaoke bar next door are forced to sleep with customers", "prostitution"),
        (
            "Motorbikes drive on the sidewalk on my street every morning, pedestrians have to "
            "jump aside.",
            "traffic",
        ),
        ("A truck is parked across the road and blocks all traffic.", "traffic"),
        ("My landlord doesn't register foreigners living in his building.", "residence"),
        (
            "There are 20 Chinese people living in the house next door and I don't think anyone "
            "has declared them.",
            "residence",
        ),
    ],
)
def test_more_english_tips(text: str, category: str) -> None:
    assert tip_category(text) == category


@pytest.mark.parametrize(
    "text",
    [
        "is it legal to drive on the sidewalk when the road is flooded?",
        "my new address does not exist in the VNeID app, what should I do?",
    ],
)
def test_english_questions_stay_questions(text: str) -> None:
    assert by_rules(text).kind == "question"


def test_a_film_shooting_is_no_gun() -> None:
    assert by_rules("the shooting of the movie in our street will be on Sunday").category != (
        "weapons"
    )


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # the one beaten named by their trade, beside what was smashed
        ("tụi giang hồ tới quán đập phá, đánh chủ quán nhập viện", "violence"),
        ("may thang say xin danh bao ve chung cu vi khong cho dau xe", "violence"),
        # cables cut down to be sold
        ("tụi nó cắt trộm dây cáp viễn thông trên cột điện đầu hẻm", "theft"),
        ("dem qua co dua cat trom day dien ke nha toi dem ban", "theft"),
    ],
)
def test_blows_by_trade_and_cables_cut(text: str, category: str) -> None:
    assert classify(text).category == category
