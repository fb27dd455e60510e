"""Message classification: labelled cases, citizen phrasings, collisions, accuracy, CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared.cli import main
from shared.core import classify as classify_module
from shared.core.classify import (
    CATEGORIES,
    KINDS,
    SUBTOPICS,
    TOPICS,
    Classification,
    build_rules,
    by_rules,
    classify,
    is_urgent,
    load_rules,
    weigh,
    with_urgency,
)
from shared.core.text import fold
from shared.core.text_model import Opinion
from tests.classify_generator import generate, measure
from tests.frozen_init import assert_init_sets_every_field

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
TINBAO = str(Path(sys.executable).parent / "tinbao")

KIND_TARGET = 0.95
CATEGORY_TARGET = 0.90


def _cases(name: str) -> list[dict[str, Any]]:
    with (FIXTURES / name).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _accuracy(cases: list[dict[str, Any]]) -> tuple[float, float, list[str]]:
    kind_right = category_right = category_total = 0
    misses: list[str] = []
    for case in cases:
        got = classify(case["text"])
        expect = case["expect"]
        kind_right += got.kind == expect["kind"]
        if "category" in expect:
            category_total += 1
            category_right += got.category == expect["category"]
        if any(getattr(got, k) != v for k, v in expect.items()):
            misses.append(f"{case['id']} {case['text']!r}: {got}")
    return kind_right / len(cases), category_right / category_total, misses


# --- the briefing's labelled cases -------------------------------------------


@pytest.mark.parametrize("case", _cases("classify.jsonl"), ids=lambda c: c["id"])
def test_briefing_case_is_classified_as_labelled(case: dict[str, Any]) -> None:
    got = classify(case["text"])
    for field, expected in case["expect"].items():
        assert getattr(got, field) == expected, (field, got)
    assert got.reasons, "a classified message names the phrases that decided it"


# --- how citizens ask (procedures.md), typos, narrow intents first ----------

CITIZEN_QUESTIONS = [
    ("dang ky tam tru can gi", "tam_tru", None),
    ("dk tam tru", "tam_tru", None),
    ("tam tru can j v", "tam_tru", None),
    ("lam tam tru online dc ko", "tam_tru", None),
    ("le phi tam tru bn", "tam_tru", None),
    ("gia han tam tru", "tam_tru", "gia_han"),
    ("chuyen tro co phai dang ky lai khong", "tam_tru", None),
    ("khai bao luu tru", "luu_tru", None),
    ("bao luu tru cho khach", "luu_tru", None),
    ("khach o lai qua dem", "luu_tru", None),
    ("ngu lai nha ban co phai bao khong", "luu_tru", None),
    ("nha nghi bao luu tru truoc may gio", "luu_tru", None),
    ("bao tam vang", "tam_vang", None),
    ("di lam xa co phai khai bao tam vang", "tam_vang", None),
    ("khai tam vang", "tam_vang", None),
    ("nhap ho khau", "thuong_tru", None),
    ("chuyen khau", "thuong_tru", None),
    ("dang ky thuong tru cho con", "thuong_tru", None),
    ("nha thue co dang ky thuong tru duoc khong", "thuong_tru", None),
    ("xin giay xac nhan cu tru", "other", "xac_nhan_cu_tru"),
    ("CT07", "other", "xac_nhan_cu_tru"),
    ("xac nhan noi o", "other", "xac_nhan_cu_tru"),
    # typos and spellings seen
    ("tam chu", "tam_tru", None),
    ("dang ki tam tru o dau", "tam_tru", None),
    ("Đăng kí tạm chú cần gì", "tam_tru", None),
    ("lam tren vnied duoc khong", "other", None),
    # narrow intents beat the broad "tạm trú"
    ("Tạm trú hết hạn rồi gia hạn thế nào?", "tam_tru", "gia_han"),
    ("đang tạm trú ở đây, về quê 1 năm có phải khai báo tạm vắng", "tam_vang", None),
    ("khách tạm trú hay lưu trú thì báo thế nào", "luu_tru", None),
    ("Xóa đăng ký tạm trú ở phòng trọ cũ", "tam_tru", "xoa_dang_ky"),
    ("xoa dang ky thuong tru o que", "thuong_tru", "xoa_dang_ky"),
    ("xác nhận tạm trú để nộp cho công ty", "other", "xac_nhan_cu_tru"),
    # ambiguous or general
    ("tt", "other", None),
    ("tt làm ở đâu", "other", None),
    ("menu", "other", None),
    ("hỏi đáp", "other", None),
    ("thủ tục", "other", None),
]


@pytest.mark.parametrize(("text", "topic", "subtopic"), CITIZEN_QUESTIONS)
def test_citizen_phrasing_is_a_question_of_its_topic(
    text: str, topic: str, subtopic: str | None
) -> None:
    got = classify(text)
    assert (got.kind, got.topic, got.subtopic) == ("question", topic, subtopic), got
    assert got.category is None


def test_a_tenant_not_registered_is_a_tip_but_asking_how_to_register_is_a_question() -> None:
    tip = classify("Nhà trọ có nhiều người lạ ở mà không khai báo tạm trú")
    question = classify("Đăng ký tạm trú cần những giấy tờ gì?")
    assert (tip.kind, tip.category, tip.topic) == ("tip", "residence", None)
    assert "không khai báo tạm trú" in tip.reasons
    assert (question.kind, question.topic) == ("question", "tam_tru")


def test_a_hotel_not_reporting_guests_is_a_residence_tip_without_diacritics() -> None:
    got = classify("khach san duong Au Co khong bao luu tru cho khach")
    assert (got.kind, got.category) == ("tip", "residence")


def test_asking_about_the_fine_for_not_registering_stays_a_question() -> None:
    got = classify("Không đăng ký tạm trú thì bị phạt bao nhiêu?")
    assert (got.kind, got.topic) == ("question", "tam_tru")


# --- kind other, defaults -----------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "👍", "😀😀", "!!!", "\n"])
def test_message_without_words_is_other_with_no_reasons(text: str) -> None:
    assert classify(text) == Classification("other", None, "normal", None, None, ())


@pytest.mark.parametrize("text", ["Xin chào", "cảm ơn", "cam on anh", "Dạ vâng", "ok", "thanks"])
def test_greeting_or_thanks_is_other_and_says_which_phrase(text: str) -> None:
    got = classify(text)
    assert got.kind == "other"
    assert got.reasons


def test_a_long_message_matching_nothing_is_read_as_a_tip_of_category_other() -> None:
    got = classify("Bên kia đường có một chiếc thùng lớn để đó từ sáng tới giờ")
    assert (got.kind, got.category, got.reasons) == ("tip", "other", ())


@pytest.mark.parametrize(
    "text",
    [
        # ("gửi lộn" is said by the rules: a message owned up to as sent by mistake)
        "xin loi nha, tin nay em tinh gui cho chi hai, mai em qua lay do",
        "ket qua xo so mien nam chieu nay giai dac biet 456789",
        "chuc may anh ca truc toi nay binh an vui ve nha",
    ],
)
def test_a_long_message_matching_nothing_the_model_reads_as_chat_is_other(text: str) -> None:
    # a tip by default (the rules found nothing), made other by the model's sure reading,
    # which the officer-facing reasons show
    assert by_rules(text).kind == "tip" and by_rules(text).reasons == ()
    got = classify(text)
    assert (got.kind, got.category, got.spam) == ("other", None, False)
    assert got.reasons[0].startswith("mô hình: other (")


def test_a_long_message_matching_nothing_stays_a_tip_unless_the_model_is_sure() -> None:
    # a parcel left in the street matches no rule; the model is not sure it is chat
    got = classify("có một bao tải lạ ai bỏ ở gốc cây trước cổng trường từ tối qua tới giờ")
    assert (got.kind, got.category) == ("tip", "other"), got


def test_a_short_message_matching_nothing_is_other() -> None:
    assert classify("bác sĩ ơi").kind == "other"


def test_reporting_verbs_alone_give_way_to_a_question() -> None:
    assert classify("Làm sao để tố giác tội phạm?").kind == "question"
    assert (classify("Tôi muốn tố giác một đối tượng").kind) == "tip"


# --- word boundaries and folded collisions -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Đi dạo công viên buổi tối",
        "dạo này phường có làm căn cước không",
        "xe đang chạy trên đường",
    ],
)
def test_words_that_fold_like_knife_or_fire_do_not_make_a_weapon_or_fire(text: str) -> None:
    got = classify(text)
    assert got.category not in ("weapons", "fire"), got
    assert got.severity == "normal", got


@pytest.mark.parametrize(
    "text", ["Có thằng cầm dao đứng đầu hẻm", "co thang cam dao dung dau hem", "nó vung dao lên"]
)
def test_a_knife_in_context_is_an_urgent_weapon(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.category, got.severity) == ("tip", "weapons", "urgent"), got


def test_a_bare_knife_counts_only_when_typed_with_diacritics() -> None:
    assert classify("Thấy người đó có dao trong áo").category == "weapons"
    # the rules leave the folded "dao" alone; the learned model may read the words around it
    got = classify("thay nguoi do co dao trong ao")
    assert got.category != "weapons" or got.category_learned, got


def test_a_phrase_never_matches_inside_a_longer_word() -> None:
    # "cháy" inside nothing, "bom" not in "bomb", "tt" not in "ttt"
    assert classify("nghiên cứu đề tài về trẻ em").severity == "normal"
    assert classify("ttt").kind == "other"


@pytest.mark.parametrize("mark", [", ", ",", ". ", "; ", "! ", "? ", "\n", " - ", ": ", "... "])
def test_a_phrase_never_spans_a_boundary_the_writer_typed(mark: str) -> None:
    # a seizure, then her handbag: no bag snatched
    joined = by_rules("cô ấy lên cơn co giật túi xách rơi ngoài chợ")
    assert joined.category == "robbery" and "giật túi xách" in joined.reasons, joined
    split = by_rules(f"cô ấy lên cơn co giật{mark}túi xách rơi ngoài chợ")
    assert split.category != "robbery", split
    assert not any("giật túi" in reason for reason in split.reasons), split


def test_a_phrase_typed_without_marks_never_spans_a_comma() -> None:
    # an old man crying in front of the house: no house on fire
    assert "nhà cháy" in by_rules("thay ong cu ngoi truoc nha chay nuoc mat").reasons
    assert "nhà cháy" not in by_rules("thay ong cu ngoi truoc nha, chay nuoc mat").reasons


def test_a_mark_inside_a_number_or_an_abbreviation_is_no_boundary() -> None:
    read = by_rules("nợ 1,5 triệu lúc 10:30 ở tp.hcm, nó cầm dao đứng trước cửa")
    assert read.severity == "urgent" and "cầm dao" in read.reasons, read


def test_a_negation_says_nothing_of_the_next_clause() -> None:
    # "chưa trả" is the debt's; the knife is in hand now
    assert by_rules("nợ tiền chưa trả nó cầm dao đứng trước cửa").severity == "normal"
    assert by_rules("nợ tiền chưa trả, nó cầm dao đứng trước cửa").severity == "urgent"
    assert by_rules("nợ tiền chưa trả. Nó cầm dao đứng trước cửa").severity == "urgent"
    # in its own clause it still negates
    assert by_rules("thằng đó chưa cầm dao, chỉ đứng trước cửa chửi").severity == "normal"


def test_gambling_needs_the_gambling_word_not_silver() -> None:
    assert classify("Có sòng bạc hoạt động ở hẻm 5").category == "gambling"
    assert classify("Tiệm bạc đầu hẻm bán nhẫn bạc đẹp lắm các anh ạ").category != "gambling"


def test_research_holds_the_word_help_but_is_not_a_cry_for_help() -> None:
    assert not is_urgent("Em đang nghiên cứu thủ tục tạm trú")
    assert is_urgent("Cứu!!! có người đang đánh tôi")


# --- severity -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Nhà kế bên đang cháy",
        "nha ke ben dang chay",
        "Đối tượng mang theo súng đe dọa người dân",
        "Đang có đánh nhau ở quán nhậu",
        "co 2 nhom dang danh nhau truoc cho",
        "cuu voi",
        "Có người kêu cứu trong hẻm",
        "Con tôi bị bắt cóc",
        "Hắn dọa giết cả nhà tôi",
        "thanh niên vung dao chém người",
    ],
)
def test_danger_now_is_urgent(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.severity) == ("tip", "urgent"), got


@pytest.mark.parametrize(
    "text",
    [
        "Hai nhóm đánh nhau ở quán nhậu mỗi tối",  # a fight, not said to be going on now
        "Hôm qua có vụ cháy ở chợ, giờ đã dập tắt",  # the past
        "Hôm qua có người bị chém ở quán nhậu",
        "Kiểm tra rồi, không có súng",  # negated
        "Nhà tôi bị trộm xe máy",
    ],
)
def test_reported_but_not_ongoing_danger_is_normal(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.severity) == ("tip", "normal"), got


def test_a_past_event_is_urgent_again_when_something_is_going_on_now() -> None:
    assert is_urgent("Hôm qua bị trộm, bây giờ bọn nó đang đánh nhau trước nhà")


def test_questions_and_chat_are_never_urgent() -> None:
    assert classify("Cho hỏi đăng ký tạm trú ở đâu").severity == "normal"
    assert classify("Xin chào").severity == "normal"


# --- reasons and invariants ---------------------------------------------------


def _all_labels() -> set[str]:
    rules = load_rules()
    index = (*rules.words.values(), *rules.pairs.values())
    labels = {p.label for ps in index for p in ps}
    return labels | set(rules.question_punctuation) | set(rules.question_final)


def test_every_reason_is_a_phrase_of_the_rule_file_or_the_models_opinion() -> None:
    labels = _all_labels()
    opinion = re.compile(rf"mô hình: ({'|'.join(CATEGORIES)}|urgent|normal) \((0|1)\.\d\d\)")
    for case in _cases("classify.jsonl") + _cases("classify_heldout.jsonl"):
        for reason in classify(case["text"]).reasons:
            assert reason in labels or opinion.fullmatch(reason), (case["text"], reason)


WORDS = (
    "nhà trọ",
    "có người lạ",
    "đang cháy",
    "cầm dao",
    "đi dạo",
    "cho hỏi",
    "tạm trú",
    "không khai báo",
    "ma túy",
    "xin chào",
    "cảm ơn",
    "cứu với",
    "đánh nhau",
    "hôm qua",
    "lừa đảo",
    "chuyển khoản",
    "karaoke",
    "ồn ào",
    "tt",
    "dk",
    "gia hạn",
    "lưu trú",
    "sòng bạc",
    "mại dâm",
    "ở",
    "xe tải tông",
    "súng",
    "không có ai",
    "bị đâm",
    "?",
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14), st.text(max_size=20))
def test_any_text_gives_a_consistent_classification(words: list[str], noise: str) -> None:
    for text in (" ".join(words), noise, " ".join(words) + noise):
        got = classify(text)
        assert got.kind in KINDS
        assert (got.category in CATEGORIES) if got.kind == "tip" else got.category is None
        assert (got.topic in TOPICS) if got.kind == "question" else got.topic is None
        assert got.subtopic is None or (got.kind == "question" and got.subtopic in SUBTOPICS)
        assert got.severity == "normal" or got.kind == "tip"
        assert len(set(got.reasons)) == len(got.reasons)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14))
def test_letter_case_never_changes_the_result(words: list[str]) -> None:
    text = " ".join(words)
    assert classify(text.upper()) == classify(text) == classify(text.title())


def test_briefing_tips_keep_kind_and_category_without_diacritics() -> None:
    for case in _cases("classify.jsonl"):
        got = classify(fold(case["text"]))
        assert got.kind == case["expect"]["kind"], (case["id"], got)
        if "category" in case["expect"]:
            assert got.category == case["expect"]["category"], (case["id"], got)


# --- accuracy on cases nobody tuned the rules for -----------------------------


def test_generated_cases_meet_the_accuracy_targets() -> None:
    cases = generate()
    assert len(cases) >= 2000
    accuracy = measure(cases, classify)
    detail = "\n".join(accuracy.misses)
    assert accuracy.kind >= KIND_TARGET, detail
    assert accuracy.category >= CATEGORY_TARGET, detail
    assert accuracy.topic >= 0.95, detail
    assert accuracy.severity >= 0.90, detail


def test_generated_cases_cover_every_category_and_both_spellings() -> None:
    cases = generate()
    assert {c.category for c in cases if c.kind == "tip"} == set(CATEGORIES) - {"other"}
    assert {c.topic for c in cases if c.kind == "question"} == set(TOPICS)
    assert any(fold(c.text) == c.text.lower() for c in cases)
    assert any(fold(c.text) != c.text.lower() for c in cases)


@pytest.mark.parametrize("name", ["classify_heldout.jsonl", "classify_blind.jsonl"])
def test_hand_written_held_out_sentences_meet_the_accuracy_targets(name: str) -> None:
    cases = _cases(name)
    assert len(cases) >= 40
    kind, category, misses = _accuracy(cases)
    assert kind >= KIND_TARGET, misses
    assert category >= CATEGORY_TARGET, misses


# --- the rule file ------------------------------------------------------------


def test_rule_file_rejects_an_unknown_category() -> None:
    with pytest.raises(ValueError, match="category must be one of"):
        build_rules({"categories": [{"category": "littering", "phrases": ["xả rác"]}]})


def test_rule_file_rejects_an_unknown_key_naming_its_place() -> None:
    with pytest.raises(ValueError, match=r"categories\[0\]\.phrase: unknown key"):
        build_rules({"categories": [{"category": "drugs", "phrase": ["ma túy"]}]})


def test_rule_file_reports_every_problem_at_once_with_its_path() -> None:
    with pytest.raises(ValueError) as err:
        build_rules(
            {
                "default_tip_min_words": "many",
                "topics": [{"topic": "tam_tru", "subtopic": "renewal", "phrases": ["tạm trú"]}],
                "categories": [
                    {"category": "drugs", "phrases": "ma túy"},
                    {"category": "theft", "weak": ["trộm", "!!!"]},
                ],
                "severity": {
                    "rules": [
                        {"id": "x", "why": "y", "phrases": [3]},
                        {"id": "z", "why": "y", "phrases": ["gấp"], "unless_category": ["scam"]},
                    ]
                },
            }
        )
    problems = err.value.problems  # type: ignore[attr-defined]
    assert any(p.startswith("default_tip_min_words: ") for p in problems), problems
    assert any(p.startswith("topics[0].subtopic: subtopic must be one of") for p in problems)
    assert any(p.startswith("categories[0].phrases: ") for p in problems), problems
    assert any(p.startswith("severity.rules[0].phrases[0]: ") for p in problems), problems
    assert any(p.startswith("severity.rules[0].examples: missing") for p in problems), problems
    unknown = "severity.rules[1].unless_category[0]: category must"
    assert any(p.startswith(unknown) for p in problems), problems
    with pytest.raises(ValueError, match=r"categories\[1\]\.weak\[0\]: no word in '!!!'"):
        build_rules({"categories": [{"category": "drugs"}, {"category": "theft", "weak": ["!!!"]}]})


def test_aliases_spell_a_rule_the_way_citizens_type_it() -> None:
    rules = build_rules(
        {
            "aliases": {"đăng ký": ["dk"]},
            "topics": [{"topic": "tam_tru", "phrases": ["đăng ký tạm trú"]}],
        }
    )
    assert ("dk", "tam", "tru") in {p.words for p in rules.pairs["dk", "tam"]}


def test_importing_the_classifier_is_cheap_and_loads_the_rules_lazily() -> None:
    # Loaded prebuilt (shared/data/classify.pickle, current: tests/test_prebuilt.py),
    # the rules need neither PyYAML nor pydantic; `rules_from_file` still does.
    code = (
        "import sys, shared.core.classify as c; "
        "loaded = lambda: [m for m in ('yaml', 'pydantic') if m in sys.modules]; "
        "print(loaded(), c.load_rules.cache_info().currsize); "
        "c.classify('ma túy'); print(loaded(), c.load_rules.cache_info().currsize); "
        "c.rules_from_file(); print(loaded())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[0] == "[] 0"
    assert out[1] == "[] 1", "prebuilt rules not used: run scripts/compile_data.py"
    assert out[2] == "['yaml', 'pydantic']"


# --- command line ---------------------------------------------------------------


def test_cli_prints_the_classification_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["classify", "Đối tượng mang theo súng đe dọa người dân"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["kind"] == "tip"
    assert out["category"] == "weapons"
    assert out["severity"] == "urgent"
    assert out["topic"] is None
    assert "mang theo súng" in out["reasons"]


def test_cli_jsonl_writes_one_result_a_line_with_its_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "a", "text": "dk tam tru"}\n\n{"id": 7, "text": "cảm ơn"}\n', encoding="utf-8"
    )
    assert main(["classify", "--jsonl", str(source)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [(x["id"], x["kind"], x["topic"]) for x in lines] == [
        ("a", "question", "tam_tru"),
        (7, "other", None),
    ]


def test_installed_console_command_classifies() -> None:
    out = subprocess.run(
        [TINBAO, "classify", "Nhà kế bên đang cháy, khói bốc lên nhiều"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result = json.loads(out)
    assert (result["kind"], result["category"], result["severity"]) == ("tip", "fire", "urgent")


# --- issue 17: diacritics as evidence ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "có 2 thanh niên lạ mặt chạy xe exciter không biển số lạng lách ở đường Âu Cơ",
        "co 2 thanh nien la mat chay xe exciter khong bien so lang lach o duong Au Co",
        "hàng xóm hút thuốc khói bay qua nhà tôi suốt",
        "tui no chay xe khoi hem roi",
        "may thang do chay ra khoi hem 14 roi",
        "em chạy xe ngang thấy xe cứu thương đậu ở đây",
    ],
)
def test_running_a_motorbike_or_cigarette_smoke_is_no_fire(text: str) -> None:
    got = classify(text)
    assert got.category != "fire" and got.severity == "normal", got


@pytest.mark.parametrize(
    "text",
    [
        "Cháy xe máy trước cửa hàng, lửa bùng lên rồi",
        "nha ben canh bi chay, lua lon lam",
        "chay nha o hem 12, khoi den boc len",
        "Kho hàng đang cháy, khói đen nghi ngút",
    ],
)
def test_a_fire_with_its_context_is_an_urgent_fire(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.category, got.severity) == ("tip", "fire", "urgent"), got


def test_a_word_typed_with_marks_matches_only_itself() -> None:
    assert classify("thằng đó đứng bán hàng đá ở đầu hẻm").category == "drugs"
    assert classify("tiệm đó bán hàng da thuộc rất đẹp ở đầu hẻm nè").category != "drugs"
    # without marks, "hang da" alone is leather as much as meth: context decides
    assert classify("tiem do ban hang da o dau hem").category != "drugs"
    assert classify("tiem do ban hang da cho dan nghien o dau hem").category == "drugs"


def test_the_tone_may_sit_on_either_vowel_and_y_or_i_is_the_same_spelling() -> None:
    assert classify("ngừoi ta đang cuớp giựt điện thoại").category == "robbery"
    assert classify("không đăng kí tạm trú, nhà trọ số 5 có nhiều người lạ").category == (
        "residence"
    )


def test_the_household_book_being_abolished_is_not_an_abandoned_child() -> None:
    for text in ("sổ hộ khẩu bỏ rồi đúng không", "so ho khau bo roi dung khong"):
        got = classify(text)
        assert got.kind == "question", got
    assert classify("có đứa trẻ bị bỏ rơi trước cổng chùa").kind == "tip"


# --- issue 17: severity rules, each with its examples -------------------------------


def _rules_file() -> Any:
    from shared.core import classify_file, data_file
    from shared.core.classify import RULES_PATH, SUBTOPICS

    with open(RULES_PATH, encoding="utf-8") as f:
        raw = data_file.load(f)
    vocabulary = {"categories": CATEGORIES, "topics": TOPICS, "subtopics": SUBTOPICS}
    return classify_file.parse(raw, vocabulary)


def _severity_rules() -> list[Any]:
    return list(_rules_file().severity.rules)


@pytest.mark.parametrize("rule", _severity_rules(), ids=lambda r: r.id)
def test_every_severity_rule_raises_its_urgent_examples_and_stops_at_its_normal_ones(
    rule: Any,
) -> None:
    own = {*rule.phrases, *rule.exact, *rule.with_}
    for text in rule.examples.urgent:
        got = classify(text)
        assert (got.kind, got.severity) == ("tip", "urgent"), (text, got)
        said = [f" {r} " for r in got.reasons]
        ours = any(f" {o} " in r for o in own for r in said) or got.category == rule.category
        assert ours, (text, got.reasons)  # urgent because of this rule, not another
    for text in rule.examples.normal:
        assert classify(text).severity == "normal", (text, classify(text))


# --- everyday compounds and folded words (blind set 5's misses, round 4 third pass) ---


def test_the_compound_lexicon_is_broad() -> None:
    phrases = [p for c in _rules_file().compounds for p in c.phrases]
    assert len(phrases) >= 30, phrases


@pytest.mark.parametrize("compound", _rules_file().compounds, ids=lambda c: c.phrases[0])
def test_a_word_inside_an_everyday_compound_is_never_a_reason(compound: Any) -> None:
    # the compound itself may be a reason ("cháy hàng" is advertising); a word of it never
    held = [f" {fold(p)} " for p in compound.phrases]
    for text in compound.examples:
        got = by_rules(text)
        inside = [
            r
            for r in got.reasons
            if f" {fold(r)} " not in held and any(f" {fold(r)} " in h for h in held)
        ]
        assert inside == [], (text, got)
        assert got.severity == "normal", (text, got)


@pytest.mark.parametrize(
    ("text", "category", "severity"),
    [
        # typed without marks, "dang chay" is also "đang chạy": fire only with fire context
        # (a race is traffic since round 22)
        ("xe dang chay tren cau thi bi may thang dua xe tat dau", "traffic", "normal"),
        ("nha ben canh dang chay, khoi den boc len nghi ngut", "fire", "urgent"),
        # with marks the marks decide
        ("Xe đang chạy trên cầu thì bị mấy thằng đua xe tạt đầu", "traffic", "normal"),
        ("Nhà bên cạnh đang cháy", "fire", "urgent"),
        # "chem" is also "chêm"; "bi chem" needs a blade's context without marks
        ("thang do bi chem chay mau nhieu lam", "violence", "urgent"),
    ],
)
def test_a_folded_word_reads_as_a_crime_only_with_context(
    text: str, category: str, severity: str
) -> None:
    got = by_rules(text)
    assert (got.kind, got.category, got.severity) == ("tip", category, severity), got


@pytest.mark.parametrize(
    "text",
    [
        "nhà bên nướng khô mực khói bay mù mịt, không phải cháy đâu mà ngộp quá",
        "chuông báo cháy kêu cả đêm, ban quản lý nói hệ thống lỗi chứ không có cháy",
    ],
)
def test_a_fire_said_not_to_be_one_is_no_fire(text: str) -> None:
    got = classify(text)
    assert got.category != "fire" and got.severity == "normal", got


@pytest.mark.parametrize(
    "text",
    [
        "Thằng chồng say xỉn về đánh vợ, chị ấy la quá trời, các anh tới gấp giùm",
        "có 1 người nằm bất động chưa ai gọi cấp cứu ở trước chợ",
        "con toi 8 tuoi di hoc chua ve, tim khap noi khong thay",
        "Cứu với, có người đang rượt chém nhau trong hẻm",
    ],
)
def test_a_person_in_danger_is_never_normal(text: str) -> None:
    assert classify(text).severity == "urgent", classify(text)


@pytest.mark.parametrize(
    ("text", "urgent"),
    [
        ("có đánh nhau trước tiệm net, tụi nó đông lắm", True),
        ("mấy thằng say xỉn đánh lộn ngoài bãi giữ xe", True),
        ("đêm nào tụi nó cũng đánh nhau ở bãi đất trống", False),
        ("quán đó thường xuyên xô xát với khách", False),
        ("tuần trước có vụ hỗn chiến ở bến xe", False),
    ],
)
def test_a_fight_is_going_on_unless_said_to_be_past_or_habitual(text: str, urgent: bool) -> None:
    got = classify(text)
    assert (got.kind, got.severity) == ("tip", "urgent" if urgent else "normal"), got


@pytest.mark.parametrize(
    ("text", "urgent"),
    [
        # "hay" offering an alternative after "không biết" is "or", not "usually": smoke
        # pouring from a house that may be a fire is urgent
        ("nhà đối diện bốc khói đen nghi ngút, không biết cháy hay đốt rác", True),
        ("nha doi dien boc khoi den nghi ngut ko biet chay hay dot rac", True),
        ("căn nhà cuối hẻm khói đen bốc lên, chưa biết cháy hay người ta đốt gì", True),
        # the same words told as a habit stay a nuisance
        ("ông nhà đối diện hay đốt rác, khói đen bay qua nhà tôi", False),
        ("nha doi dien hay dot rac khoi den mu mit", False),
    ],
)
def test_hay_after_khong_biet_is_or_not_a_habit(text: str, urgent: bool) -> None:
    got = classify(text)
    assert (got.kind, got.severity) == ("tip", "urgent" if urgent else "normal"), got


@pytest.mark.parametrize(
    "text",
    [
        "tụi nó hối em nạp tiền gấp mới rút được lợi nhuận, em mất 30 triệu rồi",
        "người tự xưng công an bắt mẹ tôi chuyển khoản gấp, tới liền kẻo bị bắt",
    ],
)
def test_a_scams_hurry_never_makes_its_report_urgent(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.category, got.severity) == ("tip", "fraud", "normal"), got


def test_a_scam_reported_with_a_cry_for_help_is_still_urgent() -> None:
    got = classify("cứu với, tụi lừa đảo giữ em trong phòng không cho về")
    assert got.severity == "urgent" and "cứu với" in got.reasons, got


def test_a_word_read_as_slang_is_not_also_a_past_marker() -> None:
    # "choi da xong" is "chơi đá xong" (after using meth), not "đã xong" (all over)
    got = classify("thang cha phong ben choi da xong dap pha do dac, vo con no so qua")
    assert (got.category, got.severity) == ("drugs", "urgent"), got
    assert classify("vụ cãi nhau đã xong, hai bên về nhà rồi").severity == "normal"


def test_a_land_dispute_is_a_question_never_a_tip() -> None:
    for text in (
        "nhà kế bên xây lấn đất qua nhà em, tranh chấp ranh giới thì làm đơn gửi đâu",
        "tranh chap loi di chung voi hang xom thi cong an phuong giai quyet duoc khong",
    ):
        assert classify(text).kind == "question", classify(text)


def test_a_plea_raises_a_tip_but_never_makes_a_tip_of_a_question() -> None:
    assert classify("cần làm tạm trú gấp thì làm sao").kind == "question"
    assert classify("có người bán ma túy ở hẻm 5, các anh tới gấp").severity == "urgent"


# --- issue 17: the words people use -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("thằng đó lại đứng bán hàng đá ở đây nè anh", "drugs"),
        ("mấy đứa trong phòng trọ bay lắc tới sáng", "drugs"),
        ("quán bar bán kẹo ke cho khách", "drugs"),
        ("nhà số 9 chiều nào cũng ghi lô đề", "gambling"),
        ("nghe nói nhà đó cất hàng nóng trong kho", "weapons"),
        ("bị chôm xe đạp ở trước tiệm net", "theft"),
    ],
)
def test_street_words_name_their_category(text: str, category: str) -> None:
    assert classify(text).category == category, classify(text)


def test_abbreviations_are_spelled_out_before_matching() -> None:
    assert "chỉ cần căn cước" in classify("Vay nhanh chỉ cần CCCD, giải ngân 5 phút").reasons
    assert classify("có sòng xóc đĩa sau KCN Tân Bình").category == "gambling"


# --- issue 17: categories people need --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Em đánh rơi cái bóp có CCCD với bằng lái ở gần siêu thị",
        "nhặt được một chiếc iPhone ở trạm xe buýt, muốn gửi lại công an",
        "rot dien thoai tren taxi, tai xe khong tra",
    ],
)
def test_lost_or_found_property_is_a_tip_of_its_own(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.category, got.severity) == ("tip", "lost_property", "normal"), got


def test_how_to_reissue_a_lost_card_is_a_question() -> None:
    assert classify("em mat can cuoc roi lam lai o dau vay").kind == "question"


@pytest.mark.parametrize(
    "text",
    [
        "Vay tiền nhanh chỉ cần CCCD, giải ngân trong ngày, không thế chấp",
        "SALE SẬP SÀN 50% toàn bộ mỹ phẩm, inbox shop ngay",
        "Tuyển nhân viên bán hàng online tại nhà, thu nhập 500k/ngày, kết bạn zalo",
    ],
)
def test_advertising_is_spam_of_kind_other(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.spam, got.category) == ("other", True, None), got


def test_a_citizen_reporting_a_loan_shark_is_no_spam() -> None:
    got = classify("bọn cho vay nặng lãi tới tạt sơn nhà tôi, đòi nợ thuê suốt")
    assert got.kind == "tip" and not got.spam


def test_a_victim_quoting_the_ad_that_cheated_them_is_no_spam() -> None:
    # the same ad words without the harm are spam (spam.unless)
    ad = classify("Mở bán căn hộ ven sông chiết khấu 12%, nhận giữ chỗ 30 triệu, inbox em")
    assert ad.spam, ad
    got = classify(
        "bị lừa mua căn hộ mở bán chiết khấu, đặt cọc 50 triệu giữ chỗ rồi công ty biến mất"
    )
    assert got.kind == "tip" and not got.spam, got


@pytest.mark.parametrize(
    "text",
    [
        "mẹ em bấm vào link nhận quà tri ân, vui lòng cập nhật tại link, giờ bị trừ tiền",
        "ba tui vay nhanh chỉ cần căn cước trên app, giờ tụi nó gọi khủng bố cả nhà",
        "em vay vốn online giải ngân nhanh, giờ tụi nó đăng ảnh em lên face bôi nhọ",
    ],
)
def test_the_harm_an_ad_did_since_is_no_spam(text: str) -> None:
    # the ad's words quoted by the one it harmed: never dropped as an ad
    got = classify(text)
    assert not got.spam and got.kind != "other", got


@pytest.mark.parametrize(
    "text",
    [
        "em nhận được tin nhắn 'quý khách có bưu phẩm chưa nhận, vui lòng thanh toán tại link',"
        " báo để bà con cảnh giác",
        "ba tui vay nhanh chỉ cần căn cước trên app, giờ tụi nó gọi khủng bố cả nhà",
    ],
)
def test_an_ad_quoted_by_its_victim_or_as_a_warning_is_a_fraud_tip(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.category, got.spam) == ("tip", "fraud", False), got


@pytest.mark.parametrize("text", ["alo alo test thử coi có ai đọc không", "alo có ai trực không"])
def test_testing_the_line_is_chat(text: str) -> None:
    assert classify(text).kind == "other"


def test_a_boarding_house_not_declared_and_noisy_is_a_residence_tip() -> None:
    got = classify(
        "Nhà trọ kế bên có cả chục người ở không khai báo tạm trú, đêm nào cũng ồn ào nhậu nhẹt"
    )
    assert got.category == "residence", got


# What citizens type: Vietnamese letters (composed or not), Latin, digits,
# punctuation, emoji, spaces; other scripts' combining marks are left out.
TYPED = st.text(
    st.one_of(
        st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyAĐƯ0123456789 .,!?-_/'\n😀👍"),
        st.sampled_from("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b\ufe0f"),
        st.characters(categories=["Ll", "Lu", "Nd", "Zs", "Po"]),
    ),
    max_size=60,
)


@settings(max_examples=500, deadline=None)
@given(TYPED)
def test_words_fold_word_by_word_as_the_whole_text_folds(text: str) -> None:
    import re
    import unicodedata

    from shared.core.text import words

    for variant in (text, unicodedata.normalize("NFD", text), "Đường " + text + " hẻm 5"):
        assert words(variant) == re.findall(r"[0-9a-z]+", fold(variant))


# --- issue 17, round 4: principles behind set 3's misses, in other words -------------


@pytest.mark.parametrize(
    "text",
    [
        "cám ơn công an phường đã xuống giải quyết nhanh chóng",
        "xin khen anh trực ca đêm qua, rất nhiệt tình",
        "sao ad không rep tin nhắn của em",
        "tui nhan nay gio ko ai tra loi",
    ],
)
def test_thanks_praise_or_nobody_answering_is_chat_about_the_line(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.about_line) == ("other", True), got


@pytest.mark.parametrize(
    "text",
    [
        "nhà số 7 cả tuần nay đóng cửa, gõ cửa hoài không ai trả lời, bà cụ ở một mình",
        "phong ke ben co mui hoi 2 3 ngay nay, go cua ko ai tra loi",
        "dãy trọ cuối hẻm có đứa nhỏ khóc trong phòng từ sáng, khóa ngoài, kêu không ai trả lời",
    ],
)
def test_nobody_answering_at_a_door_is_a_person_not_the_line(text: str) -> None:
    # a welfare check: someone inside may be down, never a complaint about the line
    got = classify(text)
    assert (got.kind, got.about_line) == ("tip", False), got


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("cảm ơn, nhà tôi đã bị trộm xe 2 lần rồi", "theft"),  # thanks for nothing done
        ("cảm ơn các anh đã tới nhưng tụi nó lại đánh nhau tiếp", "violence"),
        ("nhắn hoài không ai trả lời, tụi nó lại vô trộm đồ nữa", "theft"),
    ],
)
def test_words_about_the_line_beside_a_report_leave_it_a_tip(text: str, category: str) -> None:
    got = classify(text)
    assert (got.kind, got.category, got.about_line) == ("tip", category, False), got


@pytest.mark.parametrize(
    "text",
    [
        "nếu thấy người lạ cầm dao thì gọi số nào",
        "bị giật điện thoại thì báo ở đâu",
        "nếu có cháy thì báo ai",
        "luom duoc giay to cua nguoi khac thi nop cho ai",
    ],
)
def test_an_event_asked_about_is_a_question_never_an_alarm(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.severity) == ("question", "normal"), got


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("tui bị giật điện thoại rồi thì báo ở đâu", "robbery"),
        ("mất cà vẹt xe hôm qua rồi giờ sao đây", "lost_property"),
        ("sáng nay e bị mất thẻ căn cước ở bến xe, giờ phải làm sao", "lost_property"),
    ],
)
def test_an_event_told_as_having_happened_is_a_tip(text: str, category: str) -> None:
    got = classify(text)
    assert (got.kind, got.category) == ("tip", category), got


def test_a_lost_paper_asked_about_or_its_reissue_asked_is_a_question() -> None:
    assert classify("mất cà vẹt xe thì làm lại ở đâu").kind == "question"
    assert classify("e mat the can cuoc roi, cap lai o dau vay").kind == "question"


@pytest.mark.parametrize(
    ("asked", "told", "category"),
    [
        # pickpocketed, the procedure asked: where and when make the report (papers_asked)
        (
            "bị móc túi mất hết giấy tờ, xin giấy xác nhận mất ở đâu",
            "sáng nay bị móc túi ở chợ Bà Chiểu mất hết giấy tờ, xin giấy xác nhận mất ở đâu",
            "theft",
        ),
        (
            "em đánh rơi ví có căn cước, giờ xin giấy xác nhận mất ở đâu",
            "sáng nay em đánh rơi ví có căn cước ở bến xe, giờ xin giấy xác nhận mất ở đâu",
            "lost_property",
        ),
        (
            "em danh roi vi co can cuoc, xin giay xac nhan mat o phuong co ton phi khong",
            "hom qua em danh roi vi co can cuoc o cho, xin giay xac nhan mat co ton phi khong",
            "lost_property",
        ),
    ],
)
def test_papers_lost_and_their_procedure_asked_are_a_tip_only_when_told_where_or_when(
    asked: str, told: str, category: str
) -> None:
    assert classify(asked).kind == "question", classify(asked)
    got = classify(told)
    assert (got.kind, got.category) == ("tip", category), got


def test_a_friend_of_a_nationality_typed_without_marks_is_no_shot() -> None:
    # "ban nguoi" folds to bắn/bạn/bán người: a shot only beside a gun
    friend = classify("ban nguoi Han cua em den o nho 1 tuan, co phai khai bao khong")
    assert friend.kind == "question", friend
    shot = classify("no cam khau sung tu che ban nguoi o dau hem")
    assert (shot.kind, shot.severity) == ("tip", "urgent"), shot


def test_a_complaint_about_a_file_with_no_topic_word_is_a_question_not_a_tip() -> None:
    got = classify("cán bộ hẹn tới hẹn lui mãi chưa xong giấy cho tôi, tôi muốn khiếu nại")
    assert got.kind == "question", got


def test_a_fire_that_is_over_is_background_to_what_is_reported_now() -> None:
    now = classify("tuần trước cháy kho, giờ họ lại đậu xe chắn hết lối đi")
    assert (now.kind, now.category, now.severity) == ("tip", "traffic", "normal"), now
    alone = classify("tối qua cháy nhà bà Năm, nghi có người đốt")
    assert (alone.kind, alone.category, alone.severity) == ("tip", "fire", "normal"), alone


def test_a_child_shut_in_a_car_is_an_urgent_rescue_not_violence() -> None:
    got = classify("có con nít bị nhốt trong xe ô tô ngoài bãi giữ xe, trời nắng")
    assert (got.kind, got.category, got.severity) == ("tip", "other", "urgent"), got
    held = classify("tụi nó nhốt người trong phòng, không cho ra")
    assert (held.category, held.severity) == ("violence", "urgent"), held


def test_a_beating_names_who_is_beaten() -> None:
    got = classify("thằng đó đánh chị nó bầm mặt, tuần nào cũng vậy")
    assert (got.kind, got.category, got.severity) == ("tip", "violence", "normal"), got


def test_praise_beside_a_report_leaves_it_a_tip() -> None:
    got = classify("thằng bán ma túy ở hẻm 9 mời khách nhiệt tình lắm")
    assert (got.kind, got.category) == ("tip", "drugs"), got


def test_a_rumour_read_somewhere_and_asked_to_be_checked_is_a_question() -> None:
    assert classify("nghe đồn tối nay có băng cướp về xóm, có thật không ạ").kind == "question"
    told = classify("nghe nói thằng Tư bán ma túy ở hẻm 3")  # hearsay reported: a tip
    assert (told.kind, told.category) == ("tip", "drugs"), told


def test_a_rule_heard_of_and_checked_is_a_question_even_said_of_now() -> None:
    # "giờ" and "dang ky" typed without marks ("đang") tell no event going on
    heard = "nghe nói năm nay bỏ đăng ký tạm trú rồi, giờ thuê phòng trọ ko cần dang ky nữa phải ko"
    assert classify(heard).kind == "question", classify(heard)
    # a danger heard of and checked stays a tip: the desk sees it
    danger = classify("nghe nói đang có đánh nhau ở đầu hẻm 7, đúng không anh")
    assert (danger.kind, danger.severity) == ("tip", "urgent"), danger


def test_a_danger_beside_only_weak_words_of_a_category_is_the_dangers_tip() -> None:
    got = classify("có người nằm gục ở lề đường, lay không dậy")
    assert (got.kind, got.category, got.severity) == ("tip", "other", "urgent"), got


# --- round 6: two phrases that are evidence together (a category's `near` pairs) ----


def _near_pairs() -> list[tuple[str, Any]]:
    return [(rule.category, pair) for rule in _rules_file().categories for pair in rule.near]


@pytest.mark.parametrize(("category", "pair"), _near_pairs(), ids=lambda v: str(v)[:20])
def test_every_near_pair_makes_its_examples_tips_of_its_category_naming_both_phrases(
    category: str, pair: Any
) -> None:
    for text in pair.examples:
        got = classify(text)
        assert (got.kind, got.category) == ("tip", category), (text, got)
        reasons = set(got.reasons)
        assert reasons & set(pair.first) and reasons & set(pair.then), (text, got.reasons)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # the money asked first, the stopping after, or too far apart: no robbery pair
        # (protection money is a racket's, category other, since round 17)
        ("tụi nó đòi tiền bảo kê quán, ai không đưa thì bị chặn không cho bán", "other"),
        # blocked online is a scam's ending, not someone stopped in the street
        ("chuyển tiền mua hàng xong bị chặn zalo, nó lấy tiền rồi biến mất", "fraud"),
        # a scam suspected, not a theft
        ("nghi bị lừa, nó lấy 5 triệu của em rồi", "fraud"),
    ],
)
def test_a_near_pair_needs_its_order_its_gap_and_no_cancelling_phrase(
    text: str, category: str
) -> None:
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", category), got


@pytest.mark.parametrize(
    ("text", "kind", "category"),
    [
        ("co thang nho dang tam song, nuoc chay xiet", "tip", "other"),  # the river, no den
        ("em lượm được cái ví ở chợ, muốn trả lại thì gửi đâu", "tip", "lost_property"),
        ("gửi thử tin nhắn, bên mình có nhận được không ạ", "other", None),
        ("bài cảnh báo giả shipper hữu ích quá, cảm ơn page", "other", None),
    ],
)
def test_round_six_principles_in_other_words(text: str, kind: str, category: str | None) -> None:
    got = classify(text)
    assert (got.kind, got.category) == (kind, category), got


def test_a_follow_up_saying_it_is_still_there_again_is_no_parked_lorry() -> None:
    # folded, "do lan" is "đỗ lấn" (parked into the road) and "đó lần" (there, time n)
    assert classify("tui no van con o do!! lan thu 37").category != "traffic"
    assert classify("xe tai do lan ra het nua duong").category == "traffic"


@pytest.mark.parametrize(
    "text",
    [
        "ông bà ngoại từ miền Tây lên ở nhà tôi chừng 10 ngày để khám bệnh, phải báo công an"
        " ko hay là thôi",
        "me em o que len o vai hom thi phai di bao hay thoi a",
    ],
)
def test_yes_or_no_with_the_other_way_said_is_a_question(text: str) -> None:
    # nothing of a category said: the long message would otherwise be an unknown tip
    got = by_rules(text)
    assert got.kind == "question", got


def test_the_words_a_category_requires_open_a_supposed_event_too() -> None:
    # renting to a foreigner without declaring, asked about with "thì phạt bao nhiêu"
    asked = by_rules("cho thue can ho cho ng nuoc ngoai ma ko khai bao thi phat bn")
    assert asked.kind == "question", asked
    # told about a place, it is still a residence tip
    told = by_rules("căn hộ 12A chung cư Sơn Kỳ cho thuê người nước ngoài mà không khai báo")
    assert (told.kind, told.category) == ("tip", "residence"), told


@pytest.mark.parametrize(
    "text",
    [
        "toi o tro 2 thang roi chua dang ky tam tru, qua han vay co bi phat ko, phat bao nhieu",
        "co khach tay thue phong nha nghi cua toi ma toi chua khai bao, bi phat ko",
        "Em thuê trọ 3 tháng nay mà chủ trọ chưa khai báo tạm trú cho em, mức phạt thế nào",
    ],
)
def test_the_fine_of_an_omission_asked_is_a_question(text: str) -> None:
    got = classify(text)
    assert got.kind == "question", got


def test_an_omission_reported_without_a_fine_asked_stays_a_tip() -> None:
    got = classify("nha tro so 15 hem 20 cho chuc nguoi o ma khong khai bao tam tru")
    assert (got.kind, got.category) == ("tip", "residence"), got


def test_o_voi_without_marks_is_staying_with_not_a_pothole() -> None:
    text = "chong em nguoi Han Quoc, qua o voi em o Tan Phu, khai bao tam tru cho anh ay o dau"
    assert "ổ voi" not in by_rules(text).reasons
    assert classify(text).kind == "question"
    # with its marks, or beside another hazard, it is still the road's hole
    assert by_rules("đường hẻm 12 có ổ voi sâu hoắm, xe té liên tục").category == "other"
    assert "ổ voi" in by_rules("duong hem 12 co o ga o voi nguy hiem qua").reasons


def test_papers_lost_before_a_residence_procedure_asked_are_its_premise() -> None:
    text = "Mất giấy tờ hết rồi mà tạm trú cũng sắp hết hạn, giờ em gia hạn được không ạ?"
    assert classify(text).kind == "question"
    # told where and when, the loss is a report the ward records
    told = "sáng nay em làm rơi ví ở chợ Tân Hương mất hết giấy tờ, giờ gia hạn tạm trú sao"
    assert (classify(told).kind, classify(told).category) == ("tip", "lost_property")


@pytest.mark.parametrize(
    "text",
    [
        "con trai tôi đang bị tạm giam vì trộm cắp, tạm trú của nó ở phòng trọ có bị xóa không",
        "ba em mới ra tù vì tội đánh bạc, giờ muốn nhập hộ khẩu lại về nhà thì làm sao",
        "em ruot toi bi dua di cai nghien bat buoc 2 nam, co phai cat khau cua no khong",
        "nguoi huong an tu treo co duoc dang ky tam tru o tinh khac khong",
    ],
)
def test_a_person_the_authorities_already_hold_is_the_premise_of_a_registration_asked(
    text: str,
) -> None:
    # arrested, detained, sentenced or sent to rehab: the police have the case
    assert classify(text).kind == "question", classify(text)


def test_a_person_held_with_no_registration_asked_is_still_a_report() -> None:
    got = by_rules("thằng bán ma túy đầu hẻm bị bắt rồi mà giờ đồng bọn nó vẫn bán tiếp")
    assert (got.kind, got.category) == ("tip", "drugs"), got


def test_an_officer_asked_to_come_and_show_a_procedure_is_no_report() -> None:
    # the model, taught crowded boarding houses as residence tips, reads this one as a
    # report (0.93); the visit asked for is the hand-off's, a question for the desk
    asked = (
        "dãy trọ nhà tui mấy chục người ở, "
        "nhờ công an phường xuống hướng dẫn trực tiếp tụi nó khai báo"
    )
    assert classify(asked).kind == "question", classify(asked)
    # police asked to come and settle something is still a report
    plea = "tụi nhỏ trong dãy trọ đánh nhau quá trời, nhờ công an phường xuống giải quyết liền"
    assert classify(plea).kind == "tip", classify(plea)


def test_papers_destroyed_and_the_loss_confirmation_asked_are_a_question() -> None:
    # soaked in a flood, burnt in a fire last month: the confirmation is the procedure
    flood = "đợt lũ tuần rồi nhà em ngập, giấy tờ ướt nhòe hết, xin giấy xác nhận mất giấy tờ ở đâu"
    fire = "nha bi chay thang truoc, giay to chay het, gio xin giay xac nhan mat giay to o dau"
    assert classify(flood).kind == "question", classify(flood)
    assert classify(fire).kind == "question", classify(fire)
    # a loss told with where and when is still the ward's report
    told = "sáng nay mất giấy tờ ở chợ Bà Chiểu, giờ xin giấy xác nhận mất giấy tờ ở đâu"
    assert (classify(told).kind, classify(told).category) == ("tip", "lost_property")


def test_papers_stolen_and_where_to_report_the_loss_asked_are_a_question() -> None:
    got = classify("tụi trộm lấy mất cái bóp có căn cước, giờ trình báo mất giấy tờ ở đâu vậy")
    assert got.kind == "question", got


def test_a_traffic_fine_of_ones_own_paid_online_or_a_jam_that_made_one_late_are_no_report() -> None:
    fine = "tuan truoc bi lap bien ban chay nguoc chieu, dong phat online duoc khong"
    late = "hẹn nộp hồ sơ tạm trú lúc 9h mà kẹt xe nên trễ, chiều nay tới được không"
    assert classify(fine).kind == "question", classify(fine)
    assert classify(late).kind == "question", classify(late)
    assert by_rules("đường Âu Cơ kẹt xe cứng ngắc cả tiếng, không ai điều tiết").kind == "tip"


def test_a_person_rescued_whose_papers_were_kept_asks_where_to_report_the_loss() -> None:
    text = (
        "em gái tôi bị lừa sang biên giới, vừa được giải cứu, giấy tờ bị bọn nó giữ hết,"
        " giờ báo mất giấy tờ ở đâu"
    )
    assert classify(text).kind == "question", classify(text)


def test_a_card_named_stolen_before_a_registration_asked_is_its_premise() -> None:
    # "đang" of a registration held ("mình đang tạm trú ở đâu") is no event going on
    text = (
        "kẻ gian trộm căn cước của tôi rồi dùng đăng ký tạm trú,"
        " làm sao biết mình đang cư trú ở đâu"
    )
    assert classify(text).kind == "question", classify(text)
    told = "sáng nay ở chợ Tân Hương bị trộm căn cước, giờ làm tạm trú sao"
    assert classify(told).kind == "tip", classify(told)


def test_a_relative_the_police_hold_asked_about_by_the_family_is_a_question() -> None:
    text = (
        "em trai tôi bị công an mời lên đồn vụ cãi nhau đánh lộn tối qua, giờ người nhà có"
        " được vào thăm không"
    )
    assert classify(text).kind == "question", classify(text)
    # a fight going on beside someone taken away is still a report
    fight = by_rules("công an vừa bắt 1 thằng mà mấy đứa còn lại đang đánh nhau trước quán")
    assert fight.kind == "tip", fight


def test_ones_own_camera_fine_looked_up_or_a_plate_reissued_after_an_accident_asks() -> None:
    camera = "cho hỏi xem phạt nguội ở đâu, hình như em bị chụp chạy ngược chiều trên Cộng Hòa"
    assert classify(camera).kind == "question", classify(camera)
    plate = "hôm trước té xe bể luôn biển số, giờ làm lại biển số thì đi đâu ạ"
    assert classify(plate).kind == "question", classify(plate)
    # an accident told, nothing of one's own asked, is still a report
    crash = by_rules("tai nạn giao thông ở ngã tư Bà Quẹo, một người nằm dưới đường")
    assert crash.kind == "tip", crash


def test_a_fines_amount_heard_and_checked_is_a_question() -> None:
    text = "người ta nói ở trọ mà không đăng ký tạm trú bị phạt lên tới 5 triệu, đúng không ạ"
    assert classify(text).kind == "question", classify(text)


def test_a_police_check_or_a_recovery_over_before_a_registration_asked_is_its_premise() -> None:
    checked = (
        "tháng rồi công an kiểm tra hành chính dãy trọ, bắt mấy người hút ma túy; giờ tôi"
        " muốn đăng ký tạm trú cho khách thuê đầy đủ thì làm sao"
    )
    assert classify(checked).kind == "question", classify(checked)
    hurt = (
        "anh tôi té xe gãy tay nên về nhà dưỡng thương một tháng, có phải khai tạm vắng ở"
        " chỗ trọ không"
    )
    assert classify(hurt).kind == "question", classify(hurt)
    # drugs used now, or lodgers unregistered, a check asked for, is still a report
    drugs = by_rules("phòng trọ số 5 đang chích ma túy, mong công an kiểm tra hành chính")
    assert drugs.kind == "tip", drugs
    lodgers = (
        "dãy trọ kế bên chục người ở không đăng ký tạm trú gì, các anh kiểm tra hành chính giùm"
    )
    assert classify(lodgers).kind == "tip", classify(lodgers)


def test_a_relative_hurt_come_to_stay_for_treatment_is_a_question() -> None:
    text = (
        "mẹ em dưới Long An bị xe tông gãy tay, lên ở nhà em chữa bệnh chừng 10 ngày, em có"
        " phải báo gì không"
    )
    verdict = classify(text)
    assert (verdict.kind, verdict.topic) == ("question", "luu_tru"), verdict
    # a crash told, a victim being treated, is still a report
    crash = by_rules("xe tải tông xe máy ở ngã tư Bốn Xã, người bị thương đang điều trị")
    assert crash.kind == "tip", crash


# --- round 10, tuning set 6: principles, worded apart from the set -------------


@pytest.mark.parametrize(
    "text",
    [
        "KHẨN: có nhóm bắt cóc trẻ em bằng xe 16 chỗ ở các trường học, hãy chia sẻ cho mọi người",
        "Tu thang sau CSGT phat nguoi khong mang CCCD 3 trieu, chia se gap cho ban be",
        "gửi tin nhắn này cho 15 người thì sẽ gặp may, không gửi thì xui cả tháng",
    ],
)
def test_a_chain_message_asking_to_be_passed_on_is_no_report(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category, got.severity) == ("other", None, "normal"), got


def test_a_writer_passing_on_their_own_harm_still_reports_it() -> None:
    got = by_rules("con tôi bị bắt cóc ở cổng trường sáng nay, mọi người hãy chia sẻ giúp")
    assert got.kind == "tip", got


def test_a_message_forwarded_to_the_line_for_handling_is_not_a_chain() -> None:
    got = by_rules("chuyển tiếp tin nhắn này để các anh xử lý: số lạ nhắn tôi chuyển khoản gấp")
    assert got.kind == "tip", got


@pytest.mark.parametrize(
    "text",
    [
        "căn nhà cuối hẻm cho thuê phòng theo giờ, không thấy trình báo khách gì cả",
        "dãy trọ bà Tư có cả chục người mới tới, chẳng ai khai báo",
        "chủ nhà số 8 không khai tạm trú cho người thuê nào",
    ],
)
def test_lodgers_nobody_declares_are_a_residence_tip(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", "residence"), got


def test_the_model_never_makes_an_undeclared_lodger_urgent() -> None:
    verdict = Classification("tip", "residence", "normal", None, None, ("không ai khai báo",))
    calm = verdict.category in load_rules().calm_categories
    assert calm and with_urgency(verdict, 0.99, calm).severity == "normal"


@pytest.mark.parametrize(
    "text",
    [
        "mấy anh cảnh sát khu vực mình đẹp trai mà dễ thương ghê",
        "trời nắng vậy mà mấy anh vẫn đứng phân luồng, vất vả quá",
        "tôi có ý kiến là phường nên mở thêm giờ tiếp dân buổi tối",
        "nhắn cho trang từ hôm kia rồi mà không thấy phản hồi",
    ],
)
def test_words_about_the_police_or_the_line_themselves_are_not_a_report(text: str) -> None:
    assert by_rules(text).kind == "other", by_rules(text)


def test_a_day_of_the_week_gone_by_says_a_loss_happened() -> None:
    got = by_rules("ba tôi mất thẻ căn cước ở bến xe Miền Tây hôm chủ nhật, có ai nhặt được không")
    assert (got.kind, got.category) == ("tip", "lost_property"), got


@pytest.mark.parametrize(
    "text",
    [
        "bếp nhà hàng bị chập điện bốc khói hồi trưa, nhân viên dập được rồi, không ai bị thương",
        "xe bồn lật ở đầu cầu, may không có ai bị thương, xe cứu hỏa tới rồi",
    ],
)
def test_nobody_hurt_said_to_calm_is_no_violence(text: str) -> None:
    assert by_rules(text).category != "violence", by_rules(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("thằng chồng say xỉn siết cổ vợ ngoài hiên", "violence"),
        ("hai thằng lôi một bé gái lên xe bán tải rồi chạy", "violence"),
        # a racket, told by its threat against whoever does not pay: other since round 17
        ("tụi giang hồ thu tiền bảo kê mấy sạp rau, ai không đưa là bị đập", "other"),
        ("ba thằng chặn đường lấy xe của ông xe ôm ở dốc cầu tuần trước", "robbery"),
        ("thằng đó hỏi xem điện thoại rồi ôm máy chạy mất", "theft"),
        ("có chiếc xe đạp điện bỏ ở gốc cây cả tuần, nghi xe gian", "theft"),
        ("quán massage cuối đường mời khách đi tàu nhanh", "prostitution"),
        ("nhà tôi bị lạc con mèo mướp từ sáng, ai thấy xin báo, có hậu tạ", "lost_property"),
        ("ông cụ chạy xe té giữa ngã tư, máu chảy nhiều", "traffic"),
        ("nhà bên chứa cả chục can xăng trong phòng trọ, sợ cháy lắm", "fire"),
    ],
)
def test_tuning_set_6_categories_as_principles(text: str, category: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", category), got


def test_an_offender_gone_ends_the_hurry() -> None:
    got = by_rules("trưa nay có thằng cầm dao dọa mấy đứa nhỏ lấy tiền, giờ tụi nó đi rồi")
    assert (got.kind, got.severity) == ("tip", "normal"), got


@pytest.mark.parametrize(
    "text",
    [
        "mấy ông nhậu ở quán đầu ngõ lời qua tiếng lại, tôi lo tụi nó đánh nhau",
        "hai chị bán cá đang chửi nhau om sòm giành chỗ, coi chừng lát nữa đánh",
    ],
)
def test_a_fight_feared_is_no_fight_yet(text: str) -> None:
    # the rules' reading (the model, which learns from the rule file's examples, may
    # still weigh a loud quarrel as urgent)
    assert by_rules(text).severity == "normal", by_rules(text)


def test_a_fight_going_on_is_still_urgent_beside_a_fear() -> None:
    assert by_rules("tụi nó đang đánh nhau trước quán, tôi sợ quá").severity == "urgent"


@pytest.mark.parametrize(
    ("text", "not_category"),
    [
        ("tối qua ngồi chém gió với ông hàng xóm tới khuya, vui ghê", "violence"),
        ("xin lỗi cướp lời anh chút, họp chi bộ dời sang chiều mai", "robbery"),
    ],
)
def test_idioms_holding_a_crime_word_are_no_crime(text: str, not_category: str) -> None:
    got = by_rules(text)
    assert got.category != not_category and got.severity == "normal", got


# --- round 11, tuning set 7: principles, worded apart from the set -------------


def test_a_weapon_usually_carried_is_for_the_ward_not_a_threat_now() -> None:
    got = by_rules("thằng cháu ông Tư hay giắt dao bấm trong người đi nhậu, cả xóm ngại")
    assert (got.kind, got.category, got.severity) == ("tip", "weapons", "normal"), got


def test_a_weapon_usually_carried_is_urgent_when_it_is_out_now() -> None:
    got = by_rules("nó hay cầm dao đi lòng vòng, giờ đang đứng trước cổng nhà tôi chửi")
    assert got.severity == "urgent", got


@dataclass(frozen=True)
class _SureOfDanger:
    """A learned opinion that reads every message as a danger now."""

    min_words: int = 1

    def opinion(self, words: tuple[str, ...]) -> Opinion:
        return Opinion("tip", 0.99, "other", 0.2, 0.0)

    def tip_reading(self, words: tuple[str, ...]) -> tuple[Opinion, float]:
        return self.opinion(words), 0.99


def _weighed(text: str) -> Classification:
    read = classify_module._read(text)
    assert read is not None
    return weigh(*read, _SureOfDanger())


@pytest.mark.parametrize(
    "text",
    [
        "hai xe máy quẹt nhau ở vòng xoay, không ai bị thương, giờ hai bên đứng cự cãi",
        "cây me gãy nhánh đè lên mái tôn quán nước, may không có ai bị thương",
    ],
)
def test_nobody_hurt_said_by_the_writer_is_never_made_urgent_by_the_model(text: str) -> None:
    assert _weighed(text).severity == "normal", _weighed(text)


def test_a_rule_danger_stays_urgent_when_nobody_is_hurt_yet() -> None:
    got = by_rules("xưởng gỗ đang cháy lớn, chưa ai bị thương nhưng lửa lan qua nhà bên")
    assert got.severity == "urgent", got


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("dây điện trên cột đầu hẻm đang xẹt tia lửa tóe tung, cả xóm sợ", "fire"),
        ("tụi nó bắt nhốt thằng em tôi trong kho, đòi tiền chuộc 30 triệu", "violence"),
        ("có thằng giả khách ghé tiệm vàng, đẩy bà chủ té rồi giật nhẫn chạy", "robbery"),
        ("hai ông khuân cái két sắt ra xe ba gác, nhà đó về quê ăn đám giỗ mà", "theft"),
        ("ông bán trái cây bị khách đánh tráo tờ 500 ngàn bằng tờ giấy giả", "fraud"),
        ("mẹ tôi bị dụ mua nồi 12 triệu ở buổi hội thảo tặng quà ở nhà văn hóa", "fraud"),
        ("mấy ông Hàn thuê căn hộ tầng 5 ở lâu lắm rồi, nghe nói visa hết hạn", "residence"),
        ("tối nào tụi nhỏ cũng đốt pháo ở đầu hẻm, nổ đùng đùng", "public_order"),
        ("quán đầu hẻm ngồi nhậu la het tới gần sáng, nói hoài không nghe", "public_order"),
        ("có nick lạ nhắn mời tui mua cỏ, nói giao tận nhà", "drugs"),
    ],
)
def test_tuning_set_7_categories_as_principles(text: str, category: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", category), got


@pytest.mark.parametrize(
    "text",
    [
        "Quý khách có 1 đơn hàng bị giữ, vui lòng thanh toán phí tại link để tránh hoàn hàng",
        "Tài khoản ngân hàng của bạn sẽ bị khóa, vui lòng cập nhật tại trang bên dưới",
        "Chúc mừng quý khách đã được chọn trong chương trình tri ân, nhấn vào link nhận thưởng",
    ],
)
def test_a_phishers_own_voice_is_spam(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.spam) == ("other", True), got


def test_a_phish_passed_on_as_a_warning_is_a_report() -> None:
    got = by_rules(
        "tôi nhận được tin nhắn 'tài khoản của bạn sẽ bị khóa, vui lòng cập nhật tại link', "
        "báo để bà con cảnh giác lừa đảo"
    )
    assert (got.kind, got.category, got.spam) == ("tip", "fraud", False), got


def test_a_sale_seen_to_be_fake_is_a_report_not_an_ad() -> None:
    got = by_rules("có người đi bán đất nền giá rẻ ở chợ, thu cọc luôn, sổ đỏ nhìn là biết giả")
    assert (got.kind, got.category, got.spam) == ("tip", "fraud", False), got


def test_a_chain_message_in_english_words_is_no_report() -> None:
    got = by_rules("Từ tuần sau CSGT phạt 2 triệu nếu không mang căn cước, share gấp cho cả nhà")
    assert (got.kind, got.category) == ("other", None), got


@pytest.mark.parametrize(
    "text",
    [
        "haha anh trực ban trả lời vui tính ghê",
        "hihi em nhắn nhầm nha mấy anh",
        "tối nay tụi em đi nhậu hông, tui bao =))",
    ],
)
def test_the_writer_laughing_jokes(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.severity) == ("other", "normal"), got


@pytest.mark.parametrize(
    ("text", "category", "severity"),
    [
        ("cuu voi chay nha o hem 45 go dau roi =))", "fire", "urgent"),
        ("tụi nó đang đánh nhau ngoài đầu hẻm kìa haha, có thằng cầm dao", None, "urgent"),
        ("haha tui ban ma tuy lai ve dau hem roi, may anh toi bat di", "drugs", "normal"),
        ("thằng em tui dọa chém tui vì tui uống hết chai trà sữa của nó hahaha", None, None),
    ],
)
def test_a_danger_or_a_crime_told_with_a_laugh_still_reports(
    text: str, category: str | None, severity: str | None
) -> None:
    # people laugh while telling one; a joke reaching an officer costs less than a tip lost
    got = classify(text)
    assert got.kind == "tip", got
    assert category is None or got.category == category, got
    assert severity is None or got.severity == severity, got


def test_a_procedure_asked_with_a_laugh_is_still_a_question() -> None:
    got = by_rules("cho em hỏi đăng ký tạm trú online ở đâu vậy hihi")
    assert (got.kind, got.topic) == ("question", "tam_tru"), got


@pytest.mark.parametrize(
    "text",
    [
        "tối qua tôi có gửi tin rồi, các anh đã nhận được chưa",
        "em gui hinh hoi trua roi do, may anh co doc chua",
    ],
)
def test_whether_a_report_sent_was_received_is_about_the_line(text: str) -> None:
    assert by_rules(text).kind == "other", by_rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "tối qua tôi có nhắn báo vụ trộm xe ở hẻm 40, các anh đã nhận được chưa",
        "hoi sang em bao vu tui no ban ma tuy o hem 45 go dau roi, nhan dc chua",
        "hôm thứ 3 mình có báo vụ mất xe đạp ở trường, giờ sao rồi anh",
        "chieu qua bao vu dua xe o Au Co, co ai xu ly chua vay ad",
        "em đã báo vụ tụi nhỏ phá khóa cổng hôm chủ nhật, có ai đọc chưa ạ",
        "I reported a stolen motorbike last week, did you get my report?",
    ],
)
def test_an_earlier_report_asked_after_is_a_status_word(text: str) -> None:
    # the writer's report named with its matter and where it stands asked, nothing new:
    # the router answers from their tips (one whose report never arrived is told so and
    # asked to send it), never a second tip of the same matter
    got = classify(text)
    assert (got.kind, got.topic) == ("other", "tip_status"), got


def test_an_earlier_report_complained_of_passes_to_its_officers() -> None:
    # nobody came, said as a complaint: chat that the router hands to the tip's officers
    got = classify(
        "hom truoc tui bao vu trom xe ma toi gio chua thay ai lien lac, lam an kieu gi vay"
    )
    assert (got.kind, got.topic, got.about_line) == ("other", None, True), got


@pytest.mark.parametrize(
    ("text", "category", "severity"),
    [
        # something new told beside it
        (
            "hôm qua tui báo vụ trộm xe rồi, giờ tụi nó lại quay lại cạy khóa nhà bên, "
            "có ai xử lý chưa",
            "theft",
            None,
        ),
        (
            "em bao vu co nguoi la dung rinh truoc nha, nguoi do van dung do, co ai toi chua a",
            "other",
            None,
        ),
        (
            "mình báo vụ tụi nó chích choác đầu hẻm 88 tối qua mà chưa thấy ai xuống, "
            "tối nay tụ tập nữa",
            "drugs",
            None,
        ),
        # a danger now
        (
            "báo vụ đánh nhau ở hẻm 45, tụi nó đang cầm dao, sao rồi không ai tới",
            "violence",
            "urgent",
        ),
        (
            "bao vu thang nghien cam dao o hem 30 nay gio roi, no dang dap cua nha tui, "
            "co ai nhan chua",
            None,
            "urgent",
        ),
        (
            "em báo vụ cháy ở chợ Tân Hương, khói đen bốc lên nhiều lắm, có ai nhận chưa",
            "fire",
            "urgent",
        ),
        # a report made here, a ward's silence told ("muốn báo vụ", "xin báo vụ")
        (
            "tôi muốn báo vụ trộm tiệm nhà tôi tuần trước, "
            "đã trình báo phường rồi mà chưa thấy ai liên lạc",
            "theft",
            None,
        ),
        (
            "em xin bao vu giut tui xach o cho Tan Huong hom qua, "
            "bao cong an roi ma chua thay ai xu ly",
            "robbery",
            None,
        ),
    ],
)
def test_a_report_told_with_something_new_stays_a_tip(
    text: str, category: str | None, severity: str | None
) -> None:
    got = classify(text)
    assert got.kind == "tip", got
    assert category is None or got.category == category, got
    assert severity is None or got.severity == severity, got


def test_whether_a_report_was_received_beside_a_danger_now_is_still_urgent() -> None:
    got = by_rules("nó đang cầm dao đứng trước nhà em, các anh nhận được chưa, tới gấp")
    assert (got.kind, got.severity) == ("tip", "urgent"), got


@pytest.mark.parametrize(
    "text",
    [
        "công an phường làm chậm như rùa, báo mất xe cả tháng chưa thấy ai gọi lại",
        "xin chào, đây có phải trang của công an phường Phú Thạnh không",
        "Cảm ơn mấy anh tuần tra mấy đêm nay, giờ hết tụi chích choác ngoài bãi rồi",
    ],
)
def test_words_about_the_line_told_another_way_are_not_a_report(text: str) -> None:
    assert by_rules(text).kind == "other", by_rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "ê mày, chủ nhật này đi nhậu không, kêu thêm thằng Tâm",
        "nắng hôm nay nóng như cháy, ở nhà bật quạt cũng không đỡ",
    ],
)
def test_chat_sent_here_by_mistake_is_no_report(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.severity) == ("other", "normal"), got


def test_papers_lost_in_a_robbery_already_reported_are_the_premise_of_a_question() -> None:
    got = by_rules("tuần rồi bị cướp giật mất ví, đã trình báo, giờ làm lại căn cước ở đâu")
    assert got.kind == "question", got


def test_papers_lost_in_a_robbery_told_without_a_report_stay_a_tip() -> None:
    got = by_rules("tuần rồi bị cướp giật mất ví ở chợ Bà Chiểu, giờ làm lại căn cước ở đâu")
    assert (got.kind, got.category) == ("tip", "robbery"), got


def test_a_temple_typed_without_marks_is_no_brothel() -> None:
    # folded, "ở chùa" is "o chua", as "ổ chứa" is
    text = "ong ngoai ve o chua luon roi, co phai xoa thuong tru o nha khong"
    assert classify(text).kind == "question", classify(text)
    # marked, or said with its trade, a brothel is still reported
    for told in ("hẻm 5 có ổ chứa, tối nào khách cũng ra vào", "hem 5 co o chua gai, khach ra vao"):
        verdict = by_rules(told)
        assert (verdict.kind, verdict.category) == ("tip", "prostitution"), (told, verdict)


def test_a_stay_in_bed_or_a_case_the_police_have_before_a_procedure_asked_is_its_premise() -> None:
    laid_up = "bị té cầu thang gãy tay nằm nhà cả tháng, tạm trú hết hạn rồi gia hạn sao"
    assert classify(laid_up).kind == "question", classify(laid_up)
    statements = (
        "vụ trộm xe tuần trước công an đã lấy lời khai của em rồi, giờ em cần xin xác nhận cư"
        " trú để đi làm thì xin ở đâu"
    )
    assert classify(statements).kind == "question", classify(statements)
    # with no procedure asked, the event is still reported
    reported = by_rules("xe tông người ở ngã tư, người bị tông nằm viện, công an chưa lấy lời khai")
    assert reported.kind == "tip", reported


def test_a_fire_over_its_papers_asked_for_again_is_a_question() -> None:
    text = "nhà cháy hồi tuần trước, giấy tờ cháy hết, xin lại giấy tờ ở đâu vậy"
    assert classify(text).kind == "question", classify(text)
    assert by_rules("nhà cháy hồi tuần trước, giờ còn âm ỉ").kind == "tip"


def test_a_classification_made_holds_every_field_as_given() -> None:
    # Classification sets its fields at once in its own __init__ (one or two a message):
    # a field added to the class and not there fails here.
    assert_init_sets_every_field(Classification)


@pytest.mark.parametrize(
    "text",
    [
        "cái vụ em báo hồi nãy sao rồi anh",
        "vu e bao luc nay sao roi a",
        "vụ tôi báo sáng nay tới đâu rồi",
        "viec minh bao hom qua co ai xu ly chua",
    ],
)
def test_asking_about_ones_own_report_is_a_status_question(text: str) -> None:
    # where the citizen's tip stands, answered from their tips; "e bao luc nay" is
    # "em báo lúc nãy", not "bạo lực"
    got = classify(text)
    assert (got.kind, got.topic) == ("question", "tip_status"), got


def test_what_the_citizen_reported_again_stays_a_tip() -> None:
    got = classify("vụ em báo hôm qua đó, giờ tụi nó lại tụ tập chích choác đầu hẻm")
    assert (got.kind, got.category) == ("tip", "drugs"), got


@pytest.mark.parametrize(
    "text",
    [
        "Dạ em chào anh, em thấy có mấy người lạ đang khiêng đồ từ căn nhà đóng cửa số 14 lên"
        " xe tải, chủ nhà đi vắng cả tháng nay",
        "xin chao cac anh, toi ban tap hoa o cho, sang nay co nguoi tra tien bang to 200k gia,"
        " toi con giu to tien",
        "Hi, I live on Lũy Bán Bích, somebody broke the lock of my motorbike last night and"
        " took it",
    ],
)
def test_a_greeting_does_not_make_chat_of_the_report_it_opens(text: str) -> None:
    assert classify(text).kind == "tip", classify(text)


@pytest.mark.parametrize(
    "text",
    [
        "chào buổi sáng các anh công an phường Tây Thạnh",
        "dạ vâng em cảm ơn anh nhiều ạ",
        "ê mày tối nay đi nhậu hông, quán cũ trên Lũy Bán Bích nha, 7h",
    ],
)
def test_a_greeting_or_a_friends_chat_alone_stays_chat(text: str) -> None:
    assert classify(text).kind == "other", classify(text)


@pytest.mark.parametrize(
    "text",
    [
        "xe hơi đậu chắn đầu hẻm 9, xe cấp cứu không vô được, mẹ tôi đang nguy kịch",
        "xe tai dau chan hem, xe cuu thuong ko vo duoc, ong noi em bi dot quy",
        "ông hàng xóm lên cơn đau tim mà xe cứu thương kẹt ngoài đường vì tụi nó đậu xe chắn",
    ],
)
def test_a_life_at_stake_behind_a_blocked_alley_is_urgent(text: str) -> None:
    # a blocked alley is traffic, normal; the patient the ambulance cannot reach is urgent
    got = classify(text)
    assert (got.kind, got.severity) == ("tip", "urgent"), got


@pytest.mark.parametrize(
    "text",
    [
        # an ambulance that cannot get through to someone who needs it now
        "xe cuu thuong vo khong duoc hem 12 vi xe hoi dau 2 ben, ba em dang kho tho",
        # a child shut in or forgotten, still now ("từ hôm qua" is since yesterday)
        "đứa nhỏ phòng bên khóc suốt, cửa khóa ngoài, không thấy người lớn",
        "hai bé bị nhốt trong phòng trọ từ hôm qua, không ai cho ăn",
        "có bé mẫu giáo bị bỏ quên trên xe đưa đón, tài xế khóa xe bỏ đi",
        # forced into a car and driven off
        "mấy thằng lạ mặt lôi lên xe chú Ba bán vé số, chở đi đâu không biết",
        # hurt where they fell, or an ambulance asked for them
        "xe máy tông ông cụ qua đường, ông nằm đó chảy máu",
        "tai nan o cho, nguoi nam duoi duong, ai goi cap cuu gium voi",
        "a man down, not moving!!!",
        # a child taken into a room with a client is abused now, however calmly told
        "nhà nghỉ đầu hẻm tối nay thấy dẫn 2 đứa nhỏ nhìn chừng 15 tuổi vô phòng với khách",
        "nha nghi gan cho thay ma co dan may be hoc sinh vo phong cung khach",
    ],
)
def test_a_person_in_danger_now_is_urgent_however_told(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.severity) == ("tip", "urgent"), got


@pytest.mark.parametrize(
    "text",
    [
        "tuần trước xe cứu thương không vô được hẻm vì xe đậu, may không sao",
        "đám giỗ dựng rạp chắn hết hẻm, xe cứu thương không vào được",
        "em để quên cái ba lô trên xe buýt số 14 hồi chiều",
        "nhà bên hay khóa cửa ngoài đi làm, để chó sủa suốt",
        "hôm qua có vụ tai nạn ở ngã tư, người bị thương đã chở đi viện",
        # grown women with clients: a tip for the ward, nobody in danger now
        "quán massage đầu hẻm có mấy cô vô phòng với khách tới khuya",
    ],
)
def test_the_same_words_told_as_over_or_harmless_stay_normal(text: str) -> None:
    got = classify(text)
    assert got.severity == "normal", got


# Round 12's classifier pass on message tuning set 8: each principle worded apart from it.


@pytest.mark.parametrize(
    "text",
    [
        "hôm qua nó nhắn tin dọa tối nay dẫn người qua chém chồng tôi",
        "sáng nay chủ nợ gọi nói tối nay cho người tới đập nhà, chém cả nhà em",
    ],
)
def test_harm_threatened_for_tonight_is_urgent_whenever_the_threat_came(text: str) -> None:
    # the danger is ahead: the learned model, reading "hôm qua", may not lower it
    got = classify(text)
    assert (got.kind, got.severity) == ("tip", "urgent"), got


def test_harm_threatened_for_another_day_leaves_time_for_the_ward() -> None:
    got = classify("hôm qua nó nhắn tin dọa mai sẽ qua chém chồng tôi")
    assert (got.kind, got.severity) == ("tip", "normal"), got


def test_a_rabid_dog_biting_people_is_urgent_unless_told_as_over() -> None:
    loose = classify("có con chó dại cắn bé hàng xóm ở đầu hẻm, giờ nó còn chạy ngoài đường")
    assert (loose.kind, loose.severity) == ("tip", "urgent"), loose
    over = classify("tháng trước bé nhà tôi bị chó dại cắn, đã tiêm ngừa rồi")
    assert over.severity == "normal", over


def test_petrol_filled_at_a_station_is_poured_on_nobody() -> None:
    got = classify("đánh rơi cái ví lúc đi đổ xăng ở cây xăng ngã tư, ai thấy báo giùm")
    assert (got.kind, got.category, got.severity) == ("tip", "lost_property", "normal"), got
    poured = by_rules("thằng đó tưới xăng trước cửa nhà bà Sáu")
    assert poured.severity == "urgent", poured


@pytest.mark.parametrize(
    "text",
    [
        "nhắn lại cho 10 người bạn sẽ gặp may mắn cả năm",
        "hãy chuyển tiếp cho người thân: bọn lừa đảo giả nhân viên điện lực gọi điện đòi tiền",
    ],
)
def test_a_chain_asking_to_be_forwarded_is_no_tip(text: str) -> None:
    assert classify(text).kind == "other", classify(text)


def test_money_demanded_or_else_is_extortion_not_a_chain() -> None:
    got = classify("thằng đó dọa nếu không chuyển tiền thì tung clip của em lên mạng")
    assert got.kind == "tip", got


def test_a_scam_forwarded_to_the_line_is_still_reported() -> None:
    got = classify(
        "em chuyển tiếp tin nhắn lừa đảo này cho các anh xử lý, nó giả ngân hàng đòi mã OTP"
    )
    assert (got.kind, got.category) == ("tip", "fraud"), got


def test_praise_of_an_officer_for_what_was_done_is_about_the_line() -> None:
    got = classify("cho tôi khen mấy anh tuần tra hôm qua, tới nhanh lắm")
    assert (got.kind, got.about_line) == ("other", True), got


@pytest.mark.parametrize(
    "text",
    [
        "CHÚC MỪNG số thuê bao của bạn đã trúng thưởng iPhone 16, nhận quà tại link abc.xyz",
        "Tài khoản định danh của bạn sắp bị khóa, cập nhật ngay tại vneid-xacthuc.net",
    ],
)
def test_a_prize_or_a_locked_account_claimed_at_a_link_is_a_phish(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.spam) == ("other", True), got


def test_a_family_errand_sent_by_mistake_is_chat_but_a_plea_stays_a_tip() -> None:
    errand = classify("vk ơi tối nay anh về trễ, nhớ đón con giùm")
    assert errand.kind == "other", errand
    plea = classify("chồng ơi cứu em, thằng trộm đang cạy cửa")
    assert (plea.kind, plea.severity) == ("tip", "urgent"), plea


@pytest.mark.parametrize(
    "text",
    [
        "thằng kia cướp điểm 9 của tui trong giờ kiểm tra haha",
        "trời hôm nay nóng như muốn cháy người",
    ],
)
def test_figures_of_speech_hold_no_robbery_nor_fire(text: str) -> None:
    assert classify(text).kind == "other", classify(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # an injury inflicted, its report asked how to make: a tip
        ("năm ngoái tôi bị đánh gãy tay ở quán nhậu, giờ muốn tố cáo thì làm sao", "violence"),
        ("tối qua em bị chồng đánh, giờ em sợ không dám về nhà", "violence"),
        ("chủ trọ không bao giờ khai cho tụi em, ở cả năm rồi", "residence"),
        ("công ty cho công nhân ở luôn trong xưởng, không đăng ký tạm trú", "residence"),
        ("ô tô chạy zig zag giữa đường, suýt đụng người đi bộ", "traffic"),
        ("có chiếc xe vô chủ đậu trước cổng chợ cả tháng nay", "traffic"),
        ("thấy mấy em gái nhỏ bị dẫn vào phòng cùng khách ở nhà nghỉ", "prostitution"),
        ("thấy ống thủy tinh với bình hút trong nhà vệ sinh quán", "drugs"),
        ("lượm được mấy viên thuốc lạ trước cổng trường", "drugs"),
        ("nhân viên thu ngân lấy tiền két rồi nghỉ luôn", "theft"),
        ("mấy người lạ khuân sắt thép từ công trình lên xe lúc nửa đêm", "theft"),
        ("đám đông hò hét trước nhà văn hóa khu phố", "public_order"),
    ],
)
def test_round_12_categories(text: str, category: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", category), got


@pytest.mark.parametrize(
    "text",
    [
        "quẹt nhẹ xe, chỉ trầy nhẹ, hai bên đang cãi nhau ngoài đường",
        "cái xe máy trước nhà bốc cháy, chú bảo vệ xịt tắt rồi, chỉ còn chút khói",
    ],
)
def test_a_scratch_or_a_fire_put_out_is_no_hurry(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.severity) == ("tip", "normal"), got


def test_someone_on_the_way_to_pay_a_scammer_can_still_be_stopped() -> None:
    text = "mẹ tôi bị kẻ giả danh công an dọa bắt chuyển tiền, giờ bả đang ra cây atm"
    for got in (by_rules(text), classify(text)):
        assert (got.kind, got.category, got.severity) == ("tip", "fraud", "urgent"), got


def test_thang_cha_is_a_man_not_a_negation() -> None:
    # "cha" typed without marks also folds onto "chả" (not)
    got = by_rules("thang cha kia dang cay khoa xe truoc nha toi")
    assert (got.kind, got.category, got.severity) == ("tip", "theft", "urgent"), got


@pytest.mark.parametrize(
    ("text", "category"),
    [("Cứu!", "other"), ("cuu cuu", "other"), ("cuop", "robbery"), ("bat trom!!", "theft")],
)
def test_a_message_that_is_only_a_cry_is_urgent(text: str, category: str) -> None:
    # someone who writes nothing else has no time to: "cuu" alone was chat
    for got in (by_rules(text), classify(text)):
        assert (got.kind, got.category, got.severity) == ("tip", category, "urgent"), got


@pytest.mark.parametrize(
    "text", ["khu này hay có trộm lắm", "cướp giật ở ngã tư năm ngoái giờ hết rồi", "trộm"]
)
def test_a_cry_inside_a_story_is_a_word_of_the_story(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.severity) == ("tip", "normal"), got


@pytest.mark.parametrize(
    ("text", "category", "severity"),
    [
        ("someone stole my laptop from the cafe on Tan Ky Tan Quy this morning", "theft", "normal"),
        ("there is smoke and fire coming from the shop next to my hotel", "fire", "urgent"),
        ("a drunk guy is walking around the market with a knife, shouting", "weapons", "urgent"),
        (
            "two men on a motorbike just snatched a phone from a tourist and ran away",
            "robbery",
            "urgent",
        ),
        (
            "my neighbour was scammed by someone who pretended to be from the bank",
            "fraud",
            "normal",
        ),
        ("car crash near the school, a woman is bleeding on the road", "traffic", "urgent"),
        (
            "our landlord didn't register them, six workers sleep in the apartment",
            "residence",
            "normal",
        ),
    ],
)
def test_a_report_written_in_english_is_read_and_its_danger_kept(
    text: str, category: str, severity: str
) -> None:
    # a foreigner's report was a tip of category other, and the learned model (trained on
    # Vietnamese, reading only the street names) lowered a fire to normal
    for got in (by_rules(text), classify(text)):
        assert (got.kind, got.category, got.severity) == ("tip", category, severity), got


@pytest.mark.parametrize(
    ("text", "categories", "severity"),
    [
        # a fight named as a noun, or said in the present tense, is going on
        ("there is a fight with knives in front of my house", {"violence", "weapons"}, "urgent"),
        ("Two men are fighting outside the bar on Au Co street", {"violence"}, "urgent"),
        ("Help! there is a fight outside my hotel, please come", {"violence"}, "urgent"),
        ("some guys are attacking a taxi driver near Tan Huong market", {"violence"}, "urgent"),
        ("a man is beating his wife next door, she is screaming", {"violence"}, "urgent"),
        ("my husband is hitting me, please help", {"violence"}, "urgent"),
        ("help, a man waving a knife is chasing people in my alley", {"weapons"}, "urgent"),
        # a child missing, in English
        (
            "my daughter is missing, she is 6 years old, last seen at Dam Sen park",
            {"other"},
            "urgent",
        ),
        ("please help, my son (8 years old) got lost near Aeon Tan Phu", {"other"}, "urgent"),
        # over, or a habit: for the ward, not an emergency
        ("there was a big fight at the karaoke bar last night", {"violence"}, "normal"),
        ("the guys next door are fighting every night, so noisy", {"violence"}, "normal"),
        ("he is beating his wife every night, the whole floor hears it", {"violence"}, "normal"),
    ],
)
def test_a_danger_told_in_english_is_urgent_and_one_over_is_not(
    text: str, categories: set[str], severity: str
) -> None:
    # a knife fight in front of a foreigner's house was a tip of category other, normal; a
    # wife beaten as the writer hears her scream, and a child missing, were normal
    got = classify(text)
    assert (got.kind, got.severity) == ("tip", severity), got
    assert got.category in categories, got


@pytest.mark.parametrize(
    "text",
    [
        "my son is 10 years old, does he need to register temporary residence too",
        "help me please, how do I declare temporary residence for my wife",
        "my son lost his phone at school, can I report it here",
    ],
)
def test_a_child_or_help_named_in_english_is_no_emergency_by_itself(text: str) -> None:
    assert classify(text).severity == "normal"


@pytest.mark.parametrize(
    "text",
    [
        # "the" folds from "thẻ", "my" from "mỹ", "on" from "ồn": no English word of these
        "moi bi mat the atm voi the sinh vien o quan my cay, on ao qua",
        # English words inside a message typed with marks leave the model the Vietnamese
        "my son's friend is selling 'keo' ở cổng trường, bọn nhỏ mua rồi. Please check giúp",
    ],
)
def test_only_a_message_in_english_is_kept_from_the_model(text: str) -> None:
    assert not _in_english(text)


def test_an_english_report_naming_a_street_with_its_marks_is_english() -> None:
    assert _in_english("crash on Lũy Bán Bích near the school, a boy is not moving")


def _in_english(text: str) -> bool:
    from shared.core.classify import _read, in_english, load_rules

    read = _read(text)
    assert read is not None
    _, message, groups = read
    return in_english(message, groups, load_rules())


def test_an_old_stranger_trembling_and_speechless_is_urgent_though_asked_politely() -> None:
    # "cho em hỏi" opened it and it was a question: nobody paged for him
    text = "cho minh hoi, co ba cu dung o tram xe buyt tu sang, run ray, hoi khong noi"
    for got in (by_rules(text), classify(text)):
        assert (got.kind, got.severity) == ("tip", "urgent"), got


@pytest.mark.parametrize(
    "text",
    ["ba ơi con về muộn nhé, xe buýt hư giữa đường", "chị ơi trưa nay ăn gì, để em ghé mua luôn"],
)
def test_a_message_to_ones_family_sent_here_is_chat(text: str) -> None:
    # a bus broken down or "gì" made a tip or a question of it: an officer paged for a
    # daughter late home
    for got in (by_rules(text), classify(text)):
        assert got.kind == "other", got


def test_a_message_to_ones_family_that_tells_a_danger_is_a_tip() -> None:
    got = by_rules("mẹ ơi con về trễ nha, có thằng cầm dao đang rượt con ở đầu hẻm")
    assert (got.kind, got.severity) == ("tip", "urgent"), got


@pytest.mark.parametrize(
    "text",
    [
        "Chúc mừng bạn được lì xì 520k từ Momo, bấm vào đường link để nhận ngay",
        "soi cầu miễn phí mỗi ngày, vào nhóm VIP nhận số chuẩn",
        "lắp máy lọc nước trọn gói 3 triệu, bảo hành 3 năm tận nhà",
    ],
)
def test_lucky_money_phishing_lottery_tips_and_fitters_packages_are_ads(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.spam) == ("other", True), got


@pytest.mark.parametrize(
    "text",
    [
        "ai đọc được tin này thì share cho 7 người để được may mắn cả năm",
        "ủa đây là tin nhắn tự động hả anh",
        "mấy anh công an phường làm việc nhanh quá, khen nha",
        "chị công an ơi cho em xin làm quen nha",
    ],
)
def test_chain_luck_a_machine_asked_praise_and_flirting_are_no_tip_nor_question(
    text: str,
) -> None:
    got = by_rules(text)
    assert (got.kind, got.spam) == ("other", False), got


def test_a_victim_telling_the_link_they_pressed_is_no_ad() -> None:
    text = "có tin nhắn báo bưu phẩm chưa nhận, mẹ tôi bấm link thanh toán, sau đó bị trừ 8 triệu"
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", "fraud"), got


@pytest.mark.parametrize(
    "text",
    [
        "nhà tôi cho 3 sinh viên thuê, một đứa chưa đưa căn cước để làm tạm trú."
        " Tôi báo cho phường biết",
        "chủ trọ tôi đi nước ngoài, mấy phòng trọ bỏ trống, tạm trú của tụi tôi sắp hết"
        " hạn, báo để công an nắm",
    ],
)
def test_a_residence_matter_the_writer_says_they_report_is_a_residence_tip(text: str) -> None:
    # "tạm trú", "căn cước" are question words alone: a landlord's report got the menu
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", "residence"), got


def test_a_residence_matter_asked_stays_a_question_though_reported() -> None:
    got = by_rules("tôi báo cho phường biết là nhà có khách ở, đăng ký tạm trú ở đâu?")
    assert got.kind == "question", got


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("khói bay ra từ cửa sổ căn hộ tầng trệt, gõ cửa mãi không ai mở", "fire"),
        ("bãi rác cuối hẻm cháy, khói bay vô mấy nhà xung quanh", "fire"),
        ("chủ nhà giữ hộ chiếu tụi tôi để khai báo, 2 tháng chưa thấy khai báo", "residence"),
        ("thằng cháu tôi chơi cá độ qua mạng thua mấy chục triệu", "gambling"),
        ("sáng ra thấy khóa cổng bị cắt, mất chiếc xe đạp điện", "theft"),
        ("nhỏ em họ tôi 15 tuổi đi làm tiếp viên quán hát ở Tân Phú", "prostitution"),
        ("có thằng rút dao ra bắt chị bán vé số đưa hết tiền", "robbery"),
        ("ông xe ôm chở tôi vô hẻm vắng rồi lấy điện thoại, đuổi tôi xuống", "robbery"),
    ],
)
def test_round_13_categories(text: str, category: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", category), got


def test_smoke_drifting_into_ones_home_is_no_fire() -> None:
    got = by_rules("nhà bên nướng thịt, khói bay vô nhà tôi ngộp quá")
    assert got.category != "fire", got


@pytest.mark.parametrize(
    "text",
    [
        "ba tôi đang nghe điện thoại của người tự xưng công an, bị dặn không được cúp máy",
        "thằng kia đang bán cần sa cho mấy đứa nhỏ ở đây, ngay trước cổng trường",
        "xe bồn rò dầu trên cầu Tân Hóa, nãy giờ xe máy ngã liên tiếp",
    ],
)
def test_a_scam_call_a_drug_sale_or_falls_going_on_now_are_urgent(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.severity) == ("tip", "urgent"), got


def test_a_fight_told_as_yesterday_afternoons_is_over() -> None:
    got = by_rules("mấy đứa nhỏ đánh hội đồng thằng bạn trước cổng trường, chuyện chiều qua")
    assert (got.kind, got.severity) == ("tip", "normal"), got


def test_a_paper_said_lost_with_lam_mat_is_a_loss_told() -> None:
    # "chuyển trọ" alone made a question of it
    got = by_rules("con tôi làm mất thẻ sinh viên với bằng lái lúc chuyển phòng trọ")
    assert (got.kind, got.category) == ("tip", "lost_property"), got


def test_a_paper_lost_whose_report_is_asked_stays_a_question() -> None:
    got = by_rules("ông tôi làm mất căn cước, đi báo mất thay được không, cần mang theo gì")
    assert got.kind == "question", got


def test_a_question_asked_in_english_is_a_question() -> None:
    # opened by "hello" and asked only by "?", it was read as a report
    got = by_rules(
        "hello, my cousin from Japan sleeps at my apartment for 5 days, do I need to tell police?"
    )
    assert got.kind == "question", got


def test_a_man_wanted_elsewhere_is_no_emergency_by_the_model_alone() -> None:
    # the model read "đang" as danger now (0.90)
    text = "thằng thuê phòng 2 nhà bà Ba đang bị truy nã, nó mới tới ở hơn tháng nay"
    assert classify(text).severity == "normal"
    got = classify("thằng bị truy nã đang ở phòng 3 dãy trọ hẻm 7, các anh tới liền đi")
    assert got.severity == "urgent", got


def test_a_smell_beside_someone_unseen_for_days_is_a_persons_tip_not_a_nuisance() -> None:
    text = "căn hộ 12B bốc mùi hôi thối 3 hôm nay, bà cụ ở một mình không thấy ra ngoài"
    got = by_rules(text)
    assert (got.kind, got.category, got.severity) == ("tip", "other", "urgent"), got
    # the same smell with nobody missing is the nuisance it was
    got = by_rules("bãi rác đầu hẻm bốc mùi hôi thối 3 hôm nay, không ai dọn")
    assert (got.kind, got.category) == ("tip", "public_order"), got


def test_a_child_starved_is_urgent_unless_told_as_a_habit() -> None:
    got = by_rules("đứa nhỏ nhà bên bị bỏ đói mấy bữa nay, khóc yếu lắm")
    assert (got.kind, got.severity) == ("tip", "urgent"), got
    got = by_rules("ông bà kia ngày nào cũng đánh con, còn bỏ đói đứa nhỏ nữa")
    assert (got.kind, got.severity) == ("tip", "normal"), got


@pytest.mark.parametrize(
    ("text", "category", "severity"),
    [
        (
            "the guy downstairs is hitting his girlfriend right now, she keeps crying",
            "violence",
            "urgent",
        ),
        (
            "two men in the next room smoking something from a glass pipe every evening, "
            "they look high",
            "drugs",
            "normal",
        ),
        (
            "the bar opposite plays loud music every night until 2am, what can we do?",
            "public_order",
            "normal",
        ),
        (
            "a truck has been parked on the sidewalk near the market for a week, blocking the way",
            "traffic",
            "normal",
        ),
        (
            "five workers live in the garage behind our building, nobody registered them",
            "residence",
            "normal",
        ),
    ],
)
def test_a_report_in_english_names_its_matter_and_its_beating_now(
    text: str, category: str, severity: str
) -> None:
    # a beating 'right now' was normal; a pipe smoked was a fire, urgent; a party's noise
    # or a car on the sidewalk followed by a question was a question
    for got in (by_rules(text), classify(text)):
        assert (got.kind, got.category, got.severity) == ("tip", category, severity), got


@pytest.mark.parametrize(
    "text",
    [
        # a charm before praising a child
        "trộm vía bé nhà mình tháng này lên 2 ký",
        # a game, a film or the news talked over with friends
        "tối qua tụi tui chơi GTA cướp ngân hàng tới 2 giờ sáng",
        "bộ phim hôm qua có cảnh cướp tiệm vàng y như thật",
        "mọi người xem tin chưa, vụ trộm ở Quận 7 camera quay rõ mặt",
        # the sender owning up in English
        "oops wrong group, sorry everyone",
        # praise for an officer's manner
        "cả nhà tôi rất hài lòng với thái độ của cán bộ phường, xin khen ngợi anh Tâm",
    ],
)
def test_chat_that_names_a_crime_nobody_saw_is_not_a_tip(text: str) -> None:
    # each was a tip (theft, robbery, other): an officer alerted for a child's praise or a film
    for got in (by_rules(text), classify(text)):
        assert got.kind == "other", got


@pytest.mark.parametrize(
    "text",
    [
        "Cơ hội đầu tư vàng online lợi nhuận 5% mỗi tuần, vào nhóm Telegram nhận tín hiệu",
        "soi cầu bạch thủ lô chính xác 99, nhận số free mỗi ngày",
        "chào anh, em muốn làm quen, kết bạn zalo với em nha",
    ],
)
def test_an_offer_of_gain_or_friendship_in_a_group_is_an_ad(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.spam) == ("other", True), got


def test_whether_a_thing_carried_counts_as_a_weapon_is_asked() -> None:
    got = classify("cho mình hỏi mang theo con dao rọc giấy đi học có bị coi là vũ khí không")
    assert got.kind == "question", got
    # a weapon among people is still the tip it was
    danger = classify("có thằng cầm dao đứng trước quán, không biết có bị coi là tội gì không")
    assert (danger.kind, danger.severity) == ("tip", "urgent"), danger


def test_a_fee_taken_for_a_registration_never_made_is_a_residence_tip() -> None:
    got = classify("chủ trọ lấy của tôi 300 ngàn làm tạm trú, ra phường tra thì không có tên tôi")
    assert (got.kind, got.category) == ("tip", "residence"), got


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # the sweetish burnt smell of drug smoke is no fire
        ("phòng trọ cuối dãy tối nào cũng bay ra mùi khét ngọt, khách ra vô tới sáng", "drugs"),
        # a passing rider snatching jewellery off the hand
        ("bà ngoại tôi đứng chờ xe buýt thì bị 1 thằng chạy xe ngang giật chiếc nhẫn", "robbery"),
        # a knife held to make a shop's staff or a driver hand over
        ("thằng đó cầm dao xông vô tiệm điện thoại bắt nhân viên đưa tiền trong két", "robbery"),
        ("khách đi xe ôm kề dao vào cổ anh tài xế đòi xe rồi chạy mất", "robbery"),
        # bruises seen, a slap, a nose broken by a punch
        ("chị hàng xóm tuần nào cũng có vết bầm ở tay, nói là té cầu thang", "violence"),
        ("quản lý quán bị tát 2 cái trước mặt khách chỉ vì làm đổ ly", "violence"),
        ("đêm qua ở quán nhậu có thằng đấm em tôi gãy mũi", "violence"),
        # graffiti on a wall, a transformer blowing up, fire spreading to the next shop
        ("mấy đứa nhỏ xịt sơn vẽ bậy lên cổng chùa đầu hẻm", "public_order"),
        ("trạm biến áp đầu chợ vừa nổ, lửa tóe xuống mấy sạp trái cây", "fire"),
        ("co chay kho vai, lua lan qua kho ben canh roi", "fire"),
        # lottery tickets altered, an account offering itself, the boxes of parked bikes tried
        ("bà bán vé số bị người ta đổi vé số sửa số lấy mất 1 triệu", "fraud"),
        ("có trang facebook tự xưng sugar baby nhận đi khách khu Tân Phú", "prostitution"),
        ("tối qua có người đi dọc bãi xe chung cư thử mở cốp từng chiếc", "theft"),
    ],
)
def test_a_tip_is_read_by_what_was_done(text: str, category: str) -> None:
    # each was read as a fire, a weapon, public order or other
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", category), got


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        # a fire put out that flares again
        ("đám cháy bãi ve chai hồi trưa dập rồi mà giờ lại bốc khói nữa, gió to lắm", "urgent"),
        # robbers recognised where they are now
        (
            "vụ giật túi xách hôm kia ở chợ, giờ thằng đó đang đứng hút thuốc ở cổng chợ, "
            "đúng xe đó luôn",
            "urgent",
        ),
        # a beating filmed and posted is over
        ("con tôi bị mấy đứa cùng lớp đánh hội đồng, tụi nó quay clip đăng lên tiktok", "normal"),
        # a fight only threatened in a quarrel
        ("hai ông hàng xóm đang chửi nhau, dọa đánh nhau vì chuyện đậu xe", "normal"),
    ],
)
def test_urgency_follows_what_is_going_on_now(text: str, severity: str) -> None:
    for got in (by_rules(text), classify(text)):
        assert (got.kind, got.severity) == ("tip", severity), got


@pytest.mark.parametrize(
    "text",
    [
        # a tree leaning, feared to fall in the next storm: a hazard for the ward
        "cây me trước chợ nghiêng sắp ngã ra đường, gió to là đổ",
        # a loan app's collectors threatening death by phone: pressure to pay
        "em bị app vay tiền lừa, giờ tụi nó gọi điện dọa giết em với ba mẹ nếu ko trả 40 triệu",
    ],
)
def test_a_hazard_feared_or_a_threat_to_make_one_pay_is_not_an_emergency(text: str) -> None:
    # the retrained model read both urgent
    got = classify(text)
    assert (got.kind, got.severity) == ("tip", "normal"), got


def test_a_threat_to_come_tonight_stays_urgent() -> None:
    got = classify("chồng cũ nhắn tin dọa giết em, nói đêm nay sẽ qua nhà, em ở một mình với con")
    assert (got.kind, got.severity) == ("tip", "urgent"), got


def test_enough_unmarked_is_never_a_child_lured() -> None:
    # folded, "đủ" is "dụ": a child's registration said to be enough is a question
    enough = classify(
        "con gai toi hoc cao dang o Can Tho, khai tam vang hay no dk tam tru the la du"
    )
    lured = classify("nguoi la du be nha toi len xe roi chay mat")
    assert enough.kind == "question", enough
    assert lured.kind == "tip", lured


def test_bao_nhieu_typed_bao_nhiu_asks() -> None:
    got = classify("bao nhiu ngay thi phai khai")
    assert got.kind == "question", got


def test_bao_nhieu_typed_bnhieu_asks() -> None:
    got = classify("homestay của chị lỡ quên ko khai lưu trú cho 2 khách, bị phạt bnhieu")
    assert got.kind == "question", got


def test_a_fire_burning_now_stays_a_fire_whatever_is_asked_after_it() -> None:
    # round 14 tried "thì cần gì" as a burnt paper's procedure asked; after a fire burning
    # now it turned the fire into a question that reaches nobody
    for text in (
        "nha ben canh dang chay, khoi den nghi ngut, thi can gi a",
        "xưởng gỗ đang cháy lớn ở Tân Kỳ Tân Quý, cần giấy tờ gì thì tui gửi sau",
    ):
        got = classify(text)
        assert (got.kind, got.category, got.severity) == ("tip", "fire", "urgent"), got


@pytest.mark.parametrize(
    "text",
    [
        # the model read it calm beside a loan app's debt
        "vay app xong tụi nó gửi ảnh em cho cả công ty, em không muốn sống nữa",
        # and a harm told as posted online read as over
        "bị app tín dụng đen cắt ghép ảnh đăng lên facebook bêu riếu, giờ em không thiết sống nữa",
    ],
)
def test_a_writer_who_says_they_will_not_go_on_living_is_in_danger(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.severity) == ("tip", "urgent"), got


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("my neighbour is beating his wife, I hear her screaming, please come quickly", "urgent"),
        ("there is a man hitting a child in front of the school, come now please", "urgent"),
        # asked to come, not at once: a nuisance stays for the ward
        ("there is a loud party upstairs every weekend, please come and check", "normal"),
    ],
)
def test_a_plea_in_english_to_come_at_once_is_a_hurry(text: str, severity: str) -> None:
    got = classify(text)
    assert (got.kind, got.severity) == ("tip", severity), got


@pytest.mark.parametrize(
    "text",
    [
        # diplomas made to order, a wallet "about to be locked" verified at a link, an
        # adviser's gain promised in English
        "nhận làm bằng đại học tại chỗ, bằng cấp các loại, inbox nhận giá",
        "ví điện tử của bạn sắp bị khóa, vui lòng vào đường dẫn để xác thực ngay hôm nay",
        "Hi friend, I am investment advisor, profit 300 USD per day, contact my WhatsApp",
    ],
)
def test_papers_made_to_order_a_verification_at_a_link_and_a_gain_per_day_are_ads(
    text: str,
) -> None:
    # each was a tip (other) an officer would have read
    got = classify(text)
    assert (got.kind, got.spam) == ("other", True), got


def test_a_shop_reported_for_making_fake_papers_stays_a_tip() -> None:
    got = classify(
        "tiệm in trên đường Âu Cơ nhận làm bằng đại học, có cả bằng lái giả, ai hỏi cũng bán"
    )
    assert (got.kind, got.category, got.spam) == ("tip", "fraud", False), got


@pytest.mark.parametrize(
    "text",
    [
        "kênh này tiện lợi quá, chờ có từ lâu rồi",
        "hỏi cái gì bot cũng trả lời như cái máy, hỏi một đằng trả một nẻo",
    ],
)
def test_the_line_welcomed_or_its_answers_likened_to_a_machine_is_about_the_line(
    text: str,
) -> None:
    got = classify(text)
    assert (got.kind, got.about_line) == ("other", True), got


def test_a_cost_risen_typed_without_marks_is_not_the_line_welcomed() -> None:
    # "tien qua" is "tiền quá" as often as "tiện quá"
    got = by_rules("hop dong cong chung moi dk tam tru dc dung ko, cong chung ton tien qua")
    assert got.kind == "question", got


@pytest.mark.parametrize(
    "text",
    [
        "bài hát này nghe buồn, anh giết chết tình yêu của em rồi",
        "nó giết thời gian bằng cách ngồi đầu hẻm cả ngày nhìn vô nhà người ta",
    ],
)
def test_love_or_time_killed_is_no_killing(text: str) -> None:
    got = by_rules(text)
    assert got.category != "violence" and "giết" not in got.reasons, got


def test_which_number_to_report_to_is_asked() -> None:
    got = classify("nếu thấy tụi nhỏ đua xe trên cầu thì báo số nào, hay nhắn tin ở đây luôn")
    assert got.kind == "question", got


@pytest.mark.parametrize(
    "text",
    [
        "mình học luật, cho hỏi tội trộm cắp tài sản khác tội lừa đảo chiếm đoạt ở chỗ nào",
        "tôi là luật sư bào chữa, thân chủ tôi bị bắt vì đánh bạc, xin hỏi cơ quan nào thụ lý",
        # (an essay's outline asked is schoolwork asked of the line, kind other since round
        # 19: tests/test_classify_r19_kind.py)
    ],
)
def test_a_crime_studied_or_in_a_lawyers_file_is_the_law_asked(text: str) -> None:
    # each was a tip (fraud, gambling) an officer would have read
    for got in (by_rules(text), classify(text)):
        assert got.kind == "question", got


@pytest.mark.parametrize(
    "text",
    [
        "thân chủ tôi vừa gọi báo đang bị mấy thằng cầm dao rượt ngoài chợ, tới gấp",
        "con tôi đang viết bài văn thì thằng hàng xóm say rượu xông vô nhà đập phá",
    ],
)
def test_a_danger_beside_a_lawyers_or_a_students_words_is_still_a_tip(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.severity) == ("tip", "urgent"), got


@pytest.mark.parametrize(
    "text",
    [
        # a chain warning: "con em" is children in general, not the writer's own child
        "CHIA SẺ NGAY: bọn buôn người giả làm shipper dụ trẻ em ở cổng trường, hãy chia sẻ để "
        "bảo vệ con em chúng ta",
        # a film asked about among friends, a game's boss
        "phim mới ra có cảnh tụi nó trộm két sắt hay dữ, ai xem chưa",
        "9h tối nay vô đánh boss nha mày, giết nó lấy đồ xịn",
    ],
)
def test_a_chain_for_all_children_a_film_or_a_games_boss_is_not_a_tip(text: str) -> None:
    # each was a tip (other, theft, violence)
    got = classify(text)
    assert got.kind == "other", got


def test_a_chain_told_by_a_parent_whose_child_was_taken_is_a_tip() -> None:
    got = classify("con em bị bắt cóc rồi, tụi nó nhắn đòi tiền chuộc, hãy chia sẻ giúp em tìm con")
    assert (got.kind, got.severity) == ("tip", "urgent"), got


def test_a_fire_put_out_typed_without_marks_is_no_blow() -> None:
    # "da dap roi" is "đã dập rồi" (put out), read as "đập" (a blow): violence or a question
    got = by_rules("trua nay o cho co sap quan ao bi chap dien chay, bao ve da dap roi")
    assert (got.kind, got.category) == ("tip", "fire"), got
    # a blow told with its marks is still one
    blow = by_rules("tối qua thằng say rượu đã đập rồi bỏ đi, vợ nó bầm mặt")
    assert blow.category == "violence", blow


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a girl standing on a balcony, about to jump: a person's tip, not street soliciting
        ("có cô gái đứng ở ban công tầng 12 khóc nãy giờ, nói muốn nhảy xuống", "other"),
        ("có cô gái đứng trên lan can cầu nãy giờ, khóc quá trời, không chịu xuống", "other"),
        ("tối nào cũng có mấy cô gái đứng đường ở công viên mời khách", "prostitution"),
        (
            "quán nước đầu hẻm có mấy cô gái đứng trước cửa vẫy khách, đón khách vô phòng sau",
            "prostitution",
        ),
    ],
)
def test_a_girl_standing_is_not_a_girl_soliciting(text: str, category: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", category), got
    # the height she stands on is still her danger
    assert category != "other" or got.severity == "urgent", got


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # something unknown inhaled, or mixed into what is smoked
        ("mấy đứa trong phòng trọ bên cạnh chuyền nhau hít gì đó trong bịch nilon", "drugs"),
        ("thằng em tôi hút pod có pha gì đó xong nằm lừ đừ cả buổi", "drugs"),
        # deposits taken, then gone; staff's clothes worn, the company knowing nobody; a loan
        # app's doctored photo
        ("anh môi giới căn phòng trọ lấy cọc hết rồi biến mất, gọi không bắt máy", "fraud"),
        (
            "hai người mặc áo giống nhân viên điện lực vô thu tiền thay công tơ, gọi tổng đài "
            "thì công ty nói không có",
            "fraud",
        ),
        (
            "em vay tiền trên app, trễ hạn 2 ngày tụi nó ghép ảnh nhạy cảm của em gửi cho bạn bè",
            "fraud",
        ),
    ],
)
def test_a_drug_or_a_scam_is_read_by_what_was_done(text: str, category: str) -> None:
    # each was a question or a tip of category other to the rules
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", category), got


def test_a_games_cries_and_blows_are_the_games() -> None:
    # "pubg" is a game: friends ganging up in it, a cry for help in it, hurt nobody
    got = classify("tối qua tụi tui chơi pubg, bị cả team bạn hội đồng, cứu tui không kịp luôn")
    assert got.kind == "other", got
    # a danger heard while playing is still one
    danger = classify("đang chơi pubg thì nghe nhà bên có tiếng la cứu với, có người cầm dao")
    assert (danger.kind, danger.severity) == ("tip", "urgent"), danger


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        # found, looking like an explosive, where children play: the model read it calm
        (
            "dọn bãi đất trống sau trường thấy một vật giống quả bom cũ rỉ sét, tụi nhỏ hay ra "
            "đó đá banh",
            "urgent",
        ),
        # one kept and known, a war souvenir on a shelf, stays for the ward
        (
            "ông chủ trọ để nguyên trái lựu đạn cũ thời chiến trên kệ làm kỷ niệm, "
            "vậy có sao không",
            "normal",
        ),
    ],
)
def test_something_found_that_looks_like_an_explosive_is_urgent(text: str, severity: str) -> None:
    got = classify(text)
    assert (got.kind, got.severity) == ("tip", severity), got


def test_a_card_swapped_at_an_atm_told_in_english_is_a_scam() -> None:
    got = by_rules(
        "a man at the ATM near the market offered help and swapped her card, she lost 5 million"
    )
    assert (got.kind, got.category) == ("tip", "fraud"), got


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        # a cry, then only where: whoever writes it has no time for more
        ("bắt trộm!! tiệm điện thoại số 40 Âu Cơ", "urgent"),
        ("co trom!!! tiem tap hoa so 3", "urgent"),
        # the cry opening a story of a habit is a word of the story
        ("có trộm, xóm này mất đồ hoài", "normal"),
    ],
)
def test_a_cry_followed_only_by_where_is_urgent(text: str, severity: str) -> None:
    # "cướp!!! <an alley>" was a robbery rated normal: a person in danger
    assert by_rules(text).severity == severity
    assert classify(text).severity == severity


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        # a quarrel told by its loudness, nobody touched
        ("hai ông hàng xóm đang cãi nhau to tiếng vì cái cây lấn sân, đông người coi", "normal"),
        ("may chi ban rau dang chui nhau om som ngoai cho", "normal"),
        # blows or a weapon beside it are their own rules' danger
        ("hai ông đang cãi nhau to tiếng rồi lao vô đánh nhau trước quán", "urgent"),
        ("cãi nhau om sòm xong ổng cầm dao rượt thằng kia", "urgent"),
    ],
)
def test_a_quarrel_told_by_its_loudness_is_not_made_urgent_by_the_model(
    text: str, severity: str
) -> None:
    # the model read such quarrels urgent (0.65, 0.94): a calm tip rated urgent
    assert classify(text).severity == severity


def test_a_vehicle_broken_down_in_the_road_is_a_jam_not_a_person_down() -> None:
    got = classify("chiếc xe buýt chết máy nằm giữa đường Cộng Hòa, xe kẹt dài tới ngã tư")
    assert (got.kind, got.category, got.severity) == ("tip", "traffic", "normal"), got
    # a person lying in the road still is
    down = classify("có ông say rượu nằm giữa đường Cộng Hòa, xe chạy ngang suýt cán")
    assert down.severity == "urgent", down


def test_weapons_stashed_and_shown_off_are_for_the_ward() -> None:
    got = classify("mấy thằng nhóc cất giấu mã tấu sau nhà kho trường, lâu lâu lấy ra khoe")
    assert (got.kind, got.category, got.severity) == ("tip", "weapons", "normal"), got


@pytest.mark.parametrize(
    "text",
    [
        # a parent telling a child where dinner is
        "con ơi ba về trễ, cơm để trong nồi nha",
        # a paper's article passed on to friends
        "Báo Thanh Niên: công an bắt ổ nhóm trộm xe liên tỉnh. Mọi người xem đi",
        # the admin's name asked
        "chào ad, ad tên gì thế",
        # whether the line is the police's own
        "zalo này có phải của công an phường thật không hay là giả mạo",
    ],
)
def test_chat_to_family_friends_or_the_admin_is_not_a_tip(text: str) -> None:
    # each was a tip (other, drugs, fraud) or a question
    for got in (by_rules(text), classify(text)):
        assert got.kind == "other", got


def test_a_tax_refund_claimed_at_a_link_is_an_ad() -> None:
    got = classify(
        "Tổng cục Thuế: Quý vị có khoản hoàn thuế 2.100.000đ, nhấn vào link tct-hoanthue.vn "
        "để nhận trước 20h"
    )
    assert (got.kind, got.spam) == ("other", True), got


@pytest.mark.parametrize(
    ("text", "category", "severity"),
    [
        # someone trying parked vehicles now
        ("có thằng đang rình mấy chiếc xe đậu trước chợ, thử từng chiếc một", "theft", "urgent"),
        # a pet strayed into one's home is found property
        ("có con mèo xám lạc vô nhà em từ hôm qua, ai mất thì liên hệ", "lost_property", "normal"),
        # odd or even called out behind closed doors
        ("nhà số 8 đóng cửa mà tối nào cũng nghe hô chẵn lẻ, xe đậu kín hẻm", "gambling", "normal"),
        # something blew up, and the room is burning, typed without marks
        ("cai tivi phong ben phat no, phong dang chay", "fire", "urgent"),
        # a drunk asleep in the road
        ("ông xỉn nằm ngủ giữa đường hẻm 12, xe chạy né không kịp", "public_order", "urgent"),
        # silver sold as gold
        ("ông đó bán dây chuyền bạc mà nói là vàng 24k cho mấy bà lớn tuổi", "fraud", "normal"),
    ],
)
def test_a_tip_is_read_by_what_is_done(text: str, category: str, severity: str) -> None:
    rules = by_rules(text)
    assert (rules.kind, rules.category) == ("tip", category), rules
    got = classify(text)
    assert (got.kind, got.category, got.severity) == ("tip", category, severity), got


def test_whether_newcomers_are_registered_asked_of_them_is_a_residence_tip() -> None:
    got = classify(
        "Nhà đối diện mới dọn tới mấy tháng, ra vô toàn ban đêm. Không biết họ có đăng ký tạm "
        "trú không?"
    )
    assert (got.kind, got.category) == ("tip", "residence"), got
    # one's own stay asked is still a question
    own = classify("em mới chuyển tới phòng trọ mới, em có phải đăng ký tạm trú không")
    assert own.kind == "question", own


@pytest.mark.parametrize(
    "text",
    [
        # stabbed and left lying, typed without marks ("nằm trước" is not "năm trước")
        "co thang bi dam guc truoc tiem net, mau ra qua troi, tui no chay mat roi",
        "co nguoi nam truoc tiem vang, mau chay nhieu lam",
        # an old woman shut out and starved by her family, told now
        "bà cụ đầu hẻm bị con trai đuổi ra khỏi nhà, ngồi ngoài hiên từ hôm qua chưa được ăn gì",
        # held abroad and hurt for a ransom
        "em gái tôi bị dụ qua biên giới làm việc, giờ tụi nó giam lại, bị chích điện, đòi tiền"
        " chuộc 100 triệu",
        # a farewell, then out of reach
        "ba tui nhắn 'ba mệt mỏi lắm rồi, xin lỗi mọi người', giờ gọi không bắt máy",
        # a thief caught and held where it was done
        "bắt được thằng trộm điện thoại rồi, tụi tui giữ nó lại ở quán, mời công an xuống",
        # a shell found unexploded
        "thợ đào móng nhà trúng một quả đạn pháo còn nguyên, mọi người đứng xa hết",
    ],
)
def test_a_person_in_danger_told_these_ways_is_urgent(text: str) -> None:
    # each was a person in danger rated normal (blood read as "last year", a beating read as
    # a habit, a ransom read as a job scam, a farewell, a shell)
    got = classify(text)
    assert (got.kind, got.severity) == ("tip", "urgent"), got


@pytest.mark.parametrize(
    "text",
    [
        # a wanted man's status is not an event now
        "nghe nói thằng ở trọ phòng 5 đang trốn truy nã ngoài Bắc, ít khi ra ngoài",
    ],
)
def test_a_wanted_mans_status_is_not_made_urgent(text: str) -> None:
    # the model read it urgent (0.77): a calm tip rated urgent
    got = classify(text)
    assert (got.kind, got.severity) == ("tip", "normal"), got


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("mấy đứa nhỏ chạy xe máy vòng vòng trong xóm, không đội nón", "traffic"),
        ("thu ngân mới làm 1 tuần đã ôm tiền trong két trốn mất", "theft"),
        ("bà giúp việc nghỉ ngang hôm qua, sáng nay nhà tôi mới thấy mất nhẫn vàng", "theft"),
        ("tuần trước có 2 thằng vô tiệm trói chủ tiệm lại lấy hết tiền", "robbery"),
        ("nha ben dot rac sat vach, lua ben vo mai ton nha tui roi", "fire"),
        ("có mấy người giả sinh viên nghèo đi bán tăm xin tiền từng nhà", "fraud"),
        ("có cái túi xách để trên ghế đá công viên từ trưa, không ai đến lấy", "lost_property"),
        (
            "chủ trọ không cho đăng ký tạm trú, đòi đóng thêm 300 ngàn, tôi ở 4 tháng rồi",
            "residence",
        ),
    ],
)
def test_a_tip_is_named_by_what_was_done(text: str, category: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", category), got


@pytest.mark.parametrize(
    "text",
    [
        # a fine asked, or what to do about a landlord asked: the desk answers
        "không đội nón bảo hiểm thì bị phạt bao nhiêu vậy",
        "chủ nhà không cho đăng ký tạm trú, đòi thêm tiền mới làm, giờ em phải làm sao",
        # a student's price is no impostor
        "quán cơm mới mở giá sinh viên ngon lắm, mọi người ghé ủng hộ nha",
    ],
)
def test_these_are_not_tips(text: str) -> None:
    assert by_rules(text).kind != "tip"


@pytest.mark.parametrize(
    "text",
    [
        "Massage thư giãn cho quý ông, nhân viên trẻ đẹp, phục vụ tận tình tới khuya",
        "Game bài đổi thưởng uy tín, tặng code 100k cho thành viên mới, rút tiền về ví 1 phút",
        "Tuyển nữ phục vụ nhà hàng lương 20 triệu, bao ăn ở, lo vé xe, không cần kinh nghiệm",
        "Mở thẻ tín dụng hạn mức 80 triệu, không chứng minh thu nhập, duyệt trong ngày",
    ],
)
def test_offers_to_men_gamblers_job_seekers_and_borrowers_are_ads(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.spam) == ("other", True), got


@pytest.mark.parametrize(
    "text",
    [
        # a warning passed on for everyone's children, not the writer's own
        "KHẨN: có xe bắt cóc trẻ em ở Bình Tân, hãy chia sẻ ngay để bảo vệ con em chúng ta",
        # the app or the bot complained of
        "bấm nút hoài mà không hiện gì hết, app lỗi hả",
        "bot trả lời không liên quan gì hết, tôi hỏi tạm vắng mà nó nói chuyện khác",
        # a transfer about to be made, said to its payee
        "ok để em chuyển khoản cho chị liền nha, 200k phải không",
    ],
)
def test_a_chain_a_word_on_the_app_or_a_payee_told_is_not_a_tip(text: str) -> None:
    for got in (by_rules(text), classify(text)):
        assert got.kind == "other", got


@pytest.mark.parametrize(
    "text",
    [
        # a past crime whose offender is not caught yet: a status, not the crime going on
        "tháng trước có 2 thằng cướp tiệm điện thoại đầu chợ, tới giờ vẫn chưa bắt được",
        # a fire or a blast feared: a hazard
        "nhà kế bên chứa mấy chục bình gas trong hẻm, tụi tui sợ cháy nổ lắm",
    ],
)
def test_a_status_or_a_fear_is_not_made_urgent_by_the_retrained_model(text: str) -> None:
    # the model retrained on round 14's severity examples read such tips urgent (0.50, 0.52)
    got = classify(text)
    assert (got.kind, got.severity) == ("tip", "normal"), got


def test_a_vicious_dog_typed_without_marks_lures_no_child() -> None:
    # "cho du" is "chó dữ": read as "dụ" (a child lured) it was urgent
    got = by_rules("nha ben nuoi con cho du tha rong, con nit di ngang so lam")
    assert "dụ" not in got.reasons, got


def test_a_lawyer_or_an_essay_named_beside_a_crime_now_keeps_its_category() -> None:
    # the law asked weakens a crime's words only in a question or with nothing happening
    # now: the robbery was "normal" with no reason and the fire "other" (no fire brigade)
    robbed = classify("tôi là luật sư, thân chủ tôi vừa bị cướp giật điện thoại ở Âu Cơ")
    fire = classify(
        "con tôi đang làm bài văn thì nghe nhà bên la cứu, có mùi khét, khói đen bốc lên"
    )
    asked = classify("sinh vien luat hoi: toi trom cap va toi cuop giat khac nhau the nao")
    assert (robbed.category, robbed.severity) == ("robbery", "urgent"), robbed
    assert (fire.category, fire.severity) == ("fire", "urgent"), fire
    assert asked.kind == "question", asked


def test_a_registration_made_at_ones_address_for_someone_unknown_is_for_the_desk() -> None:
    # "cho người lạ" read as a stranger prowling: a residence tip, nobody at the desk asked
    got = classify(
        "nhà tôi bị ai đó lấy địa chỉ đăng ký thường trú cho người lạ, tôi không hề đồng ý"
    )
    assert got.kind == "question", got
    # a stranger seen breaking in beside it is still reported
    broken_in = "ai đó đăng ký tạm trú cho người lạ vào nhà tôi, tối nay có thằng đang leo rào"
    assert classify(broken_in).kind == "tip"


def test_a_fire_told_as_over_is_the_premise_of_a_residence_procedure_asked() -> None:
    # it was a fire tip an officer read, the procedure asked unanswered
    asked = classify(
        "năm ngoái nhà bị cháy, giờ làm tạm trú cho người thuê trọ mới thì cần giấy tờ gì"
    )
    assert (asked.kind, asked.topic) == ("question", "tam_tru"), asked
    # the same words beside a fire burning now, or just caught, still report it
    for text in (
        "nhà tôi đang cháy, khói đen bốc lên, giờ muốn đăng ký thường trú cho con dâu thì cần gì",
        "nhà kế bên cháy rồi, khói đen bốc lên nhiều lắm, nhà đó có mấy người thuê trọ chưa "
        "đăng ký tạm trú",
    ):
        got = classify(text)
        assert (got.kind, got.category, got.severity) == ("tip", "fire", "urgent"), got
    # nor a fire told from when it began, its flames or smoke told after ("hồi tối"
    # opens it, the fire is not over)
    for text in (
        "hồi tối dãy trọ kế bên cháy, giờ lửa lan qua nhà tôi rồi, tạm trú của tôi tính sao",
        "tối qua nhà bên cháy, khói đen còn bốc lên, người thuê trọ ở đó có tạm trú không",
    ):
        got = classify(text)
        assert (got.kind, got.category) == ("tip", "fire"), got
    # and a fire over, nothing asked, is still a fire's tip
    assert classify("hồi sáng có vụ cháy ở chợ Tân Hương, giờ đã dập tắt").category == "fire"


def test_papers_burnt_in_a_fire_still_burning_report_the_fire_first() -> None:
    # a re-issue asked made the fire the question's premise, burning or not: the citizen
    # was sent the lost-papers answer and no officer saw the fire
    for text in (
        "lửa vẫn còn cháy, khói đen bốc lên, cccd cháy hết rồi làm lại ở đâu",
        "giờ lửa còn cháy, giấy tờ cháy hết, làm lại sao",
        "dãy trọ cháy từ nãy giờ chưa dập được, giấy tờ của em cháy hết, làm lại ở đâu",
    ):
        got = classify(text)
        assert (got.kind, got.category, got.severity) == ("tip", "fire", "urgent"), got
    # once out, the burnt papers' re-issue is the question
    for text in (
        "lửa đã dập tắt rồi nhưng giấy tờ cháy hết, làm lại ở đâu",
        "nhà bị cháy hồi tháng trước, giấy tờ cháy hết, làm lại ở đâu",
        "nha bi chay tuan roi, dang ky lai tam tru o dau",
    ):
        assert classify(text).kind == "question", text


def test_a_vehicle_gone_said_bare_is_a_theft_reported() -> None:
    # "where do I report it" is asked of the line that takes reports: it was the menu
    for text in (
        "mất xe rồi, trình báo ở đâu vậy",
        "mat xe roi, trinh bao o dau vay",
        "em vừa mất chiếc xe ở chợ Tân Hương",
    ):
        got = classify(text)
        assert (got.kind, got.category) == ("tip", "theft"), got
    # its news asked after the report is no new theft
    assert classify("hom qua em co bao vu mat xe roi, gio co tin gi chua a").kind != "tip"


def test_a_cry_for_help_beside_only_a_fine_asked_is_the_fine_asked() -> None:
    # "cứu tôi với" made an urgent tip of a residence fine asked
    got = classify(
        "cứu tôi với, ông tổ trưởng nói nhà tôi chưa khai báo lưu trú cho khách là bị phạt, "
        "phạt bao nhiêu vậy"
    )
    assert (got.kind, got.topic) == ("question", "luu_tru"), got
    # a danger told beside the same words is still urgent
    for text in (
        "cứu em với, chủ trọ đang đánh em, ổng nói em chưa đăng ký tạm trú sẽ bị phạt",
        "cứu với, ông chủ nhà nhốt em trong phòng không cho ra, làm vậy có bị phạt không",
    ):
        got = classify(text)
        assert (got.kind, got.severity) == ("tip", "urgent"), got


def test_a_rule_heard_of_and_checked_is_asked_when_no_harm_is_told() -> None:
    # the learned model made the first a report (0.95), the rules the second a residence tip
    for text in (
        "chị gái tôi tháng nào cũng về ở vài hôm, có người bảo báo một lần là xong, có đúng không",
        "co nguoi noi o tro ko can dang ky nua, dung ko ad",
    ):
        asked = classify(text)
        assert asked.kind == "question", asked
    # a harm heard of and checked still reports it
    heard = classify("nghe nói thằng hàng xóm đánh vợ nhập viện, có đúng không")
    assert (heard.kind, heard.category) == ("tip", "violence"), heard


def test_another_offices_matter_asked_is_a_question_when_no_harm_is_told() -> None:
    # the learned model made each a report (water cut, a school's transfer)
    for text in (
        "nuoc may o hem 45 bi mat tu toi qua toi gio, bao cho ai",
        "chau toi muon chuyen truong ve gan nha, lien he truong cu hay truong moi",
    ):
        got = classify(text)
        assert got.kind == "question", got
    # beside a harm told, it still reports
    for text in (
        "con em bị bạn đánh ở trường, muốn chuyển trường thì liên hệ ai",
        "cúp điện cả xóm, có mấy thằng trèo lên trụ điện cắt trộm dây, gọi số nào báo",
    ):
        got = classify(text)
        assert got.kind == "tip", got


def test_a_quarrel_told_as_over_is_no_disorder_going_on() -> None:
    # the quarrel made a public order tip of a removal asked
    got = classify(
        "tui cãi nhau với chủ nhà xong bị đuổi ra rồi, bả không chịu báo xóa tạm trú cho tui, "
        "tui tự đi xóa được hông"
    )
    assert got.kind == "question", got
    # what follows the quarrel, going on now, still reports
    smashing = classify("mấy ông nhậu cãi nhau xong giờ đang đập phá quán, chai lọ bể tùm lum")
    assert (smashing.kind, smashing.category, smashing.severity) == (
        "tip",
        "public_order",
        "urgent",
    ), smashing


def test_ones_own_file_sent_back_is_asked_when_no_harm_is_told() -> None:
    # the learned model made each a report (0.93, 0.88): the desk's, not an officer's tip
    for text in (
        "hồ sơ của em nộp lên phường bị trả về 2 lần mà không ai giải thích, em muốn gặp "
        "người xử lý hồ sơ",
        "mã hồ sơ của tui bị từ chối trên dịch vụ công, ai coi giùm tui với",
    ):
        got = classify(text)
        assert got.kind == "question", got
    # a scam told with the file's words is still reported
    scam = classify(
        "tụi nó dùng mã hồ sơ của em để lừa em chuyển tiền phí xử lý hồ sơ, em mất 3 triệu rồi"
    )
    assert (scam.kind, scam.category) == ("tip", "fraud"), scam


def test_a_relative_by_blood_typed_without_marks_is_no_chase() -> None:
    # "ruot" is "ruột" as much as "rượt": a niece at her aunt's was read as chased, urgent
    asked = classify("chau gai toi o nha di ruot de di hoc, dang ky tam tru cho chau can gi")
    chased = classify("thang nghien dang ruot danh con nit truoc nha chu ruot toi")
    assert asked.kind == "question", asked
    assert (chased.kind, chased.severity) == ("tip", "urgent"), chased


def test_ones_own_fine_disputed_is_a_question_a_neighbours_omission_still_a_tip() -> None:
    # the writer fined, wanting to complain: their own matter, a person at the desk answers
    own = classify(
        "em bị lập biên bản phạt vì chưa đăng ký tạm trú, mới dọn tới có 1 tuần, em muốn khiếu nại"
    )
    other = classify(
        "nhà trọ số 12 cho cả chục người ở mà không đăng ký tạm trú, tôi muốn khiếu nại"
    )
    # the writer fined beside a landlord's fraud told: the landlord reported
    fraud = classify(
        "chủ trọ thu tiền mà không đăng ký tạm trú cho tụi em, công an kiểm tra em bị phạt 500k"
    )
    assert own.kind == "question", own
    assert (other.kind, other.category) == ("tip", "residence"), other
    assert (fraud.kind, fraud.category) == ("tip", "residence"), fraud


def test_a_stranger_registered_at_ones_home_is_no_prowler_however_strange() -> None:
    # "lạ hoắc" between: the records asked about, not a stranger about the house
    asked = classify(
        "có 2 người lạ hoắc đăng ký tạm trú vào nhà tôi lúc nào không hay, giờ làm sao"
    )
    prowling = classify("2 người lạ hoắc đứng trước cửa nhà tôi nhìn vô, tối qua còn cạy khóa")
    assert asked.kind == "question", asked
    assert prowling.kind == "tip", prowling


def test_papers_lost_beside_a_registration_asked_by_its_everyday_name_are_its_premise() -> None:
    asked = classify(
        "nhập hộ khẩu cho vợ về nhà tôi cần giấy tờ gì, giấy đăng ký kết hôn bị thất lạc rồi"
    )
    # told where and when, the loss is a report the ward records
    told = classify("sáng nay bị móc túi ở bến xe mất hết giấy tờ, nhập khẩu cho con giờ làm sao")
    assert asked.kind == "question", asked
    assert told.kind == "tip", told


def test_a_fire_spreading_now_is_urgent_whenever_it_began() -> None:
    # "hồi tối" made it over: a fire reaching the writer's home rated normal
    for text in (
        "hồi tối dãy trọ kế bên cháy, giờ lửa lan qua nhà tôi rồi",
        "hoi chieu nha ben chap dien chay, lua lan sang nha em roi moi nguoi oi",
    ):
        got = classify(text)
        assert (got.kind, got.category, got.severity) == ("tip", "fire", "urgent"), got
    # one put out after spreading is over
    over = classify("hôm qua cháy nhà ở hẻm 5, lửa lan qua 2 căn bên cạnh, giờ đã dập tắt")
    assert (over.category, over.severity) == ("fire", "normal"), over


def test_a_harm_heard_from_someone_and_checked_keeps_its_category() -> None:
    # "người ta nói" asks a rule heard of; beside a gambling den named at a place it lost
    # the category, a tip of other
    got = classify("người ta nói hẻm 12 có đánh bạc, có thật không")
    assert (got.kind, got.category) == ("tip", "gambling"), got
    asked = classify("có người bảo báo một lần là xong, có đúng không")
    assert asked.kind == "question", asked


def test_money_asked_for_ones_own_file_is_no_plain_question() -> None:
    # one's own file sent back is the desk's question; a bribe asked beside it was one too
    got = classify("hồ sơ của tôi bị trả về, mà cán bộ đòi 2 triệu mới nhận")
    assert got.kind == "tip", got
    asked = classify("hồ sơ nhập khẩu của tôi bị trả về mà không nói lý do, tôi muốn gặp cán bộ")
    assert asked.kind != "tip", asked


def test_a_stick_taken_up_against_someone_now_is_urgent_without_marks() -> None:
    # "dam" unmarked is many words; after "cầm cây" it stabs: beside a parking ticket the
    # message was a traffic tip, normal
    got = classify("toi bi lap bien ban vi dau xe, ma thang cho xe om do dang cam cay dam toi")
    assert (got.kind, got.category, got.severity) == ("tip", "weapons", "urgent"), got


# Round 15, tuning set 14's misses as principles, each worded apart from the set; beside
# every rule that changes a kind or weakens a category or an urgency, a live report told
# with the same words that must stay what it is.


@pytest.mark.parametrize(
    "text",
    [
        "hai ông tài xế xuống xe đấm đá nhau giữa ngã tư, người ta can không được",
        "tui no dam da nhau truoc quan bida, co dua chay mau dau",
    ],
)
def test_fists_and_kicks_traded_now_are_an_urgent_fight(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.severity) == ("tip", "urgent"), got


def test_a_face_clawed_open_in_a_quarrel_is_violence() -> None:
    got = by_rules("hai bà bán cá giành chỗ, một bà bị cào rách mặt phải khâu mấy mũi")
    assert got.category == "violence", got


def test_a_flash_cut_at_the_breaker_with_its_smoke_gone_is_over() -> None:
    over = classify("bếp từ nhà em chập cái bụp, em cúp cầu dao rồi, hết khói rồi, có sao không")
    # the same words with the fire still burning
    live = classify("ổ điện nổ, em cúp cầu dao rồi mà lửa vẫn đang cháy lan lên rèm, cứu em")
    assert (over.category, over.severity) == ("fire", "normal"), over
    assert (live.category, live.severity) == ("fire", "urgent"), live


def test_what_a_fire_would_do_is_a_hazard_not_a_fire_now() -> None:
    # the rules read "cháy" typed with its marks as a fire burning, urgent
    feared = by_rules(
        "tiệm tạp hóa đầu hẻm chứa cả chục can xăng sát vách dãy trọ, cháy là chết hết"
    )
    live = classify("nhà bên đang cháy lớn, khói đen mù mịt, cháy là chết hết cả dãy, cứu với")
    assert (feared.kind, feared.severity) == ("tip", "normal"), feared
    assert (live.category, live.severity) == ("fire", "urgent"), live


def test_a_quarrel_where_nobody_has_laid_a_hand_is_not_urgent() -> None:
    # the model read it urgent (0.5)
    quarrel = classify(
        "2 bà đang chửi bới nhau om sòm giành chỗ bán rau, chưa ai đụng tay, người ta bu coi đông"
    )
    armed = classify("hai ông chửi nhau trước chợ, chưa ai đụng tay thì một ông rút dao ra")
    assert (quarrel.kind, quarrel.severity) == ("tip", "normal"), quarrel
    assert armed.severity == "urgent", armed


def test_a_plea_typed_without_marks_is_no_din() -> None:
    # "lam on" is "làm ơn" as well as "làm ồn"
    plea = by_rules("ba tui bi lang tri, ba ra khoi nha tu sang, lam on giup tim")
    din = by_rules("phong tro ben canh lam on toi 2h sang, khong ai ngu duoc")
    assert plea.category != "public_order", plea
    assert din.category == "public_order", din


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a bag slashed in a crowd, a wallet picked from a sleeper
        ("đi hội chợ về mới thấy ba lô bị rạch, mất cái điện thoại", "theft"),
        ("thằng đó chuyên móc ví khách ngủ trên xe buýt đêm", "theft"),
        # goods hidden by a customer pretending to choose
        ("bà khách giả vờ lựa hàng rồi giấu 3 lọ nước hoa vô túi xách đi ra", "theft"),
        # a vehicle left a few minutes, found gone
        ("em đậu xe trước tiệm thuốc vô mua chai nước ra thì không thấy xe đâu", "theft"),
        # beaten so what they have can be taken, snatched from the hand, cornered and searched
        ("đang đứng chờ đèn đỏ thì thằng kia giật từ tay em cái điện thoại", "robbery"),
        ("3 đứa vây em trai tui ở công viên, lục túi lấy hết tiền", "robbery"),
        # goods handed to try, the taker gone
        ("có người hỏi mua xe, xin chạy thử một vòng rồi không quay lại", "fraud"),
        # small packets passed through a door or wrapped in black tape
        ("nhà đó khuya nào cũng có xe ghé, đưa bịch nhỏ qua khe cửa rồi đi", "drugs"),
        ("hàng gửi là mấy gói nhỏ quấn keo đen kín mít, người nhận trả ship gấp ba", "drugs"),
        # a gas bottle leaking, a blast heard with smoke after it, a fire named as an event
        ("bình ga quán phở bên cạnh bị rò, mùi nồng nặc", "fire"),
        ("nghe tieng no lon ben kho, co khoi bay ra", "fire"),
        ("hom qua co vu chay o xuong go dau hem, khong ai bi gi", "fire"),
        # a long blade carried, stunt riding, a vehicle overturned, a plate fallen off
        ("thằng say rượu cầm mác đi ngoài hẻm", "weapons"),
        ("mấy đứa nhỏ bốc đầu lạng lách trên đại lộ mỗi tối", "traffic"),
        ("xe bồn chở xăng bị lật ở ngã tư, xăng chảy ra đường", "traffic"),
        ("sáng nay rớt biển số xe ở đâu không biết, giờ chạy sợ bị phạt", "lost_property"),
    ],
)
def test_what_was_done_names_the_category(text: str, category: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", category), got


def test_a_lodging_house_that_hid_its_lodgers_last_time_is_reported() -> None:
    # "thì" after what happened last time, or after what the owner answered, supposes nothing
    hid = classify(
        "nhà trọ cuối hẻm cho ở chui cả chục người không khai báo tạm trú, lần trước phường "
        "kiểm tra thì chủ giấu họ trên gác"
    )
    answered = classify(
        "chủ nhà số 9 cho người nhà ở cả năm không đăng ký gì, cảnh sát khu vực hỏi thì ổng "
        "nói không có ai"
    )
    owner = classify("khu trọ mới ở Tân Quý, người thuê không ai được đăng ký, chủ không hợp tác")
    assert (hid.kind, hid.category) == ("tip", "residence"), hid
    assert (answered.kind, answered.category) == ("tip", "residence"), answered
    assert (owner.kind, owner.category) == ("tip", "residence"), owner
    # a rule heard and checked still asks
    heard = classify("chủ trọ nói ở ngắn hạn khỏi đăng ký tạm trú, đúng không ad")
    assert heard.kind == "question", heard


def test_what_someone_is_not_seen_doing_is_said_not_asked() -> None:
    got = by_rules(
        "nhà kế bên có mấy thanh niên lạ ở cả tháng, không thấy đi làm gì, chủ nhà không khai báo"
    )
    assert got.kind == "tip", got


def test_an_official_warning_forwarded_is_not_a_tip_but_the_writers_own_harm_is() -> None:
    warning = classify(
        "CẢNH BÁO thủ đoạn giả danh nhân viên ngân hàng nhắn tin nâng hạn mức. Người dân "
        "tuyệt đối không cung cấp mã OTP."
    )
    harmed = classify(
        "cảnh báo thủ đoạn giả danh nhân viên ngân hàng, mẹ tôi vừa bị lừa mất 20 triệu"
    )
    assert warning.kind == "other", warning
    assert harmed.kind == "tip", harmed


def test_a_refund_phish_and_an_investment_group_are_ads_but_a_victim_reports() -> None:
    phish = classify(
        "Thông báo hoàn thuế: quý khách vui lòng đăng nhập thue-vn.top để nhận tiền trong ngày"
    )
    group = classify("Tham gia nhóm đầu tư coin cùng chuyên gia dẫn dắt, link nhóm ở bio")
    victim = classify(
        "mẹ em bấm vào tin nhắn hoàn thuế, vui lòng đăng nhập để nhận tiền, giờ bị rút "
        "tiền hết trong tài khoản"
    )
    assert (phish.kind, phish.spam) == ("other", True), phish
    assert (group.kind, group.spam) == ("other", True), group
    assert victim.kind == "tip", victim


def test_the_pages_number_not_answered_is_about_the_line_unless_a_danger_is_told() -> None:
    line = classify("số ghi trên trang gọi mãi không ai bắt máy, số đó còn dùng không")
    fire = classify("số ghi trên trang gọi không ai nghe, nhà bên đang cháy lớn, khói đen")
    assert (line.kind, line.about_line) == ("other", True), line
    assert (fire.kind, fire.severity) == ("tip", "urgent"), fire


def test_a_driver_passed_out_with_the_engine_running_is_urgent() -> None:
    got = by_rules("xe hơi tông cột điện, ông tài xế xỉu trong xe, máy còn nổ")
    assert got.severity == "urgent", got


# Round 15, tuning set 15's misses as principles (the set was kept out of the pass on set
# 14, then worked on), each worded apart from the set, with live reports beside.


def test_a_head_smashed_and_bleeding_now_is_urgent_though_the_man_left() -> None:
    got = classify(
        "ông chồng phòng 5 đập đầu vợ vào tường rồi bỏ đi rồi, chị ấy ngồi đó đầu chảy máu"
    )
    assert (got.category, got.severity) == ("violence", "urgent"), got


def test_someone_kept_from_going_out_is_held_now_whenever_last_heard() -> None:
    got = classify(
        "căn nhà cuối hẻm có đứa bé gái không được ra ngoài, cửa khóa ngoài, hôm qua nghe nó "
        "kêu cứu em qua cửa sổ"
    )
    assert (got.kind, got.severity) == ("tip", "urgent"), got


def test_a_child_lost_is_a_person_missing_not_a_thing_lost() -> None:
    child = classify("con em bị lạc ở hội chợ, bé 6 tuổi mặc áo xanh, tìm nãy giờ không thấy")
    essay = by_rules("em bị lạc đề bài văn rồi, buồn quá")
    assert (child.category, child.severity) == ("other", "urgent"), child
    assert essay.category != "other" or not essay.reasons, essay


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a strange smell, then people awake all night
        ("phòng trọ bên cạnh có mùi lạ khét khét, mấy thằng trong đó thức trắng mấy đêm", "drugs"),
        # injecting, then collapsed (typed without marks)
        ("thay 1 nguoi dang chich duoi gam cau, gio nam guc luon", "drugs"),
        # smoke out of a window
        ("thấy khói trắng bay ra từ cửa sổ căn hộ tầng 5, không ai ở nhà", "fire"),
        # gas bottles stacked in the sun, feared to blow
        ("tiệm nước đầu hẻm chất mấy chục bình gas mini ngoài nắng, tui sợ nổ", "fire"),
        # fake compulsory insurance sold
        ("có người bán bảo hiểm xe máy giả trước cổng chợ, 30k một tờ", "fraud"),
        # goods taken in hand by a would-be buyer who runs
        ("thằng đó giả vờ mua trái cây, cầm bịch xoài rồi phóng xe chạy luôn", "theft"),
        # women waiting for clients, drivers bargaining
        ("mấy cô đứng đón khách ở công viên lúc khuya, xe máy dừng lại trả giá", "prostitution"),
    ],
)
def test_what_is_done_names_the_category_too(text: str, category: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", category), got


def test_a_bomb_only_wondered_about_is_no_weapon_but_one_seen_is() -> None:
    wondered = by_rules("có cái ba lô ai bỏ quên ở trạm xe buýt từ sáng, có khi nào là bom không")
    seen = by_rules("thấy quả bom bi rỉ sét ở bãi đất trống, có khi nào là bom thật không")
    assert wondered.category != "weapons", wondered
    assert seen.category == "weapons", seen


def test_a_weapon_put_away_at_home_is_for_the_ward_but_one_taken_out_is_not() -> None:
    kept = classify("ông chú tui cất mã tấu dưới gầm giường, say thì hay dọa, giờ ổng tỉnh rồi")
    taken = classify("ổng đang cầm mã tấu rượt vợ ngoài hẻm, mới lôi từ dưới gầm giường ra")
    assert kept.severity == "normal", kept
    assert taken.severity == "urgent", taken


def test_only_scratched_or_a_loud_quarrel_is_not_urgent_but_a_knife_drawn_is() -> None:
    scratched = classify("em quẹt trúng ông cụ đi bộ, đang chở ổng đi trạm y tế, bị trầy tay thôi")
    loud = classify("hai ông bán hàng chửi bới nhau um sùm ngoài chợ, đập cái ghế")
    armed = classify("hai ông chửi bới nhau um sùm rồi một ông rút dao ra rượt")
    assert scratched.severity == "normal", scratched
    assert loud.severity == "normal", loud
    assert armed.severity == "urgent", armed


@pytest.mark.parametrize(
    "text",
    [
        "chị ơi chiều đi chợ mua giùm em bó rau muống với 2 quả trứng nha",
        "cho em 3 ly trà sữa size M ít đường, giao tới tiệm tóc đầu hẻm",
        "có ai ở đây không",
        "mình cần tìm phòng trọ gần chợ giá rẻ, ai có giới thiệu giúp",
        "cả nhà vote giúp bé nhà em cuộc thi ảnh nhé, cảm ơn",
    ],
)
def test_an_errand_an_order_a_room_sought_or_a_vote_is_chat(text: str) -> None:
    assert classify(text).kind == "other", classify(text)


@pytest.mark.parametrize(
    "text",
    [
        # the same words beside a crime told: a tip
        "đi mua ly trà sữa đầu hẻm thì thấy 2 thằng giật túi bà cụ rồi chạy",
        "tìm phòng trọ thì bị cò thu tiền cọc 2 triệu rồi chặn zalo",
        "báo mấy lần không ai tới, giờ tụi nó lại đang đánh nhau trước nhà",
        "vào nhóm gỡ nợ lấy lại vốn, bị lừa mất 50 triệu",
        "vừa bị xe tông bỏ chạy ở ngã tư, em cần camera để làm bảo hiểm",
    ],
)
def test_chat_complaint_ad_and_question_words_beside_a_crime_leave_it_a_tip(text: str) -> None:
    assert classify(text).kind == "tip", classify(text)


@pytest.mark.parametrize(
    "text",
    [
        "gọi số đường dây nóng mấy lần không ai bắt, lập ra làm gì",
        "báo mấy lần không ai tới, làm ăn như vậy đó hả",
        "ủa trang này là công an thật hả hay lừa đảo vậy",
        "bot trả lời gì đâu không liên quan gì hết",
    ],
)
def test_the_line_doubted_or_complained_of_is_about_the_line(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.about_line) == ("other", True), got


@pytest.mark.parametrize(
    "text",
    [
        "Gỡ nợ cá độ, giúp anh em lấy lại vốn nhanh, vào nhóm ngay",
        "Thu mua phế liệu tận nơi giá cao, có mặt sau 10 phút, gọi ngay",
        "Bảo hiểm ô tô chỉ 300k, giao tận nhà, bấm link để mua",
    ],
)
def test_a_gamblers_rescue_scrap_buying_and_insurance_by_link_are_ads(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.spam) == ("other", True), got


@pytest.mark.parametrize(
    "text",
    [
        "Đầu tư crypto cùng chuyên gia, lãi mỗi tuần, rút bất cứ lúc nào, vào nhóm Telegram",
        "Hỗ trợ nợ xấu, không cần chứng minh thu nhập, lãi thấp, gọi anh Tâm",
        "TÒA ÁN: quý ông bà có giấy triệu tập chưa nhận, xem chi tiết tại trang toaan.site",
        # the fake named in the seller's own offer is no report of one
        "Chuyên cung cấp bằng lái giả như thật, ai cần ib",
        # nor the harm it offers to undo
        "Dịch vụ lấy lại tiền bị lừa qua mạng, chỉ thu phí sau khi có tiền, đội ngũ luật sư giỏi",
        "Kiếm tiền bằng cách xem video, mỗi nhiệm vụ 20k, nhắn để nhận nhiệm vụ",
        "Phòng cho thuê gần chợ, giờ giấc tự do, có máy lạnh, lh anh Ba",
    ],
)
def test_an_ad_in_the_sellers_own_voice_is_spam(text: str) -> None:
    # each was a tip or a question: one ad phrase, or the writer's harm read in the offer
    got = classify(text)
    assert (got.kind, got.spam) == ("other", True), got


def test_an_accidents_papers_for_the_insurer_asked_is_a_question() -> None:
    got = by_rules(
        "tai nạn tuần trước ở vòng xoay, muốn xin camera để làm bảo hiểm thì làm đơn ở đâu"
    )
    assert got.kind == "question", got


def test_an_officers_manner_complained_of_is_a_tip_for_the_desk() -> None:
    got = classify("cán bộ tiếp dân ở phường thái độ lồi lõm, hỏi gì cũng quát")
    assert (got.kind, got.category) == ("tip", "other"), got


def test_newcomers_told_of_then_their_registration_doubted_is_a_residence_tip() -> None:
    got = by_rules(
        "nhà kế bên mới dọn tới mấy người lạ, ra vô cả đêm, không biết có đăng ký tạm trú không"
    )
    assert (got.kind, got.category) == ("tip", "residence"), got


@pytest.mark.parametrize(
    "text",
    [
        # the same words, told as someone else's ad
        "trong nhóm zalo chung cư có acc đăng 'hỗ trợ nợ xấu, không cần chứng minh thu nhập' kèm"
        " số điện thoại, báo mấy anh xử lý",
        "có mấy đứa dán quảng cáo 'vay trả góp ngày, không cần chủ nhà ký' đầy tường nhà dân",
        # or the writer's own harm beside the offer quoted
        "tôi bị lừa 40 triệu, giờ có trang 'hỗ trợ lấy lại tiền bị lừa, chỉ thu phí sau khi lấy"
        " lại được' nhắn tôi",
        "em nhận được tin nhắn 'yêu cầu truy cập link để xem lệnh triệu tập, quá 24h sẽ bị bắt'",
        "tiệm photo đầu hẻm nhận làm bằng lái giả, căn cước giả, giá rẻ",
    ],
)
def test_an_ad_told_by_the_one_who_saw_it_stays_a_tip(text: str) -> None:
    for got in (by_rules(text), classify(text)):
        assert (got.kind, got.category, got.spam) == ("tip", "fraud", False), got


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # doors tried one by one, a site's steel gone night after night
        ("có thằng lạ đi dọc dãy trọ đẩy thử cửa từng phòng", "theft"),
        ("kho vật liệu của công trình mất sắt thép mấy đêm liền", "theft"),
        # a light searching a home whose people are away
        ("nhà ông Sáu đi quê hết, mà giờ tui thấy ánh đèn pin rọi lung tung trong nhà", "theft"),
        # a gas stove leaking, whose home it is told between
        ("bếp gas nhà kế bên đang bị xì, mùi nồng lắm", "fire"),
        # dressed like an officer to ask money
        ("có ông mặc giống công an tới từng nhà thu tiền phạt", "fraud"),
    ],
)
def test_a_tip_is_named_by_what_is_done_round_15(text: str, category: str) -> None:
    # each was category other, or chat ("thử")
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", category), got


def test_goods_selling_fast_are_no_din() -> None:
    got = by_rules("shop đó bán thuốc giảm cân giả mà vẫn livestream bán ầm ầm")
    assert got.category != "public_order", got


def test_the_police_asked_to_come_and_check_is_a_report() -> None:
    got = classify(
        "tôi là tổ trưởng, nhà số 9 cho 5 người thuê mà không chịu đăng ký tạm trú, đề nghị"
        " công an kiểm tra"
    )
    assert (got.kind, got.category) == ("tip", "residence"), got
    # asked with "?", it is a question
    asked = classify("đề nghị công an xuống kiểm tra tạm trú nhà tôi được không?")
    assert asked.kind == "question", asked


def test_how_to_do_it_right_after_a_fine_is_a_question() -> None:
    got = classify(
        "tháng trước bị phạt vì chưa khai báo tạm trú cho người thuê, giờ có người mới tới thì"
        " khai sao cho đúng"
    )
    assert got.kind == "question", got
    # a landlord's omission told beside "cho đúng" is still a report
    told = classify("nhà số 5 không khai báo tạm trú cho khách, nhắc hoài không chịu làm cho đúng")
    assert (told.kind, told.category) == ("tip", "residence"), told


@pytest.mark.parametrize(
    "text",
    [
        # the line tried, its owner asked, its duty number or its bot complained of
        "gửi tin nhắn coi có tới không",
        "alo đây là công an phường Phú Thạnh phải không",
        "zalo này của công an thật không vậy",
        "gọi trực ban không ai nghe, bực ghê",
        "hỏi thủ tục tạm vắng mà bot nó nói đâu đâu",
        # a dish praised to friends
        "tiệm hủ tiếu mới mở ngon bá cháy, mọi người ghé thử",
    ],
)
def test_a_word_on_the_line_or_a_dish_is_not_a_tip(text: str) -> None:
    for got in (by_rules(text), classify(text)):
        assert got.kind == "other", got


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # the same words beside a report: the report reaches an officer
        ("thử tin nhắn coi có tới không, đầu hẻm có mấy đứa lạ đứng rình nhà tôi từ chiều", None),
        ("đây có phải công an phường Tây Thạnh không, hẻm 5 có tụi chích ma túy", "drugs"),
        ("gọi số trực ban không ai nghe máy, nhà bên đang cháy", "fire"),
        ("zalo này của công an phường hả, nhà tôi bị trộm xe hồi tối", "theft"),
        ("quán nhậu ngon bá cháy mà tối nào cũng hát karaoke tới 2 giờ sáng", "public_order"),
    ],
)
def test_a_report_beside_a_word_on_the_line_stays_a_tip(text: str, category: str | None) -> None:
    # a line test typed with marks ("thử") made chat of any message before
    got = by_rules(text)
    assert got.kind == "tip", got
    assert category is None or got.category == category, got


def test_a_laughing_face_is_laughter() -> None:
    joke = "đi làm về mệt xỉu mà vợ bắt rửa chén nguyên chồng 😂😂"
    for got in (by_rules(joke), classify(joke)):
        assert got.kind == "other", got
    # a crime or a danger told beside it is still a tip
    for text in ("tụi nó lại đá gà ăn tiền ở bãi đất trống sau chợ 🤣", "nhà bên đang cháy 😂"):
        got = by_rules(text)
        assert got.kind == "tip", got


def test_a_pupils_knife_at_school_is_for_the_ward_unless_drawn_or_threatened_today() -> None:
    told = by_rules("bạn cùng bàn em mang dao gấp vào trường hù tụi em, thầy cô chưa biết")
    assert (told.kind, told.category, told.severity) == ("tip", "weapons", "normal"), told
    for text in (
        # drawn now
        "thằng nhỏ lớp 8 mang dao vào lớp, nó đang cầm dao dí vô cổ bạn",
        # threatened for the end of today's classes
        "bạn nó mang dao vô trường, hẹn đâm thằng kia lúc tan trường chiều nay",
    ):
        got = by_rules(text)
        assert (got.kind, got.severity) == ("tip", "urgent"), got


def test_someone_at_the_door_in_an_officers_uniform_doubted_is_an_impostor_reported() -> None:
    # "công an thật hả" made it the line doubted (chat): a man at the gate maybe an impostor
    got = classify(
        "công an thật hả, sao có người mặc đồ công an đang đứng ngoài cổng đòi vô nhà tôi"
    )
    assert (got.kind, got.category, got.severity) == ("tip", "fraud", "urgent"), got
    # the line itself doubted is still about the line
    line = classify("ủa trang này là công an thật hả hay lừa đảo vậy")
    assert (line.kind, line.about_line) == ("other", True), line


def test_a_person_fainted_now_said_without_xiu_is_down() -> None:
    # "ngất rồi" was no danger and "ly trà sữa" (a drink ordered from the wrong shop) made
    # a child drugged and fainted chat
    for text in (
        "ly trà sữa nhà bên có người bỏ thuốc vô cho con tui uống giờ nó ngất rồi",
        "con tui ngất rồi",
    ):
        got = classify(text)
        assert (got.kind, got.severity) == ("tip", "urgent"), got
    assert classify("2 ly trà sữa size L ít đường giao hẻm 12").kind == "other"


# Round 16, question set 34: a crime or a loss told as the background of a procedure asked.


@pytest.mark.parametrize(
    "text",
    [
        # one's own camera fine, the look-up said after it
        "phat nguoi tra o dau vay, hom qua e chay qua nga tu Bay Hien bi chup",
        "phạt nguội xem ở đâu ạ, hình như xe em bị chụp ở ngã tư Bảy Hiền",
        # a vehicle's papers lost with it, the theft already reported
        "xe bị trộm ở chợ hôm qua, đã trình báo rồi, cavet trong cốp cũng mất, làm lại ở đâu",
        "xe mat trom tuan truoc, trinh bao roi, cavet cung mat, lam lai sao",
        "xe mất trộm tuần trước, trình báo rồi, giấy đăng ký xe cũng mất, làm lại sao",
        # a record served long ago, a registration asked
        "ba tôi có tiền án hồi trẻ, giờ nhập khẩu về nhà tôi được không",
        # someone lost found again, the card lost meanwhile
        "ông nội đi lạc, mới tìm về được, căn cước của ông mất luôn, giờ làm lại sao",
        # a rule heard from the landlord, the law asked
        "chủ nhà nói ở dưới 30 ngày không cần khai báo, theo luật nào vậy",
        # who declares a stay, or by when, asked
        "khách Hàn ở homestay thì chủ nhà khai hay người đó tự khai",
        "cho ông Nhật thuê phòng thì tôi phải khai báo trong mấy tiếng",
        # who decides asked of a registration made without one's consent
        "em tôi tự ý cho người lạ nhập hộ khẩu vào nhà tôi, giờ muốn hủy thì ai xem xét",
        # a fire over, the papers it burnt re-issued
        "tháng trước cháy nhà, cháy hết giấy tờ, giờ làm lại căn cước cần mang gì",
    ],
)
def test_a_crime_or_loss_over_told_as_a_questions_background_is_a_question(text: str) -> None:
    got = classify(text)
    assert got.kind == "question", got


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # the same words in live reports: a vehicle stolen now, its papers too
        ("xe tôi vừa bị trộm trước cửa nhà số 12 hẻm 45 Tân Hương, cà vẹt cũng mất", "theft"),
        # a stolen vehicle's papers lost, not yet reported, where to report asked
        (
            "xe bị trộm hôm qua ở chợ, chưa trình báo, giấy đăng ký xe cũng mất, giờ báo ở đâu",
            "theft",
        ),
        # a record told beside a crime going on
        ("thằng hàng xóm có tiền án trộm cắp, tối qua lại thấy nó cạy khóa xe nhà tôi", "theft"),
        ("nhà kế bên có ông có tiền án ma túy, giờ tối nào cũng có người ra vào mua bán", "drugs"),
        # a landlord's words that threaten, or a landlord saying no registration is needed
        ("chủ nhà bảo nếu báo công an thì đánh chết tôi, giờ tôi sợ lắm", "violence"),
        (
            "chủ trọ nói không cần đăng ký tạm trú, phòng kế bên có 5 thanh niên lạ mặt ra vào",
            "residence",
        ),
        # someone found, harm going on still
        ("đứa nhỏ bị bắt cóc mới tìm về được, tụi nó còn nhắn tin đòi tiền chuộc tiếp", "violence"),
        # an omission with its deadline said
        (
            "nhà trọ số 5 có người nước ngoài ở mà không ai khai báo, phải khai báo trong 12 tiếng",
            "residence",
        ),
        # one's own fraud, who decides asked
        ("tôi bị lừa mất 50 triệu, không ai giải quyết, giờ ai xem xét cho tôi", "fraud"),
    ],
)
def test_the_same_words_in_live_reports_stay_tips(text: str, category: str) -> None:
    got = classify(text)
    assert (got.kind, got.category) == ("tip", category), got


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # grabbed, then ridden off with: snatched, not taken unseen
        ("ngồi quán nước vỉa hè, thằng chạy ngang chộp cái điện thoại rồi rồ ga mất", "robbery"),
        ("dang rut tien o cay atm thi bi giat xap tien tren tay", "robbery"),
        # a gun carried into a gold shop, the people inside made to lie down
        ("thằng đội nón cầm súng vào tiệm vàng bắt mọi người nằm sấp", "robbery"),
        # someone who lived or worked in the home made off with its things
        ("ô sin làm được 1 tuần thì bỏ trốn, mang theo 2 chiếc nhẫn vàng", "theft"),
        ("thang o ghep cuom luon cai laptop cua toi roi", "theft"),
        # an officer's uniform with valuables demanded; a page passing itself off
        ("2 ông mặc áo giống công an chặn xe bắt tôi đưa ví, không có bảng tên", "fraud"),
        ("co ng mac do cong an toi nha doi xem so tiet kiem, toi thay la nen ko mo cua", "fraud"),
        ("có ai lập fanpage giả công an phường nhận làm giấy tờ có phí", "fraud"),
        # a gift from someone met online held by "customs" for a fee
        ("quen ông tây trên fb, ổng nói gửi quà về, giờ hải quan gọi đòi đóng 8 triệu", "fraud"),
        # a woman made to serve clients; a dim café with hammocks
        ("nó giữ giấy tờ bắt em gái tôi tiếp khách ở quán karaoke", "prostitution"),
        ("quan cafe den mo tren duong Tan Huong, nhan vien nu ngoi cung khach", "prostitution"),
        # a fire put out by hand, flames rising, petrol beside a stove
        ("sap vai o cho chay, may ba con dap tat roi", "fire"),
        ("kho ve chai cuoi hem lua dang len, nguoi ta dang xach nuoc", "fire"),
        ("ông bán xăng chai để sát bếp than quán nướng", "fire"),
        # vehicles smashed in the street, nobody hurt told
        ("ông say xỉn cầm gạch đập kính xe đậu dọc hẻm", "public_order"),
        # workers camped on a site, their registration doubted
        (
            "lán trại công trình đầu hẻm có cả chục người ở, không biết có khai báo tạm trú chưa",
            "residence",
        ),
        # a room advertised as needing no registration
        ("chủ nhà rao phòng 'không cần đăng ký tạm trú, vô ở liền'", "residence"),
        # a broken bottle held as a blade
        ("thằng xỉn cầm chai bia bể đứng giữa hẻm la lối", "weapons"),
    ],
)
def test_a_tip_is_named_by_what_is_done_round_16(text: str, category: str) -> None:
    # each was category other, another category's, or a question
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", category), got


@pytest.mark.parametrize(
    "text",
    [
        # a bicycle, not a blow; not daring, not a stab; gone out of sight, not now
        "thang trom xe dap do chay mat roi tu 1 tieng truoc, gio mat dang roi",
        "tui nó thu tiền bảo kê mấy sạp rau, bà con sợ ko dam noi",
        # a wound already dressed
        "bi cuop xe hoi khuya, gio toi o benh vien khau vet thuong xong roi",
        # unharmed, said by the writer
        "có đứa cạy cốp xe tôi, tôi la lên nó bỏ chạy, xe không sao, báo để công an biết",
        # a child's thing not found, maybe taken by mistake
        "con gái tôi để xe đạp ở trường, ra không thấy đâu, chắc ai dắt nhầm xe",
    ],
)
def test_an_event_over_or_only_shown_is_not_urgent_round_16(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.severity) == ("tip", "normal"), got


@pytest.mark.parametrize(
    "text",
    [
        # the same words beside harm now stay urgent
        "nó đăng hình cầm súng trên face, giờ đang đứng trước cổng nhà tôi",
        "thằng đó đăng hình cầm dao dọa tôi, giờ nó cầm dao đứng trước nhà tôi",
        "thằng chồng say về nhà rồi cầm dao đòi chém cả nhà, cứu với",
        "tôi không sao nhưng mẹ tôi bị đâm chảy máu nhiều ở đầu hẻm 12",
        "may thang cam ma tau dang ruot chem nhau o Au Co, tui chay ve nha roi",
        "ko sao ko sao, nha ben dang chay lon lam khoi den nghi ngut",
        "con trai tôi 6 tuổi đi học chưa về, không thấy đâu",
        # the writer fled home, someone left hurt behind
        "tụi nó đâm ba tôi nằm bất tỉnh ngoài hẻm, tôi chạy về nhà rồi, cứu với",
        "co nguoi bi dam chay mau nhieu o dau hem, toi chay ve nha roi",
        "chộp điện thoại của bà cụ rồi rồ ga chạy, tụi tôi đang rượt theo",
    ],
)
def test_harm_now_beside_words_of_an_end_stays_urgent_round_16(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.severity) == ("tip", "urgent"), got


def test_a_bicycle_is_no_compound_that_hides_a_theft() -> None:
    # "xe đạp" as a compound dropped "dắt xe", "cướp xe" before it: a `not` of the blow only
    for text, category in (
        ("thằng lạ dắt xe đạp của con tôi ra khỏi nhà xe", "theft"),
        ("bi 2 thang cuop xe dap tren duong di hoc", "robbery"),
    ):
        got = by_rules(text)
        assert (got.kind, got.category) == ("tip", category), got


def test_the_bots_answers_called_off_the_point_is_about_the_line() -> None:
    # "gì" made a question of it, answered with the menu it complains of
    for text in ("bot gì mà trả lời như trên trời, chán", "tra loi tren troi duoi dat, hoi hoai"):
        got = by_rules(text)
        assert (got.kind, got.about_line) == ("other", True), got
    # a danger told beside it is still a tip
    got = by_rules("bot gi tra loi tren troi, nha ben dang chay khoi den nghi ngut")
    assert (got.kind, got.category, got.severity) == ("tip", "fire", "urgent"), got


def test_a_scuffle_nobody_was_hurt_in_is_public_order() -> None:
    # the label of a brawl without injury; "đánh nhau" beat the pushing before
    for text in (
        "vụ đánh nhau trước quán net can ra rồi, không ai bị thương, chỉ xô đẩy nhau thôi",
        "may dua hoc sinh danh nhau o cong truong, bao ve can ra roi, ko ai bi thuong, chi xo day",
    ):
        got = by_rules(text)
        assert (got.kind, got.category, got.severity) == ("tip", "public_order", "normal"), got
    # a fight going on is still urgent, and a stab still violence
    now = by_rules("2 nhóm đang đánh nhau trước quán nhậu, chưa ai bị thương, xô đẩy dữ lắm")
    assert (now.kind, now.severity) == ("tip", "urgent"), now
    stab = by_rules("nó đâm anh tôi rồi bỏ chạy, may không ai bị thương nặng")
    assert (stab.kind, stab.category) == ("tip", "violence"), stab


def test_callers_all_leaving_unsteady_mark_a_drug_spot() -> None:
    got = by_rules("quán nước cuối hẻm khuya khách ra vào liên tục, ai ra cũng lảo đảo")
    assert (got.kind, got.category) == ("tip", "drugs"), got
    # one drunk, one old woman unsteady, pink eye at a clinic: no drugs
    for text in (
        "quán nhậu đầu hẻm khách ra vào liên tục, mấy ông say xỉn lảo đảo ra về",
        "tiệm thuốc tây khách ra vào liên tục, có bà cụ lảo đảo té ngã trước cửa",
        "phong kham o Tan Huong khach ra vao lien tuc, ba chu bi dau mat do ca tuan",
    ):
        assert by_rules(text).category != "drugs", text


# --- round 16 (msg-16c): kind misses of message tuning sets 6-16 ---


@pytest.mark.parametrize(
    "text",
    [
        "Bạn đã bị lừa đảo qua mạng? Chúng tôi lấy lại tiền cho bạn trong 72h, liên hệ ngay",
        "ho tro lay lai tien bi lua dao, phi sau khi nhan lai tien, lien he luat su",
        "Chuyên lấy lại Facebook bị hack, mở khóa tài khoản nhanh, uy tín, inbox",
        "lay lai nick zalo bi hack trong ngay, mo khoa fb, ib ngay",
    ],
)
def test_a_recovery_service_ad_names_the_readers_harm_not_the_writers(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.spam) == ("other", True), got


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("thằng bạn tui bị lừa đảo mất 50 triệu qua app đầu tư, giờ phải làm sao", "fraud"),
        (
            "tui bị lừa 30 triệu, lên mạng gặp trang hỗ trợ lấy lại tiền bị lừa đảo, đóng phí 5 "
            "triệu rồi họ chặn luôn",
            "fraud",
        ),
        (
            "Facebook của em bị hack, tụi nó nhắn mượn tiền bạn bè em, em đã liên hệ luật sư",
            "fraud",
        ),
        (
            "thằng kia giao hàng trắng cho tụi nhỏ ở công viên, ib tele để mua, "
            "tụi nó đang đứng đó",
            "drugs",
        ),
        (
            "thu mua phế liệu mà tụi nó vô nhà tui lấy trộm cái máy bơm, gọi là tới mà không ai ra",
            "theft",
        ),
        # a theft from the writer's shop beside its own boasting ("cháy hàng")
        (
            "shop tui cháy hàng tuần này, mà chiều qua có con nhỏ vô thử đồ lấy cắp 3 cái váy",
            "theft",
        ),
        (
            "tiem em dang sale, vua co thang vo an cap 2 chai nuoc hoa roi chay, camera co quay",
            "theft",
        ),
    ],
)
def test_a_victim_beside_an_ads_words_still_reports(text: str, category: str) -> None:
    got = classify(text)
    assert (got.kind, got.category, got.spam) == ("tip", category, False), got


@pytest.mark.parametrize(
    "text",
    [
        "giá xăng bây giờ như ăn cướp, đổ có 2 lít mà hết 50 ngàn",
        "con meo nha minh no an trom nguyen con ca chien tren ban, tuc ghe",
        "chó nhà tôi ăn trộm đôi dép của ông hàng xóm tha về ổ",
        "tối qua lo coi phim nên cháy nồi cơm, cả nhà ăn mì gói",
        "hôm nay tụi nó bắn game dữ quá, giết cả team tui 3 lần",
    ],
)
def test_a_figure_of_speech_alone_is_chat(text: str) -> None:
    got = classify(text)
    assert got.kind == "other", got


@pytest.mark.parametrize(
    ("text", "category", "severity"),
    [
        (
            "giá rau như ăn cướp mà sáng nay còn bị thằng áo đen giật túi xách ở chợ Tân Hương",
            "robbery",
            None,
        ),
        (
            "con mèo nhà tui bị tụi nó bắt trộm mang đi bán, hẻm 45 Tân Sơn Nhì, sáng nay",
            "theft",
            None,
        ),
        ("cháy nồi cơm điện rồi lửa bén lên tủ bếp, khói đen đầy nhà, cứu với", "fire", "urgent"),
        (
            "nha ben chay noi com ma khoi boc len nghi ngut, khong ai o nha, goi cua khong ai ra",
            "fire",
            "urgent",
        ),
        (
            "tụi nhỏ chơi bắn game xong ra ngoài đánh nhau, có đứa cầm dao, "
            "ngay công viên Tân Thành",
            None,
            "urgent",
        ),
        (
            "mèo nhà tui nó ăn trộm cá bị ông hàng xóm đánh chết rồi còn dọa đánh tui",
            "violence",
            None,
        ),
    ],
)
def test_a_figure_of_speech_beside_a_report_stays_a_tip(
    text: str, category: str | None, severity: str | None
) -> None:
    got = classify(text)
    assert got.kind == "tip", got
    assert category is None or got.category == category, got
    assert severity is None or got.severity == severity, got


@pytest.mark.parametrize(
    "text",
    [
        "muốn tố cáo mà không muốn đưa tên thật thì được không ad",
        "to cao qua zalo nay co bi lo danh tinh nguoi bao khong a?",
        "e muon phan anh 1 chuyen ma so bi lo ten, co giu bi mat danh tinh ko",
        "cho mượn 30 triệu có giấy tay mà 2 năm không trả, giờ kiện được không",
    ],
)
def test_ones_own_rights_asked_is_a_question(text: str) -> None:
    # to report without a name, to sue over a debt: asked, never a report the model makes
    got = classify(text)
    assert got.kind == "question", got


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "thằng hàng xóm đánh vợ mỗi đêm, tôi muốn báo mà sợ lộ tên, có được giấu tên không",
            "violence",
        ),
        (
            "có nhóm thanh niên tụ tập chích hút trong công viên Tân Thành, tôi không muốn nêu tên",
            "drugs",
        ),
        ("nó lừa tôi 50 triệu rồi chặn zalo luôn, giờ tôi kiện được không", "fraud"),
        ("muốn báo có người bán ma túy ở hẻm 40, báo ở đâu cho khỏi lộ tên", "drugs"),
    ],
)
def test_a_harm_told_beside_ones_rights_asked_is_a_tip(text: str, category: str) -> None:
    got = classify(text)
    assert (got.kind, got.category) == ("tip", category), got


@pytest.mark.parametrize(
    "text",
    [
        "sao không ai bắt mấy đứa làm giả giấy tờ xe dán số điện thoại khắp cột điện vậy",
        "tiem photo dau hem 20 nhan lam bang gia, ai can thi vo",
        "co dua o hem 30 Tan Son Nhi lam gia can cuoc cho nguoi nuoc ngoai",
    ],
)
def test_papers_forged_by_someone_are_a_fraud_tip(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.category) == ("tip", "fraud"), got


def test_the_use_of_fake_papers_asked_stays_a_question() -> None:
    assert classify("làm giấy tờ giả thì bị phạt bao nhiêu").kind == "question"


@pytest.mark.parametrize(
    "text",
    [
        'em nhận được tin "tài khoản VNeID sắp bị khóa, truy cập link để cập nhật", có phải của '
        "công an không? báo để mấy anh cảnh báo bà con",
        "vua nhan tin nhan tai khoan ngan hang sap bi khoa, bam link de cap nhat thong tin, "
        "co phai lua dao khong",
    ],
)
def test_a_phish_received_and_asked_about_is_a_fraud_tip(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.category, got.spam) == ("tip", "fraud", False), got


def test_a_phish_in_its_own_voice_is_an_ad() -> None:
    text = "Tài khoản VNeID của bạn sắp bị khóa, vui lòng truy cập link để cập nhật thông tin"
    got = classify(text)
    assert (got.kind, got.spam) == ("other", True), got


@pytest.mark.parametrize(
    "text",
    [
        "nhà tôi cho mấy đứa cháu lên ở mà chưa khai báo gì, giờ muốn khai cho đúng thì làm sao",
        "homestay cua toi co khach o 3 dem chua khai bao luu tru, gio khai bo sung duoc khong",
    ],
)
def test_ones_own_declaration_to_be_made_right_is_a_question(text: str) -> None:
    got = classify(text)
    assert got.kind == "question", got


def test_a_thesis_asking_for_figures_is_no_report() -> None:
    # schoolwork asked of the line: no report, and no procedure asked either (kind other
    # since round 19; it was a question, which shows the menu of procedures)
    got = classify("em đang làm khóa luận về tội phạm ma túy, cho em xin số liệu được không ạ")
    assert got.kind == "other", got


@pytest.mark.parametrize(
    "text",
    [
        "dạ không có gì đâu anh, em nhắn nhầm zalo á",
        "xin loi gui nham nhom, bo qua nha",
        "kiểm tra tin nhắn thôi, bỏ qua nhé",
    ],
)
def test_a_message_owned_up_to_as_sent_by_mistake_is_chat(text: str) -> None:
    got = classify(text)
    assert got.kind == "other", got


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "có đứa nhắn nhầm số rồi làm quen dụ tui đầu tư tiền ảo, tui chuyển 20 triệu mất luôn",
            "fraud",
        ),
        ("xin lỗi em gửi nhầm, mà tiện đây báo luôn hẻm 12 có đánh nhau, có đứa cầm dao", None),
        ("nhắn nhầm mà thôi kệ, nhà bên có mùi khét với khói bốc lên từ nãy giờ", "fire"),
        ("không có gì đâu, mà thằng hàng xóm nó đang đập cửa nhà tui đòi nợ, sợ quá", None),
        ("bỏ qua nha anh, tụi nó đi rồi, mà xe tui bị trộm mất rồi", "theft"),
    ],
)
def test_a_report_beside_a_message_owned_up_to_stays_a_tip(text: str, category: str | None) -> None:
    got = classify(text)
    assert got.kind == "tip", got
    assert category is None or got.category == category, got


@pytest.mark.parametrize(
    "text",
    [
        "má tui bấm vào link để cập nhật VNeID xong tài khoản mất 20 triệu",
        "có người gọi xưng công an bảo truy cập link để cập nhật thông tin định danh, ba tui làm "
        "theo giờ tài khoản trống trơn",
        "tin nhắn bảo tài khoản sắp bị khóa, vui lòng truy cập link để cập nhật, mẹ tôi bấm vào "
        "rồi mất 30 triệu",
        "nhan duoc tin nhan buu pham chua nhan, vui long thanh toan phi giao lai, em bam roi, "
        "tai khoan bi rut 8 trieu",
    ],
)
def test_a_phish_followed_and_the_money_gone_is_a_fraud_tip(text: str) -> None:
    # the phisher's words quoted by the one it harmed ("làm theo", "bấm vào rồi mất")
    got = classify(text)
    assert (got.kind, got.category, got.spam) == ("tip", "fraud", False), got


def test_scrap_buyers_told_of_are_no_ad() -> None:
    # someone else's call quoted ("cứ rao"): the writer reports them, never an ad to drop
    text = "xe thu mua phế liệu cứ rao mua giá cao, gọi là tới, mà tụi nó hay lượm đồ trước cửa nhà"
    got = classify(text)
    assert (got.kind, got.spam) == ("tip", False), got


def test_a_victims_state_since_beside_an_earlier_report_is_a_tip() -> None:
    text = "tối qua em báo vụ thằng chồng đánh vợ, chưa thấy ai xuống, chị đó bị đánh ngất rồi"
    got = classify(text)
    assert (got.kind, got.category) == ("tip", "violence"), got


def test_a_person_left_down_after_a_fight_broke_up_is_still_down() -> None:
    # "giải tán rồi" told the fight over, and the guard left lying was rated normal
    for text in (
        "mấy thằng đó đánh ông bảo vệ rồi giải tán rồi, ổng nằm bất động",
        "hai nhóm đâm nhau, can ra rồi mà 1 thằng nằm bất tỉnh ở đầu hẻm",
    ):
        got = classify(text)
        assert (got.kind, got.severity) == ("tip", "urgent"), got
    assert classify("hai nhóm xô xát, không ai bị thương, giờ giải tán rồi").severity == "normal"


def test_a_harm_told_from_when_it_began_and_still_going_on_is_urgent() -> None:
    for text in (
        # a fight reported last night that started again
        "tối qua báo vụ đánh nhau rồi mà chưa thấy ai xuống, giờ tụi nó đánh tiếp nè",
        # a child reported missing this morning, still not found
        "hồi sáng tui báo vụ con tui đi học chưa về, giờ vẫn chưa thấy, có ai nhận chưa",
        "me em hon 70 tuoi di cho tu sang, toi gio van chua ve",
    ):
        got = classify(text)
        assert (got.kind, got.severity) == ("tip", "urgent"), got
    for text in (
        "hôm qua con tôi đi lạc, giờ đã tìm thấy rồi",
        "tối qua bị đánh, giờ vẫn chưa hết đau",
    ):
        assert classify(text).severity == "normal", text


def test_an_outage_beside_a_crime_it_comes_with_is_no_other_offices_matter() -> None:
    # "cúp điện" pointed the citizen to the power company, and nobody saw the theft
    for text, category in (
        ("cúp điện cả khu mà có mấy thằng leo cột cắt dây điện mang đi", "theft"),
        ("cup dien ca khu ma co may thang leo cot cat day dien mang di", "theft"),
        ("mất điện từ tối, có thằng lạ cứ đi qua đi lại rọi đèn vô nhà", "other"),
    ):
        got = classify(text)
        assert (got.kind, got.category) == ("tip", category), got
    assert (
        classify("cúp điện cả khu từ sáng tới giờ, gọi điện lực không ai nghe").kind == "question"
    )


def test_a_report_asked_after_with_the_harm_going_on_now_is_urgent() -> None:
    # a status asked beside a harm still happening: the harm, urgent, whatever the model
    # reads of the report told over
    for text in (
        "hồi sáng em báo vụ nhà bên đánh con, sao rồi ạ, giờ nó lại đánh nữa",
        "tin em gửi hồi trưa sao rồi, có người bị thương nằm ở đó nãy giờ",
        "hồi chiều báo vụ tai nạn ở ngã tư, người bị nạn vẫn nằm đó chưa ai đưa đi",
    ):
        got = classify(text)
        assert (got.kind, got.severity) == ("tip", "urgent"), got
    for text in (
        "chiếc xe máy hư vẫn nằm đó từ hôm qua chưa ai dắt đi",
        "cây đổ từ hôm qua vẫn nằm đó giữa đường",
    ):
        assert classify(text).severity == "normal", text


@pytest.mark.parametrize(
    "text",
    [
        "ba tôi sợ muốn chết, giờ không dám đi chợ một mình vì xe chạy ngược chiều",
        "ba e so muon chet, xe may chay nguoc chieu hoai o nga ba",
        "me toi tuc muon chet vi quan nhau hat karaoke toi 2h sang",
        "chị bán tạp hóa hết hồn muốn chết khi mấy thằng đua xe nẹt pô ngang qua hôm qua",
    ],
)
def test_muon_chet_after_a_fright_or_an_anger_is_an_intensifier(text: str) -> None:
    # "sợ muốn chết" read as despair made a calm nuisance urgent
    got = by_rules(text)
    assert (got.kind, got.severity) == ("tip", "normal"), got


def test_muon_chet_said_alone_is_still_despair() -> None:
    for text in ("em muốn chết cho xong, không ai hiểu em", "tôi chỉ muốn chết thôi"):
        got = by_rules(text)
        assert got.severity == "urgent", got


@pytest.mark.parametrize(
    "text",
    [
        "ngày nào cũng nghe nhà bên đánh con, giờ con bé la khóc dữ lắm, mn tới coi liền dc ko",
        "dem nao ong do cung danh vo, toi nay chi ay la thet, xuong coi ngay giup em",
        "nhà kế bên tối nào cũng đánh nhau, giờ nghe tiếng đập đồ, tới xem gấp giùm",
    ],
)
def test_a_plea_to_come_and_look_at_once_hurries_a_habit(text: str) -> None:
    # "tới coi liền" was no plea: a child beaten now beside "ngày nào cũng" stayed normal
    got = by_rules(text)
    assert (got.kind, got.severity) == ("tip", "urgent"), got


def test_a_plea_to_come_and_look_is_not_a_habit_told() -> None:
    got = by_rules("nha ben ngay nao cung danh con, thang nho khoc thet")
    assert (got.kind, got.severity) == ("tip", "normal"), got


@pytest.mark.parametrize(
    "text",
    [
        "có nhóm tự xưng bên phường đi kiểm tra phòng cháy, bắt mỗi nhà mua 1 bình chữa cháy",
        "co may nguoi tu xung can bo di kiem tra pccc, ep ban binh chua chay gia cao",
        "mấy người tự xưng công an phòng cháy chữa cháy bắt hộ kinh doanh mua bình chữa cháy",
    ],
)
def test_fire_safety_inspected_or_its_equipment_sold_is_no_fire(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category, got.severity) == ("tip", "fraud", "normal"), got


def test_a_fire_beside_an_extinguisher_still_burns() -> None:
    got = by_rules("nhà kế bên đang cháy, khói đen, tụi em đang lấy bình chữa cháy xịt")
    assert (got.kind, got.category, got.severity) == ("tip", "fire", "urgent"), got


@pytest.mark.parametrize(
    "text",
    [
        "thang vua lay dt cua e dang chay bo ra huong cho, ai gan do chan giup",
        "thằng đó vừa giật túi của bà cụ, chạy bộ vô hẻm, ai ở đó chặn lại giùm",
    ],
)
def test_do_chan_folded_is_not_parking_nor_running_a_fire(text: str) -> None:
    got = by_rules(text)
    assert got.category not in ("traffic", "fire"), got


def test_do_chan_beside_a_vehicle_is_still_parking() -> None:
    got = by_rules("xe tai do chan het cua nha em tu sang toi gio")
    assert (got.kind, got.category) == ("tip", "traffic"), got


@pytest.mark.parametrize(
    "text",
    [
        "nha ben canh chay bep khoi day nha, ba cu o trong con chua ra",
        "phong tro cuoi day chay, khoi mu mit, co dua nho con o trong",
        "kho ve chai chay, khoi um ca hem",
    ],
)
def test_smoke_filling_a_place_or_someone_inside_confirms_a_bare_chay(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", "fire"), got


def test_a_bare_chay_of_running_still_needs_a_fire() -> None:
    got = by_rules("con tui chay ra khoi nha roi, con chua ra dau hem")
    assert got.category != "fire", got


@pytest.mark.parametrize(
    "text",
    [
        "tiệm gas đầu hẻm chất cả chục bình gas ra vỉa hè phơi nắng, hôm trước có bình xì hơi",
        "dai ly ga de ca chuc binh ga ngoai le, ke ben quan nuong than",
    ],
)
def test_gas_bottles_stocked_by_the_dozen_in_the_open_are_a_fire_hazard(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category, got.severity) == ("tip", "fire", "normal"), got


@pytest.mark.parametrize(
    "text",
    [
        "e tim viec lam them, co nguoi tuyen ctv, nap 5 trieu thi bao sai cu phap, phai nap them "
        "moi rut dc, tong cong e mat 12 trieu",
        "tôi làm việc làm thêm online, thu nhập tốt lúc đầu, rồi vào nhóm nhiệm vụ nạp 3 triệu, "
        "báo sai cú pháp không rút được, công an giúp tôi",
        "me em thay tuyen cong tac vien tai nha, lam nhiem vu, nap them moi rut duoc, tong cong "
        "mat 20 trieu",
    ],
)
def test_a_task_scams_victim_quoting_its_job_ad_reports_it(text: str) -> None:
    # the job ad's words made an ad of the victim's own loss
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", "fraud"), got


def test_a_task_scams_ad_itself_is_still_an_ad() -> None:
    got = by_rules("Tuyển cộng tác viên làm tại nhà, mỗi nhiệm vụ 50k, thu nhập 500k/ngày, ib liền")
    assert (got.kind, got.spam) == ("other", True), got


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "nhà ông Nam có bà con lên ở mấy tháng, tổ trưởng nhắc hoài đi đăng ký tạm trú "
            "mà không chịu, em báo lên để các anh nắm",
            "residence",
        ),
        (
            "phòng bên có người lạ ở 2 tuần không đăng ký tạm trú gì hết, "
            "em bao len cho cac anh nam",
            "residence",
        ),
        (
            "nguoi thue tra tien mat, khong dua giay to dang ky tam tru, toi thay nghi nen bao",
            "residence",
        ),
    ],
)
def test_a_breach_reported_up_to_the_police_is_a_tip(text: str, category: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", category), got


def test_a_procedure_asked_beside_nen_bao_is_still_a_question() -> None:
    got = by_rules("đăng ký tạm trú cần giấy tờ gì vậy?")
    assert got.kind == "question", got


@pytest.mark.parametrize(
    "text",
    [
        "e thue tro 8 thang roi ma chu tro ko chiu dang ky tam tru cho e",
        "chủ nhà không chịu khai báo tạm trú cho tụi em, ở 5 tháng rồi",
    ],
)
def test_a_landlord_refusing_the_registration_is_a_residence_tip(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", "residence"), got


def test_an_order_of_loaves_sent_here_is_chat_but_not_a_tip_beside_it() -> None:
    assert by_rules("chị ơi lấy giùm e 2 ổ bánh mì thịt, 15p nữa e ghé").kind == "other"
    for text in (
        "chị ơi lấy giùm em cái điện thoại, thằng kia vừa giật chạy về hướng chợ",
        "vua mua o banh mi xong thi bi 2 thang chay xe giat tui xach",
        "co thang la mat dung o xe banh mi truoc truong nhin con nit hoai, lat em ghe no van do",
    ):
        got = classify(text)
        assert got.kind == "tip", (text, got)


@pytest.mark.parametrize(
    "text",
    [
        "ủa sao tự nhiên gửi tin nhắn cho tôi vậy, tôi có nhắn gì đâu",
        "bot ngu the, e hoi tam tru ma no tra loi cai gi dau dau",
        "e nhan roi do ad doc chua",
        "mấy anh đọc chưa vậy",
    ],
)
def test_words_about_the_line_itself_are_chat(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.about_line) == ("other", True), got


@pytest.mark.parametrize(
    "text",
    [
        "ad đọc chưa, tụi nó đang đánh nhau ở đầu hẻm có dao",
        "bot ngu quá, nhà tôi đang bị trộm cạy cửa tới liền đi",
        "em nhắn mà ad đọc chưa vậy, có người nằm bất tỉnh ở hẻm 45 Gò Dầu",
        "ad doc chua, thang cha ke ben dang danh vo, chi ay la thet",
        "có người lạ tự nhiên nhắn tin cho con tôi dọa giết, giờ con bé mất tích từ chiều",
    ],
)
def test_a_danger_beside_words_about_the_line_stays_urgent(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.severity) == ("tip", "urgent"), got


@pytest.mark.parametrize(
    "text",
    [
        "NHA CAI UY TIN SO 1 CHAU A - nap lan dau tang 200%, ca cuoc bong da. Link: abc.xyz",
        "Nhà cái uy tín số 1 châu Á, nạp lần đầu tặng 100%, cá cược thể thao",
        "Dịch vụ chạy quảng cáo Zalo OA, tăng follow thật, báo giá chỉ từ 1tr",
        "tang like tang follow fanpage, bao gia re nhat, ib ngay",
        "Congratulations! Your number has been selected to win an iPhone. Click here to claim",
    ],
)
def test_a_sellers_own_boast_is_an_ad(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.spam) == ("other", True), got


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "quán cà phê trên Lê Trọng Tấn treo bảng nhà cái uy tín số 1, tối nào cũng tụ tập cá "
            "độ bóng đá",
            "gambling",
        ),
        ("em bị lừa vào nhà cái uy tín số 1 châu á, nạp lần đầu tặng 200% rồi mất 30 triệu", None),
        ("thằng phát tờ rơi báo giá chỉ từ 1tr cho vay, giờ tụi nó khủng bố đòi nợ nhà em", None),
    ],
)
def test_the_boast_beside_a_report_or_a_loss_is_a_tip(text: str, category: str | None) -> None:
    got = by_rules(text)
    assert got.kind == "tip", got
    assert category is None or got.category == category, got


@pytest.mark.parametrize(
    "text",
    [
        "Có người phát tờ rơi 'massage tại nhà, nữ phục vụ trẻ đẹp' ở cổng trường, học sinh lượm",
        "hem 20 co tiem massage, nu phuc vu tre dep, khuya van mo cua keo rem",
    ],
)
def test_young_women_serving_offered_is_prostitution(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", "prostitution"), got


@pytest.mark.parametrize(
    "text",
    [
        "game nay bi thang ban sat hai sml, cuu em voi ad oi 🤣",
        "Trà sữa quán đầu hẻm ghiền như ma túy luôn á ad 🤣",
        "con mèo nhà em vừa 'ám sát' con chuột, hiện trường kinh hoàng, đùa thôi ad ơi",
        "sep em sang nay no nhu bom, ca phong chet lang, ua em nham group",
        "em đang đánh nhau với cái deadline, nhắn nhầm nhóm, sr ad",
        "thang ban em no an trom trai tim em roi ad bat no giup",
        "Đọc bản tin vụ thảm án ở tỉnh kia mà sợ quá, cầu mong phường mình bình yên",
        "alo em dang o ngoai duong on qua de toi nha roi nhan sau",
    ],
)
def test_figures_of_speech_jokes_and_messages_put_off_are_chat(text: str) -> None:
    got = by_rules(text)
    assert got.kind == "other", got


@pytest.mark.parametrize(
    ("text", "urgent"),
    [
        ("em gửi nhầm tiền cho số tài khoản lạ, giờ họ không chịu trả", False),
        ("tụi nó đánh nhầm người, em trai tôi bị đánh gãy tay hôm qua", False),
        ("nó nói đùa thôi mà cầm dao rượt con tôi chạy khắp hẻm", True),
        ("đùa thôi à, nhà bên đang cháy thật, khói đen bốc lên", True),
        ("nhầm nhóm hả, mà hẻm 5 có đứa đang cầm mã tấu đó", True),
        ("cầu mong con tôi bình an, nó đi học từ sáng chưa về, gọi không được", True),
        ("em đang trốn trong nhà vệ sinh, nó còn ở ngoài, nhắn sau", True),
        ("game này hay lắm, mà thằng hàng xóm đang cầm dao đòi chém vợ nó", True),
        ("đọc bản tin thấy vụ lừa đảo giống y chang mẹ em bị hôm qua mất 50 triệu", False),
        ("tụi nó đánh con nhỏ rồi nói giỡn thôi, con bé bầm hết mặt hôm qua", False),
    ],
)
def test_a_report_beside_a_joke_or_a_figure_of_speech_stays_a_tip(text: str, urgent: bool) -> None:
    got = by_rules(text)
    assert got.kind == "tip", got
    assert (got.severity == "urgent") == urgent, got


@pytest.mark.parametrize(
    "text",
    [
        "ad oi hang xom co cay sung hoi, toi ngay no mang ra hem ban bang bang",
        "tối ngày tụi nó tụ tập nẹt pô đầu hẻm",
    ],
)
def test_toi_ngay_before_who_does_it_is_all_day_long(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.severity) == ("tip", "normal"), got


def test_toi_ngay_as_a_plea_still_hurries() -> None:
    got = by_rules("toi ngay no say xin danh vo, gio dang danh, toi ngay giup em")
    assert got.severity == "urgent", got


@pytest.mark.parametrize(
    "text",
    [
        "sao bot cu hoi di hoi lai em o phuong nao hoai vay, noi roi ma",
        "Cho em gửi lời khen chú công an khu vực, hôm bữa giúp bà ngoại em qua đường",
        "Dạ vụ em báo hôm qua, công an phường đã gọi lại cho em rồi, em cảm ơn ạ",
    ],
)
def test_the_bot_asking_again_praise_sent_and_a_call_back_thanked_are_about_the_line(
    text: str,
) -> None:
    got = by_rules(text)
    assert (got.kind, got.about_line) == ("other", True), got


@pytest.mark.parametrize(
    "text",
    [
        "bot cứ hỏi đi hỏi lại, nhà em bị trộm xe từ tối qua",
        "cho em gửi lời khen, mà hẻm 12 tối nào cũng có tụi hút chích",
        "cảm ơn anh đã gọi lại, mà tụi nó lại tới đập cửa nhà em nữa rồi",
    ],
)
def test_a_report_beside_words_on_the_line_is_still_a_tip(text: str) -> None:
    assert by_rules(text).kind == "tip"


@pytest.mark.parametrize(
    "text",
    [
        "Gấp!!! Ai cần lấy lại tài khoản Facebook bị hack thì inbox mình, có công an bảo lãnh",
        "ban da bi lua dao online? doi ngu thu hoi von cua chung toi lay lai 100%, ib ngay",
        "Chị ơi em mới mở tiệm nail, đang giảm 30% mời chị ghé ủng hộ nha",
        "bên em chuyên lắp camera chống trộm, khách giới thiệu giảm 20% ạ",
        "ban hang xach tay Nhat, ad co can mua thuoc bo ko, gia si",
    ],
)
def test_a_sellers_offer_and_a_recovery_for_a_fee_are_ads(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.spam) == ("other", True), got


@pytest.mark.parametrize(
    "text",
    [
        "facebook em bị hack, tụi nó inbox bạn bè mượn tiền",
        "bên em chuyên lắp camera, tối qua tiệm em bị trộm mất 3 cái đầu ghi",
        "người bán thuốc bổ dạo tới nhà bà nội em, ép mua 5 triệu, bà đưa tiền rồi mới biết là giả",
        "nhà có camera chống trộm mà vẫn bị trộm xe tối qua",
    ],
)
def test_the_harm_told_beside_a_sellers_words_is_a_tip(text: str) -> None:
    assert by_rules(text).kind == "tip"


@pytest.mark.parametrize(
    "text",
    [
        "Chồng tôi bị bắt đi tù 3 năm, giờ tôi muốn đứng tên chủ hộ thay thì làm thủ tục gì ạ",
        "con tui bi bat di cai nghien roi, gio muon tam vang cho no thi lam sao",
        "ba em bi dot quy dang nam vien, ma tam tru cua ba het han, con di gia han thay duoc ko",
        "mẹ tôi đang điều trị ở bệnh viện Tân Phú, tôi muốn làm tạm trú thay cho mẹ được không",
    ],
)
def test_someone_in_prison_or_in_hospital_is_the_premise_of_an_errand(text: str) -> None:
    got = by_rules(text)
    assert got.kind == "question", got


@pytest.mark.parametrize(
    "text",
    [
        "Cho em hỏi nếu thấy chồng đánh vợ thì báo ở đâu ạ? Phòng trọ đối diện tối nào cũng nghe "
        "la hét, sáng nay em thấy chị đó mặt bầm tím",
        "nếu thấy người ta đánh bạc thì báo đâu? hẻm 45 tối nào cũng có sòng bài",
        "neu thay ban ma tuy thi bao ai, quan net dau hem toi nao cung co tui no ban thuoc lac",
    ],
)
def test_a_supposition_then_the_case_itself_told_is_a_tip(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.severity) == ("tip", "normal"), got


@pytest.mark.parametrize(
    "text",
    [
        "nếu bị trộm xe thì báo ai, rồi có lấy lại được không",
        "nếu con em bị đánh ở trường thì báo ở đâu ạ, rồi trường có phải chịu trách nhiệm không",
        "nếu thấy người ta đánh nhau thì gọi số nào",
    ],
)
def test_a_supposition_alone_is_still_a_question(text: str) -> None:
    got = by_rules(text)
    assert got.kind == "question", got


@pytest.mark.parametrize(
    "text",
    [
        "phong 12 day tro em co 1 thang moi toi o 1 tuan, ko co giay to gi, hay dom nha xe",
        "dãy trọ có người mới tới thuê, không chịu đưa giấy tờ, ngày ngủ đêm đi",
        "nhà đối diện có ông lạ mặt, chủ nhà nói bạn ở nhờ vài bữa mà giờ gần 2 tuần rồi",
        "nhà kế bên có 3 người, chủ nhà nói ở chơi vài bữa mà ở cả tháng rồi",
    ],
)
def test_a_newcomer_without_papers_or_a_short_stay_grown_long_is_residence(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", "residence"), got


def test_papers_asked_for_a_foreigner_is_still_a_question() -> None:
    got = by_rules("người nước ngoài mới tới ở thì cần giấy tờ gì để khai báo tạm trú?")
    assert got.kind == "question", got


@pytest.mark.parametrize(
    "text",
    [
        "hom qua xe may nha em trong nha xe chung cu bi chay, nghi co nguoi dot vi thay vet xang",
        "kho nha toi chay 1 goc toi qua, ngui thay mui xang, chac co nguoi dot",
    ],
)
def test_an_arsons_signs_confirm_a_bare_chay(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", "fire"), got


@pytest.mark.parametrize(
    "text",
    [
        "tối nào cũng có đám nhóc chạy xe, thằng ngồi sau cầm kiếm dài kéo lê trên đường tóe lửa",
        "tui no keo ma tau xuong duong toe lua, hu het ca xom",
    ],
)
def test_a_blade_dragged_on_the_road_sparks_no_fire(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", "weapons"), got


@pytest.mark.parametrize(
    "text",
    [
        "dây điện đứt rớt xuống đường tóe lửa, người đi đường sợ quá",
        "day dien dut rot xuong duong toe lua lien tuc o hem 12",
        "tui no keo le cai thung xang tren duong toe lua, roi bung chay",
    ],
)
def test_a_live_wire_sparking_on_the_road_is_still_a_fire(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category, got.severity) == ("tip", "fire", "urgent"), got


@pytest.mark.parametrize(
    "text",
    [
        "con gai em lam mat cai cap sach o truong, ben trong co so tiet kiem cua ba noi",
        "bé nhà em làm mất ba lô ở công viên Đầm Sen chiều nay, ai lượm được báo giúp",
        "tôi làm mất chìa khóa xe ở chợ Tân Hương sáng nay",
    ],
)
def test_a_thing_lost_through_ones_own_doing_is_lost_property(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", "lost_property"), got


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("em làm mất căn cước rồi, làm lại ở đâu ạ", "question"),
        ("mấy đứa nhỏ làm mất trật tự khu phố, la hét tới khuya", "tip"),
    ],
)
def test_papers_lost_or_order_disturbed_are_not_lost_property(text: str, kind: str) -> None:
    got = by_rules(text)
    assert got.kind == kind and got.category != "lost_property", got


def test_a_suspected_thief_beaten_by_a_mob_is_violence() -> None:
    got = by_rules(
        "o cho dan bat dc 1 thang nghi an cap, troi no vo cot dien roi danh hoi dong, mat no be "
        "bet mau, cong an xuong lien di"
    )
    assert (got.kind, got.category, got.severity) == ("tip", "violence", "urgent"), got


@pytest.mark.parametrize(
    "text",
    [
        "tối hôm kia có 3 người lạ gọi cậu thuê phòng số 5 ra rồi đánh cậu ấy mấy cái, nói đòi nợ",
        "hom qua may thang do chan duong danh anh ta bam mat roi bo di",
    ],
)
def test_blows_given_to_someone_named_by_a_pronoun_are_violence(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", "violence"), got


@pytest.mark.parametrize(
    "text",
    [
        "may bua nay co nhom mac ao nau di gom tien tu thien, hoi chua nao thi ko noi dc, toi thay "
        "giong lua",
        "có mấy ông sư giả đi khất thực từng nhà xin tiền ở chợ Tân Hương",
    ],
)
def test_a_collection_doubted_is_fraud(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", "fraud"), got


def test_giong_lua_of_flames_beside_smoke_is_still_a_fire() -> None:
    got = by_rules("em thấy giống lửa cháy ở sau bếp nhà bên, khói đen")
    assert (got.kind, got.category, got.severity) == ("tip", "fire", "urgent"), got


@pytest.mark.parametrize(
    "text",
    [
        "truoc aeon co may nguoi an xin nam ao khach doi tien, ai ko cho thi chui",
        "mấy người đeo bám xin tiền ở chợ, không cho thì chửi",
    ],
)
def test_begging_that_clings_and_curses_is_public_order(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", "public_order"), got


@pytest.mark.parametrize(
    "text",
    [
        "hôm qua bị CSGT giữ xe vì chạy quá tốc độ ở Cộng Hòa, giờ đóng phạt ở đâu để lấy xe",
        "bi csgt lap bien ban vi ko doi non bao hiem o nga tu, dong phat cho nao vay",
        "xe em bị tạm giữ tuần trước vì vượt đèn đỏ, nộp tiền phạt ở đâu ạ",
    ],
)
def test_ones_own_fine_paid_where_said_dong_or_tien_phat_is_a_question(text: str) -> None:
    # "đóng phạt", "nộp tiền phạt": the learned model had made one's own fine a traffic tip
    got = classify(text)
    assert got.kind == "question", got


def test_a_fine_forced_on_someone_with_no_where_asked_stays_a_report() -> None:
    # an unlicensed lot's "fine" for a vehicle back: an extortion reported, never one's own fine
    got = classify("bên bãi giữ xe lậu hẻm 40 bắt đóng tiền phạt 200k mới cho lấy xe ra")
    assert got.kind == "tip", got
    crash = classify("thằng nhỏ chạy xe vượt đèn đỏ tông bà cụ ở ngã tư Bảy Hiền rồi bỏ chạy")
    assert (crash.kind, crash.severity) == ("tip", "urgent"), crash


@pytest.mark.parametrize(
    "text",
    [
        "tuần trước bị giật túi ở Lũy Bán Bích, trong đó có căn cước, chuyện đó em đã báo rồi,"
        " giờ căn cước làm lại sao",
        "bi moc tui tren xe buyt thang truoc, trong do co giay to, da bao roi, gio lam lai giay"
        " to o dau",
    ],
)
def test_papers_inside_a_bag_taken_the_theft_reported_their_reissue_asked_is_a_question(
    text: str,
) -> None:
    # the loss already reported: the learned model may not make a report of it again
    got = classify(text)
    assert got.kind == "question", got


@pytest.mark.parametrize(
    "text",
    [
        "vừa bị giật túi xách ở đường Âu Cơ, trong đó có căn cước với 2 triệu",
        "thằng đó giật túi của chị tôi trong hẻm 30, trong đó có căn cước, giờ làm lại sao",
        "trộm vô nhà lấy cái ví trong đó có căn cước, đã báo rồi mà tối nay tụi nó lại tới,"
        " đang cạy cửa sau",
        "hôm qua bị giật điện thoại ở hẻm 5, trong đó có căn cước, đã báo rồi, giờ thằng đó đang"
        " đứng ở đầu hẻm",
    ],
)
def test_papers_inside_a_bag_taken_not_yet_reported_or_beside_harm_now_stay_a_tip(
    text: str,
) -> None:
    got = classify(text)
    assert got.kind == "tip", got


@pytest.mark.parametrize(
    "text",
    [
        "em muốn gặp cán bộ gấp, nhà em đang bị tụi nó ném đá",
        "nem da nha em, tui no dang o ngoai cong",
        "bọn nó chọi đá bể kính nhà tôi, giờ còn đứng ngoài hẻm",
    ],
)
def test_a_home_stoned_is_a_violence_tip_even_beside_an_officer_asked(text: str) -> None:
    # "gặp cán bộ" beside a plea alone had made a family under stones chat
    got = classify(text)
    assert (got.kind, got.category) == ("tip", "violence"), got


def test_stones_said_of_criticism_online_are_no_attack() -> None:
    got = classify("bài đăng của em bị dân mạng ném đá quá trời, có kiện được không")
    assert got.kind != "tip", got


@pytest.mark.parametrize(
    "text",
    [
        "Bà ngoại tôi 85 tuổi ở quê, tôi muốn đón bà lên ở luôn. Nhà tôi là nhà chính chủ có sổ"
        " hồng. Vậy tôi cần làm thủ tục gì để bà ở hợp pháp?",
        "nha em chinh chu so hong rieng, dang ky thuong tru cho me vo thi can gi",
    ],
)
def test_ones_own_homes_papers_beside_a_procedure_asked_for_someone_are_no_ad(text: str) -> None:
    # "chính chủ", "sổ hồng": an ad's words, here the proof of a lawful home; nothing was sent
    got = classify(text)
    assert (got.kind, got.spam) == ("question", False), got


@pytest.mark.parametrize(
    "text",
    [
        "Bán nhà chính chủ sổ hồng riêng hẻm xe hơi Tân Sơn Nhì, nhập khẩu được, giá 3 tỷ 2",
        "Căn hộ chính chủ sổ hồng, hỗ trợ thủ tục sang tên, vay ngân hàng 70%, gọi ngay",
    ],
)
def test_a_house_sold_by_its_owner_is_still_an_ad(text: str) -> None:
    assert classify(text).spam, classify(text)


def test_whether_each_guest_is_declared_asked_by_a_lodging_is_a_question() -> None:
    # "khách ra vào nhiều": the learned model had read a brothel
    for text in (
        "tôi là chủ khách sạn mini, mỗi ngày khách ra vào nhiều, có phải báo từng người không",
        "nha nghi cua toi khach thue theo gio thi co phai khai bao tung nguoi ko",
    ):
        got = classify(text)
        assert got.kind == "question", got
    # a lodging reported for not declaring them is still a residence tip
    told = classify("nhà nghỉ hẻm 5 khách ra vào liên tục, chủ không khai báo từng người")
    assert told.kind == "tip", told


def test_a_child_missing_said_unmarked_is_the_writers_child_and_urgent() -> None:
    # "con toi" alone may be "còn tới"; "mất tích" beside it says whose. Kept out of the
    # rule's examples: taught to the model, they made calm tips of other sets urgent
    for text in (
        "con toi mat tich tu chieu toi gio chua ve",
        "thang con em mat tich 2 ngay nay roi",
    ):
        got = classify(text)
        assert (got.kind, got.severity) == ("tip", "urgent"), got


def test_a_message_put_off_by_someone_in_fear_is_a_tip() -> None:
    # "nhắn sau" is how someone hiding ends a message too
    for text in (
        "nhắn sau nha, giờ thằng đó đang đứng ngoài cửa em sợ lắm",
        "em nhắn sau, nó đang đập cửa phòng em",
    ):
        assert classify(text).kind == "tip", text
    assert by_rules("alo em dang o ngoai duong on qua de toi nha roi nhan sau").kind == "other"


def test_a_bicycle_named_does_not_tell_a_message_calm() -> None:
    # msg-16b's "xe đạp" (so that "xe dap do" is no "đập đồ") kept the model from raising a
    # child knocked off a bicycle, bleeding now (three held-out messages rated normal)
    for text in (
        "xe máy tông xe đạp của 1 bé học sinh ở cổng trường, bé chảy máu chân đang ngồi khóc",
        "xe buyt quet xe dap ong cu o nga tu, ong dang ngoi khoc chay mau tay",
    ):
        got = classify(text)
        assert (got.kind, got.severity) == ("tip", "urgent"), got
    assert by_rules("thang trom xe dap do chay mat roi tu 1 tieng truoc").severity == "normal"


# --- round 17, question set 35's questions read as tips (asst-17) ---


@pytest.mark.parametrize(
    "text",
    [
        "căn hộ cho thuê ngắn ngày, khách ở quá 1 tháng thì em bắt khách đăng ký tạm trú hay tự "
        "báo lưu trú?",
        "homestay cua minh co bat khach khai bao tam tru khong hay chu nha khai",
        "nhà nghỉ có được bắt khách để lại căn cước không ạ",
    ],
)
def test_a_guest_made_to_register_is_a_lodging_rule_asked_never_soliciting(text: str) -> None:
    got = classify(text)
    assert got.kind == "question", got


@pytest.mark.parametrize(
    "text",
    [
        # a client picked up in the street stays the trade reported
        "tối nào cũng có mấy cô đứng đầu hẻm bắt khách, dụ vô nhà nghỉ",
        "nha nghi dau hem khong bat khach dang ky gi, dem nao cung co gai ban dam ra vo",
    ],
)
def test_soliciting_beside_a_registration_word_stays_a_tip(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.category) == ("tip", "prostitution"), got


@pytest.mark.parametrize(
    "text",
    [
        "We host two Korean students for a semester. Who is responsible for declaring them, us or "
        "the school?",
        "who has to register the foreign workers, the factory or the landlord?",
        "Our office rents a flat for a visiting engineer: do we need to declare him with the "
        "police?",
    ],
)
def test_whose_duty_a_declaration_is_asked_in_english_is_a_question(text: str) -> None:
    assert classify(text).kind == "question", classify(text)


@pytest.mark.parametrize(
    "text",
    [
        # others said not declared, in English: a residence tip, whatever is asked beside
        "my landlord rents rooms to 12 workers and never declares them. Who is responsible for "
        "declaring them?",
        "The guesthouse next door does not declare them, 5 foreigners living there for months",
        # a danger told in English beside a duty asked stays an urgent tip
        "A man is beating his wife right now on Hoa Binh street, she is bleeding, who should help "
        "her?",
    ],
)
def test_a_report_in_english_beside_a_duty_asked_stays_a_tip(text: str) -> None:
    got = classify(text)
    assert got.kind == "tip", got
    if "bleeding" in text:
        assert got.severity == "urgent", got


@pytest.mark.parametrize(
    "text",
    [
        "Em đánh rơi căn cước rồi, thứ 2 phải bay ra Đà Nẵng, làm lại có kịp không ạ",
        "mat the can cuoc ma tuan sau sap bay, lam sao co giay de len may bay",
        "làm mất CCCD, mai đi máy bay được không anh",
    ],
)
def test_a_lost_card_needed_for_a_flight_is_a_question(text: str) -> None:
    assert classify(text).kind == "question", classify(text)


@pytest.mark.parametrize(
    "text",
    [
        # a snatching told, the thief gone: too late to catch is no flight asked
        "bi cuop giat mat vi co can cuoc, no chay ve huong Luy Ban Bich roi, lam sao kip",
        # told where and when: the loss is the ward's to record (papers_asked.told)
        "sáng nay bị giật túi ở chợ Tân Hương mất căn cước, tuần sau phải bay, làm sao kịp",
    ],
)
def test_a_snatching_told_beside_a_flight_stays_a_tip(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.category) == ("tip", "robbery"), got


@pytest.mark.parametrize(
    "text",
    [
        "có nhóm tự xưng bảo kê chợ đêm Tân Hương, mỗi sạp phải đóng 30 ngàn một tối, không đóng"
        " là bị hất đổ hàng",
        "may thang bao ke cho Phu Trung bat moi sap dong 50k/ngay, ai ko dong la bi dap do",
        "bà chủ tiệm tạp hóa cho vay lãi 25% một tháng, ai trễ hạn là cho người tới phá",
        "ông Sáu hẻm 40 cho vay lai cao lam, ai khong tra la cho nguoi toi nem mam tom",
        "tiệm cầm đồ đầu hẻm cho vay nặng lãi, ai chậm trả là cho người tới đập cửa",
    ],
)
def test_a_racket_told_by_its_threat_against_whoever_does_not_pay_is_other(text: str) -> None:
    # protection money or usury: the harm is threatened against whoever does not pay, done to
    # no one yet; the racket is the tip (category other), not the violence it threatens
    got = classify(text)
    assert (got.kind, got.category) == ("tip", "other"), got


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # the attack itself, done: its own tip
        ("tối qua bọn cho vay nặng lãi tạt sơn vô nhà tôi, giờ tụi nó đi rồi", "public_order"),
        ("bọn bảo kê đang đánh chị bán cá trong chợ Tân Hương, chị ấy chảy máu", "violence"),
    ],
)
def test_a_rackets_attack_done_is_the_attacks_tip(text: str, category: str) -> None:
    assert classify(text).category == category


@pytest.mark.parametrize(
    "text",
    [
        "hai thằng cầm mã tấu xông vô cướp tiệm điện thoại trên Âu Cơ, đang bắt nhân viên nằm"
        " xuống",
        "co thang cam dao dang khong che chu tiem vang o cho Tan Huong, nguoi ta bu ngoai",
        "có đứa kề dao cướp xe ông xe ôm ở đầu hẻm 50, đang giằng co",
    ],
)
def test_a_weapon_used_to_rob_is_a_robbery(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category, got.severity) == ("tip", "robbery", "urgent"), got


def test_a_weapon_shown_with_nothing_taken_stays_a_weapons_tip() -> None:
    got = by_rules("thằng cầm dao đứng trước tiệm vàng la hét chửi người đi đường")
    assert (got.category, got.severity) == ("weapons", "urgent"), got


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # something snatched from the hand is a robbery, whatever was lost
        ("đứng đèn đỏ thì bị thằng chạy xe ngang giật từ tay cái điện thoại, mất luôn", "robbery"),
        ("bi mat cai dt, thang ngoi sau xe may chom qua lay tu tay toi roi chay", "robbery"),
        # a deposit paid to a stranger who then blocked the payer, told in English
        ("I paid a deposit for a room to a guy on Facebook, then he blocked me", "fraud"),
        # a gambling den named by its game
        ("hem 10 Tan Huong toi nao cung co soi dia, canh cua 2 thang", "gambling"),
        # a person lying still, whatever laid them there
        ("có người nằm im ở trạm xe buýt Âu Cơ từ trưa tới giờ", "other"),
        ("xe tải tông 1 người đi xe máy ở ngã tư, người đó nằm im giữa đường", "traffic"),
        # embers blown into homes; gas bottles stored by the hundred
        ("nhà bên đốt vàng mã, tàn lửa bay vào mái nhà tôi", "fire"),
        ("kho chua ca tram binh ga ko giay phep sat vach day tro", "fire"),
    ],
)
def test_a_tip_is_named_by_what_is_done_round_17(text: str, category: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", category), got


def test_a_car_on_fire_with_someone_inside_stays_a_fire_danger() -> None:
    # smoke of a strange smell from people sitting in a parked car is a drug smoked; a car
    # burning, someone in it, is still urgent
    for text in (
        "chiếc xe hơi ngồi trong xe có mùi lạ rồi khói đen bốc lên, lửa cháy dữ",
        "xe hơi đậu trong hẻm bốc khói, có người ngồi trong xe không ra được",
    ):
        assert by_rules(text).severity == "urgent", text


def test_a_theft_or_a_trick_whose_taker_made_off_is_not_raised_by_the_model() -> None:
    # the model reads "nhảy lên xe" as a chase; the taker is gone with the phone
    got = classify(
        "có thằng hỏi mượn điện thoại gọi nhờ ở trạm xe buýt rồi cầm máy nhảy lên xe đồng bọn"
        " chạy mất"
    )
    assert (got.kind, got.severity) == ("tip", "normal"), got
    for text in (
        "vừa có khách giả hỏi mua laptop, cầm máy xem thử rồi chạy mất tiêu",
        "em de dt tren ban o quan nuoc, thang ngoi ke ben cam di mat roi chay mat luon",
    ):
        assert classify(text).severity == "normal", text


@pytest.mark.parametrize(
    "text",
    [
        # a chase going on, someone hurt, a robbery's snatch: still urgent
        "có thằng vừa trộm xe máy chạy mất, tôi đang đuổi theo trên Âu Cơ",
        "vừa bị móc túi trên xe buýt, thằng đó chạy mất, ba tôi bị đẩy té nằm bất tỉnh",
        "thằng lừa đảo cầm vàng của bà tôi chạy mất, bà tôi ngất xỉu luôn",
        "con bé nhà tôi 5 tuổi bị người lạ dụ đi theo rồi đi mất tiêu, tìm không thấy",
        "vua bi giat dien thoai o nga tu Bay Hien, 2 thang chay wave ve huong Au Co",
    ],
)
def test_made_off_calms_no_chase_no_one_hurt_and_no_robbery(text: str) -> None:
    assert classify(text).severity == "urgent", text


@pytest.mark.parametrize(
    "text",
    [
        "tiệm tôi bị 1 thằng cầm dao vô đòi tiền, lấy 3 triệu chạy rồi, không ai bị thương, mới 5"
        " phút trước",
        "co thang cam dao vo tiem thuoc doi tien, lay xong chay roi, vai phut truoc thoi",
    ],
)
def test_an_armed_robbery_minutes_ago_is_urgent_the_robber_still_close(text: str) -> None:
    got = by_rules(text)
    assert (got.category, got.severity) == ("robbery", "urgent"), got


def test_minutes_ago_alone_makes_no_danger() -> None:
    got = by_rules("điện thoại để trên bàn bị ai lấy mất mấy phút trước, không biết ai lấy")
    assert (got.kind, got.severity) == ("tip", "normal"), got


@pytest.mark.parametrize(
    "text",
    [
        "hai ông tài xế cãi nhau to tiếng, xô đẩy giữa đường, chưa ai đánh ai",
        "2 nhom hoc sinh cai nhau truoc cong truong, chua dong tay nhung cang lam",
    ],
)
def test_a_quarrel_said_not_to_have_come_to_blows_is_public_order(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.category) == ("tip", "public_order"), got


def test_a_throat_squeezed_now_is_urgent_by_the_rules() -> None:
    for text in (
        "ông chồng đang bóp cổ vợ ở phòng trọ số 3",
        "cãi nhau chưa động tay nhưng giờ ổng đang siết cổ bả",
        "thang kia dang bop co con nho ngoai hem",
    ):
        assert by_rules(text).severity == "urgent", text
    assert by_rules("tối qua ổng bóp cổ vợ, giờ bả về nhà mẹ ruột rồi").severity == "normal"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # passers-by harassed by a group hanging about
        ("mấy thằng ngồi đầu hẻm tối nào cũng huýt sáo chọc gái đi ngang", "public_order"),
        ("dam thanh nien o cong vien hay treu gai, huyt gio nguoi di duong", "public_order"),
        # a small fire, or where it started
        ("tối qua nhà kế bên có cháy nhỏ ở ổ điện, họ dập rồi", "fire"),
        ("chay o cam trong phong tro ben canh, khoi den", "fire"),
    ],
)
def test_harassment_of_passers_by_and_a_small_fire_are_named(text: str, category: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.category) == ("tip", category), got


@pytest.mark.parametrize(
    "text",
    [
        # a death threat for tonight said by what will be done, typed without marks
        "no nhan tin toi nay qua chem ca nha tao",
        "thằng đó nhắn tối nay xuống chém chết cả nhà tôi",
        # beside the photo it came with, the learned model read it past and lowered it
        "thằng đó đăng hình cầm súng lên facebook, nhắn tối nay qua bắn nhà tôi",
    ],
)
def test_harm_threatened_for_tonight_is_urgent_and_kept(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.severity) == ("tip", "urgent"), got


@pytest.mark.parametrize(
    "text",
    [
        "tối nay qua nhà tao ăn cơm nha",
        "hôm qua nó nhắn dọa qua chém cả nhà tôi, giờ im rồi",
        "tụi nó ngồi chém gió cả tối",
        "tui ban nha roi, muon chuyen ve Binh Tan thi lam sao",
    ],
)
def test_tonight_or_slashing_named_alone_is_no_threat_now(text: str) -> None:
    assert classify(text).severity == "normal"


@pytest.mark.parametrize(
    "text",
    [
        # a threat to die told over, the person shut in their room now (found by asst-17d)
        "hồi tối anh tôi đòi tự tử, giờ ảnh khóa cửa phòng không ra",
        "hoi toi anh toi doi tu tu, gio anh khoa cua phong ko ra",
        "tối qua em gái tôi nhắn muốn chết, giờ gọi cửa không mở",
    ],
)
def test_a_threat_to_die_told_over_with_the_person_shut_in_now_is_urgent(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.severity) == ("tip", "urgent"), got


@pytest.mark.parametrize(
    "text",
    [
        "tối qua em gái tôi nhắn muốn chết, sáng nay nó đi học bình thường rồi",
        "hôm qua công an tới mà nó không chịu mở cửa, tuần trước nó đánh vợ",
    ],
)
def test_a_threat_told_over_with_nobody_shut_in_now_is_not_urgent(text: str) -> None:
    assert classify(text).severity == "normal"


def test_consciousness_failing_now_after_a_blow_told_earlier_is_a_danger() -> None:
    # round 17's note: a child hit by a car in the afternoon, vomiting and drowsy at home
    # now, was a normal traffic tip (the signs inside a head were not read)
    for text in (
        "bé bị xe tông hồi chiều, giờ về nhà rồi mà cứ nôn ói, lơ mơ",
        "hom qua ba toi bi danh vo dau, gio van lo mo goi ko tra loi",
        "ông cụ té cầu thang đập đầu, giờ mê man không biết gì",
        "ba toi uong thuoc sau, mat tim tai roi",
        "ong hang xom ho ra mau nam trong nha",
    ):
        got = classify(text)
        assert (got.kind, got.severity) == ("tip", "urgent"), (text, got)
    # dozing, sleepless, over, a long-standing condition, food gone bad: no danger now
    for text in (
        "tuần trước bị đánh vô đầu, giờ khỏe rồi, muốn làm đơn tố cáo",
        "nhà kế bên hát karaoke tới khuya, con tôi cứ lơ mơ không ngủ được",
        "toi qua nam lo mo thi nghe tieng xe no ri ri ngoai hem, sang ra mat xe",
        "hôm qua ăn đồ ở quán đầu hẻm về cả nhà cứ nôn ói, nghi quán dùng đồ bẩn",
        "hôm qua ông bị té xe, giờ đỡ rồi không còn lơ mơ nữa",
    ):
        got = classify(text)
        assert (got.kind, got.severity) == ("tip", "normal"), (text, got)


def test_the_writers_sleep_as_a_storys_background_is_not_the_events_now() -> None:
    # "đang ngủ thì nghe tiếng đập cửa, sáng ra mới biết bị trộm" paged the ward at once:
    # the "đang" was the writer's sleep, the theft found the next morning
    for text in (
        "đang ngủ thì nghe tiếng đập cửa phòng trọ bên cạnh, sáng ra mới biết bị trộm",
        "dang ngu thi nghe tieng dap cua, sang ra moi biet phong ben bi trom",
        "tối qua đang ngủ say thì nghe tiếng động, sáng dậy mới thấy mất xe",
    ):
        got = classify(text)
        assert (got.kind, got.severity) == ("tip", "normal"), (text, got)
    # the same background, the harm going on or someone in danger: urgent
    for text in (
        "đang ngủ thì nghe tiếng đập cửa ầm ầm, tụi nó đang phá cửa vô nhà",
        "đang ngủ thì nghe tiếng la cứu cứu ngoài hẻm, ai tới giúp với",
        "dang ngu thi nghe tieng danh nhau ngoai hem, co nguoi nam bat dong",
        "đang ngủ thì nghe mùi khét, khói bốc lên từ nhà kế bên",
        "dang ngu thi co thang cam dao pha cua nha toi",
    ):
        got = classify(text)
        assert (got.kind, got.severity) == ("tip", "urgent"), (text, got)


def test_a_heart_beating_in_english_is_fear_not_a_blow() -> None:
    for text in (
        "my heart is beating fast, someone keeps following me home",
        "my heart was beating so hard, a man followed me from the market",
    ):
        assert classify(text).category != "violence", text
    got = classify("my heart is beating, a man is beating his wife next door")
    assert (got.category, got.severity) == ("violence", "urgent"), got


@pytest.mark.parametrize(
    "text",
    [
        "ban than e tu Vung Tau len choi 5 hom ngu nha e, co can bao gi ko",
        "bạn thân em ở nhờ nhà em 1 tuần có cần khai báo không",
        "ban than cua e toi o choi vai hom, co phai khai luu tru khong",
        # "gái" of a kinship word is a relative, never the trade's context
        "ban than cua con gai toi len o nha toi 5 hom co phai khai bao ko",
        "ban than cua chau gai tui o lai vai dem thi khai bao sao",
    ],
)
def test_a_close_friend_typed_without_marks_sells_nothing(text: str) -> None:
    # "bạn thân" (a close friend) folds onto "bán thân": no prostitution, a stay asked
    got = classify(text)
    assert got.kind == "question" and got.category != "prostitution", got


@pytest.mark.parametrize(
    "text",
    [
        "co may con gai ban than o quan karaoke dau hem, khach ra vao suot dem",
        "nha nghi duong Tan Quy cho gai ban than, toi nao cung co khach",
        "mấy đứa bán thân đứng đường công viên ban đêm",
        "có đứa con gái nhỏ tuổi bị ép bán thân ở quán bia",
        "nha nghi o hem 5 co ban than, gai ra vao suot dem",
    ],
)
def test_selling_oneself_with_its_marks_or_its_context_is_still_prostitution(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.category) == ("tip", "prostitution"), got


@pytest.mark.parametrize(
    "text",
    [
        # "nhan qua" is also "nhận qua" (received through): no gift's bait
        "thông báo lưu trú nhận qua zalo này được không hay phải lên vneid khai",
        "hồ sơ tạm trú nộp qua vneid hay nhận qua bưu điện",
    ],
)
def test_received_through_is_no_gift_bait(text: str) -> None:
    got = classify(text)
    assert got.kind == "question" and got.category != "fraud", got


@pytest.mark.parametrize(
    "text",
    [
        "có người nhắn tin bảo tôi nhận quà tri ân, bắt đóng phí vận chuyển",
        "bam vao link nhan qua xong tai khoan bi tru 5 trieu",
    ],
)
def test_a_gift_bait_with_its_marks_or_its_context_is_still_fraud(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.category) == ("tip", "fraud"), got


# --- round 21: what says "now" against "for the record" --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a warning passed on, the robbers' direction told, for the record
        "cả xóm coi chừng, lúc 5h chiều có đứa chạy xe giật dây chuyền bà bán bánh, tụi nó"
        " chạy về hướng chợ, em báo để công an nắm",
        "shop tôi bị khách cầm cái áo chạy về phía cầu, gửi công an nắm thôi",
        # the learned model never raises a tip told for the record
        "mấy đứa học sinh xô xát trước cổng trường lúc tan học, tụi nó giải tán hết, báo để các"
        " anh biết",
    ],
)
def test_a_tip_told_for_the_record_is_not_urgent(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.severity) == ("tip", "normal"), got


@pytest.mark.parametrize(
    "text",
    [
        # a danger of its own still counts, for the record or not
        "báo để các anh biết có thằng cầm mã tấu đi lòng vòng trong hẻm 9",
        "cứu với, tụi nó đang chém nhau trước quán net, báo để công an biết",
        # a robbery just done, the robbers running, with no record said
        "tụi nó vừa giật giỏ của cô bán rau, 2 đứa chạy về hướng vòng xoay",
        # "cho công an biết" is also a plea to tell the police
        "ai đó báo cho công an biết với, có ông bị chém gục ngoài bến xe",
    ],
)
def test_for_the_record_does_not_end_a_danger_of_its_own(text: str) -> None:
    assert classify(text).severity == "urgent", text


def test_a_bystander_asking_someone_to_call_the_police_keeps_the_danger() -> None:
    # the model reads the call passed on as a report for the record
    for text in (
        "nhờ ai báo cho công an biết giùm, có thanh niên bị đâm nằm trước tiệm game",
        "ai gọi công an giùm với, có người bị chém ở đầu chợ",
    ):
        assert classify(text).severity == "urgent", text


def test_a_theft_found_out_on_camera_is_not_raised_by_the_model() -> None:
    for text in (
        "xe đạp điện của thằng nhỏ để ở nhà xe trường bị cắt khóa lấy mất, bảo vệ nói không thấy"
        " gì",
        "ví để trong cốp xe ở bãi giữ xe siêu thị bị lấy, xem lại camera thấy 1 thằng áo đen",
    ):
        got = classify(text)
        assert (got.category, got.severity) == ("theft", "normal"), (text, got)
    # the thief still at it, on camera, is now
    assert classify("camera có quay, thằng trộm đang leo rào vô nhà bên").severity == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "ông ngoại tôi lẫn, đi ra chợ từ hôm qua mà chưa về, điện thoại không mang",
        "bé trai 7 tuổi nhà hàng xóm đi học từ sáng nay chưa thấy về, trường nói tan lâu rồi",
    ],
)
def test_someone_not_back_yet_is_missing_now_whenever_they_left(text: str) -> None:
    assert classify(text).severity == "urgent", text


def test_not_back_yet_on_the_way_home_is_a_story_time() -> None:
    got = classify("hôm qua đi làm chưa về tới nhà thì bị giật cái túi ở Âu Cơ, em không sao")
    assert got.severity == "normal", got


def test_a_bus_stopping_for_fares_is_an_obstruction_not_an_emergency() -> None:
    for text in (
        "xe buýt tuyến 14 cứ dừng đón trả khách ngay giữa ngã tư Âu Cơ, xe sau bóp còi inh ỏi",
        "xe khach dau bat khach doc duong Truong Chinh, dung giua lan xe may",
    ):
        assert classify(text).severity == "normal", text
    # a crash beside it is its own rule's
    assert (
        classify("xe khách dừng đón trả khách bị xe tải tông, có người nằm bất động").severity
        == "urgent"
    )


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("thằng đó hay giắt phóng lợn sau lưng đi dạo quanh xóm", "weapons"),
        ("nhà kho cuối hẻm bị đạo chích cạy cửa lấy 3 bao gạo", "theft"),
        ("đi đám cưới về thấy nhà bị khoắng sạch, tivi laptop mất hết", "theft"),
        ("để xe ngoài chợ 10 phút bị nẫng mất cái nón bảo hiểm", "theft"),
        ("tụi nó rinh mất 2 bình gas để sau bếp quán em", "theft"),
        ("đứng chen ở chợ bị xoáy mất cái ví trong túi quần", "theft"),
    ],
)
def test_street_words_for_a_thief_or_a_weapon_name_their_category(text: str, category: str) -> None:
    got = classify(text)
    assert (got.kind, got.category) == ("tip", category), got


def test_xoay_typed_without_marks_alone_is_no_theft() -> None:
    # "xoay" (turn) is what "xoáy" folds onto: alone it is no theft word
    got = by_rules("cái cửa cuốn xoay mất một bên, gọi thợ không ai tới")
    assert got.category != "theft", got


def test_waste_dumped_on_the_sly_is_no_theft_whatever_the_model_reads() -> None:
    for text in (
        "tối nào cũng có xe tải nhỏ đổ trộm xà bần ở bãi đất trống sau trường, có quay biển số",
        "xưởng nhuộm đầu hẻm xả trộm nước thải ra cống ban đêm, hôi nồng",
    ):
        got = classify(text)
        assert got.category != "theft", (text, got)
    # a theft told beside the dumping is still one
    got = classify("tụi nó đổ trộm rác rồi còn trộm luôn cái thùng rác inox của nhà tôi")
    assert got.category == "theft", got


def test_smoke_of_burnt_food_filling_the_kitchen_is_no_fire() -> None:
    got = classify("má tôi để quên nồi canh trên bếp, khét hết, khói bay đầy bếp, mở cửa sổ rồi")
    assert got.severity == "normal", got
    # flames caught from it are a fire
    got = classify("nấu ăn quên tắt bếp, khói đầy bếp rồi lửa bén lên tủ gỗ, đang cháy lớn")
    assert (got.category, got.severity) == ("fire", "urgent"), got


@pytest.mark.parametrize(
    "text",
    [
        # someone forced into a vehicle, told with "vào/vô"
        "mấy thằng lạ mặt lôi vô xe 1 chị bán hàng rong rồi chạy về hướng Bình Tân",
        # driven straight into people, several hurt
        "chiếc xe tải mất thắng lao thẳng vào chợ Tân Hương, mấy người bị thương",
        # choking on something swallowed
        "bé nhà tôi 2 tuổi nuốt viên bi bị hóc, mặt đỏ lên, khóc không ra tiếng",
    ],
)
def test_a_person_taken_hurt_or_choking_now_is_urgent(text: str) -> None:
    assert classify(text).severity == "urgent", text


@pytest.mark.parametrize(
    "text",
    [
        # breathless as a figure of the heat or a smell
        "dãy trọ mùa này nóng quá không thở nổi mà chủ trọ cắt điện lúc 10h",
        # animals slaughtered for food: "giết" in a harmless sense
        "bà bán gà đầu chợ giết gà ngay trên vỉa hè, lông với máu đổ xuống cống",
        # a crash into a pole nobody was hurt in
        "xe hơi lao thẳng vào gốc cây trên Âu Cơ, tài xế tự bước ra, không ai bị thương",
    ],
)
def test_an_urgent_word_in_a_harmless_sense_is_not_urgent(text: str) -> None:
    assert classify(text).severity == "normal", text


def test_a_weapon_held_in_a_picture_posted_is_not_among_people_now() -> None:
    got = classify("có đứa trong group chat của xóm đăng ảnh cầm mã tấu, ghi 'đụng là xử'")
    assert (got.category, got.severity) == ("weapons", "normal"), got
    # held now beside the picture, or a threat for tonight with it: urgent
    for text in (
        "nó đăng clip cầm dao lên face, giờ cầm dao thật đứng ngay cổng nhà tôi",
        "thằng đó đăng ảnh cầm súng rồi nhắn tối nay qua bắn nhà tôi",
    ):
        assert classify(text).severity == "urgent", text


def test_an_impostor_going_house_to_house_now_is_urgent_however_the_posing_is_said() -> None:
    got = by_rules("có ông tự xưng bên cấp nước đang gõ cửa từng nhà đòi thu phí kiểm tra ở hẻm 12")
    assert got.severity == "urgent", got
    got = by_rules("hôm kia có người mạo danh nhân viên điện lực đi từng nhà thu tiền")
    assert got.severity == "normal", got


@pytest.mark.parametrize(
    "text",
    [
        # a fight set for another day leaves time for the ward
        "nghe tụi nhỏ nói tuần tới 2 trường hẹn ra sân bóng đánh nhau",
        "ngày mai nhóm đó tính kéo qua đây đánh nhau với tụi trong xóm",
    ],
)
def test_a_fight_set_for_another_day_is_not_urgent(text: str) -> None:
    assert classify(text).severity == "normal", text


def test_a_day_ahead_does_not_lower_harm_going_on_now() -> None:
    got = classify("tuần sau tụi nó hẹn đánh nhau mà giờ đang cầm mã tấu đứng đầu hẻm rồi")
    assert got.severity == "urgent", got


def test_a_visit_to_harm_tonight_is_urgent_and_a_court_ruling_is_no_threat() -> None:
    got = classify("thằng chồng cũ nhắn sẽ qua nhà em tối nay để xử em, em sợ lắm")
    assert got.severity == "urgent", got
    got = by_rules("ly hôn rồi, tòa xử em nuôi con, giờ muốn nhập khẩu con về nhà mẹ")
    assert got.kind != "tip" or got.severity == "normal", got


def test_a_child_not_back_since_yesterday_stays_urgent_whatever_the_model_reads() -> None:
    got = classify("thằng con tôi 10 tuổi đi chơi từ chiều qua tới giờ chưa thấy về nhà")
    assert got.severity == "urgent", got


def test_a_child_forgotten_in_a_vehicle_is_a_child_in_danger_not_lost_property() -> None:
    got = classify("thằng bé 4 tuổi bị bỏ quên trong xe đưa rước của nhà trẻ, xe đậu ngoài nắng")
    assert (got.category, got.severity) == ("other", "urgent"), got
    # a child's things forgotten are lost property, calm
    got = classify("con bé nhà tôi để quên cái ba lô trên xe buýt số 14 chiều nay")
    assert got.severity == "normal", got


def test_a_fire_put_out_is_no_blow_typed_without_marks() -> None:
    # "da dap xong" folds "đã dập xong" (put out) onto "đập" (smash): the fire is the tip
    got = classify("hom truoc co chay nho sau bep quan com, da dap tat, chac do ai vut tan thuoc")
    assert (got.kind, got.category) == ("tip", "fire"), got
    # something smashed stays a blow, whatever follows it
    got = classify("hôm qua thằng say rượu đập xong cái tivi rồi bỏ đi")
    assert got.category != "fire", got


def test_waylaid_to_be_beaten_is_violence_not_a_robbery() -> None:
    got = classify("em bị mấy đứa trường khác chặn đánh ở cổng sau hôm thứ 3")
    assert (got.kind, got.category) == ("tip", "violence"), got
    got = classify("con tui bi may thang lop tren chan dau danh o hem, gio no so ko dam di hoc")
    assert got.category == "violence", got
    # stopped to have something taken stays a robbery
    got = classify("tụi nó chặn đường lấy xe đạp của con tôi")
    assert got.category == "robbery", got


def test_the_trades_slang_for_girls_booked_and_rooms_let_by_the_hour() -> None:
    got = classify("ông hàng xóm gọi em út về nhà trọ suốt, nghi có ổ")
    assert got.category == "prostitution", got
    got = classify("căn hộ tầng 5 cho thuê theo giờ, mấy cô gái ra vào liên tục với khách lạ")
    assert got.category == "prostitution", got
    # a youngest sibling, a room let by the hour for a meeting: no trade
    assert classify("em út của tôi mới vào lớp 1").category != "prostitution"
    got = classify("căn hộ tầng 5 cho thuê theo giờ để họp nhóm")
    assert got.category != "prostitution", got


def test_a_deposit_taken_then_contact_cut_is_fraud() -> None:
    got = classify("ông cho thuê mặt bằng nhận cọc 3 tháng xong chặn liên lạc")
    assert (got.kind, got.category) == ("tip", "fraud"), got
    got = classify("thu tien coc cua ca lop di tour roi bat vo am tin")
    assert got.category == "fraud", got
    # a deposit taken with delivery promised is no swindle said (by rules)
    assert by_rules("chị chủ tiệm nhận cọc rồi, hẹn tuần sau giao hàng").category != "fraud"


def test_slot_and_betting_apps_played_are_gambling_and_their_ads_spam() -> None:
    got = classify("mấy đứa lớp 7 chơi game nổ hũ trong giờ ra chơi, có nhóm zalo rủ nạp tiền")
    assert (got.kind, got.category) == ("tip", "gambling"), got
    got = classify("có người phát link app cá độ trong nhóm phụ huynh, báo các anh nắm")
    assert got.category == "gambling", got
    # the ad itself stays spam
    assert classify("Game nổ hũ uy tín số 1, đăng ký nhận ngay 50k").kind == "other"


def test_a_drink_spiked_and_someone_going_limp_is_drugs_and_urgent() -> None:
    got = classify("thằng em tôi uống phải chất lạ ở quán bar, giờ mất ý thức")
    assert (got.category, got.severity) == ("drugs", "urgent"), got
    got = classify("con gái tôi đi sinh nhật về, nghi bị chuốc thuốc, giờ lả đi không nói được")
    assert (got.category, got.severity) == ("drugs", "urgent"), got
    # told as over, it is recorded calm; tap water tasting odd is no drink given
    got = classify("nghe nói tuần trước ở quán đó có đứa bị chuốc thuốc, giờ khỏe rồi")
    assert got.severity == "normal", got
    assert classify("nước máy nhà tôi có chất lạ, màu vàng vàng").category != "drugs"
    # typed without marks, "la la" is as often a shout: no limp person without a drink
    assert by_rules("may dua trong hem cu la la het ca dem, on qua").severity == "normal"


def test_lodgers_nobody_can_name_or_foreigners_housed_together_are_residence() -> None:
    got = classify(
        "mấy tháng nay có mấy người tới ở căn nhà bỏ trống đầu hẻm 12, không ai biết họ là ai"
    )
    assert (got.kind, got.category) == ("tip", "residence"), got
    got = classify("co may thanh nien la den o phong tro cuoi day, khong ro lai lich")
    assert got.category == "residence", got
    got = classify("nha kho cuoi duong co may chuc nguoi nuoc ngoai an ngu luon trong do")
    assert got.category == "residence", got
    # strangers standing about lodge nowhere; a foreigner at work in a restaurant is no lodger
    got = classify("có 2 thằng lạ mặt đứng ở đầu hẻm, không ai biết họ là ai")
    assert got.category != "residence", got
    got = by_rules("có ông người nước ngoài làm việc trong nhà hàng đầu hẻm, nói tiếng Việt giỏi")
    assert got.category != "residence", got


def test_someone_alone_called_to_with_nobody_answering_is_a_persons_tip() -> None:
    got = classify("bà cụ phòng cuối dãy ở một mình, mấy bữa nay có mùi hôi, kêu cửa không ai thưa")
    assert (got.category, got.severity) == ("other", "urgent"), got
    # the line itself not answering is a complaint, no one down
    got = by_rules("gọi hoài không ai bắt máy, nhắn tin cũng không ai trả lời, lập ra làm gì")
    assert got.severity == "normal", got
    # kept here, not among the rule file's examples: those teach the learned model, which
    # is not retrained this round
    got = classify("ông bác sống 1 mình phòng cuối dãy, 2 hôm nay bốc mùi, kêu mãi không ai thưa")
    assert got.severity == "urgent", got
    got = classify("gọi hoài ko ai bắt máy, nhắn tin zalo này cũng không ai trả lời, mở ra làm chi")
    assert got.severity == "normal", got
