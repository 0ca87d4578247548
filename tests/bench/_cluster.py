"""Several app servers behind HAProxy on one PostgreSQL, on loopback: the recipe in
docs/deploy.md, started for a test or a benchmark. HAProxy reads deploy/haproxy.cfg as
it is shipped; only the addresses come from the environment."""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.bench._server import ROOT, free_port, start_gunicorn, worker_pids

HAPROXY_CONFIG = ROOT / "deploy" / "haproxy.cfg"
SECRET = "the same secret key on every server"


def haproxy() -> str | None:
    """Debian's haproxy, installed when it is missing and we are root; None if it cannot be."""
    found = shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin")
    if found or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    install = ["apt-get", "install", "-y", "-q", "haproxy"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    if subprocess.run(install, **quiet, check=False).returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], **quiet, check=False)
        subprocess.run(install, **quiet, check=False)
    return shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin")


def upgrade_once(url: str, instance: Path) -> None:
    """`flask db upgrade`, run once for every server (as a deployment does)."""
    env = {**os.environ, "DATABASE_URL": url, "PEERDESK_INSTANCE": str(instance)}
    subprocess.run(
        [sys.executable, "-m", "flask", "--app", "wsgi", "db", "upgrade"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )


@dataclass
class Cluster:
    port: int  # where people connect: HAProxy
    app_ports: list[int]
    servers: list[subprocess.Popen]
    balancer: subprocess.Popen
    stopped: list[int] = field(default_factory=list)

    def kill_server(self, number: int) -> None:
        """Stop one app server at once (SIGKILL to its master and workers: no goodbyes)."""
        server = self.servers[number]
        for pid in [*worker_pids(server), server.pid]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        server.wait(timeout=10)
        self.stopped.append(number)

    def up_servers(self) -> int:
        """How many app servers HAProxy would send a request to (its health checks)."""
        return sum(1 for n in range(len(self.servers)) if n not in self.stopped)


def _wait_for(port: int, path: str = "/healthz", seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", path)
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"nothing answered on port {port}")


@contextmanager
def balanced_servers(url: str, instance: Path, settings: dict | None = None, workers: int = 2):
    """Two gunicorn servers (each with its own instance folder, as on two machines) behind
    HAProxy. Yields a Cluster; everything is stopped afterwards."""
    binary = haproxy()
    if binary is None:
        raise RuntimeError("haproxy is not installed and cannot be installed here")
    shared = {"SECRET_KEY": SECRET, "PEERDESK_PROXY_HOPS": "1", **(settings or {})}
    app_ports = [free_port(), free_port()]
    servers: list[subprocess.Popen] = []
    balancer = None
    try:
        for n, port in enumerate(app_ports, start=1):
            folder = instance / f"server{n}"
            folder.mkdir(parents=True, exist_ok=True)
            servers.append(start_gunicorn(url, folder, port, workers=workers, settings=shared))
        port = free_port()
        env = {
            **os.environ,
            "PEERDESK_LISTEN": f"127.0.0.1:{port}",
            "PEERDESK_APP_1": f"127.0.0.1:{app_ports[0]}",
            "PEERDESK_APP_2": f"127.0.0.1:{app_ports[1]}",
        }
        # Its messages go to a file: a pipe nobody reads would stop it once full.
        with (instance / "haproxy.log").open("ab") as log:
            balancer = subprocess.Popen(
                [binary, "-db", "-f", str(HAPROXY_CONFIG)],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        _wait_for(port)
        yield Cluster(port, app_ports, servers, balancer)
    finally:
        for server in servers:
            if server.poll() is None:
                server.terminate()
                try:
                    server.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    server.kill()
        if balancer is not None:
            balancer.terminate()
            balancer.wait(timeout=10)
