# tinbao on Google Cloud: one `terraform apply` provisions the whole line.
# Each concern is a module under infra/; this file only wires them together.

locals {
  # The Pub/Sub topology is data shared with the local stack (local/emulators.py),
  # so production and the emulators cannot drift.
  topology = yamldecode(file("${path.module}/infra/topology.yaml"))
  # The databases, where each collection lives, composite indexes (held against
  # shared/store/queries.py) and TTL policies.
  firestore = yamldecode(file("${path.module}/infra/firestore.yaml"))
}

module "apis" {
  source     = "./infra/apis"
  project_id = var.project_id
}

module "firestore" {
  source            = "./infra/firestore"
  project_id        = var.project_id
  location          = var.region
  name_prefix       = var.name_prefix
  databases         = local.firestore.databases
  indexes           = local.firestore.indexes
  ttl_fields        = local.firestore.ttl_fields
  unindexed_fields  = local.firestore.unindexed_fields
  delete_protection = var.firestore_delete_protection

  depends_on = [module.apis]
}

# The OAs as the functions read them, checked against the profile's units.
module "oas" {
  source   = "./infra/oas"
  oas      = var.oas
  profile  = var.profile
  data_dir = "${path.module}/shared/data"
}

module "functions" {
  source                = "./infra/functions"
  project_id            = var.project_id
  region                = var.region
  name_prefix           = var.name_prefix
  source_dir            = path.module
  events_topic          = local.topology.events_topic
  databases             = module.firestore.databases
  zalo_app_id           = var.zalo_app_id
  tinbao_oas            = module.oas.tinbao_oas
  single_oa_id          = module.oas.single_oa_id
  single_oa_unit        = module.oas.single_oa_unit
  oa_keys_secret_id     = var.oa_keys_secret_id
  zalo_appsecret_proof  = var.zalo_appsecret_proof
  app_secret_id         = var.app_secret_id
  secret_values         = var.secret_values
  profile               = var.profile
  retention_days        = var.retention_days
  intake_window_minutes = var.intake_window_minutes
  webhook_max_instances = var.webhook_max_instances

  pseudonym_secret_id        = var.pseudonym_secret_id
  pseudonym_previous_version = var.pseudonym_previous_version
  quarantine_days            = var.quarantine_days
  fair_use                   = var.fair_use
  webhook_fallback_seconds   = var.webhook_fallback_seconds
  max_event_age_hours        = var.max_event_age_hours

  depends_on = [module.apis, module.firestore]
}

module "pubsub" {
  source      = "./infra/pubsub"
  project_id  = var.project_id
  name_prefix = var.name_prefix
  topology    = local.topology
  router_url  = module.functions.router_url
  # Only these identities may publish to tinbao-events.
  publishers = [
    module.functions.service_accounts["webhook"],
    module.functions.service_accounts["escalator"],
  ]
  router_run_service = module.functions.run_services["router"]
  region             = var.region

  depends_on = [module.apis]
}

module "scheduler" {
  source                = "./infra/scheduler"
  project_id            = var.project_id
  region                = var.region
  name_prefix           = var.name_prefix
  schedule              = var.escalator_schedule
  escalator_url         = module.functions.escalator_url
  escalator_run_service = module.functions.run_services["escalator"]

  depends_on = [module.apis]
}

module "monitoring" {
  source                   = "./infra/monitoring"
  project_id               = var.project_id
  alert_emails             = var.alert_emails
  dead_letter_subscription = local.topology.dead_letter_subscription.name
  run_services             = module.functions.run_services
  overdue_metric_name      = "${var.name_prefix}_tips_overdue"

  depends_on = [module.apis]
}
