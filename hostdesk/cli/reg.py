"""Command-line verbs for the registration desk: `reg add`, `reg list`, `reg export`.

Names and phone numbers are masked in everything printed unless `--reveal` is given, and
none of them ever reaches the log: messages name the field and the reason, not the value.
"""

from __future__ import annotations

import logging
import sys
import unicodedata
from datetime import datetime, time, timedelta
from pathlib import Path

from hostdesk.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_INTERNAL,
    CliError,
    print_json,
    table,
    translate,
)
from hostdesk.core.phone import mask_name, mask_phone, normalize_phone
from hostdesk.core.registrations import (
    NOTICE_VERSION,
    ConsentMethod,
    DuplicateRegistration,
    PhoneWarningNotConfirmed,
    Registration,
    RegistrationDraft,
    RegistrationError,
    RegistrationStoreError,
    RegQuery,
    Source,
)

log = logging.getLogger(__name__)

EXIT_NEEDS_FORCE = 3  # a duplicate or an unassigned number: saved only with --force
LIST_LIMIT = 200
# What people type for a source, consent or gender: the stored value or its Chinese label.
SOURCE_ALIASES = {
    "电话": Source.PHONE, "评论": Source.COMMENT, "私信": Source.DM, "现场": Source.WALK_IN,
    "扫码": Source.QR, "导入": Source.IMPORT,
}  # fmt: skip
CONSENT_ALIASES = {
    "口头": ConsentMethod.VERBAL, "勾选": ConsentMethod.CHECKBOX, "书面": ConsentMethod.WRITTEN,
}  # fmt: skip
GENDER_ALIASES = {"男": "male", "女": "female"}
# The option of `reg add` that sets each draft field, to name it in messages.
OPTIONS = {
    "job_code": "--job", "name": "--name", "phone": "--phone", "age": "--age",
    "birth_year": "--birth-year", "gender": "--gender", "current_city": "--city",
    "expected_city": "--expected-city", "note": "--note", "source": "--source",
    "consent_method": "--consent", "notice_version": "--notice-version",
}  # fmt: skip
JSON_KEYS = (
    "id", "job_code", "name", "phone", "age", "source", "consent_method", "status",
    "created_at", "sync_state",
)  # fmt: skip


def add_parsers(sub) -> None:
    reg = sub.add_parser("reg", help=translate("Cli", "viewer sign-ups (the registration desk)"))
    verbs = reg.add_subparsers(dest="verb", required=True)

    add = verbs.add_parser("add", help=translate("Cli", "register a viewer for a job"))
    add.add_argument("--job", required=True, help=translate("Cli", "job code"))
    add.add_argument("--name", required=True, help=translate("Cli", "name or form of address"))
    add.add_argument("--phone", required=True, help=translate("Cli", "mobile number"))
    # Numbers are checked here, not by argparse, so a mistake is one line naming the field.
    add.add_argument("--age", help=translate("Cli", "age in years (16-80)"))
    add.add_argument("--birth-year", help=translate("Cli", "year of birth, instead of the age"))
    add.add_argument("--gender", help=translate("Cli", "male/男 or female/女, only when the job requires it"))  # fmt: skip
    add.add_argument("--city", default="", help=translate("Cli", "city the viewer lives in"))
    add.add_argument("--expected-city", default="", help=translate("Cli", "city the viewer wants to work in"))  # fmt: skip
    add.add_argument("--note", default="", help=translate("Cli", "note"))
    add.add_argument(
        "--source", default=Source.PHONE.value,
        help=translate("Cli", "how the sign-up came: phone/电话, comment/评论, dm/私信, walk_in/现场, qr/扫码, import/导入"),
    )  # fmt: skip
    add.add_argument(
        "--consent", default=ConsentMethod.VERBAL.value,
        help=translate("Cli", "how consent was given: verbal/口头, checkbox/勾选, written/书面"),
    )  # fmt: skip
    add.add_argument(
        "--notice-version", default=NOTICE_VERSION,
        help=translate("Cli", "version of the privacy notice the viewer heard (default {version})").format(version=NOTICE_VERSION),
    )  # fmt: skip
    add.add_argument(
        "--force", action="store_true",
        help=translate("Cli", "save even when the number already signed up for this job or is not an assigned mobile number"),
    )  # fmt: skip

    lst = verbs.add_parser("list", help=translate("Cli", "list sign-ups, newest first"))
    lst.add_argument("--json", action="store_true", help=translate("Cli", "print JSON"))
    lst.add_argument(
        "--reveal", action="store_true",
        help=translate("Cli", "show names and phone numbers in full (never while on air)"),
    )  # fmt: skip
    lst.add_argument("--search", default="", help=translate("Cli", "name, job, note or part of the phone number"))  # fmt: skip
    lst.add_argument(
        "--limit", default=str(LIST_LIMIT),
        help=translate("Cli", "at most this many (default {count})").format(count=LIST_LIMIT),
    )  # fmt: skip
    _add_filters(lst)
    lst.add_argument("--source", default="", help=translate("Cli", "only this source"))

    exp = verbs.add_parser("export", help=translate("Cli", "export sign-ups to .xlsx or .csv"))
    exp.add_argument("file", type=Path)
    exp.add_argument(
        "--masked", action="store_true",
        help=translate("Cli", "mask names and phone numbers (138****5678) in the file"),
    )  # fmt: skip
    _add_filters(exp)


