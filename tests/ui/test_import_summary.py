"""The import wizard lists the importer's warnings and the three row counts (issue 15)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from hostdesk import i18n, messages
from hostdesk.sheets.jobs_import import plan_import
from hostdesk.ui.import_wizard import ImportWizard

ROWS = (
    "编号,岗位,企业,地点,薪资,年龄\n"
    "S1,普工,海信,青岛,5000元/月,18-45岁\n"  # read fully
    "S2,质检员,海信,青岛,看情况,18-45岁\n"  # pay kept as written: a warning
    "S3,包装工🎉急招,海信,青岛,5000元/月,40-18岁\n"  # two warnings on one row
    ",,海信,青岛,5000元/月,18-45岁\n"  # no title: refused
)


@pytest.fixture
def sheet(tmp_path) -> Path:
    path = tmp_path / "mixed.csv"
    path.write_text(ROWS, encoding="utf-8")
    return path


@pytest.fixture
def wizard(qtbot, ctx):
    i18n.install("zh_CN")
    wiz = ImportWizard(ctx.catalogue)
    qtbot.addWidget(wiz)
    wiz.show()
    return wiz


def _items(widget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def test_preview_and_summary_list_the_warnings_and_the_three_counts(qtbot, wizard, sheet):
    plan = plan_import(sheet)
    assert (plan.rows_read_fully, plan.rows_with_warnings, plan.rows_refused) == (1, 2, 1)
    expected = [messages.row_problem(w, "mixed.csv") for w in plan.warnings]
    assert len(expected) == 3 and any("🎉" in line for line in expected)

    wizard.set_path(sheet)
    with qtbot.waitSignal(wizard.preview_page.previewed, timeout=20_000):
        wizard.next()
    page = wizard.preview_page
    assert page.rows_label.text() == "行数：完整读取 1 行，带提醒读取 2 行，未导入 1 行"
    assert _items(page.warnings_list) == expected
    assert page.warnings_list.isVisibleTo(wizard)
    assert "2" in page.warnings_label.text() and "提醒" in page.warnings_label.text()

    with qtbot.waitSignal(wizard.imported, timeout=20_000):
        wizard.next()
    summary = wizard.summary_page
    assert wizard.currentPage() is summary
    assert summary.rows_label.text() == page.rows_label.text()
    assert _items(summary.warnings_list) == expected
    assert summary.warnings_list.isVisibleTo(wizard)


def test_a_clean_sheet_shows_no_warning_list(qtbot, wizard, tmp_path):
    path = tmp_path / "clean.csv"
    path.write_text("编号,岗位\nC1,普工\nC2,焊工\n", encoding="utf-8")
    wizard.set_path(path)
    with qtbot.waitSignal(wizard.preview_page.previewed, timeout=20_000):
        wizard.next()
    assert not wizard.preview_page.warnings_list.isVisibleTo(wizard)
    assert re.findall(r"\d+", wizard.preview_page.rows_label.text()) == ["2", "0", "0"]
    with qtbot.waitSignal(wizard.imported, timeout=20_000):
        wizard.next()
    assert not wizard.summary_page.warnings_list.isVisibleTo(wizard)
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()
