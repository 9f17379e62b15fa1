"""Command-line verbs for the hub server: `hub serve`, `hub token create`, `hub stats`.

The hub's packages (FastAPI, uvicorn, psycopg) are imported only by these verbs, so the
desktop's other commands never load them.
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
STATS_TIMEOUT = (5, 15)  # (connect, read) seconds


def add_parsers(sub, translate) -> None:
    hub = sub.add_parser(
        "hub", help=translate("Cli", "the hub server that collects sign-ups from every PC")
    )
    verbs = hub.add_subparsers(dest="verb", required=True)
    db_help = translate("Cli", "database: a PostgreSQL or SQLite URL, or an SQLite file (default: $HOSTDESK_HUB_DB or hub.db here)")  # fmt: skip

    serve = verbs.add_parser("serve", help=translate("Cli", "run the hub server"))
    serve.add_argument("--db", help=db_help)
    serve.add_argument("--host", default=DEFAULT_HOST, help=translate("Cli", "address to listen on (default 127.0.0.1)"))  # fmt: skip
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=translate("Cli", "port to listen on (default 8765)"))  # fmt: skip
    serve.add_argument(
        "--rate-limit", type=int, default=None,
        help=translate("Cli", "writes allowed per token in 10 seconds (default 120; 0: no limit)"),
    )  # fmt: skip
    serve.add_argument("--access-log", action="store_true", help=translate("Cli", "log every request (paths and status codes only)"))  # fmt: skip
    serve.add_argument("--agency", help=translate("Cli", "the agency named on the sign-up page as receiving the details (default: $HOSTDESK_HUB_AGENCY)"))  # fmt: skip
    serve.add_argument("--retention-days", type=int, default=None, help=translate("Cli", "days sign-ups are kept, as the sign-up page tells viewers (default: $HOSTDESK_HUB_RETENTION_DAYS or 180)"))  # fmt: skip
    serve.add_argument("--page-rate-limit", type=int, default=None, help=translate("Cli", "sign-up page submissions allowed per address per minute (default 20; 0: no limit)"))  # fmt: skip

    token = verbs.add_parser("token", help=translate("Cli", "access tokens for PCs and administrators"))  # fmt: skip
    actions = token.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create", help=translate("Cli", "make a new token and print it once"))  # fmt: skip
    create.add_argument("name", help=translate("Cli", "a name for the PC or person, e.g. studio-1"))
    create.add_argument("--admin", action="store_true", help=translate("Cli", "an administrator token (may replace the job catalogue)"))  # fmt: skip
    create.add_argument("--db", help=db_help)

    stats = verbs.add_parser("stats", help=translate("Cli", "sign-up counts from the hub"))
    stats.add_argument("--json", action="store_true", help=translate("Cli", "print JSON"))
    stats.add_argument("--hub-url", help=translate("Cli", "the hub's address (default: $HOSTDESK_HUB_URL or settings)"))  # fmt: skip
    stats.add_argument("--hub-token", help=translate("Cli", "the device token (default: $HOSTDESK_HUB_TOKEN or settings)"))  # fmt: skip


def run(args, data_dir) -> int:
    """Run a `hub` verb; none of them opens the desktop's data."""
    if args.verb in ("serve", "token") and not _server_installed():
        from hostdesk.cli import CliError, translate

        raise CliError(translate("Cli", "This installation has no hub server (the desktop bundle leaves it out): run the hub from a source installation, see docs/hub-api.md"))  # fmt: skip
    if args.verb == "serve":
        return _serve(args)
    if args.verb == "token":
        return _token_create(args)
    return _stats(args, data_dir)


def _server_installed() -> bool:
    import importlib.util

    return all(importlib.util.find_spec(name) for name in ("fastapi", "uvicorn", "hostdesk.hub"))


def _db_url(args) -> str:
    from hostdesk.hub.db import default_db

    return args.db or default_db()


def _cannot_open(exc: Exception):
    from hostdesk.cli import EXIT_INTERNAL, CliError, translate

    # The driver's message can name the host and user, never a password: URLs are not echoed.
    text = translate("Cli", "The hub database cannot be opened ({reason}): check --db")
    return CliError(text.format(reason=type(exc).__name__), EXIT_INTERNAL)


