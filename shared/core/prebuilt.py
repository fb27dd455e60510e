"""Objects built from a data file, shipped prebuilt and used only while current.

Building the classifier's rules from `classify.yaml` (YAML, the file's pydantic
models, the phrase index) and its learned model from `text_model.json` cost a
webhook's cold start ≈ 180 ms of CPU; unpickling what they build ≈ 20 ms
(bench/README.md, round 8). A prebuilt file (`shared/data/*.pickle`, written by
`scripts/compile_data.py`) records what its object was built from: the data file
and the source of the modules that define and build the object, as a SHA-256
digest of them all and as each one's size.

Staleness is caught where it can happen, before a deploy, by the digest:
`scripts/compile_data.py --check` and tests/test_prebuilt.py compare it (`current`),
and the script writes `shared/data/prebuilt.json`, every prebuilt file's and
source's SHA-256, which Terraform checks when it packages the functions
(infra/functions/prebuilt: the plan fails on a stale prebuilt file). At start
(`load`) only the sizes are compared: hashing 5 MB at every cold start (≈ 3.5 ms of
CPU, bench/README.md, round 17) proved again what the deploy already proved, while
the sizes still keep a file edited after the build (a checkout, the local stack)
from loading a stale object. On a mismatch or any failure to read it the caller
builds from the data file, as before (correct, slower), and the fallback is told
once to the reporter the shell sets (`report_to`: the structured log; the core
imports no logger).

Validation is not skipped, it is done before a deploy: the tests validate the
data files (tests/test_classify.py, tests/test_text_model.py) and fail when a
prebuilt file is not current (tests/test_prebuilt.py); a prebuilt object is what
building the validated file gives. The files are the repository's own, shipped
with the code they are checked against: unpickling them trusts them as the code.

File layout: MAGIC; a line of the digest (64 hex characters), the sizes (`name:size`
of each source, comma-separated) and the lengths of the buffers stored apart
(comma-separated, `-` for none), separated by spaces; each buffer at an 8-byte
boundary; the pickle.
"""

from __future__ import annotations

import gc
import mmap
import os
import pickle
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

MAGIC = b"TINBAO-PREBUILT 2\n"
_DIGEST_CHARS = 64
_HEADER_MAX = 4096  # MAGIC, digest and sizes: a few hundred bytes
T = TypeVar("T")

# A structured logger's `warning(event, **fields)` (shared.logs.Logger.warning).
Warn = Callable[..., None]

_warn: Warn | None = None
_fallbacks: dict[str, dict[str, str]] = {}  # prebuilt file -> why it was not used
_told: set[str] = set()


def digest(sources: Sequence[str]) -> str:
    """SHA-256 over each source's name, size and bytes, and this module's (its format)."""
    import hashlib  # before a deploy only (`current`), not at start

    h = hashlib.sha256()
    # Read in pieces into one buffer: the model file (5 MB) read whole into fresh
    # memory cost ≈ 7 ms more (bench/README.md, round 10).
    buffer = bytearray(1 << 18)
    view = memoryview(buffer)
    for path in (*sources, __file__):
        with open(path, "rb") as f:
            # By name, not path: the deployed archive holds the same files elsewhere.
            name = os.path.basename(path).encode()
            size = os.fstat(f.fileno()).st_size
            h.update(len(name).to_bytes(4, "little") + name + size.to_bytes(8, "little"))
            while read := f.readinto(buffer):
                h.update(view[:read])
    return h.hexdigest()


def sizes(sources: Sequence[str]) -> str:
    """Each source's name and size (and this module's), as a prebuilt file records them."""
    return ",".join(f"{os.path.basename(p)}:{os.stat(p).st_size}" for p in (*sources, __file__))


def dumps(obj: object, sources: Sequence[str]) -> bytes:
    """The prebuilt file of `obj`, built from `sources` as they are now. Large buffers
    the object hands over as `pickle.PickleBuffer` (the model's weights) are stored
    apart, each at an 8-byte boundary, and unpickled as views of the mapped file."""
    buffers: list[pickle.PickleBuffer] = []
    body = pickle.dumps(obj, protocol=5, buffer_callback=buffers.append)
    raws = [b.raw() for b in buffers]
    lengths = ",".join(str(len(r)) for r in raws) or "-"
    out = bytearray(MAGIC + f"{digest(sources)} {sizes(sources)} {lengths}\n".encode())
    for raw in raws:
        out += bytes(_aligned(len(out)) - len(out)) + raw
    return bytes(out + body)


