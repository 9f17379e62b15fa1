"""The import wizard and the export, against a real SQLite catalogue file."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from bench.make_catalogue import write_sheet
from hostdesk import messages
from hostdesk.sheets.jobs_import import plan_import
from hostdesk.sheets.reader import SheetError
from hostdesk.ui.catalogue_export import CatalogueExport
from hostdesk.ui.import_wizard import PREVIEW_FIELDS, ImportWizard
from tests.gui_watch import GuiWatch

HEADER = "编号,岗位,企业,地点,薪资,年龄,招聘人数\n"


def _csv(path: Path, rows: list[str]) -> Path:
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def _numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", text)]


@pytest.fixture
def wizard(qtbot, ctx):
    wiz = ImportWizard(ctx.catalogue)
    qtbot.addWidget(wiz)
    wiz.show()
    return wiz


def _preview(qtbot, wiz: ImportWizard, path: Path) -> bool:
    wiz.set_path(path)
    assert wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    with qtbot.waitSignal(wiz.preview_page.previewed, timeout=20_000) as previewed:
        wiz.next()
    return previewed.args[0]


def test_a_good_sheet_is_previewed_then_imported(qtbot, ctx, wizard, tmp_path):
    ctx.catalogue.import_file(
        _csv(
            tmp_path / "old.csv",
            ["A-1,普工,海信,青岛,5000元/月,18-45岁,10", "A-2,焊工,海尔,青岛,面议,,"],
        )
    )
    sheet = _csv(
        tmp_path / "jobs.csv",
        [
            "A-1,普工,海信,青岛,5000元/月,18-45岁,10",  # unchanged
            "A-2,焊工,海尔,青岛,7000-9000元/月,,5",  # updated
            "A-3,仓管,京东物流,潍坊,22元/小时,18-50岁,若干",  # new
        ],
    )
    assert _preview(qtbot, wizard, sheet) is True
    page = wizard.preview_page
    assert _numbers(page.counts_label.text()) == [1, 1, 1, 0]  # new, updated, unchanged, refused
    assert page.table.rowCount() == 3
    assert [page.table.item(r, 1).text() for r in range(3)] == ["A-1", "A-2", "A-3"]
    assert [page.table.item(r, 0).text() for r in range(3)] == ["2", "3", "4"]  # sheet rows
    assert page.problems_list.count() == 0
    assert ctx.jobs.get("A-3") is None  # the preview was a dry run
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()

    with qtbot.waitSignal(wizard.imported, timeout=20_000) as imported:
        wizard.next()
    assert imported.args == [1, 1, 1]
    assert wizard.currentPage() is wizard.summary_page
    assert _numbers(wizard.summary_page.label.text()) == [1, 1, 1, 0]
    assert ctx.jobs.get("A-3").company == "京东物流"
    assert ctx.jobs.get("A-2").headcount == 5
    assert ctx.jobs.count() == 3
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()


def test_bad_rows_are_listed_with_their_row_numbers(qtbot, ctx, wizard, tmp_path):
    sheet = _csv(
        tmp_path / "bad.csv",
        [
            "B-1,普工,海信,青岛,6000元/月,18-45岁,10",
            "B-2,,海信,青岛,6000元/月,18-45岁,10",  # row 3: no title
            "B-3,质检员,海信,青岛,看情况,18-45岁,十个",  # row 4: pay and headcount
            "B-4,叉车司机,海信,青岛,6000元/月,45-18岁,3",  # row 5: age band backwards
        ],
    )
    assert _preview(qtbot, wizard, sheet) is True
    page = wizard.preview_page
    plan = plan_import(sheet)
    # Issue 15: only the row without a title is refused; an unread pay, age or headcount is a
    # warning on a job imported with the text as written.
    assert [p.row for p in plan.problems] == [3]
    assert [(w.row, w.field) for w in plan.warnings] == [
        (4, "salary"), (4, "headcount"), (5, "age"),
    ]  # fmt: skip
    items = [page.problems_list.item(i).text() for i in range(page.problems_list.count())]
    assert items == [messages.row_problem(p, "bad.csv") for p in plan.problems]
    assert "3" in items[0] and "bad.csv" in items[0]
    assert _numbers(page.counts_label.text()) == [3, 0, 0, 1]
    assert page.problems_list.isVisibleTo(wizard)
    assert str(1) in page.problems_label.text()
    # The preview shows an age it could not read as the sheet wrote it, as it does the pay.
    column = 1 + PREVIEW_FIELDS.index("age")
    ages = [page.table.item(r, column).text() for r in range(page.table.rowCount())]
    assert ages == ["18-45岁", "18-45岁", "45-18岁"]

    with qtbot.waitSignal(wizard.imported, timeout=20_000) as imported:
        wizard.next()  # every row with a title is imported
    assert imported.args == [3, 0, 0]
    assert [job.code for job in ctx.jobs.list_jobs()] == ["B-1", "B-3", "B-4"]
    assert ctx.jobs.get("B-3").pay.text == "看情况"


def test_a_png_renamed_xlsx_is_refused_in_place(qtbot, ctx, wizard, tmp_path):
    fake = tmp_path / "岗位表.xlsx"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    assert _preview(qtbot, wizard, fake) is False
    page = wizard.preview_page
    expected = messages.sheet_error(SheetError(fake, "wrong_type", "png"))
    assert page.status_label.text().startswith(expected)
    assert page.status_label.isVisibleTo(wizard)
    assert not page.table.isVisibleTo(wizard)
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    assert ctx.jobs.count() == 0

    wizard.back()  # the user picks another file; the path typed stays
    assert wizard.currentPage() is wizard.file_page
    assert wizard.file_page.path_edit.text() == str(fake)
    good = _csv(tmp_path / "good.csv", ["C-1,普工,海信,青岛,6000元/月,18-45岁,10"])
    assert _preview(qtbot, wizard, good) is True
    assert _numbers(page.counts_label.text()) == [1, 0, 0, 0]


def test_cancelling_a_5000_row_import_writes_nothing(qtbot, ctx, wizard, tmp_path, monkeypatch):
    # Some of the sheet's codes already exist with other content: they must stay as they were.
    ctx.catalogue.import_file(
        _csv(
            tmp_path / "old.csv", [f"GE-0000{i},旧岗位{i},旧企业,青岛,面议,,1" for i in range(1, 4)]
        )
    )
    before = ctx.jobs.list_jobs()
    sheet = write_sheet(tmp_path / "big.csv", 5000)

    # Hold the import after its second chunk (rows written, not committed) until the
    # GUI has pressed Cancel, so the cancel lands mid-transaction on every machine.
    gate = threading.Event()
    original = ctx.catalogue.import_steps

    def gated(plan, *, chunk=500):
        inner = original(plan, chunk=chunk)
        try:
            for done, total in inner:
                yield done, total
                if done >= chunk:
                    gate.wait(10)
        finally:
            inner.close()

    monkeypatch.setattr(ctx.catalogue, "import_steps", gated)
    assert _preview(qtbot, wizard, sheet) is True
    page = wizard.progress_page
    seen: list[int] = []

    def on_value_changed(value: int) -> None:
        seen.append(value)
        if len(seen) == 1:
            page.cancel_button.click()
            gate.set()

    page.progress_bar.valueChanged.connect(on_value_changed)
    with qtbot.waitSignal(wizard.import_finished, timeout=30_000) as finished:
        wizard.next()
    assert finished.args == ["cancelled"]
    assert seen and seen[0] == 0
    assert page.progress_bar.maximum() == 5000
    assert wizard.currentPage() is wizard.summary_page
    assert wizard.summary_page.label.text() == wizard.summary_page.tr(
        "Nothing was written: the catalogue is as it was."
    )
    after = ctx.jobs.list_jobs()
    assert [j.code for j in after] == [j.code for j in before]
    assert all(a.content_equal(b) for a, b in zip(after, before, strict=True))


def test_closing_the_wizard_during_an_import_cancels_it(qtbot, ctx, wizard, tmp_path, monkeypatch):
    sheet = write_sheet(tmp_path / "big.csv", 2000)
    gate = threading.Event()
    original = ctx.catalogue.import_steps

    def gated(plan, *, chunk=500):
        inner = original(plan, chunk=chunk)
        try:
            for step in inner:
                yield step
                gate.wait(10)
        finally:
            inner.close()

    monkeypatch.setattr(ctx.catalogue, "import_steps", gated)
    assert _preview(qtbot, wizard, sheet) is True
    visible_after_reject: list[bool] = []

    def on_value_changed(_value: int) -> None:
        if not visible_after_reject:  # the import is running: close the window now
            wizard.reject()  # Esc / the window's close button
            visible_after_reject.append(wizard.isVisible())
            gate.set()

    wizard.progress_page.progress_bar.valueChanged.connect(on_value_changed)
    with qtbot.waitSignal(wizard.import_finished, timeout=30_000) as finished:
        wizard.next()
    assert finished.args == ["cancelled"]
    assert visible_after_reject == [True]  # it stayed until the worker had rolled back
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5_000)
    assert ctx.jobs.count() == 0


def test_the_gui_thread_never_waits_on_a_5000_row_import(qtbot, ctx, wizard, tmp_path):
    """Reading, the dry run and the import run on workers: our code never holds the GUI
    thread for 100 ms (tests/gui_watch.py: its own CPU and blocking time, not the clock)."""
    sheet = write_sheet(tmp_path / "big.csv", 5000)
    values: list[int] = []
    wizard.progress_page.progress_bar.valueChanged.connect(values.append)

    with GuiWatch() as watch:
        assert _preview(qtbot, wizard, sheet) is True  # reading + dry run on a worker
        with qtbot.waitSignal(wizard.imported, timeout=60_000) as imported:
            wizard.next()  # the import through tasks.run_steps
        qtbot.wait(30)

    assert imported.args == [5000, 0, 0]
    assert ctx.jobs.count() == 5000
    watch.assert_never_blocked()
    # The bar moved: the first value at once, then coalesced updates up to the total.
    assert values[0] == 0 and values[-1] == 5000 and len(values) >= 2
    assert values == sorted(values)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_writes_a_file_that_reimports_the_same_jobs(qtbot, ctx, tmp_path, suffix):
    ctx.catalogue.load_demo_if_empty()
    jobs = ctx.jobs.list_jobs()
    parent = QWidget()
    qtbot.addWidget(parent)
    export = CatalogueExport(parent, ctx.catalogue)
    target = tmp_path / f"导出{suffix}"
    with qtbot.waitSignal(export.finished, timeout=20_000) as finished:
        export.export_to(target)
    ok, text = finished.args
    assert ok and str(len(jobs)) in text and str(target) in text
    assert export.message_box.isVisible() and export.message_box.text() == text

    plan = plan_import(target)
    assert plan.problems == []
    again = [job for _row, job in plan.jobs]
    assert [j.code for j in again] == [j.code for j in jobs]
    assert all(a.content_equal(b) for a, b in zip(again, jobs, strict=True))
    result = ctx.catalogue.import_file(target, dry_run=True).result
    assert (result.created, result.updated, result.unchanged) == (0, 0, len(jobs))


def test_export_failure_is_reported(qtbot, ctx, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    export = CatalogueExport(parent, ctx.catalogue)
    target = tmp_path / "jobs.txt"
    with qtbot.waitSignal(export.finished, timeout=20_000) as finished:
        export.export_to(target)
    assert finished.args == [
        False,
        messages.sheet_error(SheetError(target, "wrong_type", "export")),
    ]
    assert export.message_box.icon() == QMessageBox.Icon.Warning
    assert not target.exists()
