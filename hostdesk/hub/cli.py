"""`hostdesk-hub` (also `python -m hostdesk.hub`): serve, tokens, purge and erase, without the desktop.

Imports nothing of the desktop (no Qt, no settings folder): argparse and the hub's own
message catalogue at start-up, the server's packages only in the verb that needs them.
"""

from __future__ import annotations

import argparse
import importlib.util
import ipaddress
import json
import os
import sys

from hostdesk.hub import cli_users, i18n
from hostdesk.hub.i18n import t

PROG = "hostdesk-hub"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
MAX_WORKERS = 64
EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2


class HubCliError(Exception):
    """A message for the user (already translated) and the exit code to leave with."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT):
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        # One line, not the usage block: scripts and logs read it as the error it is.
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message}\n")


def build_parser(prog: str = PROG) -> argparse.ArgumentParser:
    """Built after the language is chosen, so the help reads in it."""
    p = _Parser(prog=prog, description=t("HostDesk hub: the agency's server for sign-ups and the job catalogue"))  # fmt: skip
    p.add_argument("--lang", choices=i18n.LANGUAGES, help=t("language (default: from LC_ALL or LANG, else Chinese)"))  # fmt: skip
    verbs = p.add_subparsers(
        dest="verb", metavar="{serve,token,user,purge,erase}", required=True, parser_class=_Parser
    )
    db_help = t("database: a PostgreSQL or SQLite URL, or an SQLite file (default: $HOSTDESK_HUB_DB or hub.db here)")  # fmt: skip

    serve = verbs.add_parser("serve", help=t("run the hub server"))
    serve.add_argument("--db", help=db_help)
    serve.add_argument("--host", default=DEFAULT_HOST, help=t("address to listen on (default 127.0.0.1)"))  # fmt: skip
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=t("port to listen on (default 8765)"))  # fmt: skip
    serve.add_argument("--rate-limit", type=int, default=None, help=t("writes allowed per token in 10 seconds (default 120; 0: no limit)"))  # fmt: skip
    serve.add_argument("--access-log", action="store_true", help=t("log every request (paths and status codes only)"))  # fmt: skip
    serve.add_argument("--agency", help=t("the agency named on the sign-up page as receiving the details (default: $HOSTDESK_HUB_AGENCY)"))  # fmt: skip
    serve.add_argument("--retention-days", type=int, default=None, help=t("days sign-ups are kept, as the sign-up page tells viewers (default: $HOSTDESK_HUB_RETENTION_DAYS or 180)"))  # fmt: skip
    serve.add_argument("--page-rate-limit", type=int, default=None, help=t("sign-up page submissions allowed per address per minute (default 20; 0: no limit)"))  # fmt: skip
    serve.add_argument("--page-view-limit", type=int, default=None, help=t("sign-up page views allowed per address per minute (default: 3 x --page-rate-limit; 0: no limit)"))  # fmt: skip
    serve.add_argument("--public-url", help=t("the address phones open, as PCs put it in their QR codes, e.g. https://hub.example.cn (default: $HOSTDESK_HUB_PUBLIC_URL)"))  # fmt: skip
    serve.add_argument("--workers", type=int, default=1, help=t("server processes (default 1; more than 1 needs PostgreSQL)"))  # fmt: skip
    serve.add_argument("--forwarded-allow-ips", default="", help=t("addresses of reverse proxies whose X-Forwarded-For is trusted, comma-separated (default: none)"))  # fmt: skip

    token = verbs.add_parser("token", help=t("access tokens for PCs and administrators"))
    actions = token.add_subparsers(
        dest="action", metavar="{create,list,revoke}", required=True, parser_class=_Parser
    )
    create = actions.add_parser("create", help=t("make a new token and print it once"))
    create.add_argument("name", help=t("a name for the PC or person, e.g. studio-1"))
    create.add_argument("--admin", action="store_true", help=t("an administrator token (may replace the job catalogue)"))  # fmt: skip
    create.add_argument("--db", help=db_help)
    listing = actions.add_parser("list", help=t("list the tokens (never the tokens themselves)"))
    listing.add_argument("--json", action="store_true", help=t("print JSON"))
    listing.add_argument("--db", help=db_help)
    revoke = actions.add_parser("revoke", help=t("refuse a token from now on"))
    revoke.add_argument("name", help=t("the token's name"))
    revoke.add_argument("--db", help=db_help)

    purge = verbs.add_parser("purge", help=t("erase the personal data of sign-ups older than the retention period"))  # fmt: skip
    purge.add_argument("--retention-days", type=int, default=None, help=t("days sign-ups are kept (default: $HOSTDESK_HUB_RETENTION_DAYS or 180)"))  # fmt: skip
    purge.add_argument("--db", help=db_help)

    erase = verbs.add_parser("erase", help=t("erase one person's personal data (by phone number or sign-up id)"))  # fmt: skip
    who = erase.add_mutually_exclusive_group(required=True)
    who.add_argument("--phone", help=t("the phone number the person signed up with"))
    who.add_argument("--id", dest="client_id", help=t("the sign-up's id (client_id)"))
    erase.add_argument("--db", help=db_help)
    cli_users.add_parser(verbs, db_help, _Parser)  # back-office accounts (hub/cli_users.py)
    return p


def main(argv: list[str] | None = None, *, prog: str = PROG) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang", choices=i18n.LANGUAGES)
    i18n.use(i18n.pick(early.parse_known_args(argv)[0].lang))
    args = build_parser(prog).parse_args(argv)
    try:
        return run(args)
    except HubCliError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print(f"{prog}: {t('interrupted')}", file=sys.stderr)
        return 130
    except Exception as exc:  # last resort: one line, never a traceback (it may hold data)
        print(f"{prog}: " + t("internal error ({name})").format(name=type(exc).__name__),
              file=sys.stderr)  # fmt: skip
        return EXIT_INTERNAL


def run(args: argparse.Namespace) -> int:
    if args.verb == "user":
        return cli_users.run(args)
    verb = f"token {args.action}" if args.verb == "token" else args.verb
    return VERBS[verb](args)


def _require_server() -> None:
    if not all(importlib.util.find_spec(name) for name in ("fastapi", "uvicorn")):
        raise HubCliError(t('This installation has no hub server: install it with pip install ".[hub]" (see docs/hub-api.md)'))  # fmt: skip


def _db_url(args) -> str:
    from hostdesk.hub.db import default_db

    return args.db or default_db()


def _cannot_open(exc: Exception) -> HubCliError:
    # The driver's message can name the host and user, never a password: URLs are not echoed.
    text = t("The hub database cannot be opened ({reason}): check --db")
    return HubCliError(text.format(reason=type(exc).__name__), EXIT_INTERNAL)


class _Database:
    """`with _Database(args) as db:` the hub database, schema made; errors in one line."""

    def __init__(self, args):
        self._url = _db_url(args)
        self._db = None

    def __enter__(self):
        from hostdesk.hub.db import HubDB

        try:
            self._db = HubDB(self._url)
            self._db.create_schema()
        except Exception as exc:
            error = _database_error(exc)
            self.__exit__(None, None, None)
            if error is None:
                raise
            raise error from None
        return self._db

    def __exit__(self, exc_type, exc, tb):
        from sqlalchemy.exc import SQLAlchemyError

        if self._db is not None:
            self._db.close()
        if isinstance(exc, SQLAlchemyError):  # e.g. the server went away mid-verb
            raise _cannot_open(exc) from None
        return False


def _database_error(exc: BaseException) -> HubCliError | None:
    """The one-line message for a database that cannot be opened (bad URL, no server…)."""
    from sqlalchemy.exc import SQLAlchemyError

    if isinstance(exc, SQLAlchemyError | ValueError | OSError):
        return _cannot_open(exc)
    return None


def _serve(args) -> int:
    from hostdesk.hub.auth import DEFAULT_RATE_LIMIT
    from hostdesk.hub.server import HubSettings, ServeRefused, serve

    _require_server()
    if not 0 < args.port < 65536:
        raise HubCliError(t("--port: a number from 1 to 65535"))
    rate = DEFAULT_RATE_LIMIT if args.rate_limit is None else args.rate_limit
    if rate < 0:
        raise HubCliError(t("--rate-limit: 0 or more"))
    if not 1 <= args.workers <= MAX_WORKERS:
        raise HubCliError(t("--workers: a number from 1 to 64"))
    settings = HubSettings(
        db_url=_db_url(args), host=args.host, port=args.port, rate_limit=rate,
        access_log=args.access_log, workers=args.workers,
        forwarded_allow_ips=_forwarded(args.forwarded_allow_ips), **_page_settings(args),
    )  # fmt: skip
    try:
        serve(settings)
    except ServeRefused:
        raise HubCliError(t("--workers: SQLite serves from one process; use PostgreSQL for more workers")) from None  # fmt: skip
    except Exception as exc:
        error = _database_error(exc)
        if error is None:
            raise
        raise error from None
    return EXIT_OK


def _forwarded(value: str) -> str:
    """The proxies to trust, as uvicorn takes them: addresses or networks, or "*"."""
    items = [item.strip() for item in value.split(",") if item.strip()]
    for item in items:
        if item == "*":
            continue
        try:
            ipaddress.ip_network(item, strict=False)
        except ValueError:
            text = t("--forwarded-allow-ips: {value} is not an address or network (e.g. 127.0.0.1,10.0.0.0/8)")  # fmt: skip
            raise HubCliError(text.format(value=item[:60])) from None
    return ",".join(items)


def _retention_days(option: int | None) -> int:
    from hostdesk.hub.signup_page import DEFAULT_RETENTION_DAYS

    days = option
    if days is None:
        env = os.environ.get("HOSTDESK_HUB_RETENTION_DAYS", "").strip()
        days = int(env) if env.isdigit() else DEFAULT_RETENTION_DAYS
    if not 1 <= days <= 3650:
        raise HubCliError(t("--retention-days: a number from 1 to 3650"))
    return days


def _page_settings(args) -> dict:
    """The sign-up page's settings from the options, else $HOSTDESK_HUB_*, else defaults."""
    from hostdesk.hub.signup_page import DEFAULT_PAGE_RATE_LIMIT

    agency = args.agency if args.agency is not None else os.environ.get("HOSTDESK_HUB_AGENCY", "")
    if len(agency.strip()) > 60 or not agency.isprintable():
        raise HubCliError(t("--agency: at most 60 printable characters"))
    days = _retention_days(args.retention_days)
    page_rate = DEFAULT_PAGE_RATE_LIMIT if args.page_rate_limit is None else args.page_rate_limit
    if page_rate < 0:
        raise HubCliError(t("--page-rate-limit: 0 or more"))
    views = args.page_view_limit
    if views is not None and views < 0:
        raise HubCliError(t("--page-view-limit: 0 or more"))
    public = (
        args.public_url
        if args.public_url is not None
        else os.environ.get("HOSTDESK_HUB_PUBLIC_URL", "")
    )
    return {"agency": agency.strip(), "retention_days": days, "page_rate_limit": page_rate,
            "page_get_rate_limit": views, "public_url": _public_url(public)}  # fmt: skip


