terraform {
  required_version = ">= 1.5"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = ">= 6.1, < 8.0"
    }
    archive = {
      source = "hashicorp/archive"
      # 2.5 added glob patterns to archive_file.excludes, which the source archive relies on.
      version = ">= 2.5, < 3.0"
    }
  }
}

provider "google" {
  project = var.project_id
  region  = var.region
}
