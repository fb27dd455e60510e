"""Round 24: the learned model taught set 42's urgency too, and what the rules keep from it:
an offender hiding close by now is never lowered; an explosion only feared is never raised."""

from __future__ import annotations

import pytest

from shared.core.classify import classify


@pytest.mark.parametrize(
    "text",
    [
        "tiệm tạp hóa chiết gas trái phép trong hẻm, sợ nổ lắm",
        "tiem tap hoa chiet gas trai phep trong hem, so no lam",
        "kho sơn sát vách chất đầy thùng, mùa nắng này tôi sợ cháy nổ",
    ],
)
def test_an_explosion_only_feared_is_no_danger_now(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.severity) == ("tip", "normal"), got
    assert not any(r.startswith("mô hình: urgent") for r in got.reasons), got


@pytest.mark.parametrize(
    "text",
    [
        # the leak is happening: the fear beside it takes nothing away
        "bình gas nhà bên đang xì ga, mùi nồng nặc, sợ nổ lắm",
        "bếp nhà bên đang cháy, lửa bốc lên cao, sợ cháy nổ lan qua",
    ],
)
def test_a_hazard_happening_now_stays_urgent_beside_the_fear(text: str) -> None:
    assert classify(text).severity == "urgent"


def test_an_offender_hiding_close_by_now_stays_urgent() -> None:
    near = "hôm qua bị cướp giỏ trên Âu Cơ, thằng cướp đang trốn trong hẻm 30, nhà em thấy nó"
    assert classify(near).severity == "urgent"
    # gone far away: over
    gone = "hôm qua bị cướp giỏ trên Âu Cơ, nghe nói thằng cướp trốn về quê rồi"
    assert classify(gone).severity == "normal"
