"""Real hub processes and a throwaway PostgreSQL cluster for tests (and the bench).

cluster = PgCluster.start()          # Debian pg_createcluster as root, else initdb
url = cluster.new_database()         # postgresql://hub:…@127.0.0.1:PORT/hub_N
hub = HubProcess(url).start()        # `python -m hostdesk.hub serve`, waits for /healthz
token = hub.token("studio-1")        # a device token (admin=True for an admin one)
hub.stop(); cluster.drop()
"""

from __future__ import annotations

import contextlib
import fcntl
import itertools
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
PG_ROOT = Path("/usr/lib/postgresql")
START_TIMEOUT = 60.0
CLUSTER_PREFIX = "hostdesk_test_"
# Held while clusters are created or dropped: pytest's workers (and other runs on the machine)
# each make their own cluster, and postgresql-common's tools read every cluster's config.
CLUSTER_LOCK = Path(tempfile.gettempdir()) / "hostdesk-test-pg-clusters.lock"


class HarnessError(RuntimeError):
    """The hub or PostgreSQL could not start: the test must fail, not skip."""


class _PortTaken(Exception):
    """The hub exited because its port had been bound by another process meanwhile."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


PORT_TAKEN = "already in use"  # PostgreSQL's and uvicorn's words when a port went to another


@contextlib.contextmanager
def _clusters_locked():
    if os.geteuid() != 0:  # initdb into a temp dir of our own: no shared config to guard
        yield
        return
    with open(CLUSTER_LOCK, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120, **kw)
    if result.returncode != 0:
        raise HarnessError(f"{' '.join(cmd[:3])} failed: {result.stderr.strip()[-800:]}")
    return result


def _pg_version() -> str:
    versions = sorted(
        (p.name for p in PG_ROOT.glob("*") if (p / "bin" / "postgres").exists()),
        key=lambda v: float(v),
    )
    if not versions:
        raise HarnessError(
            "PostgreSQL is not installed: run `make system-deps` (package postgresql)"
        )
    return versions[-1]


class PgCluster:
    """A PostgreSQL server of its own on a free loopback port, with a password user `hub`."""

    def __init__(self, version: str, port: int, name: str, *, root: bool, datadir: Path | None):
        self.version = version
        self.port = port
        self.name = name
        self.root = root
        self.datadir = datadir
        self.user = "hub"
        self.password = secrets.token_hex(8)
        self._numbers = itertools.count(1)

    @classmethod
    def start(cls) -> PgCluster:
        # The free port is asked first and bound by the server later: another process (another
        # worker's hub, say) may take it in between. Then a new port, not a failed test.
        for _attempt in range(3):
            try:
                with _clusters_locked():
                    return cls._start()
            except HarnessError as exc:
                if PORT_TAKEN not in str(exc):
                    raise
                error = exc
        raise error

    @classmethod
    def _start(cls) -> PgCluster:
        version = _pg_version()
        port = free_port()
        root = os.geteuid() == 0
        if root:
            _drop_stale_clusters(version)
            name = f"{CLUSTER_PREFIX}{os.getpid()}_{port}"
            cluster = cls(version, port, name, root=True, datadir=None)
            _run(["pg_createcluster", version, name, "-p", str(port), "--", "--auth-local=trust",
                  "--auth-host=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8"])  # fmt: skip
            try:
                # fsync stays on: the durability the hub promises is the one measured.
                _run(["pg_ctlcluster", version, name, "start"])
            except HarnessError:
                cluster._drop()
                raise
        else:
            bin_dir = PG_ROOT / version / "bin"
            datadir = Path(tempfile.mkdtemp(prefix=CLUSTER_PREFIX))
            cluster = cls(version, port, datadir.name, root=False, datadir=datadir)
            _run([str(bin_dir / "initdb"), "-D", str(datadir), "-A", "trust", "-U", "postgres",
                  "-E", "UTF8", "--locale=C.UTF-8"])  # fmt: skip
            _run([str(bin_dir / "pg_ctl"), "-D", str(datadir), "-w", "-l", str(datadir / "log"),
                  "-o", f"-p {port} -k {datadir} -h 127.0.0.1", "start"])  # fmt: skip
        try:
            cluster.psql(f"CREATE ROLE hub LOGIN PASSWORD '{cluster.password}' CREATEDB")
        except HarnessError:
            cluster._drop()
            raise
        return cluster

    def psql(self, sql: str, database: str = "postgres") -> str:
        if self.root:
            cmd = ["runuser", "-u", "postgres", "--", "psql", "-p", str(self.port)]
        else:
            psql = str(PG_ROOT / self.version / "bin" / "psql")
            cmd = [psql, "-h", str(self.datadir), "-p", str(self.port), "-U", "postgres"]
        return _run([*cmd, "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-d", database,
                     "-c", sql]).stdout  # fmt: skip

    def url(self, database: str) -> str:
        return f"postgresql://{self.user}:{self.password}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        name = f"hub_{next(self._numbers)}"
        self.psql(f"CREATE DATABASE {name} OWNER hub ENCODING 'UTF8' TEMPLATE template0")
        return self.url(name)

    def drop(self) -> None:
        with _clusters_locked():
            self._drop()

    def _drop(self) -> None:
        if self.root:
            subprocess.run(["pg_dropcluster", "--stop", self.version, self.name],
                           capture_output=True, timeout=120)  # fmt: skip
        else:
            pg_ctl = str(PG_ROOT / self.version / "bin" / "pg_ctl")
            subprocess.run([pg_ctl, "-D", str(self.datadir), "-m", "immediate", "stop"],
                           capture_output=True, timeout=120)  # fmt: skip
            shutil.rmtree(self.datadir, ignore_errors=True)


def _drop_stale_clusters(version: str) -> None:
    """Clusters left by a test run that was killed (its pid is gone)."""
    base = Path("/etc/postgresql") / version
    for conf in base.glob(f"{CLUSTER_PREFIX}*"):
        pid = conf.name[len(CLUSTER_PREFIX) :].split("_")[0]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            subprocess.run(["pg_dropcluster", "--stop", version, conf.name],
                           capture_output=True, timeout=120)  # fmt: skip


class HubProcess:
    """`python -m hostdesk.hub serve` (the hub's own command line, as `hostdesk-hub`) in a
    child process, on a free port (restartable)."""

    def __init__(self, db_url: str, *, rate_limit: int = 0, port: int | None = None,
                 log_dir: Path | None = None, args: tuple[str, ...] = (),
                 env: dict[str, str] | None = None):  # fmt: skip
        self.db_url = db_url
        self.rate_limit = rate_limit
        self.args = tuple(args)  # more `serve` options, e.g. ("--agency", "…")
        self.env = dict(env or {})  # more environment, e.g. an empty HOME
        self.port = port or free_port()
        self._port_given = port is not None
        self._started_once = False
        self.log_dir = Path(log_dir or tempfile.mkdtemp(prefix="hostdesk_hub_log_"))
        self.proc: subprocess.Popen | None = None

    @property
    def log_path(self) -> Path:
        return self.log_dir / f"hub_{self.port}.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def database(self) -> str:
        return "postgresql" if self.db_url.startswith("postgres") else "sqlite"

    def start(self) -> HubProcess:
        """Start and wait until THIS process answers /healthz.

        The port was free when asked for, but another process (another worker's hub) may bind
        it before ours does: a first start then moves to a new port. A restart keeps its port
        (clients hold the URL). A hub answering on our port is only taken for ours once our
        own log says it is listening there, never someone else's server.
        """
        for _attempt in range(3):
            try:
                return self._start_once()
            except _PortTaken:
                if self._port_given or self._started_once:
                    raise HarnessError(f"port {self.port} is taken: {self.log_tail()}") from None
                self.port = free_port()
        raise HarnessError(f"no free port for the hub: {self.log_tail()}")

    def _start_once(self) -> HubProcess:
        env = {**os.environ, "PYTHONIOENCODING": "utf-8",
               "HOSTDESK_DATA_DIR": str(self.log_dir / "desktop-data"), **self.env}  # fmt: skip
        cmd = [sys.executable, "-m", "hostdesk.hub", "--lang", "en", "serve", "--db",
               self.db_url, "--port", str(self.port), "--rate-limit", str(self.rate_limit),
               *self.args]  # fmt: skip
        log = open(self.log_path, "ab")  # noqa: SIM115 - the child writes it until stop()
        offset = log.tell()  # a restart appends: only this run's lines count
        try:
            self.proc = subprocess.Popen(
                cmd, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT, env=env
            )
        finally:
            log.close()
        listening = f"running on {self.url}".encode()
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                if PORT_TAKEN.encode() in self._log_since(offset):
                    raise _PortTaken
                raise HarnessError(f"the hub exited ({self.proc.returncode}): {self.log_tail()}")
            with contextlib.suppress(requests.RequestException):
                if (
                    listening in self._log_since(offset)
                    and requests.get(f"{self.url}/healthz", timeout=(1, 2)).status_code == 200
                ):
                    self._started_once = True
                    return self
            time.sleep(0.1)
        self.stop()
        raise HarnessError(
            f"the hub did not answer /healthz in {START_TIMEOUT} s: {self.log_tail()}"
        )

    def _log_since(self, offset: int) -> bytes:
        try:
            with open(self.log_path, "rb") as log:
                log.seek(offset)
                return log.read()
        except OSError:
            return b""

    def stop(self, *, kill: bool = False) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=15)

    def restart(self) -> HubProcess:
        self.stop()
        return self.start()

    def token(self, name: str, *, admin: bool = False) -> str:
        """A new token made straight in the hub's database (the CLI verb is tested apart)."""
        from hostdesk.hub.auth import create_token
        from hostdesk.hub.db import HubDB

        db = HubDB(self.db_url)
        try:
            db.create_schema()
            return create_token(db, name, admin=admin)
        finally:
            db.close()

    def log_tail(self, chars: int = 2000) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]
        except OSError:
            return ""
