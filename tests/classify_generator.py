"""Generated classifier cases: templates x phrasings x diacritics on/off x letter case.

The phrasings below are written as citizens write, independently of the rule
file (several are deliberately not phrases of the rules: the generator measures
how the rules generalise, it is not a copy of them). Generation is seeded, so a
run is reproducible and a regression shows as a changed figure.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from shared.core.text import fold


@dataclass(frozen=True)
class GeneratedCase:
    text: str
    kind: str
    category: str | None = None  # checked for tips
    topic: str | None = None  # checked for questions
    subtopic: str | None = None
    severity: str | None = None  # checked where given


# (event, severity or None when the event alone does not say)
TIP_EVENTS: dict[str, tuple[tuple[str, str | None], ...]] = {
    "drugs": (
        ("có người bán ma túy cho thanh niên", "normal"),
        ("nhóm thanh niên tụ tập hút cần sa", "normal"),
        ("thấy mấy người tiêm chích ngay gốc cây", "normal"),
        ("có đường dây mua bán thuốc lắc", "normal"),
        ("phát hiện kim tiêm vứt đầy hẻm", "normal"),
        ("mấy con nghiện ngồi chích choác", "normal"),
        ("có người bán hàng trắng", "normal"),
        ("quán bar cho khách bay lắc", "normal"),
        ("nghi có người tàng trữ ma túy đá", "normal"),
        ("có tụ điểm sử dụng ma túy", "normal"),
    ),
    "theft": (
        ("bị trộm mất xe máy", "normal"),
        ("nhà em bị mất trộm tivi", "normal"),
        ("có người ăn cắp đồ trong chợ", "normal"),
        ("bị móc túi mất ví", "normal"),
        ("có đứa bẻ khóa xe đạp", "normal"),
        ("bị lấy cắp điện thoại trên xe buýt", "normal"),
        ("có kẻ trộm leo rào vào sân", "normal"),
        ("tiệm tạp hóa bị kẻ gian đột nhập", "normal"),
    ),
    "robbery": (
        ("bị cướp giật túi xách", "normal"),
        ("hai thanh niên giật điện thoại của khách", "normal"),
        ("có đối tượng trấn lột học sinh", "normal"),
        ("bị giật dây chuyền khi đi chợ", "normal"),
        ("có vụ cướp tiệm vàng", None),
        ("bọn cướp giật ví của bà cụ", "normal"),
    ),
    "violence": (
        ("có hai nhóm đang đánh nhau", "urgent"),
        ("ông chồng say rượu đánh vợ", None),
        ("có người bị hành hung", None),
        ("có vụ ẩu đả", None),
        ("một thanh niên bị đánh hội đồng", None),
        ("một phụ nữ bị bạo hành", "normal"),
        ("có người bị chém bị thương", "urgent"),
        ("có đứa trẻ bị xâm hại", None),  # a child in danger may be urgent
        ("hàng xóm đe dọa giết cả nhà tôi", "urgent"),
    ),
    "public_order": (
        ("hát karaoke ồn ào tới khuya", "normal"),
        ("thanh niên đua xe lạng lách", "normal"),
        ("nhóm người nhậu nhẹt la hét", "normal"),
        ("mở loa kẹo kéo hát tới nửa đêm", "normal"),
        ("có người say xỉn chửi bới", "normal"),
        ("thanh niên tụ tập gây rối", "normal"),
        ("xe bốc đầu nẹt pô ầm ĩ", "normal"),
        ("buôn bán lấn chiếm vỉa hè", "normal"),
    ),
    "gambling": (
        ("có sòng bạc hoạt động", "normal"),
        ("nhóm người đánh bài ăn tiền", "normal"),
        ("có người ghi lô đề", "normal"),
        ("tổ chức đá gà ăn tiền", "normal"),
        ("nhiều người tụ tập đánh bạc", "normal"),
        ("có ổ xóc đĩa", "normal"),
        ("có đường dây cá độ bóng đá", "normal"),
        ("chơi tài xỉu ăn tiền", "normal"),
    ),
    "fraud": (
        ("tôi bị lừa đảo qua mạng mất 30 triệu", "normal"),
        ("có người giả danh công an gọi điện", "normal"),
        ("mẹ tôi bị lừa chuyển khoản", "normal"),
        ("có tin nhắn lạ đòi mã OTP", "normal"),
        ("bạn tôi bị hack Zalo rồi nhắn tin mượn tiền", "normal"),
        ("có công ty đa cấp lừa tiền người già", "normal"),
        ("có người mạo danh nhân viên điện lực đòi tiền", "normal"),
    ),
    "prostitution": (
        ("có hoạt động mại dâm", "normal"),
        ("tiệm massage có kích dục", "normal"),
        ("có gái gọi đứng đường", "normal"),
        ("nhà nghỉ chứa mại dâm", "normal"),
        ("có người môi giới mại dâm", "normal"),
    ),
    "weapons": (
        ("có người mang súng đi lại", "urgent"),
        ("đối tượng cầm dao đứng chặn hẻm", "urgent"),
        ("có người tàng trữ vũ khí", None),
        ("thanh niên mang theo mã tấu", "urgent"),
        ("có người bán súng tự chế", None),
        ("thấy người giấu dao găm trong áo", "urgent"),
    ),
    "traffic": (
        ("xảy ra tai nạn giao thông", None),
        ("xe tải tông xe máy", None),
        ("ô tô đậu chắn lối đi", "normal"),
        ("xe máy chạy ngược chiều", "normal"),
        ("hai xe va chạm", None),
        ("kẹt xe nghiêm trọng", "normal"),
        ("xe container vượt đèn đỏ", "normal"),
    ),
    "fire": (
        ("nhà dân đang cháy", "urgent"),
        ("xảy ra cháy lớn", "urgent"),
        ("khói đen bốc lên nghi có cháy", "urgent"),
        ("chập điện bốc cháy", "urgent"),
        ("kho hàng bốc cháy dữ dội", "urgent"),
        ("có vụ nổ bình gas", "urgent"),
        ("có đám cháy", "urgent"),
    ),
    "lost_property": (
        ("em đánh rơi ví có căn cước", "normal"),
        ("nhặt được một chiếc điện thoại", "normal"),
        ("để quên túi xách trên taxi", "normal"),
        ("làm rơi mất bóp tiền ở chợ", "normal"),
        ("thất lạc giấy tờ xe", "normal"),
    ),
    "residence": (
        ("nhà trọ cho người ở không khai báo tạm trú", "normal"),
        ("khách sạn không báo lưu trú cho khách", "normal"),
        ("có nhiều người lạ ở mà không đăng ký tạm trú", "normal"),
        ("chủ nhà cho thuê phòng không khai báo", "normal"),
        ("căn hộ cho người nước ngoài ở không khai báo lưu trú", "normal"),
        ("có người ở chui trong phòng trọ", "normal"),
    ),
}

PLACES = (
    "",
    "ở hẻm 12 Lũy Bán Bích",
    "trước chợ Tân Hương",
    "tại số 5 đường Độc Lập",
    "gần trường Lê Trọng Tấn",
    "trong khu trọ đường Tân Kỳ Tân Quý",
    "ở chung cư Celadon",
    "ngay ngã tư Bốn Xã",
    "phường Tây Thạnh",
)
TIP_OPENERS = (
    "",
    "Cho em báo: ",
    "Alo công an ơi, ",
    "Báo các anh: ",
    "Xin chào, ",
    "Em muốn báo tin ",
    "Anh ơi ",
)
TIP_TAILS = ("", ".", " mỗi tối", " ạ", ", mong công an xử lý", ", nhờ các anh kiểm tra", "!!!")

# (procedure phrase, topic, subtopic)
PROCEDURES: tuple[tuple[str, str, str | None], ...] = (
    ("đăng ký tạm trú", "tam_tru", None),
    ("làm tạm trú", "tam_tru", None),
    ("khai báo tạm trú cho người thuê trọ", "tam_tru", None),
    ("đăng ký tạm trú cho sinh viên", "tam_tru", None),
    ("gia hạn tạm trú", "tam_tru", "gia_han"),
    ("khai báo tạm vắng", "tam_vang", None),
    ("báo tạm vắng khi đi làm xa", "tam_vang", None),
    ("thông báo lưu trú", "luu_tru", None),
    ("báo lưu trú cho khách", "luu_tru", None),
    ("khai báo lưu trú cho người nhà ở lại qua đêm", "luu_tru", None),
    ("đăng ký thường trú", "thuong_tru", None),
    ("nhập hộ khẩu cho con", "thuong_tru", None),
    ("chuyển hộ khẩu về nhà mới", "thuong_tru", None),
    ("xóa đăng ký thường trú", "thuong_tru", "xoa_dang_ky"),
    ("xin giấy xác nhận cư trú", "other", "xac_nhan_cu_tru"),
    ("làm CT07", "other", "xac_nhan_cu_tru"),
)
ASK_PREFIXES = ("", "cho em hỏi ", "cho mình hỏi ", "tôi muốn ", "xin hướng dẫn ", "anh ơi ")
ASK_SUFFIXES = (
    " cần giấy tờ gì",
    " như thế nào",
    " ở đâu",
    " mất bao lâu",
    " có mất phí không",
    " online được không",
    "?",
    " thì làm sao ạ",
    " cần gì vậy",
    "",
)
GENERAL_QUESTIONS = (
    "cho hỏi giờ làm việc của công an phường",
    "thủ tục làm căn cước ở đâu",
    "menu",
    "hỏi đáp",
    "số điện thoại trực ban là bao nhiêu",
)
# A citizen asking where their own tip stands (answered from their tips).
STATUS_QUESTIONS = (
    "tin báo của tôi sao rồi",
    "tin báo của em xử lý tới đâu rồi ạ",
    "công an tới chưa vậy",
    "có ai tới chưa anh",
    "mã TB-K5N9C xử lý sao rồi",
    "tbk5n9c",
    "tb-7k2q9 công an có đến chưa",
    "cho hỏi tin báo lúc nãy sao rồi",
)
OTHERS = (
    "xin chào",
    "chào anh",
    "cảm ơn anh nhiều",
    "dạ vâng",
    "ok",
    "cám ơn các anh",
    "tạm biệt",
    "vâng ạ",
    "hello",
    "ok em cảm ơn",
    "thanks",
    "chào buổi tối",
)


def _variants(rng: random.Random, text: str) -> str:
    """Diacritics on or off, and a letter case, as citizens type."""
    if rng.random() < 0.5:
        text = fold(text) if rng.random() < 0.9 else fold(text).replace(" ", "  ")
    case: Callable[[str], str] = rng.choice(
        (str, str, str.lower, str.upper, str.capitalize, str.title)
    )
    return case(text)


def generate(
    seed: int = 20261127,
    tips: int = 1500,
    questions: int = 800,
    others: int = 200,
    statuses: int = 80,
) -> list[GeneratedCase]:
    rng = random.Random(seed)
    cases: list[GeneratedCase] = []
    categories = sorted(TIP_EVENTS)
    for _ in range(tips):
        category = rng.choice(categories)
        event, severity = rng.choice(TIP_EVENTS[category])
        place = rng.choice(PLACES)
        body = f"{event} {place}".strip()
        text = f"{rng.choice(TIP_OPENERS)}{body}{rng.choice(TIP_TAILS)}"
        cases.append(
            GeneratedCase(_variants(rng, text), "tip", category=category, severity=severity)
        )
    for _ in range(questions):
        if rng.random() < 0.1:
            text = rng.choice(GENERAL_QUESTIONS)
            cases.append(GeneratedCase(_variants(rng, text), "question", topic="other"))
            continue
        procedure, topic, subtopic = rng.choice(PROCEDURES)
        prefix = rng.choice(ASK_PREFIXES)
        suffix = rng.choice(ASK_SUFFIXES)
        text = f"{prefix}{procedure}{suffix}"
        cases.append(
            GeneratedCase(_variants(rng, text), "question", topic=topic, subtopic=subtopic)
        )
    for _ in range(others):
        cases.append(GeneratedCase(_variants(rng, rng.choice(OTHERS)), "other"))
    for _ in range(statuses):  # last: the cases drawn before keep their seed's order
        text = rng.choice(STATUS_QUESTIONS)
        cases.append(GeneratedCase(_variants(rng, text), "question", topic="tip_status"))
    return cases


@dataclass(frozen=True)
class Accuracy:
    kind: float
    category: float
    topic: float
    subtopic: float
    severity: float
    cases: int
    misses: tuple[str, ...]  # a few wrong texts, for a failure message


def measure(cases: list[GeneratedCase], classify: Callable[[str], object]) -> Accuracy:
    counts = {k: [0, 0] for k in ("kind", "category", "topic", "subtopic", "severity")}
    misses: list[str] = []
    for case in cases:
        got = classify(case.text)
        checks = {"kind": (got.kind, case.kind)}
        if case.kind == "tip":
            checks["category"] = (got.category, case.category)
            if case.severity is not None:
                checks["severity"] = (got.severity, case.severity)
        if case.kind == "question":
            checks["topic"] = (got.topic, case.topic)
            checks["subtopic"] = (got.subtopic, case.subtopic)
        for name, (actual, expected) in checks.items():
            counts[name][1] += 1
            if actual == expected:
                counts[name][0] += 1
            elif len(misses) < 40:
                misses.append(f"{case.text!r}: {name} {actual!r} != {expected!r}")

    def ratio(name: str) -> float:
        right, total = counts[name]
        return right / total if total else 1.0

    return Accuracy(
        ratio("kind"),
        ratio("category"),
        ratio("topic"),
        ratio("subtopic"),
        ratio("severity"),
        len(cases),
        tuple(misses),
    )
