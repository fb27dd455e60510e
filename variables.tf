variable "project_id" {
  description = "Google Cloud project that holds the whole line (Firestore, Pub/Sub, functions)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id must be a Google Cloud project id: 6-30 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "region" {
  description = "Region of the functions, Firestore, the scheduler job and the secrets' replicas."
  type        = string
  default     = "asia-southeast1"

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]$", var.region))
    error_message = "region must be a Google Cloud region such as asia-southeast1."
  }
}

variable "name_prefix" {
  description = "Prefix of every function, service account, secret and bucket name (lets two lines share a project)."
  type        = string
  default     = "tinbao"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,12}$", var.name_prefix))
    error_message = "name_prefix must be 2-13 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "zalo_app_id" {
  description = "Zalo app id (developers.zalo.me) whose webhook and OAuth serve the OAs below."
  type        = string

  validation {
    condition     = can(regex("^[0-9]+$", var.zalo_app_id))
    error_message = "zalo_app_id must be the numeric Zalo app id."
  }
}

variable "zalo_appsecret_proof" {
  description = "True when the Zalo app requires appsecret_proof (else Zalo answers -242); docs/OPERATIONS.md."
  type        = bool
  default     = false
}

variable "oas" {
  description = <<-EOT
    Official Accounts served by this line: the Zalo OA id and the unit (an id of the
    profile: hcm-desk, ward-27019, ...) that owns it. One OA, or the desk's and one per
    ward (169 for the whole city). Their Secret Keys are one secret (oa_keys_secret_id).
  EOT
  type = list(object({
    oa_id = string
    unit  = string
  }))

  # infra/oas checks each entry (numeric ids, each once, units of the profile).
  validation {
    condition     = length(var.oas) >= 1
    error_message = "oas needs at least one Official Account."
  }
}

variable "oa_keys_secret_id" {
  description = <<-EOT
    Secret Manager secret id that will hold every OA's Secret Key (webhook signatures) as
    one JSON object {"<oa_id>": "<key>"}. Up to 64 KiB: about a thousand OAs.
  EOT
  type        = string
  default     = "tinbao-oa-keys"

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9_-]{0,254}$", var.oa_keys_secret_id))
    error_message = "oa_keys_secret_id must be a valid Secret Manager secret id."
  }
}

variable "app_secret_id" {
  description = "Secret Manager secret id that will hold the Zalo App Secret (OAuth token refresh)."
  type        = string
  default     = "tinbao-zalo-app-secret"

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9_-]{0,254}$", var.app_secret_id))
    error_message = "app_secret_id must be a valid Secret Manager secret id."
  }
}

variable "secret_values" {
  description = <<-EOT
    Optional first values of the secrets, keyed by secret id. Values given here are
    stored in the Terraform state: prefer leaving this empty and adding versions with
    gcloud (see docs/OPERATIONS.md).
  EOT
  type        = map(string)
  default     = {}
  sensitive   = true
}

variable "profile" {
  description = "Jurisdiction profile: hcm (the whole city, 168 wards; new lines), 2025 (the five wards of former Tân Phú) or 2021 (Tân Phú district as in 2021)."
  type        = string
  default     = "hcm"

  validation {
    condition     = contains(["hcm", "2025", "2021"], var.profile)
    error_message = "profile must be hcm, 2025 or 2021."
  }
}

variable "escalator_schedule" {
  description = "Cron schedule (Asia/Ho_Chi_Minh) on which Cloud Scheduler calls the escalator."
  type        = string
  default     = "* * * * *"

  validation {
    condition     = length(split(" ", trimspace(var.escalator_schedule))) == 5
    error_message = "escalator_schedule must be a five-field cron expression."
  }
}

variable "alert_emails" {
  description = "Email addresses that receive the monitoring alerts (dead letters, webhook 5xx, escalator failures, overdue tips)."
  type        = list(string)

  validation {
    condition     = length(var.alert_emails) >= 1 && alltrue([for e in var.alert_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", e))])
    error_message = "alert_emails needs at least one valid email address."
  }
}

variable "retention_days" {
  description = "Days a tip, message or alert is kept before Firestore TTL deletes it."
  type        = number
  default     = 365

  validation {
    condition     = var.retention_days >= 1 && var.retention_days <= 3650 && floor(var.retention_days) == var.retention_days
    error_message = "retention_days must be a whole number between 1 and 3650."
  }
}

variable "intake_window_minutes" {
  description = "Messages one citizen sends within this window join one tip."
  type        = number
  default     = 30

  validation {
    condition     = var.intake_window_minutes >= 1 && var.intake_window_minutes <= 1440
    error_message = "intake_window_minutes must be between 1 and 1440."
  }
}

variable "webhook_max_instances" {
  description = "Upper bound on webhook instances (bounds cost and Firestore write rate under a flood)."
  type        = number
  default     = 10

  validation {
    condition     = var.webhook_max_instances >= 1 && var.webhook_max_instances <= 100
    error_message = "webhook_max_instances must be between 1 and 100."
  }
}

variable "firestore_delete_protection" {
  description = "Refuse to delete the Firestore databases, even from the console, while true."
  type        = bool
  default     = true
}
