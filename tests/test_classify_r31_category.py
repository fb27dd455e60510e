"""Principles of category added in round 31 (issue 17, cat-31), each on the situation described
rather than on a topic word. Tried on phrasings of our own, each beside a near miss that must not
change. The rules' own verdict is read (`by_rules`) unless the learned model's part is the point."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules, classify
from tests.rules_reading import tip_category


# Lured abroad by a job that pays well, then held there until a ransom is paid: the lure is the
# trick (fraud), the lock-up and the beating its means; the danger stays urgent
@pytest.mark.parametrize(
    "text",
    [
        "Cháu tôi bị lừa qua Campuchia làm việc, giờ bị giữ, bị đánh, tụi nó đòi 100 triệu mới thả",
        "thang em tui bi du sang campuchia lam viec luong cao, gio nhan ve noi bi nhot bi danh, "
        "doi chuoc 60 trieu",
        "chau toi di campuchia lam viec theo loi moi viec nhe luong cao, nay goi ve noi bi nhot, "
        "bi chich dien",
    ],
)
def test_lured_abroad_by_a_job_then_held_is_fraud(text: str) -> None:
    assert tip_category(text) == "fraud"
    assert by_rules(text).severity == "urgent"


def test_lured_abroad_the_learned_model_names_no_violence_over_it() -> None:
    text = "thang em tui bi du sang campuchia lam viec luong cao, gio nhan ve noi bi nhot bi danh"
    assert classify(text).category == "fraud"


@pytest.mark.parametrize(
    "text",
    [
        # gone there to work of one's own accord: nothing reported
        "anh tui qua Campuchia làm việc 3 năm nay, tháng nào cũng gửi tiền về",
        # back from working there, a procedure asked
        "em đi campuchia lam viec 2 nam, gio ve dang ky thuong tru lai the nao",
    ],
)
def test_working_abroad_of_ones_own_accord_is_no_fraud(text: str) -> None:
    assert by_rules(text).category != "fraud"


def test_a_beating_beside_a_stay_abroad_is_still_violence() -> None:
    text = "thằng chồng say rượu đánh vợ dã man, hẻm 12 Tân Hương, nó mới ở Campuchia về"
    assert tip_category(text) == "violence"


# Foreigners housed behind doors always shut: a lodging kept from view (residence), as the sets
# label foreigners lodged unseen
@pytest.mark.parametrize(
    "text",
    [
        "nha so 9 hem 14 Tan Huong co chuc nguoi trung quoc o, cua luc nao cung dong, ko thay ai "
        "ra ngoai",
        "can nha cuoi hem cho may nguoi nuoc ngoai thue, dong cua im im suot ngay, toi moi thay xe "
        "cho do an toi",
    ],
)
def test_foreigners_housed_behind_doors_shut_is_residence(text: str) -> None:
    assert tip_category(text) == "residence"


def test_a_home_shut_while_its_owner_is_away_is_no_residence() -> None:
    text = "nhà ông Tư đi vắng cả tháng, cửa lúc nào cũng đóng, sợ trộm vô"
    assert by_rules(text).category != "residence"


# A drunk passed out in the road, vehicles swerving round him: the drunk in the road's way (public
# order), not a person found down of unknown cause (other)
@pytest.mark.parametrize(
    "text",
    [
        "thang say nam bat tinh ngay giua duong Au Co, xe tai chay ne ko kip",
        "co nguoi say nam giua duong Luy Ban Bich gan cho, xe may suyt can may lan",
    ],
)
def test_a_drunk_passed_out_in_the_road_is_public_order(text: str) -> None:
    assert tip_category(text) == "public_order"


@pytest.mark.parametrize(
    "text",
    [
        "Có ông say nằm trong quán cà phê, chủ quán kêu không dậy, thở yếu",
        "có người đàn ông nằm bất tỉnh trên vỉa hè Tân Kỳ Tân Quý, ko biết say hay bệnh",
    ],
)
def test_someone_passed_out_off_the_road_is_a_person_down(text: str) -> None:
    assert tip_category(text) == "other"


# A building site's materials carted off in the night: a theft, whoever is told of
@pytest.mark.parametrize(
    "text",
    [
        "Công trình đầu hẻm 40 Tân Quý đêm nào cũng có xe ba gác tới chở sắt thép đi, chủ thầu nói "
        "ban đêm không ai làm",
        "may dem nay co nguoi leo vo cong trinh truong hoc dang xay khuan vat tu ra ngoai luc 1 2h "
        "sang",
    ],
)
def test_a_sites_materials_carted_off_at_night_is_theft(text: str) -> None:
    assert tip_category(text) == "theft"


def test_a_load_of_steel_driven_past_is_no_theft() -> None:
    text = (
        "xe tải chở sắt thép đi ngang hẻm 20 làm rơi 1 cây xuống đường, suýt trúng người đi xe máy"
    )
    assert by_rules(text).category != "theft"
