"""`hostdesk` with the documented global options opens the window (the real entry point)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

# The real command line (hostdesk.cli.main) in a child process; quits once the window is
# up and its catalogue has loaded. The first-run guide is closed (the user's "later").
DRIVER = """
import sys
from PySide6.QtWidgets import QApplication
from hostdesk import cli
from hostdesk.ui import launch as L
from hostdesk.ui.first_run import FirstRunGuide

original = L.MainWindow.load_catalogue

def load(self, **kw):
    def done(count):
        print("LOADED", count, self.isVisible(), self.windowTitle(), flush=True)
        QApplication.instance().quit()
    self.catalogue_loaded.connect(done)
    return original(self, **kw)

L.MainWindow.load_catalogue = load
FirstRunGuide.open = lambda self: self.reject()
sys.exit(cli.main(sys.argv[1:]))
"""

# --help with no verb: printed in the chosen language, and no Qt application object made
# (the window's QApplication must be the first one).
HELP_DRIVER = """
import sys
from PySide6.QtCore import QCoreApplication
from hostdesk import cli
try:
    cli.main(sys.argv[1:])
except SystemExit as exc:
    print("EXIT", exc.code, QCoreApplication.instance() is None, flush=True)
"""


def _run(driver: str, tmp_path, *args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOSTDESK_DATA_DIR": str(tmp_path / "default-data"),
    }
    return subprocess.run(
        [sys.executable, "-c", driver, *args],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=120,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("options", "title", "folder"),
    [
        (["--data-dir", "{dir}"], "直播带岗助手 HostDesk", "room2"),
        (["--lang", "en"], "HostDesk – live recruitment assistant", "default-data"),
        (["--data-dir", "{dir}", "--lang", "en"], "HostDesk – live recruitment assistant", "room2"),
        (["--lang", "en", "--data-dir={dir}"], "HostDesk – live recruitment assistant", "room2"),
        (
            ["--lang", "zh_CN", "--obs-url", "ws://127.0.0.1:9", "--obs-password", "pw",
             "--data-dir", "{dir}"],
            "直播带岗助手 HostDesk",
            "room2",
        ),
    ],
)  # fmt: skip
def test_window_opens_with_global_options(tmp_path, options, title, folder):
    room = tmp_path / "room2"
    argv = [o.replace("{dir}", str(room)) for o in options]
    result = _run(DRIVER, tmp_path, *argv)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("LOADED"))
    _, count, visible, shown_title = line.split(" ", 3)
    assert visible == "True"
    assert shown_title == title
    assert int(count) >= 15  # the demo catalogue, stored in the chosen data folder
    assert (tmp_path / folder / "hostdesk.db").exists()
    other = "default-data" if folder == "room2" else "room2"
    assert not (tmp_path / other).exists()


@pytest.mark.parametrize(("language", "words"), [("zh_CN", "岗位库"), ("en", "the job catalogue")])
def test_help_without_a_verb_is_translated_and_makes_no_application(tmp_path, language, words):
    result = _run(HELP_DRIVER, tmp_path, "--lang", language, "--help")
    assert "EXIT 0 True" in result.stdout, result.stderr
    assert words in result.stdout
