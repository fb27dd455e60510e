"""The Terraform held against the code: fmt, contract tests, checkov.

The google provider cannot be downloaded on these machines, so nothing here runs
`terraform init/validate/plan`; the HCL is parsed with python-hcl2 and compared
with what the code reads (shared/settings.py), queries (shared/queries.py) and
names (infra/topology.yaml).
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from shared.settings import setting_names
from shared.store.collections import DUE, DUE_AT, EXPIRING, SCHEDULED
from shared.store.queries import INDEXES

try:
    from . import terraform_contract as tc
except ImportError:
    import terraform_contract as tc

ROOT = tc.ROOT


def _function_resource() -> dict:
    funcs = tc.resources("functions", "google_cloudfunctions2_function")
    assert list(funcs) == ["function"], "the three functions are one for_each resource"
    return funcs["function"]


def _functions_local() -> dict:
    return tc.locals_of("functions")["functions"]


def _reads(function: str, *, secret: bool) -> set[str]:
    """What a deployed function reads (settings marked `deployed: false` are the local
    stack's shortcuts, such as the single ZALO_OA_SECRET_KEY)."""
    return {
        name
        for name, meta in setting_names().items()
        if function in meta["functions"] and meta["secret"] is secret and meta["deployed"]
    }


def _invoker_bindings() -> list[tuple[str, str, str, dict]]:
    """(module, resource name, member, body) of every run.invoker binding anywhere."""
    out = []
    for module in (None, *tc.MODULES):
        for rtype, name, body in tc.all_resources(module):
            if tc.unquote(body.get("role")) in {
                "roles/run.invoker",
                "roles/cloudfunctions.invoker",
            }:
                out.append((module or "root", name, tc.expr(body["member"]), body))
            assert not rtype.endswith(("_iam_binding", "_iam_policy")), (
                f"{module}: {rtype}.{name} would own every member of the role; use _iam_member"
            )
    return out


# --- formatting ----------------------------------------------------------------


def test_terraform_fmt() -> None:
    terraform = shutil.which("terraform")
    if terraform is None:
        pytest.fail(
            "terraform is not on PATH: install Terraform >= 1.5 "
            "(https://developer.hashicorp.com/terraform/install) to run the fmt check"
        )
    result = subprocess.run(
        [terraform, "fmt", "-check", "-recursive", "-diff"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"terraform fmt would change:\n{result.stdout}{result.stderr}"


# --- layout ----------------------------------------------------------------------


def test_every_module_has_the_blueprint_layout() -> None:
    for module in tc.MODULES:
        for name in ("versions.tf", "variables.tf", "outputs.tf", "main.tf"):
            assert (tc.INFRA / module / name).is_file(), f"infra/{module}/{name} is missing"
    calls = tc.blocks(None, "module")
    assert {tc.unquote(b["source"]) for b in calls.values()} == {f"./infra/{m}" for m in tc.MODULES}


@pytest.mark.parametrize("module", [None, *tc.MODULES])
def test_variables_are_described_and_typed(module: str | None) -> None:
    for name, body in tc.blocks(module, "variable").items():
        assert tc.unquote(body.get("description", "")).strip(), f"{module}: variable {name}"
        assert "type" in body, f"{module}: variable {name} has no type"
    for name, body in tc.blocks(module, "output").items():
        assert tc.unquote(body.get("description", "")).strip(), f"{module}: output {name}"


def test_root_variables() -> None:
    variables = tc.blocks(None, "variable")
    assert tc.unquote(variables["region"]["default"]) == "asia-southeast1"
    for required in ("project_id", "zalo_app_id", "oas", "alert_emails"):
        assert "default" not in variables[required], f"{required} must be given by the operator"
        assert variables[required].get("validation"), f"{required} is not validated"
    for name in ("escalator_schedule", "retention_days", "profile"):
        assert variables[name].get("validation"), f"{name} is not validated"
    assert variables["secret_values"].get("sensitive") is True
    outputs = tc.blocks(None, "output")
    for name in ("webhook_url", "events_topic", "dead_letter_topic", "service_accounts"):
        assert name in outputs


# --- settings --------------------------------------------------------------------


def test_settings_know_the_three_functions() -> None:
    for name, meta in setting_names().items():
        assert meta["functions"], f"{name} is read by no function"
        assert set(meta["functions"]) <= set(tc.FUNCTIONS), f"{name}: unknown function"


@pytest.mark.parametrize("function", tc.FUNCTIONS)
def test_each_function_gets_exactly_the_plain_settings_it_reads(function: str) -> None:
    env = tc.locals_of("functions")["env"]
    assert tc.keys(env[function]) == _reads(function, secret=False), (
        f"environment of {function} differs from shared/settings.py (missing: "
        f"{_reads(function, secret=False) - tc.keys(env[function])}, extra: "
        f"{tc.keys(env[function]) - _reads(function, secret=False)})"
    )


@pytest.mark.parametrize("function", tc.FUNCTIONS)
def test_each_function_gets_exactly_the_secrets_it_reads(function: str) -> None:
    secret_env = tc.locals_of("functions")["secret_env"]
    assert tc.keys(secret_env[function]) == _reads(function, secret=True)


def test_functions_take_their_settings_from_those_maps() -> None:
    body = _function_resource()
    service = tc.block(body, "service_config")
    assert tc.expr(service["environment_variables"]) == "local.env[each.key]"
    dyn = tc.dynamic(service, "secret_environment_variables")
    assert dyn is not None, "secrets must come through secret_environment_variables"
    assert tc.expr(dyn["for_each"]) == "local.secret_env[each.key]"
    content = tc.block(dyn, "content")
    # From Secret Manager, never a literal value.
    assert "google_secret_manager_secret.secret" in tc.expr(content["secret"])
    assert "value" not in content


def test_oa_keys_are_one_secret_whatever_the_number_of_oas() -> None:
    local = tc.locals_of("functions")
    # No expression over the OAs: one variable and one secret for one OA or 169.
    # (The webhook's other secret is the pseudonym key, at two versions: issue 14.)
    assert tc.keys(local["secret_env"]["webhook"]) == {
        "ZALO_OA_SECRET_KEYS",
        "TINBAO_PSEUDONYM_KEY",
        "TINBAO_PSEUDONYM_KEY_PREVIOUS",
    }
    assert tc.expr(local["secret_env"]["webhook"]["ZALO_OA_SECRET_KEYS"]) == "var.oa_keys_secret_id"
    assert "oas" not in tc.blocks("functions", "variable")
    assert tc.expr(local["secret_ids"]) == (
        "toset([var.oa_keys_secret_id, var.app_secret_id, var.pseudonym_secret_id])"
    )
    oas = tc.blocks(None, "module")["oas"]
    functions = tc.blocks(None, "module")["functions"]
    assert tc.expr(oas["oas"]) == "var.oas"
    assert tc.expr(functions["tinbao_oas"]) == "module.oas.tinbao_oas"


# --- functions ---------------------------------------------------------------------


def test_three_functions_from_one_archive() -> None:
    functions = _functions_local()
    assert tc.keys(functions) == set(tc.FUNCTIONS)
    body = _function_resource()
    assert tc.expr(body["for_each"]) == "local.functions"
    build = tc.block(body, "build_config")
    assert tc.expr(build["runtime"]) == "var.runtime"
    runtime = tc.blocks("functions", "variable")["runtime"]
    assert tc.unquote(runtime["default"]) == "python311"
    assert tc.expr(build["environment_variables"]["GOOGLE_FUNCTION_SOURCE"]) == "each.value.source"
    storage = tc.block(tc.block(build, "source"), "storage_source")
    assert tc.expr(storage["object"]) == "google_storage_bucket_object.source.name"
    assert "event_trigger" not in body, "push subscription, not an Eventarc trigger"

    entry_points = {"webhook": "zalo_webhook", "router": "route_event", "escalator": "escalate"}
    for name, spec in functions.items():
        assert tc.unquote(spec["entry_point"]) == entry_points[name]
        source = tc.unquote(spec["source"])
        assert source == f"functions/{name}/main.py"
        path = ROOT / source
        if path.exists():  # the entry point files are written by the function work
            assert re.search(rf"^def {entry_points[name]}\(", path.read_text(), re.M), (
                f"{source} does not define {entry_points[name]}"
            )


def test_source_archive_is_named_by_its_content() -> None:
    archive = tc.load(tc.module_dir("functions"))["data"][0]['"archive_file"']['"source"']
    excludes = {tc.unquote(e) for e in archive["excludes"]}
    for pattern in (".git/**", ".venv/**", ".tools/**", "tests/**", "bench/**", "infra/**"):
        assert pattern in excludes
    assert any("tfstate" in e for e in excludes)
    obj = tc.resources("functions", "google_storage_bucket_object")["source"]
    assert "data.archive_file.source.output_md5" in tc.unquote(obj["name"])


def test_webhook_warm_and_bounded() -> None:
    functions = _functions_local()
    assert functions["webhook"]["min_instances"] == 1
    for name, spec in functions.items():
        assert "max_instances" in spec, f"{name} is unbounded"
    assert functions["router"]["min_instances"] == 0
    service = tc.block(_function_resource(), "service_config")
    assert tc.expr(service["max_instance_count"]) == "each.value.max_instances"
    assert tc.expr(service["min_instance_count"]) == "each.value.min_instances"


def test_the_local_stack_serves_each_function_with_its_cloud_run_concurrency() -> None:
    from local.stack import CONCURRENCY

    functions = _functions_local()
    for name, threads in CONCURRENCY.items():
        assert int(functions[name]["concurrency"]) == threads, name


def test_each_function_has_its_own_service_account() -> None:
    service = tc.block(_function_resource(), "service_config")
    assert (
        tc.expr(service["service_account_email"])
        == "google_service_account.function[each.key].email"
    )
    sa = tc.resources("functions", "google_service_account")["function"]
    assert tc.expr(sa["for_each"]) == "local.functions"
    assert "each.key" in tc.unquote(sa["account_id"])


def test_function_roles_are_least_privilege() -> None:
    project_roles = tc.resources("functions", "google_project_iam_member")
    assert set(project_roles) == {"firestore", "build"}
    # Runtime accounts: Firestore only, one database per grant (tests/test_terraform_access.py).
    firestore = project_roles["firestore"]
    assert tc.expr(firestore["member"]) == (
        "google_service_account.function[each.value.function].member"
    )
    assert "condition" in firestore
    # The build account: Google's list for a user-specified Cloud Build service account
    # building Cloud Run functions: logs, the image, the staged source.
    build = project_roles["build"]
    assert tc.expr(build["member"]) == "google_service_account.build.member"
    assert {tc.unquote(r) for r in re.findall(r'"[^"]+"', tc.expr(build["for_each"]))} == {
        "roles/logging.logWriter",
        "roles/artifactregistry.writer",
        "roles/storage.objectAdmin",
    }
    assert "condition" not in build
    accessor = tc.resources("functions", "google_secret_manager_secret_iam_member")["accessor"]
    assert tc.expr(accessor["for_each"]) == "local.secret_access"
    assert tc.unquote(accessor["role"]) == "roles/secretmanager.secretAccessor"
    # Only the functions that mount a secret may read it.
    assert "local.secret_env" in tc.expr(tc.locals_of("functions")["secret_access"])


def test_only_the_webhook_is_public() -> None:
    public = [b for b in _invoker_bindings() if b[2] in {"allUsers", "allAuthenticatedUsers"}]
    assert len(public) == 1
    module, name, _, body = public[0]
    assert (module, name) == ("functions", "webhook_public")
    assert 'function["webhook"]' in tc.expr(body["service"])
    ingress = {n: tc.unquote(s["ingress"]) for n, s in _functions_local().items()}
    assert ingress == {
        "webhook": "ALLOW_ALL",
        "router": "ALLOW_INTERNAL_ONLY",
        "escalator": "ALLOW_INTERNAL_ONLY",
    }
    # No allUsers anywhere else (topics, buckets, secrets).
    for module in (None, *tc.MODULES):
        for rtype, name, body in tc.all_resources(module):
            member = tc.unquote(body.get("member", ""))
            if member in {"allUsers", "allAuthenticatedUsers"}:
                assert (module, name) == ("functions", "webhook_public"), f"{rtype}.{name}"


def test_invokers_reach_one_function_each() -> None:
    bindings = {(m, n): (member, body) for m, n, member, body in _invoker_bindings()}
    assert set(bindings) == {
        ("functions", "webhook_public"),
        ("pubsub", "push_invokes_router"),
        ("scheduler", "scheduler_invokes_escalator"),
    }
    calls = tc.blocks(None, "module")
    # The scheduler's identity reaches only the escalator.
    member, body = bindings[("scheduler", "scheduler_invokes_escalator")]
    assert member == "google_service_account.scheduler.member"
    assert tc.expr(body["service"]) == "var.escalator_run_service"
    assert tc.expr(calls["scheduler"]["escalator_run_service"]) == (
        'module.functions.run_services["escalator"]'
    )
    assert tc.expr(calls["scheduler"]["escalator_url"]) == "module.functions.escalator_url"
    # The push identity reaches only the router.
    member, body = bindings[("pubsub", "push_invokes_router")]
    assert member == "google_service_account.push.member"
    assert tc.expr(body["service"]) == "var.router_run_service"
    router_service = tc.expr(calls["pubsub"]["router_run_service"])
    assert router_service == 'module.functions.run_services["router"]'
    assert tc.expr(calls["pubsub"]["router_url"]) == "module.functions.router_url"


def test_scheduler_calls_the_escalator_every_minute_with_oidc() -> None:
    job = tc.resources("scheduler", "google_cloud_scheduler_job")["escalator"]
    target = tc.block(job, "http_target")
    assert tc.expr(target["uri"]) == "var.escalator_url"
    oidc = tc.block(target, "oidc_token")
    assert tc.expr(oidc["service_account_email"]) == "google_service_account.scheduler.email"
    assert tc.expr(oidc["audience"]) == "var.escalator_url"
    assert tc.expr(job["schedule"]) == "var.schedule"
    schedule = tc.blocks(None, "variable")["escalator_schedule"]
    assert tc.unquote(schedule["default"]) == "* * * * *"


# --- Pub/Sub -----------------------------------------------------------------------


def test_terraform_reads_the_topology() -> None:
    local = tc.locals_of(None)
    assert tc.expr(local["topology"]) == 'yamldecode(file("${path.module}/infra/topology.yaml"))'
    calls = tc.blocks(None, "module")
    assert tc.expr(calls["pubsub"]["topology"]) == "local.topology"
    assert tc.expr(calls["functions"]["events_topic"]) == "local.topology.events_topic"
    assert tc.expr(calls["monitoring"]["dead_letter_subscription"]) == (
        "local.topology.dead_letter_subscription.name"
    )


def test_every_topic_and_subscription_of_the_topology_exists() -> None:
    topo = tc.topology()
    for key in (
        "events_topic",
        "dead_letter_topic",
        "router_subscription",
        "dead_letter_subscription",
    ):
        assert key in topo, f"topology.yaml lost {key}"
    topics = {tc.expr(b["name"]) for b in tc.resources("pubsub", "google_pubsub_topic").values()}
    assert topics == {"var.topology.events_topic", "var.topology.dead_letter_topic"}
    subs = tc.resources("pubsub", "google_pubsub_subscription")
    assert tc.expr(subs["router"]["name"]) == "local.sub.name"
    assert tc.expr(tc.locals_of("pubsub")["sub"]) == "var.topology.router_subscription"
    assert tc.expr(subs["router"]["topic"]) == "google_pubsub_topic.events.id"
    assert tc.expr(subs["dead_letter"]["name"]) == "var.topology.dead_letter_subscription.name"
    assert tc.expr(subs["dead_letter"]["topic"]) == "google_pubsub_topic.dead_letter.id"
    # The code's default topic is the one Terraform creates.
    assert setting_names()["TINBAO_EVENTS_TOPIC"]["default"] == topo["events_topic"]
    # The topology object type accepts every key the file has.
    tvar = tc.blocks("pubsub", "variable")["topology"]
    for key in topo["router_subscription"]:
        assert key in tc.expr(tvar["type"]), f"infra/pubsub ignores router_subscription.{key}"


def test_router_push_subscription() -> None:
    sub = tc.resources("pubsub", "google_pubsub_subscription")["router"]
    push = tc.block(sub, "push_config")
    assert tc.expr(push["push_endpoint"]) == "var.router_url"
    oidc = tc.block(push, "oidc_token")
    assert tc.expr(oidc["service_account_email"]) == "google_service_account.push.email"
    assert tc.expr(oidc["audience"]) == "var.router_url"
    retry = tc.block(sub, "retry_policy")
    assert "minimum_backoff_seconds" in tc.unquote(retry["minimum_backoff"])
    assert "maximum_backoff_seconds" in tc.unquote(retry["maximum_backoff"])
    dead = tc.block(sub, "dead_letter_policy")
    assert tc.expr(dead["dead_letter_topic"]) == "google_pubsub_topic.dead_letter.id"
    assert tc.expr(dead["max_delivery_attempts"]) == "local.sub.max_delivery_attempts"
    assert tc.unquote(tc.block(sub, "expiration_policy")["ttl"]) == ""


def test_pubsub_service_agent_has_exactly_the_dead_letter_rights() -> None:
    agent_bindings = [
        (rtype, name, body)
        for rtype, name, body in tc.all_resources("pubsub")
        if tc.expr(body.get("member", "")) == "local.pubsub_agent"
    ]
    got = {(rtype, tc.unquote(b["role"])) for rtype, _, b in agent_bindings}
    assert got == {
        ("google_pubsub_topic_iam_member", "roles/pubsub.publisher"),
        ("google_pubsub_subscription_iam_member", "roles/pubsub.subscriber"),
    }
    for rtype, _, body in agent_bindings:
        if rtype == "google_pubsub_topic_iam_member":
            assert tc.expr(body["topic"]) == "google_pubsub_topic.dead_letter.name"
        else:
            assert tc.expr(body["subscription"]) == "google_pubsub_subscription.router.name"
    assert "gcp-sa-pubsub.iam.gserviceaccount.com" in tc.unquote(
        tc.locals_of("pubsub")["pubsub_agent"]
    )


def test_publishers_are_the_functions_that_read_the_topic() -> None:
    readers = set(setting_names()["TINBAO_EVENTS_TOPIC"]["functions"])
    publishers = tc.blocks(None, "module")["pubsub"]["publishers"]
    got = {re.search(r'\["(\w+)"\]', p).group(1) for p in publishers}  # type: ignore[union-attr]
    assert got == readers
    pub = tc.resources("pubsub", "google_pubsub_topic_iam_member")["publisher"]
    assert tc.expr(pub["topic"]) == "google_pubsub_topic.events.name"


# --- Firestore ---------------------------------------------------------------------


def test_every_query_has_its_index() -> None:
    declared = {
        i["name"]: (i["collection"], [tuple(f) for f in i["fields"]])
        for i in tc.firestore_data()["indexes"] or []
    }
    wanted = {s.name: (s.collection, [tuple(f) for f in s.fields]) for s in INDEXES}
    assert declared == wanted, (
        "infra/firestore.yaml `indexes` must match shared/queries.py INDEXES "
        "(same names, collections, fields in order)"
    )
    index = tc.resources("firestore", "google_firestore_index")["composite"]
    assert "var.indexes" in tc.expr(index["for_each"])
    fields = tc.block(tc.dynamic(index, "fields"), "content")  # type: ignore[arg-type]
    assert tc.expr(fields["field_path"]) == "fields.value[0]"
    assert tc.expr(fields["order"]) == "fields.value[1]"
    assert tc.expr(tc.locals_of(None)["firestore"]) == (
        'yamldecode(file("${path.module}/infra/firestore.yaml"))'
    )
    call = tc.blocks(None, "module")["firestore"]
    assert tc.expr(call["indexes"]) == "local.firestore.indexes"
    assert tc.expr(call["ttl_fields"]) == "local.firestore.ttl_fields"


def test_ttl_policies_on_expiry_fields() -> None:
    ttl = {(t["collection"], t["field"]) for t in tc.firestore_data()["ttl_fields"]}
    # Every collection written with an expiry (shared/store/collections.py EXPIRING,
    # which tests/test_usecases.py holds to what the line writes) has its policy.
    assert ttl == {(c, "expire_at") for c in EXPIRING}
    field = tc.resources("firestore", "google_firestore_field")["ttl"]
    assert "var.ttl_fields" in tc.expr(field["for_each"])
    assert field.get("ttl_config") == [{"__is_block__": True}] or "ttl_config" in field


def test_the_schedules_ranges_keep_firestores_single_field_indexes() -> None:
    # The escalator's queries are single-field ranges (`due_at` on tips, messages,
    # alerts and replies: shared/store/schedule.py), served by Firestore's automatic
    # index with no composite one. A field override on one of them (an
    # `index_config {}`, as the TTL fields have) would leave the sweep without it.
    assert list(tc.resources("firestore", "google_firestore_field")) == ["ttl", "unindexed"]
    data = tc.firestore_data()
    overridden = {(t["collection"], t["field"]) for t in data["ttl_fields"]}
    overridden |= {(f["collection"], f["field"]) for f in data["unindexed_fields"]}
    schedule = {(c, DUE_AT) for c in SCHEDULED}
    assert DUE not in SCHEDULED and not overridden & schedule


# A field the code filters or orders on, in shared/ (the only code that queries Firestore)
_QUERIED = re.compile(r"""(?:FieldFilter\(|order_by\()\s*["']([\w.]+)["']""")


# ... and one named by a variable: only the schedule's sweep (`due_at`) does that
_QUERIED_BY_NAME = re.compile(r"""(?:FieldFilter\(|order_by\()\s*[A-Za-z_]""")


def _queried_fields() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "shared").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(_QUERIED.findall(text))
        if _QUERIED_BY_NAME.search(text):
            assert path.relative_to(ROOT).as_posix() == "shared/store/schedule.py", path
            found.add(DUE_AT)
    return found


def test_the_code_queries_are_found_by_the_scan() -> None:
    # the scan below must see the queries it guards: the schedule's range, the officers'
    # and the tips' equality filters, the audit trail's kinds
    assert {DUE_AT, "status", "held_by", "reporter_key", "kind", "zalo_user_id"} <= (
        _queried_fields()
    )


def test_index_exemptions_only_on_fields_no_query_reads() -> None:
    # issue 18: fewer index entries a write. An exempted field (or a map's subfield under
    # it) that a query filters or orders on would need its index back: Firestore would
    # refuse the query in production while the emulator, which needs no index, serves it.
    data = tc.firestore_data()
    exempt = {(f["database"], f["collection"], f["field"]) for f in data["unindexed_fields"]}
    assert len(exempt) == len(data["unindexed_fields"]), "an exemption listed twice"
    queried = _queried_fields()
    for _, collection, field in exempt:
        hit = {q for q in queried if q == field or q.startswith(field + ".")}
        assert not hit, (collection, field, hit)
    # a TTL field already has its own override (one google_firestore_field a field)
    ttl = {(t["database"], t["collection"], t["field"]) for t in data["ttl_fields"]}
    assert not exempt & ttl
    # every exemption is in the database its collection lives in
    assert all(data["collections"][c] == d for d, c, _ in exempt)
    field = tc.resources("firestore", "google_firestore_field")["unindexed"]
    assert "var.unindexed_fields" in tc.expr(field["for_each"])
    assert "index_config" in field and "ttl_config" not in field
    call = tc.blocks(None, "module")["firestore"]
    assert tc.expr(call["unindexed_fields"]) == "local.firestore.unindexed_fields"


def test_the_stored_shapes_exempted_are_what_the_line_writes() -> None:
    # the exemptions name fields the documents hold (a renamed field would silently keep
    # its indexes): the tip's and the message's models, and the audit trail's field
    from shared.store.documents import TRAIL, MessageDoc, TipDoc
    from shared.store.tip_sends import SENDS

    written = {
        "tips": set(TipDoc.model_fields) | {TRAIL, SENDS, "intake_classification"},
        "messages": set(MessageDoc.model_fields) | {"raw", "locations", "attachments"},
        "quarantine": {"raw"},
        "parts": {"raw"},
    }
    for f in tc.firestore_data()["unindexed_fields"]:
        assert f["field"] in written[f["collection"]], f


def test_firestore_native_in_the_region_and_kept_on_destroy() -> None:
    db = tc.resources("firestore", "google_firestore_database")["db"]
    assert tc.expr(db["for_each"]) == "var.databases"
    assert tc.unquote(db["type"]) == "FIRESTORE_NATIVE"
    assert tc.expr(db["location_id"]) == "var.location"
    assert tc.expr(tc.blocks(None, "module")["firestore"]["location"]) == "var.region"
    assert tc.unquote(db["deletion_policy"]) == "ABANDON"


# --- monitoring --------------------------------------------------------------------


def test_alerts_and_overdue_metric() -> None:
    """What each alert watches; tests/test_terraform_monitoring.py evaluates the filters."""
    policies = tc.instances("monitoring", "google_monitoring_alert_policy")
    assert {"dead_letters", "webhook_5xx", "webhook_4xx", "escalator_failures", "tips_overdue"} <= (
        set(policies)
    )
    dead = tc.block(tc.block(policies["dead_letters"], "conditions"), "condition_threshold")
    assert "num_undelivered_messages" in tc.unquote(dead["filter"])
    assert "var.dead_letter_subscription" in tc.unquote(dead["filter"])
    web = tc.block(tc.block(policies["webhook_5xx"], "conditions"), "condition_threshold")
    assert "5xx" in tc.unquote(web["filter"]) and "denominator_filter" in web
    esc = tc.block(tc.block(policies["escalator_failures"], "conditions"), "condition_threshold")
    assert 'local.requests["escalator"]' in tc.unquote(esc["filter"])
    # The structured log lines that page a person, each from the services that write it
    # (tests/test_terraform_monitoring.py evaluates the filters built from them).
    lines = tc.locals_of("monitoring")["log_lines"]
    assert lines["tips_overdue"]["events"] == ['"tip.overdue"']
    # The escalator's outage holds (shared/services/escalator.py logs the event, with
    # held_minutes): the metric counts them, the alert matches the line held 5 minutes.
    assert lines["outage_holds"]["events"] == ['"escalator.outage_hold"']
    assert lines["outage_holds"]["services"] == ['"escalator"']
    escalator_source = (ROOT / "shared/services/escalator.py").read_text()
    assert '"escalator.outage_hold"' in escalator_source and "held_minutes=" in escalator_source
    alerts = tc.locals_of("monitoring")["log_alerts"]
    assert alerts["outage_holds"]["also"] == '"jsonPayload.held_minutes >= 5"'
    metrics = tc.instances("monitoring", "google_logging_metric")
    assert set(metrics) == {"tips_overdue", "outage_holds", "quarantined"}
    policies = tc.instances("monitoring", "google_monitoring_alert_policy")
    assert set(alerts) <= set(policies)
    for body in policies.values():
        assert tc.expr(body["notification_channels"]) == "local.channels"
    call = tc.blocks(None, "module")["monitoring"]
    assert tc.expr(call["run_services"]) == "module.functions.run_services"


def test_quarantined_events_are_counted_and_alerted() -> None:
    """The intake's `intake.quarantined` log line (shared/services/intake.py), from the
    webhook and the router, feeds a log-based metric and an alert on the line itself."""
    line = tc.locals_of("monitoring")["log_lines"]["quarantined"]
    assert line == {"services": ['"webhook"', '"router"'], "events": ['"intake.quarantined"']}
    source = (ROOT / "shared" / "services" / "intake.py").read_text(encoding="utf-8")
    assert '"intake.quarantined"' in source
    metric = tc.instances("monitoring", "google_logging_metric")["quarantined"]
    assert tc.expr(metric["filter"]) == 'local.log_filters["quarantined"]'
    policy = tc.instances("monitoring", "google_monitoring_alert_policy")["quarantined"]
    condition = tc.block(tc.block(policy, "conditions"), "condition_matched_log")
    assert 'local.log_filters["quarantined"]' in tc.expr(condition["filter"])


def test_the_pseudonym_key_is_its_own_secret_read_by_the_webhook_only() -> None:
    secret_env = tc.locals_of("functions")["secret_env"]
    webhook = {tc.unquote(k): tc.expr(v) for k, v in secret_env["webhook"].items()}
    assert webhook["TINBAO_PSEUDONYM_KEY"] == "var.pseudonym_secret_id"
    assert webhook["TINBAO_PSEUDONYM_KEY_PREVIOUS"] == "var.pseudonym_secret_id"
    for function in ("router", "escalator"):
        assert not {k for k in tc.keys(secret_env[function]) if "PSEUDONYM" in k}
    # The previous key is a version of the same secret, mounted by number.
    versions = tc.locals_of("functions")["secret_versions"]
    assert tc.expr(versions["TINBAO_PSEUDONYM_KEY_PREVIOUS"]) == "var.pseudonym_previous_version"
    content = tc.block(
        tc.dynamic(
            tc.block(_function_resource(), "service_config"), "secret_environment_variables"
        ),  # type: ignore[arg-type]
        "content",
    )
    assert "local.secret_versions" in tc.expr(content["version"])
    assert "var.pseudonym_secret_id" in tc.expr(tc.locals_of("functions")["secret_ids"])
    root = tc.blocks(None, "variable")
    assert tc.unquote(root["pseudonym_previous_version"]["default"]) == "latest"
    assert root["pseudonym_previous_version"].get("validation")


# --- checkov -----------------------------------------------------------------------


def test_every_checkov_skip_is_justified() -> None:
    pattern = re.compile(r"checkov:skip=CKV2?_[A-Z]+_\d+:(.+)")
    found = 0
    for path in tc.tf_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if "checkov:skip" in line:
                match = pattern.search(line)
                assert match and len(match.group(1).strip()) >= 20, (
                    f"{path.relative_to(ROOT)}: skip without a reason: {line.strip()}"
                )
                found += 1
    assert found, "expected the justified skips (public webhook, CMEK topics, bucket logs)"


def test_checkov_passes() -> None:
    result = subprocess.run(
        ["bash", str(ROOT / "scripts" / "checkov.sh")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    output = result.stdout[-6000:] + result.stderr[-3000:]
    assert result.returncode == 0, f"checkov failed:\n{output}"
    assert "Failed checks: 0" in result.stdout, result.stdout[-3000:]


def test_documents_the_terraform_points_to_exist() -> None:
    runbook = (ROOT / "docs" / "OPERATIONS.md").read_text(encoding="utf-8")
    slugs = {
        re.sub(r"[^\w\- ]", "", h).strip().lower().replace(" ", "-")
        for h in re.findall(r"^#+ (.+)$", runbook, re.M)
    }
    texts = [p.read_text(encoding="utf-8") for p in tc.tf_files()]
    texts.append((ROOT / "README.md").read_text(encoding="utf-8"))
    for text in texts:
        for doc in re.findall(r"docs/[\w-]+\.md", text):
            assert (ROOT / doc).is_file(), f"{doc} is referenced but does not exist"
        for anchor in re.findall(r"docs/OPERATIONS\.md#([\w-]+)", text):
            assert anchor in slugs, f"docs/OPERATIONS.md has no section #{anchor}"
