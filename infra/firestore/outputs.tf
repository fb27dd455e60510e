output "database" {
  description = "Id of the main (operational) database."
  value       = google_firestore_database.db["main"].name
}

output "databases" {
  description = "Id of each database by its key in infra/firestore.yaml (main, contacts, identity)."
  value       = { for key, db in google_firestore_database.db : key => db.name }
}

output "indexes" {
  description = "Composite index ids by IndexSpec name."
  value       = { for k, v in google_firestore_index.composite : k => v.id }
}

output "ttl_fields" {
  description = "Fields carrying a TTL policy, as database/collection.field."
  value       = keys(google_firestore_field.ttl)
}

output "unindexed_fields" {
  description = "Fields exempted from single-field indexing, as database/collection.field."
  value       = keys(google_firestore_field.unindexed)
}
