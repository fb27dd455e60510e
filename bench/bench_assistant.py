"""Cost of the procedure assistant: import, first call (data load), per-call matching.

Run: .venv/bin/python bench/bench_assistant.py
Writes bench/results/assistant.json. Import time is measured in fresh
subprocesses (median of several runs) so module caches do not flatter it.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SAMPLES = [
    "dang ky tam tru can gi",
    "lam tam tru online dc ko",
    "Nhà tôi có khách ở lại qua đêm thì thông báo lưu trú thế nào?",
    "di lam xa co phai khai bao tam vang",
    "xin giay xac nhan cu tru",
    "lệ phí bao nhiêu?",
    "Cho hỏi thủ tục đăng ký thường trú cho con mới sinh ở phường Tân Phú ạ",
    "menu",
]
RUNS = 7


def _fresh(code: str, env: dict[str, str] | None = None) -> float:
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, env=env
    )
    return float(out.stdout.strip())


def _compiled_env(cache: str) -> dict[str, str]:
    """Bytecode cached outside the repository, as a deployed function has it."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache
    return env


def main() -> None:
    import_code = (
        "import time; t=time.perf_counter(); import shared.core.assistant; "
        "print(time.perf_counter()-t)"
    )
    baseline_code = (
        "import time; t=time.perf_counter(); import shared.core.text; print(time.perf_counter()-t)"
    )
    first_call_code = (
        "import shared.core.assistant as a, time; t=time.perf_counter(); a.match_topic('tam tru'); "
        "print(time.perf_counter()-t)"
    )
    imports = [_fresh(import_code) for _ in range(RUNS)]
    with tempfile.TemporaryDirectory() as cache:
        env = _compiled_env(cache)
        _fresh(import_code, env)  # writes the bytecode
        compiled = [_fresh(import_code, env) for _ in range(RUNS)]
        after_classify = [
            _fresh("import shared.core.classify; " + import_code, env) for _ in range(RUNS)
        ]
    baselines = [_fresh(baseline_code) for _ in range(RUNS)]
    first_calls = [_fresh(first_call_code) for _ in range(RUNS)]

    from shared.core import assistant

    assistant.match_topic("warm up")
    contact = assistant.WardContact("Công an phường Tân Phú", None, "70A Thoại Ngọc Hầu")

    def per_call(fn, repeat: int = 2000) -> float:
        runs = []
        for _ in range(RUNS):
            start = time.perf_counter()
            for i in range(repeat):
                fn(SAMPLES[i % len(SAMPLES)])
            runs.append((time.perf_counter() - start) / repeat)
        return statistics.median(runs)

    def match(text: str) -> None:
        assistant.match_topic(text)
        assistant.match_sections(text)

    result = {
        "import_ms_median": round(statistics.median(imports) * 1e3, 3),
        "import_with_cached_bytecode_ms_median": round(statistics.median(compiled) * 1e3, 3),
        "import_after_shared_classify_ms_median": round(statistics.median(after_classify) * 1e3, 3),
        "import_shared_text_ms_median": round(statistics.median(baselines) * 1e3, 3),
        "first_call_data_load_ms_median": round(statistics.median(first_calls) * 1e3, 3),
        "match_topic_and_sections_us_median": round(per_call(match) * 1e6, 2),
        "answer_us_median": round(
            per_call(lambda t: assistant.answer(t, date(2026, 11, 28), contact), 500) * 1e6, 2
        ),
        "runs": RUNS,
        "python": sys.version.split()[0],
    }
    out = ROOT / "bench" / "results" / "assistant.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
