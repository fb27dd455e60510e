output "events_topic" {
  description = "Events topic name."
  value       = google_pubsub_topic.events.name
}

output "dead_letter_topic" {
  description = "Dead-letter topic name."
  value       = google_pubsub_topic.dead_letter.name
}

output "router_subscription" {
  description = "Push subscription feeding the router."
  value       = google_pubsub_subscription.router.name
}

output "dead_letter_subscription" {
  description = "Pull subscription holding dead letters."
  value       = google_pubsub_subscription.dead_letter.name
}

output "push_service_account" {
  description = "OIDC identity of the router push subscription."
  value       = google_service_account.push.email
}
