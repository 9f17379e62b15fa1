"""The sign-up export's "for an employer" part (issue 14 item 4), in the console as launched:
an ended show and an employer picked, the sheet has only the viewers who ticked the employer
consent, unmasked, in the employer's columns; the agency's own export stays masked."""

from __future__ import annotations

import sqlite3

from openpyxl import load_workbook

from hostdesk import i18n
from hostdesk.core.jobs import Job
from hostdesk.core.registrations import RegistrationDraft
from hostdesk.sheets.employer_export import EMPLOYER_HEADERS
from tests.ui.console_window import open_console


def _save(ctx, job: str, i: int):
    draft = RegistrationDraft(job_code=job, name=f"测试{i}", phone=f"138{i:08d}", age=30)
    return ctx.registrations.save(draft, confirm_duplicate=True)


def test_an_employers_sheet_of_an_ended_show(qtbot, ctx, tmp_path):
    i18n.install("zh_CN")
    ctx.jobs.insert(Job(code="HS-1", title="总装工", company="海信"))
    ctx.jobs.insert(Job(code="MD-1", title="包装工", company="美的"))
    ctx.sessions.start("douyin", "昨晚专场")
    ours, not_consented, other = _save(ctx, "HS-1", 1), _save(ctx, "HS-1", 2), _save(ctx, "MD-1", 3)
    with sqlite3.connect(ctx.db.path) as conn:  # as a pull stores the page's second tick
        conn.executemany("UPDATE registrations SET employer_consent = 1 WHERE id = ?",
                         [(ours.id,), (other.id,)])  # fmt: skip
    ended = ctx.sessions.stop()
    tonight = ctx.sessions.current()  # a new show is under way now
    assert tonight.id != ended.id

    win = open_console(qtbot, ctx)
    recent = win.registration_panel.recent
    with qtbot.waitSignal(recent.loaded, timeout=60_000):  # the list: every show, any date
        recent.session_filter.setCurrentIndex(recent.session_filter.findData(""))
    with qtbot.waitSignal(recent.loaded, timeout=60_000):
        recent.date_filter.setCurrentIndex(recent.date_filter.findData(""))
    dialog = recent.open_export()
    form = dialog.employer
    assert form is not None and not form.choices.isEnabled()
    qtbot.waitUntil(lambda: form.show_combo.findData(ended.id) >= 0, timeout=60_000)
    form.tick.setChecked(True)
    assert form.choices.isEnabled() and not dialog.masked.isEnabled()
    form.show_combo.setCurrentIndex(form.show_combo.findData(ended.id))
    form.company_combo.setCurrentIndex(form.company_combo.findData("海信"))
    target = tmp_path / "海信.xlsx"
    dialog.path.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as done:
        dialog.start()
    assert done.args[0] == 1
    workbook = load_workbook(target, read_only=True)
    rows = [list(r) for r in workbook.worksheets[0].iter_rows(values_only=True)]
    workbook.close()
    assert rows[0] == list(EMPLOYER_HEADERS)
    assert [r[:3] for r in rows[1:]] == [["测试1", "13800000001", "总装工"]]
    cells = " ".join(str(c) for r in rows for c in r)
    assert ended.id not in cells and ours.id not in cells and not_consented.phone not in cells

    # Unticked: the agency's own sheet, masked as before.
    form.tick.setChecked(False)
    assert dialog.masked.isEnabled() and dialog.masked.isChecked()
    agency = tmp_path / "agency.csv"
    dialog.path.setText(str(agency))
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as done:
        dialog.start()
    text = agency.read_text("utf-8-sig")
    assert done.args[0] == 3 and "138****0001" in text and "13800000001" not in text
    dialog.reject()
