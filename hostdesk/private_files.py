"""Owner-only files (0600) and folders (0700) for personal data and secrets, whatever the umask.

Standard library only: the desktop and the hub both use it. The rule is "no bit for the
group or for others": new files and folders are created without them (the umask can only
take bits away from 0600/0700), and existing ones made by older versions, or by a user
with a wide umask, lose them when HostDesk opens them. The owner's own bits are left alone.
Windows has no such bits (os.chmod only sets read-only there): everything here is a
no-op on it, the user's profile folder is already private.
"""

from __future__ import annotations

import glob
import logging
import os
import stat
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
_WIDE = 0o077  # group and other bits
_POSIX = os.name == "posix"

log = logging.getLogger(__name__)


def tighten(path: str | os.PathLike) -> bool:
    """Take the group and other bits off an existing file or folder; False if it is missing.

    A file we cannot change (another user's, a read-only disk, a FAT stick) is left as it
    is, with a warning in the log: refusing to open it would not make it private either.
    """
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        return False
    if _POSIX and mode & _WIDE:
        try:
            os.chmod(path, mode & ~_WIDE)
        except OSError as exc:
            log.warning("cannot make %s owner-only: %s", path, exc.strerror or type(exc).__name__)
    return True


def tighten_fd(fd: int) -> None:
    """tighten() for an open file descriptor (no race with a rename of the path)."""
    if not _POSIX:
        return
    mode = stat.S_IMODE(os.fstat(fd).st_mode)
    if mode & _WIDE:
        try:
            os.fchmod(fd, mode & ~_WIDE)
        except OSError as exc:
            log.warning("cannot make an open file owner-only: %s", exc.strerror or exc)


def private_dir(path: str | os.PathLike, *, tighten_existing: bool = True) -> Path:
    """Make the folder and any missing parents 0700; an existing `path` is tightened too.

    `tighten_existing=False` leaves an existing folder as it is (the hub's database may sit
    in a folder the administrator chose and shares); folders made here are 0700 either way.
    Raises FileExistsError when `path` is a file, like Path.mkdir.
    """
    path = Path(path)
    for folder in [*reversed(path.parents), path]:
        if folder.is_dir():
            continue
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            if not folder.is_dir():
                raise
            continue  # another process made it at the same moment
        tighten(folder)  # mkdir's mode is already less the umask; this only guards races
    if tighten_existing:
        tighten(path)
    return path


def private_opener(path: str | os.PathLike, flags: int) -> int:
    """An opener for open(..., opener=private_opener): creates 0600, tightens an existing file."""
    fd = os.open(path, flags, FILE_MODE)
    try:
        tighten_fd(fd)
    except BaseException:
        os.close(fd)
        raise
    return fd


def private_file(path: str | os.PathLike) -> Path:
    """Create the file empty and owner-only if missing; tighten it if it exists.

    An existing file is not opened: one its owner made read-only stays readable to SQLite,
    which then reports it as read-only itself.
    """
    path = Path(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags, FILE_MODE)
    except FileExistsError:
        tighten(path)
        return path
    try:
        tighten_fd(fd)
    finally:
        os.close(fd)
    return path


def private_sqlite_file(path: str | os.PathLike) -> Path:
    """Prepare an SQLite database file before SQLite opens it: owner-only, with its company.

    SQLite gives the -wal, -shm and -journal files it makes the database file's mode, so a
    database created 0600 here keeps them 0600 whatever the umask. Files beside it whose
    names start with the database's (-wal/-shm left by a crash, hostdesk.db.v3.bak backups,
    copies an administrator made) hold the same personal data and are tightened too.
    """
    path = Path(path)
    private_file(path)
    for other in glob.glob(glob.escape(str(path)) + "*"):
        if os.path.isfile(other):
            tighten(other)
    return path


def private_log_handler(filename: str | os.PathLike, **kwargs) -> logging.Handler:
    """A RotatingFileHandler (same arguments) whose files are owner-only.

    A log names paths, hosts and tokens' names. Defined on call: logging.handlers costs
    start-up time the light command-line reads (which import this module) do not need.
    """
    import logging.handlers

    class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
        def _open(self):
            # Also the file each rollover starts; the renamed backups keep their 0600.
            return self._builtin_open(
                self.baseFilename,
                self.mode,
                encoding=self.encoding,
                errors=self.errors,
                opener=private_opener,
            )

    # Backups an older version left wide: rotation renames them and keeps their mode.
    for old in glob.glob(glob.escape(os.fspath(filename)) + ".*"):
        tighten(old)
    return PrivateRotatingFileHandler(filename, **kwargs)
