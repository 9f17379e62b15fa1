"""`hostdesk-hub user add|list|disable|password`: the back office's accounts from the terminal.

Passwords come on standard input only (--password-stdin: never an argument, which other
users of the machine can read in the process list). Messages: the hub's catalogue (i18n).
"""

from __future__ import annotations

import json
import sys

from hostdesk.hub.i18n import t

ROLES = ("admin", "recruiter", "employer")


def add_parser(verbs, db_help: str, parser_class) -> None:
    """The `user` verb and its actions, on the hub CLI's subparsers."""
    user = verbs.add_parser("user", help=t("back-office accounts (admins, recruiters, employers)"))
    actions = user.add_subparsers(
        dest="action", metavar="{add,list,disable,password}", required=True,
        parser_class=parser_class,
    )  # fmt: skip
    add = actions.add_parser("add", help=t("make a back-office account"))
    add.add_argument("name", help=t("the account's login name"))
    add.add_argument("--role", required=True, choices=ROLES, help=t("admin, recruiter or employer"))
    add.add_argument("--employer", default="", help=t("the company an employer account speaks for (its jobs' company)"))  # fmt: skip
    add.add_argument("--password-stdin", action="store_true", required=True, help=t("read the password from standard input"))  # fmt: skip
    add.add_argument("--db", help=db_help)
    listing = actions.add_parser("list", help=t("list the accounts (never a password)"))
    listing.add_argument("--json", action="store_true", help=t("print JSON"))
    listing.add_argument("--db", help=db_help)
    disable = actions.add_parser("disable", help=t("disable an account: its sessions end at once"))  # fmt: skip
    disable.add_argument("name", help=t("the account's login name"))
    disable.add_argument("--db", help=db_help)
    password = actions.add_parser("password", help=t("set an account's password"))
    password.add_argument("name", help=t("the account's login name"))
    password.add_argument("--password-stdin", action="store_true", required=True, help=t("read the password from standard input"))  # fmt: skip
    password.add_argument("--db", help=db_help)


def _password() -> str:
    from hostdesk.hub.cli import HubCliError

    line = sys.stdin.readline()
    password = line[:-1] if line.endswith("\n") else line
    if password.endswith("\r"):
        password = password[:-1]
    if not 8 <= len(password) <= 256:
        raise HubCliError(t("The password must be 8 to 256 characters (on standard input)"))
    return password


def _name(raw: str) -> str:
    from hostdesk.hub.cli import HubCliError
    from hostdesk.hub.staff import AccountError, check_name

    try:
        return check_name(raw)
    except AccountError:
        raise HubCliError(t("The account name must be 1 to 64 printable characters")) from None


def run(args) -> int:
    return {"add": _add, "list": _list, "disable": _disable, "password": _set_password}[
        args.action
    ](args)


def _add(args) -> int:
    from hostdesk.hub.cli import EXIT_OK, HubCliError, _Database
    from hostdesk.hub.staff import AccountError, AccountExists, create_account

    name = _name(args.name)
    employer = args.employer.strip()
    if args.role == "employer" and not (0 < len(employer) <= 100 and employer.isprintable()):
        raise HubCliError(t("--employer: an employer account needs its company (1 to 100 characters)"))  # fmt: skip
    if args.role != "employer" and employer:
        raise HubCliError(t("--employer: only for --role employer"))
    password = _password()
    try:
        with _Database(args) as db:
            create_account(db, name, args.role, password, employer=employer)
    except AccountExists:
        raise HubCliError(t("An account named {name} exists already").format(name=name)) from None
    except AccountError:
        raise HubCliError(t("The password must be 8 to 256 characters (on standard input)")) from None  # fmt: skip
    print(t("Account {name} made ({role}).").format(name=name, role=t(args.role)))
    return EXIT_OK


def _list(args) -> int:
    from hostdesk.hub.cli import EXIT_OK, _Database, _table
    from hostdesk.hub.staff import list_accounts

    with _Database(args) as db:
        accounts = list_accounts(db)
    if args.json:
        rows = [
            {"name": a.name, "role": a.role, "employer": a.employer, "disabled": a.disabled,
             "created": a.created_at}
            for a in accounts
        ]  # fmt: skip
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not accounts:
        print(t("No accounts yet: make one with `hostdesk-hub user add NAME --role admin --password-stdin`."), file=sys.stderr)  # fmt: skip
        return EXIT_OK
    rows = [[t("name"), t("role"), t("employer"), t("state"), t("created")]]
    rows += [
        [a.name, t(a.role), a.employer or "-", t("disabled") if a.disabled else t("active"),
         a.created_at[:19]]
        for a in accounts
    ]  # fmt: skip
    print(_table(rows))
    return EXIT_OK


def _disable(args) -> int:
    from hostdesk.hub.cli import EXIT_OK, HubCliError, _Database
    from hostdesk.hub.staff import NoSuchAccount, disable_account

    name = _name(args.name)
    try:
        with _Database(args) as db:
            disable_account(db, name)
    except NoSuchAccount:
        raise HubCliError(t("No account is named {name}").format(name=name)) from None
    print(t("Account {name} disabled: its sessions have ended.").format(name=name))
    return EXIT_OK


def _set_password(args) -> int:
    from hostdesk.hub.cli import EXIT_OK, HubCliError, _Database
    from hostdesk.hub.staff import NoSuchAccount, set_password

    name = _name(args.name)
    password = _password()
    try:
        with _Database(args) as db:
            set_password(db, name, password)
    except NoSuchAccount:
        raise HubCliError(t("No account is named {name}").format(name=name)) from None
    print(t("Password of {name} set: its sessions have ended.").format(name=name))
    return EXIT_OK
