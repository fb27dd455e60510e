"""The README keeps its promises: the two commands first, every setting and command listed."""

from pathlib import Path

from shared.cli import SUBCOMMANDS, build_parser
from shared.settings import setting_names

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_run_and_test_commands() -> None:
    first_block = README.split("```")[1]
    assert "make run" in first_block and "make test" in first_block


def test_readme_lists_every_setting_the_code_reads() -> None:
    missing = [name for name in setting_names() if f"`{name}`" not in README]
    assert not missing, missing


def test_readme_lists_every_tinbao_subcommand() -> None:
    build_parser()  # every subcommand module imports
    missing = [name for name in SUBCOMMANDS if f"tinbao {name}" not in README]
    assert not missing, missing


def test_ci_runs_the_readme_test_command() -> None:
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text()
    assert "\nmake test\n" in ci
