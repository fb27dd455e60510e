variable "project_id" {
  description = "Project holding the database."
  type        = string
}

variable "location" {
  description = "Firestore location; the region of the functions keeps reads and writes local."
  type        = string
}

variable "indexes" {
  description = "Composite indexes: name, collection, and fields as [field, ASCENDING|DESCENDING] pairs in query order."
  type = list(object({
    name       = string
    collection = string
    fields     = list(list(string))
  }))
  default = []

  validation {
    condition     = alltrue([for i in var.indexes : length(i.fields) >= 2 && alltrue([for f in i.fields : length(f) == 2 && contains(["ASCENDING", "DESCENDING"], f[1])])])
    error_message = "Each index needs at least two [field, ASCENDING|DESCENDING] pairs (single fields are indexed automatically)."
  }
}

variable "ttl_fields" {
  description = "Timestamp fields whose passing makes Firestore delete the document."
  type = list(object({
    collection = string
    field      = string
  }))
  default = []
}

variable "delete_protection" {
  description = "Refuse to delete the database while true."
  type        = bool
  default     = true
}
