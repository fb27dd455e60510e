"""The Firestore and Pub/Sub emulators of the Google Cloud CLI, run for real.

Used by the tests and by `make run`. Each emulator starts on a free port in its
own process group: `gcloud` is a wrapper around a Java child, and stopping only
the wrapper leaves Java running, so stop() signals the whole group.
"""

from __future__ import annotations

import base64
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from local.processes import stop_group

ROOT = Path(__file__).resolve().parents[1]
TOPOLOGY = ROOT / "infra" / "topology.yaml"


class EmulatorError(RuntimeError):
    pass


def require_tools() -> None:
    """Fail with what to install, never skip: the tests need the real emulators."""
    missing = [tool for tool in ("gcloud", "java") if shutil.which(tool) is None]
    if missing:
        raise EmulatorError(
            f"missing {', '.join(missing)}: install the Google Cloud CLI with the "
            "'cloud-firestore-emulator' and 'pubsub-emulator' components "
            "(apt-get install google-cloud-cli google-cloud-cli-firestore-emulator "
            "google-cloud-cli-pubsub-emulator) and a Java 17 runtime (apt-get install "
            "openjdk-17-jre-headless)"
        )


# Ports this process has handed out. The kernel may hand the same free port to two
# calls in a row once the first probe socket is closed: two emulators started side by
# side on one port left Firestore's client talking to Pub/Sub (CI, stop 47).
_HANDED_OUT: set[int] = set()


def free_port() -> int:
    """A port free now and never handed out before by this process."""
    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
        if port not in _HANDED_OUT:
            _HANDED_OUT.add(port)
            return port


def load_topology() -> dict[str, Any]:
    return yaml.safe_load(TOPOLOGY.read_text())


class PortTaken(Exception):
    """The emulator exited because another process holds its port."""


@dataclass
class Emulator:
    name: str
    args: list[str]
    port: int
    # What the emulator logs once it serves on its port (`{port}` filled in). Whoever
    # answers on the port is no proof: another server may hold it.
    ready_lines: tuple[str, ...]
    process: subprocess.Popen[bytes] | None = None
    # A port picked by free_port() may be taken by another process before the emulator
    # binds it: such a port may move, until the first start (a restart keeps its port).
    movable: bool = False
    log_path: Path = field(default_factory=lambda: Path(tempfile.mkstemp(suffix=".log")[1]))

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self, timeout: float = 90.0) -> None:
        for _ in range(3):
            try:
                self._start(timeout)
            except PortTaken:
                self.port = free_port()
                continue
            self.movable = False
            return
        raise EmulatorError(f"{self.name}: every port tried was taken before it bound")

    def _start(self, timeout: float) -> None:
        log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [*self.args, f"--host-port={self.host}"],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, with the Java child
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            exited = self.process.poll() is not None
            said = self.log_path.read_text(errors="replace")
            # Pub/Sub's JVM outlives the failed bind of its main thread: read the log.
            if "Address already in use" in said:
                self.stop()
                if self.movable:
                    raise PortTaken(self.port)
                raise EmulatorError(f"{self.name}: port {self.port} is taken: {said[-2000:]}")
            if exited:
                self.process = None
                raise EmulatorError(f"{self.name} exited: {said[-2000:]}")
            if self.ready():
                return
            time.sleep(0.2)
        self.stop()
        raise EmulatorError(f"{self.name} did not answer within {timeout:.0f} s")

    def ready(self) -> bool:
        """This emulator's own process said it serves on its port, and the port answers."""
        said = self.log_path.read_text(errors="replace")
        if any(line.format(port=self.port) not in said for line in self.ready_lines):
            return False
        try:
            with urllib.request.urlopen(f"http://{self.host}/", timeout=1) as response:
                return response.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def freeze(self) -> None:
        """Pause the emulator (its whole group): it accepts connections and answers
        nothing, as a backend that has become slow does. `thaw()` resumes it."""
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGCONT)

    def stop(self) -> None:
        if self.process is None:
            return
        stop_group(self.process)
        self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()


def firestore_emulator(port: int | None = None) -> Emulator:
    return Emulator(
        "firestore",
        ["gcloud", "emulators", "firestore", "start", "--quiet"],
        port or free_port(),
        ready_lines=("API endpoint: http://127.0.0.1:{port}", "Dev App Server is now running"),
        movable=port is None,
    )


