variable "project_id" {
  description = "Project holding the functions."
  type        = string
}

variable "region" {
  description = "Region of the functions, their source bucket and their secrets' replicas."
  type        = string
}

variable "name_prefix" {
  description = "Prefix of function, service account, secret and bucket names."
  type        = string
}

variable "source_dir" {
  description = "Repository root: the one source archive all three functions are built from."
  type        = string
}

variable "events_topic" {
  description = "Pub/Sub topic of stored changes (infra/topology.yaml events_topic)."
  type        = string
}

variable "databases" {
  description = "Firestore database ids by key (main, contacts, identity), from infra/firestore."
  type        = map(string)

  validation {
    condition     = length(setsubtract(["main", "contacts", "identity"], keys(var.databases))) == 0
    error_message = "databases needs the main, contacts and identity databases."
  }
}

variable "zalo_app_id" {
  description = "Zalo app id."
  type        = string
}

variable "tinbao_oas" {
  description = "TINBAO_OAS: the OAs served, a JSON list of {oa_id, unit} (made by infra/oas)."
  type        = string
}

variable "zalo_appsecret_proof" {
  description = "Send appsecret_proof with each OA API call (the Zalo app's option)."
  type        = bool
  default     = false
}

variable "single_oa_id" {
  description = "ZALO_OA_ID: the OA of a single-OA line, empty when there are several."
  type        = string
}

variable "single_oa_unit" {
  description = "ZALO_OA_UNIT: the unit of that OA, empty when there are several."
  type        = string
}

variable "oa_keys_secret_id" {
  description = "Secret id of the OA Secret Keys, one JSON object {oa_id: key} for every OA."
  type        = string
}

variable "app_secret_id" {
  description = "Secret id of the Zalo App Secret."
  type        = string
}

variable "pseudonym_secret_id" {
  description = "Secret id of the reporter pseudonym key (its own secret, never an OA key)."
  type        = string
}

variable "pseudonym_previous_version" {
  description = "Version of the pseudonym key before the last rotation (\"latest\": no rotation in progress)."
  type        = string
}

variable "secret_values" {
  description = "Optional first secret values keyed by secret id (kept in state: prefer gcloud)."
  type        = map(string)
  default     = {}
  sensitive   = true
}

variable "profile" {
  description = "Jurisdiction profile (hcm, 2025 or 2021)."
  type        = string
}

variable "retention_days" {
  description = "Days before Firestore TTL removes a tip."
  type        = number
}

variable "intake_window_minutes" {
  description = "Messages of one citizen within this window join one tip."
  type        = number
}

variable "quarantine_days" {
  description = "Days an event kept raw in the quarantine stays before Firestore TTL removes it."
  type        = number
}

variable "fair_use" {
  description = "Per-citizen limits on what messages set off (shared/settings.py TINBAO_FAIR_* and TINBAO_UPDATE_EVERY_MINUTES)."
  type = object({
    burst_messages       = number
    burst_minutes        = number
    tips_per_day         = number
    update_every_minutes = number
  })
}

variable "webhook_fallback_seconds" {
  description = "Part of the webhook's budget kept for handing the raw event to Pub/Sub when Firestore fails or is slow."
  type        = number
}

variable "max_event_age_hours" {
  description = "A signed event older than this is refused as a replay."
  type        = number
}

variable "webhook_max_instances" {
  description = "Upper bound on webhook instances."
  type        = number
}

variable "webhook_budget_seconds" {
  description = "Seconds the webhook allows itself before answering Zalo (Zalo gives up at 2 s)."
  type        = number
  default     = 1.5

  validation {
    condition     = var.webhook_budget_seconds > 0 && var.webhook_budget_seconds < 2
    error_message = "webhook_budget_seconds must be below Zalo's 2 s."
  }
}

variable "escalator_budget_seconds" {
  description = "Seconds after which an escalator run takes no new work (what is left waits for the next minute's run); a send already started ends within 20 s more."
  type        = number
  default     = 25

  validation {
    condition     = var.escalator_budget_seconds > 0 && var.escalator_budget_seconds <= 30
    error_message = "escalator_budget_seconds plus a send's 20 s must stay well under the escalator's 55 s timeout: at most 30."
  }
}

variable "runtime" {
  description = "Python runtime the code is tested on."
  type        = string
  default     = "python311"
}

variable "zalo_api_base" {
  description = "Zalo OA API base URL."
  type        = string
  default     = "https://openapi.zalo.me"
}

variable "zalo_oauth_base" {
  description = "Zalo OAuth base URL."
  type        = string
  default     = "https://oauth.zaloapp.com"
}
