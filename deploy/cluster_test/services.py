"""The parts of the cluster test, each a real server on loopback: PostgreSQL, Redis, gunicorn, the worker, nginx, SMTP."""

import os
import shutil
import signal
import socket
import socketserver
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(os.environ.get("VENV_BIN", Path(os.sys.executable).parent))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, what: str, process=None, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            if process is not None and process.poll() is not None:
                raise RuntimeError(f"{what} exited with {process.returncode}") from None
            time.sleep(0.05)
    raise RuntimeError(f"{what} did not listen on {port} within {timeout}s")


def need(binary: str, package: str) -> str:
    path = shutil.which(binary) or (binary if os.path.exists(binary) else None)
    if path is None:
        raise SystemExit(f"{binary} not found: install {package} (Debian: apt-get install {package})")
    return path


class Postgres:
    def __init__(self, tmp: Path):
        self.dir, self.port = tmp / "pg", free_port()
        candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
        if not candidates:
            raise SystemExit("PostgreSQL server not found: install postgresql")
        self.bin = candidates[-1].parent
        self.as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/nerima"

    def _run(self, *args, **kwargs):
        return subprocess.run([*self.as_pg, *args], check=True, capture_output=True, text=True, **kwargs)  # noqa: S603

    def start(self) -> None:
        if not (self.dir / "data").exists():
            self.dir.mkdir(parents=True)
            if self.as_pg:
                if subprocess.run(["id", "postgres"], check=False, capture_output=True).returncode != 0:
                    subprocess.run(["useradd", "--system", "--no-create-home", "postgres"], check=True)
                shutil.chown(self.dir, "postgres")
            self._run(str(self.bin / "initdb"), "-D", str(self.dir / "data"), "--locale=C.UTF-8", "--encoding=UTF8",
                      "-U", "postgres", "--auth=trust")
        self._pg_ctl("start")

    def _pg_ctl(self, action: str, *extra: str) -> None:
        # Always with -l: a server started without it keeps our stdout pipe open, and we would wait forever.
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} -c max_connections=100"
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-l", str(self.dir / "server.log"), "-w",
                  "-o", options, *extra, action)

    def create_database(self, name: str) -> str:
        self._run(str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def restart(self) -> None:
        self._pg_ctl("restart", "-m", "fast")

    def stop(self) -> None:
        subprocess.run([*self.as_pg, str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "immediate",  # noqa: S603
                        "stop"], check=False, capture_output=True)


class Process:
    """A child process in its own process group, so that killing it kills its workers too (a real crash)."""

    def __init__(self, name: str, argv: list[str], env: dict, log: Path, port: int | None = None):
        self.name, self.argv, self.env, self.log, self.port = name, argv, env, log, port
        self.process = None

    def start(self) -> None:
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own command lines
                self.argv, env=self.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        if self.port:
            wait_for_port(self.port, self.name, self.process)

    def kill(self, sig=signal.SIGKILL) -> None:
        process = self.process  # the supervisor may start a new one meanwhile
        if process and process.poll() is None:
            os.killpg(process.pid, sig)
            process.wait(timeout=30)

    def stop(self) -> None:
        self.kill(signal.SIGTERM)

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None


class Supervisor(threading.Thread):
    """Restart=always, RestartSec=2, as the systemd units in deploy/systemd do: a process that died comes back."""

    def __init__(self, processes: list[Process], events: list[str], started: float):
        super().__init__(daemon=True)
        self.processes, self.events, self.started = processes, events, started
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.wait(0.5):
            for process in self.processes:
                if not process.alive() and not self.stopping.is_set():
                    code = process.process.returncode if process.process else None
                    time.sleep(2)
                    try:
                        process.start()
                    except RuntimeError as error:
                        self.events.append(f"{process.name} failed to restart: {error}")
                        continue
                    self.events.append(f"t={time.monotonic() - self.started:5.1f}s {process.name} had exited ({code}), "
                                       "restarted by the supervisor")


def redis(tmp: Path) -> Process:
    port = free_port()
    (tmp / "redis").mkdir(exist_ok=True)
    # As in production: an append-only file, so limits and sessions survive a restart.
    argv = [need("redis-server", "redis-server"), "--port", str(port), "--bind", "127.0.0.1", "--dir", str(tmp / "redis"),
            "--appendonly", "yes", "--appendfsync", "everysec", "--save", "", "--daemonize", "no"]
    return Process("redis", argv, dict(os.environ), tmp / "redis.log", port)


def wait_for_answer(port: int, what: str, timeout: float = 180) -> None:
    """Until the app server answers /healthz: its workers warm every page before they take a request
    (gunicorn.conf.py), as a load balancer's health check waits for them."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{what} did not answer /healthz within {timeout:.0f}s")


def app_server(name: str, env: dict, tmp: Path) -> Process:
    port = free_port()
    argv = [str(VENV_BIN / "gunicorn"), "nerima_portal.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2",
            "--timeout", "30", "--graceful-timeout", "5"]
    return Process(name, argv, env, tmp / f"{name}.log", port)


def nginx(tmp: Path, values: dict) -> Process:
    from deploy.render_nginx import render

    nginx_dir = tmp / "nginx"
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (nginx_dir / sub).mkdir(parents=True, exist_ok=True)
    (nginx_dir / "site.conf").write_text(render(values), encoding="utf-8")
    user = "user root;\n" if os.geteuid() == 0 else ""
    temp_paths = "".join(f"    {sub}_temp_path {nginx_dir / sub};\n" for sub in ("fastcgi", "uwsgi", "scgi"))
    (nginx_dir / "nginx.conf").write_text(
        f"{user}worker_processes 1;\npid {nginx_dir / 'nginx.pid'};\nerror_log {nginx_dir / 'error.log'} warn;\n"
        "events { worker_connections 512; }\nhttp {\n    include /etc/nginx/mime.types;\n"
        "    default_type application/octet-stream;\n"
        f"    access_log {nginx_dir / 'access.log'};\n    client_body_temp_path {nginx_dir / 'body'};\n"
        f"    proxy_temp_path {nginx_dir / 'proxy'};\n{temp_paths}    include {nginx_dir / 'site.conf'};\n}}\n",
        encoding="utf-8")
    argv = [need("/usr/sbin/nginx", "nginx"), "-p", str(nginx_dir), "-c", str(nginx_dir / "nginx.conf"),
            "-e", str(nginx_dir / "error.log"), "-g", "daemon off;"]
    return Process("nginx", argv, dict(os.environ), tmp / "nginx.log", int(values["HTTPS_LISTEN"].rsplit(":", 1)[1]))


def self_signed_certificate(tmp: Path) -> tuple[Path, Path]:
    cert, key = tmp / "tls.crt", tmp / "tls.key"
    subprocess.run([need("openssl", "openssl"), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",  # noqa: S603
                    "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


class SmtpSink(socketserver.ThreadingTCPServer):
    """An SMTP server that keeps every message it accepts (the mail server of the cluster test)."""

    allow_reuse_address = True
    daemon_threads = True

    def __init__(self):
        self.messages: list[bytes] = []
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), _SmtpHandler)
        self.port = self.server_address[1]
        threading.Thread(target=self.serve_forever, daemon=True).start()


class _SmtpHandler(socketserver.StreamRequestHandler):
    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        self.reply("220 cluster-test ESMTP")
        while line := self.rfile.readline():
            command = line.decode(errors="replace").strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.reply("250 cluster-test")
            elif command.startswith(("MAIL", "RCPT", "RSET", "NOOP")):
                self.reply("250 OK")
            elif command == "DATA":
                self.reply("354 end with .")
                data = []
                while (chunk := self.rfile.readline()) not in (b".\r\n", b".\n", b""):
                    data.append(chunk[1:] if chunk.startswith(b"..") else chunk)
                with self.server.lock:
                    self.server.messages.append(b"".join(data))
                self.reply("250 queued")
            elif command == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")
