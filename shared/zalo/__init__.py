"""Zalo's side of the line: webhook events, their signature, the OA API client, tokens."""
