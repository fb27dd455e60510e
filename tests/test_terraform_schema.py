"""The Terraform against the real providers' schemas, offline, on every `make test`.

infra/provider-schemas.json is extracted from the prebuilt CDK for Terraform
bindings on PyPI (scripts/provider_schemas.py): the google provider's lowest
release inside versions.tf's constraint that has bindings, its last 6.x and its
last 7.x with bindings, and the archive provider's lowest and highest. The HCL
is checked against each; the digest is regenerated from the pinned wheels
(downloaded once into .tools/, extractions cached there) and must match.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from scripts import provider_schemas

try:
    from . import terraform_contract as tc
    from . import terraform_schema as ts
except ImportError:
    import terraform_contract as tc
    import terraform_schema as ts


def test_the_hcl_matches_every_pinned_provider_release() -> None:
    problems = ts.check()
    assert not problems, "\n".join(str(p) for p in problems)


@pytest.mark.timeout(900)  # a fresh clone downloads the pinned wheels (about 150 MB) first
def test_the_digest_is_what_the_pinned_wheels_say() -> None:
    fresh = provider_schemas.render(provider_schemas.schemas())
    committed = provider_schemas.DIGEST.read_text(encoding="utf-8")
    assert committed == fresh, (
        "infra/provider-schemas.json is stale: run scripts/provider_schemas.py"
    )


def test_the_pinned_releases_bracket_the_version_constraints() -> None:
    digest = ts.load_digest()
    declared = ts.constraints()
    assert set(declared) == set(digest["providers"]), "a provider without a pinned schema"
    for provider, found in declared.items():
        assert len(found) == 1, f"modules disagree on {provider}'s versions: {found}"
        (constraint,) = found
        releases = sorted(digest["providers"][provider], key=ts.version_tuple)
        for release in releases:
            assert ts.satisfies(release, constraint), f"{provider} {release} outside {constraint}"
        floor = next(c.split(">=")[1].strip() for c in constraint.split(",") if ">=" in c)
        assert ts.version_tuple(releases[0]) == ts.version_tuple(floor), (
            f"{provider}: {constraint} admits {floor}, the lowest release checked is {releases[0]}"
        )
        ceiling = next(c.split("<")[1].strip() for c in constraint.split(",") if "<" in c)
        assert ts.version_tuple(releases[-1])[0] == ts.version_tuple(ceiling)[0] - 1, (
            f"{provider}: the last major version {constraint} admits is not checked"
        )
    pinned = {(p.provider, p.version) for p in provider_schemas.PINS}
    assert pinned == {(p, r) for p, rs in digest["providers"].items() for r in rs}


def test_version_constraints_read_like_terraform() -> None:
    assert ts.satisfies("6.1.0", ">= 6.1, < 8.0")
    assert not ts.satisfies("8.0.0", ">= 6.1, < 8.0")
    assert not ts.satisfies("6.0.9", ">= 6.1, < 8.0")
    assert ts.satisfies("2.7.1", "~> 2.5")
    assert not ts.satisfies("3.0.0", "~> 2.5")


# --- the checker can fail ------------------------------------------------------------------


def _functions_module(mutate: Any) -> ts.Module:
    real = next(m for m in ts.modules() if m.name == "functions")
    files = copy.deepcopy(real.files)
    mutate(files["infra/functions/main.tf"])
    return ts.Module("functions", files)


def _function_body(parsed: dict[str, Any]) -> dict[str, Any]:
    for item in parsed["resource"]:
        if '"google_cloudfunctions2_function"' in item:
            return item['"google_cloudfunctions2_function"']['"function"']
    raise AssertionError("no function resource")


def _problems(mutate: Any) -> list[str]:
    checker = ts.Checker(ts.load_digest())
    checker.module(_functions_module(mutate))
    return [str(p) for p in checker.problems]


def test_the_unmutated_module_passes() -> None:
    assert _problems(lambda parsed: None) == []


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            lambda p: tc.block(_function_body(p), "service_config").update(
                ingres_settings='"ALLOW_ALL"'
            ),
            "ingres_settings is not an argument or block of it",
        ),
        (
            lambda p: tc.block(_function_body(p), "service_config").update(
                vpc_connector_egress_settings='"EVERYTHING"'
            ),
            "vpc_connector_egress_settings = 'EVERYTHING' is not one of",
        ),
        (lambda p: _function_body(p).update(state='"ACTIVE"'), "state is read-only"),
        (
            lambda p: _function_body(p).update(labels=[{"app": '"x"', "__is_block__": True}]),
            "labels is an argument, written as a block",
        ),
        (lambda p: _function_body(p).pop("location"), "required argument location is missing"),
        (
            lambda p: _function_body(p).update(build_config=_function_body(p)["build_config"] * 2),
            "build_config takes one block, 2 given",
        ),
        (
            lambda p: _function_body(p).update(description="${google_service_account.build.emial}"),
            "reference to emial, which it does not have",
        ),
        (
            lambda p: _function_body(p).update(
                description="${google_cloudfunctions2_function.function.service_config.uri}"
            ),
            "service_config is a block: index it",
        ),
    ],
)
def test_the_checker_finds_what_terraform_validate_would(mutate: Any, expected: str) -> None:
    problems = _problems(mutate)
    assert any(expected in p for p in problems), problems


def test_a_provider_release_that_removed_an_argument_is_named() -> None:
    """google 7.0 made service_config.service output-only: setting it passes 6.x only."""

    def set_service(parsed: dict[str, Any]) -> None:
        tc.block(_function_body(parsed), "service_config")["service"] = '"tinbao-webhook"'

    problems = _problems(set_service)
    assert problems and all("[7." in p and "service is read-only" in p for p in problems), problems


def test_an_unknown_resource_type_is_named() -> None:
    def add(parsed: dict[str, Any]) -> None:
        parsed["resource"].append({'"google_cloudfunctions3_function"': {'"x"': {}}})

    problems = _problems(add)
    assert any("google_cloudfunctions3_function" in p and "regenerate" in p for p in problems)