def _public_url(raw: str) -> str:
    """The hub's address as phones reach it (told to PCs by /api/v1/me); empty: not set."""
    from urllib.parse import urlsplit

    url = raw.strip().rstrip("/")
    if not url:
        return ""
    try:
        parts = urlsplit(url)
        ok = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        ok = False
    if not ok or len(url) > 200 or not url.isprintable() or " " in url or parts.query:
        raise HubCliError(
            t("--public-url: an http:// or https:// address, e.g. https://hub.example.cn")
        )
    return url


def _token_name(raw: str) -> str:
    name = raw.strip()
    if not name or len(name) > 64 or not name.isprintable():
        raise HubCliError(t("The token name must be 1 to 64 printable characters"))
    return name


def _token_create(args) -> int:
    from hostdesk.hub.auth import TokenExists, create_token

    name = _token_name(args.name)
    try:
        with _Database(args) as db:
            token = create_token(db, name, admin=args.admin)
    except TokenExists:
        text = t("A token named {name} exists already: choose another name")
        raise HubCliError(text.format(name=name)) from None
    # The token on stdout alone (scripts capture it); the advice on stderr.
    print(token)
    print(t("Keep this token: it is shown only once."), file=sys.stderr)
    return EXIT_OK


def _token_list(args) -> int:
    from hostdesk.hub.auth import list_tokens

    with _Database(args) as db:
        tokens = list_tokens(db)
    if args.json:
        rows = [
            {"name": k.name, "role": k.scope, "created": k.created_at, "revoked": k.revoked_at}
            for k in tokens
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not tokens:
        print(t("No tokens yet: make one with `hostdesk-hub token create NAME`."), file=sys.stderr)
        return EXIT_OK
    rows = [[t("name"), t("role"), t("created"), t("revoked")]]
    rows += [[k.name, t(k.scope), k.created_at[:19], (k.revoked_at or "-")[:19]] for k in tokens]
    print(_table(rows))
    return EXIT_OK


def _table(rows: list[list[str]]) -> str:
    import unicodedata

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    widths = [max(width(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(
            cell + " " * (w - width(cell)) for cell, w in zip(row, widths, strict=True)
        ).rstrip()
        for row in rows
    )


def _token_revoke(args) -> int:
    from hostdesk.hub.auth import NoSuchToken, revoke_token

    name = _token_name(args.name)
    try:
        with _Database(args) as db:
            revoked = revoke_token(db, name)
    except NoSuchToken:
        raise HubCliError(t("No token is named {name}").format(name=name)) from None
    if revoked:
        print(t("Token {name} revoked: the hub refuses it from now on.").format(name=name))
    else:
        print(t("Token {name} was revoked already.").format(name=name))
    return EXIT_OK


def _purge(args) -> int:
    _require_server()  # retention shares the server's modules (and their packages)
    from hostdesk.hub import retention

    days = _retention_days(args.retention_days)
    with _Database(args) as db:
        count = retention.purge_expired(db, days)
    print(t("Sign-ups whose personal data was erased: {count}").format(count=count))
    return EXIT_OK


def _erase(args) -> int:
    from hostdesk.core.phone import PhoneError, normalize_phone

    _require_server()
    from hostdesk.hub import retention

    phone = client_id = None
    if args.phone is not None:
        try:
            phone = normalize_phone(args.phone)
        except PhoneError:
            raise HubCliError(t("The phone number is not a mainland mobile number: check --phone")) from None  # fmt: skip
    else:
        client_id = args.client_id.strip()
        if not client_id or len(client_id) > 64 or not client_id.isprintable():
            raise HubCliError(t("--id: 1 to 64 printable characters"))
    with _Database(args) as db:
        count = retention.erase(db, phone=phone, client_id=client_id, actor="cli")
    print(t("Sign-ups whose personal data was erased: {count}").format(count=count))
    return EXIT_OK


VERBS = {
    "serve": _serve,
    "token create": _token_create,
    "token list": _token_list,
    "token revoke": _token_revoke,
    "purge": _purge,
    "erase": _erase,
}
