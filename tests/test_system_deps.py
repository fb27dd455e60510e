"""A fresh machine sets itself up: scripts/system-deps.sh, run by `make test` and `make run`.

The script runs here on a PATH that holds only stand-ins: an `apt-get` that
records what it was asked and "installs" a package by putting its command on
that PATH, an `id` that says who we are, and the tools present or not as each
story needs. Nothing is installed or removed on this machine.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "system-deps.sh"
BASH = shutil.which("bash") or "/bin/bash"
# What each Debian package puts on PATH.
INSTALLS = {
    "openjdk-17-jre-headless": "java",
    "default-jre-headless": "java",
    "chromium": "chromium",
    "chromium-driver": "chromedriver",
    "python3-venv": None,
}
EVERYTHING = ("java", "chromium", "chromedriver", "gcloud", "terraform")


def _tool(path: Path, body: str = "exit 0") -> None:
    path.write_text(f"#!{BASH}\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


@dataclass
class Machine:
    bin: Path
    log: Path
    cwd: Path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {"PATH": str(self.bin), "HOME": str(self.cwd), "PYTHON": sys.executable}
        return subprocess.run(
            [BASH, str(SCRIPT), *args],
            cwd=self.cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )

    def apt_calls(self) -> list[str]:
        return self.log.read_text().splitlines() if self.log.exists() else []


def machine(
    tmp_path: Path,
    present: tuple[str, ...] = EVERYTHING,
    *,
    root: bool = True,
    apt: bool = True,
    apt_fails: bool = False,
    jdk17: bool = True,
) -> Machine:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "apt.log"
    for name in present:
        _tool(bin_dir / name)
    _tool(bin_dir / "id", f'[ "$1" = -u ] && echo {0 if root else 1000}')
    if apt:
        installs = " ".join(f"[{p}]={c or ''}" for p, c in INSTALLS.items())
        _tool(
            bin_dir / "apt-get",
            f"""echo "$*" >> {log}
declare -A installs=({installs})
if [ "$1" = install ]; then
  {"exit 100" if apt_fails else ""}
  for p in "$@"; do
    c="${{installs[$p]:-}}"
    if [ -n "$c" ]; then printf '#!{BASH}\\nexit 0\\n' > {bin_dir}/$c; chmod +x {bin_dir}/$c; fi
  done
