"""Every command-line verb; `hostdesk` with no verb opens the desktop window."""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import logging
import os
import sys
import unicodedata
from pathlib import Path

from hostdesk import __version__, cli_hub, cli_live, cli_reg, cli_sync, config

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2


class CliError(Exception):
    """A message for the user (already translated) and the exit code to leave with."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT):
        super().__init__(message)
        self.code = code


_gui_app = None  # kept alive for the verbs that render
_translating = False  # set once the translator is installed; JSON-only runs never load Qt
# No verb: the window's own QApplication must be the first application object, so the
# parser's help is translated by a translator installed on no application.
_help_translator = None


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """QCoreApplication.translate once a translator is installed, else the source text."""
    if _help_translator is not None:
        return _help_translator.translate(context, text, disambiguation, n) or text
    if not _translating:
        return text
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text, disambiguation, n)


def _parser() -> argparse.ArgumentParser:
    """Built after the translator is installed, so the help reads in the user's language."""
    p = argparse.ArgumentParser(
        prog="hostdesk", description=translate("Cli", "HostDesk – live recruitment assistant")
    )
    p.add_argument("--version", action="version", version=f"hostdesk {__version__}")
    _add_global_options(p)
    sub = p.add_subparsers(dest="command")
    jobs = sub.add_parser("jobs", help=translate("Cli", "the job catalogue")).add_subparsers(
        dest="verb", required=True
    )
    imp = jobs.add_parser(
        "import", help=translate("Cli", "import jobs from an .xlsx or .csv sheet")
    )
    imp.add_argument("file", type=Path)
    imp.add_argument(
        "--dry-run",
        action="store_true",
        help=translate("Cli", "show what would change, change nothing"),
    )
    lst = jobs.add_parser("list", help=translate("Cli", "list the catalogue"))
    lst.add_argument("--json", action="store_true", help=translate("Cli", "print JSON"))
    exp = jobs.add_parser("export", help=translate("Cli", "export the catalogue to .xlsx or .csv"))
    exp.add_argument("file", type=Path)
    lint = jobs.add_parser(
        "lint", help=translate("Cli", "check jobs for wording that law or platforms forbid")
    )
    lint.add_argument("--json", action="store_true", help=translate("Cli", "print JSON"))
    cli_sync.add_jobs_publish(jobs, translate)
    cli_live.add_parsers(sub, translate)
    cli_reg.add_parsers(sub, translate)
    cli_sync.add_parsers(sub, translate)
    cli_hub.add_parsers(sub, translate)
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


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(rows: list[list[str]]) -> str:
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)).rstrip()
        for row in rows
    )


def _print_json(data) -> None:
    # JSON is UTF-8 for whoever reads it, whatever the console's code page (GBK on
    # Chinese Windows when piped).
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _catalogue(jobs) -> dict:
    """The catalogue as the hub's API holds it: the admin's PUT /api/v1/jobs body as is (and
    GET's shape, less the hub's per-job versions, which only the hub knows)."""
    return {"jobs": [job.to_json() for job in jobs]}


def _cmd_jobs_list(ctx, args) -> int:
    jobs = ctx.jobs.list_jobs()
    if args.json:
        _print_json(_catalogue(jobs))
        return EXIT_OK
    from hostdesk import messages as m
    from hostdesk.core.salary import format_pay

    header = [m.field_label(k) for k in ("code", "title", "company", "city", "pay", "status")]
    rows = [
        [j.code, j.title, j.company, j.city, format_pay(j.pay), m.status_label(j.status.value)]
        for j in jobs
    ]
    print(_table([header, *rows]))
    return EXIT_OK


def _cmd_jobs_import(ctx, args) -> int:

    from hostdesk import messages as m
    from hostdesk.sheets.reader import SheetError

    try:
        outcome = ctx.catalogue.import_file(args.file, dry_run=args.dry_run)
    except SheetError as exc:
        raise CliError(m.sheet_error(exc)) from None
    name = args.file.name
    for problem in outcome.plan.problems + outcome.plan.warnings:
        print(m.row_problem(problem, name), file=sys.stderr)
    r = outcome.result
    template = (
        translate("Cli", "Dry run, nothing changed: {created} new, {updated} updated, {unchanged} unchanged, {rejected} rows rejected")
        if args.dry_run
        else translate("Cli", "Imported: {created} new, {updated} updated, {unchanged} unchanged, {rejected} rows rejected")
    )  # fmt: skip
    rejected = len({p.row for p in outcome.plan.problems})
    print(
        template.format(
            created=r.created, updated=r.updated, unchanged=r.unchanged, rejected=rejected
        )
    )
    print(m.import_rows(outcome.plan))  # read fully / with warnings (listed above) / refused
    return EXIT_BAD_INPUT if rejected else EXIT_OK


