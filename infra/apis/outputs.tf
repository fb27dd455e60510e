output "services" {
  description = "APIs enabled."
  value       = [for s in google_project_service.service : s.service]
}
