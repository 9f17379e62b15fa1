"""The link thread against a real OBS: applies, survives an OBS crash, never storms or hangs."""

from __future__ import annotations

import time

import pytest

from hostdesk.obs import ObsClient
from hostdesk.obs.errors import ObsTimeout
from hostdesk.obs.link import LinkState, ObsLink, backoff_delay
from tests.obs.fault_proxy import FaultProxy
from tests.obs.obs_process import ObsProcess, free_port
from tests.obs.test_overlay import _frame, _wait_colour, names  # noqa: F401 - fixture
from tests.waits import GENEROUS, wait_until


def _wait_state(link: ObsLink, wanted: set[LinkState], timeout: float = GENEROUS) -> LinkState:
    wait_until(lambda: link.status.state in wanted, timeout)
    return link.status.state


@pytest.fixture
def probe(obs_running: ObsProcess):
    """A separate client for looking at OBS's output, as a viewer would."""
    obs = ObsClient(obs_running.host, obs_running.port, obs_running.password)
    obs.connect()
    yield obs
    obs.close()


@pytest.fixture
def client(probe):  # the `names` fixture cleans up through this client
    return probe


def test_backoff_is_full_jitter_and_capped():
    assert backoff_delay(0, 0.25, 2.0, rng=lambda: 1.0) == 0.25
    assert backoff_delay(3, 0.25, 2.0, rng=lambda: 1.0) == 2.0
    assert backoff_delay(30, 0.25, 2.0, rng=lambda: 0.5) == 1.0
    assert backoff_delay(5, 0.25, 2.0, rng=lambda: 0.0) == 0.0


def test_show_is_acknowledged_and_visible(qapp, obs_running, probe, names, tmp_path):  # noqa: F811
    link = ObsLink(ObsClient(obs_running.host, obs_running.port, obs_running.password), names)
    link.start()
    try:
        assert link.show(_frame(tmp_path)).result(timeout=10) is True
        assert link.status.state == LinkState.CONNECTED
        assert link.status.versions[1].startswith("5.")
        assert (link.status.canvas.base_width, link.status.canvas.base_height) == (1920, 1080)
        assert _wait_colour(probe, 300, 900, "#ff0000").red() > 200
    finally:
        link.stop()


def test_obs_crash_and_restart_brings_the_overlay_back(qapp, obs_running, names, tmp_path):  # noqa: F811
    link = ObsLink(ObsClient(obs_running.host, obs_running.port, obs_running.password), names)
    link.start()
    try:
        link.show(_frame(tmp_path)).result(timeout=10)
        obs_running.kill()  # a crash: no goodbye
        assert _wait_state(link, {LinkState.NOT_RUNNING, LinkState.RECONNECTING}) in {
            LinkState.NOT_RUNNING,
            LinkState.RECONNECTING,
        }
        # Taken while OBS is down: only the link can put this (green) card on air later;
        # OBS's own saved scene collection may still hold the red one.
        later = tmp_path / "later"
        later.mkdir()
        green = _frame(later, card_colour="#00ff00")
        applied = link.show(green)
        obs_running.start()  # returns once OBS listens again
        # How soon it is back is the backoff's (capped: test_backoff_is_full_jitter_and_capped)
        # and measured in bench/bench_obs_recovery.py; here: it comes back by itself.
        assert applied.result(timeout=GENEROUS) is True
        with ObsClient(obs_running.host, obs_running.port, obs_running.password) as viewer:
            colour = _wait_colour(viewer, 300, 900, "#00ff00")
            assert colour.green() > 200 and colour.red() < 60
        assert link.status.state == LinkState.CONNECTED
    finally:
        link.stop()


