"""Running the hub: uvicorn with N worker processes, each building the app from the environment."""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass

from hostdesk.hub.auth import DEFAULT_RATE_LIMIT
from hostdesk.hub.db import HubDB

# The settings travel to the workers in this variable: uvicorn starts each worker by
# importing `app_from_environment`, so nothing but the environment reaches it.
SETTINGS_ENV = "HOSTDESK_HUB_SERVE_SETTINGS"
FACTORY = "hostdesk.hub.server:app_from_environment"
LOG_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


class ServeRefused(ValueError):
    """Settings the hub cannot serve with (e.g. several workers on SQLite)."""


@dataclass(frozen=True)
class HubSettings:
    """What `hostdesk-hub serve` was given; create_app's arguments plus the server's own."""

    db_url: str
    host: str = "127.0.0.1"
    port: int = 8765
    rate_limit: int = DEFAULT_RATE_LIMIT
    access_log: bool = False
    workers: int = 1
    # Proxies whose X-Forwarded-For / -Proto are believed, as uvicorn takes them
    # ("127.0.0.1,10.0.0.0/8" or "*"); empty: nobody's, the peer's address is the client.
    forwarded_allow_ips: str = ""
    agency: str = ""
    retention_days: int | None = None
    page_rate_limit: int | None = None
    page_get_rate_limit: int | None = None  # page views per address a minute (None: 3x posts)
    public_url: str = ""  # the address phones open; told to PCs by /api/v1/me

    def to_environment(self) -> str:
        return json.dumps(dataclasses.asdict(self))

    @classmethod
    def from_environment(cls) -> HubSettings:
        return cls(**json.loads(os.environ[SETTINGS_ENV]))

    def app_options(self) -> dict:
        """create_app's keyword arguments (the page's defaults stay create_app's own)."""
        options = {"rate_limit": self.rate_limit, "agency": self.agency,
                   "public_url": self.public_url}  # fmt: skip
        if self.retention_days is not None:
            options["retention_days"] = self.retention_days
        if self.page_rate_limit is not None:
            options["page_rate_limit"] = self.page_rate_limit
        if self.page_get_rate_limit is not None:
            options["page_get_rate_limit"] = self.page_get_rate_limit
        return options


def app_from_environment():
    """The app factory uvicorn calls in every worker."""
    from hostdesk.hub.app import create_app

    settings = HubSettings.from_environment()
    return create_app(settings.db_url, **settings.app_options())


def prepare(settings: HubSettings) -> None:
    """Check the settings against the database and make its schema, before any worker starts.

    Raises ServeRefused, or the database's own error when it cannot be opened (so the
    command line reports it in one line instead of a worker's traceback)."""
    db = HubDB(settings.db_url)
    try:
        if settings.workers > 1 and db.dialect == "sqlite":
            raise ServeRefused("sqlite workers")
        db.create_schema()
    finally:
        db.close()


def serve(settings: HubSettings) -> None:
    """Serve until Ctrl+C / SIGTERM (uvicorn handles both and finishes open requests)."""
    import uvicorn

    prepare(settings)
    os.environ[SETTINGS_ENV] = settings.to_environment()
    uvicorn.run(
        FACTORY,
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        proxy_headers=bool(settings.forwarded_allow_ips),
        # uvicorn's own default trusts 127.0.0.1 (or $FORWARDED_ALLOW_IPS); never use it.
        forwarded_allow_ips=settings.forwarded_allow_ips or "",
        # Request bodies are never logged; the access log (paths and status codes only) is
        # off by default because it costs ingest throughput.
        access_log=settings.access_log,
        log_config=_log_config(),
        log_level="info",
    )


def _log_config() -> dict:
    """uvicorn's loggers and the hub's, each line with the pid (which worker said it)."""
    handler = {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"}
    access = "%(asctime)s %(process)d access: %(request_line)s %(status_code)s"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "plain": {"format": LOG_FORMAT},
            "access": {"()": "uvicorn.logging.AccessFormatter", "fmt": access},
        },
        "handlers": {
            "default": handler,
            "access": {**handler, "formatter": "access"},
        },
        "loggers": {
            "": {"handlers": ["default"], "level": "INFO"},
            "uvicorn": {"level": "INFO"},
            "uvicorn.error": {"level": "INFO"},
            "uvicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
        },
    }
