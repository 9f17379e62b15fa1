"""The desktop's sign-up sheet for an employer (issue 14 item 4), through the real service and
store: only viewers who ticked the employer consent and are still signed up, their names and
numbers in full, the employer's columns only, and a show that has ended can be exported."""

from __future__ import annotations

import sqlite3

from hostdesk.core.jobs import Job
from hostdesk.core.registrations import RegistrationDraft, RegQuery
from hostdesk.sheets import employer_export as ex
from hostdesk.sheets import registrations_export as rx
from tests.sheets.test_registrations_export import _read_csv, _read_xlsx


def _save(ctx, job: str, i: int, **kw):
    if ctx.jobs.get(job) is None:
        ctx.jobs.insert(Job(code=job, title=f"岗位{job}", company="海信"))
    draft = RegistrationDraft(job_code=job, name=f"测试{i}", phone=f"138{i:08d}", age=30 + i,
                              expected_city="烟台", **kw)  # fmt: skip
    return ctx.registrations.save(draft, confirm_duplicate=True)


def _consented(ctx, *regs) -> None:
    """What a pull stores for a sign-up from the hub's page with the second box ticked."""
    with sqlite3.connect(ctx.db.path) as conn:
        conn.executemany(
            "UPDATE registrations SET employer_consent = 1 WHERE id = ?", [(r.id,) for r in regs]
        )


def _run(steps) -> int:
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value


def test_only_consented_active_sign_ups_unmasked_in_the_employers_columns(ctx, tmp_path):
    ctx.sessions.start("douyin", "青岛招聘")
    yes, withdrawn, no = _save(ctx, "A1", 1), _save(ctx, "A1", 2), _save(ctx, "A1", 3)
    other_job = _save(ctx, "B2", 4)
    _consented(ctx, yes, withdrawn, other_job)
    ctx.registrations.withdraw(withdrawn.id)
    show = ctx.sessions.stop()  # the show has ended: it can still be exported
    assert show.ended_at is not None and yes.session_id == show.id

    path = tmp_path / "海信.xlsx"
    query = RegQuery(session_id=show.id)
    count = _run(ex.employer_export_steps(ctx.registrations, query, path, job_codes={"A1"}))
    assert count == 1
    _title, rows = _read_xlsx(path)
    time = rx._local(yes.created_at)[:16]
    assert rows == [list(ex.EMPLOYER_HEADERS), ["测试1", "13800000001", "岗位A1", time, 31, "烟台"]]
    cells = {str(c) for row in rows for c in row}
    for internal in (yes.id, show.id, yes.notice_version, "待同步", "同意"):
        assert not any(internal and internal in c for c in cells), internal
    assert no.phone not in cells and withdrawn.phone not in cells

    # Every job of the show (no job filter), as CSV: the two consented, newest first.
    csv_path = tmp_path / "all.csv"
    assert _run(ex.employer_export_steps(ctx.registrations, query, csv_path)) == 2
    assert [row[:2] for row in _read_csv(csv_path)] == [
        list(ex.EMPLOYER_HEADERS[:2]), ["测试4", "13800000004"], ["测试1", "13800000001"]
    ]  # fmt: skip


def test_nobody_consented_gives_the_header_only(ctx, tmp_path):
    _save(ctx, "A1", 1)
    path = tmp_path / "none.csv"
    assert _run(ex.employer_export_steps(ctx.registrations, RegQuery(), path)) == 0
    assert _read_csv(path) == [list(ex.EMPLOYER_HEADERS)]


def test_the_agencys_own_export_is_unchanged(ctx, tmp_path):
    _consented(ctx, _save(ctx, "A1", 1))
    path = tmp_path / "agency.csv"
    assert rx.export_file(ctx.registrations, RegQuery(), path) == 1
    assert _read_csv(path)[0] == list(rx.EXPORT_HEADERS)
