"""The one thread that owns the OBS connection: reconnects, heartbeats, keeps OBS matching.

Everything that talks to OBS runs here, so the GUI thread never waits on it. The app
says what OBS should show (`show`); this thread makes it so after every (re)connect,
scene-collection change or removal of one of our sources, and reports its state.
Reconnects back off with full jitter, capped; a wrong password waits for new settings
instead of retrying (obs-websocket would otherwise see a storm of failed logins).
"""

from __future__ import annotations

import logging
import queue
import random
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from enum import StrEnum

from hostdesk.obs.client import ObsClient, VideoSettings
from hostdesk.obs.errors import (
    ObsClientError,
    ObsConnectionError,
    ObsNotRunning,
    ObsTimeout,
    ObsWrongPassword,
)
from hostdesk.obs.overlay import EnsureResult, OverlayConflict, OverlayFrame, OverlayNames
from hostdesk.obs.overlay import apply as apply_frame
from hostdesk.obs.overlay import ensure as ensure_overlay

LOG = logging.getLogger(__name__)

# Events after which OBS may no longer match: re-run ensure.
_RESYNC_EVENTS = (
    "CurrentSceneCollectionChanged", "CurrentProgramSceneChanged", "InputRemoved",
    "InputNameChanged", "SceneRemoved", "SceneNameChanged", "SceneItemRemoved",
)  # fmt: skip


class LinkState(StrEnum):
    NOT_CONFIGURED = "not_configured"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    WRONG_PASSWORD = "wrong_password"
    NOT_RUNNING = "not_running"


@dataclass(frozen=True)
class LinkStatus:
    state: LinkState
    detail: str = ""  # the last error, in English, for logs and tooltips
    versions: tuple[str, str] | None = None
    canvas: VideoSettings | None = None
    conflict: OverlayConflict | None = None  # a name of ours taken by another kind of source


def backoff_delay(attempt: int, base: float, cap: float, rng=random.random) -> float:
    """Full jitter: uniform(0, min(cap, base * 2**attempt))."""
    return rng() * min(cap, base * (2**attempt))


