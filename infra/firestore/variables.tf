variable "project_id" {
  description = "Project holding the databases."
  type        = string
}

variable "location" {
  description = "Firestore location; the region of the functions keeps reads and writes local."
  type        = string
}

variable "name_prefix" {
  description = "Prefix of the named databases (\"<name_prefix>-contacts\"); main is (default)."
  type        = string
}

variable "databases" {
  description = "The databases by key (main, contacts, identity) with what each holds (infra/firestore.yaml)."
  type        = map(string)

  validation {
    condition     = contains(keys(var.databases), "main") && alltrue([for k in keys(var.databases) : can(regex("^[a-z][a-z0-9-]{0,40}[a-z0-9]$", k))])
    error_message = "databases needs `main` and keys that make valid database ids (lowercase letters, digits, hyphens)."
  }
}

variable "indexes" {
  description = "Composite indexes: name, collection, database key (main by default), and fields as [field, ASCENDING|DESCENDING] pairs in query order."
  type = list(object({
    name       = string
    collection = string
    database   = optional(string, "main")
    fields     = list(list(string))
  }))
  default = []

  validation {
    condition     = alltrue([for i in var.indexes : length(i.fields) >= 2 && alltrue([for f in i.fields : length(f) == 2 && contains(["ASCENDING", "DESCENDING"], f[1])])])
    error_message = "Each index needs at least two [field, ASCENDING|DESCENDING] pairs (single fields are indexed automatically)."
  }
}

variable "ttl_fields" {
  description = "Timestamp fields whose passing makes Firestore delete the document, with their database key."
  type = list(object({
    database   = string
    collection = string
    field      = string
    legacy     = optional(bool, false)
  }))
  default = []
}

variable "unindexed_fields" {
  description = "Fields never filtered or ordered on, exempted from Firestore's automatic single-field indexes (fewer index entries a write), with their database key."
  type = list(object({
    database   = string
    collection = string
    field      = string
  }))
  default = []
}

variable "delete_protection" {
  description = "Refuse to delete the databases while true."
  type        = bool
  default     = true
}
