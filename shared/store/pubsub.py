"""Publishing to `tinbao-events`: the only module that imports the Pub/Sub client."""

from __future__ import annotations

from typing import Any

from google.cloud import pubsub_v1

from shared.core.events import DeferredEvent, TipEvent
from shared.store.ports import PublishError


class PubSubPublisher:
    def __init__(self, project: str, topic: str, client: Any | None = None) -> None:
        self._client = client or pubsub_v1.PublisherClient(
            publisher_options=pubsub_v1.types.PublisherOptions(enable_message_ordering=True),
            # Send at once: the webhook waits for the confirmation inside Zalo's 2 s.
            batch_settings=pubsub_v1.types.BatchSettings(max_latency=0.001),
        )
        self.topic_path = self._client.topic_path(project, topic)

    def publish(self, event: TipEvent | DeferredEvent, timeout: float) -> str:
        future = self._client.publish(
            self.topic_path,
            event.encode(),
            ordering_key=event.ordering_key,
            **event.attributes(),
        )
        # A failed ordered publish pauses its key until resumed; the failure may come
        # after we stopped waiting, so resume from the future's own callback.
        future.add_done_callback(lambda done: self._resume_if_failed(done, event.ordering_key))
        try:
            return str(future.result(timeout=timeout))
        except Exception as exc:  # the client raises many types: all mean "not confirmed"
            raise PublishError(f"publish not confirmed: {type(exc).__name__}") from exc

    def _resume_if_failed(self, future: Any, ordering_key: str) -> None:
        if future.exception() is not None:
            self._client.resume_publish(self.topic_path, ordering_key)
