locals {
  channels = [for c in google_monitoring_notification_channel.email : c.id]

  # Cloud Run's `service_name` label holds the service's short name, while the
  # functions module hands over each service's full resource name
  # (projects/P/locations/R/services/NAME, as google_cloudfunctions2_function reports it).
  # tests/test_terraform_monitoring.py evaluates this with Terraform.
  service_name = { for fn, path in var.run_services : fn => regex("[^/]+$", path) }

  # Every filter below is built from these, so each names a real label value.
  revisions = { for fn, name in local.service_name : fn => "resource.type = \"cloud_run_revision\" AND resource.labels.service_name = \"${name}\"" }
  requests  = { for fn, f in local.revisions : fn => "${f} AND metric.type = \"run.googleapis.com/request_count\"" }

  # The structured log lines ({"event": ..., "severity": ...}) that page a person, and
  # the Cloud Run services that write each. Every log-line filter, metric and alert
  # below is built from this table, so each names a real service and a real event.
  log_lines = {
    # Paging logs it, in the escalator and in the router (a ladder that climbs at once
    # when nobody is reachable).
    tips_overdue = { services = ["router", "escalator"], events = ["tip.overdue"] }
    # The escalator, once a run per ladder held because its step still waits on Zalo.
    outage_holds = { services = ["escalator"], events = ["escalator.outage_hold"] }
    # The door: a signed event kept raw because it could not be stored as a message
    # (the webhook, and the router for events the webhook deferred to Pub/Sub).
    quarantined = { services = ["webhook", "router"], events = ["intake.quarantined"] }
    # shared/zalo/client.py, for what only a person can fix: the OA's or app's quota or
    # billing (-211, -218, -320, -321) and the app requiring appsecret_proof (-242).
    zalo_account = {
      services = ["router", "escalator"]
      events   = ["zalo.quota_exhausted", "zalo.appsecret_proof_required"]
    }
  }
  log_filters = {
    for name, line in local.log_lines : name => join(" AND ", [
      "resource.type = \"cloud_run_revision\"",
      "(${join(" OR ", [for fn in line.services : "resource.labels.service_name = \"${local.service_name[fn]}\""])})",
      "(${join(" OR ", [for event in line.events : "jsonPayload.event = \"${event}\""])})",
    ])
  }
}

resource "google_monitoring_notification_channel" "email" {
  for_each = toset(var.alert_emails)

  project      = var.project_id
  display_name = "tinbao alerts: ${each.value}"
  type         = "email"
  labels = {
    email_address = each.value
  }
}

resource "google_monitoring_alert_policy" "dead_letters" {
  project               = var.project_id
  display_name          = "tinbao: events in the dead-letter topic"
  combiner              = "OR"
  notification_channels = local.channels

  conditions {
    display_name = "Undelivered messages on ${var.dead_letter_subscription}"
    condition_threshold {
      filter          = "resource.type = \"pubsub_subscription\" AND resource.labels.subscription_id = \"${var.dead_letter_subscription}\" AND metric.type = \"pubsub.googleapis.com/subscription/num_undelivered_messages\""
      comparison      = "COMPARISON_GT"
      threshold_value = 0
      duration        = "0s"
      aggregations {
        alignment_period   = "60s"
        per_series_aligner = "ALIGN_MAX"
      }
    }
  }

  documentation {
    mime_type = "text/markdown"
    content   = "The router failed an event after every retry: a tip may not have been routed. See docs/OPERATIONS.md, \"Events in the dead-letter topic\"."
  }
}

