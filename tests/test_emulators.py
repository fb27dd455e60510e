"""The emulators start as themselves: a port held by someone else is never taken for them.

CI once ran a module against a Firestore "emulator" that was the Pub/Sub emulator (both
had been handed one port; Firestore's readiness check took Pub/Sub's answer for its
own, and every query failed "Method not found"). An emulator is ready when its own
process has said it serves on its port, not when anything answers there.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Callable, Iterator

import pytest

from local import emulators

pytestmark = pytest.mark.emulators

MAKERS: dict[str, Callable[..., emulators.Emulator]] = {
    "firestore": emulators.firestore_emulator,
    "pubsub": emulators.pubsub_emulator,
}


class _Answers200(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"Ok\n")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def squatter() -> Iterator[int]:
    """A server that answers 200 on / as both emulators do, on a port of its own."""
    server = http.server.HTTPServer(("127.0.0.1", emulators.free_port()), _Answers200)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_port
    finally:
        server.shutdown()
        server.server_close()


def test_free_ports_are_never_handed_out_twice_by_one_process() -> None:
    ports = [emulators.free_port() for _ in range(300)]
    assert len(set(ports)) == len(ports)


@pytest.mark.parametrize("name", MAKERS)
def test_an_emulator_told_to_use_a_taken_port_fails_and_names_it(name: str, squatter: int) -> None:
    emulator = MAKERS[name](squatter)
    try:
        with pytest.raises(emulators.EmulatorError, match=f"port {squatter} is taken"):
            emulator.start(timeout=60)
        assert emulator.process is None
    finally:
        emulator.stop()


@pytest.mark.parametrize("name", MAKERS)
def test_an_emulator_whose_free_port_was_taken_moves_and_starts_as_itself(
    name: str, squatter: int
) -> None:
    emulator = MAKERS[name]()
    emulator.port = squatter  # taken between free_port() and the emulator's bind
    try:
        emulator.start(timeout=60)
        assert emulator.port != squatter
        said = emulator.log_path.read_text()
        assert all(line.format(port=emulator.port) in said for line in emulator.ready_lines)
        assert emulator.process is not None and emulator.process.poll() is None
    finally:
        emulator.stop()
