locals {
  # One entry per function. `source` is the build variable GOOGLE_FUNCTION_SOURCE:
  # every function is built from the same archive of the whole repository.
  functions = {
    webhook = {
      description = "Zalo OA webhook: verify, persist, publish (public)."
      entry_point = "zalo_webhook"
      source      = "functions/webhook/main.py"
      # Zalo allows 2 s: a warm instance keeps cold starts off the citizen's path.
      min_instances = 1
      max_instances = var.webhook_max_instances
      timeout       = 10
      concurrency   = 20
      # Zalo calls from the internet; the signature check is the gate.
      ingress = "ALLOW_ALL"
    }
    router = {
      description = "Routes each event of tinbao-events (fed by a Pub/Sub push subscription)."
      entry_point = "route_event"
      source      = "functions/router/main.py"
      # Scale to zero: Pub/Sub retries with backoff, so a cold start costs only latency.
      min_instances = 0
      max_instances = 10
      # Matches the push subscription's ack deadline (infra/topology.yaml).
      timeout     = 60
      concurrency = 10
      # Pub/Sub push in the same project counts as internal traffic.
      ingress = "ALLOW_INTERNAL_ONLY"
    }
    escalator = {
      description   = "Acts on tips whose next action is due (called by Cloud Scheduler)."
      entry_point   = "escalate"
      source        = "functions/escalator/main.py"
      min_instances = 0
      # Overlapping runs are safe (transactions) but pointless.
      max_instances = 2
      timeout       = 55
      concurrency   = 1
      # Cloud Scheduler in the same project counts as internal traffic.
      ingress = "ALLOW_INTERNAL_ONLY"
    }
  }

  # Plain settings each function reads (shared/settings.py `functions`); every one is
  # set explicitly, defaults included, so a deployment never depends on a code default.
  # tests/test_terraform.py holds these keys to setting_names().
  env = {
    webhook = {
      GOOGLE_CLOUD_PROJECT            = var.project_id
      TINBAO_EVENTS_TOPIC             = var.events_topic
      TINBAO_PROFILE                  = var.profile
      ZALO_APP_ID                     = var.zalo_app_id
      ZALO_OA_ID                      = var.single_oa_id
      ZALO_OA_UNIT                    = var.single_oa_unit
      TINBAO_OAS                      = var.tinbao_oas
      TINBAO_WEBHOOK_BUDGET_SECONDS   = tostring(var.webhook_budget_seconds)
      TINBAO_WEBHOOK_FALLBACK_SECONDS = tostring(var.webhook_fallback_seconds)
      TINBAO_MAX_EVENT_AGE_HOURS      = tostring(var.max_event_age_hours)
      TINBAO_INTAKE_WINDOW_MINUTES    = tostring(var.intake_window_minutes)
      TINBAO_RETENTION_DAYS           = tostring(var.retention_days)
      TINBAO_QUARANTINE_DAYS          = tostring(var.quarantine_days)
      TINBAO_FAIR_BURST_MESSAGES      = tostring(var.fair_use.burst_messages)
      TINBAO_FAIR_BURST_MINUTES       = tostring(var.fair_use.burst_minutes)
      TINBAO_FAIR_TIPS_PER_DAY        = tostring(var.fair_use.tips_per_day)
      TINBAO_CONTACTS_DATABASE        = var.databases["contacts"]
    }
    router = {
      GOOGLE_CLOUD_PROJECT = var.project_id
      TINBAO_PROFILE       = var.profile
      ZALO_APP_ID          = var.zalo_app_id
      ZALO_OA_ID           = var.single_oa_id
      ZALO_OA_UNIT         = var.single_oa_unit
      TINBAO_OAS           = var.tinbao_oas
      ZALO_API_BASE        = var.zalo_api_base
      ZALO_OAUTH_BASE      = var.zalo_oauth_base
      ZALO_APPSECRET_PROOF = tostring(var.zalo_appsecret_proof)

      TINBAO_CONTACTS_DATABASE = var.databases["contacts"]
      TINBAO_IDENTITY_DATABASE = var.databases["identity"]
      # The router stores what the webhook deferred to Pub/Sub: intake's settings too.
      TINBAO_INTAKE_WINDOW_MINUTES = tostring(var.intake_window_minutes)
      TINBAO_RETENTION_DAYS        = tostring(var.retention_days)
      TINBAO_QUARANTINE_DAYS       = tostring(var.quarantine_days)
      TINBAO_FAIR_BURST_MESSAGES   = tostring(var.fair_use.burst_messages)
      TINBAO_FAIR_BURST_MINUTES    = tostring(var.fair_use.burst_minutes)
      TINBAO_FAIR_TIPS_PER_DAY     = tostring(var.fair_use.tips_per_day)
      TINBAO_UPDATE_EVERY_MINUTES  = tostring(var.fair_use.update_every_minutes)
    }
    escalator = {
      GOOGLE_CLOUD_PROJECT = var.project_id
      TINBAO_EVENTS_TOPIC  = var.events_topic
      TINBAO_PROFILE       = var.profile
      ZALO_APP_ID          = var.zalo_app_id
      ZALO_OA_ID           = var.single_oa_id
      ZALO_OA_UNIT         = var.single_oa_unit
      TINBAO_OAS           = var.tinbao_oas
      ZALO_API_BASE        = var.zalo_api_base
      ZALO_OAUTH_BASE      = var.zalo_oauth_base
      ZALO_APPSECRET_PROOF = tostring(var.zalo_appsecret_proof)

      TINBAO_ESCALATOR_BUDGET_SECONDS = tostring(var.escalator_budget_seconds)
      TINBAO_CONTACTS_DATABASE        = var.databases["contacts"]
      TINBAO_IDENTITY_DATABASE        = var.databases["identity"]
      TINBAO_UPDATE_EVERY_MINUTES     = tostring(var.fair_use.update_every_minutes)
    }
  }

  # Secret settings each function reads: environment variable => Secret Manager secret id.
  # Every OA's key is in one secret (a JSON object {oa_id: key}): one OA or 169, the
  # webhook mounts one variable and the project holds one secret for them. The
  # pseudonym key is mounted twice: its latest version, and the one before the last
  # rotation (`pseudonym_previous_version`), which keeps old pseudonyms resolvable.
  secret_env = {
    webhook = {
      ZALO_OA_SECRET_KEYS           = var.oa_keys_secret_id
      TINBAO_PSEUDONYM_KEY          = var.pseudonym_secret_id
      TINBAO_PSEUDONYM_KEY_PREVIOUS = var.pseudonym_secret_id
    }
    router = {
      ZALO_APP_SECRET = var.app_secret_id
    }
    escalator = {
      ZALO_APP_SECRET = var.app_secret_id
    }
  }

  secret_ids = toset([var.oa_keys_secret_id, var.app_secret_id, var.pseudonym_secret_id])

  # Every secret is mounted at its latest version but the pseudonym key's previous one.
  secret_versions = {
    TINBAO_PSEUDONYM_KEY_PREVIOUS = var.pseudonym_previous_version
  }

  # Which runtime account may read which secret: exactly the secrets it mounts
  # (once each: the pseudonym key is mounted twice).
  secret_access = merge([
    for f, m in local.secret_env : { for sid in distinct(values(m)) : "${f}/${sid}" => { function = f, secret = sid } }
  ]...)
}

