locals {
  # main is the client libraries' (default) database; the others carry the line's prefix
  # so that two lines can share a project.
  database_ids = { for key, _ in var.databases : key => key == "main" ? "(default)" : "${var.name_prefix}-${key}" }
}

resource "google_firestore_database" "db" {
  for_each = var.databases

  project     = var.project_id
  name        = local.database_ids[each.key]
  location_id = var.location
  type        = "FIRESTORE_NATIVE"

  concurrency_mode            = "OPTIMISTIC"
  app_engine_integration_mode = "DISABLED"
  # Tips are evidence: a mistaken write can be read back for seven days.
  point_in_time_recovery_enablement = "POINT_IN_TIME_RECOVERY_ENABLED"
  delete_protection_state           = var.delete_protection ? "DELETE_PROTECTION_ENABLED" : "DELETE_PROTECTION_DISABLED"
  # `terraform destroy` forgets the databases and keeps their data: tips outlive the stack.
  deletion_policy = "ABANDON"
}

resource "google_firestore_index" "composite" {
  for_each = { for i in var.indexes : i.name => i }

  project    = var.project_id
  database   = google_firestore_database.db[each.value.database].name
  collection = each.value.collection

  dynamic "fields" {
    for_each = each.value.fields
    content {
      field_path = fields.value[0]
      order      = fields.value[1]
    }
  }
}

resource "google_firestore_field" "ttl" {
  for_each = { for t in var.ttl_fields : "${t.database}/${t.collection}.${t.field}" => t }

  project    = var.project_id
  database   = google_firestore_database.db[each.value.database].name
  collection = each.value.collection
  field      = each.value.field

  ttl_config {}
  # No query filters on the expiry timestamp; an unindexed TTL field avoids write hotspots.
  index_config {}
}

resource "google_firestore_field" "unindexed" {
  for_each = { for f in var.unindexed_fields : "${f.database}/${f.collection}.${f.field}" => f }

  project    = var.project_id
  database   = google_firestore_database.db[each.value.database].name
  collection = each.value.collection
  field      = each.value.field

  # An empty index_config drops the automatic ascending, descending and array-contains
  # indexes of the field (and of a map's subfields): nothing queries them.
  index_config {}
}
