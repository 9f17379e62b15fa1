"""The on-air line says OBS's answer to the newest take, whichever arrives first: it or the take."""

from __future__ import annotations

from concurrent.futures import Future

import pytest

from hostdesk import i18n
from hostdesk.obs.errors import ObsTimeout
from hostdesk.obs.link import LinkState, LinkStatus
from hostdesk.ui import tasks
from tests.ui.console_window import open_console


class ControlledLink:
    """Stands in for the OBS link: each show() hands out a future the test resolves."""

    def __init__(self, answer_at_once: bool):
        self.answer_at_once = answer_at_once
        self.futures: list[Future] = []

    def show(self, _frame) -> Future:
        future: Future = Future()
        if self.answer_at_once:  # OBS answers before the take's bookkeeping has run
            future.set_result(True)
        self.futures.append(future)
        return future


@pytest.fixture
def win(qtbot, ctx):
    i18n.install("zh_CN")
    window = open_console(qtbot, ctx)
    window.obs_status.show_status(LinkStatus(LinkState.CONNECTED))
    yield window
    tasks.wait_idle()


def _take(win, qtbot, link: ControlledLink) -> None:
    win.console.onair.use_link(link)
    with qtbot.waitSignal(win.console.taken, timeout=10_000):
        assert win.console.take("HX-001")


def test_an_answer_before_the_take_is_done_is_not_overwritten(win, qtbot):
    link = ControlledLink(answer_at_once=True)
    _take(win, qtbot, link)
    # The ack was delivered before `taken`: the line must still show it, not 已发送到 OBS…
    qtbot.waitUntil(lambda: "毫秒" in win.ack_label.text(), timeout=10_000)
    assert win.ack_label.text().startswith("OBS 已上屏（")


def test_an_answer_after_the_take_replaces_sent(win, qtbot):
    link = ControlledLink(answer_at_once=False)
    _take(win, qtbot, link)
    assert win.ack_label.text() == "已发送到 OBS…"
    with qtbot.waitSignal(win.console.take_acknowledged, timeout=10_000):
        link.futures[-1].set_result(True)
    assert win.ack_label.text().startswith("OBS 已上屏（") and "毫秒" in win.ack_label.text()


def test_no_answer_within_the_requests_timeout_is_said_plainly(win, qtbot):
    link = ControlledLink(answer_at_once=False)
    _take(win, qtbot, link)
    with qtbot.waitSignal(win.console.take_unanswered, timeout=10_000):
        link.futures[-1].set_exception(ObsTimeout("OBS did not answer a batch within 10 s"))
    assert "OBS 没有回应" in win.ack_label.text()
    assert win.console.take_answer == "no answer"


def test_a_late_answer_to_an_older_take_does_not_confirm_the_newer(win, qtbot):
    link = ControlledLink(answer_at_once=False)
    _take(win, qtbot, link)
    _take(win, qtbot, link)
    with qtbot.waitSignal(win.console.take_acknowledged, timeout=10_000):
        link.futures[0].set_result(True)  # the first take's answer, late
    assert win.ack_label.text() == "已发送到 OBS…"
    assert win.console.take_answer is None


def test_not_connected_says_so(win, qtbot):
    win.obs_status.show_status(LinkStatus(LinkState.NOT_RUNNING))
    _take(win, qtbot, ControlledLink(answer_at_once=False))
    assert win.ack_label.text() == "只写入了输出文件夹：OBS 未连接"
