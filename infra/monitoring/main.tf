locals {
  channels = [for c in google_monitoring_notification_channel.email : c.id]
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
    content   = "The router failed an event after every retry: a tip may not have been routed. Pull the subscription `${var.dead_letter_subscription}`, read the router logs for the tip id, fix, and republish to tinbao-events."
  }
}

resource "google_monitoring_alert_policy" "webhook_5xx" {
  project               = var.project_id
  display_name          = "tinbao: webhook 5xx rate"
  combiner              = "OR"
  notification_channels = local.channels

  conditions {
    display_name = "Share of 5xx answers from ${var.webhook_service}"
    condition_threshold {
      filter             = "resource.type = \"cloud_run_revision\" AND resource.labels.service_name = \"${var.webhook_service}\" AND metric.type = \"run.googleapis.com/request_count\" AND metric.labels.response_code_class = \"5xx\""
      denominator_filter = "resource.type = \"cloud_run_revision\" AND resource.labels.service_name = \"${var.webhook_service}\" AND metric.type = \"run.googleapis.com/request_count\""
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
    content   = "The webhook answers Zalo with 5xx: citizens' messages may be lost once Zalo stops retrying. Check the webhook logs (Firestore, Pub/Sub or secret errors)."
  }
}

resource "google_monitoring_alert_policy" "escalator_failures" {
  project               = var.project_id
  display_name          = "tinbao: escalator failures"
  combiner              = "OR"
  notification_channels = local.channels

  conditions {
    display_name = "5xx answers from ${var.escalator_service}"
    condition_threshold {
      # The escalator answers 5xx when a run fails; two failed runs in five minutes alert.
      filter          = "resource.type = \"cloud_run_revision\" AND resource.labels.service_name = \"${var.escalator_service}\" AND metric.type = \"run.googleapis.com/request_count\" AND metric.labels.response_code_class = \"5xx\""
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
    content   = "The escalator is failing: overdue tips are not re-alerted or sent up. Check the escalator logs."
  }
}

# Counts the escalator's structured log lines {"event": "tip.overdue", ...}.
resource "google_logging_metric" "tips_overdue" {
  project = var.project_id
  name    = var.overdue_metric_name
  filter  = "resource.type = \"cloud_run_revision\" AND resource.labels.service_name = \"${var.escalator_service}\" AND jsonPayload.event = \"tip.overdue\""

  metric_descriptor {
    metric_kind  = "DELTA"
    value_type   = "INT64"
    unit         = "1"
    display_name = "tinbao tips overdue"
  }
}

resource "google_monitoring_alert_policy" "tips_overdue" {
  project               = var.project_id
  display_name          = "tinbao: tips overdue"
  combiner              = "OR"
  notification_channels = local.channels

  conditions {
    display_name = "A tip went overdue"
    condition_threshold {
      filter          = "resource.type = \"cloud_run_revision\" AND metric.type = \"logging.googleapis.com/user/${google_logging_metric.tips_overdue.name}\""
      comparison      = "COMPARISON_GT"
      threshold_value = 0
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
    content   = "A tip reached the end of its escalation ladder without being taken. Open the tip and find its unit's duty commander."
  }
}

# Counts the escalator's {"event": "escalator.outage_hold", ...} lines: one per
# ladder per run that holds because its step still waits on Zalo (a Zalo outage,
# in ladder-minutes).
resource "google_logging_metric" "outage_holds" {
  project = var.project_id
  name    = var.outage_hold_metric_name
  filter  = "resource.type = \"cloud_run_revision\" AND resource.labels.service_name = \"${var.escalator_service}\" AND jsonPayload.event = \"escalator.outage_hold\""

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

  conditions {
    display_name = "A ladder held for Zalo over five minutes"
    condition_threshold {
      filter          = "resource.type = \"cloud_run_revision\" AND metric.type = \"logging.googleapis.com/user/${google_logging_metric.outage_holds.name}\""
      comparison      = "COMPARISON_GT"
      threshold_value = 0
      duration        = "300s"
      aggregations {
        alignment_period     = "60s"
        per_series_aligner   = "ALIGN_DELTA"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }

  documentation {
    mime_type = "text/markdown"
    content   = "Zalo is not delivering the line's alerts (an outage, a rate limit, or a token that cannot be refreshed): ladders hold at their current step and nothing is given up. Check status of Zalo's OA API and the `zalo.*` log lines; once Zalo answers, the held alerts go out, the wards' first. Meanwhile, call the wards' duty desks by phone."
  }
}
