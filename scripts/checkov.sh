#!/usr/bin/env bash
# Run checkov (pinned) over the Terraform of the repository; exit non-zero on any
# failed check. Checks skipped in the HCL carry their reason inline
# (`# checkov:skip=CKV_...:reason`). Installs checkov into its own venv under
# .tools/ on first use so that its dependencies never meet the project's.
set -euo pipefail

CHECKOV_VERSION="3.3.30"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${root}/.tools/checkov"

if [[ ! -x "${venv}/bin/checkov" ]] || ! "${venv}/bin/pip" show checkov 2>/dev/null | grep -qx "Version: ${CHECKOV_VERSION}"; then
  python3 -m venv "${venv}"
  "${venv}/bin/pip" install --quiet --disable-pip-version-check "checkov==${CHECKOV_VERSION}"
fi

cd "${root}"
# Offline and quiet: no Bridgecrew platform, no version check, failed checks only.
export BC_SKIP_MAPPING=TRUE CHECKOV_RUN_SCA_PACKAGE_SCAN_V2=false
exec "${venv}/bin/checkov" \
  --directory . \
  --framework terraform \
  --skip-path '\.venv' --skip-path '\.tools' --skip-path '\.terraform' \
  --download-external-modules false \
  --skip-download \
  --compact \
  --quiet \
  "$@"