def pubsub_emulator(port: int | None = None) -> Emulator:
    return Emulator(
        "pubsub",
        ["gcloud", "beta", "emulators", "pubsub", "start", "--quiet"],
        port or free_port(),
        ready_lines=("Server started, listening on {port}",),
        movable=port is None,
    )


# The local stack's and the tests' Firestore databases: distinct names (as deployed,
# where contacts and identity are "<prefix>-contacts" and "<prefix>-identity"), so that
# a collection read or written in the wrong database fails a test.
LOCAL_DATABASES = {
    "main": "(default)",
    "contacts": "tinbao-contacts",
    "identity": "tinbao-identity",
}


def database_env() -> dict[str, str]:
    """The settings naming the local databases (the emulator creates them on first use)."""
    return {
        "TINBAO_CONTACTS_DATABASE": LOCAL_DATABASES["contacts"],
        "TINBAO_IDENTITY_DATABASE": LOCAL_DATABASES["identity"],
    }


def reset_firestore(host: str, project: str) -> None:
    """Delete every document of every local database (the emulator's own endpoint)."""
    for database in LOCAL_DATABASES.values():
        url = f"http://{host}/emulator/v1/projects/{project}/databases/{database}/documents"
        request = urllib.request.Request(url, method="DELETE")
        # The first reset after the emulator starts waits for its JVM to warm up: on a
        # loaded machine that took over 10 s. A wait, not an assertion.
        with urllib.request.urlopen(request, timeout=60) as response:
            if response.status != 200:
                raise EmulatorError(f"Firestore reset answered {response.status}")


def create_topology(
    project: str, router_push_endpoint: str | None = None, suffix: str = ""
) -> dict[str, str]:
    """Topics and subscriptions from infra/topology.yaml (PUBSUB_EMULATOR_HOST set).

    `suffix` gives each test fresh names; without a push endpoint the router
    subscription is a pull subscription (tests read it directly).
    """
    from google.cloud import pubsub_v1

    topo = load_topology()
    publisher = pubsub_v1.PublisherClient()
    subscriber = pubsub_v1.SubscriberClient()
    events = publisher.topic_path(project, topo["events_topic"] + suffix)
    dead = publisher.topic_path(project, topo["dead_letter_topic"] + suffix)
    for topic in (events, dead):
        publisher.create_topic(name=topic)
    sub = topo["router_subscription"]
    router = subscriber.subscription_path(project, sub["name"] + suffix)
    request: dict[str, Any] = {
        "name": router,
        "topic": events,
        "ack_deadline_seconds": sub["ack_deadline_seconds"],
        "enable_message_ordering": sub.get("enable_message_ordering", False),
        "dead_letter_policy": {
            "dead_letter_topic": dead,
            "max_delivery_attempts": sub["max_delivery_attempts"],
        },
        "retry_policy": {
            "minimum_backoff": {"seconds": sub["minimum_backoff_seconds"]},
            "maximum_backoff": {"seconds": sub["maximum_backoff_seconds"]},
        },
    }
    if router_push_endpoint:
        request["push_config"] = {"push_endpoint": router_push_endpoint}
    subscriber.create_subscription(request=request)
    dead_sub = subscriber.subscription_path(
        project, topo["dead_letter_subscription"]["name"] + suffix
    )
    subscriber.create_subscription(
        request={
            "name": dead_sub,
            "topic": dead,
            "ack_deadline_seconds": topo["dead_letter_subscription"]["ack_deadline_seconds"],
        }
    )
    return {"events": events, "dead_letter": dead, "router": router, "dead_letter_sub": dead_sub}


def push_body(message: Any, subscription: str) -> dict[str, Any]:
    """The body Pub/Sub posts to a push endpoint, for a pulled message (tests and
    benchmarks deliver to the router this way, as often and in any order)."""
    return {
        "message": {
            "data": base64.b64encode(message.data).decode(),
            "attributes": dict(message.attributes),
            "messageId": message.message_id,
            "publishTime": message.publish_time.isoformat(),
            "orderingKey": message.ordering_key,
        },
        "subscription": subscription,
    }
