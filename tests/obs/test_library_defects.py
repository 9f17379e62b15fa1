"""obs-websocket-py 1.0 used directly shows the defects ObsClient works around.

These are controls: they prove that the faults test_client.py injects really
trigger each defect (so its passing tests mean "handled", not "never
triggered"), and they fail if a new library release changes the behaviour the
client relies on. Timeouts are kept short; a hang is cut by closing the proxy.
Defect 1 (a race) and 8 (authreconnect retries forever, in this process) are
only shown handled, in test_client.py.
"""

from __future__ import annotations

import contextlib
import threading

import pytest
from obswebsocket import obsws, requests
from obswebsocket.exceptions import MessageTimeout

from tests.obs.fault_proxy import FaultProxy
from tests.obs.obs_process import ObsProcess
from tests.waits import GENEROUS, wait_until


def library_client(port: int, password: str, timeout: float = 1.0) -> obsws:
    ws = obsws("127.0.0.1", port, password, legacy=False, timeout=timeout)
    ws.connect()
    return ws


def _attempt(action) -> None:
    with contextlib.suppress(Exception):
        action()


# The library's threads die of these exceptions: that is the defect, not noise.
pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")


def test_defect2_a_raising_callback_kills_the_reader(obs_running: ObsProcess):
    ws = library_client(obs_running.port, obs_running.password)
    try:
        ws.register(lambda event: 1 / 0)
        # OBS may send the event before the answer: the reader then dies before it reads
        # the answer, and this call times out too (the same defect, seen one step earlier).
        with contextlib.suppress(MessageTimeout):
            ws.call(requests.BroadcastCustomEvent(eventData={"x": 1}))
        ws.thread_recv.join(GENEROUS)  # the event reaches the callback: the reader dies of it
        assert not ws.thread_recv.is_alive()
        with pytest.raises(MessageTimeout):
            ws.call(requests.GetVersion())
    finally:
        ws.ws.shutdown()


def test_defect3_a_callback_calling_call_deadlocks_until_the_timeout(obs_running: ObsProcess):
    ws = library_client(obs_running.port, obs_running.password, timeout=1.0)
    outcome: list[str] = []

    def handler(event) -> None:
        try:
            ws.call(requests.GetVersion())
            outcome.append("answered")
        except MessageTimeout:
            outcome.append("timed out")

    try:
        ws.register(handler)
        # OBS may send the event before the answer: then this call is stuck behind the
        # handler on the reader thread too, and times out as well.
        _attempt(lambda: ws.call(requests.BroadcastCustomEvent(eventData={"x": 1})))
        assert wait_until(lambda: outcome)
        assert outcome == ["timed out"]
    finally:
        ws.disconnect()


def test_defect4_connect_hangs_on_a_port_that_never_speaks():
    with FaultProxy(None) as silent:
        ws = obsws("127.0.0.1", silent.port, "x", legacy=False, timeout=1)
        thread = threading.Thread(target=_attempt, args=(ws.connect,), daemon=True)
        thread.start()
        thread.join(1.5)
        assert thread.is_alive()  # still in connect(): no timeout of its own
    thread.join(5)  # closing the proxy ends the hang


def test_defect5_6_a_reset_waits_the_full_timeout_then_breaks_the_pipe(obs_running: ObsProcess):
    with FaultProxy(obs_running.host, obs_running.port) as proxy:
        ws = library_client(proxy.port, obs_running.password, timeout=2.0)
        proxy.stall("down")
        errors: list[type] = []
        sent = threading.Event()
        send = ws.ws.send
        ws.ws.send = lambda *args: (send(*args), sent.set())[0]

        def in_flight() -> None:
            try:
                ws.call(requests.GetVersion())
            except Exception as exc:
                errors.append(type(exc))

        thread = threading.Thread(target=in_flight)
        thread.start()
        assert sent.wait(GENEROUS)  # the request is on the wire: the reset comes mid-call
        proxy.reset()
        thread.join(GENEROUS)
        # 5: MessageTimeout comes only from the call's own timer running out, so the
        # reset did not wake it: it waited the whole timeout.
        assert errors == [MessageTimeout]
        assert not ws.thread_recv.is_alive() and ws.ws.connected  # 6: dead reader, unnoticed
        with pytest.raises(OSError):  # 6: BrokenPipeError (or a reset), not a connection error
            ws.call(requests.GetVersion())


def test_defect7_disconnect_blocks_against_a_hung_peer(obs_running: ObsProcess):
    with FaultProxy(obs_running.host, obs_running.port) as proxy:
        ws = library_client(proxy.port, obs_running.password)
        proxy.stall("both")
        thread = threading.Thread(target=ws.disconnect, daemon=True)
        thread.start()
        thread.join(4.0)  # websocket-client waits 3 s for the close reply, then join() forever
        assert thread.is_alive()
    thread.join(5)  # the proxy closing the socket ends it


def test_defect9_a_failed_request_loses_code_and_comment(obs_running: ObsProcess):
    ws = library_client(obs_running.port, obs_running.password)
    try:
        answer = ws.call(requests.GetInputSettings(inputName="hostdesk-test-missing"))
        assert answer.status is False
        assert answer.datain == {}  # no 600, no comment
    finally:
        ws.disconnect()


def test_defect9_a_wrong_password_is_a_generic_failure(obs_running: ObsProcess):
    from obswebsocket.exceptions import ConnectionFailure

    ws = obsws("127.0.0.1", obs_running.port, "wrong", legacy=False, timeout=1)
    with pytest.raises(ConnectionFailure, match="password may be"):  # a guess; 4009 is dropped
        ws.connect()
