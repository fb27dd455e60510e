# Which Firestore database each runtime account reaches, and how. Firestore's IAM
# resource is the database: each grant is a project binding with an IAM condition on
# resource.name, so a role on one database gives nothing on another. Which collection
# lives in which database is infra/firestore.yaml; the reasons are in
# docs/OPERATIONS.md ("Databases and who reaches them"); tests/test_terraform_access.py
# evaluates the grants with Terraform and holds them.

locals {
  firestore_access = {
    # Intake's commit is in main. The webhook records who wrote (a reporter's Zalo id)
    # in contacts without being able to read any of it back, and never reaches identity:
    # no OA token, officer, invite or roster.
    webhook = {
      main     = "user"
      contacts = "contact_writer"
    }
    # Answers citizens (reads their Zalo id, keeps it alive), enrols and finds officers,
    # pages rosters, refreshes the OA tokens.
    router = {
      main     = "user"
      contacts = "user"
      identity = "user"
    }
    # Pages and resends (reads Zalo ids, never writes them), refreshes the OA tokens.
    escalator = {
      main     = "user"
      contacts = "viewer"
      identity = "user"
    }
  }

  firestore_roles = {
    user   = "roles/datastore.user"
    viewer = "roles/datastore.viewer"
  }

  firestore_grants = merge([
    for fn, databases in local.firestore_access : {
      for db, role in databases : "${fn}/${db}" => { function = fn, database = db, role = role }
    }
  ]...)
}

# Create documents, nothing else: a Firestore commit whose writes carry an exists=false
# precondition needs datastore.entities.create alone (Firestore's "Security for server
# client libraries", required permissions per method); reading needs .get and .list.
resource "google_project_iam_custom_role" "contact_writer" {
  project     = var.project_id
  role_id     = "${replace(var.name_prefix, "-", "_")}_contact_writer"
  title       = "tinbao contact writer"
  description = "Creates documents without reading, updating or deleting any: the webhook records a reporter's Zalo id once."
  permissions = ["datastore.entities.create"]
}

resource "google_project_iam_member" "firestore" {
  for_each = local.firestore_grants

  project = var.project_id
  role    = each.value.role == "contact_writer" ? google_project_iam_custom_role.contact_writer.name : local.firestore_roles[each.value.role]
  member  = google_service_account.function[each.value.function].member

  condition {
    title       = "Firestore ${each.value.database} database only"
    description = "${each.value.function} reaches the ${each.value.database} database and no other."
    expression  = "resource.name == \"projects/${var.project_id}/databases/${var.databases[each.value.database]}\""
  }
}
