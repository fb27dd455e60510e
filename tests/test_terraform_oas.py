"""The line at 169 OAs: the desk's and one per ward of the whole city.

infra/oas has no provider, so real Terraform plans it here (init and apply
need no network: it only computes); its output is fed to the functions'
settings as Terraform would set them, with every OA's key in one secret, and
the webhook's signature check is run for OAs among the 169.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from shared.core.jurisdiction import load_profile
from shared.settings import ConfigError, Settings
from shared.zalo import inbound, signature

# The events below carry 1732760000000 (2024-11-28): judged a minute after it was sent.
NOW = datetime(2024, 11, 28, 2, 14, tzinfo=UTC)
MAX_AGE = timedelta(hours=24)

try:
    from . import terraform_contract as tc
except ImportError:
    import terraform_contract as tc

APP_ID = "1234567890123456789"
ENV_LIMIT = 32 * 1024  # Cloud Run functions: all runtime variables' names and values


def terraform() -> str:
    found = shutil.which("terraform")
    if found is None:
        pytest.fail("terraform is not on PATH: install Terraform >= 1.5 to run this test")
    return found


def city_oas() -> list[dict[str, str]]:
    """The desk's OA and one OA per ward of the whole city, with made-up numeric ids."""
    profile = load_profile("hcm")
    units = ["hcm-desk", *sorted(w.id for w in profile.wards())]
    return [{"oa_id": str(4_000_000_000_000_000_000 + n), "unit": u} for n, u in enumerate(units)]


