"""The real start-up path (`hostdesk` with no verb) in a child process: window, demo, exit 0."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

# Runs launch() as the app does, quitting once the catalogue has loaded.
DRIVER = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from hostdesk.ui import launch as L
from hostdesk.ui.first_run import FirstRunGuide

original = L.MainWindow.load_catalogue

def load(self, **kw):
    def done(count):
        print("LOADED", count, self.windowTitle(), self.banner.isVisible(), flush=True)
        QApplication.instance().quit()
    self.catalogue_loaded.connect(done)
    return original(self, **kw)

L.MainWindow.load_catalogue = load
# The first-run guide: closed without finishing (the user's "later"), as argv[2] says.
if sys.argv[2:] == ["close-guide"]:
    FirstRunGuide.open = lambda self: (print("GUIDE", flush=True), self.reject())
sys.exit(L.launch(Path(sys.argv[1])))
"""


def _launch(data_dir, guide: str = "close-guide"):
    # A crash prints every thread's Python stack (CI saw one segfault at quit).
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONFAULTHANDLER": "1"}
    return subprocess.run(
        [sys.executable, "-c", DRIVER, str(data_dir), guide],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=60,
    )  # fmt: skip


def test_first_launch_shows_demo_catalogue_in_chinese(tmp_path):
    result = _launch(tmp_path / "data")
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("LOADED"))
    _, count, rest = line.split(" ", 2)
    title, banner = rest.rsplit(" ", 1)
    assert 15 <= int(count) <= 25
    assert title == "直播带岗助手 HostDesk"  # zh_CN is the default language
    assert banner == "False"
    assert (tmp_path / "data" / "hostdesk.db").exists()
    assert "GUIDE" in result.stdout  # first run: the guide was offered
    # A second launch does not load the demo again: the catalogue is not empty. The guide
    # was closed without finishing, so it is offered again.
    again = _launch(tmp_path / "data")
    assert f"LOADED {count} " in again.stdout and "GUIDE" in again.stdout


def test_after_the_first_run_no_guide_and_no_demo(tmp_path):
    from hostdesk.config import Settings, save_settings

    settings = Settings()
    settings.general.first_run_done = True  # the guide was finished with "start empty"
    save_settings(tmp_path / "data", settings)
    result = _launch(tmp_path / "data", guide="")
    assert result.returncode == 0, result.stderr
    assert "LOADED 0 " in result.stdout and "GUIDE" not in result.stdout


def test_corrupt_settings_show_a_banner(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.toml").write_text("language = [", encoding="utf-8")
    result = _launch(data)
    assert result.returncode == 0, result.stderr
    assert "True" in next(x for x in result.stdout.splitlines() if x.startswith("LOADED"))
    assert (data / "settings.toml.bak").exists()