def _cmd_jobs_export(ctx, args) -> int:

    from hostdesk import messages as m
    from hostdesk.sheets.reader import SheetError

    try:
        count = ctx.catalogue.export(args.file)
    except SheetError as exc:
        raise CliError(m.sheet_error(exc)) from None
    except OSError as exc:
        raise CliError(
            translate("Cli", "Cannot write {file}: {reason}").format(
                file=args.file, reason=exc.strerror
            )
        ) from None
    # No %n plurals: lupdate (6.11) drops the plural marker unless the count is a literal.
    print(translate("Cli", "Jobs exported to {file}: {count}").format(file=args.file, count=count))
    return EXIT_OK


def _cmd_jobs_lint(ctx, args) -> int:
    warnings = ctx.catalogue.lint()
    if args.json:
        _print_json(
            [{"code": w.code, "field": w.field, "rule": w.rule, "text": w.text} for w in warnings]
        )
        return EXIT_OK

    from hostdesk import messages as m

    for w in warnings:
        print(f"{w.code}  {m.field_warning(w)}")
    print(translate("Cli", "Warnings: {count}").format(count=len(warnings)))
    return EXIT_OK


COMMANDS = {
    **cli_live.COMMANDS,
    **cli_reg.COMMANDS,
    **cli_sync.COMMANDS,
    ("jobs", "list"): _cmd_jobs_list,
    ("jobs", "import"): _cmd_jobs_import,
    ("jobs", "export"): _cmd_jobs_export,
    ("jobs", "lint"): _cmd_jobs_lint,
}


def _open(data_dir: Path, loaded):
    """The app context, or a CliError carrying the translated reason it cannot open."""
    from hostdesk import app
    from hostdesk.store.migrations import SchemaTooNewError
    from hostdesk.store.pragmas import PragmaError

    try:
        return app.build(data_dir, loaded)
    except PragmaError as exc:
        from hostdesk import messages as m

        detail = f"{exc.pragma}={exc.found}"
        raise CliError(m.store_error("pragma", str(exc.path), detail), EXIT_INTERNAL) from None
    except SchemaTooNewError as exc:
        from hostdesk import messages as m

        raise CliError(m.store_error("schema_too_new", str(exc.path)), EXIT_INTERNAL) from None


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
        _install_translator(language)
    from hostdesk import messages as m

    for notice in m.startup_notices(settings_warnings, wordlist_problems):
        print(notice, file=sys.stderr)


def _install_translator(language: str) -> None:
    global _translating
    from hostdesk import i18n

    i18n.install(language)
    _translating = True


def _run_window(argv: list[str], data_dir: Path, language: str) -> int:
    """Global options only: the parser has its say (--help, --version, errors), then the window.

    Nothing here may create a Qt application object: a QCoreApplication made for the
    translator would be taken by the window for its QApplication.
    """
    global _help_translator
    from hostdesk import app, i18n

    _help_translator = i18n.load(language)
    try:
        args = _parser().parse_args(argv)
    finally:
        _help_translator = None
    return app.run_gui(data_dir, args.lang)


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
        from hostdesk import app

        return app.run_gui(data_dir)
    if early.selftest:  # before any Qt application object exists: it makes its own
        from hostdesk.selftest import run

        return run()
    loaded = None
    with contextlib.suppress(OSError):  # an unusable data dir is reported when it is opened
        loaded = config.load_settings(data_dir)
    language = early.lang or (loaded[0].general.language if loaded else "zh_CN")
    if early.command is None:
        return _run_window(argv, data_dir, language)
    if set(argv) & set(cli_live.VERBS):
        # These verbs draw images: fonts need a GUI application (never a window here).
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtGui import QGuiApplication

        global _gui_app
        _gui_app = QGuiApplication.instance() or QGuiApplication(["hostdesk"])
    if not early.json:
        # JSON output is for programs: skip loading Qt's translator (it costs start-up time).
        _install_translator(language)
    args = _parser().parse_args(argv)
    try:
        if args.command == "hub":  # the server side: no desktop data or app context
            return cli_hub.run(args, data_dir)
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
            jobs = _read_jobs_light(data_dir)
            if jobs is not None:
                _print_notices(loaded[1] if loaded else [], [], language, early.json)
                _print_json(_catalogue(jobs))
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
