"""Cloud Function `route_event` (CloudEvent): routes each change on `tinbao-events`.

Fed by Terraform's push subscription (the framework turns the raw push body into
a `google.cloud.pubsub.topic.v1.messagePublished` CloudEvent) or by Eventarc.
Returning acknowledges the message; raising makes Pub/Sub redeliver it, which is
what a Firestore failure wants. A send Zalo did not take is acknowledged: its
retry is recorded, and the escalator's sweep owns it.
"""

import sys
from pathlib import Path

# The functions framework puts only this file's folder on sys.path; the
# deployed archive (and a checkout) holds the `shared` package two levels up.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import functions_framework
from cloudevents.http import CloudEvent

from shared.bootstrap import get_router


@functions_framework.cloud_event
def route_event(cloud_event: CloudEvent) -> None:
    get_router().handle(cloud_event)
