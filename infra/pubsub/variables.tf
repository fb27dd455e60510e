variable "project_id" {
  description = "Project holding the topics and subscriptions."
  type        = string
}

variable "region" {
  description = "Region of the router's Cloud Run service."
  type        = string
}

variable "name_prefix" {
  description = "Prefix of the push identity's account id."
  type        = string
}

variable "topology" {
  description = "infra/topology.yaml, decoded: topic and subscription names and delivery parameters."
  type = object({
    events_topic      = string
    dead_letter_topic = string
    router_subscription = object({
      name                      = string
      ack_deadline_seconds      = number
      max_delivery_attempts     = number
      minimum_backoff_seconds   = number
      maximum_backoff_seconds   = number
      message_retention_seconds = number
      enable_message_ordering   = bool
    })
    dead_letter_subscription = object({
      name                 = string
      ack_deadline_seconds = number
    })
  })

  validation {
    condition     = var.topology.router_subscription.max_delivery_attempts >= 5 && var.topology.router_subscription.max_delivery_attempts <= 100
    error_message = "Pub/Sub accepts max_delivery_attempts between 5 and 100."
  }
}

variable "router_url" {
  description = "Router URL: the push endpoint and the OIDC audience."
  type        = string
}

variable "router_run_service" {
  description = "Cloud Run service behind the router, on which the push identity may invoke."
  type        = string
}

variable "publishers" {
  description = "Service account emails allowed to publish to the events topic."
  type        = list(string)
}