def _add_filters(parser) -> None:
    parser.add_argument("--session", default="", help=translate("Cli", "only this session (its id)"))  # fmt: skip
    parser.add_argument("--job", default="", help=translate("Cli", "only this job code"))
    parser.add_argument(
        "--since",
        help=translate("Cli", "from this day or time on (2026-11-26 or 2026-11-26 20:00)"),
    )
    parser.add_argument(
        "--until", help=translate("Cli", "up to and including this day, or before this time")
    )


# -- parsing options ----------------------------------------------------------------------------


def _bad(field: str, text: str):
    """A CliError for the option `field`, saying what to do."""

    return CliError(translate("Cli", "{option}: {problem}").format(option=field, problem=text))


def _whole_number(option: str, value: str | None) -> int | None:

    if value is None:
        return None
    text = unicodedata.normalize("NFKC", value).strip().removesuffix("岁").strip()
    if not text:
        return None
    try:
        return int(text, 10)
    except ValueError:
        raise _bad(option, translate("Cli", "write a whole number such as 25")) from None


def _alias(value: str | None, aliases: dict) -> str:
    """The stored value for a Chinese label; anything else goes on to the domain's check."""
    text = (value or "").strip()
    return str(aliases.get(text, text.lower()))


def _moment(option: str, value: str | None, *, end_of_day: bool = False) -> datetime | None:
    """A local day or time as an aware datetime; a bare day as `--until` means the whole day."""

    if not value:
        return None
    text = unicodedata.normalize("NFKC", value).strip().replace("/", "-")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise _bad(
            option, translate("Cli", "write a day such as 2026-11-26 or a time such as 2026-11-26 20:00")
        ) from None  # fmt: skip
    is_day = len(text) <= len("2026-11-26")
    if is_day and end_of_day:
        moment = datetime.combine(moment.date() + timedelta(days=1), time())
    if moment.tzinfo is None:
        moment = moment.astimezone()  # the user's local time
    return moment


def _query(args, **extra) -> RegQuery:
    return RegQuery(
        session_id=args.session.strip(),
        job_code=args.job.strip(),
        since=_moment("--since", args.since),
        until=_moment("--until", args.until, end_of_day=True),
        **extra,
    )


# -- the verbs ------------------------------------------------------------------------------------


def _problem(exc: Exception, code: int | None = None):
    """The service's sentence, led by the option to correct (`--phone: ...`)."""
    from hostdesk import messages as m

    text = m.registration_problem(exc)
    field = getattr(exc, "field", "")
    if field:
        option = OPTIONS.get(field) or m.reg_field_label(field)
        text = translate("Cli", "{option}: {problem}").format(option=option, problem=text)
    return CliError(text, EXIT_BAD_INPUT if code is None else code)


def _earlier_text(earlier: list[Registration]) -> str:
    """The newest earlier sign-up, masked: id, name and when."""

    first = max(earlier, key=lambda r: r.created_at)
    text = translate("Cli", "{id} {name}, registered {time}").format(
        id=first.id, name=mask_name(first.name), time=_local(first.created_at)
    )
    if len(earlier) > 1:
        text += translate("Cli", " (and {count} more)").format(count=len(earlier) - 1)
    return text