fi
exit 0""",
        )
        _tool(
            bin_dir / "apt-cache",
            f'[ "$1 $2" = "show openjdk-17-jre-headless" ] && exit {0 if jdk17 else 100}; exit 0',
        )
    cwd = tmp_path / "repo"
    cwd.mkdir()
    return Machine(bin_dir, log, cwd)


def test_nothing_missing_is_silent(tmp_path: Path) -> None:
    m = machine(tmp_path)
    for target in ("test", "run"):
        done = m.run(target)
        assert (done.returncode, done.stderr, m.apt_calls()) == (0, "", [])


def test_root_on_debian_installs_java_chromium_and_its_driver(tmp_path: Path) -> None:
    m = machine(tmp_path, present=("gcloud", "terraform"))
    done = m.run("test")
    assert done.returncode == 0, done.stderr
    assert m.apt_calls() == [
        "update -qq",
        "install -y -qq openjdk-17-jre-headless chromium chromium-driver",
    ]
    assert "chromium" in done.stderr
    # And the next run finds them.
    again = m.run("test")
    assert (again.returncode, again.stderr) == (0, "")


def test_make_run_needs_java_but_no_browser(tmp_path: Path) -> None:
    m = machine(tmp_path, present=("gcloud",))
    done = m.run("run")
    assert done.returncode == 0, done.stderr
    assert m.apt_calls() == ["update -qq", "install -y -qq openjdk-17-jre-headless"]


def test_a_debian_without_jdk_17_gets_its_default_jre(tmp_path: Path) -> None:
    m = machine(tmp_path, present=("gcloud", "chromium", "chromedriver", "terraform"), jdk17=False)
    done = m.run("test")
    assert done.returncode == 0, done.stderr
    assert m.apt_calls()[-1] == "install -y -qq default-jre-headless"


def test_not_root_names_the_packages_and_installs_nothing(tmp_path: Path) -> None:
    m = machine(tmp_path, present=("java", "gcloud", "terraform"), root=False)
    done = m.run("test")
    assert done.returncode == 1
    assert "sudo apt-get install -y chromium chromium-driver" in done.stderr
    assert m.apt_calls() == []


def test_without_apt_get_it_names_what_to_install(tmp_path: Path) -> None:
    m = machine(tmp_path, present=("gcloud", "terraform"), apt=False)
    done = m.run("test")
    assert done.returncode == 1
    assert "apt-get is not here" in done.stderr
    assert "default-jre-headless chromium chromium-driver" in done.stderr


def test_what_debian_does_not_carry_is_named_with_where_to_get_it(tmp_path: Path) -> None:
    m = machine(tmp_path, present=("java", "chromium", "chromedriver"))
    done = m.run("test")
    assert done.returncode == 1
    assert "gcloud: the Google Cloud CLI" in done.stderr
    assert "google-cloud-cli-firestore-emulator" in done.stderr
    assert "terraform: Terraform >= 1.5 is not in Debian" in done.stderr
    assert m.apt_calls() == []
    # make run needs no Terraform.
    assert "terraform" not in m.run("run").stderr


def test_it_still_installs_what_it_can_when_something_else_is_absent(tmp_path: Path) -> None:
    m = machine(tmp_path, present=("java", "terraform"))
    done = m.run("test")
    assert done.returncode == 1, "gcloud is still missing"
    assert m.apt_calls()[-1] == "install -y -qq chromium chromium-driver"
    assert "gcloud" in done.stderr


def test_a_failed_install_fails_with_its_reason(tmp_path: Path) -> None:
    m = machine(tmp_path, present=("gcloud", "terraform"), apt_fails=True)
    done = m.run("test")
    assert done.returncode == 1
    assert "apt-get could not install openjdk-17-jre-headless chromium chromium-driver" in (
        done.stderr
    )


def test_dry_run_says_what_it_would_do_and_does_nothing(tmp_path: Path) -> None:
    m = machine(tmp_path, present=("gcloud", "terraform"))
    done = m.run("--dry-run", "test")
    assert done.returncode == 0
    assert (
        "would run: apt-get update && apt-get install -y openjdk-17-jre-headless chromium "
        "chromium-driver" in done.stderr
    )
    assert m.apt_calls() == []
    assert not (m.bin / "chromium").exists()


def test_python_without_venv_support_gets_python3_venv(tmp_path: Path) -> None:
    m = machine(tmp_path)
    _tool(m.bin / "python3", '[ "$2" = "import ensurepip" ] && exit 1; exit 0')
    env_python = m.bin / "python3"
    done = subprocess.run(
        [BASH, str(SCRIPT), "--dry-run", "run"],
        cwd=m.cwd,
        env={"PATH": str(m.bin), "HOME": str(m.cwd), "PYTHON": str(env_python)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "python3-venv" in done.stderr, done.stderr


def test_a_wrong_call_is_a_usage_error(tmp_path: Path) -> None:
    m = machine(tmp_path)
    assert m.run().returncode == 2
    assert m.run("deploy").returncode == 2


@pytest.mark.parametrize("target", ["test", "run", "demo"])
def test_make_checks_the_machine_before_anything_else(target: str) -> None:
    # Under `make test` this runs inside make: drop what the outer make passes down.
    env = {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
    shown = subprocess.run(
        ["make", "--no-print-directory", "-n", target],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert shown.returncode == 0, shown.stderr
    first = shown.stdout.strip().splitlines()[0]
    expected = "test" if target == "test" else "run"
    assert first.endswith(f"scripts/system-deps.sh {expected}"), shown.stdout


def test_this_machine_has_what_make_test_needs() -> None:
    done = subprocess.run(
        [BASH, str(SCRIPT), "--dry-run", "test"], cwd=ROOT, capture_output=True, text=True
    )
    assert (done.returncode, done.stderr) == (0, "")


def test_a_machine_without_python_gets_it_with_venv(tmp_path: Path) -> None:
    m = machine(tmp_path)
    done = subprocess.run(
        [BASH, str(SCRIPT), "--dry-run", "run"],
        cwd=m.cwd,
        env={"PATH": str(m.bin), "HOME": str(m.cwd)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "apt-get install -y python3 python3-venv" in done.stderr, done.stderr
