output "webhook_url" {
  description = "Public URL of the webhook, for the Zalo console."
  value       = google_cloudfunctions2_function.function["webhook"].service_config[0].uri
}

output "router_url" {
  description = "URL of the router (push endpoint and OIDC audience)."
  value       = google_cloudfunctions2_function.function["router"].service_config[0].uri
}

output "escalator_url" {
  description = "URL of the escalator (scheduler target and OIDC audience)."
  value       = google_cloudfunctions2_function.function["escalator"].service_config[0].uri
}

output "run_services" {
  description = "Cloud Run service behind each function (for invoker bindings and metrics)."
  value       = { for k, f in google_cloudfunctions2_function.function : k => f.service_config[0].service }
}

output "service_accounts" {
  description = "Runtime service account email of each function."
  value       = { for k, sa in google_service_account.function : k => sa.email }
}

output "secret_ids" {
  description = "Secrets the operator fills before the functions can start."
  value       = sort(tolist(local.secret_ids))
}

output "source_object" {
  description = "gs:// path of the deployed source archive."
  value       = "gs://${google_storage_bucket.source.name}/${google_storage_bucket_object.source.name}"
}
