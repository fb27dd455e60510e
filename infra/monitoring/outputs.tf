output "notification_channels" {
  description = "Email notification channel ids."
  value       = local.channels
}

output "overdue_metric" {
  description = "Metric type of the overdue-tips log-based metric."
  value       = "logging.googleapis.com/user/${google_logging_metric.log_line["tips_overdue"].name}"
}
