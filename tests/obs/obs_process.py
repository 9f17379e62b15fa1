"""Start, stop, kill and restart a real OBS Studio under Xvfb for tests.

Each `ObsProcess` owns an isolated HOME (config, logs, profile), a random port
and password, and a canvas size; see ../shared/notes/obs.md for why each
setting is there. OBS runs as `xvfb-run … obs` in its own session, so stopping
it can target exactly its process group and never another OBS on the machine.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import secrets
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

PROFILE = "HostDeskTest"
COLLECTION = "HostDeskTest"
OBS_ARGS = ["--multi", "--disable-shutdown-check", "--minimize-to-tray"]


class ObsStartError(RuntimeError):
    """OBS did not open its websocket port in time (or exited); the message has its log."""


def free_port() -> int:
    """A port nothing listens on right now (OBS binds all interfaces, so ask for any)."""
    with socket.socket() as s:
        s.bind(("", 0))
        return s.getsockname()[1]


@dataclass
class ObsProcess:
    """One OBS instance for tests: configure once, then start/stop/kill/restart at will."""

    home: Path
    canvas: tuple[int, int] = (1920, 1080)
    fps: int = 30
    port: int = field(default_factory=free_port)
    password: str = field(default_factory=lambda: secrets.token_urlsafe(12))
    host: str = "127.0.0.1"
    proc: subprocess.Popen | None = None

    @property
    def config_dir(self) -> Path:
        return self.home / ".config" / "obs-studio"

    @property
    def log_path(self) -> Path:
        return self.home / "obs-run.log"

    def write_config(self) -> None:
        """global.ini (websocket server, first run done) and a profile fixing the canvas.

        OBS 29 keeps the canvas in the profile's basic.ini, [Video] BaseCX/BaseCY
        (canvas) and OutputCX/OutputCY (scaled output). Without a profile it
        derives them from the X screen and scales the output down, so tests set both.
        """
        width, height = self.canvas
        profile_dir = self.config_dir / "basic" / "profiles" / PROFILE
        profile_dir.mkdir(parents=True, exist_ok=True)
        (self.config_dir / "global.ini").write_text(
            "[General]\nFirstRun=false\n\n"
            f"[Basic]\nProfile={PROFILE}\nProfileDir={PROFILE}\n"
            f"SceneCollection={COLLECTION}\nSceneCollectionFile={COLLECTION}\n\n"
            "[OBSWebSocket]\nFirstLoad=false\nServerEnabled=true\n"
            f"ServerPort={self.port}\nAlertsEnabled=false\nAuthRequired=true\n"
            f"ServerPassword={self.password}\n",
            encoding="utf-8",
        )
        (profile_dir / "basic.ini").write_text(
            f"[General]\nName={PROFILE}\n\n"
            f"[Video]\nBaseCX={width}\nBaseCY={height}\nOutputCX={width}\nOutputCY={height}\n"
            f"FPSType=0\nFPSCommon={self.fps}\n",
            encoding="utf-8",
        )

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def start(self, deadline: float = 60.0) -> None:
        """Start OBS and return once its websocket port accepts connections.

        Raises ObsStartError (with the log tail) if OBS exits or the port stays
        closed past `deadline` seconds; whatever was started is stopped first.
        """
        if self.running:
            raise RuntimeError("OBS is already running")
        if not (self.config_dir / "global.ini").exists():
            self.write_config()
        _become_subreaper()
        env = {**os.environ, "HOME": str(self.home), "XDG_CONFIG_HOME": str(self.home / ".config")}
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", "obs", *OBS_ARGS],
                cwd=self.home, env=env, stdin=subprocess.DEVNULL, stdout=log,
                stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        end = time.monotonic() + deadline
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                break
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), 0.5),
            ):
                return
            time.sleep(0.1)
        reason = "exited" if self.proc.poll() is not None else f"no port {self.port} in {deadline}s"
        self.stop()
        raise ObsStartError(f"OBS did not start ({reason}); log tail:\n{self.log_tail()}")

    def stop(self, timeout: float = 20.0) -> None:
        """Stop OBS like a user quitting: SIGTERM to obs itself, then wait.

        SIGTERM goes to obs rather than the whole group so that xvfb-run (a
        shell script that only cleans up on a normal exit) removes its temp dir
        and stops Xvfb. Anything left in the group after `timeout` is killed.
        """
        if self.proc is None:
            return
        for pid in self._group_pids(name="obs"):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        self._wait_group(timeout)

    def kill(self) -> None:
        """Simulate a crash: SIGKILL obs (its connections get a TCP reset), let Xvfb go."""
        if self.proc is None:
            return
        for pid in self._group_pids(name="obs"):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self._wait_group(10.0)

    def restart(self, deadline: float = 60.0) -> None:
        """Stop (if running) and start again with the same HOME, port and password."""
        self.stop()
        self.start(deadline)

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    def _group_pids(self, name: str | None = None) -> list[int]:
        """Live processes of OBS's process group (pgid == our xvfb-run's pid); reaps zombies."""
        assert self.proc is not None
        pids = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # comm is in parentheses and may contain spaces: split after the last ')'.
            comm = stat[stat.index("(") + 1 : stat.rindex(")")]
            fields = stat[stat.rindex(")") + 2 :].split()
            state, pgid = fields[0], int(fields[2])
            if pgid != self.proc.pid or (name is not None and comm != name):
                continue
            if state == "Z":  # an orphaned Xvfb, reparented to us by _become_subreaper()
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(int(entry.name), os.WNOHANG)
                continue
            pids.append(int(entry.name))
        return pids

    def _wait_group(self, timeout: float) -> None:
        """Wait for the whole group to go; escalate to SIGTERM then SIGKILL of the group."""
        assert self.proc is not None
        end = time.monotonic() + timeout
        for sig in (None, signal.SIGTERM, signal.SIGKILL):
            if sig is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, sig)
                end = time.monotonic() + 5.0
            while time.monotonic() < end:
                self.proc.poll()  # reap xvfb-run so it does not linger as a zombie
                if self.proc.returncode is not None and not self._group_pids():
                    self.proc = None
                    return
                time.sleep(0.05)
        self.proc.wait(5.0)
        self.proc = None


def _become_subreaper() -> None:
    """Adopt our orphaned descendants so that stop() can reap them (Linux only).

    xvfb-run exits without waiting for the Xvfb it kills; the orphan goes to PID 1,
    which in some containers reaps late, leaving `[Xvfb] <defunct>` behind.
    """
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
