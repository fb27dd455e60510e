variable "project_id" {
  description = "Project holding the job."
  type        = string
}

variable "region" {
  description = "Region of the job and of the escalator."
  type        = string
}

variable "name_prefix" {
  description = "Prefix of the job and of its identity."
  type        = string
}

variable "schedule" {
  description = "Cron schedule in Asia/Ho_Chi_Minh."
  type        = string
  default     = "* * * * *"
}

variable "escalator_url" {
  description = "Escalator URL: the job's target and OIDC audience."
  type        = string
}

variable "escalator_run_service" {
  description = "Cloud Run service behind the escalator, the only one the job's identity may invoke."
  type        = string
}
