"""Run a command as a separate process; time it from outside and read its peak memory.

Peak memory is the ``ru_maxrss`` that ``os.wait4`` returns for that one child (Linux: the largest
resident set of the child and any of its descendants it waited for), so runs never mix.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass
class Run:
    wall_s: float
    cpu_s: float
    peak_mib: float
    rc: int


class CommandFailed(RuntimeError):
    pass


def run(cmd: list[str], cwd: str | Path, env: dict[str, str], timeout: float = 3600) -> Run:
    """Run ``cmd`` to completion; raise CommandFailed (with its stderr) on a non-zero exit."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                _, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.005)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        result = Run(round(wall, 4), round(usage.ru_utime + usage.ru_stime, 4), round(usage.ru_maxrss / 1024, 1),
                     proc.returncode)
        if proc.returncode != 0:
            err.seek(0)
            tail = err.read()[-4000:].decode("utf-8", "replace")
            raise CommandFailed(f"{' '.join(map(str, cmd))} exited {proc.returncode} in {cwd}:\n{tail}")
    return result


def summary(values: list[float], digits: int = 3) -> dict:
    """median, min, max of a list of numbers."""
    return {
        "median": round(statistics.median(values), digits),
        "min": round(min(values), digits),
        "max": round(max(values), digits),
        "runs": [round(v, digits) for v in values],
    }


def as_dict(run_: Run) -> dict:
    return asdict(run_)
