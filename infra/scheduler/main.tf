# The scheduler's identity may invoke the escalator and nothing else.
resource "google_service_account" "scheduler" {
  project      = var.project_id
  account_id   = "${var.name_prefix}-scheduler"
  display_name = "tinbao scheduler"
  description  = "OIDC identity of the escalator's Cloud Scheduler job; may invoke the escalator only."
}

resource "google_cloud_run_service_iam_member" "scheduler_invokes_escalator" {
  project  = var.project_id
  location = var.region
  service  = var.escalator_run_service
  role     = "roles/run.invoker"
  member   = google_service_account.scheduler.member
}

resource "google_cloud_scheduler_job" "escalator" {
  project     = var.project_id
  region      = var.region
  name        = "${var.name_prefix}-escalator"
  description = "Calls the escalator: tips whose next action is due."
  schedule    = var.schedule
  time_zone   = "Asia/Ho_Chi_Minh"
  # Within the minute: a run that has not answered by then is overtaken by the next one.
  attempt_deadline = "60s"

  # The next run retries anyway; scheduler retries would only overlap it.
  retry_config {
    retry_count = 0
  }

  http_target {
    http_method = "POST"
    uri         = var.escalator_url

    oidc_token {
      service_account_email = google_service_account.scheduler.email
      audience              = var.escalator_url
    }
  }

  depends_on = [google_cloud_run_service_iam_member.scheduler_invokes_escalator]
}
