variable "oas" {
  description = "Official Accounts served by the line: the Zalo OA id and the unit (an id of the profile) that owns it."
  type = list(object({
    oa_id = string
    unit  = string
  }))

  validation {
    condition     = length(var.oas) >= 1
    error_message = "oas needs at least one Official Account."
  }

  validation {
    condition     = alltrue([for oa in var.oas : can(regex("^[0-9]+$", oa.oa_id))])
    error_message = "Each oa_id must be a numeric Zalo OA id."
  }

  validation {
    condition     = length(distinct([for oa in var.oas : oa.oa_id])) == length(var.oas)
    error_message = "Each oa_id must appear once."
  }
}

variable "profile" {
  description = "Jurisdiction profile whose units the OAs belong to (shared/data/profiles/<profile>/units.yaml)."
  type        = string
}

variable "data_dir" {
  description = "The repository's shared/data folder, where the profiles and their unit lists live."
  type        = string
}