def plan(tmp_path: Path, oas: list[dict[str, str]], profile: str = "hcm") -> tuple[int, Any, str]:
    """Apply infra/oas alone in a scratch folder; (exit status, outputs, stderr)."""
    work = tmp_path / "oas"
    shutil.copytree(tc.INFRA / "oas", work)
    variables = {"oas": oas, "profile": profile, "data_dir": str(tc.ROOT / "shared" / "data")}
    (work / "test.tfvars.json").write_text(json.dumps(variables), encoding="utf-8")
    env = {**os.environ, "TF_IN_AUTOMATION": "1", "TF_INPUT": "0"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [terraform(), *args],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    init = run("init", "-no-color", "-backend=false")
    assert init.returncode == 0, init.stderr
    applied = run("apply", "-auto-approve", "-no-color", "-var-file=test.tfvars.json")
    if applied.returncode != 0:
        return applied.returncode, None, applied.stderr
    outputs = run("output", "-json")
    assert outputs.returncode == 0, outputs.stderr
    return 0, {k: v["value"] for k, v in json.loads(outputs.stdout).items()}, ""


def test_169_oas_make_one_setting_and_one_key_secret(tmp_path: Path) -> None:
    oas = city_oas()
    assert len(oas) == 169
    status, out, error = plan(tmp_path, oas)
    assert status == 0, error
    assert out["oa_count"] == 169 and out["wards_without_oa"] == []
    assert (out["single_oa_id"], out["single_oa_unit"]) == ("", "")
    assert json.loads(out["tinbao_oas"]) == oas

    # The environment each function gets (infra/functions: env, secret_env), at 169 OAs.
    keys = {oa["oa_id"]: f"k{random.Random(n).getrandbits(128):032x}" for n, oa in enumerate(oas)}
    plain = {
        "GOOGLE_CLOUD_PROJECT": "tinbao-prod",
        "TINBAO_PROFILE": "hcm",
        "ZALO_APP_ID": APP_ID,
        "ZALO_OA_ID": out["single_oa_id"],
        "ZALO_OA_UNIT": out["single_oa_unit"],
        "TINBAO_OAS": out["tinbao_oas"],
    }
    pseudonym_key = f"{random.Random(-1).getrandbits(256):064x}"
    secret = {
        "ZALO_OA_SECRET_KEYS": json.dumps(keys),
        "TINBAO_PSEUDONYM_KEY": pseudonym_key,
        "TINBAO_PSEUDONYM_KEY_PREVIOUS": pseudonym_key,
    }
    locals_ = tc.locals_of("functions")
    # One secret variable for every OA key, whatever their number (and the pseudonym key).
    assert tc.keys(locals_["secret_env"]["webhook"]) == set(secret)
    # Even counting the mounted secret, well inside the 32 KiB a function may have.
    total = sum(len(k) + len(v.encode()) for k, v in {**plain, **secret}.items())
    assert total < ENV_LIMIT, total
    assert len(out["tinbao_oas"]) < ENV_LIMIT / 2  # infra/oas refuses more

    settings = Settings(**{k.lower(): v for k, v in {**plain, **secret}.items()})
    served = settings.oas()
    assert len(served) == 169
    assert {oa.oa_id: oa.secret_key for oa in served} == keys
    assert settings.oa_units() == {oa["oa_id"]: oa["unit"] for oa in oas}
    profile = load_profile("hcm").with_oa_ids({oa["unit"]: [oa["oa_id"]] for oa in oas})
    assert profile.unit_for_oa(oas[137]["oa_id"]).id == oas[137]["unit"]


def test_a_message_to_any_of_169_oas_is_verified_with_that_oas_key() -> None:
    oas = city_oas()
    keys = {oa["oa_id"]: f"key-{n}" for n, oa in enumerate(oas)}
    settings = Settings(
        zalo_app_id=APP_ID,
        tinbao_oas=json.dumps(oas),
        zalo_oa_secret_keys=json.dumps(keys),
    )
    served = settings.oas()
    for pick in (0, 1, 84, 168):
        oa_id = oas[pick]["oa_id"]
        body = {
            "app_id": APP_ID,
            "event_name": "user_send_text",
            "timestamp": "1732760000000",
            "sender": {"id": "9876543210"},
            "recipient": {"id": oa_id},
            "message": {"msg_id": f"m{pick}", "text": "có trộm ở phường 14 quận Tân Bình"},
            "user_id_by_app": "1111",
        }
        raw = json.dumps(body).encode()
        good = signature.header_for(APP_ID, raw, body["timestamp"], keys[oa_id])
        verdict = inbound.judge("POST", {"X-ZEvent-Signature": good}, raw, served, NOW, MAX_AGE)
        assert isinstance(verdict, inbound.Accepted), verdict
        assert (verdict.oa.oa_id, verdict.oa.unit) == (oa_id, oas[pick]["unit"])
        other = signature.header_for(APP_ID, raw, body["timestamp"], keys[oas[pick - 1]["oa_id"]])
        refused = inbound.judge("POST", {"X-ZEvent-Signature": other}, raw, served, NOW, MAX_AGE)
        assert isinstance(refused, inbound.Rejection) and refused.status == 401


def test_an_oa_without_its_key_is_named_and_no_key_is_shown() -> None:
    oas = city_oas()[:3]
    keys = {oas[0]["oa_id"]: "secret-one", oas[1]["oa_id"]: "secret-two"}
    settings = Settings(
        zalo_app_id=APP_ID, tinbao_oas=json.dumps(oas), zalo_oa_secret_keys=json.dumps(keys)
    )
    with pytest.raises(ConfigError) as raised:
        settings.oas()
    assert oas[2]["oa_id"] in str(raised.value) and "secret-" not in str(raised.value)
    broken = Settings(zalo_app_id=APP_ID, tinbao_oas=json.dumps(oas), zalo_oa_secret_keys="{oops")
    with pytest.raises(ConfigError, match="ZALO_OA_SECRET_KEYS") as raised:
        broken.oas()
    assert "oops" not in str(raised.value)


def test_terraform_refuses_an_oa_of_a_unit_the_profile_does_not_have(tmp_path: Path) -> None:
    oas = [*city_oas()[:3], {"oa_id": "77", "unit": "ward-99999"}]
    status, _, error = plan(tmp_path, oas)
    assert status != 0 and "ward-99999" in error


def test_terraform_refuses_an_oa_id_given_twice(tmp_path: Path) -> None:
    oas = city_oas()[:2]
    status, _, error = plan(tmp_path, [*oas, {"oa_id": oas[0]["oa_id"], "unit": "hcm-desk"}])
    assert status != 0 and "must appear once" in error


def test_a_single_oa_line_on_the_tan_phu_profile(tmp_path: Path) -> None:
    status, out, error = plan(tmp_path, [{"oa_id": "42", "unit": "hcm-desk"}], profile="2025")
    assert status == 0, error
    assert (out["single_oa_id"], out["single_oa_unit"]) == ("42", "hcm-desk")
    assert len(out["wards_without_oa"]) == 5
