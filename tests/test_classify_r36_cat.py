"""Principles of category added in round 36 (issue 17, cat-36), from dev set 51's misses, each
tried on phrasings of our own (typos, no diacritics, slang) beside near misses that must keep
their reading. The rules' own verdict is read (`by_rules`, `tip_category`)."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules
from tests.rules_reading import tip_category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a craving for cards or bets is the gambling's, no drug
        ("chồng em nghiện cờ bạc, bán hết đồ trong nhà, giờ chủ nợ tới réo", "gambling"),
        ("thang em toi nghien ca do bong da, no 200 trieu, tui no toi nha doa", "gambling"),
        ("ba tôi nghiện đánh bài online, cầm luôn sổ đỏ, người lạ tới đòi nợ", "gambling"),
        # small packets handed to riders who come by: doses sold
        (
            "2h sáng có chiếc ô tô đậu đầu hẻm, mấy thằng mở cốp đưa bịch nhỏ cho người chạy xe "
            "máy tới rồi đi",
            "drugs",
        ),
        ("toi nao cung co dua ngoi cong vien dua goi nho cho may nguoi chay xe toi", "drugs"),
        # a lodger leaving with the room's things: taken
        (
            "khách thuê trả phòng lúc nửa đêm, khiêng luôn cái tivi của phòng, gọi không bắt máy",
            "theft",
        ),
        ("thang thue tro don di chở luôn cái máy lạnh của phòng, giờ chặn số", "theft"),
        # a drain's lid pried off and taken by someone: stolen
        ("nắp cống gang đầu hẻm bị tụi nghiện cạy lấy mất, giờ hố sâu hoắm", "theft"),
        ("nap ho ga duong Tan Huong bi ai cay lay mat 3 cai, ho hoac", "theft"),
        # a traffic light or a sign hidden from drivers: the road's
        ("đèn đỏ ngã ba Gò Dầu bị bảng hiệu quán nhậu che mất, xe chạy ào ào", "traffic"),
        ("bien bao cam re dau duong bi canh cay che khuat, xe cu re bay", "traffic"),
        # a dog got out or let out unmuzzled chasing, biting people: the street's order
        ("con chó nhà số 9 sổng ra rượt cắn mấy đứa nhỏ đi học, 1 đứa chảy máu", "public_order"),
        (
            "có ông dắt 2 con chó không rọ mõm vô công viên, tụi nhỏ bị rượt chạy tán loạn",
            "public_order",
        ),
        # a workplace's way out locked or e-bikes charged by the dozen indoors: a fire risk
        ("xưởng may trên Tây Thạnh khóa cửa thoát hiểm bằng xích, trong xưởng toàn vải", "fire"),
        (
            "chu tro cho sac xe dien qua dem trong hanh lang, chuc chiec mot luc, "
            "day noi lang nhang",
            "fire",
        ),
        # a child's round burns, a cigarette's: abused
        ("bé hàng xóm hay có vết bỏng tròn trên tay, hỏi thì nói mẹ dượng dí thuốc lá", "violence"),
        ("co giao thay tren lung be co may vet phong tron nhu dau thuoc la", "violence"),
        # a stranger calling himself kin to take a child from school: a suspicious person
        (
            "có người đàn ông tự xưng là chú của bé tới trường đòi đón bé, không có tên trong sổ "
            "đưa đón",
            "other",
        ),
        # squatters in an empty house, a fire lit to cook on: nothing taken, nothing ablaze
        ("căn nhà bỏ hoang cuối hẻm bị mấy người lạ phá khóa vô ở, tối nhóm lửa nấu ăn", "other"),
        # a rotten smell from a car's boot left for days: someone may be inside
        ("chiếc xe hơi đậu trước chợ cả tuần không ai lấy, cốp xe bốc mùi hôi thối", "other"),
        # young women sent to clients
        (
            "nha ben canh treo bien spa ma toan gai tre ra vao, khach dat lich qua app",
            "prostitution",
        ),
        (
            "tối nào cũng có xe đưa mấy cô gái trẻ từ căn nhà đầu hẻm tới nhà nghỉ, có ông thu "
            "tiền trước",
            "prostitution",
        ),
    ],
)
def test_dev51_families(text: str, category: str) -> None:
    assert tip_category(text) == category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a drain's lid only said missing stays the hazard
        ("nắp cống trước trường bị mất mấy bữa nay, hố sâu, sợ con nít té", "other"),
        # a break-in to take things is still a theft
        ("nhà bỏ hoang bị phá khóa, tụi nó khiêng hết cửa sắt đi bán", "theft"),
        # pried open with a loss beside it, no marks: still a theft
        ("cua phong tro bi cay, lay mat cai loa", "theft"),
        # a drug addict is still a drug's tip
        ("thằng con nhà đó nghiện ma túy, về nhà là đập phá đòi tiền", "drugs"),
        # a real fire beside cooking is still a fire
        ("quán cơm đầu hẻm đang cháy, khói đen bốc lên nghi ngút", "fire"),
    ],
)
def test_near_misses_keep_their_reading(text: str, category: str) -> None:
    assert tip_category(text) == category


def test_a_tree_is_no_pry_without_its_marks() -> None:
    # "bi cay" without marks is as often "bị cây": a tree hiding a light is no break-in
    assert by_rules("den giao thong nga tu bi cay che het, xe ko thay den").category != "theft"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # something taken off someone, the taker away on a motorbike, told in English: a snatch
        (
            "a guy walked past our table, took my bag off the chair and jumped on a motorbike",
            "robbery",
        ),
        ("Someone grabbed the phone from the table, then sped off with his friend", "robbery"),
        # a fake customer who shoves the seller to run with the goods: force used to take
        ("thang do gia vo mua dien thoai, cam len xem roi xo nhan vien te chay ra xe", "robbery"),
        ("2 đứa giả làm khách mua vàng, đeo thử chiếc nhẫn rồi xô ngã bà chủ chạy mất", "robbery"),
        # a fake customer who slips the seller's money or purse away: taken unseen
        ("có thằng giả mua vé số rồi rút cái bóp trong túi áo bà cụ", "theft"),
        (
            "con nho gia vo hoi mua, luc toi quay di lay hang thi no moc vi trong tui ao toi",
            "theft",
        ),
    ],
)
def test_taken_by_a_customer_or_a_passer_by(text: str, category: str) -> None:
    assert tip_category(text) == category


def test_a_ride_taken_is_no_snatch() -> None:
    assert by_rules("I took a taxi and rode off to the airport").category != "robbery"


def test_kin_claimed_is_no_scam_unless_money_is_asked() -> None:
    # a stranger claiming to be kin, moving in or taking a child: a suspicious person
    assert (
        tip_category(
            "có ông lạ mặt dọn vô ở với bà cụ sống một mình cuối hẻm, xưng là cháu mà cả xóm chưa "
            "thấy bao giờ"
        )
        == "other"
    )
    # the same claim with money asked is the old scam
    assert (
        tip_category(
            "có người gọi điện cho bà nội tôi xưng là cháu ở nước ngoài, nói bị tai nạn cần "
            "chuyển tiền gấp"
        )
        == "fraud"
    )
    assert (
        tip_category(
            "ong ngoai toi nhan dien thoai cua 1 nguoi tu xung la cau cua chau, noi chau bi tai "
            "nan, bat chuyen khoan 20 trieu"
        )
        == "fraud"
    )
