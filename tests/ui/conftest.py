"""Widget tests: garbage is collected on the GUI (test) thread only, as the app does."""

from __future__ import annotations

import gc

import pytest


@pytest.fixture(autouse=True)
def collect_on_gui_thread():
    # Same reason as hostdesk.ui.gc_guard: a collection inside a worker thread would free
    # the previous test's widgets off the GUI thread.
    was_enabled = gc.isenabled()
    gc.disable()
    yield
    gc.collect()
    if was_enabled:
        gc.enable()
