"""A throwaway PostgreSQL cluster for tests (Debian's `postgresql` package, version 15 or later).

    with PostgresServer() as server:
        server.url                       # postgresql://fvis@127.0.0.1:PORT/postgres
        url = server.create_database()   # a new, empty database: one per test
        server.create_database("fvis_template")       # e.g. migrate it once, then
        url = server.create_database(template="fvis_template")   # copies, cheaply

The cluster lives in a temporary directory: `initdb -A trust -U fvis --no-sync`, then
`pg_ctl -o "-p PORT -k SOCKDIR -c listen_addresses=127.0.0.1 -c fsync=off ..." -w start`,
and at the end `pg_ctl -m immediate stop` and the directory is removed. PostgreSQL refuses to
run as root, so as root every server command runs as the `postgres` user (`runuser -u
postgres --`) and the directory belongs to it. Durability is switched off (fsync,
synchronous_commit, full_page_writes): a crash loses a test database, nothing else.

`CREATE DATABASE x TEMPLATE t` copies t's files; PostgreSQL refuses while anyone is connected
to t, so close connections to a template before copying it.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import subprocess
import uuid
from pathlib import Path

from tests.servers._process import ServerError, ThrowawayServer, free_port

USER = "fvis"
SERVER_OPTIONS = (
    "-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
    "-c full_page_writes=off -c max_connections=200"
)


def find_bindir() -> Path:
    """The newest /usr/lib/postgresql/N/bin (Debian), or PG_BINDIR."""
    configured = os.environ.get("PG_BINDIR")
    candidates = [Path(configured)] if configured else []
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    candidates += versions
    for bindir in candidates:
        if (bindir / "initdb").is_file() and (bindir / "pg_ctl").is_file():
            return bindir
    raise ServerError(
        "PostgreSQL's server programs (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin: "
        "install Debian's `postgresql` package (`apt-get install postgresql`; .ci/run does it)."
    )


class PostgresServer(ThrowawayServer):
    prefix = "fvis-pg-"

    def __init__(self, *, startup_timeout: float = 60.0) -> None:
        super().__init__()
        self.startup_timeout = startup_timeout
        self.port = 0
        self._bindir: Path | None = None
        self._as_postgres = os.geteuid() == 0

    # -- paths and commands --------------------------------------------------------------

    @property
    def data_dir(self) -> Path:
        assert self._dir is not None, "the server is not started"
        return self._dir / "data"

    @property
    def socket_dir(self) -> Path:
        assert self._dir is not None, "the server is not started"
        return self._dir / "socket"

    @property
    def log_file(self) -> Path:
        assert self._dir is not None, "the server is not started"
        return self._dir / "server.log"

    def url_for(self, database: str) -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    @property
    def url(self) -> str:
        """The maintenance database `postgres` (create test databases from here)."""
        return self.url_for("postgres")

    def _run(self, program: str, *args: str, timeout: float = 60.0) -> str:
        assert self._bindir is not None
        argv = [str(self._bindir / program), *args]
        if self._as_postgres:
            argv = ["runuser", "-u", "postgres", "--", *argv]
        result = subprocess.run(
            argv,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd="/",  # the postgres user may not be allowed into our working directory
        )
        if result.returncode != 0:
            log = ""
            if self._dir is not None and self.log_file.exists():
                log = self.log_file.read_text("utf-8", "replace")[-3000:]
            raise ServerError(
                f"{' '.join(argv)} exited with {result.returncode}:\n{result.stdout}{result.stderr}"
                + (f"\nserver log:\n{log}" if log else "")
            )
        return result.stdout

    # -- life ------------------------------------------------------------------------------

    def _check(self) -> None:
        self._bindir = find_bindir()

    def _launch(self, folder: Path) -> None:
        self.socket_dir.mkdir()
        if self._as_postgres:
            try:
                postgres = pwd.getpwnam("postgres")
            except KeyError:
                raise ServerError(
                    "there is no `postgres` user to run the server as (we are root); "
                    "install Debian's `postgresql` package, which creates it"
                ) from None
            for path in (folder, self.socket_dir):
                os.chown(path, postgres.pw_uid, postgres.pw_gid)
        self._run(
            "initdb",
            "-D",
            str(self.data_dir),
            "-A",
            "trust",
            "-U",
            USER,
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
            "--no-instructions",
        )
        self._start_server()

    def _start_server(self) -> None:
        last: ServerError | None = None
        for _ in range(3):  # the free port may be taken between choosing it and binding it
            self.port = free_port()
            options = f"-p {self.port} -k {self.socket_dir} {SERVER_OPTIONS}"
            try:
                self._run(
                    "pg_ctl",
                    "-D",
                    str(self.data_dir),
                    "-l",
                    str(self.log_file),
                    "-o",
                    options,
                    "-w",
                    "-t",
                    str(int(self.startup_timeout)),
                    "start",
                    timeout=self.startup_timeout + 10,
                )
                return
            except ServerError as error:
                last = error
                if "already in use" not in str(error) and "could not bind" not in str(error):
                    raise
        assert last is not None
        raise last

    def _halt(self) -> None:
        if self._dir is not None and (self.data_dir / "postmaster.pid").exists():
            with contextlib.suppress(ServerError):  # the folder is removed all the same
                self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")

    # -- databases ---------------------------------------------------------------------------

    def create_database(self, name: str | None = None, *, template: str = "template0") -> str:
        """A new database (a copy of `template`); returns its URL."""
        import psycopg
        from psycopg import sql

        name = name or f"test_{uuid.uuid4().hex[:12]}"
        for value in (name, template):
            if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,62}", value):
                raise ValueError(f"not a plain database name: {value!r}")
        with psycopg.connect(self.url, autocommit=True) as connection:
            connection.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(name), sql.Identifier(template)
                )
            )
        return self.url_for(name)

    def drop_database(self, name: str) -> None:
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.url, autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


__all__ = ["USER", "PostgresServer", "ServerError", "find_bindir"]
