"""Alerts that can fire: every monitoring filter, evaluated by Terraform, names real labels.

The filters are evaluated with the real Terraform (no provider needed) from the
module's own locals, with the Cloud Run services given as
google_cloudfunctions2_function reports them: the full resource name
`projects/P/locations/R/services/NAME`. Cloud Run's `service_name` label holds
NAME alone, so a filter that compared it with the full name would match nothing
and its alert would never fire.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

try:
    from . import terraform_contract as tc
except ImportError:
    import terraform_contract as tc

PROJECT = "tinbao-prod"
REGION = "asia-southeast1"
SHORT = {fn: f"tinbao-{fn}" for fn in tc.FUNCTIONS}
FULL = {fn: f"projects/{PROJECT}/locations/{REGION}/services/{name}" for fn, name in SHORT.items()}
DEAD_LETTER_SUBSCRIPTION = "tinbao-events-dead-letter-sweep"

# Labels of the monitored resources and metrics the filters use, from Google's lists
# (cloud.google.com/monitoring/api/resources: cloud_run_revision, pubsub_subscription;
# cloud.google.com/monitoring/api/metrics_gcp: run.googleapis.com/request_count).
RESOURCE_LABELS = {
    "cloud_run_revision": {
        "project_id",
        "service_name",
        "revision_name",
        "location",
        "configuration_name",
    },
    "pubsub_subscription": {"project_id", "subscription_id"},
}
METRIC_LABELS = {
    "run.googleapis.com/request_count": {"response_code", "response_code_class", "route_type"},
    "pubsub.googleapis.com/subscription/num_undelivered_messages": set(),
}
RESPONSE_CODE_CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"}
CLAUSE = re.compile(r'([\w.]+)\s*=\s*"([^"]*)"')


def _policies() -> dict[str, dict[str, Any]]:
    return tc.instances("monitoring", "google_monitoring_alert_policy")


def _filters() -> dict[str, str]:
    """name -> HCL text of every filter in the monitoring module."""
    found: dict[str, str] = {}
    for name, body in _policies().items():
        for i, cond in enumerate(body["conditions"]):
            for kind in ("condition_threshold", "condition_matched_log"):
                for block in cond.get(kind, []):
                    for key in ("filter", "denominator_filter"):
                        if key in block:
                            found[f"{name}_{i}_{key}"] = tc.source(block[key])
    for name, body in tc.instances("monitoring", "google_logging_metric").items():
        found[f"metric_{name}"] = tc.source(body["filter"])
    return found


def _evaluate(tmp_path: Path, run_services: dict[str, str]) -> dict[str, Any]:
    local_values = {
        k: tc.source(v)
        for k, v in tc.locals_of("monitoring").items()
        if "google_" not in tc.source(v)  # resources cannot be evaluated without a provider
    }
    variables = {"run_services": run_services, "dead_letter_subscription": DEAD_LETTER_SUBSCRIPTION}
    for name, body in tc.blocks("monitoring", "variable").items():
        if name not in variables and "default" in body:
            default = body["default"]  # a string default comes as its HCL source, quoted
            variables[name] = tc.unquote(default) if isinstance(default, str) else default
    return tc.evaluate(tmp_path, _filters(), variables, local_values)


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _evaluate(tmp_path_factory.mktemp("monitoring"), FULL)


def test_every_alert_and_metric_has_a_filter_to_check() -> None:
    filters = _filters()
    for name in (
        "dead_letters",
        "webhook_5xx",
        "webhook_4xx",
        "escalator_failures",
        "tips_overdue",
        "zalo_account",
    ):
        assert any(key.startswith(f"{name}_") for key in filters), f"no filter found for {name}"
    assert "metric_tips_overdue" in filters


def test_filters_name_the_services_by_their_short_name(evaluated: dict[str, str]) -> None:
    for name, text in evaluated.items():
        assert "projects/" not in text, f"{name} compares a label with a resource path: {text}"
        for key, value in CLAUSE.findall(text):
            if key == "resource.labels.service_name":
                assert value in SHORT.values(), f"{name}: no Cloud Run service is named {value!r}"


def test_filters_use_only_labels_their_resource_and_metric_have(evaluated: dict[str, str]) -> None:
    for name, text in evaluated.items():
        clauses = CLAUSE.findall(text)
        kinds = {v for k, v in clauses if k == "resource.type"}
        assert len(kinds) == 1, f"{name}: one resource.type expected, got {kinds}"
        (kind,) = kinds
        assert kind in RESOURCE_LABELS, f"{name}: unknown resource type {kind}"
        metrics = {v for k, v in clauses if k == "metric.type"}
        for metric in metrics:
            assert metric in METRIC_LABELS, f"{name}: unknown metric {metric}"
        for key, value in clauses:
            if key.startswith("resource.labels."):
                label = key.removeprefix("resource.labels.")
                assert label in RESOURCE_LABELS[kind], f"{name}: {kind} has no label {label}"
            elif key.startswith("metric.labels."):
                label = key.removeprefix("metric.labels.")
                assert any(label in METRIC_LABELS[m] for m in metrics), f"{name}: {label}"
                if label == "response_code_class":
                    assert value in RESPONSE_CODE_CLASSES, f"{name}: {value}"
            elif key == "resource.labels.subscription_id":
                assert value == DEAD_LETTER_SUBSCRIPTION


def test_each_alert_watches_its_own_service(evaluated: dict[str, str]) -> None:
    def services(prefix: str) -> set[str]:
        return {
            v
            for name, text in evaluated.items()
            if name.startswith(prefix)
            for k, v in CLAUSE.findall(text)
            if k == "resource.labels.service_name"
        }

    assert services("webhook_5xx_") == {SHORT["webhook"]}
    assert services("webhook_4xx_") == {SHORT["webhook"]}
    assert services("escalator_failures_") == {SHORT["escalator"]}
    # Paging, which logs tip.overdue, runs in the router and the escalator.
    assert services("tips_overdue_") == {SHORT["router"], SHORT["escalator"]}
    assert services("metric_tips_overdue") == {SHORT["router"], SHORT["escalator"]}
    assert 'jsonPayload.event = "tip.overdue"' in evaluated["metric_tips_overdue"]
    # The Zalo client, which logs quota and appsecret_proof refusals, runs in both too.
    assert services("zalo_account_") == {SHORT["router"], SHORT["escalator"]}


def test_the_zalo_account_alert_matches_the_client_log_lines(evaluated: dict[str, str]) -> None:
    text = evaluated["zalo_account_0_filter"]
    client = (tc.ROOT / "shared" / "zalo" / "client.py").read_text(encoding="utf-8")
    for event in ("zalo.quota_exhausted", "zalo.appsecret_proof_required"):
        assert f'jsonPayload.event = "{event}"' in text
        assert re.search(rf'log\.error\(\s*"{re.escape(event)}",\s*error_code=', client), event


def test_a_bare_service_name_gives_the_same_filters(
    evaluated: dict[str, str], tmp_path: Path
) -> None:
    assert _evaluate(tmp_path, SHORT) == evaluated


def test_the_webhook_4xx_alert_needs_a_high_share_and_a_real_volume(
    evaluated: dict[str, str],
) -> None:
    policy = _policies()["webhook_4xx"]
    assert tc.unquote(policy["combiner"]) == "AND"
    ratio, volume = (tc.block(c, "condition_threshold") for c in policy["conditions"])
    assert 'response_code_class = "4xx"' in evaluated["webhook_4xx_0_filter"]
    assert 'response_code_class = "4xx"' in evaluated["webhook_4xx_1_filter"]
    assert "response_code_class" not in evaluated["webhook_4xx_0_denominator_filter"]
    assert tc.expr(ratio["threshold_value"]) == "var.webhook_4xx_ratio"
    assert tc.expr(volume["threshold_value"]) == "var.webhook_4xx_min_count"
    assert "denominator_filter" not in volume
    variables = tc.blocks("monitoring", "variable")
    assert 0 < variables["webhook_4xx_ratio"]["default"] < 1
    assert variables["webhook_4xx_min_count"]["default"] >= 1


def test_the_log_line_alerts_do_not_wait_for_their_metrics(evaluated: dict[str, str]) -> None:
    """A threshold on a log-based metric created in the same apply fails with 404 "Cannot
    find metric(s)"; a log-match condition on the metric's own line needs no metric."""
    for name in ("tips_overdue", "outage_holds", "quarantined"):
        assert evaluated[f"{name}_0_filter"].startswith(evaluated[f"metric_{name}"]), name
    assert evaluated["outage_holds_0_filter"].endswith(" AND jsonPayload.held_minutes >= 5")
    assert evaluated["tips_overdue_0_filter"] == evaluated["metric_tips_overdue"]
    alerts = tc.locals_of("monitoring")["log_alerts"]
    for name, policy in _policies().items():
        assert "google_logging_metric" not in str(policy), name
        if name not in alerts:
            continue
        assert tc.block(policy["conditions"][0], "condition_matched_log")
        strategy = tc.block(policy, "alert_strategy")
        assert tc.block(strategy, "notification_rate_limit")["period"] == '"300s"'
    extracted = {name: tc.keys(alert["labels"]) for name, alert in alerts.items()}
    assert extracted["tips_overdue"] == {"tip_id", "unit_id"}, "the tip's code and unit only"
    assert not {"user_id", "zalo_user_id", "sender", "text"} & set().union(*extracted.values())


def test_each_log_line_alert_names_an_event_its_services_write(evaluated: dict[str, str]) -> None:
    """Every event a log-line filter matches is logged by code that runs in each service
    the filter names (shared/services/*, shared/zalo/client.py): a renamed event or a
    moved log line fails here instead of leaving an alert that can never fire."""
    writers = {
        "tip.overdue": "shared/services/paging.py",
        "escalator.outage_hold": "shared/services/escalator.py",
        "intake.quarantined": "shared/services/intake.py",
        "zalo.quota_exhausted": "shared/zalo/client.py",
        "zalo.appsecret_proof_required": "shared/zalo/client.py",
    }
    matched = {
        value
        for name, text in evaluated.items()
        for key, value in CLAUSE.findall(text)
        if key == "jsonPayload.event"
    }
    assert matched == set(writers)
    for event, path in writers.items():
        assert f'"{event}"' in (tc.ROOT / path).read_text(encoding="utf-8"), event
