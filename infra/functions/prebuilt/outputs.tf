output "stale" {
  description = "Files whose SHA-256 differs from shared/data/prebuilt.json (empty: every prebuilt file is current)."
  value       = local.stale
}

output "checked" {
  description = "How many files were checked against shared/data/prebuilt.json."
  value       = length(local.manifest.sha256)
}
