"""ObsClient against a real OBS: each obs-websocket-py defect of the notes, shown handled.

Defects 4-7 go through tests/obs/fault_proxy.py. Nothing here times our code: "returns
instead of hanging" is shown by the mechanism (the right error before the timer being
avoided could fire, that timer set to a minute or more) or by `tests.waits.finishes`.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass

import pytest

from hostdesk.obs import (
    ObsClient,
    ObsConnectionLost,
    ObsError,
    ObsNotRunning,
    ObsTimeout,
    ObsWrongPassword,
)
from tests.obs.fault_proxy import FaultProxy
from tests.obs.obs_process import ObsProcess, free_port
from tests.waits import GENEROUS, finishes, wait_until


def is_obs(versions: tuple[str, str]) -> bool:
    """(OBS, obs-websocket) versions as OBS reports them: 29.0.2 and 5.1.0 on Debian 12."""
    return bool(re.fullmatch(r"\d+\.\d+\.\d+.*", versions[0])) and versions[1].startswith("5.")


def client_threads(port: int) -> list[str]:
    """Threads an ObsClient for `port` started (they are named obs-reader-PORT, obs-events-PORT)."""
    return [
        t.name
        for t in threading.enumerate()
        if t.name.endswith(f"-{port}") and t.name.startswith("obs-")
    ]


class Recorder:
    """Collects what handlers receive, with a way to wait for it."""

    def __init__(self) -> None:
        self.items: list = []
        self.cond = threading.Condition()

    def __call__(self, item) -> None:
        with self.cond:
            self.items.append(item)
            self.cond.notify_all()

    def wait_for(self, count: int, timeout: float = GENEROUS) -> list:
        with self.cond:
            self.cond.wait_for(lambda: len(self.items) >= count, timeout)
            return list(self.items)


@pytest.fixture
def client(obs_running: ObsProcess):
    obs = ObsClient(obs_running.host, obs_running.port, obs_running.password, request_timeout=10)
    obs.connect()
    yield obs
    obs.close()


@pytest.fixture
def proxy(obs_running: ObsProcess):
    with FaultProxy(obs_running.host, obs_running.port) as fault_proxy:
        yield fault_proxy


@dataclass
class Proxied:
    client: ObsClient
    proxy: FaultProxy
    lost: Recorder  # what on_disconnect received


@pytest.fixture
def proxied(obs_running: ObsProcess, proxy: FaultProxy):
    """A connected client whose traffic goes through the fault proxy."""
    lost = Recorder()
    obs = ObsClient("127.0.0.1", proxy.port, obs_running.password, on_disconnect=lost)
    obs.connect()
    yield Proxied(obs, proxy, lost)
    obs.close()


def custom_event(obs: ObsClient, marker: int) -> None:
    """Make OBS emit CustomEvent{marker} to every client (the sender included)."""
    obs.call("BroadcastCustomEvent", {"eventData": {"marker": marker}})


def test_connect_version_and_canvas(client: ObsClient):
    obs_version, ws_version = client.version()
    assert is_obs((obs_version, ws_version))
    video = client.video_settings()
    assert (video.base_width, video.base_height) == (1920, 1080)
    assert (video.output_width, video.output_height) == (1920, 1080)
    assert video.fps == 30
    assert client.connected
    assert 0 < client.heartbeat(timeout=60.0) < 60.0  # the round trip, in seconds


def test_request_objects_of_the_library_work_and_are_filled_in(client: ObsClient):
    from obswebsocket import requests

    request = requests.GetVersion()
    answer = client.call(request)
    assert request.getObsVersion() == answer["obsVersion"]
    assert request.status is True


def test_defect1_concurrent_calls_from_8_threads_are_each_answered_correctly(client: ObsClient):
    # Every answer must carry what only its own request asked for: a failing
    # request's comment echoes its unique input name, and each thread reads a
    # slot holding its own value. A reply routed to the wrong caller shows up.
    # (Reads only: obs-websocket runs a session's requests on a thread pool, so a
    # Set and a Get sent concurrently may execute in either order.)
    realm = "OBS_WEBSOCKET_DATA_REALM_GLOBAL"
    for n in range(8):
        client.call(
            "SetPersistentData", {"realm": realm, "slotName": f"hostdesk-test-{n}", "slotValue": n}
        )
    errors: list[str] = []

    def worker(n: int) -> None:
        for i in range(40):
            name = f"hostdesk-test-missing-{n}-{i}"
            try:
                client.call("GetInputSettings", {"inputName": name})
                errors.append(f"{name}: no error")
            except ObsError as exc:
                if exc.code != 600 or name not in exc.comment:
                    errors.append(f"{name}: {exc}")
            value = client.call(
                "GetPersistentData", {"realm": realm, "slotName": f"hostdesk-test-{n}"}
            )
            if value.get("slotValue") != n:
                errors.append(f"thread {n} read {value}")

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not any(t.is_alive() for t in threads)
    assert errors == []


def test_defect2_a_raising_handler_kills_nothing(client: ObsClient):
    seen = Recorder()

    def broken(event) -> None:
        raise RuntimeError("handler bug")

    client.register(broken)
    client.register(seen, "CustomEvent")
    custom_event(client, 1)
    custom_event(client, 2)
    markers = [e.datain["marker"] for e in seen.wait_for(2)]
    assert markers == [1, 2]  # the handler after the broken one still ran, twice
    assert is_obs(client.version())
    assert client.connected


def test_defect3_a_handler_may_call_obs_without_deadlock(client: ObsClient):
    answers = Recorder()
    # Deadlocked, the handler's call could only end by its 120 s timeout (an ObsTimeout,
    # and no answer): an answer within 60 s is the call answered, not timed out.
    client.register(
        lambda event: answers(client.call("GetVersion", timeout=120)["obsVersion"]), "CustomEvent"
    )
    custom_event(client, 3)
    assert answers.wait_for(1, timeout=60) == [client.version()[0]]


def test_defect4_a_port_that_never_speaks_times_out(obs_running: ObsProcess):
    with FaultProxy(None) as silent:
        obs = ObsClient("127.0.0.1", silent.port, "x", connect_timeout=1.0)
        with pytest.raises(ObsTimeout, match="within 1 s"):  # its own timer, not a hang
            finishes(obs.connect)
        assert silent.accepted == 1
        assert not obs.connected
        assert client_threads(silent.port) == []


def test_idle_connection_survives_the_handshake_timeout(obs_running: ObsProcess):
    # Note 4: the handshake's socket timeout must be cleared, else the reader of an
    # idle connection dies when it expires.
    obs = ObsClient(obs_running.host, obs_running.port, obs_running.password, connect_timeout=0.5)
    obs.connect()
    try:
        time.sleep(1.2)
        assert obs.connected
        assert is_obs(obs.version())
    finally:
        obs.close()


def test_defect5_a_call_in_flight_fails_fast_when_the_connection_resets(proxied):
    obs, proxy, lost = proxied.client, proxied.proxy, proxied.lost
    proxy_port = obs.port
    outcome = Recorder()
    sent = threading.Event()
    session = obs._session
    send = session.ws.send
    session.ws.send = lambda *args: (send(*args), sent.set())[0]

    def in_flight() -> None:
        try:
            obs.call("GetVersion", timeout=600)
            outcome("answered")
        except Exception as exc:
            outcome(type(exc))

    proxy.stall("down")  # OBS's answer never reaches us: the call stays in flight
    thread = threading.Thread(target=in_flight)
    thread.start()
    assert sent.wait(60)  # the request is on the wire: the reset comes mid-call
    proxy.reset()
    # The library would wait the call's whole timeout (here 10 minutes) and then call it a
    # timeout; ours is woken by the reset itself, with the connection's loss.
    assert outcome.wait_for(1, timeout=60) == [ObsConnectionLost]
    thread.join(60)
    assert lost.wait_for(1)
    assert wait_until(lambda: client_threads(proxy_port) == [])


def test_defect6_a_reset_is_detected_and_later_calls_raise_connection_lost(proxied):
    obs, proxy, lost = proxied.client, proxied.proxy, proxied.lost
    proxy.reset()
    assert wait_until(lambda: not obs.connected)
    (error,) = lost.wait_for(1)
    assert isinstance(error, ObsConnectionLost)
    assert error.close_code is None  # a reset, not a close frame
    with pytest.raises(ObsConnectionLost):
        obs.call("GetVersion")
    with pytest.raises(ObsConnectionLost):
        obs.heartbeat()


def test_defect7_close_against_a_hung_peer_is_bounded(proxied):
    obs, proxy, lost = proxied.client, proxied.proxy, proxied.lost
    proxy.stall("both")  # OBS "hung": nothing read, nothing answered
    finishes(obs.close, timeout=2.0)  # the library's disconnect waits for the hung peer forever
    assert not obs.connected
    assert client_threads(obs.port) == []
    time.sleep(0.1)
    assert lost.items == []  # closing is not a loss to report


def test_heartbeat_detects_a_hung_obs_and_drops_the_connection(proxied):
    obs, proxy, lost = proxied.client, proxied.proxy, proxied.lost
    proxy.stall("down")
    with pytest.raises(ObsTimeout, match=r"within 0\.5 s"):  # its own timer ended it
        finishes(obs.heartbeat, timeout=0.5)
    assert not obs.connected
    assert "heartbeat" in str(lost.wait_for(1)[0])


def test_a_call_to_a_hung_obs_times_out_without_dropping_the_connection(proxied):
    obs, proxy = proxied.client, proxied.proxy
    proxy.stall("down")
    with pytest.raises(ObsTimeout, match=r"within 0\.5 s"):  # the call's timer, not the client's
        finishes(obs.call, "GetVersion", timeout=0.5)
    proxy.resume()  # the late answer is dropped, the next call gets its own
    assert obs.call("GetVideoSettings")["baseWidth"] == 1920


def test_a_send_to_a_peer_that_stopped_reading_is_bounded(
    obs_running: ObsProcess, proxy: FaultProxy
):
    obs = ObsClient("127.0.0.1", proxy.port, obs_running.password, send_timeout=1.0)
    obs.connect()
    try:
        proxy.stall("up")  # kernel buffers fill, then send() blocks
        huge = "x" * (16 << 20)  # more than the socket buffers on both sides hold
        slot = {"realm": "OBS_WEBSOCKET_DATA_REALM_GLOBAL", "slotName": "hostdesk-huge"}
        # A blocked send() ends by send_timeout (1 s without progress), as a lost
        # connection; the call's own 10 minute timeout, or a send blocked forever (the
        # library's), would not let it return within finishes' minute.
        with pytest.raises(ObsConnectionLost, match="sending to OBS failed"):
            finishes(obs.call, "SetPersistentData", {**slot, "slotValue": huge}, timeout=600)
        assert not obs.connected
    finally:
        obs.close()


def test_defect8_a_failed_connect_leaves_nothing_retrying(
    obs_running: ObsProcess, proxy: FaultProxy
):
    before = set(threading.enumerate())
    obs = ObsClient("127.0.0.1", proxy.port, "wrong-password")
    with pytest.raises(ObsWrongPassword):
        obs.connect()
    refused = ObsClient("127.0.0.1", free_port(), "x")
    with pytest.raises(ObsNotRunning):
        refused.connect()
    time.sleep(1.5)  # the library's authreconnect would have retried by now
    assert proxy.accepted == 1
    new_threads = set(threading.enumerate()) - before
    assert [t.name for t in new_threads if not t.name.startswith("fault-proxy")] == []
    assert not obs.connected and not refused.connected


def test_defect9_a_failed_request_keeps_code_and_comment(client: ObsClient):
    with pytest.raises(ObsError) as missing:
        client.call("GetInputSettings", {"inputName": "hostdesk-test-missing"})
    assert missing.value.code == 600
    assert "hostdesk-test-missing" in missing.value.comment
    assert missing.value.request_type == "GetInputSettings"
    with pytest.raises(ObsError) as unknown:
        client.call("NoSuchRequest")
    assert unknown.value.code == 204
    assert client.connected  # a refused request is not a broken connection


def test_defect9_wrong_password_is_distinct_from_not_running(obs_running: ObsProcess):
    with pytest.raises(ObsWrongPassword):
        ObsClient(obs_running.host, obs_running.port, "not-the-password").connect()
    with pytest.raises(ObsWrongPassword):  # auth required, none given
        ObsClient(obs_running.host, obs_running.port, "").connect()
    with pytest.raises(ObsNotRunning):
        ObsClient(obs_running.host, free_port(), obs_running.password).connect()


def test_defect10_request_batch(client: ObsClient):
    from obswebsocket import requests

    results = client.call_batch([
        requests.GetVersion(),
        ("GetInputSettings", {"inputName": "hostdesk-test-missing"}),
        ("GetVideoSettings", {}),
    ])  # fmt: skip
    assert is_obs((results[0]["obsVersion"], results[0]["obsWebSocketVersion"]))
    assert isinstance(results[1], ObsError) and results[1].code == 600
    assert results[2]["baseHeight"] == 1080
    halted = client.call_batch(
        [("GetInputSettings", {"inputName": "hostdesk-test-missing"}), ("GetVersion", {})],
        halt_on_failure=True,
    )
    assert len(halted) == 1 and isinstance(halted[0], ObsError)


def test_defect10_event_subscriptions_are_a_parameter(obs_running: ObsProcess, client: ObsClient):
    quiet = ObsClient(
        obs_running.host, obs_running.port, obs_running.password, event_subscriptions=0
    )
    quiet.connect()
    try:
        heard_quiet, heard_default = Recorder(), Recorder()
        quiet.register(heard_quiet, "CustomEvent")
        client.register(heard_default, "CustomEvent")
        custom_event(client, 10)
        assert heard_default.wait_for(1)
        quiet.call("GetVersion")  # a round trip after the event: it would have arrived by now
        time.sleep(0.1)
        assert heard_quiet.items == []
    finally:
        quiet.close()


def test_close_is_idempotent_and_connect_starts_a_fresh_session(client: ObsClient):
    port = client.port
    client.close()
    client.close()
    assert client_threads(port) == []
    with pytest.raises(ObsConnectionLost):
        client.call("GetVersion")
    client.connect()
    assert client.connected and is_obs(client.version())


def test_obs_killed_then_restarted(obs_running: ObsProcess):
    """A real crash (SIGKILL): loss noticed, 'not running' while down, a new session after."""
    lost = Recorder()
    obs = ObsClient(obs_running.host, obs_running.port, obs_running.password, on_disconnect=lost)
    obs.connect()
    try:
        obs_running.kill()
        assert wait_until(lambda: not obs.connected)
        assert lost.wait_for(1)
        with pytest.raises(ObsConnectionLost):
            obs.call("GetVersion")
        with pytest.raises(ObsNotRunning):
            obs.connect()
        obs_running.start()
        obs.connect()
        assert is_obs(obs.version())
    finally:
        obs.close()
        if not obs_running.running:
            obs_running.start()


def test_canvas_follows_the_profile(obs_server_vertical: ObsProcess):
    with ObsClient(
        obs_server_vertical.host, obs_server_vertical.port, obs_server_vertical.password
    ) as obs:
        video = obs.video_settings()
    assert (video.base_width, video.base_height) == (1080, 1920)
    assert (video.output_width, video.output_height) == (1080, 1920)


def test_canvas_can_also_be_set_over_the_websocket(client: ObsClient):
    size = {"baseWidth": 1080, "baseHeight": 1920, "outputWidth": 1080, "outputHeight": 1920}
    client.call("SetVideoSettings", size)
    try:
        video = client.video_settings()
        assert (video.base_width, video.base_height) == (1080, 1920)
    finally:
        client.call("SetVideoSettings", {"baseWidth": 1920, "baseHeight": 1080,
                                         "outputWidth": 1920, "outputHeight": 1080})  # fmt: skip
    assert client.video_settings().base_width == 1920
