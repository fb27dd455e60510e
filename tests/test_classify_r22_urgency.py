"""Principles of urgency added in round 22 (issue 17, point 2), each named by the mechanism
that rated a calm tip urgent or a person in danger normal: a time that is not now said in
the other ways writers date an event; a person's state described rather than named (a body
failing); a danger said without a danger word (a beating told by its blows, a blade that is
scissors, someone hanging or caught); a plea in chat spelling or the old cry. Each is tried
on phrasings of our own and on near-misses that must not change; the rules' own verdict is
read (`by_rules`), so a retrained model moves none of them."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules, classify


def _urgent(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.severity) == ("tip", "urgent"), (text, got)


def _normal(text: str) -> None:
    got = by_rules(text)
    assert got.kind == "tip" and got.severity == "normal", (text, got)


# --- a time that is not now ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # counted back from today
        "cách đây 3 tuần có thằng bị chém ở bãi giữ xe chợ, tới giờ chưa bắt được ai",
        "cach day may hom co 2 nhom danh nhau o san bong, bao de phuong biet",
        "vài ngày trước nhà em bị trộm cạy cửa, camera quay được mặt",
        "mấy ngày trước có ông say rượu cầm dao rượt vợ ngoài hẻm",
        # the last week or weekday named
        "thứ 7 vừa rồi tụi nó đua xe rồi rượt chém nhau trên đường Tân Kỳ Tân Quý",
        "tuần vừa qua có vụ giật túi xách trước ngân hàng ở ngã tư",
        # late last night, a while back
        "khuya qua có đánh nhau trước quán nhậu, sáng ra thấy máu trên vỉa hè",
        "hồi xưa thằng này từng cầm mã tấu chém người ở chợ, giờ nó về xóm ở lại",
        "đợt trước có đứa bị bắt cóc trước cổng trường, phụ huynh lo lắm",
        # yesterday in chat spelling
        "hqua co thang cam dao doa giet ong ban ve so o dau hem",
        "hom wa co 2 thang danh nhau be dau truoc tiem net",
    ],
)
def test_a_time_that_is_not_now_is_no_danger_now(text: str) -> None:
    _normal(text)


@pytest.mark.parametrize(
    "text",
    [
        # the same times beside something going on now: still a danger
        "cách đây 2 tuần nó dọa rồi, giờ nó đang cầm dao đứng trước cửa nhà em",
        "thứ 7 vừa rồi tụi nó đánh nhau, bây giờ lại đang đánh nhau trước quán",
        "hqua no danh vo, gio no dang danh tiep, con nit khoc thet",
        # minutes ago are now, "vừa rồi" alone is just now
        "cách đây 5 phút có thằng cầm dao rượt người chạy vô hẻm 12",
        "vừa rồi có 2 đứa cầm mã tấu chạy ngang chợ",
        # "ngay truoc" typed without marks is "right in front of", not days ago
        "co thang cam dao dung ngay truoc cua nha em",
        # "cách đây" alone is a distance
        "cách đây 200m có đánh nhau, tụi nó đông lắm",
    ],
)
def test_now_minutes_ago_or_a_distance_stay_urgent(text: str) -> None:
    _urgent(text)


@pytest.mark.parametrize(
    "text",
    [
        # the one harmed told safe now: what is told is over
        "2 thằng chặn xe em ở đường vắng, kề dao đòi điện thoại, giờ em về tới nhà an toàn rồi",
        "tụi nó cầm cây rượt đánh thằng em tôi ở sân bóng, giờ nó về nhà rồi, chỉ trầy tay",
        "hai nhóm đánh nhau trước quán, giờ bỏ đi hết rồi, chỉ còn bàn ghế bể",
    ],
)
def test_the_one_harmed_told_safe_now_is_over(text: str) -> None:
    _normal(text)


@pytest.mark.parametrize(
    "text",
    [
        # safe, but the danger still there now
        "em chạy về nhà rồi mà thằng đó đang đứng ngoài cổng cầm dao chửi",
        "giờ em về nhà rồi, nó đang cầm mã tấu đi kiếm em ngoài hẻm",
        # the offender gone home is no one safe
        "thằng chồng đánh vợ bất tỉnh nằm ngoài sân, giờ nó về nhà rồi",
    ],
)
def test_safe_beside_a_danger_now_stays_urgent(text: str) -> None:
    _urgent(text)


# --- a person's state described -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ông bán vé số đang đi thì té gục trước tiệm thuốc, không ai dám đỡ",
        "co co gai nga quy o tram xe buyt, nguoi mem nhun",
        "thằng bé vớt dưới hồ lên môi tím, tay chân lạnh ngắt",
        "bà cụ nằm co quắp sau chợ, mắt trợn ngược",
        "ông kia bị chai bia đập vô đầu, máu chảy không ngừng, ngồi bệt dưới đất",
        "chị bán bánh bị dầu sôi đổ trúng, bỏng nặng cả hai chân",
        "ông cụ ngồi ở ghế đá công viên từ trưa, kêu không trả lời",
    ],
)
def test_a_body_failing_described_is_a_person_down(text: str) -> None:
    _urgent(text)


@pytest.mark.parametrize(
    "text",
    [
        # smoke or a smell next door said to choke: a nuisance, nobody down
        "nhà bên đốt rác khói bay qua ngạt thở, nói hoài không nghe",
        "quán nướng đầu hẻm khói mù mịt, cả xóm thở không nổi mỗi tối",
        # asleep over a table, a cold day
        "ông chú say rượu gục xuống bàn ngủ tới sáng, vợ kêu về không chịu",
        # over, in hospital
        "hôm qua ông tôi té gục ở chợ, đã đưa đi viện rồi, giờ hỏi thủ tục tạm vắng",
    ],
)
def test_a_nuisance_or_a_fall_over_is_no_person_down(text: str) -> None:
    got = by_rules(text)
    assert got.kind != "tip" or got.severity == "normal", (text, got)


# --- a danger said without a danger word ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "thằng chồng phòng 3 đang nắm tóc vợ kéo lê ra ngoài sân",
        "mấy thằng vây đánh thằng nhỏ giao hàng ở bãi đất trống",
        "tui no dang uynh nhau truoc quan bi a, dong lam",
        "ông kia đang cầm ghế phang thằng phụ quán",
        "tụi nó đang chọi gạch vô nhà tôi, con nít trong nhà khóc",
        "thằng đó cầm cây kéo dí vô cổ con bé trước cửa phòng trọ",
        "có đứa nhỏ đu lơ lửng ngoài lan can lầu 3",
    ],
)
def test_a_beating_or_a_hazard_told_without_its_name_is_urgent(text: str) -> None:
    _urgent(text)


@pytest.mark.parametrize(
    "text",
    [
        # a habit, a game, over
        "tối nào ổng cũng say về nắm tóc vợ chửi, hàng xóm quen rồi",
        "hôm qua tụi nó uýnh nhau trước quán, giờ giải tán rồi",
        "mấy đứa nhỏ chơi ném đá vô lon bia ở bãi đất, hơi ồn",
        "cái áo treo lơ lửng trên dây điện trước nhà cả tuần nay",
    ],
)
def test_a_habit_a_game_or_a_thing_is_no_danger_now(text: str) -> None:
    got = by_rules(text)
    assert got.kind != "tip" or got.severity == "normal", (text, got)


# --- a plea in chat spelling ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "kíu em, thằng chồng cũ đứng ngoài cửa đòi vô nhà",
        "có thằng lạ cứ gõ cửa phòng trọ em từ nãy, cíu em với",
        "bớ người ta, có thằng giật đồ ở đầu hẻm",
        "ông hàng xóm say xỉn đứng trước nhà tui chửi bới, xuống lẹ giùm",
        "KHẨN: ông hàng xóm say xỉn đứng chửi bới trước cổng nhà tôi",
    ],
)
def test_a_plea_in_chat_spelling_is_urgent(text: str) -> None:
    _urgent(text)


@pytest.mark.parametrize(
    "text",
    [
        # "kiu" typed without marks is also "kêu" (call)
        "chủ trọ kiu em dọn đi cuối tháng mà chưa trả cọc",
        # a voice hoarse ("khan"), not a hurry
        "quán karaoke kế bên hát tới khan cả giọng, ồn tới 1h sáng",
    ],
)
def test_a_word_that_only_looks_like_a_plea_is_none(text: str) -> None:
    got = by_rules(text)
    assert got.kind != "tip" or got.severity == "normal", (text, got)


@pytest.mark.parametrize(
    "text",
    [
        # typed without marks, the new words fold onto everyday ones: each counts with its
        # marks only, or with its rule's context
        "me toi bi lan di lac 2 ngay moi tim ve duoc, gio lam lai can cuoc cho ba sao",
        "con toi dang hoc nam dau dai hoc, muon dang ky tam tru gan truong",
        "cả tuần nay điện tắt liên tục, tối nào cũng cúp",
        "ben kia dang san phang mat bang, xe ben chay ra vo bui qua",
        "thang em toi vay danh bac, gio bi doi no hoai",
        "chu tro noi cuoi thang se keo di vo phong ben, em ko chiu",
        "nam do nha toi bi trom xe may o hem 5",
        "ba chu nha bo nguoi ta ngoai mua cho nhan phong",
        "hẻm 5 ngay trước chợ có quán nhậu mở nhạc to tới khuya",
    ],
)
def test_a_folded_word_is_no_danger_without_its_marks(text: str) -> None:
    got = by_rules(text)
    assert got.kind != "tip" or got.severity == "normal", (text, got)


# --- the writer's own wish to die --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "em muốn chết quá, ở nhà ai cũng chửi em",
        "tui muon chet qua, no nan ngap dau roi",
        "tôi muốn chết cho rồi, sống chẳng còn ý nghĩa gì",
        "mình muốn chết quá mọi người ơi, không ai thèm nghe mình",
    ],
)
def test_a_wish_to_die_said_in_the_first_person_stays_urgent_whatever_the_model(
    text: str,
) -> None:
    # the model had read "em muốn chết quá" as an overstatement and lowered it: a kept phrase
    got = classify(text)
    assert (got.kind, got.severity) == ("tip", "urgent"), (text, got)


@pytest.mark.parametrize(
    "text",
    [
        "em mệt muốn chết mà mai còn phải đi làm sớm",
        "tối qua tui đói muốn chết, quán nào gần phường còn mở",
        "coi clip đó em cười muốn chết",
    ],
)
def test_a_wish_to_die_that_names_what_is_overstated_is_no_alarm(text: str) -> None:
    assert classify(text).severity != "urgent", text
