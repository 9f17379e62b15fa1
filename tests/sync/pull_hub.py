"""A real hub process on loopback for the pull and sync-UI tests: start, tokens, admin helpers."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import requests

from tests.conftest import ROOT
from tests.hub.harness import PORT_TAKEN, free_port

START_TIMEOUT = 60.0  # tells "never" from "slow" (as tests/hub/harness.py)


def _cli(*args: str) -> str:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "hostdesk", *args],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


class HubProcess:
    """`python -m hostdesk hub serve` on an SQLite file; a device and an admin token."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.db = folder / "hub.db"
        self.log = folder / "hub.log"
        self.port = free_port()
        self.device_token = _cli("hub", "token", "create", "studio-1", "--db", str(self.db))
        self.admin_token = _cli("hub", "token", "create", "office", "--admin", "--db", str(self.db))
        self.proc: subprocess.Popen | None = None
        self.started_once = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> HubProcess:
        """Start and wait until THIS process answers /healthz.

        The port was free when asked for, but another worker's hub may bind it before ours
        does (two CLI calls run in between): a first start then moves to a new port; a
        restart keeps its port (the desktop holds the URL). A server answering on our port
        is only taken for ours once our own log says it listens there.
        """
        for _attempt in range(3):
            if self._start_once():
                self.started_once = True
                return self
            if self.started_once:
                raise AssertionError(f"port {self.port} was taken: {self._log_tail()}")
            self.port = free_port()
        raise AssertionError(f"no free port for the hub: {self._log_tail()}")

    def _start_once(self) -> bool:
        """True once listening; False when the port went to another process meanwhile."""
        with open(self.log, "ab") as log:
            offset = log.tell()  # a restart appends: only this run's lines count
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "hostdesk", "hub", "serve", "--db", str(self.db),
                 "--port", str(self.port), "--rate-limit", "0"],
                stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
            )  # fmt: skip
        listening = f"running on {self.url}".encode()
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                if PORT_TAKEN.encode() in self._log_since(offset):
                    return False
                raise AssertionError(f"the hub exited: {self._log_tail()}")
            try:
                if (
                    listening in self._log_since(offset)
                    and requests.get(self.url + "/healthz", timeout=1).status_code == 200
                ):
                    return True
            except requests.RequestException:
                pass
            time.sleep(0.1)
        self.stop()
        raise AssertionError(f"the hub did not start: {self._log_tail()}")

    def _log_since(self, offset: int) -> bytes:
        with open(self.log, "rb") as log:
            log.seek(offset)
            return log.read()

    def _log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.proc = None

    # -- admin and device calls --------------------------------------------------------------

    def _headers(self, admin: bool) -> dict:
        token = self.admin_token if admin else self.device_token
        return {"Authorization": f"Bearer {token}"}

    def put_jobs(self, jobs: list[dict]) -> str:
        resp = requests.put(
            self.url + "/api/v1/jobs", json={"jobs": jobs}, headers=self._headers(True), timeout=10
        )
        assert resp.status_code == 200, resp.text
        return resp.headers["ETag"]

    def signup(self, **fields) -> dict:
        """A sign-up made on the hub (its QR form): origin hub, source qr, credited to this
        PC (studio-1) as the page credits the d= of its link, unless `device` says otherwise."""
        fields.setdefault("device", "studio-1")
        resp = requests.post(
            self.url + "/api/v1/registrations/hub", json=fields, headers=self._headers(True),
            timeout=10,
        )  # fmt: skip
        assert resp.status_code == 201, resp.text
        return resp.json()

    def registrations(self) -> list[dict]:
        items, since = [], 0
        while True:
            resp = requests.get(
                self.url + "/api/v1/registrations",
                params={"since": since, "limit": 500, "origin": "any"},
                headers=self._headers(False), timeout=10,
            )  # fmt: skip
            assert resp.status_code == 200, resp.text
            body = resp.json()
            items += body["items"]
            if body["next"] is None:
                return items
            since = body["next"]


def job(code: str, title: str, **extra) -> dict:
    """A catalogue item with the keys of `hostdesk jobs list --json`."""
    return {
        "code": code, "title": title, "company": extra.get("company", "海信"),
        "city": extra.get("city", "青岛"), "salary_min": 6000, "salary_max": 8000,
        "salary_unit": "month", "salary_text": "6000-8000元/月", "benefits": ["包吃住"],
        "headcount": 30, "age_min": 18, "age_max": 45, "shift": extra.get("shift", "两班倒"),
        "requirements": "", "signup_url": "", "urgent": False, "status": "open",
    }  # fmt: skip
