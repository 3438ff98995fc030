"""Fill deploy/nginx/nerima-portal.conf.template from an environment file (or the environment) and print it.

    python deploy/render_nginx.py /etc/nerima-portal/portal.env > /etc/nginx/sites-available/nerima-portal

Values: SERVER_NAME, HTTP_LISTEN, HTTPS_LISTEN, TLS_CERTIFICATE, TLS_CERTIFICATE_KEY, STATIC_ROOT, MEDIA_ROOT,
PRIVATE_MEDIA_ROOT and APP_SERVERS (comma-separated host:port of the gunicorn servers).
"""

import os
import re
import sys
from pathlib import Path
from string import Template

TEMPLATE = Path(__file__).with_name("nginx") / "nerima-portal.conf.template"
NEEDED = ["SERVER_NAME", "HTTP_LISTEN", "HTTPS_LISTEN", "TLS_CERTIFICATE", "TLS_CERTIFICATE_KEY", "STATIC_ROOT",
          "MEDIA_ROOT", "PRIVATE_MEDIA_ROOT", "APP_SERVERS"]


def read_env_file(path: str) -> dict[str, str]:
    values = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            values[key.strip()] = value.strip().strip('"').strip("'")
    return values


def render(values: dict[str, str]) -> str:
    missing = [name for name in NEEDED if not values.get(name)]
    if missing:
        raise SystemExit(f"missing: {', '.join(missing)}")
    servers = [server.strip() for server in values["APP_SERVERS"].split(",") if server.strip()]
    upstream = "\n    ".join(f"server {server} max_fails=1 fail_timeout=10s;" for server in servers)
    text = Template(TEMPLATE.read_text(encoding="utf-8")).safe_substitute({**values, "UPSTREAM_SERVERS": upstream})
    left = sorted(set(re.findall(r"\$\{([A-Z_]+)\}", text)))
    if left:
        raise SystemExit(f"not filled: {', '.join(left)}")
    return text


if __name__ == "__main__":
    values = dict(os.environ)
    if len(sys.argv) > 1:
        values.update(read_env_file(sys.argv[1]))
    sys.stdout.write(render(values))