def _aligned(at: int) -> int:
    return (at + 7) & ~7


def recorded(blob: bytes | mmap.mmap) -> tuple[str, str, int, tuple[int, ...]] | None:
    """The digest and sizes a prebuilt file records, where what follows its header
    starts and the lengths of its buffers (None: not a prebuilt file)."""
    end = blob.find(b"\n", len(MAGIC), _HEADER_MAX)
    if blob[: len(MAGIC)] != MAGIC or end < 0:
        return None
    fields = blob[len(MAGIC) : end].decode("utf-8", errors="replace").split(" ")
    if len(fields) != 3 or len(fields[0]) != _DIGEST_CHARS or not fields[1]:
        return None
    digest_, sizes_, lengths = fields
    try:
        buffers = () if lengths == "-" else tuple(int(n) for n in lengths.split(","))
    except ValueError:
        return None
    return digest_, sizes_, end + 1, buffers


def current(path: str, sources: Sequence[str]) -> bool:
    """Whether the prebuilt file at `path` was built from `sources` as they are now:
    its digest and sizes both (before a deploy: scripts/compile_data.py, the tests)."""
    try:
        with open(path, "rb") as f:
            head = recorded(f.read(_HEADER_MAX))
        return head is not None and head[:2] == (digest(sources), sizes(sources))
    except OSError:
        return False


def load(path: str, sources: Sequence[str], kind: type[T]) -> T | None:
    """The object prebuilt at `path` when its sources have the sizes it records (their
    digest is checked before a deploy, `current`); None, told once, when the file is
    missing, stale or unreadable: build it then."""
    try:
        # Mapped, not read: reading the files (6 MB) into fresh memory cost a cold
        # start ≈ 3 ms of CPU (bench/README.md, round 17). The pickle is read from the
        # page cache and the buffers stored apart (the model's weights, 3.4 MB) stay
        # there, viewed: the map lives as long as they do, and a page is read when a
        # message first needs it. The files are replaced, never written in place
        # (scripts/compile_data.py), so a map never sees another file.
        with open(path, "rb") as f:
            blob = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        head = recorded(blob)
        if head is None:
            return _fell_back(path, "not a prebuilt file")
        if head[1] != sizes(sources):
            return _fell_back(path, "stale: its sources changed since it was built")
        view, at, buffers = memoryview(blob), head[2], []
        for length in head[3]:
            at = _aligned(at)
            buffers.append(view[at : at + length])
            at += length
        obj = _unpickle(view[at:], buffers)
    except Exception as exc:  # whatever went wrong, building from the data file is right
        return _fell_back(path, "unreadable", error=type(exc).__name__)
    if not isinstance(obj, kind):
        return _fell_back(path, f"holds a {type(obj).__name__}, not a {kind.__name__}")
    return obj


def _unpickle(data: bytes | memoryview, buffers: Sequence[memoryview] = ()) -> object:
    # Unpickling the rules makes ~17,000 containers the collector tracks at once: with
    # the Google clients loaded, each full collection that triggers walks theirs as
    # well (50 ms instead of 10 for the rules, measured). None of them is garbage.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data, buffers=buffers)
    finally:
        if enabled:
            gc.enable()


def report_to(warn: Warn | None) -> None:
    """Where a fallback is told (the shell's structured log); earlier ones are told now."""
    global _warn
    _warn = warn
    _tell()


def fallbacks() -> dict[str, dict[str, str]]:
    """Prebuilt file -> why it was not used, in this process."""
    return {path: dict(why) for path, why in _fallbacks.items()}


def _fell_back(path: str, reason: str, **fields: Any) -> None:
    _fallbacks.setdefault(path, {"reason": reason, **fields})
    _tell()


def _tell() -> None:
    if _warn is None:
        return
    for path, why in list(_fallbacks.items()):
        if path not in _told:
            _told.add(path)
            _warn("prebuilt.not_used", file=os.path.basename(path), built_instead=True, **why)
