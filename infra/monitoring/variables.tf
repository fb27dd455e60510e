variable "project_id" {
  description = "Project holding the alert policies."
  type        = string
}

variable "alert_emails" {
  description = "Emails notified by every alert."
  type        = list(string)
}

variable "dead_letter_subscription" {
  description = "Subscription on the dead-letter topic whose backlog means lost routing."
  type        = string
}

variable "run_services" {
  description = "Cloud Run service behind each function, as google_cloudfunctions2_function reports it (projects/P/locations/R/services/NAME, or the bare NAME)."
  type        = map(string)

  validation {
    condition     = alltrue([for fn in ["webhook", "router", "escalator"] : can(regex("^([a-z0-9-]+/)*[a-z]([-a-z0-9]*[a-z0-9])?$", lookup(var.run_services, fn, "")))])
    error_message = "run_services needs the webhook's, router's and escalator's Cloud Run services (each ending in a service name)."
  }
}

variable "webhook_5xx_ratio" {
  description = "Share of webhook requests answered 5xx over 5 minutes that raises an alert (Zalo retries, then gives up)."
  type        = number
  default     = 0.05

  validation {
    condition     = var.webhook_5xx_ratio > 0 && var.webhook_5xx_ratio < 1
    error_message = "webhook_5xx_ratio must be between 0 and 1."
  }
}

variable "webhook_4xx_ratio" {
  description = "Share of webhook requests answered 4xx over 10 minutes that raises an alert (with at least webhook_4xx_min_count of them)."
  type        = number
  default     = 0.5

  validation {
    condition     = var.webhook_4xx_ratio > 0 && var.webhook_4xx_ratio < 1
    error_message = "webhook_4xx_ratio must be between 0 and 1."
  }
}

variable "webhook_4xx_min_count" {
  description = "4xx answers in 10 minutes below which the 4xx alert stays quiet (a scanner's few requests)."
  type        = number
  default     = 5

  validation {
    condition     = var.webhook_4xx_min_count >= 0 && floor(var.webhook_4xx_min_count) == var.webhook_4xx_min_count
    error_message = "webhook_4xx_min_count must be a whole number of requests."
  }
}

variable "overdue_metric_name" {
  description = "Name of the log-based metric counting tips that went overdue."
  type        = string
  default     = "tinbao_tips_overdue"
}

variable "outage_hold_metric_name" {
  description = "Name of the log-based metric counting ladders held because Zalo did not deliver."
  type        = string
  default     = "tinbao_outage_holds"
}

variable "quarantine_metric_name" {
  description = "Name of the log-based metric counting events kept raw in the quarantine."
  type        = string
  default     = "tinbao_quarantined"
}
