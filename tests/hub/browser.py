"""Debian's chromium driven by Playwright, once per test module: `from tests.hub.browser import
browser` in a test module. No browser is downloaded; a chromium that cannot start fails the
tests (never a skip)."""

from __future__ import annotations

import shutil

import pytest

__all__ = ["browser", "launch"]

ARGS = ["--no-sandbox", "--disable-background-networking"]


def launch(playwright):
    """Debian's chromium, headless; pytest.fail when it is missing or does not start."""
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("chromium is not installed: run `make system-deps` (Debian package chromium)")
    try:
        return playwright.chromium.launch(executable_path=executable, args=ARGS)
    except Exception as exc:  # Playwright raises its own Error for every way a launch fails
        pytest.fail(f"chromium does not start: {exc}")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()
