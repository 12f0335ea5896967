"""A throw-away PostgreSQL cluster for the team library's tests: Debian's server binaries,
a temporary folder, a Unix socket only (no TCP port), password authentication.

`initdb` refuses to run as root, so as root the server runs as the `postgres` user
(`runuser`); as any other user it runs as that user.  The administrator's password
reaches libpq through a password file (PGPASSFILE), the way a team's would.
"""
from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ADMIN = "orgdesk_admin"
ADMIN_PASSWORD = "admin-Secret-9f3c"
DATABASE = "orgdesk_library"
PORT = 5433


def server_bin() -> Path | None:
    """The newest installed PostgreSQL server's bin folder (Debian's layout)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name))
    return Path(found[-1]).parent if found else None


@dataclass
class Cluster:
    """A running server: its folder, socket folder and the commands to stop or restart it."""

    root: Path
    bin: Path
    as_postgres: bool
    extra_options: str = ""  # more server settings (a TLS test listens on loopback TCP)
    port: int = PORT

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root / "socket"

    def url(self, user: str = ADMIN, password: str | None = None,
            database: str = DATABASE) -> str:
        secret = f":{password}" if password is not None else ""
        return (f"postgresql+psycopg://{user}{secret}@/{database}"
                f"?host={self.socket_dir}&port={self.port}")

    def _run(self, *command: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_postgres else []
        return subprocess.run([*prefix, *command], check=True, capture_output=True, text=True,
                              timeout=timeout, cwd=self.root)

    def start(self) -> None:
        options = (f"-k {self.socket_dir} -c listen_addresses='' -p {self.port} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=40 "
                   + self.extra_options)
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l",
                  str(self.root / "server.log"), "-w", "-o", options, "start")

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def restart(self) -> None:
        self.stop()
        self.start()

    def psql(self, sql: str, database: str = "postgres") -> str:
        env_prefix = ["env", f"PGPASSWORD={ADMIN_PASSWORD}"]
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_postgres else []
        result = subprocess.run(
            [*prefix, *env_prefix, str(self.bin / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1",
             "-h", str(self.socket_dir), "-p", str(self.port), "-U", ADMIN, "-d", database,
             "-At", "-c", sql],
            check=True, capture_output=True, text=True, timeout=60, cwd=self.root)
        return result.stdout


def chown_to_server(cluster: Cluster, path: Path) -> None:
    """Make `path` the server's (as root the server runs as `postgres`)."""
    if cluster.as_postgres:
        _chown_to_postgres(path)


def _chown_to_postgres(path: Path) -> None:
    entry = pwd.getpwnam("postgres")
    os.chown(path, entry.pw_uid, entry.pw_gid)


def new_cluster(root: Path, port: int = PORT) -> Cluster:
    """initdb a cluster in the empty folder `root` (not started; kept until removed)."""
    binaries = server_bin()
    if binaries is None:
        raise RuntimeError("PostgreSQL's server is not installed (make test installs it)")
    as_postgres = os.geteuid() == 0
    cluster = Cluster(root, binaries, as_postgres, port=port)
    cluster.socket_dir.mkdir(parents=True)
    password_file = root / "admin-password"
    password_file.write_text(ADMIN_PASSWORD + "\n", "utf-8")
    if as_postgres:
        for path in (root, cluster.socket_dir, password_file):
            _chown_to_postgres(path)
    cluster._run(str(binaries / "initdb"), "-D", str(cluster.data), "-U", ADMIN,
                 "--auth=scram-sha-256", f"--pwfile={password_file}", "-E", "UTF8",
                 "--locale=C.UTF-8", "--no-sync")
    password_file.unlink()
    return cluster


def existing_cluster(root: Path, port: int = PORT) -> Cluster:
    """A cluster `new_cluster` made (or a copy of its folder), not started."""
    binaries = server_bin()
    if binaries is None:
        raise RuntimeError("PostgreSQL's server is not installed (make test installs it)")
    return Cluster(root, binaries, os.geteuid() == 0, port=port)


@contextlib.contextmanager
def throwaway_cluster(prepare: Callable[[Cluster], str] | None = None, port: int = PORT
                      ) -> Iterator[Cluster]:
    """initdb + start in a temporary folder; stopped and removed afterwards.

    `prepare(cluster)`, if given, runs after initdb and returns more server settings.
    """
    root = Path(tempfile.mkdtemp(prefix="orgdesk-pg-"))
    try:
        cluster = new_cluster(root, port)
        if prepare is not None:
            cluster.extra_options = prepare(cluster)
        cluster.start()
        try:
            cluster.psql(f"CREATE DATABASE {DATABASE}")
            yield cluster
        finally:
            with contextlib.suppress(subprocess.SubprocessError):
                cluster.stop()
    finally:
        shutil.rmtree(root, ignore_errors=True)
