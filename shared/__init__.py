"""tinbao: the shared package of the three Cloud Functions.

The pure core (resolution, classification, rosters, policy, assistant, Zalo
payload models and signature) takes plain values and returns plain values; the
adapters (`firestore_store`, `pubsub`, `zalo_client`) are the only modules that
talk to Google or Zalo.
"""
