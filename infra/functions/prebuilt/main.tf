# The prebuilt classifier rules and model (shared/data/*.pickle) checked before the
# functions are packaged: shared/data/prebuilt.json, written by scripts/compile_data.py,
# holds the SHA-256 of every prebuilt file and of each file it was built from. A file
# whose bytes differ from what the manifest recorded (a data file or the code that
# builds it edited since, a pickle written by other code) makes the archive refuse to
# build (infra/functions: archive_file's precondition), so a stale prebuilt object is
# never deployed. The functions compare only sizes at start (shared/core/prebuilt.py).

locals {
  manifest = jsondecode(file("${var.source_dir}/shared/data/prebuilt.json"))
  stale = sort([
    for path, sha256 in local.manifest.sha256 : path
    if !fileexists("${var.source_dir}/${path}") || try(filesha256("${var.source_dir}/${path}"), "") != sha256
  ])
}
