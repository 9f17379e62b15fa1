"""Shared fixtures: a fresh data dir per test, and an opened application context on it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Widgets render offscreen in every test; OBS tests bring their own Xvfb.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temp data dir, also set as HOSTDESK_DATA_DIR so nothing touches the real one."""
    path = tmp_path / "data"
    monkeypatch.setenv("HOSTDESK_DATA_DIR", str(path))
    return path


@pytest.fixture
def ctx(data_dir: Path):
    from hostdesk import app

    context = app.build(data_dir)
    yield context
    context.close()


def run_cli(*args: str, data_dir: Path, cwd: Path | None = None, env_extra: dict | None = None):
    """`python -m hostdesk ARGS` in a child process: exit code, stdout and stderr are real."""
    import subprocess

    env = {**os.environ, "HOSTDESK_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "utf-8"}
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "hostdesk", *args],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=cwd or ROOT, timeout=120,
    )  # fmt: skip
