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

variable "pseudonym_secret_id" {
  description = "Secret Manager secret id that will hold the reporter pseudonym key (HMAC of each citizen's Zalo id): a secret of its own, never an OA key."
  type        = string
  default     = "tinbao-pseudonym-key"

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9_-]{0,254}$", var.pseudonym_secret_id))
    error_message = "pseudonym_secret_id must be a valid Secret Manager secret id."
  }
}

variable "pseudonym_previous_version" {
  description = <<-EOT
    Version number of the pseudonym key before its last rotation, mounted beside the
    latest so that pseudonyms made with it stay resolvable (a citizen's open tip and
    conversation survive the rotation). "latest" while no rotation is in progress; set
    it back to "latest" once retention_days have passed since the rotation.
  EOT
  type        = string
  default     = "latest"

  validation {
    condition     = can(regex("^(latest|[1-9][0-9]*)$", var.pseudonym_previous_version))
    error_message = "pseudonym_previous_version must be \"latest\" or a version number."
  }
}

variable "quarantine_days" {
  description = "Days a signed event kept raw in the quarantine (it could not be stored as a message) stays before Firestore TTL removes it."
  type        = number
  default     = 30

  validation {
    condition     = var.quarantine_days >= 1 && var.quarantine_days <= 365 && floor(var.quarantine_days) == var.quarantine_days
    error_message = "quarantine_days must be a whole number between 1 and 365."
  }
}

variable "fair_use" {
  description = <<-EOT
    What one citizen's messages may set off (every message is stored regardless):
    beyond burst_messages within burst_minutes they are summarised, not answered or
    alerted one by one; beyond tips_per_day new tips in 24 hours, tip material joins
    the citizen's open tip; officers get at most one update per tip every
    update_every_minutes.
  EOT
  type = object({
    burst_messages       = number
    burst_minutes        = number
    tips_per_day         = number
    update_every_minutes = number
  })
  default = {
    burst_messages       = 20
    burst_minutes        = 10
    tips_per_day         = 5
    update_every_minutes = 5
  }

  validation {
    condition     = alltrue([for v in values(var.fair_use) : v >= 1])
    error_message = "Every fair_use limit must be at least 1."
  }
}

variable "webhook_fallback_seconds" {
  description = "Part of the webhook's 1.5 s budget kept for handing the raw signed event to Pub/Sub when Firestore fails or is slow."
  type        = number
  default     = 0.4

  validation {
    condition     = var.webhook_fallback_seconds > 0 && var.webhook_fallback_seconds < 1.5
    error_message = "webhook_fallback_seconds must be positive and below the webhook's budget."
  }
}

variable "max_event_age_hours" {
  description = "A signed Zalo event older than this is refused as a replay: longer than Zalo's retries (about 2 hours), shorter than retention_days."
  type        = number
  default     = 24

  validation {
    condition     = var.max_event_age_hours >= 3
    error_message = "max_event_age_hours must be at least 3 (Zalo retries for about 2 hours)."
  }
}
