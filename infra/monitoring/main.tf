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

  # The escalator's structured log line {"event": "tip.overdue", ...}; paging runs in the
  # router too (a ladder that climbs at once when nobody is reachable).
  overdue_log_filter = "resource.type = \"cloud_run_revision\" AND (resource.labels.service_name = \"${local.service_name["router"]}\" OR resource.labels.service_name = \"${local.service_name["escalator"]}\") AND jsonPayload.event = \"tip.overdue\""

  # shared/zalo/client.py's error lines for what only a person can fix: the OA's or app's
  # quota or billing (-211, -218, -320, -321) and the app requiring appsecret_proof (-242).
  # The escalator's {"event": "escalator.outage_hold", "held_minutes": n} line: a ladder
  # held because its step still waits on Zalo.
  outage_hold_log_filter = "${local.revisions["escalator"]} AND jsonPayload.event = \"escalator.outage_hold\""

  # The door's {"event": "intake.quarantined", ...} line (webhook, and the router for
  # deferred events): a signed event kept raw because it could not be stored as a message.
  quarantined_log_filter = "resource.type = \"cloud_run_revision\" AND (resource.labels.service_name = \"${local.service_name["webhook"]}\" OR resource.labels.service_name = \"${local.service_name["router"]}\") AND jsonPayload.event = \"intake.quarantined\""

  zalo_account_log_filter = "resource.type = \"cloud_run_revision\" AND (resource.labels.service_name = \"${local.service_name["router"]}\" OR resource.labels.service_name = \"${local.service_name["escalator"]}\") AND (jsonPayload.event = \"zalo.quota_exhausted\" OR jsonPayload.event = \"zalo.appsecret_proof_required\")"
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

# Counts tips gone overdue, for charts and the monthly review.
resource "google_logging_metric" "tips_overdue" {
  project = var.project_id
  name    = var.overdue_metric_name
  filter  = local.overdue_log_filter

  metric_descriptor {
    metric_kind  = "DELTA"
    value_type   = "INT64"
    unit         = "1"
    display_name = "tinbao tips overdue"
  }
}

# The alert matches the log line itself rather than thresholding the metric above: an
# alert on a log-based metric created in the same apply fails with 404 "Cannot find
# metric(s)" for up to ten minutes (hashicorp/terraform-provider-google#11102, open and
# seen with 7.28), and the provider does not retry it. A log-match condition needs no
# metric, so one apply creates both and the alert can fire from the first overdue tip.
resource "google_monitoring_alert_policy" "tips_overdue" {
  project               = var.project_id
  display_name          = "tinbao: tips overdue"
  combiner              = "OR"
  notification_channels = local.channels

  conditions {
    display_name = "A tip went overdue"
    condition_matched_log {
      filter = local.overdue_log_filter
      # The tip's code and unit only: never a Zalo id or a citizen's words.
      label_extractors = {
        tip_id  = "EXTRACT(jsonPayload.tip_id)"
        unit_id = "EXTRACT(jsonPayload.unit_id)"
      }
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
    content   = "A tip reached the end of its escalation ladder without being taken. See docs/OPERATIONS.md, \"Tips overdue\"."
  }
}

# Counts the escalator's {"event": "escalator.outage_hold", ...} lines: one per
# ladder per run that holds because its step still waits on Zalo (a Zalo outage,
# in ladder-minutes).
resource "google_logging_metric" "outage_holds" {
  project = var.project_id
  name    = var.outage_hold_metric_name
  filter  = local.outage_hold_log_filter

  metric_descriptor {
    metric_kind  = "DELTA"
    value_type   = "INT64"
    unit         = "1"
    display_name = "tinbao ladders held for Zalo"
  }
}

resource "google_monitoring_alert_policy" "outage_holds" {
  project               = var.project_id
  display_name          = "tinbao: ladders held, Zalo is not delivering"
  combiner              = "OR"
  notification_channels = local.channels

  # On the log line itself, not on the metric: an alert on a log-based metric created in
  # the same apply fails with 404 for minutes (docs/OPERATIONS.md, "Apply order").
  conditions {
    display_name = "A ladder held for Zalo five minutes or more"
    condition_matched_log {
      filter = "${local.outage_hold_log_filter} AND jsonPayload.held_minutes >= 5"
      label_extractors = {
        tip_id = "EXTRACT(jsonPayload.tip_id)"
      }
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
    content   = "Zalo is not delivering the line's alerts (an outage, a rate limit, or a token that cannot be refreshed): ladders hold at their current step and nothing is given up. Call the wards' duty desks by phone meanwhile. See docs/OPERATIONS.md, \"Ladders held, Zalo is not delivering\"."
  }
}

# Zalo refuses every send for a reason the ladder cannot fix (no retry helps): pages a
# person at the first occurrence, from the log line itself.
resource "google_monitoring_alert_policy" "zalo_account" {
  project               = var.project_id
  display_name          = "tinbao: Zalo refuses sends (quota, billing or appsecret_proof)"
  combiner              = "OR"
  notification_channels = local.channels

  conditions {
    display_name = "Zalo answered a quota, billing or appsecret_proof error"
    condition_matched_log {
      filter = local.zalo_account_log_filter
      label_extractors = {
        event      = "EXTRACT(jsonPayload.event)"
        error_code = "EXTRACT(jsonPayload.error_code)"
      }
    }
  }

  alert_strategy {
    notification_rate_limit {
      period = "300s"
    }
    auto_close = "1800s"
  }

  documentation {
    mime_type = "text/markdown"
    content   = "Zalo refuses the OA's messages for its quota, billing or appsecret_proof: officers and citizens receive nothing until an admin acts. See docs/OPERATIONS.md, \"Zalo refuses sends\"."
  }
}

# Counts the intake's structured log lines {"event": "intake.quarantined", ...}: a
# validly signed event kept raw because it could not be stored as a message (a
# shape we do not model, or a write Firestore refused for good). Webhook and router
# both write them (the router for events the webhook deferred to Pub/Sub).
resource "google_logging_metric" "quarantined" {
  project = var.project_id
  name    = var.quarantine_metric_name
  filter  = local.quarantined_log_filter

  metric_descriptor {
    metric_kind  = "DELTA"
    value_type   = "INT64"
    unit         = "1"
    display_name = "tinbao events quarantined"
  }
}

resource "google_monitoring_alert_policy" "quarantined" {
  project               = var.project_id
  display_name          = "tinbao: events kept in the quarantine"
  combiner              = "OR"
  notification_channels = local.channels

  # On the log line itself, not on the metric (see outage_holds).
  conditions {
    display_name = "A signed event was quarantined"
    condition_matched_log {
      filter = local.quarantined_log_filter
      label_extractors = {
        reason = "EXTRACT(jsonPayload.reason)"
      }
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
    content   = "A citizen's event could not be stored as a message and was kept raw in the Firestore collection `quarantine` (confidential: it holds the citizen's Zalo id). The citizen was told it was received. Read the `intake.quarantined` log line (reason, detail, quarantine_key), open the document, and pass its content to the desk if it is a tip; it expires after quarantine_days. See docs/OPERATIONS.md, \"Events quarantined\"."
  }
}
