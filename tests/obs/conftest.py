"""Fixtures for tests against a real OBS Studio (Xvfb, isolated HOME, random port and password).

OBS is expensive (about half a core idle), so one instance serves the whole
session; a test that stops, kills or restarts it must leave it running. If OBS
cannot start, the tests fail: they never skip.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.obs.obs_process import ObsProcess


def _serve(
    tmp_path_factory: pytest.TempPathFactory, name: str, canvas: tuple[int, int]
) -> Iterator[ObsProcess]:
    obs = ObsProcess(home=tmp_path_factory.mktemp(name), canvas=canvas)
    obs.start()  # raises ObsStartError with OBS's log: a failure, not a skip
    try:
        yield obs
    finally:
        obs.stop()


@pytest.fixture(scope="session")
def obs_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ObsProcess]:
    """A running OBS with a 1920x1080 canvas at 30 fps.

    Use `.host`, `.port`, `.password`; `.stop()`, `.kill()` (a crash),
    `.start()` and `.restart()` keep the same HOME, port and password.
    """
    yield from _serve(tmp_path_factory, "obs-home", (1920, 1080))


@pytest.fixture(scope="module")
def obs_server_vertical(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ObsProcess]:
    """An OBS with a vertical 1080x1920 canvas, for the modules that ask for it.

    Module-scoped so that it runs beside the session's OBS only while such a
    module runs (OBS starts in about 2 s here; idle, each takes half a core).
    """
    yield from _serve(tmp_path_factory, "obs-home-vertical", (1080, 1920))


@pytest.fixture
def obs_running(obs_server: ObsProcess) -> ObsProcess:
    """The session's OBS, restarted first if an earlier test left it stopped."""
    if not obs_server.running:
        obs_server.start()
    return obs_server
