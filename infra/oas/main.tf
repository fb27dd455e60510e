# The OAs of the line as the functions read them (TINBAO_OAS), checked against the
# profile's units: one list in, one setting out, whether the line has one OA or 169
# (the desk's and one per ward). Their Secret Keys are not here: they are one
# secret, a JSON object {oa_id: key} (infra/functions, ZALO_OA_SECRET_KEYS).

locals {
  profile = yamldecode(file("${var.data_dir}/profiles/${var.profile}/units.yaml"))

  # Units written in units.yaml, and the wards a profile makes from a unit list
  # (`wards_from`, as shared/core/profile_file.py does: ward-<code>).
  listed_units = [for unit in local.profile.units : unit.id]
  listed_wards = [for unit in local.profile.units : unit.id if unit.kind == "ward"]
  wards_from   = try(local.profile.wards_from.file, "")
  made_wards   = local.wards_from == "" ? [] : [for row in csvdecode(file("${var.data_dir}/${local.wards_from}")) : "ward-${row.code}"]
  unit_ids     = toset(concat(local.listed_units, local.made_wards))
  ward_ids     = toset(concat(local.listed_wards, local.made_wards))

  unknown_units = [for oa in var.oas : oa.unit if !contains(local.unit_ids, oa.unit)]
  oa_units      = toset([for oa in var.oas : oa.unit])

  # Compact on purpose: all of a function's environment variables share 32 KiB
  # (Cloud Run functions), and 169 OAs take about 8 KB here.
  tinbao_oas = jsonencode([for oa in var.oas : { oa_id = oa.oa_id, unit = oa.unit }])
  single_oa  = length(var.oas) == 1
}
