"""The job editor: feedback as you type, live card preview, and saves that land in SQLite."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QPushButton

from hostdesk import i18n
from hostdesk.core.jobs import Job, JobStatus
from hostdesk.core.salary import Pay, PayUnit
from hostdesk.render.geometry import Layout, card_geometry
from hostdesk.ui.job_editor import JobEditorDialog
from tests.ui.test_main_window import type_text

SEEDED = Job(
    code="HX-001",
    title="冰箱总装普工",
    company="海信",
    city="青岛",
    pay=Pay(min=22, max=22, unit=PayUnit.HOUR, text="22元/小时"),
    benefits=("包吃住", "五险一金"),
    headcount=50,
    age_min=18,
    age_max=45,
    shift="两班倒",
    requirements="能适应站立作业",
    highlights="中央空调车间",
    status=JobStatus.PAUSED,
    updated_at=datetime(2024, 8, 26, tzinfo=UTC),
)


@pytest.fixture
def zh(qapp):
    i18n.install("zh_CN")
    yield
    i18n.install("zh_CN")


@pytest.fixture
def seeded(ctx):
    ctx.jobs.upsert_many([SEEDED])
    return ctx


def _open(qtbot, dialog: JobEditorDialog) -> JobEditorDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _note(dialog, name) -> tuple[str, bool]:
    note = dialog.notes[name]
    return (note.text() if not note.isHidden() else ""), bool(note.property("problem"))


def _save(qtbot, dialog) -> str:
    with qtbot.waitSignal(dialog.job_saved, timeout=10_000) as saved:
        dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    return saved.args[0]


def _save_inline(inline_tasks, dialog) -> str:
    """Save with the inline task runner: the write and its answer are done on return."""
    saved: list[str] = []
    dialog.job_saved.connect(saved.append)
    dialog.save_button.click()
    inline_tasks.drain()
    assert dialog.result() == QDialog.DialogCode.Accepted
    (code,) = saved
    return code


def test_bad_pay_shows_the_problem_in_place_and_keeps_the_typing(qtbot, ctx, zh):
    dialog = _open(qtbot, JobEditorDialog.create(None, ctx.catalogue))
    type_text(dialog.fields["pay"], "工资很高")
    text, problem = _note(dialog, "pay")
    assert problem
    assert text == "无法识别薪资「工资很高」：请写成 6000-8000元/月、22元/小时、260元/天 或 面议"
    assert dialog.fields["pay"].text() == "工资很高"
    dialog.fields["pay"].setText("8000-6000")
    assert _note(dialog, "pay") == ("薪资「8000-6000」下限高于上限：请交换两个数字", True)


@pytest.mark.parametrize(
    ("typed", "shown"),
    [("5000-6500元/月", "5000-6500元/月"), ("22元/时", "22元/小时"), ("6-8K", "6000-8000元/月")],
)
def test_good_pay_shows_the_normalised_value(qtbot, ctx, typed, shown):
    dialog = _open(qtbot, JobEditorDialog.create(None, ctx.catalogue))
    type_text(dialog.fields["pay"], typed)
    text, problem = _note(dialog, "pay")
    assert not problem
    assert text.endswith(shown)
    assert dialog.fields["pay"].text() == typed


def test_age_feedback_and_compliance_warnings_as_you_type(qtbot, ctx, zh):
    dialog = _open(qtbot, JobEditorDialog.create(None, ctx.catalogue))
    assert _note(dialog, "age")[0]  # empty: says there is no limit
    type_text(dialog.fields["age"], "18到45周岁")
    text, problem = _note(dialog, "age")
    assert not problem and text.endswith("18-45岁")
    dialog.fields["age"].setText("45-18岁")
    text, problem = _note(dialog, "age")
    assert problem and "45-18岁" in text
    assert dialog.fields["age"].text() == "45-18岁"

    dialog.fields["age"].setText("15-20岁")
    assert not _note(dialog, "age")[1]
    assert "最低年龄 15 岁低于 16 岁" in dialog.warnings.text()
    type_text(dialog.fields["requirements"], "限男性")
    assert "「限男性」" in dialog.warnings.text()
    assert "未填写薪资" in dialog.warnings.text()  # no pay typed yet
    dialog.fields["pay"].setText("面议")
    assert "未填写薪资" not in dialog.warnings.text()


def test_preview_shows_the_card_and_follows_the_typing(qtbot, ctx):
    dialog = JobEditorDialog.create(
        None, ctx.catalogue, layout=Layout.SIDE, theme="light", canvas=(1280, 720)
    )
    with qtbot.waitSignal(dialog.preview_rendered, timeout=10_000):
        _open(qtbot, dialog)
    first = dialog.preview.pixmap().toImage()
    assert not first.isNull()
    # Rendered as OBS would get it: the card's own size for this layout and canvas.
    width, height = card_geometry(Layout.SIDE, (1280, 720))[2:]
    assert (dialog.preview_image.width(), dialog.preview_image.height()) == (width, height)

    type_text(dialog.fields["title"], "焊工")
    qtbot.waitUntil(lambda: dialog.preview.pixmap().toImage() != first, timeout=10_000)


def test_a_stale_preview_is_ignored(qtbot, ctx):
    dialog = JobEditorDialog.create(None, ctx.catalogue)
    with qtbot.waitSignal(dialog.preview_rendered, timeout=10_000):
        _open(qtbot, dialog)
    shown = dialog.preview_image
    late = QImage(10, 10, QImage.Format.Format_ARGB32)
    dialog._on_preview_rendered(dialog._render_seq - 1, late)  # an older render, finishing now
    assert dialog.preview_image is shown


def test_saving_a_new_job_lands_in_the_catalogue(qtbot, ctx, inline_tasks):
    dialog = _open(qtbot, JobEditorDialog.create(None, ctx.catalogue))
    type_text(dialog.fields["title"], "注塑工")
    type_text(dialog.fields["company"], "海尔")
    type_text(dialog.fields["pay"], "6-8K")
    type_text(dialog.fields["benefits"], "包吃住、五险一金,班车")
    type_text(dialog.fields["headcount"], "招30人")
    type_text(dialog.fields["age"], "18-40岁")
    dialog.fields["urgent"].setChecked(True)
    code = _save_inline(inline_tasks, dialog)

    job = ctx.jobs.get(code)
    assert job is not None and dialog.saved_job == job
    assert (job.title, job.company, job.headcount, job.urgent) == ("注塑工", "海尔", 30, True)
    assert (job.pay.min, job.pay.max, job.pay.unit) == (6000, 8000, PayUnit.MONTH)
    assert job.pay.text == "6-8K"
    assert job.benefits == ("包吃住", "五险一金", "班车")
    assert (job.age_min, job.age_max, job.status) == (18, 40, JobStatus.OPEN)
    assert code.startswith("J")  # left empty: generated as an import would


def test_missing_title_keeps_the_dialog_open_and_nothing_is_written(qtbot, ctx, zh):
    dialog = _open(qtbot, JobEditorDialog.create(None, ctx.catalogue))
    assert _note(dialog, "title") == ("", True)  # not nagged before trying to save
    type_text(dialog.fields["pay"], "22元/时")
    dialog.save_button.click()
    text, problem = _note(dialog, "title")
    assert problem and text
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.fields["pay"].text() == "22元/时"
    assert ctx.jobs.count() == 0


def test_duplicate_gets_a_new_code_and_opens_the_copy(qtbot, seeded):
    dialog = _open(qtbot, JobEditorDialog.duplicate(None, seeded.catalogue, SEEDED))
    assert dialog.fields["title"].text() == SEEDED.title
    assert dialog.fields["status"].currentData() == "open"
    assert dialog.fields["code"].text() == ""
    assert dialog.fields["code"].placeholderText()
    code = _save(qtbot, dialog)
    assert code != SEEDED.code
    copy = seeded.jobs.get(code)
    assert copy.title == SEEDED.title and copy.pay.text == "22元/小时"
    assert copy.status is JobStatus.OPEN
    assert seeded.jobs.get(SEEDED.code).status is JobStatus.PAUSED
    assert seeded.jobs.count() == 2


def test_editing_keeps_the_code(qtbot, seeded, inline_tasks):
    dialog = _open(qtbot, JobEditorDialog.edit(None, seeded.catalogue, SEEDED))
    assert dialog.fields["code"].isReadOnly()
    assert dialog.fields["code"].text() == "HX-001"
    assert dialog.fields["benefits"].text() == "包吃住、五险一金"
    dialog.fields["title"].setText("冰箱总装操作工")
    assert _save_inline(inline_tasks, dialog) == "HX-001"
    job = seeded.jobs.get("HX-001")
    assert job.title == "冰箱总装操作工"
    assert job.content_equal(replace(SEEDED, title="冰箱总装操作工"))
    assert job.updated_at > SEEDED.updated_at
    assert seeded.jobs.count() == 1


def test_an_age_kept_as_written_is_shown_and_a_typed_band_replaces_it(qtbot, seeded, inline_tasks):
    # Imported with an age the reader could not turn into a band (issue 15): the editor
    # shows the words, not an empty field; typing a band saves the band and its words.
    unread = replace(
        SEEDED, code="HX-002", age_min=None, age_max=None, age_text="年龄可根据个人形象而定"
    )
    seeded.jobs.upsert_many([unread])
    dialog = _open(qtbot, JobEditorDialog.edit(None, seeded.catalogue, unread))
    assert dialog.fields["age"].text() == "年龄可根据个人形象而定"
    assert _note(dialog, "age")[1]  # still flagged: the editor asks for a band
    dialog.fields["age"].setText("18-40周岁")
    assert _save_inline(inline_tasks, dialog) == "HX-002"
    job = seeded.jobs.get("HX-002")
    assert (job.age_min, job.age_max, job.age_text) == (18, 40, "18-40周岁")


def test_closing_a_job_sets_it_closed(qtbot, seeded):
    dialog = _open(qtbot, JobEditorDialog.edit(None, seeded.catalogue, SEEDED))
    assert not dialog.close_job_button.isHidden()
    with qtbot.waitSignal(dialog.job_saved, timeout=10_000):
        dialog.close_job_button.click()
    assert seeded.jobs.get("HX-001").status is JobStatus.CLOSED
    closed = seeded.jobs.get("HX-001")
    again = _open(qtbot, JobEditorDialog.edit(None, seeded.catalogue, closed))
    assert again.close_job_button.isHidden()  # nothing left to close


def test_a_code_in_use_is_refused_in_place_as_you_type(qtbot, seeded, zh, inline_tasks):
    dialog = _open(qtbot, JobEditorDialog.create(None, seeded.catalogue))
    inline_tasks.drain()  # the codes in use, read by a task when the dialog opened
    assert "HX-001" in dialog._codes
    type_text(dialog.fields["title"], "焊工")
    dialog.fields["code"].setText("HX-001")
    text, problem = _note(dialog, "code")
    assert problem and "HX-001" in text
    dialog.save_button.click()
    assert dialog.isVisible() and seeded.jobs.count() == 1


def test_a_code_taken_meanwhile_is_refused_by_the_save(qtbot, seeded, zh, inline_tasks):
    # The dialog was told of no codes: only the service, in its transaction, can refuse.
    dialog = _open(qtbot, JobEditorDialog.create(None, seeded.catalogue, codes=set()))
    type_text(dialog.fields["title"], "焊工")
    dialog.fields["code"].setText("HX-001")
    assert _note(dialog, "code") == ("", False)
    dialog.save_button.click()
    inline_tasks.drain()  # the save ran, and was refused
    assert _note(dialog, "code")[1]
    assert "HX-001" in _note(dialog, "code")[0]
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert dialog.fields["title"].text() == "焊工"
    assert seeded.jobs.get("HX-001").title == SEEDED.title


def test_a_failed_save_keeps_the_dialog_open_and_says_why(qtbot, ctx, zh, inline_tasks):
    ghost = Job(code="GONE-1", title="已删除的岗位")  # edited, but no longer in the catalogue
    dialog = _open(qtbot, JobEditorDialog.edit(None, ctx.catalogue, ghost))
    dialog.save_button.click()
    assert not dialog.save_button.isEnabled()  # busy until the answer comes back
    inline_tasks.drain()
    assert not dialog.error.isHidden() and dialog.save_button.isEnabled()
    assert dialog.error.text() == "岗位库中已没有这个岗位：请关闭本窗口并刷新列表"
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert ctx.jobs.count() == 0


class _MarkingTranslator(QTranslator):
    """Marks every text of the dialog's context: shows which strings go through tr()."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"«{source}»" if context == "JobEditorDialog" else None


def test_visible_strings_go_through_translation(qtbot, seeded, qapp):
    marker = _MarkingTranslator()
    QCoreApplication.installTranslator(marker)
    try:
        dialog = _open(qtbot, JobEditorDialog.edit(None, seeded.catalogue, SEEDED))
        assert dialog.windowTitle() == "«Edit job {code}»".replace("{code}", "HX-001")
        buttons = [b.text() for b in dialog.findChildren(QPushButton)]
        assert buttons and all(t.startswith("«") for t in buttons)
        assert dialog.fields["pay"].placeholderText().startswith("«")
    finally:
        QCoreApplication.removeTranslator(marker)
