"""A sign-up's write transaction whose disk failures come out as reasons the form can explain."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from hostdesk.core.registrations import RegistrationStoreError
from hostdesk.store.db import Database
from hostdesk.store.pragmas import PragmaError


def store_error(exc: BaseException) -> RegistrationStoreError:
    """What the disk said, as a reason the form can explain; never with the row's data."""
    orig = getattr(exc, "orig", exc)
    name = getattr(orig, "sqlite_errorname", "") or ""
    if name.startswith("SQLITE_READONLY") or name.startswith("SQLITE_CANTOPEN"):
        return RegistrationStoreError("read_only", name)
    if name == "SQLITE_FULL":
        return RegistrationStoreError("disk_full", name)
    if name.startswith("SQLITE_BUSY") or name.startswith("SQLITE_LOCKED"):
        return RegistrationStoreError("busy", name)
    if isinstance(orig, OSError):
        return RegistrationStoreError("io", orig.strerror or type(orig).__name__)
    return RegistrationStoreError("io", name or type(orig).__name__)


@contextmanager
def registration_write(db: Database) -> Iterator[Connection]:
    """One BEGIN IMMEDIATE transaction with the durability pragmas checked first; whatever
    the disk refuses is raised as RegistrationStoreError (and nothing is written)."""
    try:
        with db.write(verify=True) as conn:
            yield conn
    except PragmaError as exc:
        raise RegistrationStoreError("unsafe", exc.pragma) from exc
    except (DBAPIError, sqlite3.Error, OSError) as exc:
        raise store_error(exc) from exc
