"""TLS with sslmode=verify-full, on a second throw-away server listening on loopback TCP
with a certificate from a certificate authority made here by openssl: the library works
over it, and a server whose certificate the client does not trust is refused."""
from __future__ import annotations

import os
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from orgdesk.samples import template_organisation
from orgdesk.team.errors import ServerNotTrusted
from orgdesk.team.library import Library
from tests.team.cluster import (
    ADMIN,
    ADMIN_PASSWORD,
    DATABASE,
    Cluster,
    chown_to_server,
    throwaway_cluster,
)


def openssl(*arguments: str, cwd: Path) -> None:
    subprocess.run(["openssl", *arguments], cwd=cwd, check=True, capture_output=True, timeout=60)


def make_authority(folder: Path, name: str) -> None:
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
            f"/CN={name}", "-keyout", f"{name}.key", "-out", f"{name}.crt", cwd=folder)


def make_server_certificate(folder: Path, authority: str) -> None:
    (folder / "san.cnf").write_text("subjectAltName=DNS:localhost\n", "utf-8")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
            "-keyout", "server.key", "-out", "server.csr", cwd=folder)
    openssl("x509", "-req", "-in", "server.csr", "-CA", f"{authority}.crt", "-CAkey",
            f"{authority}.key", "-CAcreateserial", "-days", "2", "-extfile", "san.cnf",
            "-out", "server.crt", cwd=folder)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Cluster, int, Path]]:
    keys = tmp_path_factory.mktemp("tls")
    make_authority(keys, "team-ca")
    make_authority(keys, "other-ca")
    make_server_certificate(keys, "team-ca")
    port = free_port()

    def prepare(cluster: Cluster) -> str:
        for name in ("server.crt", "server.key"):
            target = cluster.data / name
            target.write_bytes((keys / name).read_bytes())
            target.chmod(0o600)
            chown_to_server(cluster, target)
        return ("-c ssl=on -c ssl_cert_file=server.crt -c ssl_key_file=server.key "
                "-c listen_addresses=127.0.0.1")

    with throwaway_cluster(prepare, port) as cluster:
        yield cluster, port, keys


@pytest.fixture
def tls_password(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                 tls_server: tuple[Cluster, int, Path]) -> None:
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"localhost:{tls_server[1]}:*:{ADMIN}:{ADMIN_PASSWORD}\n", "utf-8")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    monkeypatch.delenv("PGPASSWORD", raising=False)


def tls_url(port: int, authority: Path) -> str:
    return (f"postgresql://{ADMIN}@localhost:{port}/{DATABASE}"
            f"?sslmode=verify-full&sslrootcert={authority}")


@pytest.mark.usefixtures("tls_password")
def test_the_library_works_over_verified_tls(tls_server: tuple[Cluster, int, Path]) -> None:
    _cluster, port, keys = tls_server
    with Library.open(tls_url(port, keys / "team-ca.crt")) as library:
        library.init()
        org = template_organisation("call_center_chart")
        library.publish(org, "加密", "over TLS")
        _, pulled = library.pull("加密")
        assert len(pulled) == len(org)
        with library.engine.connect() as connection:
            encrypted = connection.exec_driver_sql(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").scalar()
        assert encrypted is True
        origin = pulled.settings["team_origin"]["server"]
        assert "sslmode=verify-full" in origin  # the pulled file keeps the TLS settings


@pytest.mark.usefixtures("tls_password")
def test_a_server_the_client_does_not_trust_is_refused(
        tls_server: tuple[Cluster, int, Path]) -> None:
    _cluster, port, keys = tls_server
    with pytest.raises(ServerNotTrusted) as refused, \
            Library.open(tls_url(port, keys / "other-ca.crt")) as library:
        library.projects()
    assert "TLS certificate" in str(refused.value)
    assert os.environ["PGPASSFILE"]  # the password was there: trust failed first
