"""Logs never hold a full phone number or a name: a whole capture-and-export session, then a grep.

One child process does what a night at the desk does, with logging on as the app sets it
up: `reg add` (saved, duplicate, invalid, unassigned, minor), `reg list` (also --reveal),
`reg export`, then saves through the service and the GUI's task bridge (which logs every
failure with its traceback), including a disk that fills up mid-save. Afterwards every
file under <data dir>/logs is searched for each number and name used.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT

# Distinctive names, so that a hit is a leak and not a coincidence.
NAMES = ["欧阳娜娜", "司马相如", "Zhang Weitest", "慕容复", "上官婉儿", "诸葛亮亮"]
PHONES = ["13912345601", "13712345602", "18612345603", "15012345604", "14012345605", "17712345606"]
# How the numbers were typed: the forms must not leak either.
TYPED = {"13912345601": "+86 139-1234-5601", "18612345603": "（186）1234 5603"}

SESSION = r"""
import json, sys, time
from pathlib import Path

data_dir = Path(sys.argv[1])
names, phones, typed = json.loads(sys.argv[2])
out = data_dir.parent / "out"
out.mkdir()

from hostdesk import app, cli
from hostdesk.core.jobs import Job, JobStatus

ctx = app.build(data_dir)
ctx.jobs.upsert_many([Job(code="A1", title="普工"), Job(code="C9", title="停招", status=JobStatus.CLOSED)])
ctx.close()

def reg_add(name, phone, *extra):
    return cli.main(["--data-dir", str(data_dir), "reg", "add", "--job", "A1", f"--name={name}",
                     f"--phone={typed.get(phone, phone)}", *extra])

codes = [
    reg_add(names[0], phones[0], "--age", "30"),
    reg_add(names[1], phones[1], "--age", "17", "--note", f"备用 {phones[2]}"),
    reg_add(names[2], phones[0]),                                 # duplicate: exit 3
    reg_add(names[2], phones[0], "--force"),
    reg_add(names[3], "1391234560"),                              # 10 digits: exit 2
    reg_add(names[3], phones[4]),                                 # unassigned: exit 3
    reg_add(names[3], phones[4], "--force"),
    reg_add(names[4] + "\x00", phones[3]),                        # NUL: exit 2
    reg_add(names[4], phones[3], "--job", "C9"),                  # closed job: exit 2
    reg_add(names[4], phones[3], "--age", "12"),                  # under 16: exit 2
]
codes += [cli.main(["--data-dir", str(data_dir), *args]) for args in (
    ["reg", "list"], ["reg", "list", "--reveal"], ["reg", "list", "--json", "--reveal"],
    ["reg", "list", "--search", phones[0][-4:]], ["reg", "list", "--search", names[0]],
    ["reg", "export", str(out / "all.xlsx")], ["reg", "export", str(out / "all.csv")],
    ["reg", "export", str(out / "masked.csv"), "--masked"],
    ["reg", "export", str(out / "missing" / "x.xlsx")],
)]

# The desktop path: the service behind the task bridge, which logs failures with tracebacks.
from PySide6.QtCore import QCoreApplication
from sqlalchemy import event
from hostdesk.core.registrations import RegistrationDraft, RegQuery
from hostdesk.sheets.registrations_export import export_steps
from hostdesk.ui import tasks

qapp = QCoreApplication.instance() or QCoreApplication([])
app.setup_logging(data_dir)
ctx = app.build(data_dir)

def bridge(fn):
    box = {}
    tasks.run(fn, lambda r: box.setdefault("done", r), lambda e: box.setdefault("error", e))
    deadline = time.monotonic() + 60
    while not box and time.monotonic() < deadline:
        qapp.processEvents()
        time.sleep(0.005)
    return "error" if "error" in box else "done"

