"""A throw-away PostgreSQL cluster on loopback, for tests that need a real server database.

Debian's ``postgresql`` package (installed by ``scripts/test.sh`` when missing) puts
``initdb`` and ``pg_ctl`` under ``/usr/lib/postgresql/<version>/bin``. The cluster lives in
a temporary folder, listens on 127.0.0.1 on a free port, and is stopped and deleted by
``stop()``. PostgreSQL refuses to run as root, so under root the server runs as the
``postgres`` system user the Debian package creates (``nobody`` when that user is absent)
and the folder is handed over to it.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

SUPERUSER = "newsdw"


def find_bin_dir() -> Path | None:
    """The newest ``/usr/lib/postgresql/*/bin`` holding ``initdb`` and ``pg_ctl`` (or the ones on PATH), else None."""
    def version(folder: str) -> tuple[int, ...]:
        return tuple(int(part) for part in Path(folder).parent.name.split(".") if part.isdigit())

    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True)
    for folder in candidates:
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl:
        return Path(pg_ctl).resolve().parent
    return None


def log_server_ports() -> dict[str, str]:
    """Free ports for the log servers of a scheduler and a triggerer (8793 and 8794 by default), so that two
    Airflows started by tests at once (pytest-xdist workers) do not contend for the same ones."""
    return {
        "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(free_port()),
        "AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT": str(free_port()),
    }


def free_port() -> int:
    """A TCP port nobody listens on at the moment (the kernel's pick for port 0)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server_user() -> pwd.struct_passwd | None:
    """The unprivileged account to run the server as when we are root; None when we are not root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise RuntimeError("running as root and neither a 'postgres' nor a 'nobody' user exists to run PostgreSQL")


@dataclass
class PostgresCluster:
    """One PostgreSQL server in its own temporary folder; ``url(db)`` gives a SQLAlchemy URL for psycopg2."""

    bin_dir: Path
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="newsdw-pg-")))
    port: int = field(default_factory=free_port)
    password: str = field(default_factory=lambda: secrets.token_hex(16))
    host: str = "127.0.0.1"

    @property
    def data_dir(self) -> Path:
        """The cluster's data directory (PGDATA)."""
        return self.root / "data"

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        """Run a PostgreSQL program as the server's user; raise with its output when it fails."""
        user = _server_user()
        proc = subprocess.run(
            [str(self.bin_dir / args[0]), *args[1:]],
            user=user.pw_uid if user else None,
            group=user.pw_gid if user else None,
            extra_groups=[] if user else None,
            cwd=self.root,
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8", "TZ": "UTC"},
            capture_output=True, text=True, timeout=timeout,
        )
        if proc.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
            raise RuntimeError(f"{args[0]} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}\n{tail}")
        return proc

    def start(self) -> PostgresCluster:
        """initdb (password auth on TCP), then start the server on ``host:port`` and wait until it accepts connections."""
        user = _server_user()
        pwfile = self.root / "pwfile"
        pwfile.write_text(self.password + "\n")
        if user:
            # mkdtemp made the folder 0700 and root's: the server's user must own it
            for path in (self.root, pwfile):
                os.chown(path, user.pw_uid, user.pw_gid)
        self._run("initdb", "--pgdata", str(self.data_dir), "--username", SUPERUSER, "--pwfile", str(pwfile),
                  "--auth-host=scram-sha-256", "--auth-local=scram-sha-256", "--encoding=UTF8", "--no-instructions")
        pwfile.unlink()
        options = (f"-c listen_addresses={self.host} -p {self.port} -c unix_socket_directories={self.root} "
                   "-c fsync=off -c full_page_writes=off -c max_connections=100")  # throw-away data: no durability needed
        self._run("pg_ctl", "start", "--pgdata", str(self.data_dir), "--wait", "--timeout", "60",
                  "--log", str(self.root / "server.log"), "-o", options)
        return self

    def dsn(self, database: str = "postgres") -> str:
        """A libpq connection string for psycopg2."""
        return f"host={self.host} port={self.port} user={SUPERUSER} password={self.password} dbname={database}"

    def url(self, database: str) -> str:
        """A SQLAlchemy URL (psycopg2 driver) for ``database``."""
        return f"postgresql+psycopg2://{SUPERUSER}:{self.password}@{self.host}:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """Create a database owned by the superuser; return its SQLAlchemy URL."""
        import psycopg2

        con = psycopg2.connect(self.dsn())
        try:
            con.autocommit = True  # CREATE DATABASE cannot run inside a transaction
            with con.cursor() as cur:
                cur.execute(f'create database "{name}" encoding \'UTF8\'')
        finally:
            con.close()
        return self.url(name)

    def stop(self) -> None:
        """Stop the server (fast shutdown: disconnect clients) and delete its folder."""
        try:
            if (self.data_dir / "postmaster.pid").exists():
                self._run("pg_ctl", "stop", "--pgdata", str(self.data_dir), "--mode", "fast", "--wait", "--timeout", "60")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def wait_for(check, timeout: float, interval: float = 2.0):
    """Call ``check()`` until it returns something truthy (returned) or ``timeout`` seconds pass (None)."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)
