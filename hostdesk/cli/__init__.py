"""The command line: the parser and `main`; `hostdesk` with no verb opens the desktop window.

The verbs live one group to a module (jobs, live, reg, sync, hub) and share common.py; they
never import this module or each other, so the parser can import them all.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import os
import sys
from pathlib import Path

from hostdesk import __version__, config
from hostdesk.cli import hub, jobs, live, reg, sync
from hostdesk.cli.common import (
    EXIT_INTERNAL,
    EXIT_OK,
    CliError,
    help_translation,
    install_translator,
    print_json,
    translate,
)

log = logging.getLogger(__name__)

_gui_app = None  # kept alive for the verbs that render


def _parser() -> argparse.ArgumentParser:
    """Built after the translator is installed, so the help reads in the user's language."""
    p = argparse.ArgumentParser(
        prog="hostdesk", description=translate("Cli", "HostDesk – live recruitment assistant")
    )
    p.add_argument("--version", action="version", version=f"hostdesk {__version__}")
    _add_global_options(p)
    sub = p.add_subparsers(dest="command")
    sync.add_jobs_publish(jobs.add_parsers(sub))
    live.add_parsers(sub)
    reg.add_parsers(sub)
    sync.add_parsers(sub)
    hub.add_parsers(sub)
    return p


def _add_global_options(p: argparse.ArgumentParser) -> None:
    """The options before any verb, shared by both parsers so they read argv alike."""
    p.add_argument(
        "--data-dir",
        help=translate("Cli", "data folder (default: $HOSTDESK_DATA_DIR or the platform's)"),
    )
    p.add_argument(
        "--lang",
        choices=config.LANGUAGES,
        help=translate("Cli", "language (default: from settings)"),
    )
    p.add_argument(
        "--selftest", action="store_true", help=translate("Cli", "check the installation and exit")
    )
    p.add_argument(
        "--obs-url", help=translate("Cli", "OBS WebSocket address, e.g. ws://127.0.0.1:4455")
    )
    p.add_argument("--obs-password", help=translate("Cli", "OBS WebSocket password"))


def _early_parser() -> argparse.ArgumentParser:
    """What is needed before the real parser: where the data is, which language, which verb.

    It knows every global option that takes a value, so `--data-dir jobs` is a folder and
    not the `jobs` verb: the verb decides whether the window opens.
    """
    p = argparse.ArgumentParser(prog="hostdesk", add_help=False)
    _add_global_options(p)
    p.add_argument("--json", action="store_true")
    p.add_argument("command", nargs="?")
    return p


COMMANDS = {**jobs.COMMANDS, **live.COMMANDS, **reg.COMMANDS, **sync.COMMANDS}


def _open(data_dir: Path, loaded):
    """The app context, or a CliError carrying the translated reason it cannot open."""
    from hostdesk import app
    from hostdesk.store.migrations import SchemaTooNewError
    from hostdesk.store.pragmas import PragmaError

    try:
        return app.build(data_dir, loaded)
    except (PragmaError, SchemaTooNewError) as exc:
        from hostdesk import messages as m

        raise CliError(m.store_problem(exc), EXIT_INTERNAL) from None


def _read_jobs_light(data_dir: Path):
    """The catalogue without loading SQLAlchemy (scripts call `jobs list --json` often)."""
    from hostdesk.store import DB_FILE, reader
    from hostdesk.store.pragmas import PragmaError

    try:
        return reader.read_jobs(data_dir / DB_FILE)
    except PragmaError:
        return None  # the full open reports it properly


def _print_notices(settings_warnings, wordlist_problems, language: str, json_mode: bool) -> None:
    """Problems the user must hear about, on stderr so that JSON on stdout stays clean."""
    if not (settings_warnings or wordlist_problems):
        return
    if json_mode:  # the translator is not loaded for JSON runs
        install_translator(language)
    from hostdesk import messages as m

    for notice in m.startup_notices(settings_warnings, wordlist_problems):
        print(notice, file=sys.stderr)


def _run_window(argv: list[str], data_dir: Path, language: str) -> int:
    """Global options only: the parser has its say (--help, --version, errors), then the window.

    Nothing here may create a Qt application object: a QCoreApplication made for the
    translator would be taken by the window for its QApplication.
    """
    from hostdesk.ui.launch import launch  # Qt Widgets only here: the verbs stay light

    with help_translation(language):
        args = _parser().parse_args(argv)
    return launch(data_dir, args.lang)


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    finally:
        # A CLI run ends here: skip the collector's walk over every SQLAlchemy and pydantic
        # object at interpreter exit (~0.2 s for a 5,000-job list).
        gc.freeze()


def _main(argv: list[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    early, _ = _early_parser().parse_known_args(argv)
    data_dir = config.resolve_data_dir(early.data_dir)
    if not argv:
        from hostdesk.ui.launch import launch

        return launch(data_dir)
    if early.selftest:  # before any Qt application object exists: it makes its own
        from hostdesk.selftest import run

        return run()
    loaded = None
    with contextlib.suppress(OSError):  # an unusable data dir is reported when it is opened
        loaded = config.load_settings(data_dir)
    language = early.lang or (loaded[0].general.language if loaded else "zh_CN")
    if early.command is None:
        return _run_window(argv, data_dir, language)
    if set(argv) & set(live.VERBS):
        # These verbs draw images: fonts need a GUI application (never a window here).
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtGui import QGuiApplication

        global _gui_app
        _gui_app = QGuiApplication.instance() or QGuiApplication(["hostdesk"])
    if not early.json:
        # JSON output is for programs: skip loading Qt's translator (it costs start-up time).
        install_translator(language)
    args = _parser().parse_args(argv)
    try:
        if args.command == "hub":  # the server side: no desktop data or app context
            return hub.run(args, data_dir)
        try:
            from hostdesk.private_files import private_dir

            private_dir(data_dir)  # owner-only (0700), parents made here too, whatever the umask
        except OSError as exc:
            message = translate(
                "Cli",
                "The data folder {path} cannot be used ({reason}): choose another with --data-dir",
            )
            raise CliError(message.format(path=data_dir, reason=exc.strerror)) from None
        if (args.command, args.verb) == ("jobs", "list") and args.json:
            light = _read_jobs_light(data_dir)
            if light is not None:
                _print_notices(loaded[1] if loaded else [], [], language, early.json)
                print_json(jobs.catalogue_json(light))
                return EXIT_OK
        from hostdesk import app

        app.setup_logging(data_dir)
        ctx = _open(data_dir, loaded)
        try:
            _print_notices(ctx.settings_warnings, ctx.wordlist_problems, language, early.json)
            return COMMANDS[(args.command, args.verb)](ctx, args)
        finally:
            ctx.close()
    except CliError as exc:
        print(f"hostdesk: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `hostdesk jobs list | head`: the reader left, not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps interpreter exit quiet
        return EXIT_OK
    except Exception as exc:  # last resort: one line for the user, the traceback in the log
        log.exception("internal error in %s %s", args.command, getattr(args, "verb", ""))
        message = translate("Cli", "internal error ({name}); details are in {logs}")
        print(
            "hostdesk: " + message.format(name=type(exc).__name__, logs=data_dir / "logs"),
            file=sys.stderr,
        )
        return EXIT_INTERNAL
