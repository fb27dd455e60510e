output "tinbao_oas" {
  description = "TINBAO_OAS: a JSON list of {oa_id, unit}, one entry per OA."
  value       = local.tinbao_oas

  precondition {
    condition     = length(local.unknown_units) == 0
    error_message = "oas names units that profile ${var.profile} does not have: ${join(", ", local.unknown_units)}."
  }

  precondition {
    condition     = length(local.tinbao_oas) <= 16384
    error_message = "TINBAO_OAS would take more than half of a function's 32 KiB of environment variables."
  }
}

output "single_oa_id" {
  description = "ZALO_OA_ID: the OA of a single-OA line, empty when there are several."
  value       = local.single_oa ? var.oas[0].oa_id : ""
}

output "single_oa_unit" {
  description = "ZALO_OA_UNIT: the unit of that OA, empty when there are several."
  value       = local.single_oa ? var.oas[0].unit : ""
}

output "oa_count" {
  description = "How many OAs the line serves."
  value       = length(var.oas)
}

output "wards_without_oa" {
  description = "Wards of the profile no OA belongs to (their tips arrive through the desk's OA or another ward's)."
  value       = sort(tolist(setsubtract(local.ward_ids, local.oa_units)))
}
