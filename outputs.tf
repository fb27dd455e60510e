output "webhook_url" {
  description = "Paste this URL into the Zalo developer console as the app's webhook (Webhook URL)."
  value       = module.functions.webhook_url
}

output "router_url" {
  description = "Private URL of the router; only the Pub/Sub push identity may call it."
  value       = module.functions.router_url
}

output "escalator_url" {
  description = "Private URL of the escalator; only the scheduler identity may call it."
  value       = module.functions.escalator_url
}

output "events_topic" {
  description = "Pub/Sub topic of stored changes."
  value       = module.pubsub.events_topic
}

output "dead_letter_topic" {
  description = "Pub/Sub topic that receives events the router failed to handle."
  value       = module.pubsub.dead_letter_topic
}

output "router_subscription" {
  description = "Push subscription that feeds the router."
  value       = module.pubsub.router_subscription
}

output "service_accounts" {
  description = "Runtime service account of each function, and the push and scheduler identities."
  value = merge(module.functions.service_accounts, {
    push      = module.pubsub.push_service_account
    scheduler = module.scheduler.service_account
  })
}

output "secret_ids" {
  description = "Secret Manager secrets to fill with `gcloud secrets versions add` (docs/OPERATIONS.md)."
  value       = module.functions.secret_ids
}

output "source_object" {
  description = "Source archive deployed to the three functions, named by its content hash."
  value       = module.functions.source_object
}

output "wards_without_oa" {
  description = "Wards of the profile that no OA belongs to (their tips come through another OA)."
  value       = module.oas.wards_without_oa
}