service = ctx.registrations
draft = lambda name, phone, **kw: RegistrationDraft(job_code="A1", name=name, phone=phone, **kw)
outcomes = [
    bridge(lambda: service.save(draft(names[5], phones[5], age=40))),
    bridge(lambda: service.save(draft(names[5], phones[5]))),                 # duplicate
    bridge(lambda: service.save(draft(names[5], "12345"))),                   # invalid
    bridge(lambda: service.save(draft(names[5], phones[4]))),                 # unassigned
    bridge(lambda: service.save(draft("", phones[5]))),                       # no name
]
reg_id = service.list(RegQuery(text=names[5]))[0].id
outcomes += [
    bridge(lambda: service.amend(reg_id, {"note": f"改号 {phones[3]}", "name": names[4]})),
    bridge(lambda: service.amend(reg_id, {"phone": "999"})),                  # invalid amend
    bridge(lambda: service.withdraw(reg_id)),
    bridge(lambda: service.amend(reg_id, {"name": names[0]})),                # withdrawn
    bridge(lambda: list(export_steps(service, RegQuery(), out / "bridge.xlsx"))),
]

# The row itself refused by the database (as an I/O error would): the failing INSERT
# carries the name and number among its parameters.
from sqlalchemy import text
with ctx.db.engine.begin() as conn:
    conn.execute(text("CREATE TRIGGER refuse_row BEFORE INSERT ON registrations "
                      "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"))
outcomes.append(bridge(lambda: service.save(draft(names[0], phones[2], age=33, note=names[1]))))
with ctx.db.engine.begin() as conn:
    conn.execute(text("DROP TRIGGER refuse_row"))

# A disk that fills up in the middle of saves (SQLite's page limit stands in for it).
engine = ctx.db.engine
engine.dispose()
def tiny_disk(conn, _record):
    conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
event.listen(engine, "connect", tiny_disk)
def fill():
    for i in range(2000):
        service.save(draft(names[i % 6], f"1380000{i:04d}", note=names[i % 6] * 100))
outcomes.append(bridge(fill))
event.remove(engine, "connect", tiny_disk)
engine.dispose()
ctx.close()
print(json.dumps({"codes": codes, "outcomes": outcomes}))
"""


def test_a_capture_and_export_session_leaves_no_phone_or_name_in_any_log(tmp_path):
    data_dir = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    env.pop("HOSTDESK_DATA_DIR", None)
    done = subprocess.run(
        [sys.executable, "-c", SESSION, str(data_dir), json.dumps([NAMES, PHONES, TYPED])],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    # The session really went through every path: saves, refusals, lists, exports.
    assert report["codes"] == [0, 0, 3, 0, 2, 3, 0, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 2]
    assert report["outcomes"] == ["done", "error", "error", "error", "error",
                                  "done", "error", "done", "error", "done", "error", "error"]  # fmt: skip
    assert "Traceback" not in done.stderr
    # stdout of `reg list --reveal` may show them; that is the point of --reveal.
    assert PHONES[0] in done.stdout or PHONES[0] in (tmp_path / "out" / "all.csv").read_text("utf-8-sig")  # fmt: skip

    logs = sorted(p for p in (data_dir / "logs").rglob("*") if p.is_file())
    assert logs, "no log written"
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in logs)
    # The log is not empty of what happened, only of who it happened to.
    assert "registration" in text and "background task failed: DuplicateRegistration" in text
    assert "RegistrationStoreError" in text  # the disk-full failure was logged
    secrets = [*NAMES, *PHONES, *TYPED.values()]
    secrets += [f"1380000{i:04d}" for i in range(2000)]  # the numbers of the disk-full run
    leaks = sorted({s for s in secrets if s in text})
    where = {s: [p.name for p in logs if s in p.read_text(encoding="utf-8", errors="replace")] for s in leaks}  # fmt: skip
    assert not leaks, f"personal data in logs: {where}"
    # Digits split by the log format (e.g. "139-1234-5601") are no safer than whole ones.
    squeezed = "".join(ch for ch in text if ch.isdigit())
    assert not [p for p in PHONES if p in squeezed], "phone digits in logs"
