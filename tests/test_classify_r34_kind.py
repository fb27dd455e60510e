"""Round 34's kind pass (issue 17, kind-34), from dev set 49's misses: a service or goods
offered to the public (a price floor, a quantity at its price, the goods' origin vouched for,
a house service named, a repairman's guarantee, a first visit free for new customers, an
English offer with its call to write) is an ad; the same words told by the customer they
pressed or overcharged stay a tip. The ward's festivals and races, a storm's coming and one's
own roof readied, a loudspeaker talk praised and the line tried in English are chat; a vehicle
parked overnight is no guest's stay. Fresh phrasings (no marks, other goods and services, in
English) beside near misses. Ads are read whole (`classify`); the rules' own verdict
(`by_rules`) where the model could otherwise be asked."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules, classify


@pytest.mark.parametrize(
    "text",
    [
        "Dịch vụ giặt nệm, giặt rèm tận nơi, giá từ 99k",
        "cty ve sinh cong nghiep, ve sinh nha cua sau xay dung, gia tu 200k",
        "Nước mắm Phan Thiết chính gốc, can 5 lít 180k, giao tận nhà",
        "chuyen nha tron goi, dong goi can than, xe tai 1 tan 2 tan",
        "Sửa điện nước tận nhà, có mặt sau 15 phút, không sửa được không lấy tiền",
        "English course for kids, 8 lessons only 1,200,000 VND. Message us to book!",
        "Yoga classes for foreigners, first class free. Message us on Zalo",
        "Tiệm nail mới mở tặng buổi đầu miễn phí cho khách mới",
        "tham my vien tang buoi dau 0d cho khach moi, tri nam tri mun",
    ],
)
def test_a_service_offered_to_the_public_is_an_ad(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.spam) == ("other", True), (text, got)


@pytest.mark.parametrize(
    "text",
    [
        # the offer quoted by the customer it pressed or overcharged
        "Spa trên Lũy Bán Bích quảng cáo tặng buổi đầu 0đ cho khách mới, vô rồi bị ép mua liệu"
        " trình 20 triệu",
        "Tôi thuê cty vệ sinh nhà cửa giá từ 150k mà tới làm xong tính 2 triệu, còn dọa đánh",
        "Bên chuyển nhà trọn gói làm vỡ hết đồ còn đòi thêm 3 triệu, không trả thì không dỡ đồ"
        " xuống",
        "A language school offered lessons only 2,500,000 VND, I paid and they disappeared",
        "Thằng thợ sửa máy giặt tận nhà hôm qua tới nhà tôi, nó đi rồi mới thấy mất sợi dây chuyền",
    ],
)
def test_an_offer_told_by_its_customer_stays_a_tip(text: str) -> None:
    got = classify(text)
    assert got.kind == "tip" and not got.spam, (text, got)


@pytest.mark.parametrize(
    "text",
    [
        # the ward's festivals and races asked
        "phuong co to chuc giai chay viet da ko a, cho em dang ky voi",
        "Khu phố mình năm nay có rước đèn trung thu cho các cháu không ạ?",
        "nam nay phuong co to chuc trung thu cho thieu nhi ko ad",
        # a storm's coming asked, the writer's own home readied
        "bao vo chua may anh, nha em mai ton co can chang chong ko",
        "Mấy anh ơi bão khi nào vô, nhà tôi ở gần kênh có cần sơ tán không",
        # a talk on the loudspeaker praised
        "Tối qua nghe loa phát thanh nói về ma túy đá, hay quá, phát thêm đi",
        "nghe loa phuong tuyen truyen ve lua dao qua mang, bo ich lam",
        # the line tried in English
        "just testing if this works, sorry",
        "This is a test, please ignore",
    ],
)
def test_the_wards_life_the_weather_and_a_test_are_chat(text: str) -> None:
    assert by_rules(text).kind == "other", text


@pytest.mark.parametrize(
    "text",
    [
        # a harm told beside the same words
        "bão tới chưa mà có tụi trộm cạy cửa nhà tôi rồi",
        "Đang nghe loa phường thì có ông say rượu đánh vợ ở đầu hẻm, la quá trời",
        "Tối qua nghe loa phường xong thì ra thấy có thằng cạy khóa xe nhà tôi",
        "Trong buổi tuyên truyền ở nhà văn hóa có ông say rượu vô quậy, đánh người",
        "Mái tôn nhà bên bị bão thổi bay treo lơ lửng trên đường, sợ rớt trúng người đi đường",
        # an officer asked to come and write the record
        "lần này tui giữ được con nhỏ ăn cắp rồi, mời công an xuống lập biên bản",
        # a vehicle parked overnight beside homes is a hazard told, no guest's stay
        "xe bon cho xang do qua dem trong hem sat nha dan, tai xe con hut thuoc",
        "Xe tải chở gas đậu cả đêm trước cửa nhà tôi, tài xế ngủ trong xe",
    ],
)
def test_near_misses_stay_tips(text: str) -> None:
    assert by_rules(text).kind == "tip", text


@pytest.mark.parametrize(
    "text",
    [
        # a guest's night still asks the stay's declaration
        "nhà tôi có khách ở lại qua đêm có cần khai báo lưu trú không",
        "em có người bà con lên chơi ngủ lại qua đêm thì khai báo sao ạ",
        # a report's channel asked ("tin bao" is "tin báo", not a storm's news)
        "cho hoi muon gui tin bao thi gui vo day hay phai len phuong",
    ],
)
def test_asked_stays_a_question(text: str) -> None:
    assert by_rules(text).kind == "question", text


@pytest.mark.parametrize(
    "text",
    [
        # a robbery just done, the robbers gone the way named: still to be cut off
        "tiệm điện thoại em vừa bị 2 thằng cầm dao vô cướp 3 cái iphone, chạy rồi, hướng Âu Cơ",
        "vua bi giat dien thoai truoc cho, tui no chay roi, hướng Lũy Bán Bích",
    ],
)
def test_a_robbery_just_done_its_robbers_fled_the_way_named_is_urgent(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.severity) == ("tip", "urgent"), (text, got)


@pytest.mark.parametrize(
    "text",
    [
        # told earlier: over
        "sáng nay nhà tôi bị giật dây chuyền, tụi nó chạy rồi, hướng Bình Long",
        "hôm qua tiệm vàng bị cướp, thằng cướp chạy rồi, hướng Âu Cơ",
        # no way of flight: "hướng dẫn" is guidance asked
        "vừa bị giật túi, tụi nó chạy rồi, giờ hướng dẫn em làm đơn với",
        # a fight's youths gone are no taker's flight
        "mấy đứa vừa đánh nhau trước cổng trường, chạy rồi, hướng chợ",
    ],
)
def test_a_flight_told_earlier_or_no_takers_is_over(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.severity) == ("tip", "normal"), (text, got)


@pytest.mark.parametrize(
    "text",
    [
        # a knife drawn in English, its holder still about with it
        "A drunk man pulled out a knife in the restaurant on Tan Huong and is still walking"
        " around the tables shouting",
        "Guy on Au Co just pulled a gun on a taxi driver and is still holding it, people running",
    ],
)
def test_a_weapon_drawn_its_holder_still_about_is_urgent_in_english(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.severity) == ("tip", "urgent"), (text, got)


@pytest.mark.parametrize(
    "text",
    [
        "Last week a man pulled out a knife on the bus, the driver called police and they took"
        " him away",
        "Yesterday my neighbour pulled a knife on his wife, now he is calm and sleeping",
    ],
)
def test_a_weapon_drawn_days_ago_is_over_in_english(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.severity) == ("tip", "normal"), (text, got)


@pytest.mark.parametrize(
    "text",
    [
        # a payment hurried in the caller's words is the scam's demand, no plea to the police
        "Có người gọi xưng cô chủ nhiệm nói con tôi bị té đang cấp cứu, cần chuyển 20 triệu mổ"
        " gấp. Tôi gọi trường thì con vẫn đang ngồi học.",
        "Có số lạ gọi xưng thầy giáo nói con tôi bị té ở trường, cần chuyển 15 triệu mổ gấp, tôi"
        " gọi con thì nó vẫn đang học",
    ],
)
def test_a_payment_hurried_by_the_caller_is_no_plea(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.severity) == ("tip", "normal"), (text, got)


def test_a_plea_to_come_is_still_urgent() -> None:
    got = by_rules("thằng chồng say rượu đang đánh vợ con ở hẻm 12, tới gấp giùm")
    assert got.severity == "urgent", got


@pytest.mark.parametrize(
    "text",
    [
        # the child telling the writer what the job makes her do: reachable, a place to report
        "con gai toi 15 tuoi duoc nguoi quen gioi thieu lam phuc vu quan nhau, no ke phai ngoi"
        " uong voi khach, co dua bi dan di",
        "cháu tôi 17 tuổi đi làm quán karaoke trên Lũy Bán Bích, con bé kể bị ép tiếp khách, tôi"
        " muốn báo quán đó",
    ],
)
def test_a_child_telling_what_the_job_makes_her_do_is_no_child_taken_now(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.severity) == ("tip", "normal"), (text, got)


def test_a_child_led_off_told_by_a_friend_is_still_urgent() -> None:
    text = (
        "con gái tôi 16 tuổi bị người lạ dẫn đi từ chiều, bạn nó kể là nó bị chở đi karaoke, giờ"
        " gọi không được"
    )
    assert by_rules(text).severity == "urgent", text


@pytest.mark.parametrize(
    "text",
    [
        # weapons found lying and left untouched, nobody with them
        "Duoi gam cau kenh Tan Hoa co tui nilon dung may cay dao tu che voi ong tuyp, tui nho di"
        " cau ca thay ve ke, toi chua dam dung vo",
        "dưới chân cầu có bao đựng 2 cây mã tấu với cây súng tự chế, mấy đứa nhỏ đi chơi thấy về"
        " kể",
        "gam cau Tan Hoa co bao dung dao phay voi ong tuyp, chua dam dung vo",
    ],
)
def test_weapons_found_lying_untouched_are_no_danger_now(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.severity) == ("tip", "normal"), (text, got)


def test_a_weapon_found_and_guarded_now_is_still_urgent() -> None:
    text = (
        "Tôi phát hiện trong bãi rác đầu hẻm có 1 cây súng ngắn bọc trong khăn, tôi không dám"
        " đụng, đang đứng canh"
    )
    assert classify(text).severity == "urgent", text