def _serve(args) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from hostdesk.cli import CliError, translate
    from hostdesk.hub.auth import DEFAULT_RATE_LIMIT
    from hostdesk.hub.server import serve

    if not 0 < args.port < 65536:
        raise CliError(translate("Cli", "--port: a number from 1 to 65535"))
    rate = DEFAULT_RATE_LIMIT if args.rate_limit is None else args.rate_limit
    if rate < 0:
        raise CliError(translate("Cli", "--rate-limit: 0 or more"))
    page = _page_settings(args)
    try:
        serve(
            _db_url(args), host=args.host, port=args.port, rate_limit=rate,
            access_log=args.access_log, **page,
        )  # fmt: skip
    except (SQLAlchemyError, ValueError) as exc:
        log.error("hub database: %s", type(exc).__name__)
        raise _cannot_open(exc) from None
    return 0


def _page_settings(args) -> dict:
    """The sign-up page's settings from the options, else $HOSTDESK_HUB_*, else defaults."""
    import os

    from hostdesk.cli import CliError, translate
    from hostdesk.hub.signup_page import DEFAULT_PAGE_RATE_LIMIT, DEFAULT_RETENTION_DAYS

    agency = args.agency if args.agency is not None else os.environ.get("HOSTDESK_HUB_AGENCY", "")
    if len(agency.strip()) > 60 or not agency.isprintable():
        raise CliError(translate("Cli", "--agency: at most 60 printable characters"))
    days = args.retention_days
    if days is None:
        env = os.environ.get("HOSTDESK_HUB_RETENTION_DAYS", "").strip()
        days = int(env) if env.isdigit() else DEFAULT_RETENTION_DAYS
    if not 1 <= days <= 3650:
        raise CliError(translate("Cli", "--retention-days: a number from 1 to 3650"))
    page_rate = DEFAULT_PAGE_RATE_LIMIT if args.page_rate_limit is None else args.page_rate_limit
    if page_rate < 0:
        raise CliError(translate("Cli", "--page-rate-limit: 0 or more"))
    return {"agency": agency.strip(), "retention_days": days, "page_rate_limit": page_rate}


def _token_create(args) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from hostdesk.cli import CliError, translate
    from hostdesk.hub.auth import TokenExists, create_token
    from hostdesk.hub.db import HubDB

    name = args.name.strip()
    if not name or len(name) > 64 or not name.isprintable():
        raise CliError(translate("Cli", "The token name must be 1 to 64 printable characters"))
    try:
        db = HubDB(_db_url(args))
        try:
            db.create_schema()
            token = create_token(db, name, admin=args.admin)
        finally:
            db.close()
    except TokenExists:
        raise CliError(
            translate("Cli", "A token named {name} exists already: choose another name").format(name=name)
        ) from None  # fmt: skip
    except (SQLAlchemyError, ValueError) as exc:
        raise _cannot_open(exc) from None
    # The token on stdout alone (scripts capture it); the advice on stderr.
    print(token)
    print(translate("Cli", "Keep this token: it is shown only once."), file=sys.stderr)
    return 0


def _stats(args, data_dir) -> int:
    import requests

    from hostdesk import config
    from hostdesk.cli import EXIT_INTERNAL, CliError, _print_json, translate

    try:
        settings = config.load_settings(data_dir)[0]
    except OSError:
        settings = config.Settings()
    url, token = config.hub_connection(settings, args.hub_url, args.hub_token)
    if not url:
        raise CliError(translate("Cli", "No hub address: give --hub-url or set HOSTDESK_HUB_URL"))
    try:
        response = requests.get(
            f"{url}/api/v1/stats",
            headers={"Authorization": f"Bearer {token}"},
            timeout=STATS_TIMEOUT,
        )
    except requests.RequestException as exc:
        text = translate("Cli", "The hub at {url} cannot be reached ({reason})")
        raise CliError(text.format(url=url, reason=type(exc).__name__), EXIT_INTERNAL) from None
    if response.status_code in (401, 403):
        raise CliError(translate("Cli", "The hub refused the token: check --hub-token"))
    try:
        data = response.json()
        ok = response.status_code == 200 and isinstance(data.get("by_job"), dict)
    except (ValueError, AttributeError):
        ok = False
    if not ok:
        text = translate("Cli", "The hub answered {status}, not the counts")
        raise CliError(text.format(status=response.status_code), EXIT_INTERNAL)
    if args.json:
        _print_json(data)
        return 0
    print(translate("Cli", "Sign-ups: {total}").format(total=data["total"]))
    for code, count in sorted(data["by_job"].items()):
        print(f"  {code}  {count}")
    return 0
