"""The prebuilt classifier rules and learned model (`shared/core/prebuilt.py`):
shipped current, exactly what building their data files gives, never deployed
stale (Terraform checks `shared/data/prebuilt.json` when it packages the
functions), and never used when their sources' sizes changed or they are
unreadable (the loader then builds from the data file and says so once, in the
structured log).

The data files themselves are validated here as before, by building them: the rule
file and its examples in tests/test_classify.py, the model in tests/test_text_model.py.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from shared.core import prebuilt
from shared.core.classify import (
    PREBUILT_RULES_PATH,
    RULES_PATH,
    Rules,
    _Rebuilt,
    build_rules,
    load_rules,
    rules_from_file,
    rules_sources,
)
from shared.core.text_model import (
    MODEL_PATH,
    TextModel,
    load_model,
    model_from_file,
    model_sources,
)
from tests import terraform_contract as tc
from tests.scripts import load_script

ROOT = Path(__file__).resolve().parents[1]
FIX = "run scripts/compile_data.py"


def _script() -> ModuleType:
    return load_script("compile_data")


SCRIPT = _script()
TARGETS = sorted(SCRIPT.TARGETS)


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """What the loader tells, on a clean record of this process's fallbacks."""
    said: list[dict[str, Any]] = []
    monkeypatch.setattr(prebuilt, "_fallbacks", {})
    monkeypatch.setattr(prebuilt, "_told", set())
    monkeypatch.setattr(prebuilt, "_warn", lambda event, **fields: said.append(fields))
    return said


@pytest.fixture(scope="module")
def built_rules() -> Rules:
    return rules_from_file()


# --- what is shipped -------------------------------------------------------------------


@pytest.mark.parametrize("path", TARGETS, ids=os.path.basename)
def test_each_prebuilt_file_is_current(path: str) -> None:
    sources, _ = SCRIPT.TARGETS[path]
    assert prebuilt.current(path, sources), f"{os.path.basename(path)} is stale: {FIX}"


@pytest.mark.parametrize("path", TARGETS, ids=os.path.basename)
def test_each_prebuilt_file_holds_what_building_its_data_file_gives(
    path: str, told: list[dict[str, Any]]
) -> None:
    sources, build = SCRIPT.TARGETS[path]
    loaded = prebuilt.load(path, sources, object)
    assert loaded is not None, f"{told}: {FIX}"
    assert loaded == build(), FIX
    assert told == []


