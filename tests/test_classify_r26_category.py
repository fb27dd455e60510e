"""Principles of category added in round 26 (issue 17, points 2-4, cat-26), each on the
situation described rather than on a topic word. Tried on phrasings of our own, each beside
a near miss that must not change. Where the learned model is kept from overruling the rules,
the whole classifier is read (`classify`); otherwise the rules' own verdict (`by_rules`), so
a retrained model moves none of them."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules, classify
from tests.rules_reading import tip_category
from tests.understanding import cases


# Cannabis mixed into what is vaped and sold is drugs
@pytest.mark.parametrize(
    "text",
    [
        "mấy đứa lớp 11 bán thuốc lá điện tử có pha cần cho tụi lớp dưới sau giờ học",
        "nghe noi quan tra sua dau hem ban pod pha can, hoc sinh toi mua hoai",
    ],
)
def test_a_vape_with_cannabis_is_drugs(text: str) -> None:
    assert tip_category(text) == "drugs"


def test_celery_in_a_juice_is_no_drug() -> None:
    got = by_rules("xe nước ép trước cổng trường bán ly có pha cần tây, không rõ nguồn gốc")
    assert got.category != "drugs", got


# A purse or a phone snatched outright is a robbery, whatever pretext came before
@pytest.mark.parametrize(
    "text",
    [
        "hồi trưa có đứa giả bộ hỏi giá rồi giật luôn cái ví của cô bán cá, chạy ra đường lớn",
        "thang do di ngang giat phang soi day chuyen cua ba toi o cho",
    ],
)
def test_a_purse_snatched_outright_is_a_robbery(text: str) -> None:
    assert tip_category(text) == "robbery"


def test_a_wallet_dropped_when_startled_is_no_robbery() -> None:
    got = by_rules("nghe nổ lốp xe em giật mình làm rơi luôn cái ví ở chợ, tìm không thấy")
    assert got.category != "robbery", got


# Goods taken by one pretending to buy, who runs: the model may not name fraud over it
def test_goods_run_off_with_by_a_pretended_buyer_are_no_fraud() -> None:
    text = "có thằng giả vờ hỏi mua 2 cái nón bảo hiểm của chị tôi rồi cầm luôn phóng xe chạy mất"
    got = classify(text)
    assert (got.kind, got.category) == ("tip", "theft"), got


def test_a_pretended_buyer_paying_with_fake_notes_is_fraud() -> None:
    text = "có ông giả vờ mua vé số rồi trả bằng tiền giả 500 nghìn, bà cụ thối lại tiền thật"
    got = classify(text)
    assert (got.kind, got.category) == ("tip", "fraud"), got


# Someone stamped on or kicked where they lie is violence
@pytest.mark.parametrize(
    "text",
    [
        "ngoài quán nhậu có 3 thằng đang đạp vào đầu 1 ông nằm dưới đất, máu me",
        "chị bán chè bị chồng xô ngã rồi đạp vô bụng ngay trước sạp",
    ],
)
def test_someone_stamped_on_is_violence(text: str) -> None:
    assert tip_category(text) == "violence"


def test_a_child_fallen_off_a_bicycle_is_no_violence() -> None:
    got = by_rules("thằng nhỏ đạp xe té nằm dưới đất ở đầu hẻm 12, trầy hết chân")
    assert got.category != "violence", got


# Someone shut in by a group is violence
def test_someone_shut_in_by_a_group_is_violence() -> None:
    text = "em gái tôi đang bị mấy đứa cùng lớp nhốt trong phòng kho của trường, nó gọi về khóc"
    assert tip_category(text) == "violence"


def test_a_dog_the_neighbours_want_shut_in_is_no_violence() -> None:
    text = "nhà tôi bị tụi hàng xóm chửi vì không chịu nhốt chó, giờ tụi nó chặn cửa nhà tôi"
    got = by_rules(text)
    assert got.category != "violence", got


# A courier made to advance the price of a fake order, the buyer gone, is a fraud
@pytest.mark.parametrize(
    "text",
    [
        "khách đặt 2 phần cơm tấm bắt tui ứng tiền trước, tới nơi là nhà bỏ trống, gọi thì tắt máy",
        "bi 1 don ao bat ung truoc 800k, dia chi gia, goi lai thi chan so",
    ],
)
def test_a_fake_order_advanced_is_fraud(text: str) -> None:
    assert tip_category(text) == "fraud"


def test_an_order_advanced_and_paid_is_no_fraud() -> None:
    text = "khách bắt tui ứng tiền trước mua giùm thuốc, giao tới nơi khách trả đủ còn cho thêm"
    got = by_rules(text)
    assert got.category != "fraud", got


# Leaflets offering girls "to talk to" are the trade's own euphemism
def test_leaflets_offering_girls_to_talk_to_are_prostitution() -> None:
    text = "ai rải tờ rơi 'em gái tâm sự tận tình' đầy trạm xe buýt trước trường cấp 2"
    assert tip_category(text) == "prostitution"


def test_a_sister_confiding_is_no_prostitution() -> None:
    got = by_rules("em gái tâm sự với tôi là bị bạn trai đánh mấy lần rồi, tôi phải làm sao")
    assert got.category != "prostitution", got


# A power station burning, flames sparking on its wires, is a fire, typed without marks too
@pytest.mark.parametrize(
    "text",
    [
        "chay tram dien dau hem 40 Tan Huong, khoi den bay mu mit",
        "trụ điện trước chợ lửa xẹt xẹt trên dây, nổ lốp bốp từ nãy",
    ],
)
def test_a_power_station_burning_is_a_fire(text: str) -> None:
    assert tip_category(text) == "fire"


def test_a_humming_power_station_is_no_fire() -> None:
    got = by_rules("trạm điện đầu hẻm kêu ù ù cả đêm, ồn quá không ngủ được")
    assert got.category != "fire", got


# A street race told with its din is the race (traffic, the line's convention): the din is its
# effect, and the model may not name public order over it
@pytest.mark.parametrize(
    "text",
    [
        "khuya nào cũng có đám đua xe trên đường Trường Chinh, rú ga inh ỏi tới 2h",
        "toi thu 7 nao cung co nhom dua xe, net po o duong Doc Lap tu 11h dem",
    ],
)
def test_a_street_race_with_its_din_is_traffic(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.category) == ("tip", "traffic"), got


def test_a_crowd_watching_a_race_stays_public_order() -> None:
    text = "cả trăm người tụ tập hai bên đường coi đua xe, hò hét tới 2h sáng, xe không qua được"
    got = classify(text)
    assert (got.kind, got.category) == ("tip", "public_order"), got


# Drugs sold beat the strangers coming and going to buy them (a suspicious person's words)
def test_drugs_sold_to_strangers_are_drugs() -> None:
    text = "căn nhà cuối hẻm 70 bán ma túy, người lạ ra vào cả đêm. Xin giữ kín tên người báo tin"
    assert tip_category(text) == "drugs"


def test_strangers_watching_houses_stay_a_suspicious_person() -> None:
    text = "có người lạ cứ đứng đầu hẻm nhìn vô nhà tôi mấy tối nay. Xin giữ kín tên người báo tin"
    assert tip_category(text) == "other"


# The model may not name another category over a hold-up, a plate lost or women soliciting
@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "thằng cầm dao vô tiệm vàng trên Âu Cơ bắt mọi người nằm sấp, em trốn trong kho",
            "robbery",
        ),
        (
            "Tối qua chạy xe làm rớt biển số đâu mất trên đường Âu Cơ, giờ báo mất ở đâu ạ",
            "lost_property",
        ),
        (
            "khuya nào cũng có mấy cô đứng vẫy khách dưới chân cầu, ô tô tấp vô ngã giá",
            "prostitution",
        ),
    ],
)
def test_the_model_keeps_the_rules_category(text: str, category: str) -> None:
    got = classify(text)
    assert (got.kind, got.category) == ("tip", category), got


def test_taxis_waiting_for_fares_across_the_road_stay_traffic() -> None:
    got = classify("mấy chiếc taxi đứng đón khách chắn ngang đường trước bệnh viện, kẹt xe cả sáng")
    assert (got.kind, got.category) == ("tip", "traffic"), got


# A home only threatened with burning is a threat to its people (violence), nothing burning
@pytest.mark.parametrize(
    "text",
    [
        "thằng chồng cũ đang đứng trước cổng la sẽ đốt nhà, tay xách can xăng",
        "chu no dung truoc nha em doa se dot nha neu mai ko tra tien",
    ],
)
def test_a_home_threatened_with_burning_is_violence(text: str) -> None:
    assert tip_category(text) == "violence"


def test_a_home_set_on_fire_is_a_fire() -> None:
    assert tip_category("thằng đó vừa tưới xăng đốt nhà bà Năm, lửa đang bốc lên cao") == "fire"


# "1 dam" typed without marks is a group counted ("một đám"), no stab or punch
def test_a_group_counted_unmarked_is_no_stabbing() -> None:
    text = "1 dam 5 6 thang chay xe tren Au Co, cam ma tau keo le xuong duong toe lua"
    assert tip_category(text) == "weapons"


def test_a_stabbing_unmarked_beside_its_wound_is_violence() -> None:
    text = "thang kia vua dam ong xe om 1 nhat o bung, chay mau nhieu lam"
    assert tip_category(text) == "violence"


# A motorbike wheeled off, then ridden away, is taken
def test_a_motorbike_wheeled_off_is_a_theft() -> None:
    text = "có đứa vừa dắt xe máy của khách trước quán cơm đẩy đi, chủ quán la thì nó nổ máy chạy"
    assert tip_category(text) == "theft"


def test_ones_own_motorbike_pushed_to_the_repair_shop_is_no_theft() -> None:
    text = "xe tui chết máy, tui đẩy xe bộ tới tiệm sửa, thay bugi xong nổ máy chạy ngon lành"
    got = by_rules(text)
    assert got.category != "theft", got


# A pothole riders fell in is the road's accident; a branch fallen into the road is traffic
@pytest.mark.parametrize(
    "text",
    [
        "ổ gà sâu giữa đường Tân Hương, chiều nay 2 đứa học sinh bị té",
        "cay me truoc so 20 Go Dau gay nhanh do xuong nua duong, xe may phai lach qua",
    ],
)
def test_a_road_hazard_that_downed_riders_or_blocks_the_road_is_traffic(text: str) -> None:
    assert tip_category(text) == "traffic"


@pytest.mark.parametrize(
    "text",
    [
        "ổ gà to giữa đường Tân Hương gần trường, mưa xuống là đọng nước, nhờ phường xem giúp",
        "cây dầu trước số 20 Gò Dầu gãy nhánh, treo lủng lẳng trên dây điện từ chiều",
    ],
)
def test_a_road_hazard_nobody_fell_in_stays_other(text: str) -> None:
    assert tip_category(text) == "other"


# The one harmed back at home now: "đang" is their rest, not the event's; one going on is told
def test_the_one_harmed_now_at_home_is_no_danger_now() -> None:
    got = by_rules("tối qua bị 2 thằng chặn đánh ở hẻm 40, giờ đang ở nhà, muốn báo để điều tra")
    assert (got.kind, got.severity) == ("tip", "normal"), got


def test_the_one_harmed_at_home_with_the_offender_at_the_door_is_urgent() -> None:
    text = (
        "tối qua thằng chồng say rượu đánh tôi sưng mặt, giờ đang ở nhà mà nó đang đập cửa đòi vô"
    )
    got = by_rules(text)
    assert (got.kind, got.severity) == ("tip", "urgent"), got


# Labels of the message tuning sets against the line's conventions found in round 26 (cat-26),
# beside cat-24's and cat-25's (tests/test_classify_r24_category.py, _r25_): kept in the sets'
# scores, listed here with what the line reads
CONVENTION_CONFLICTS = {
    # (mt44-11, a pack of stray dogs that bit children, labelled public order, read other until
    # round 31, is read public order since: cat-31)
    # a protection racket collecting from stalls, labelled robbery: a racket is other
    # (classify.yaml other: "bảo kê"), as mt13-144 and mt6-202 are labelled
    "mt21-35": "other",
}


def test_labels_against_the_conventions_are_read_by_the_convention() -> None:
    # (each id's own set: "mt21-35" is messages_tuning21's)
    sets = {i.split("-")[0].removeprefix("mt") for i in CONVENTION_CONFLICTS}
    texts = {c["id"]: c["text"] for n in sets for c in cases(f"messages_tuning{n}.jsonl")}
    read = {i: classify(texts[i]).category for i in CONVENTION_CONFLICTS}
    assert read == CONVENTION_CONFLICTS
