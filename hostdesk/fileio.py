"""Writing files so that a crash, or a reader such as OBS, never sees half of one."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_writer(path: Path, mode: int = 0o666) -> Iterator[BinaryIO]:
    """Write to a temp file beside `path`; on success fsync it and `os.replace` it into place.

    On any error the temp file is removed and `path` keeps its old content. `mode` is
    applied at creation (less the umask): 0o600 for files holding secrets. Not
    tempfile.mkstemp: its fixed 0600 would follow the file into place.
    """
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    try:
        with open(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
        _fsync_folder(path.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def atomic_write_bytes(path: Path, data: bytes, mode: int = 0o666) -> None:
    with atomic_writer(path, mode) as out:
        out.write(data)


def _fsync_folder(folder: Path) -> None:
    # The rename itself is durable only once the folder is synced (POSIX; Windows has no need).
    # Best effort: the file is already complete and in place, so a failure here is not an error.
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
