output "database" {
  description = "Firestore database id."
  value       = google_firestore_database.main.name
}

output "indexes" {
  description = "Composite index ids by IndexSpec name."
  value       = { for k, v in google_firestore_index.composite : k => v.id }
}

output "ttl_fields" {
  description = "Fields carrying a TTL policy."
  value       = keys(google_firestore_field.ttl)
}