def cmd_reg_add(ctx, args) -> int:
    from hostdesk import messages as m

    draft = RegistrationDraft(
        job_code=args.job, name=args.name, phone=args.phone,
        age=_whole_number("--age", args.age),
        birth_year=_whole_number("--birth-year", args.birth_year),
        gender=_alias(args.gender, GENDER_ALIASES), current_city=args.city,
        expected_city=args.expected_city, note=args.note,
        source=_alias(args.source, SOURCE_ALIASES),
        consent_method=_alias(args.consent, CONSENT_ALIASES), notice_version=args.notice_version,
    )  # fmt: skip
    service = ctx.registrations
    try:
        warnings = service.check(draft).warnings
        reg = service.save(draft, confirm_duplicate=args.force, override_phone_warning=args.force)
    except RegistrationError as exc:
        raise _problem(exc) from None
    except DuplicateRegistration as exc:
        text = translate(
            "Cli",
            "this phone number already signed up for job {code}: {earlier}. Add --force to register it again",
        )
        raise CliError(
            text.format(code=draft.job_code.strip(), earlier=_earlier_text(exc.earlier)),
            EXIT_NEEDS_FORCE,
        ) from None
    except PhoneWarningNotConfirmed:
        text = translate(
            "Cli",
            "{phone} is not an assigned mobile number: check it with the viewer, or add --force to save it as it is",
        )
        phone = mask_phone(normalize_phone(draft.phone))
        raise CliError(text.format(phone=phone), EXIT_NEEDS_FORCE) from None
    except RegistrationStoreError as exc:
        raise _problem(exc, EXIT_INTERNAL) from None
    for warning in warnings:
        if warning == "phone_unassigned":
            continue  # --force said yes to it
        print(f"hostdesk: {m.registration_warning(warning)}", file=sys.stderr)
    log.info("registration %s saved (job %s)", reg.id, reg.job_code)
    print(reg.id)
    return 0


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _json(reg: Registration, reveal: bool) -> dict:
    return {
        "id": reg.id,
        "job_code": reg.job_code,
        "name": reg.name if reveal else mask_name(reg.name),
        "phone": reg.phone if reveal else mask_phone(reg.phone),
        "age": reg.age,
        "source": str(reg.source),
        "consent_method": str(reg.consent_method),
        "status": str(reg.status),
        "created_at": reg.created_at.isoformat(),
        "sync_state": str(reg.sync_state),
    }


def cmd_reg_list(ctx, args) -> int:

    limit = _whole_number("--limit", args.limit)
    if limit is None or limit < 1:
        raise _bad("--limit", translate("Cli", "write a whole number such as 25"))
    query = _query(
        args, text=args.search.strip(), source=_alias(args.source, SOURCE_ALIASES) if args.source else "",
        limit=limit,
    )  # fmt: skip
    regs = ctx.registrations.list(query)
    if args.json:
        print_json([_json(reg, args.reveal) for reg in regs])
        return 0
    from hostdesk import messages as m

    header = [
        translate("Cli", "ID"), translate("Cli", "Job"), translate("Cli", "Name"),
        translate("Cli", "Phone"), translate("Cli", "Age"), translate("Cli", "Source"),
        translate("Cli", "Status"), translate("Cli", "Registered"), translate("Cli", "Sync"),
    ]  # fmt: skip
    rows = [
        [
            reg.id, reg.job_code,
            _printable(reg.name if args.reveal else mask_name(reg.name)),
            reg.phone if args.reveal else mask_phone(reg.phone),
            "" if reg.age is None else str(reg.age), m.source_label(str(reg.source)),
            m.reg_status_label(reg.status), _local(reg.created_at),
            m.sync_state_label(reg.sync_state),
        ]
        for reg in regs
    ]  # fmt: skip
    print(table([header, *rows]))
    total = ctx.registrations.count(query)
    print(translate("Cli", "Shown: {shown} of {total}").format(shown=len(regs), total=total))
    return 0


def _printable(text: str) -> str:
    # Direction marks and line breaks in a name would scramble the table's columns.
    return "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")


def cmd_reg_export(ctx, args) -> int:
    from hostdesk import messages as m
    from hostdesk.sheets.reader import SheetError
    from hostdesk.sheets.registrations_export import export_file

    if args.file.suffix.lower() not in (".xlsx", ".csv"):
        raise CliError(
            translate(
                "Cli", "{file}: sign-ups can only be exported to .xlsx or .csv: end the file name with one of them"
            ).format(file=args.file)
        )  # fmt: skip
    try:
        count = export_file(ctx.registrations, _query(args), args.file, masked=args.masked)
    except SheetError as exc:
        raise CliError(m.sheet_error(exc)) from None
    log.info("exported %d registrations (masked: %s)", count, args.masked)
    print(translate("Cli", "Sign-ups exported to {file}: {count}").format(file=args.file, count=count))  # fmt: skip
    return 0


COMMANDS = {
    ("reg", "add"): cmd_reg_add,
    ("reg", "list"): cmd_reg_list,
    ("reg", "export"): cmd_reg_export,
}
