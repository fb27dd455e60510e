#!/usr/bin/env bash
# What `make test` and `make run` need from the machine, beyond the Python packages
# that `make setup` installs: installed from Debian when it can be (as root, with
# apt-get), and named exactly when it cannot, with a non-zero exit.
#
#   scripts/system-deps.sh [--dry-run] test|run
#
# test: Java (the Firestore and Pub/Sub emulators), Chromium and ChromeDriver (the
#       stand-in page's browser tests), the Google Cloud CLI, Terraform, Python's venv.
# run:  Java, the Google Cloud CLI, Python's venv.
# --dry-run says the same and exits the same, but installs nothing.
# Silent, exit 0, when everything is there. tests/test_system_deps.py runs it
# against stand-in commands on an empty PATH.
set -euo pipefail

dry_run=0
target=""
for arg in "$@"; do
  case "$arg" in
    --dry-run) dry_run=1 ;;
    test | run) target="$arg" ;;
    *)
      echo "usage: $0 [--dry-run] test|run" >&2
      exit 2
      ;;
  esac
done
if [[ -z "$target" ]]; then
  echo "usage: $0 [--dry-run] test|run" >&2
  exit 2
fi

python="${PYTHON:-python3}"
have() { command -v "$1" >/dev/null 2>&1; }

# Debian package -> the command that shows it is installed.
declare -A provides=(
  [java]=java
  [chromium]=chromium
  [chromium-driver]=chromedriver
  [python3]="$python"
)
packages=()  # Debian packages to install
absent=()    # what Debian does not carry, as the line that says how to get it

have java || packages+=(java)
if [[ "$target" == test ]]; then
  have chromium || packages+=(chromium)
  have chromedriver || packages+=(chromium-driver)
fi
if ! have "$python"; then
  packages+=(python3 python3-venv)
  provides[python3-venv]=""
elif [[ ! -x .venv/bin/python ]] && ! "$python" -c 'import ensurepip' >/dev/null 2>&1; then
  # Debian's python3 creates virtual environments only with python3-venv.
  packages+=(python3-venv)
  provides[python3-venv]=""
fi
have gcloud || absent+=("gcloud: the Google Cloud CLI with its emulators is not in Debian: add Google's apt repository (https://cloud.google.com/sdk/docs/install#deb) and install google-cloud-cli google-cloud-cli-firestore-emulator google-cloud-cli-pubsub-emulator")
if [[ "$target" == test ]]; then
  have terraform || absent+=("terraform: Terraform >= 1.5 is not in Debian: install HashiCorp's release (https://developer.hashicorp.com/terraform/install) on PATH")
fi

if ((${#packages[@]} == 0 && ${#absent[@]} == 0)); then
  exit 0
fi

status=0
for line in "${absent[@]}"; do
  echo "make $target needs $line" >&2
  status=1
done

if ((${#packages[@]})); then
  # The JRE's package name changes with Debian's release (17 on Debian 12, 21 on 13).
  java_package() {
    if have apt-cache && apt-cache show openjdk-17-jre-headless >/dev/null 2>&1; then
      echo openjdk-17-jre-headless
    else
      echo default-jre-headless
    fi
  }
  names() {
    local p
    for p in "${packages[@]}"; do
      if [[ "$p" == java ]]; then java_package; else echo "$p"; fi
    done
  }
  mapfile -t names_list < <(names)
  missing="${names_list[*]}"
  echo "make $target needs these Debian packages: $missing" >&2
  if ! have apt-get; then
    echo "apt-get is not here: install the equivalent of $missing with this system's package manager" >&2
    status=1
  elif [[ "$(id -u)" != 0 ]]; then
    echo "not root: run  sudo apt-get update && sudo apt-get install -y $missing" >&2
    status=1
  elif ((dry_run)); then
    echo "would run: apt-get update && apt-get install -y $missing" >&2
  else
    echo "installing them: apt-get update && apt-get install -y $missing" >&2
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing; } >&2; then
      echo "apt-get could not install $missing (see its output above)" >&2
      exit 1
    fi
    for p in "${packages[@]}"; do
      command_name="${provides[$p]}"
      if [[ -n "$command_name" ]] && ! have "$command_name"; then
        echo "$command_name is still not on PATH after installing $p" >&2
        status=1
      fi
    done
  fi
fi
exit "$status"
