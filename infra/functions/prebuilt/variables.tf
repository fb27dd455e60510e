variable "source_dir" {
  description = "Repository root, as the functions' archive is built from it."
  type        = string
}
