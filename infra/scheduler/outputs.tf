output "job" {
  description = "Cloud Scheduler job id."
  value       = google_cloud_scheduler_job.escalator.id
}

output "service_account" {
  description = "OIDC identity of the job."
  value       = google_service_account.scheduler.email
}
