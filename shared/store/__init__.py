"""Storage: the only package that imports google.cloud (Firestore, Pub/Sub)."""
