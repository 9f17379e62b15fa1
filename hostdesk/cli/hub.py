"""`hostdesk hub …`: the hub's own command line (`hostdesk-hub`) under the desktop's, plus `stats`.

`hub stats` asks a running hub for its counts with the desktop's settings; the server verbs
are forwarded to hostdesk.hub.cli, imported only then, so the desktop's other commands never
load the hub's packages.
"""

from __future__ import annotations

from hostdesk.cli.common import EXIT_INTERNAL, CliError, print_json, translate

STATS_TIMEOUT = (5, 15)  # (connect, read) seconds
SERVER_VERBS = ("serve", "token", "purge", "erase")  # hostdesk-hub's: forwarded to it


def add_parsers(sub) -> None:
    hub = sub.add_parser(
        "hub", help=translate("Cli", "the hub server that collects sign-ups from every PC")
    )
    verbs = hub.add_subparsers(dest="verb", required=True)
    for verb in SERVER_VERBS:
        # Forwarded whole to the hub's own command line (hostdesk.hub.cli), which parses it.
        # No option prefix here, so `--db …` and `--help` are taken as plain words to forward
        # (argparse's REMAINDER refuses a first word that looks like an option).
        server = verbs.add_parser(verb, add_help=False, prefix_chars="\0", help=translate("Cli", "the same as hostdesk-hub {verb}").format(verb=verb))  # fmt: skip
        server.add_argument("rest", nargs="*")

    stats = verbs.add_parser("stats", help=translate("Cli", "sign-up counts from the hub"))
    stats.add_argument("--json", action="store_true", help=translate("Cli", "print JSON"))
    stats.add_argument("--hub-url", help=translate("Cli", "the hub's address (default: $HOSTDESK_HUB_URL or settings)"))  # fmt: skip
    stats.add_argument("--hub-token", help=translate("Cli", "the device token (default: $HOSTDESK_HUB_TOKEN or settings)"))  # fmt: skip


def run(args, data_dir) -> int:
    """Run a `hub` verb; none of them opens the desktop's data."""
    if args.verb in SERVER_VERBS:
        if not _server_installed():
            raise CliError(translate("Cli", "This installation has no hub server (the desktop bundle leaves it out): run the hub from a source installation, see docs/hub-api.md"))  # fmt: skip
        from hostdesk.hub.cli import main

        lang = ["--lang", args.lang] if args.lang else []
        return main([*lang, args.verb, *args.rest], prog="hostdesk hub")
    return _stats(args, data_dir)


def _server_installed() -> bool:
    import importlib.util

    return all(importlib.util.find_spec(name) for name in ("fastapi", "uvicorn", "hostdesk.hub"))


def _stats(args, data_dir) -> int:
    import requests

    from hostdesk import config

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
        print_json(data)
        return 0
    print(translate("Cli", "Sign-ups: {total}").format(total=data["total"]))
    for code, count in sorted(data["by_job"].items()):
        print(f"  {code}  {count}")
    return 0
