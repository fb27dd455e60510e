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

variable "webhook_service" {
  description = "Cloud Run service behind the webhook."
  type        = string
}

variable "escalator_service" {
  description = "Cloud Run service behind the escalator."
  type        = string
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
