"""Least privilege that holds: three Firestore databases and who reaches which.

Firestore's IAM resource is the database, so the split of infra/firestore.yaml
(which collection lives in which database) is what lets IAM conditions keep the
public webhook away from the OA tokens, the officers and the citizens' Zalo ids.
The grants are evaluated with the real Terraform from the modules' own locals and
the condition expression each grant carries.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from shared.settings import setting_names
from shared.store import collections as store_collections

try:
    from . import terraform_contract as tc
except ImportError:
    import terraform_contract as tc

PROJECT = "tinbao-prod"
PREFIX = "tinbao"
# What each role lets a principal do with documents (Firestore's "Security for server
# client libraries": roles/datastore.user has datastore.entities.*, roles/datastore.viewer
# entities.get and .list); the custom role's permissions are read from the HCL.
READ = {"datastore.entities.get", "datastore.entities.list"}
WRITE = {"datastore.entities.create", "datastore.entities.update", "datastore.entities.delete"}
PREDEFINED = {
    "user": READ | WRITE,
    "viewer": set(READ),
}
SECRET_OR_IDENTITY = {"oa_tokens", "reporters", "officers", "invites"}
WHO_GETS_TIPS = {"officers", "rosters", "units", "invites"}


def _collections() -> dict[str, str]:
    return tc.firestore_data()["collections"]


def _custom_permissions() -> set[str]:
    role = tc.resources("functions", "google_project_iam_custom_role")["contact_writer"]
    return {tc.unquote(p) for p in role["permissions"]}


def _permissions(role: str | None) -> set[str]:
    if role is None:
        return set()
    return _custom_permissions() if role == "contact_writer" else PREDEFINED[role]


@pytest.fixture(scope="module")
def database_ids(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    local = tc.locals_of("firestore")
    out = tc.evaluate(
        tmp_path_factory.mktemp("firestore"),
        {"ids": tc.source(local["database_ids"])},
        {"databases": tc.firestore_data()["databases"], "name_prefix": PREFIX},
    )
    return out["ids"]


@pytest.fixture(scope="module")
def grants(
    tmp_path_factory: pytest.TempPathFactory, database_ids: dict[str, str]
) -> dict[str, dict[str, Any]]:
    """Every Firestore grant as Terraform makes it: function, database, role, condition."""
    local = tc.locals_of("functions")
    binding = tc.resources("functions", "google_project_iam_member")["firestore"]
    condition = tc.block(binding, "condition")
    assert tc.expr(binding["for_each"]) == "local.firestore_grants"

    def per_grant(text: str) -> str:
        return text.replace("each.value", "g").replace("each.key", "k")

    expression = per_grant(tc.source(condition["expression"]))
    title = per_grant(tc.source(condition["title"]))
    out = tc.evaluate(
        tmp_path_factory.mktemp("access"),
        {
            "grants": "local.firestore_grants",
            "conditions": f"{{ for k, g in local.firestore_grants : k => {expression} }}",
            "titles": f"{{ for k, g in local.firestore_grants : k => {title} }}",
        },
        {"project_id": PROJECT, "databases": database_ids},
        {
            name: tc.source(local[name])
            for name in ("firestore_access", "firestore_roles", "firestore_grants")
        },
    )
    return {
        key: {**grant, "condition": out["conditions"][key], "title": out["titles"][key]}
        for key, grant in out["grants"].items()
    }


def _role(grants: dict[str, dict[str, Any]], function: str, database: str) -> str | None:
    found = [
        g["role"] for g in grants.values() if (g["function"], g["database"]) == (function, database)
    ]
    assert len(found) <= 1
    return found[0] if found else None


# --- the databases -------------------------------------------------------------------


def test_three_databases_main_is_the_default_one(database_ids: dict[str, str]) -> None:
    assert database_ids == {
        "main": "(default)",
        "contacts": f"{PREFIX}-contacts",
        "identity": f"{PREFIX}-identity",
    }
    for name in database_ids.values():
        assert name == "(default)" or re.fullmatch(r"[a-z][a-z0-9-]{2,61}[a-z0-9]", name), name
    db = tc.resources("firestore", "google_firestore_database")["db"]
    assert tc.expr(db["name"]) == "local.database_ids[each.key]"
    call = tc.blocks(None, "module")
    assert tc.expr(call["firestore"]["databases"]) == "local.firestore.databases"
    assert tc.expr(call["functions"]["databases"]) == "module.firestore.databases"


def test_every_collection_has_one_database() -> None:
    where = _collections()
    databases = set(tc.firestore_data()["databases"])
    for name, db in where.items():
        assert db in databases, f"{name} lives in {db}, which infra/firestore.yaml does not declare"
    named = {
        value
        for key, value in vars(store_collections).items()
        if key.isupper() and isinstance(value, str) and value not in store_collections.FIELDS
    }
    missing = named - set(where)
    assert not missing, f"infra/firestore.yaml does not say where {sorted(missing)} live"


def test_secrets_and_identities_are_out_of_the_main_database() -> None:
    where = _collections()
    for name in SECRET_OR_IDENTITY | WHO_GETS_TIPS:
        assert where[name] != "main", f"{name} must not live with the webhook's operational data"
    assert where["oa_tokens"] != where["reporters"], "the webhook writes reporters, never tokens"


def test_ttl_policies_follow_their_collections() -> None:
    where = _collections()
    for entry in tc.firestore_data()["ttl_fields"]:
        if entry.get("legacy"):
            # Where older code wrote contacts' collections (reporters, the quarantine):
            # what it left there still expires.
            assert entry["database"] == "main" and where[entry["collection"]] == "contacts", entry
            continue
        assert entry["database"] == where[entry["collection"]], entry
    ttl = {(t["database"], t["collection"]) for t in tc.firestore_data()["ttl_fields"]}
    assert ("contacts", "reporters") in ttl


# --- the grants ----------------------------------------------------------------------


def test_every_firestore_grant_names_one_database(
    grants: dict[str, dict[str, Any]], database_ids: dict[str, str]
) -> None:
    assert grants
    for key, grant in grants.items():
        name = database_ids[grant["database"]]
        assert grant["condition"] == f'resource.name == "projects/{PROJECT}/databases/{name}"', key
        assert grant["database"] in grant["title"]


def test_no_firestore_role_is_granted_without_a_condition() -> None:
    for module in (None, *tc.MODULES):
        for rtype, name, body in tc.all_resources(module):
            text = str({k: v for k, v in body.items() if k in ("role", "for_each")})
            if "datastore" not in text and "contact_writer" not in text:
                continue
            assert (module, rtype, name) == ("functions", "google_project_iam_member", "firestore")
            assert "condition" in body
        for rtype, name, body in tc.all_resources(module):
            if rtype.startswith("google_project_iam"):
                assert not re.search(r"roles/(owner|editor|datastore\.owner)", str(body)), name


def test_the_webhook_cannot_read_tokens_identities_or_zalo_ids(
    grants: dict[str, dict[str, Any]],
) -> None:
    where = _collections()
    for collection in SECRET_OR_IDENTITY | WHO_GETS_TIPS:
        allowed = _permissions(_role(grants, "webhook", where[collection]))
        assert not allowed & READ, f"the webhook could read {collection}"
    for collection in WHO_GETS_TIPS | {"oa_tokens"}:
        allowed = _permissions(_role(grants, "webhook", where[collection]))
        assert not allowed, f"the webhook could write {collection}"
    # What it does hold: intake's commit in main, and creating a reporter's contact.
    assert _role(grants, "webhook", "main") == "user"
    assert _role(grants, "webhook", where["reporters"]) == "contact_writer"
    assert _custom_permissions() == {"datastore.entities.create"}


def test_router_and_escalator_reach_what_they_send_with(
    grants: dict[str, dict[str, Any]],
) -> None:
    where = _collections()
    for function in ("router", "escalator"):
        for collection in ("tips", "officers", "rosters", "oa_tokens", "reporters"):
            assert _permissions(_role(grants, function, where[collection])) >= READ, (
                f"{function} cannot read {collection}"
            )
        # Refreshing a token is a write.
        assert _permissions(_role(grants, function, where["oa_tokens"])) >= WRITE
    # Only the router enrols officers and keeps a contact alive; the escalator reads them.
    assert _permissions(_role(grants, "router", where["invites"])) >= WRITE
    assert not _permissions(_role(grants, "escalator", where["reporters"])) & WRITE


def test_each_function_is_told_the_databases_it_may_reach(
    grants: dict[str, dict[str, Any]],
) -> None:
    settings = setting_names()
    env = tc.locals_of("functions")["env"]
    for key, setting in (
        ("contacts", "TINBAO_CONTACTS_DATABASE"),
        ("identity", "TINBAO_IDENTITY_DATABASE"),
    ):
        reaching = {g["function"] for g in grants.values() if g["database"] == key}
        assert set(settings[setting]["functions"]) == reaching, setting
        for function in reaching:
            assert tc.expr(env[function][setting]) == f'var.databases["{key}"]'


def test_functions_start_with_their_grants_in_place() -> None:
    function = tc.resources("functions", "google_cloudfunctions2_function")["function"]
    assert "google_project_iam_member.firestore" in str(function["depends_on"])


# --- the code keeps to the same map ----------------------------------------------------


def test_the_code_puts_each_collection_where_terraform_does() -> None:
    """shared/store/collections.py HOME (what the store's clients use) is
    infra/firestore.yaml `collections` (what Terraform provisions and grants)."""
    assert {name: db.value for name, db in store_collections.HOME.items()} == _collections()


def test_each_function_holds_clients_for_its_grants_only(
    grants: dict[str, dict[str, Any]],
) -> None:
    """shared/store/collections.py REACH (which clients bootstrap gives each function)
    is infra/functions/access.tf `firestore_access`, role for role."""
    granted = {(g["function"], g["database"]): g["role"] for g in grants.values()}
    coded = {
        (function, db.value): access.value
        for function, reach in store_collections.REACH.items()
        for db, access in reach.items()
    }
    assert coded == granted


def test_the_webhook_gets_no_identity_client(monkeypatch: pytest.MonkeyPatch) -> None:
    """bootstrap connects the webhook to main and contacts only: a read of an officer,
    an invite or a token from its clients fails before any request is made."""
    from shared import bootstrap
    from shared.settings import Settings
    from shared.store.databases import Unreachable

    monkeypatch.setenv("FIRESTORE_EMULATOR_HOST", "127.0.0.1:9")  # no call is made
    settings = Settings(
        google_cloud_project="p",
        tinbao_contacts_database="p-contacts",
        tinbao_identity_database="p-identity",
    )
    dbs = bootstrap.databases(settings, "webhook")
    assert dbs.of("reporters")._database == "p-contacts"
    assert dbs.of("tips")._database == "(default)"
    for collection in ("officers", "invites", "oa_tokens", "rosters", "units"):
        with pytest.raises(Unreachable):
            dbs.collection(collection)


STORE = tc.ROOT / "shared" / "store"
# `self.db.collection(NAME)`: the main database's client in the store's classes.
ON_MAIN = re.compile(r"\bself\.db\.collection\(\s*([A-Z_]+)\b")


def test_no_store_module_reaches_another_database_through_the_main_client() -> None:
    """The store's main client (`self.db`) names only main collections; the others
    go through `Databases` (`dbs.collection`, `dbs.of`), which finds their database."""
    home = {
        key: store_collections.HOME[value]
        for key, value in vars(store_collections).items()
        if key.isupper() and isinstance(value, str) and value not in store_collections.FIELDS
    }
    strays = [
        f"{path.name}: {name}"
        for path in sorted(STORE.glob("*.py"))
        for name in ON_MAIN.findall(path.read_text())
        if name in home and home[name] is not store_collections.Database.MAIN
    ]
    assert not strays
