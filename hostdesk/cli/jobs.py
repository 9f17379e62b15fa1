"""Command-line verbs for the job catalogue: `jobs list`, `jobs import`, `jobs export`, `jobs lint`.

`jobs publish` sends the catalogue to the hub and lives with the other hub verbs (sync.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from hostdesk.cli.common import EXIT_BAD_INPUT, EXIT_OK, CliError, print_json, table, translate


def add_parsers(sub):
    """The `jobs` verb and its sub-verbs; returns its sub-parsers for `jobs publish`."""
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
    return jobs


def catalogue_json(jobs) -> dict:
    """The catalogue as the hub's API holds it: the admin's PUT /api/v1/jobs body as is (and
    GET's shape, less the hub's per-job versions, which only the hub knows)."""
    return {"jobs": [job.to_json() for job in jobs]}


def cmd_jobs_list(ctx, args) -> int:
    jobs = ctx.jobs.list_jobs()
    if args.json:
        print_json(catalogue_json(jobs))
        return EXIT_OK
    from hostdesk import messages as m
    from hostdesk.core.salary import format_pay

    header = [m.field_label(k) for k in ("code", "title", "company", "city", "pay", "status")]
    rows = [
        [j.code, j.title, j.company, j.city, format_pay(j.pay), m.status_label(j.status.value)]
        for j in jobs
    ]
    print(table([header, *rows]))
    return EXIT_OK


def cmd_jobs_import(ctx, args) -> int:
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


def cmd_jobs_export(ctx, args) -> int:
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


def cmd_jobs_lint(ctx, args) -> int:
    warnings = ctx.catalogue.lint()
    if args.json:
        print_json(
            [{"code": w.code, "field": w.field, "rule": w.rule, "text": w.text} for w in warnings]
        )
        return EXIT_OK

    from hostdesk import messages as m

    for w in warnings:
        print(f"{w.code}  {m.field_warning(w)}")
    print(translate("Cli", "Warnings: {count}").format(count=len(warnings)))
    return EXIT_OK


COMMANDS = {
    ("jobs", "list"): cmd_jobs_list,
    ("jobs", "import"): cmd_jobs_import,
    ("jobs", "export"): cmd_jobs_export,
    ("jobs", "lint"): cmd_jobs_lint,
}
