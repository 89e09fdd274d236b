"""Load under gunicorn: start servers, log in over HTTP, run wrk, read worker memory."""

from __future__ import annotations

import http.cookiejar
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 2
WRK = ["wrk", "--threads", "2", "--connections", "8", "--timeout", "10s", "--latency"]
# Sessions are bound to the client (Flask-Login "strong" protection hashes the IP and
# User-Agent): every request of the bench, login included, sends the same one.
USER_AGENT = "parcours-bench/1"


def ensure_wrk(log=print) -> None:
    """wrk is Debian's package `wrk`: installed when missing and we may, else explained."""
    if shutil.which("wrk"):
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log("installing wrk (apt-get install -y wrk) …")
        for cmd in (
            ["apt-get", "install", "-y", "wrk"],
            ["apt-get", "update"],
            ["apt-get", "install", "-y", "wrk"],
        ):
            subprocess.run(cmd, capture_output=True)
            if shutil.which("wrk"):
                return
    raise SystemExit(
        "bench: the load generator wrk is missing. Install it with\n"
        "    sudo apt-get install -y wrk\n"
        "(or from https://github.com/wg/wrk) and run `make bench` again."
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    process: subprocess.Popen
    url: str

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def worker_rss_mib(self) -> list[float]:
        sizes = []
        for pid in self.worker_pids():
            status = Path(f"/proc/{pid}/status").read_text()
            kib = int(re.search(r"^VmRSS:\s+(\d+) kB", status, re.M).group(1))
            sizes.append(kib / 1024)
        return sizes

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start(app: str, env: dict[str, str], log_file: Path, chdir: Path = ROOT) -> Server:
    """gunicorn with `make run`'s settings (sync workers) on a free loopback port; its
    own messages go to `log_file`."""
    port = free_port()
    log = log_file.open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{port}",
            "--chdir",
            str(chdir),
            "--log-level",
            "warning",
            app,
        ],
        env=env,
        cwd=chdir,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    log.close()
    server = Server(process, f"http://127.0.0.1:{port}")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"bench: gunicorn {app} did not start:\n{log_file.read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                pass
            if len(server.worker_pids()) == WORKERS and get(server.url + "/")[0] < 500:
                return server
        except OSError:
            pass
        time.sleep(0.1)
    server.stop()
    raise SystemExit(f"bench: gunicorn {app} did not answer within 30 s")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def login(server: Server, email: str, password: str) -> str:
    """Log in through the real form (with its CSRF token); the Cookie header to send."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)
    opener.addheaders = [("User-Agent", USER_AGENT)]
    page = opener.open(server.url + "/login").read()
    match = re.search(rb'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page)
    form = {"email": email, "password": password}
    if match:
        form["csrf_token"] = match.group(1).decode()
    try:
        opener.open(server.url + "/login", urllib.parse.urlencode(form).encode())
    except urllib.error.HTTPError as error:
        if error.code != 303:
            raise SystemExit(f"bench: login as {email} answered {error.code}") from None
    else:
        raise SystemExit(f"bench: login as {email} refused (wrong demo password?)")
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def get(url: str, cookie: str | None = None, headers: dict | None = None):
    """(status, body, headers) of one GET."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **(headers or {})})
    if cookie:
        request.add_header("Cookie", cookie)
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers


@dataclass
class WrkResult:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    bytes_per_response: float


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url: str, seconds: float, cookie: str | None = None) -> WrkResult:
    cmd = [*WRK, "--duration", f"{seconds:g}s", "--header", f"User-Agent: {USER_AGENT}"]
    if cookie:
        cmd += ["--header", f"Cookie: {cookie}"]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket_errors = re.search(r"Socket errors:.*", out)
    n_errors = int(errors.group(1)) if errors else 0
    if socket_errors:
        n_errors += sum(int(n) for n in re.findall(r"\d+", socket_errors.group(0)))
    done = re.search(r"(\d+) requests in .*?, ([\d.]+)([KMG]?B) read", out)
    size = float(done.group(2)) * {"B": 1, "KB": 2**10, "MB": 2**20, "GB": 2**30}[done.group(3)]
    return WrkResult(rps, p50, p99, n_errors, size / max(int(done.group(1)), 1))
