"""The recent sign-ups list: masked by default, one row revealed, filters, paging, edit, withdraw."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from hostdesk import i18n, messages
from hostdesk.core.registrations import RegistrationDraft
from hostdesk.ui import registrations_list, tasks
from hostdesk.ui.registrations_list import RegistrationsList

PEOPLE = [  # name, phone, source
    ("张三丰", "13800138000", "phone"),
    ("李小龙", "13912345678", "comment"),
    ("欧阳娜娜", "15011112222", "dm"),
]


@pytest.fixture
def code(ctx) -> str:
    ctx.catalogue.load_demo_if_empty()
    return next(j.code for j in ctx.jobs.list_jobs() if j.status == "open")


@pytest.fixture
def saved(ctx, code):
    return [
        ctx.registrations.save(RegistrationDraft(job_code=code, name=n, phone=p, age=30, source=s))
        for n, p, s in PEOPLE
    ]


@pytest.fixture
def recent(qtbot, ctx, saved):
    i18n.install("zh_CN")
    widget = RegistrationsList(ctx.registrations)
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.set_session(ctx.sessions.current().id)
    return widget


def _column(widget, column: int) -> list[str]:
    model = widget.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _shown_texts(widget) -> str:
    model = widget.model
    return " ".join(
        str(model.index(r, c).data(role))
        for r in range(model.rowCount()) for c in range(model.columnCount())
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    )  # fmt: skip


def test_newest_first_and_masked_everywhere_by_default(recent):
    assert _column(recent, 1) == ["欧**", "李**", "张**"]
    assert _column(recent, 2) == ["150****2222", "139****5678", "138****8000"]
    texts = _shown_texts(recent)
    for name, phone, _source in PEOPLE:
        assert name not in texts and phone not in texts
    assert _column(recent, 4) == [messages.source_label(s) for s in ("dm", "comment", "phone")]
    assert _column(recent, 6) == [messages.sync_state_label("pending")] * 3


def test_reveal_shows_one_row_until_the_selection_moves_or_time_passes(recent, qtbot):
    recent.select_row(1)
    recent.reveal_selected()
    assert _column(recent, 1) == ["欧**", "李小龙", "张**"]
    assert _column(recent, 2) == ["150****2222", "13912345678", "138****8000"]
    recent.select_row(2)  # another row: the first is masked again, the new one is not shown
    assert _column(recent, 1) == ["欧**", "李**", "张**"]
    recent._reveal_timer.setInterval(50)
    recent.reveal_selected()
    assert _column(recent, 1)[2] == "张三丰"
    qtbot.waitUntil(lambda: _column(recent, 1)[2] == "张**", timeout=2_000)


def test_search_and_filters_query_the_service(recent, qtbot, ctx):
    with qtbot.waitSignal(recent.loaded, timeout=10_000):
        recent.search.setText("5678")  # partial phone digits
    assert _column(recent, 2) == ["139****5678"]
    with qtbot.waitSignal(recent.loaded, timeout=10_000):
        recent.search.setText("")
    with qtbot.waitSignal(recent.loaded, timeout=10_000):
        recent.source_filter.setCurrentIndex(recent.source_filter.findData("dm"))
    assert _column(recent, 1) == ["欧**"]
    with qtbot.waitSignal(recent.loaded, timeout=10_000):
        recent.source_filter.setCurrentIndex(0)
    query = recent.query()
    assert query.since is not None and query.since.date() == datetime.now().date()  # today
    recent.date_filter.setCurrentIndex(recent.date_filter.findData("7d"))
    assert datetime.now(UTC) - recent.query().since > timedelta(days=6)
    recent.session_filter.setCurrentIndex(recent.session_filter.findData("session"))
    recent.set_session("another")  # a new session: this session has none yet
    qtbot.waitUntil(lambda: recent.model.rowCount() == 0, timeout=10_000)
    with qtbot.waitSignal(recent.loaded, timeout=10_000):
        recent.session_filter.setCurrentIndex(recent.session_filter.findData(""))
    assert recent.model.rowCount() == 3


def test_paging_with_the_more_button(recent, qtbot, monkeypatch):
    monkeypatch.setattr(registrations_list, "PAGE", 2)
    with qtbot.waitSignal(recent.loaded, timeout=10_000):
        recent.refresh()
    assert recent.model.rowCount() == 2 and not recent.more_button.isHidden()
    with qtbot.waitSignal(recent.loaded, timeout=10_000):
        recent.more_button.click()
    assert _column(recent, 1) == ["欧**", "李**", "张**"] and recent.more_button.isHidden()


def test_edit_records_an_amend_event_and_keeps_masking(recent, qtbot, ctx, saved):
    recent.select_row(2)  # 张三丰
    dialog = recent.edit_selected()
    assert dialog.fields["name"].text() == "" and "张**" in dialog.fields["name"].placeholderText()
    assert "138****8000" in dialog.fields["phone"].placeholderText()
    dialog.fields["name"].setText("张三")
    dialog.fields["age"].setText("1990")
    with qtbot.waitSignal(recent.changed, timeout=10_000) as changed:
        dialog._on_buttons_accepted()
    reg = changed.args[0]
    assert (reg.name, reg.age, reg.birth_year) == ("张三", None, 1990)
    events = ctx.registrations.events(saved[0].id)
    assert [str(e.event_type) for e in events] == ["create", "amend"]
    qtbot.waitUntil(lambda: "张三" in [r.name for r in recent.model.rows], timeout=10_000)
    assert _column(recent, 1)[2] == "张**"  # the same mask, whatever the name's length
    assert "张三" not in _shown_texts(recent)


def test_edit_with_a_bad_value_keeps_the_dialog_open(recent, qtbot, ctx, saved):
    recent.select_row(0)
    dialog = recent.edit_selected()
    dialog.fields["phone"].setText("12345")
    dialog._on_buttons_accepted()
    qtbot.waitUntil(lambda: not dialog.problem.isHidden(), timeout=10_000)
    assert dialog.isVisible() and dialog.fields["phone"].text() == "12345"
    assert [str(e.event_type) for e in ctx.registrations.events(saved[2].id)] == ["create"]
    dialog.reject()


def test_withdraw_asks_then_records_a_withdraw_event(recent, qtbot, ctx, saved):
    asked = []
    recent.confirm_withdraw = lambda reg: asked.append(reg) or False
    recent.select_row(1)
    recent.withdraw_selected()
    tasks.wait_idle()
    assert [r.id for r in asked] == [saved[1].id]
    assert [str(e.event_type) for e in ctx.registrations.events(saved[1].id)] == ["create"]
    recent.confirm_withdraw = lambda reg: True
    with qtbot.waitSignal(recent.changed, timeout=10_000):
        recent.withdraw_selected()
    assert [str(e.event_type) for e in ctx.registrations.events(saved[1].id)] == [
        "create", "withdraw",
    ]  # fmt: skip
    assert str(ctx.registrations.get(saved[1].id).status) == "withdrawn"
    qtbot.waitUntil(lambda: not recent.withdraw_button.isEnabled(), timeout=10_000)
    recent.select_row(1)
    assert not recent.withdraw_button.isEnabled()  # once is enough


def test_export_writes_the_filtered_rows_masked_by_default(recent, qtbot, ctx, tmp_path):
    with qtbot.waitSignal(recent.loaded, timeout=10_000):
        recent.source_filter.setCurrentIndex(recent.source_filter.findData("comment"))
    dialog = recent.open_export()
    assert dialog.masked.isChecked()
    target = tmp_path / "out.csv"
    dialog.path.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as done:
        dialog.start()
    assert done.args[0] == 1
    text = target.read_text("utf-8-sig")
    assert "139****5678" in text and "13912345678" not in text and "李小龙" not in text
    dialog.reject()
