locals {
  sub = var.topology.router_subscription
  # The Pub/Sub service agent forwards undeliverable messages to the dead-letter topic.
  pubsub_agent = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-pubsub.iam.gserviceaccount.com"
}

data "google_project" "this" {
  project_id = var.project_id
}

resource "google_pubsub_topic" "events" {
  # checkov:skip=CKV_GCP_83:Google-managed encryption at rest. Most events carry ids only; intake.deferred events carry a citizen's raw signed message (Zalo id and words) for the minutes Firestore is failing, readable only by the router's push identity and the dead-letter path (IAM below); a CMEK key would add an outage mode to the very path that exists to survive outages.
  project = var.project_id
  name    = var.topology.events_topic
  labels  = { app = "tinbao" }
}

resource "google_pubsub_topic" "dead_letter" {
  # checkov:skip=CKV_GCP_83:Same payloads as the events topic (ids, and deferred raw events that exhausted their deliveries); Google-managed encryption, access by IAM only.
  project = var.project_id
  name    = var.topology.dead_letter_topic
  labels  = { app = "tinbao" }
}

resource "google_pubsub_topic_iam_member" "publisher" {
  for_each = toset(var.publishers)

  project = var.project_id
  topic   = google_pubsub_topic.events.name
  role    = "roles/pubsub.publisher"
  member  = "serviceAccount:${each.value}"
}

# The identity Pub/Sub signs its push requests with; it may invoke the router only.
resource "google_service_account" "push" {
  project      = var.project_id
  account_id   = "${var.name_prefix}-push"
  display_name = "tinbao Pub/Sub push to the router"
  description  = "OIDC identity of the router's push subscription; may invoke the router only."
}

resource "google_cloud_run_service_iam_member" "push_invokes_router" {
  project  = var.project_id
  location = var.region
  service  = var.router_run_service
  role     = "roles/run.invoker"
  member   = google_service_account.push.member
}

resource "google_pubsub_subscription" "router" {
  project = var.project_id
  name    = local.sub.name
  topic   = google_pubsub_topic.events.id
  labels  = { app = "tinbao" }

  ack_deadline_seconds       = local.sub.ack_deadline_seconds
  message_retention_duration = "${local.sub.message_retention_seconds}s"
  enable_message_ordering    = local.sub.enable_message_ordering

  push_config {
    push_endpoint = var.router_url
    oidc_token {
      service_account_email = google_service_account.push.email
      audience              = var.router_url
    }
  }

  retry_policy {
    minimum_backoff = "${local.sub.minimum_backoff_seconds}s"
    maximum_backoff = "${local.sub.maximum_backoff_seconds}s"
  }

  dead_letter_policy {
    dead_letter_topic     = google_pubsub_topic.dead_letter.id
    max_delivery_attempts = local.sub.max_delivery_attempts
  }

  # Never expire for inactivity: a quiet month must not delete the router's feed.
  expiration_policy {
    ttl = ""
  }

  depends_on = [
    google_pubsub_topic_iam_member.dead_letter_publisher,
    google_cloud_run_service_iam_member.push_invokes_router,
  ]
}

# Pull subscription that keeps dead letters for an operator to inspect and that
# the dead-letter alert counts (a topic alone retains nothing).
resource "google_pubsub_subscription" "dead_letter" {
  project = var.project_id
  name    = var.topology.dead_letter_subscription.name
  topic   = google_pubsub_topic.dead_letter.id
  labels  = { app = "tinbao" }

  ack_deadline_seconds       = var.topology.dead_letter_subscription.ack_deadline_seconds
  message_retention_duration = "${local.sub.message_retention_seconds}s"

  expiration_policy {
    ttl = ""
  }
}

# Exactly what the dead-letter path needs from the Pub/Sub service agent: publish to
# the dead-letter topic, and subscribe to (ack forwarded messages on) the router's
# subscription. Nothing project-wide.
resource "google_pubsub_topic_iam_member" "dead_letter_publisher" {
  project = var.project_id
  topic   = google_pubsub_topic.dead_letter.name
  role    = "roles/pubsub.publisher"
  member  = local.pubsub_agent
}

resource "google_pubsub_subscription_iam_member" "dead_letter_subscriber" {
  project      = var.project_id
  subscription = google_pubsub_subscription.router.name
  role         = "roles/pubsub.subscriber"
  member       = local.pubsub_agent
}
