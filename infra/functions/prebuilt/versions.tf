terraform {
  # No provider: this module only reads files, so `terraform plan` runs it anywhere
  # (tests/test_prebuilt.py plans it on a stale and a current copy).
  required_version = ">= 1.5"
}