def test_the_script_checks_and_writes_only_what_is_stale(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert SCRIPT.main(["--check"]) == 0, FIX
    # and the code the webhook's start compiles (shared/start_code.py), and the manifest
    assert capsys.readouterr().out.count("up to date") == len(TARGETS) + 2


def _copied_sources(tmp_path: Path) -> list[str]:
    """The rules' sources copied into `tmp_path`, in their order."""
    copies = []
    for source in rules_sources():
        copies.append(str(tmp_path / os.path.basename(source)))
        shutil.copyfile(source, copies[-1])
    return copies


def test_a_change_to_the_data_file_or_the_code_that_builds_makes_it_stale(tmp_path: Path) -> None:
    copies = _copied_sources(tmp_path)
    target = tmp_path / "classify.pickle"
    target.write_bytes(prebuilt.dumps({"any": "object"}, copies))
    assert prebuilt.current(str(target), copies)
    for copy in copies:  # the rule file, then each module that defines or builds the rules
        original = Path(copy).read_bytes()
        Path(copy).write_bytes(original + b"\n")
        assert not prebuilt.current(str(target), copies), copy
        Path(copy).write_bytes(original)


def test_a_change_that_keeps_every_size_is_caught_before_a_deploy(tmp_path: Path) -> None:
    # At start only sizes are compared (no 5 MB hash at every cold start); the digest,
    # which `current` (the script's --check, the tests) compares, still tells.
    copies = _copied_sources(tmp_path)
    target = tmp_path / "classify.pickle"
    target.write_bytes(prebuilt.dumps({"any": "object"}, copies))
    rule_file = Path(copies[0])
    rule_file.write_bytes(rule_file.read_bytes().replace(b"phrases:", b"phrasez:", 1))
    assert prebuilt.load(str(target), copies, dict) == {"any": "object"}
    assert not prebuilt.current(str(target), copies)


def test_the_manifest_records_every_prebuilt_file_and_each_of_its_sources() -> None:
    recorded = json.loads(SCRIPT.MANIFEST.read_text(encoding="utf-8"))["sha256"]
    sources = {prebuilt.__file__}
    for path, (made_from, _) in SCRIPT.TARGETS.items():
        sources.update((path, *made_from))
    assert set(recorded) == {Path(p).resolve().relative_to(ROOT).as_posix() for p in sources}
    assert SCRIPT.manifest_current(), FIX


def _terraform_stale(tmp_path: Path, source_dir: Path) -> list[str]:
    """infra/functions/prebuilt applied alone (it has no provider) on `source_dir`."""
    terraform = shutil.which("terraform")
    if terraform is None:
        pytest.fail("terraform is not on PATH: install Terraform >= 1.5 to run this test")
    work = tmp_path / "prebuilt-module"
    shutil.copytree(tc.INFRA / "functions" / "prebuilt", work)
    env = {**os.environ, "TF_IN_AUTOMATION": "1", "TF_INPUT": "0"}

    def run(*args: str) -> str:
        done = subprocess.run(
            [terraform, *args], cwd=work, env=env, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    run("init", "-no-color", "-backend=false")
    run("apply", "-auto-approve", "-no-color", f"-var=source_dir={source_dir}")
    return json.loads(run("output", "-json"))["stale"]["value"]


def test_terraform_refuses_to_package_a_stale_prebuilt_file(tmp_path: Path) -> None:
    assert _terraform_stale(tmp_path / "shipped", ROOT) == []
    # A copy of what the manifest covers, with the rule file edited after the build
    # (same size: what the functions' start would not see).
    copy = tmp_path / "checkout"
    recorded = json.loads(SCRIPT.MANIFEST.read_text(encoding="utf-8"))["sha256"]
    for rel in (*recorded, "shared/data/prebuilt.json"):
        (copy / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / rel, copy / rel)
    rule_file = copy / "shared/data/classify.yaml"
    rule_file.write_bytes(rule_file.read_bytes().replace(b"phrases:", b"phrasez:", 1))
    (copy / "shared/data/text_model.pickle").unlink()
    stale = _terraform_stale(tmp_path / "edited", copy)
    assert stale == ["shared/data/classify.yaml", "shared/data/text_model.pickle"]
    # infra/functions builds the archive only when that list is empty.
    functions = tc.load(tc.module_dir("functions"))
    (archive,) = (
        body
        for block in functions.get("data", [])
        for kind, named in block.items()
        if tc.unquote(kind) == "archive_file"
        for body in named.values()
    )
    (check,) = archive["lifecycle"][0]["precondition"]
    assert "length(module.prebuilt.stale) == 0" in check["condition"]
    (call,) = (
        body
        for block in functions["module"]
        for name, body in block.items()
        if tc.unquote(name) == "prebuilt"
    )
    assert tc.unquote(call["source"]) == "./prebuilt" and "var.source_dir" in call["source_dir"]


# --- loading ---------------------------------------------------------------------------


def test_a_current_prebuilt_file_is_what_is_loaded(
    tmp_path: Path, told: list[dict[str, Any]]
) -> None:
    # Rules that are not the rule file's, recorded as built from it: the digest alone decides.
    other = build_rules({"categories": [{"category": "drugs", "phrases": ["ma túy"]}]})
    target = tmp_path / "classify.pickle"
    target.write_bytes(prebuilt.dumps(other, rules_sources()))
    assert load_rules(RULES_PATH, str(target)) == other
    assert told == []


def _stale(tmp_path: Path) -> bytes:
    """Other rules, recorded as built from a rule file that differs from the shipped one."""
    changed = tmp_path / "classify.yaml"
    changed.write_bytes(Path(RULES_PATH).read_bytes() + b"\n# changed\n")
    beside = Path(RULES_PATH).with_name("conversation.yaml")  # read with the rules
    (tmp_path / beside.name).write_bytes(beside.read_bytes())
    other = build_rules({"categories": [{"category": "drugs", "phrases": ["ma túy"]}]})
    return prebuilt.dumps(other, rules_sources(str(changed)))


def _current_header() -> bytes:
    """A prebuilt file's header (MAGIC, digest, newline) for the shipped rule file."""
    blob = prebuilt.dumps(None, rules_sources())
    return blob[: blob.index(b"\n", len(prebuilt.MAGIC)) + 1]


BROKEN = {
    "stale": (_stale, "stale"),
    "corrupt": (lambda _: _current_header() + b"\x80\x05not a pickle", "unreadable"),
    "truncated": (lambda _: Path(PREBUILT_RULES_PATH).read_bytes()[:-1000], "unreadable"),
    "another object": (lambda _: prebuilt.dumps({"rules": 1}, rules_sources()), "holds a dict"),
    "not prebuilt": (lambda _: b"garbage", "not a prebuilt file"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_stale_or_unreadable_file_is_not_used_the_rules_are_built(
    case: str, tmp_path: Path, told: list[dict[str, Any]], built_rules: Rules
) -> None:
    make, reason = BROKEN[case]
    target = tmp_path / "classify.pickle"
    target.write_bytes(make(tmp_path))
    assert load_rules(RULES_PATH, str(target)) == built_rules
    assert len(told) == 1 and told[0]["file"] == "classify.pickle", told
    assert told[0]["reason"].startswith(reason) and told[0]["built_instead"] is True


def test_a_missing_file_is_built_and_told_once(tmp_path: Path, told: list[dict[str, Any]]) -> None:
    missing = str(tmp_path / "text_model.pickle")
    assert load_model(MODEL_PATH, missing) == model_from_file()
    assert prebuilt.load(missing, model_sources(), TextModel) is None  # again: told once
    assert [t["error"] for t in told] == ["FileNotFoundError"]


def test_a_stale_model_is_not_used(tmp_path: Path, told: list[dict[str, Any]]) -> None:
    changed = tmp_path / "text_model.json"
    changed.write_bytes(Path(MODEL_PATH).read_bytes().replace(b'"min_words":', b'"min_words" :'))
    target = tmp_path / "text_model.pickle"
    target.write_bytes(prebuilt.dumps(load_model(), model_sources(str(changed))))
    assert load_model(MODEL_PATH, str(target)) == model_from_file()
    assert [t["reason"][:5] for t in told] == ["stale"]


def test_the_functions_say_a_fallback_in_the_structured_log(tmp_path: Path) -> None:
    target = tmp_path / "classify.pickle"
    target.write_bytes(_stale(tmp_path))
    code = (
        "import sys, shared.bootstrap; from shared.core import prebuilt, classify; "
        "classify.load_rules(classify.RULES_PATH, sys.argv[1]); "
        "classify.load_rules(classify.RULES_PATH, sys.argv[1])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert [(x["severity"], x["event"], x["file"]) for x in lines] == [
        ("WARNING", "prebuilt.not_used", "classify.pickle")
    ]


def test_a_model_pickled_on_a_machine_of_the_other_byte_order_has_the_same_weights() -> None:
    # The weights are pickled as their bytes and read as a view of them (no copy); a
    # pickle from a machine of the other byte order is read into an array, swapped.
    model = load_model()
    rebuild, (state, pieces) = model.__reduce__()
    packed, byteorder = state["weights"]
    swapped = array("f", packed)
    swapped.byteswap()
    other = "big" if byteorder == "little" else "little"
    read = rebuild({**state, "weights": (swapped.tobytes(), other)}, pieces)
    assert isinstance(read.weights, array) and not isinstance(model.weights, array)
    assert read == model_from_file()


@dataclass(frozen=True)
class _Derived(_Rebuilt):
    name: str
    # made from the others, as a rule's index of its groups is: never an argument
    upper: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "upper", self.name.upper())


def test_a_rule_pickled_as_its_arguments_leaves_out_the_fields_it_makes_itself(
    built_rules: Rules,
) -> None:
    # A prebuilt rule is unpickled through `__init__` (the fast attribute reads); a field
    # `__init__` does not take is made again there, never passed to it.
    rule = _Derived("cháy")
    assert pickle.loads(pickle.dumps(rule)) == rule
    assert pickle.loads(pickle.dumps(built_rules)) == built_rules
