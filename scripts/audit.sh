#!/usr/bin/env bash
# pip-audit of requirements.lock (every pin, with hashes). pip-audit needs its vulnerability database online:
# by default PyPI's per-release JSON (https://pypi.org/pypi/<name>/<version>/json, the "pypi" service), or OSV
# with AUDIT_SERVICE=osv. Offline it would report "could not be audited" and still exit 0, proving nothing; so:
#   - database reachable  → pip-audit --strict: any known vulnerability, or any package it could not check, fails;
#   - database unreachable → say so plainly and exit 0, or fail when AUDIT_REQUIRED=1 (set it where it must run).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
service=${AUDIT_SERVICE:-pypi}
case "$service" in
  pypi) probe_url="https://pypi.org/pypi/pip/24.0/json" ;;
  osv) probe_url="https://api.osv.dev/v1/vulns/PYSEC-2023-228" ;;
  *) echo "AUDIT_SERVICE must be pypi or osv" >&2; exit 2 ;;
esac
if ! answer=$("$PYTHON" - "$probe_url" <<'PY' 2>&1
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=20) as response:
    print(response.status)
PY
); then
  echo "pip-audit: NOT RUN — the $service vulnerability database is not reachable from this machine" >&2
  echo "  ($probe_url: ${answer##*$'\n'}); requirements.lock has NOT been audited here." >&2
  if [ "${AUDIT_REQUIRED:-0}" = "1" ]; then exit 1; fi
  exit 0
fi
"$PYTHON" -m pip_audit --strict --require-hashes --disable-pip --progress-spinner off -s "$service" -r requirements.lock
echo "pip-audit: requirements.lock audited against $service, no known vulnerability."