class ObsLink:
    def __init__(
        self,
        client: ObsClient | None,
        names: OverlayNames = OverlayNames(),  # noqa: B008 - frozen, shared safely
        *,
        on_status: Callable[[LinkStatus], None] | None = None,
        heartbeat_interval: float = 2.0,
        backoff_base: float = 0.25,
        # OBS is on this PC: a refused connect costs nothing, and the overlay must be back
        # within seconds of OBS restarting.
        backoff_cap: float = 2.0,
    ):
        self._client = client  # None: no OBS configured
        self._names = names
        self._on_status = on_status
        self._heartbeat_interval = heartbeat_interval
        self._backoff = (backoff_base, backoff_cap)
        self._wake: queue.SimpleQueue[str] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._desired: OverlayFrame | None = None
        self._waiting: list[Future] = []
        self._stopping = threading.Event()
        self._paused = False  # between SceneCollectionChanging and Changed
        self._ensured: EnsureResult | None = None
        self._applied: OverlayFrame | None = None  # since the last ensure
        self._unanswered = False  # the last apply timed out: send it again on the next wake
        self._status = LinkStatus(
            LinkState.NOT_CONFIGURED if client is None else LinkState.CONNECTING
        )
        self._thread = threading.Thread(target=self._run, name="hostdesk-obs-link", daemon=True)
        if client is not None:
            client.on_disconnect = lambda _error: self._wake.put("lost")
            client.register(self._on_event)

    # -- called from any thread ------------------------------------------------------------

    @property
    def status(self) -> LinkStatus:
        return self._status

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        self._wake.put("stop")
        self._thread.join(timeout)
        if self._client is not None:
            self._client.close()

    def show(self, frame: OverlayFrame) -> Future:
        """Make OBS show `frame`; the future resolves when OBS has acknowledged it.

        Not connected: the future waits, and the frame is applied on (re)connect. Only the
        newest frame is ever sent: a quick run of takes costs one round trip, not many.
        """
        future: Future = Future()
        with self._lock:
            self._desired = frame
            self._waiting.append(future)
        self._wake.put("apply")
        return future

    def retry_now(self) -> None:
        """Reconnect at once (the user pressed retry or changed the settings)."""
        self._wake.put("retry")

    def resync(self) -> None:
        """Set the overlay up in OBS again now ("set up overlay in OBS"), as after a connect."""
        self._wake.put("resync")

    # -- the link thread -------------------------------------------------------------------

    def _set_status(self, status: LinkStatus) -> None:
        if status == self._status:
            return
        self._status = status
        if status.state != LinkState.CONNECTED or status.detail:
            LOG.info("OBS link: %s %s", status.state, status.detail)
        if self._on_status is not None:
            try:
                self._on_status(status)
            except Exception:
                LOG.exception("OBS status handler failed")

    def _on_event(self, event) -> None:  # on the client's events thread: only enqueue
        name = event.name
        if name == "SceneItemEnableStateChanged":
            # Our own changes come back as this event too: resync only when someone else
            # (the user, in OBS) left our overlay in another state than the one desired.
            # Item ids are per scene: the scene's name tells our overlay item in the program
            # scene from the counter's in our scene (the same number in both is common).
            ensured, desired, data = self._ensured, self._desired, event.datain
            if ensured is None or desired is None:
                return
            where = (data.get("sceneName"), data.get("sceneItemId"))
            wanted = {
                (ensured.program_scene, ensured.overlay_item): desired.visible,
                (self._names.scene, ensured.items.get(self._names.counter)): (
                    desired.counter_visible
                ),
            }
            if where in wanted and data.get("sceneItemEnabled") != wanted[where]:
                self._wake.put("resync")
        elif name == "CurrentSceneCollectionChanging":
            self._paused = True  # requests now are undefined behaviour in OBS 29
        elif name in _RESYNC_EVENTS:
            if name == "CurrentSceneCollectionChanged":
                self._paused = False
            self._wake.put("resync")

    def _wait(self, seconds: float) -> str | None:
        try:
            return self._wake.get(timeout=seconds)
        except queue.Empty:
            return None

    def _run(self) -> None:
        if self._client is None:
            self._set_status(LinkStatus(LinkState.NOT_CONFIGURED))
            return
        attempt = 0
        while not self._stopping.is_set():
            if not self._client.connected:
                self._ensured = self._applied = None
                delay = self._connect(attempt)
                if delay is None:
                    attempt = 0
                    continue
                attempt += 1
                if self._wait(delay) == "stop":
                    return
                continue
            command = self._wait(self._heartbeat_interval)
            if command == "stop":
                return
            try:
                if self._paused:
                    continue
                if command in ("resync", "apply") or self._ensured is None:
                    self._sync(resync=command == "resync")
                elif command is None and (self._waiting or self._unanswered):  # failed: again
                    self._sync(resync=True)
                elif command is None:
                    self._client.heartbeat()
            except ObsConnectionError as exc:
                self._set_status(LinkStatus(LinkState.RECONNECTING, str(exc)))
            except ObsClientError as exc:  # OBS refused a request: log, try again on next wake
                LOG.warning("OBS request failed: %s", exc)

    def _connect(self, attempt: int) -> float | None:
        """Connect and sync; None on success, else how long to wait before the next try."""
        base, cap = self._backoff
        first = self._status.state in (LinkState.CONNECTING, LinkState.NOT_CONFIGURED)
        self._set_status(
            LinkStatus(
                LinkState.CONNECTING if first else LinkState.RECONNECTING, self._status.detail
            )
        )
        try:
            self._client.connect()
            versions, canvas = self._client.version(), self._client.video_settings()
            self._paused = False
            self._set_status(LinkStatus(LinkState.CONNECTED, versions=versions, canvas=canvas))
            self._sync(resync=True)
            return None
        except ObsWrongPassword as exc:
            self._set_status(LinkStatus(LinkState.WRONG_PASSWORD, str(exc)))
            return 3600.0  # until retry_now(): new settings, not a retry storm
        except ObsNotRunning as exc:
            self._set_status(LinkStatus(LinkState.NOT_RUNNING, str(exc)))
        except ObsClientError as exc:
            self._set_status(LinkStatus(LinkState.RECONNECTING, str(exc)))
        return backoff_delay(attempt, base, cap)

    def _sync(self, *, resync: bool) -> None:
        """Ensure our sources exist (when asked or not yet done), then apply the newest frame."""
        with self._lock:
            frame, waiting = self._desired, self._waiting
            self._waiting = []
        try:
            if frame is None:
                return
            if resync or self._ensured is None:
                self._applied = None  # after an ensure, send everything again
                try:
                    self._ensured = ensure_overlay(self._client, self._names, frame)
                except OverlayConflict as exc:
                    status = self._status
                    self._set_status(
                        LinkStatus(status.state, str(exc), status.versions, status.canvas, exc)
                    )
                    raise
            apply_frame(self._client, self._names, frame, self._ensured, self._applied)
            self._applied = frame
            self._unanswered = False
        except BaseException as exc:
            if isinstance(exc, ObsTimeout):
                # OBS took the request and never answered within its own timeout: the
                # takes waiting are told so (the frame stays desired for the next apply).
                for future in waiting:
                    if not future.done():
                        future.set_exception(exc)
                self._unanswered = True
                raise
            with self._lock:  # keep waiting for the next successful apply
                self._waiting = waiting + self._waiting
            if isinstance(exc, OverlayConflict):
                return
            raise
        for future in waiting:
            if not future.done():
                future.set_result(True)
