"""Command-line verbs for the hub link: `sync [--once]`, `sync status [--json]`, `jobs publish`.

The hub URL and token come from --hub-url/--hub-token, else HOSTDESK_HUB_URL and
HOSTDESK_HUB_TOKEN, else the settings (the token maybe from the OS keyring). Nothing
printed or logged here carries a sign-up's personal data: only counts and reason codes.
"""

from __future__ import annotations

import logging
import sys
import threading

from hostdesk.cli.common import CliError, print_json, table, translate

log = logging.getLogger(__name__)

EXIT_FAILED = 1  # the hub could not be reached or answered with an error: run again later
EXIT_SETTINGS = 2  # paused: the token, the URL or the set-up needs a person
EXIT_ATTENTION = 3  # everything else went, but some sign-ups need attention
STATUS_KEYS = ("pending", "sending", "acked", "retry_wait", "attention", "last_success", "next_try")


def add_parsers(sub) -> None:
    sync = sub.add_parser(
        "sync", help=translate("Cli", "send sign-ups to the hub and fetch from it")
    )
    sync.add_argument(
        "--once",
        action="store_true",
        help=translate("Cli", "send, fetch and check once, then exit (default: run until Ctrl+C)"),
    )
    sync.add_argument(
        "--hub-url",
        help=translate("Cli", "the hub's address (default: $HOSTDESK_HUB_URL or settings)"),
    )
    sync.add_argument(
        "--hub-token",
        help=translate("Cli", "the device token (default: $HOSTDESK_HUB_TOKEN or settings)"),
    )
    verbs = sync.add_subparsers(dest="verb")
    status = verbs.add_parser(
        "status", help=translate("Cli", "count sign-up changes by sync state")
    )
    status.add_argument("--json", action="store_true", help=translate("Cli", "print JSON"))


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def cmd_sync_status(ctx, args) -> int:
    from hostdesk.store.outbox_repo import OutboxRepository

    counts = OutboxRepository(ctx.db).counts()
    data = {key: getattr(counts, key) for key in STATUS_KEYS}
    if args.json:
        print_json(
            {k: _iso(v) if k in ("last_success", "next_try") else v for k, v in data.items()}
        )
        return 0
    from hostdesk import messages as m

    rows = [[m.sync_state_label(k), str(data[k])] for k in STATUS_KEYS[:5]]
    when = translate("Cli", "never")
    rows.append(
        [
            translate("Cli", "Last success"),
            data["last_success"].astimezone().strftime("%Y-%m-%d %H:%M:%S")
            if data["last_success"]
            else when,
        ]
    )
    if data["next_try"] is not None:
        rows.append(
            [
                translate("Cli", "Next try"),
                data["next_try"].astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            ]
        )
    print(table(rows))
    return 0


def _worker(ctx, args, on_status=None):
    from hostdesk import app

    worker = app.build_sync(ctx, on_status, hub_url=args.hub_url, hub_token=args.hub_token)
    if worker is None:
        raise CliError(
            translate("Cli", "Sync is switched off in the settings ([sync] enabled = false)"), 2
        )
    return worker


def _say(status) -> str:
    from hostdesk import messages as m

    line = translate("Cli", "{state}: {unsynced} waiting, {attention} need attention").format(
        state=m.sync_state_name(status.state),
        unsynced=status.unsynced,
        attention=status.attention,
    )
    reason = m.sync_reason(status.reason)
    return f"{line}. {reason}" if reason else line


def cmd_sync(ctx, args) -> int:
    if not args.once:
        return _run_forever(ctx, args)
    status, ok = _worker(ctx, args).run_once()
    log.info(
        "sync --once: %s/%s, %d unsynced, %d attention",
        status.state, status.reason, status.unsynced, status.attention,
    )  # fmt: skip
    print(_say(status), file=sys.stderr)
    if status.state == "paused":
        return EXIT_SETTINGS
    if not ok or status.unsynced:
        return EXIT_FAILED
    return EXIT_ATTENTION if status.attention else 0


def _run_forever(ctx, args) -> int:
    seen = threading.Event()

    def on_status(status) -> None:
        print(_say(status), file=sys.stderr, flush=True)
        seen.set()

    worker = _worker(ctx, args, on_status)
    worker.start()
    try:
        # Wake now and then: a blocking wait would not see Ctrl+C on Windows.
        while True:
            seen.wait(1.0)
            seen.clear()
    except KeyboardInterrupt:
        pass
    finally:
        worker.stop()
    return 0


def add_jobs_publish(jobs) -> None:
    """`jobs publish`: under the `jobs` verb, with the same hub options as `sync`."""
    pub = jobs.add_parser(
        "publish", help=translate("Cli", "send new and edited jobs to the hub's catalogue")
    )
    pub.add_argument(
        "--hub-url",
        help=translate("Cli", "the hub's address (default: $HOSTDESK_HUB_URL or settings)"),
    )
    pub.add_argument(
        "--hub-token",
        help=translate("Cli", "the device token (default: $HOSTDESK_HUB_TOKEN or settings)"),
    )


def cmd_jobs_publish(ctx, args) -> int:
    """Pull the catalogue (to know the hub's versions), then publish; one line per problem."""
    from hostdesk import config
    from hostdesk.store.hub_repo import HubRepository
    from hostdesk.store.publish_repo import PublishRepository
    from hostdesk.sync.client import HubClient, HubError, HubRefused
    from hostdesk.sync.publish import Publisher
    from hostdesk.sync.pull import Puller

    url, token = config.hub_connection(ctx.settings, args.hub_url, args.hub_token)
    client = HubClient(url, token)
    try:
        hub = HubRepository(ctx.db)
        puller = Puller(hub, ctx.registrations.repo, b"")
        if hub.use_hub(client.base_url):
            log.info("publishing to a hub not pulled from before: its catalogue first")
        puller.pull_jobs(client)
        summary = Publisher(PublishRepository(ctx.db)).publish(client)
    except HubError as exc:
        from hostdesk import messages as m

        log.info("jobs publish failed: %s", exc.reason)
        print(
            translate("Cli", "Not published: {reason}").format(reason=m.sync_reason(exc.reason)),
            file=sys.stderr,
        )
        return EXIT_SETTINGS if isinstance(exc, HubRefused) else EXIT_FAILED
    finally:
        client.close()
    for code in summary.conflicts:
        print(
            translate(
                "Cli", "{code}: changed on the hub and here; choose a version in the window"
            ).format(code=code),
            file=sys.stderr,
        )
    for code in summary.removed:
        print(
            translate("Cli", "{code}: removed from the hub; it is sent again as a new job").format(
                code=code
            ),
            file=sys.stderr,
        )
    print(
        translate(
            "Cli", "Published: {created} new, {updated} updated, {conflicts} conflicts"
        ).format(created=summary.created, updated=summary.updated, conflicts=len(summary.conflicts))
    )
    return EXIT_ATTENTION if summary.conflicts or summary.removed else 0


COMMANDS = {
    ("sync", None): cmd_sync,
    ("sync", "status"): cmd_sync_status,
    ("jobs", "publish"): cmd_jobs_publish,
}
