variable "project_id" {
  description = "Project in which to enable the APIs."
  type        = string
}

variable "services" {
  description = "APIs the line uses."
  type        = list(string)
  default = [
    "artifactregistry.googleapis.com", # images the function builds push
    "cloudbuild.googleapis.com",       # builds each function from the source archive
    "cloudfunctions.googleapis.com",
    "cloudresourcemanager.googleapis.com", # project number for the Pub/Sub service agent
    "cloudscheduler.googleapis.com",
    "firestore.googleapis.com",
    "iam.googleapis.com",
    "logging.googleapis.com",
    "monitoring.googleapis.com",
    "pubsub.googleapis.com",
    "run.googleapis.com", # 2nd gen functions run as Cloud Run services
    "secretmanager.googleapis.com",
    "storage.googleapis.com",
  ]
}