def test_unanswered_frame_fails_its_future(qapp, obs_running, names, tmp_path):  # noqa: F811
    """OBS takes the request and stays silent: the take's future fails with the request's own
    timeout (the console then says OBS 没有回应); the frame is still applied once OBS answers."""
    with FaultProxy(obs_running.host, obs_running.port) as proxy:
        client = ObsClient("127.0.0.1", proxy.port, obs_running.password, request_timeout=1.0)
        # No heartbeat in the stalled window: the take's own request is what times out.
        link = ObsLink(client, names, heartbeat_interval=3600.0)
        link.start()
        try:
            assert link.show(_frame(tmp_path)).result(timeout=GENEROUS) is True
            proxy.stall("down")  # OBS's answers are held back
            later = tmp_path / "later"
            later.mkdir()
            silent = link.show(_frame(later, card_colour="#00ff00"))
            with pytest.raises(ObsTimeout):
                silent.result(timeout=GENEROUS)
            proxy.resume()
            link.resync()
            with ObsClient(obs_running.host, obs_running.port, obs_running.password) as viewer:
                colour = _wait_colour(viewer, 300, 900, "#00ff00")
                assert colour.green() > 200 and colour.red() < 60
        finally:
            link.stop()


def test_wrong_password_is_its_own_state_without_a_retry_storm(obs_running):
    client = ObsClient(obs_running.host, obs_running.port, "not-the-password")
    attempts = []
    real_connect = client.connect
    client.connect = lambda: (attempts.append(time.monotonic()), real_connect())[1]
    link = ObsLink(client, backoff_base=0.01, backoff_cap=0.05)
    link.start()
    try:
        assert _wait_state(link, {LinkState.WRONG_PASSWORD}) == LinkState.WRONG_PASSWORD
        time.sleep(1.5)  # a storm (backoff 0.01-0.05 s) would have retried dozens of times
        assert len(attempts) == 1  # waits for new settings, does not hammer obs-websocket
        link.retry_now()
        assert wait_until(lambda: len(attempts) >= 2)
        assert len(attempts) == 2
    finally:
        link.stop()


def test_silent_port_is_a_bounded_failure():
    with FaultProxy(None, blackhole=True) as silent:  # accepts TCP, never speaks
        link = ObsLink(ObsClient("127.0.0.1", silent.port, "x", connect_timeout=1.0))
        link.start()
        try:
            # A connect that hung on the silent port (the library's) would never get here.
            state = _wait_state(link, {LinkState.RECONNECTING})
            assert state == LinkState.RECONNECTING
        finally:
            # The link thread ends when told, a connect attempt in flight or not: stop()
            # returns because the thread finished, not because its join gave up.
            link.stop(timeout=GENEROUS)
            assert not link._thread.is_alive()


def test_nothing_listening_is_not_running():
    link = ObsLink(ObsClient("127.0.0.1", free_port(), "x"))
    link.start()
    try:
        assert _wait_state(link, {LinkState.NOT_RUNNING}) == LinkState.NOT_RUNNING
    finally:
        link.stop()


def test_no_client_is_not_configured():
    link = ObsLink(None)
    link.start()
    link.stop()
    assert link.status.state == LinkState.NOT_CONFIGURED


def test_overlay_hidden_by_hand_in_obs_comes_back(qapp, obs_running, probe, names, tmp_path):  # noqa: F811
    link = ObsLink(ObsClient(obs_running.host, obs_running.port, obs_running.password), names)
    link.start()
    try:
        link.show(_frame(tmp_path)).result(timeout=10)
        assert _wait_colour(probe, 300, 900, "#ff0000").red() > 200
        program = probe.call("GetCurrentProgramScene")["currentProgramSceneName"]
        item = probe.call("GetSceneItemId", {"sceneName": program, "sourceName": names.scene})
        probe.call(
            "SetSceneItemEnabled",
            {"sceneName": program, "sceneItemId": item["sceneItemId"], "sceneItemEnabled": False},
        )
        time.sleep(0.3)  # hidden meanwhile, most likely; the link must show it again
        assert _wait_colour(probe, 300, 900, "#ff0000").red() > 200
    finally:
        link.stop()
