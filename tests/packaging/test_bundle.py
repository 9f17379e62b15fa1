"""The PyInstaller one-folder build: built once per run, then its selftest and CLI run frozen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow
SIZE_TARGET_MB = 150
EXE = "hostdesk-cli.exe" if sys.platform == "win32" else "hostdesk"


@pytest.fixture(scope="session")
def bundle() -> Path:
    out = ROOT / "build" / "bundle"
    # PyInstaller's cache is per user by default, and --clean empties it: a second clone's
    # build beside this one read its emptied index and failed. This clone's cache is its own.
    env = {**os.environ, "PYINSTALLER_CONFIG_DIR": str(out / "cache")}
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
         "--distpath", str(out / "dist"), "--workpath", str(out / "work"), "build.spec"],
        cwd=ROOT, capture_output=True, text=True, timeout=1200, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return out / "dist" / "hostdesk"


def _run(bundle: Path, *args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOSTDESK_DATA_DIR": str(tmp_path / "data"),
        "HOME": str(tmp_path),  # the frozen app must not depend on anything in the real home
    }
    return subprocess.run(
        [str(bundle / EXE), *args], capture_output=True, text=True, encoding="utf-8",
        env=env, cwd=tmp_path, timeout=120,
    )  # fmt: skip


def test_frozen_selftest_passes(bundle, tmp_path):
    result = _run(bundle, "--selftest", tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "selftest passed" in result.stdout
    assert "FAIL" not in result.stdout
    assert not (tmp_path / "data").exists()  # the selftest works in a temporary dir only


def test_frozen_cli_imports_exports_and_lists(bundle, tmp_path):
    demo = ROOT / "resources" / "demo" / "jobs.csv"
    assert _run(bundle, "jobs", "import", str(demo), tmp_path=tmp_path).returncode == 0
    export = _run(
        bundle, "--lang", "zh_CN", "jobs", "export", str(tmp_path / "out.xlsx"), tmp_path=tmp_path
    )
    assert export.returncode == 0, export.stderr
    assert "已导出" in export.stdout  # the bundled zh_CN translation is in use
    listed = _run(bundle, "jobs", "list", "--json", tmp_path=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)["jobs"]) >= 15


def test_bundle_size_and_exclusions(bundle):
    # PyInstaller links some libraries into place: count each file once, as a zip would.
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    size_mb = sum(p.stat().st_size for p in files) / 1e6
    print(f"bundle size: {size_mb:.1f} MB in {len(files)} files")
    assert size_mb <= SIZE_TARGET_MB
    names = {p.name for p in files}
    for unwanted in (
        "libQt6Qml.so.6", "libQt6Quick.so.6", "libqgtk3.so", "libgtk-3.so.0",
        "libQt6Network.so.6",
    ):  # fmt: skip
        assert unwanted not in names
    # Test-only packages that qrcode would pull in if present (Pillow: ~15 MB).
    assert not [p for p in files if "PIL" in p.parts or "pillow.libs" in p.parts]
    assert not [p for p in files if p.suffix == ".ts"]  # translation sources stay out
    # Qt's own Chinese (dialog buttons, the guide's Next/Back) beside ours (build.spec).
    assert [p for p in files if p.parts[-3:] == ("resources", "i18n", "qtbase_zh_CN.qm")]
    assert (bundle / "_internal" / "resources" / "i18n" / "hostdesk_zh_CN.qm").is_file()