# --- identities -------------------------------------------------------------

resource "google_service_account" "function" {
  for_each = local.functions

  project      = var.project_id
  account_id   = "${var.name_prefix}-${each.key}"
  display_name = "tinbao ${each.key} runtime"
  description  = "Runtime identity of the ${each.key} function; holds only what it uses."
}

resource "google_service_account" "build" {
  project      = var.project_id
  account_id   = "${var.name_prefix}-build"
  display_name = "tinbao function builds"
  description  = "Builds the three functions' images instead of the default compute account."
}

# The build account's roles as Google documents them for a user-specified Cloud Build
# service account building Cloud Run functions ("Custom Service Account for Cloud
# Build"): build logs, the image pushed to gcf-artifacts, and the staged source
# (Storage Object Admin, which holds Storage Object Viewer's permissions). The
# runtime accounts' Firestore grants are in access.tf.
resource "google_project_iam_member" "build" {
  for_each = toset([
    "roles/logging.logWriter",       # build logs
    "roles/artifactregistry.writer", # push the built image to gcf-artifacts
    "roles/storage.objectAdmin",     # read the staged source, write the build's objects
  ])

  project = var.project_id
  role    = each.value
  member  = google_service_account.build.member
}

# --- secrets ----------------------------------------------------------------

resource "google_secret_manager_secret" "secret" {
  for_each = local.secret_ids

  project   = var.project_id
  secret_id = each.value
  labels    = { app = "tinbao" }

  # Keep the keys in the line's region.
  replication {
    user_managed {
      replicas {
        location = var.region
      }
    }
  }
}

# Optional first values; the recommended path adds versions with gcloud so that
# no secret value lands in the Terraform state.
resource "google_secret_manager_secret_version" "initial" {
  for_each = nonsensitive(toset([for k in keys(var.secret_values) : k if contains(local.secret_ids, k)]))

  secret      = google_secret_manager_secret.secret[each.value].id
  secret_data = var.secret_values[each.value]

  lifecycle {
    # Rotations happen with gcloud; Terraform must not roll them back.
    ignore_changes = [secret_data, enabled]
  }
}

resource "google_secret_manager_secret_iam_member" "accessor" {
  for_each = local.secret_access

  project   = var.project_id
  secret_id = google_secret_manager_secret.secret[each.value.secret].secret_id
  role      = "roles/secretmanager.secretAccessor"
  member    = google_service_account.function[each.value.function].member
}

# --- source archive -----------------------------------------------------------

# The prebuilt rules and model against what they were built from (./prebuilt).
module "prebuilt" {
  source     = "./prebuilt"
  source_dir = var.source_dir
}

