"""The imperative shells: webhook, router, escalator, and the sending they share."""
