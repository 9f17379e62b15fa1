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

original = L.MainWindow.load_catalogue

def load(self, **kw):
    def done(count):
        print("LOADED", count, self.windowTitle(), self.banner.isVisible(), flush=True)
        QApplication.instance().quit()
    self.catalogue_loaded.connect(done)
    return original(self, **kw)

L.MainWindow.load_catalogue = load
sys.exit(L.launch(Path(sys.argv[1])))
"""


def _launch(data_dir):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", DRIVER, str(data_dir)],
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
    # A second launch does not load the demo again: the catalogue is not empty.
    again = _launch(tmp_path / "data")
    assert f"LOADED {count} " in again.stdout


def test_corrupt_settings_show_a_banner(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.toml").write_text("language = [", encoding="utf-8")
    result = _launch(data)
    assert result.returncode == 0, result.stderr
    assert "True" in next(x for x in result.stdout.splitlines() if x.startswith("LOADED"))
    assert (data / "settings.toml.bak").exists()
