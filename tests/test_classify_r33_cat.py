"""Principles of category added in round 33 (issue 17, cat-33), each on the situation described
rather than on a topic word, from dev set 48's misses. Tried on phrasings of our own, each beside
a near miss that must keep its category. The rules' own verdict is read (`by_rules`) unless the
learned model's part is the point (`classify`)."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules, classify
from tests.rules_reading import tip_category


# Slot machines set in a café or a shop, coins changed back into cash: a gambling den by its
# machines, nothing else named
@pytest.mark.parametrize(
    "text",
    [
        "tiệm net đầu hẻm 30 Tân Quý có 2 cái máy xèng, tụi nhỏ bỏ xu vô chơi, thắng thì chủ đổi "
        "xu ra tiền",
        "quan nuoc mia tren Hoa Binh de may xeng trong goc, khach choi xong doi xu ra tien mat",
        "Quán cà phê võng trên Tân Kỳ Tân Quý có mấy máy đánh xèng, tối nào cũng đông thanh niên",
    ],
)
def test_slot_machines_are_gambling(text: str) -> None:
    assert tip_category(text) == "gambling"


# A draw sold a go to children for money is a game of chance played for money (gambling), not a
# prize promised to cheat; a prize promised by a caller who wants a fee stays fraud
@pytest.mark.parametrize(
    "text",
    [
        "tiệm tạp hóa trước trường bán bốc thăm 5 ngàn một lần cho học sinh, con tui mê lắm",
        "tiem tap hoa gan truong ban boc tham an tien cho con nit, tui nho nuong het tien an sang",
    ],
)
def test_a_draw_sold_to_children_is_gambling(text: str) -> None:
    assert tip_category(text) == "gambling"


def test_a_prize_promised_for_a_fee_stays_fraud() -> None:
    assert tip_category(
        "có người gọi nói em trúng thưởng xe SH, bắt đóng phí 3 triệu mới nhận"
    ) == ("fraud")


# Gas decanted into small bottles or cans is a fire hazard (as the sets label it), wherever it is
# done; weak, so never urgent by itself
@pytest.mark.parametrize(
    "text",
    [
        "nhà trong hẻm 50 Tân Hương chiết gas từ bình lớn qua bình mini để bán, làm ngay trước cửa",
        "tiem tap hoa dau hem sang chiet gas mini ban cho sinh vien, lam ngay tren via he",
        "Có cơ sở sang chiết ga trái phép trong khu dân cư đường Gò Dầu",
    ],
)
def test_gas_decanted_is_a_fire_hazard(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.category, got.severity) == ("tip", "fire", "normal")


# Flames caught on a roof are a fire, whatever nuisance lit them; the burning's smoke alone stays
# public order
@pytest.mark.parametrize(
    "text",
    [
        "ông hàng xóm chiều nào cũng đốt lá khô sát vách, khói bay vô nhà, mấy lần lửa bén qua mái "
        "hiên nhà tui",
        "bãi ve chai cuối hẻm tối nào cũng đốt dây điện, khói đen mù mịt, có bữa lửa táp lên mái "
        "nhà kế bên",
    ],
)
def test_flames_on_a_roof_are_a_fire(text: str) -> None:
    assert tip_category(text) == "fire"


def test_rubbish_smoke_alone_stays_public_order() -> None:
    text = "nhà kế bên chiều nào cũng đốt rác, khói bay vô nhà tui, con nhỏ ho hoài"
    assert tip_category(text) == "public_order"


# Burnt foil ("giấy bạc cháy đen", an everyday compound that is no fire) is a tool of smoking
# drugs: the phrase holding the compound whole is read; strangers coming and going alone stay
# the rules' other
@pytest.mark.parametrize(
    "text",
    [
        "phong tro ben canh sang nao cung thay giay bac chay den vut ngoai hanh lang, nguoi la ra "
        "vo suot",
        "Dọn phòng cho thuê sau khi khách trả, thấy mấy miếng giấy bạc cháy đen với bật lửa, "
        "ống hút",
    ],
)
def test_burnt_foil_is_drugs(text: str) -> None:
    assert tip_category(text) == "drugs"


def test_strangers_alone_are_not_drugs() -> None:
    assert tip_category("căn nhà cuối hẻm dạo này người lạ ra vào hoài, tôi thấy nghi") == "other"


# Explosive firecrackers made at home or sold are the explosive's tip (weapons), as the sets label
# a homemade one; firecrackers let off in the street stay public order ("ban phao no" typed
# without marks is as often let off as sold)
@pytest.mark.parametrize(
    "text",
    [
        "nhà cuối hẻm 8 Tân Thành tự chế pháo bán cho tụi nhỏ trong xóm, sắp Tết rồi",
        "tiệm tạp hóa gần chợ bán pháo nổ cho học sinh, mua về đốt ầm ầm",
        "co thang tren mang buon ban phao no, giao tan nha cho tui nho",
    ],
)
def test_firecrackers_made_or_sold_are_weapons(text: str) -> None:
    assert tip_category(text) == "weapons"


@pytest.mark.parametrize(
    "text",
    [
        "tụi nhỏ ban phao no dung dung ngoai hem giờ này",
        "tụi nhỏ đốt pháo nổ đì đùng ngoài hẻm giờ này, 12h đêm rồi",
    ],
)
def test_firecrackers_let_off_stay_public_order(text: str) -> None:
    assert tip_category(text) == "public_order"


# A tent put up for a wedding or a funeral that takes the alley is public order (the alley
# taken, as the sets label it); a vehicle parked taking it is traffic's, as one parked across it;
# a tent only asked about stays a question
@pytest.mark.parametrize(
    "text",
    [
        "đám tang trong hẻm 40 Tân Quý dựng rạp bít luôn hẻm 4 ngày nay, người ta đi làm không ra "
        "được",
        "dam cuoi nha so 7 dung rap chiem nguyen hem, xe may khong qua duoc",
        "Nhà hàng xóm làm đám giỗ dựng rạp chắn kín con hẻm từ sáng tới tối",
    ],
)
def test_a_tent_taking_the_alley_is_public_order(text: str) -> None:
    assert tip_category(text) == "public_order"


@pytest.mark.parametrize(
    "text",
    [
        "xe tai dau chiem het hem 50 Go Dau tu sang, xe may ko qua dc",
        "Xe ba gác đậu chiếm hết hẻm 12 Tân Hương từ sáng, xe cứu thương không vào được",
    ],
)
def test_a_vehicle_parked_taking_the_alley_is_traffic(text: str) -> None:
    assert tip_category(text) == "traffic"


def test_a_tent_asked_about_stays_a_question() -> None:
    text = "nhà em làm đám cưới muốn dựng rạp trong hẻm thì có cần xin phép phường không ạ"
    assert by_rules(text).kind == "question"


def test_heard_taking_a_house_is_no_parking() -> None:
    # "nghe dau chiem nha" is "nghe đâu chiếm nhà" (heard it is squatted), no vehicle parked
    text = "có 1 gia dinh moi don tới ở can nhà bỏ trong 3 thang nay, nghe dau chiếm nhà"
    assert by_rules(text).category != "traffic"


# A tree uprooted or lying across part of the road blocks it (traffic), as one fallen across it;
# a tree only leaning, feared to fall, stays a hazard (other); a lorry parked across half the road
# stays traffic
@pytest.mark.parametrize(
    "text",
    [
        "Sau cơn mưa có cây bật gốc đổ chắn một nửa đường Âu Cơ, chưa ai dọn",
        "cay xanh truoc so 90 Go Dau nga nam chan 1 nua long duong tu sang, xe phai lach",
        "xe tải đậu chắn 1 nửa đường trước chợ, kẹt xe",
    ],
)
def test_a_tree_across_part_of_the_road_is_traffic(text: str) -> None:
    assert tip_category(text) == "traffic"


def test_a_leaning_tree_stays_other() -> None:
    text = "Cây xanh trước trường bị nghiêng, rễ bung lên vỉa hè, sợ đổ trúng phụ huynh"
    assert tip_category(text) == "other"


# A thing of one's own left behind, told in English, is lost property, whatever it is; one stolen
# stays theft
@pytest.mark.parametrize(
    "text",
    [
        "Hi, I left my laptop in a coffee shop on Hoa Binh street yesterday afternoon, when I came "
        "back it was gone. Can you help me?",
        "I forgot my handbag on the bus number 69 this morning, it has my passport and cards",
    ],
)
def test_a_thing_left_behind_in_english_is_lost_property(text: str) -> None:
    assert tip_category(text) == "lost_property"


def test_a_thing_stolen_in_english_stays_theft() -> None:
    assert tip_category("Someone stole my bike in front of my hotel last night") == "theft"


# A vehicle left in a car park, where vehicles are left to be fetched, and never fetched is lost
# property, its owner sought; the learned model, reading the vehicle, may not name a theft beside
# it (`not_named_beside`); a theft suspected beside it stays the rules' theft, a child left in a
# car stays a person in danger (other)
@pytest.mark.parametrize(
    "text",
    [
        "Tôi giữ xe ở chung cư, có chiếc xe máy ai bỏ lại trong bãi giữ xe gần 1 tháng, gọi số "
        "trên vé không được",
        "chiec xe dap bo o bai giu xe benh vien tu thang truoc, nhan vien nho bao cong an",
        "Xe đạp điện màu xanh bị bỏ lại ở bãi giữ xe siêu thị mấy ngày nay, bảo vệ nhờ tôi báo",
    ],
)
def test_a_vehicle_left_in_a_car_park_is_lost_property(text: str) -> None:
    assert classify(text).category == "lost_property"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("xe máy bị bỏ lại ở bãi giữ xe siêu thị 3 ngày nay, không biển số, nghi xe trộm", "theft"),
        (
            "Em bé bị bỏ lại trong ô tô đóng kín cửa ở bãi xe siêu thị, mặt bé đỏ, không thấy ba "
            "mẹ đâu",
            "other",
        ),
    ],
)
def test_a_vehicle_suspected_stolen_or_a_child_left_keep_their_category(
    text: str, category: str
) -> None:
    assert classify(text).category == category


# A thing taken by someone sharing the room, who then moved out and blocked the writer, is theft:
# nothing was handed over on a promise; money handed over on one stays fraud
@pytest.mark.parametrize(
    "text",
    [
        "thang ban cung phong tro lay dien thoai cua em roi don di, goi ko bat may, block zalo",
        "Đứa ở ghép lấy cái máy tính bảng của em rồi dọn đồ đi mất, chặn số luôn",
    ],
)
def test_a_roommate_taking_is_theft(text: str) -> None:
    assert tip_category(text) == "theft"


def test_money_handed_over_to_a_roommate_stays_fraud() -> None:
    assert tip_category("bạn cùng phòng rủ em góp vốn làm ăn 10 triệu rồi chặn số luôn") == "fraud"


# Someone stopped on the way and beaten, nothing taken, is violence: the learned model, reading
# the road blocked, may not name a robbery (`classify`); one whose phone is taken after stays
# robbery
@pytest.mark.parametrize(
    "text",
    [
        "chieu qua thang nho nha toi di hoc ve bi may dua lop tren chan lai danh, sung mat, toi "
        "muon bao cong an",
        "Tuần trước cháu tôi bị một nhóm thanh niên chặn đường đánh ở gần chợ, bầm mặt, đã đi "
        "khám, nhờ công an nắm",
    ],
)
def test_stopped_and_beaten_is_violence(text: str) -> None:
    assert classify(text).category == "violence"


def test_stopped_beaten_and_robbed_stays_robbery() -> None:
    text = "hôm qua con tôi bị 3 đứa chặn đường đánh rồi lấy điện thoại"
    assert classify(text).category == "robbery"


# Strangers photographing or filming houses one by one are a suspicious person (other), whatever
# vehicle they came in: the learned model may not name traffic over the van they sit in, nor a
# theft only supposed ahead ("sợ tụi nó dò đường trộm"); a van parked across the alley stays
# traffic
@pytest.mark.parametrize(
    "text",
    [
        "Mấy hôm nay có chiếc ô tô 7 chỗ đậu đầu hẻm, 2 người đàn ông đi bộ chụp ảnh từng căn nhà "
        "trong hẻm, hỏi thì không nói",
        "2 thanh niên chạy xe máy chậm chậm quay phim từng nhà trong hẻm 40 Tân Quý, tôi sợ tụi nó "
        "dò đường trộm",
        "co xe ban tai dau dau hem 9 Tan Thanh ca buoi, nguoi tren xe chup hinh nha dan, thay nghi",
    ],
)
def test_strangers_photographing_houses_are_other(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.category) == ("tip", "other")


def test_a_van_parked_across_the_alley_stays_traffic() -> None:
    assert classify("xe tải đậu chắn hết hẻm từ sáng, xe máy không ra được").category == "traffic"


# Blows only nearly exchanged ("suýt xô xát") are no fight: the quarrel told is the tip (public
# order, as the sets label a quarrel reported); a fight that broke out stays violence
@pytest.mark.parametrize(
    "text",
    [
        "hai ông say xỉn cãi nhau ở quán đầu hẻm, suýt đánh nhau, người ta can ra rồi",
        "2 nha ke ben cai nhau vi cho dau xe hoai, co bua suyt xo xat",
    ],
)
def test_blows_nearly_exchanged_are_a_quarrel(text: str) -> None:
    assert tip_category(text) == "public_order"


def test_a_fight_that_broke_out_stays_violence() -> None:
    text = "hai ông say xỉn cãi nhau rồi đánh nhau ở quán đầu hẻm, 1 ông bể đầu"
    assert tip_category(text) == "violence"


# And a thing of one's own said lost in English is lost property, whatever it is; one snatched
# stays robbery
@pytest.mark.parametrize(
    "text",
    [
        "I lost my backpack on bus 69 this morning, it has my laptop and my work badge. Please "
        "call me if someone hands it in",
        "I think I lost my watch somewhere near Dam Sen park yesterday, it was a gift from my "
        "father",
    ],
)
def test_a_thing_lost_in_english_is_lost_property(text: str) -> None:
    assert tip_category(text) == "lost_property"


def test_a_thing_snatched_in_english_stays_robbery() -> None:
    assert (
        tip_category("Two men on a motorbike snatched my backpack near Aeon Tan Phu") == "robbery"
    )
