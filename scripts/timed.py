#!/usr/bin/env python3
"""Run a command, then print its wall time and the CPU time it used (user + sys of every process it waited for).

`make test` runs under this: the machine is often shared, so wall time alone says little; CPU time moves less.
PostgreSQL's server is a daemon, not a child: scripts/with-postgres.sh writes its CPU time to $POSTGRES_CPU_FILE.
"""

import os
import resource
import subprocess
import sys
import tempfile
import time


def minutes(seconds: float) -> str:
    return f"{int(seconds // 60)} min {seconds % 60:04.1f} s"


def main() -> int:
    with tempfile.NamedTemporaryFile("r", prefix="postgres-cpu-") as postgres_cpu:
        start = time.monotonic()
        status = subprocess.call(sys.argv[1:], env={**os.environ, "POSTGRES_CPU_FILE": postgres_cpu.name})  # noqa: S603
        wall = time.monotonic() - start
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        tests = children.ru_utime + children.ru_stime
        postgres = float(postgres_cpu.read().strip() or 0)
    parts = f"tests and browsers {minutes(tests)}" + (f", PostgreSQL {minutes(postgres)}" if postgres else "")
    print(f"\nTime taken: {minutes(wall)} wall, {minutes(tests + postgres)} CPU ({parts})")
    return status


if __name__ == "__main__":
    sys.exit(main())
