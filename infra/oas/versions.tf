terraform {
  # No provider: this module only computes, so `terraform plan` runs it anywhere
  # (tests/test_terraform_oas.py plans it at 169 OAs).
  required_version = ">= 1.5"
}