resource "google_monitoring_alert_policy" "webhook_5xx" {
  project               = var.project_id
  display_name          = "tinbao: webhook 5xx rate"
  combiner              = "OR"
  notification_channels = local.channels

  conditions {
    display_name = "Share of 5xx answers from ${local.service_name["webhook"]}"
    condition_threshold {
      filter             = "${local.requests["webhook"]} AND metric.labels.response_code_class = \"5xx\""
      denominator_filter = local.requests["webhook"]
      comparison         = "COMPARISON_GT"
      threshold_value    = var.webhook_5xx_ratio
      duration           = "300s"
      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_RATE"
        cross_series_reducer = "REDUCE_SUM"
      }
      denominator_aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_RATE"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }

  documentation {
    mime_type = "text/markdown"
    content   = "The webhook answers Zalo with 5xx: it could store a signed event neither in Firestore nor in Pub/Sub, and Zalo may never send it again (it retries only unreachable webhooks, with Webhook Retry on). See docs/OPERATIONS.md, \"Webhook 5xx rate\"."
  }
}

# A rotated OA key, an OA missing from `oas` or a changed app id makes the webhook
# refuse every message with 401/403 while Zalo sees nothing wrong. Both conditions
# must hold: most answers are 4xx, and there are enough of them that a scanner's few
# requests to the public URL on a quiet night do not page anyone.
resource "google_monitoring_alert_policy" "webhook_4xx" {
  project               = var.project_id
  display_name          = "tinbao: webhook refuses most requests (4xx)"
  combiner              = "AND"
  notification_channels = local.channels

  conditions {
    display_name = "Share of 4xx answers from ${local.service_name["webhook"]}"
    condition_threshold {
      filter             = "${local.requests["webhook"]} AND metric.labels.response_code_class = \"4xx\""
      denominator_filter = local.requests["webhook"]
      comparison         = "COMPARISON_GT"
      threshold_value    = var.webhook_4xx_ratio
      duration           = "0s"
      aggregations {
        alignment_period     = "600s"
        per_series_aligner   = "ALIGN_RATE"
        cross_series_reducer = "REDUCE_SUM"
      }
      denominator_aggregations {
        alignment_period     = "600s"
        per_series_aligner   = "ALIGN_RATE"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }

  conditions {
    display_name = "More than ${var.webhook_4xx_min_count} 4xx answers from ${local.service_name["webhook"]} in 10 minutes"
    condition_threshold {
      filter          = "${local.requests["webhook"]} AND metric.labels.response_code_class = \"4xx\""
      comparison      = "COMPARISON_GT"
      threshold_value = var.webhook_4xx_min_count
      duration        = "0s"
      aggregations {
        alignment_period     = "600s"
        per_series_aligner   = "ALIGN_DELTA"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }

  documentation {
    mime_type = "text/markdown"
    content   = "The webhook refuses most of what reaches it: citizens' messages are not being taken. See docs/OPERATIONS.md, \"Webhook refuses most requests\"."
  }
}

resource "google_monitoring_alert_policy" "escalator_failures" {
  project               = var.project_id
  display_name          = "tinbao: escalator failures"
  combiner              = "OR"
  notification_channels = local.channels

  conditions {
    display_name = "5xx answers from ${local.service_name["escalator"]}"
    condition_threshold {
      # The escalator answers 5xx when a run fails; two failed runs in five minutes alert.
      filter          = "${local.requests["escalator"]} AND metric.labels.response_code_class = \"5xx\""
      comparison      = "COMPARISON_GT"
      threshold_value = 1
      duration        = "0s"
      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_DELTA"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }

  documentation {
    mime_type = "text/markdown"
    content   = "The escalator is failing: overdue tips are not re-alerted or sent up. See docs/OPERATIONS.md, \"Escalator failures\"."
  }
}

# Log-based metrics for charts and the monthly review: tips gone overdue, ladders held
# for Zalo (one per ladder per escalator run), events quarantined.
resource "google_logging_metric" "log_line" {
  for_each = {
    tips_overdue = { name = var.overdue_metric_name, display_name = "tinbao tips overdue" }
    outage_holds = { name = var.outage_hold_metric_name, display_name = "tinbao ladders held for Zalo" }
    quarantined  = { name = var.quarantine_metric_name, display_name = "tinbao events quarantined" }
  }

  project = var.project_id
  name    = each.value.name
  filter  = local.log_filters[each.key]

  metric_descriptor {
    metric_kind  = "DELTA"
    value_type   = "INT64"
    unit         = "1"
    display_name = each.value.display_name
  }
}

# The alerts match the log lines themselves rather than thresholding the metrics above:
# an alert on a log-based metric created in the same apply fails with 404 "Cannot find
# metric(s)" for up to ten minutes (hashicorp/terraform-provider-google#11102, open and
# seen with 7.28), and the provider does not retry it. A log-match condition needs no
# metric, so one apply creates everything and each alert can fire from its first line.
# `also` narrows the line; `labels` are what the notification shows: codes, units and
# reasons only, never a Zalo id or a citizen's words.
locals {
  log_alerts = {
    tips_overdue = {
      display_name = "tinbao: tips overdue"
      condition    = "A tip went overdue"
      also         = null
      labels       = { tip_id = "EXTRACT(jsonPayload.tip_id)", unit_id = "EXTRACT(jsonPayload.unit_id)" }
      content      = "A tip reached the end of its escalation ladder without being taken. See docs/OPERATIONS.md, \"Tips overdue\"."
    }
    outage_holds = {
      display_name = "tinbao: ladders held, Zalo is not delivering"
      condition    = "A ladder held for Zalo five minutes or more"
      also         = "jsonPayload.held_minutes >= 5"
      labels       = { tip_id = "EXTRACT(jsonPayload.tip_id)" }
      content      = "Zalo is not delivering the line's alerts (an outage, a rate limit, or a token that cannot be refreshed): ladders hold at their current step and nothing is given up. Call the wards' duty desks by phone meanwhile. See docs/OPERATIONS.md, \"Ladders held, Zalo is not delivering\"."
    }
    # Zalo refuses every send for a reason the ladder cannot fix (no retry helps).
    zalo_account = {
      display_name = "tinbao: Zalo refuses sends (quota, billing or appsecret_proof)"
      condition    = "Zalo answered a quota, billing or appsecret_proof error"
      also         = null
      labels       = { event = "EXTRACT(jsonPayload.event)", error_code = "EXTRACT(jsonPayload.error_code)" }
      content      = "Zalo refuses the OA's messages for its quota, billing or appsecret_proof: officers and citizens receive nothing until an admin acts. See docs/OPERATIONS.md, \"Zalo refuses sends\"."
    }
    quarantined = {
      display_name = "tinbao: events kept in the quarantine"
      condition    = "A signed event was quarantined"
      also         = null
      labels       = { reason = "EXTRACT(jsonPayload.reason)" }
      content      = "A citizen's event could not be stored as a message and was kept raw in the Firestore collection `quarantine` (confidential: it holds the citizen's Zalo id). The citizen was told it was received. Read the `intake.quarantined` log line (reason, detail, quarantine_key), open the document, and pass its content to the desk if it is a tip; it expires after quarantine_days. See docs/OPERATIONS.md, \"Events quarantined\"."
    }
  }
}

resource "google_monitoring_alert_policy" "log_line" {
  for_each = local.log_alerts

  project               = var.project_id
  display_name          = each.value.display_name
  combiner              = "OR"
  notification_channels = local.channels

  conditions {
    display_name = each.value.condition
    condition_matched_log {
      filter           = join(" AND ", compact([local.log_filters[each.key], each.value.also]))
      label_extractors = each.value.labels
    }
  }

  alert_strategy {
    # Log-match alerts must be rate-limited; five minutes is the shortest period allowed.
    notification_rate_limit {
      period = "300s"
    }
    auto_close = "1800s"
  }

  documentation {
    mime_type = "text/markdown"
    content   = each.value.content
  }
}

# Each of these had a resource of its own before: state follows the new addresses.
moved {
  from = google_logging_metric.tips_overdue
  to   = google_logging_metric.log_line["tips_overdue"]
}

moved {
  from = google_logging_metric.outage_holds
  to   = google_logging_metric.log_line["outage_holds"]
}

moved {
  from = google_logging_metric.quarantined
  to   = google_logging_metric.log_line["quarantined"]
}

moved {
  from = google_monitoring_alert_policy.tips_overdue
  to   = google_monitoring_alert_policy.log_line["tips_overdue"]
}

moved {
  from = google_monitoring_alert_policy.outage_holds
  to   = google_monitoring_alert_policy.log_line["outage_holds"]
}

moved {
  from = google_monitoring_alert_policy.zalo_account
  to   = google_monitoring_alert_policy.log_line["zalo_account"]
}

moved {
  from = google_monitoring_alert_policy.quarantined
  to   = google_monitoring_alert_policy.log_line["quarantined"]
}