data "archive_file" "source" {
  type        = "zip"
  source_dir  = var.source_dir
  output_path = "${path.root}/.terraform/tinbao-source.zip"

  lifecycle {
    precondition {
      condition     = length(module.prebuilt.stale) == 0
      error_message = "Stale prebuilt data (shared/data/prebuilt.json differs from ${join(", ", module.prebuilt.stale)}): run scripts/compile_data.py and commit what it writes."
    }
  }
  # Stable file modes keep the hash, hence the object name, stable across machines.
  output_file_mode = "0644"
  # Only what the functions run: the package, the entry points and the pinned requirements.
  excludes = [
    ".git/**", ".venv/**", ".tools/**", ".terraform/**", ".ci/**",
    ".ruff_cache/**", ".pytest_cache/**", ".hypothesis/**", "**/__pycache__/**",
    "*.egg-info/**", "tests/**", "bench/**", "infra/**", "local/**", "docs/**",
    "scripts/**", "build/**", "dist/**", "*.tf", "*.tfvars", "*.tfstate*",
    ".terraform.lock.hcl", "*.zip",
  ]
}

resource "google_storage_bucket" "source" {
  # checkov:skip=CKV_GCP_62:Access logs of a bucket that only Terraform writes and Cloud Functions reads would log nothing useful; Cloud Audit Logs already record admin access.
  project                     = var.project_id
  name                        = "${var.project_id}-${var.name_prefix}-source"
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = true # holds only rebuildable archives

  versioning {
    enabled = true
  }

  # Old archives are only needed for a rollback within days.
  lifecycle_rule {
    condition {
      num_newer_versions = 3
    }
    action {
      type = "Delete"
    }
  }

  lifecycle_rule {
    condition {
      age = 90
    }
    action {
      type = "Delete"
    }
  }
}

resource "google_storage_bucket_object" "source" {
  # Named by content hash: any change to the code is a new object, hence a new build.
  name   = "source-${data.archive_file.source.output_md5}.zip"
  bucket = google_storage_bucket.source.name
  source = data.archive_file.source.output_path
}

# --- functions ----------------------------------------------------------------

resource "google_cloudfunctions2_function" "function" {
  # checkov:skip=CKV_GCP_124:The webhook must take ALLOW_ALL ingress because Zalo calls it from the internet (its signature is the gate); the router and escalator are ALLOW_INTERNAL_ONLY, which tests/test_terraform.py holds.
  for_each = local.functions

  project     = var.project_id
  name        = "${var.name_prefix}-${each.key}"
  location    = var.region
  description = each.value.description
  labels      = { app = "tinbao", function = each.key }

  build_config {
    runtime         = var.runtime
    entry_point     = each.value.entry_point
    service_account = google_service_account.build.id
    environment_variables = {
      GOOGLE_FUNCTION_SOURCE = each.value.source
    }
    source {
      storage_source {
        bucket = google_storage_bucket.source.name
        object = google_storage_bucket_object.source.name
      }
    }
  }

  # No event_trigger: all three are HTTP functions. The router's @cloud_event handler
  # receives the raw Pub/Sub push body, which the functions framework converts into a
  # CloudEvent; a push subscription owned here (infra/pubsub) can carry a dead-letter
  # policy, which an Eventarc trigger's own subscription cannot take from Terraform.
  service_config {
    service_account_email            = google_service_account.function[each.key].email
    min_instance_count               = each.value.min_instances
    max_instance_count               = each.value.max_instances
    max_instance_request_concurrency = each.value.concurrency
    available_cpu                    = "1"
    available_memory                 = "512Mi"
    timeout_seconds                  = each.value.timeout
    ingress_settings                 = each.value.ingress
    all_traffic_on_latest_revision   = true
    environment_variables            = local.env[each.key]

    dynamic "secret_environment_variables" {
      for_each = local.secret_env[each.key]
      content {
        key        = secret_environment_variables.key
        project_id = var.project_id
        secret     = google_secret_manager_secret.secret[secret_environment_variables.value].secret_id
        version    = lookup(local.secret_versions, secret_environment_variables.key, "latest")
      }
    }
  }

  depends_on = [
    google_project_iam_member.build,
    google_project_iam_member.firestore,
    google_secret_manager_secret_iam_member.accessor,
    google_secret_manager_secret_version.initial,
  ]
}

# Only the webhook is public: Zalo calls it unauthenticated and the webhook checks
# X-ZEvent-Signature. The router and escalator get invokers from infra/pubsub and
# infra/scheduler.
resource "google_cloud_run_service_iam_member" "webhook_public" {
  # checkov:skip=CKV_GCP_102:The Zalo platform cannot send Google credentials; every request is verified by its X-ZEvent-Signature in the webhook.
  project  = var.project_id
  location = var.region
  service  = google_cloudfunctions2_function.function["webhook"].service_config[0].service
  role     = "roles/run.invoker"
  member   = "allUsers"
}
