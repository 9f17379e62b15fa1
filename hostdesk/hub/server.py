"""Running the hub: uvicorn, one worker, on the given host and port."""

from __future__ import annotations

import logging

from hostdesk.hub.auth import DEFAULT_RATE_LIMIT


def serve(
    db_url: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    rate_limit: int = DEFAULT_RATE_LIMIT,
    access_log: bool = False,
    **page,
) -> None:
    """Serve until Ctrl+C / SIGTERM (uvicorn handles both and finishes open requests).

    `page`: the sign-up page's settings (agency, retention_days, page_rate_limit), as
    create_app takes them."""
    import uvicorn

    from hostdesk.hub.app import create_app

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    app = create_app(db_url, rate_limit=rate_limit, **page)
    # Request bodies are never logged; the access log (paths and status codes only) is off
    # by default because it costs ingest throughput.
    uvicorn.run(app, host=host, port=port, workers=1, access_log=access_log, log_level="info")
