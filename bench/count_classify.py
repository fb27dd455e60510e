"""Instructions a message per stage of classification, counted by callgrind (issue 18).

How rounds 26-29 counted (bench/README.md, "Round 29: classification"): the bench's texts
(`bench_classify.texts`), one warm pass of `classify` over them, each stage's inputs made
before, `gc.disable()`, then one measured pass of the stage; only what runs inside
`sys.call_tracing` (the measured pass) is counted (`--toggle-collect=sys_call_tracing`),
divided by the number of texts. The counts are the interpreter's instructions: the same
on a loaded machine and a quiet one, unlike a time.

Run from a tree's root (valgrind installed, ≈ 1-3 minutes a stage):

    .venv/bin/python bench/count_classify.py                   # every stage, a table
    .venv/bin/python bench/count_classify.py weigh whole       # some of them
    .venv/bin/python bench/count_classify.py --texts other.json  # another tree's texts

`--texts` reads the texts from a JSON list (written by `--write-texts FILE`), so that two
trees whose fixtures differ are counted on the same texts. Stages: `tokenise` (reading the
text, `_tokenise`), `scan` (finding its phrases and grouping them, `_grouped`), `rules`
(the rules' decision, `_by_rules` with `_danger`), `weigh` (the model's weighing, `weigh`),
`whole` (`classify`, from the text). Before round 30 the phrases were found (`scan`:
`_scan`) and grouped (`group`: `_by_group(_without_compounds(hits))`) apart: their sum is
what `scan` counts now.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("tokenise", "scan", "rules", "weigh", "whole")


def _measure(stage: str, corpus: list[str]) -> None:
    """The stage's measured pass, alone inside `sys.call_tracing` (run under callgrind)."""
    sys.path.insert(0, str(ROOT))
    from shared.core import classify as c

    for text in corpus:
        c.classify(text)  # the warm pass: rules, model, caches loaded
    rules, model = c.load_rules(), c.load_model()
    read = [t for t in corpus if c._TOKEN.search(t)]
    messages = [(t, c._tokenise(t, rules)) for t in read]
    messages = [(t, m) for t, m in messages if m.folded]
    groups = [c._grouped(m, rules) for _, m in messages]
    verdicts = [c._by_rules(t, rules, m, g) for (t, m), g in zip(messages, groups, strict=True)]

    def tokenise() -> None:
        for text in read:
            c._tokenise(text, rules)

    def scan() -> None:
        for _, message in messages:
            c._grouped(message, rules)

    def decide() -> None:
        for (text, message), found in zip(messages, groups, strict=True):
            c._by_rules(text, rules, message, found)

    def weigh() -> None:
        for verdict, (_, message), found in zip(verdicts, messages, groups, strict=True):
            c.weigh(verdict, message, found, model)

    def whole() -> None:
        for text in corpus:
            c.classify(text)

    passes = {"tokenise": tokenise, "scan": scan, "rules": decide}
    passes |= {"weigh": weigh, "whole": whole}
    gc.collect()
    gc.disable()
    sys.call_tracing(passes[stage], ())


def _count(stage: str, texts_file: str) -> int:
    """The stage's instructions, from a callgrind run of this script on it."""
    with tempfile.TemporaryDirectory() as out:
        profile = os.path.join(out, "callgrind.out")
        subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--collect-atstart=no",
                "--toggle-collect=sys_call_tracing",
                f"--callgrind-out-file={profile}",
                sys.executable,
                __file__,
                "--measure",
                stage,
                texts_file,
            ],
            cwd=ROOT,
            env=dict(os.environ, PYTHONHASHSEED="0"),
            check=True,
            capture_output=True,
        )
        with open(profile, encoding="utf-8") as f:
            for line in f:
                if line.startswith(("summary:", "totals:")):
                    return int(line.split()[1])
    raise RuntimeError(f"no total in callgrind's output for {stage}")


def main(argv: list[str]) -> int:
    if argv[:1] == ["--measure"]:
        with open(argv[2], encoding="utf-8") as f:
            _measure(argv[1], json.load(f))
        return 0
    texts_file = None
    if argv[:1] in (["--texts"], ["--write-texts"]):
        option, texts_file, argv = argv[0], argv[1], argv[2:]
        if option == "--write-texts":
            sys.path.insert(0, str(ROOT))
            from bench.bench_classify import texts

            with open(texts_file, "w", encoding="utf-8") as f:
                json.dump(texts(), f, ensure_ascii=False)
            return 0
    if argv[:1] in (["-h"], ["--help"]):
        print(__doc__)
        return 0
    stages = argv or list(STAGES)
    if unknown := [stage for stage in stages if stage not in STAGES]:
        print(f"unknown stage {', '.join(unknown)}: the stages are {', '.join(STAGES)}")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        if texts_file is None:
            texts_file = os.path.join(tmp, "texts.json")
            main(["--write-texts", texts_file])
        with open(texts_file, encoding="utf-8") as f:
            n = len(json.load(f))
        print(f"k instructions a message ({n} texts)")
        for stage in stages:
            print(f"{stage:10} {_count(stage, texts_file) / n / 1000:7.1f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
