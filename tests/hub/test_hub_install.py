"""The hub installs and runs without the desktop: its own lock, no Qt, `hostdesk-hub`."""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from tests.conftest import ROOT
from tests.hub.harness import free_port

LOCKS = ROOT / "requirements"
DESKTOP_ONLY = {"pyside6-essentials", "shiboken6", "obs-websocket-py", "qrcode", "keyring"}
HUB_ONLY = {
    "fastapi", "uvicorn", "psycopg", "psycopg-binary", "jinja2", "python-multipart", "argon2-cffi",
    "sse-starlette",
}  # fmt: skip
WAIT = 60.0


def pins(lock: str) -> dict[str, str]:
    text = (LOCKS / lock).read_text(encoding="utf-8")
    return dict(re.findall(r"^([a-z0-9][a-z0-9._-]*)==([^\s;\\]+)", text, re.MULTILINE))


def test_each_lock_holds_its_half_at_the_versions_dev_tests():
    hub, app, dev = pins("hub.lock"), pins("app.lock"), pins("dev.lock")
    assert set(hub) >= HUB_ONLY and not DESKTOP_ONLY & set(hub)
    assert set(app) >= DESKTOP_ONLY and not HUB_ONLY & set(app)
    assert {"sqlmodel", "sqlalchemy", "openpyxl", "phonenumbers"} <= set(hub) & set(app)
    for name, version in {**hub, **app}.items():
        assert dev.get(name) == version, name


def _run(*cmd, **kw) -> subprocess.CompletedProcess:
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kw)
    assert result.returncode == 0, f"{cmd[:4]}: {result.stderr[-2000:]}"
    return result


@pytest.mark.slow
def test_a_fresh_venv_from_the_hub_lock_serves_without_qt(tmp_path: Path):
    source = tmp_path / "source"  # a copy: building in the checkout would leave build/ there
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "hostdesk", source / "hostdesk",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))  # fmt: skip
    for data in ("wordlists", "fonts"):  # installed as data files, outside the package
        shutil.copytree(ROOT / "resources" / data, source / "resources" / data)
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", str(venv))
    pip = (str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
           "--disable-pip-version-check")  # fmt: skip
    _run(*pip, "--require-hashes", "-r", str(LOCKS / "hub.lock"))
    _run(*pip, "--no-deps", str(source))

    hub = str(venv / "bin" / "hostdesk-hub")
    helped = _run(hub, "--lang", "en", "--help", cwd=tmp_path)
    assert "serve" in helped.stdout and "token" in helped.stdout
    no_qt = subprocess.run([str(venv / "bin" / "python"), "-c", "import PySide6"],
                           capture_output=True, text=True, cwd=tmp_path)  # fmt: skip
    assert no_qt.returncode != 0 and "No module named 'PySide6'" in no_qt.stderr

    # The upload preview's compliance lint and glyph check find their data outside a checkout.
    found = _run(str(venv / "bin" / "python"), "-c",
                 "from hostdesk.hub.office.catalogue_plan import wordlists;"
                 "from hostdesk.sheets.card_glyphs import card_charset;"
                 "print(wordlists() is not None, card_charset() is not None)",
                 cwd=tmp_path)  # fmt: skip
    assert found.stdout.split() == ["True", "True"]

    db = str(tmp_path / "hub.db")
    token = _run(hub, "token", "create", "studio-1", "--db", db, cwd=tmp_path).stdout.strip()
    url = f"http://127.0.0.1:{free_port()}"
    server = subprocess.Popen([hub, "serve", "--db", db, "--port", url.rsplit(":", 1)[1]],
                              cwd=tmp_path, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.monotonic() + WAIT
        answer = None
        while answer is None and time.monotonic() < deadline and server.poll() is None:
            with contextlib.suppress(requests.ConnectionError):
                answer = requests.get(f"{url}/api/v1/me", timeout=(5, 30),
                                      headers={"Authorization": f"Bearer {token}"})  # fmt: skip
            time.sleep(0.1)
        assert answer is not None and answer.json()["name"] == "studio-1"
        # What the pages need without internet: the vendored chart library, served by the hub.
        echarts = requests.get(f"{url}/static/vendor/echarts/echarts.min.js", timeout=(5, 30))
        assert echarts.status_code == 200 and b"echarts" in echarts.content[:2000]
        maps = Path(f"/proc/{server.pid}/maps").read_text()
        assert "libQt6" not in maps and "PySide6" not in maps
    finally:
        server.terminate()
        server.wait(timeout=30)
