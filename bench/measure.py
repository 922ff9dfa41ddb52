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
    other_cpu_s: float = 0.0
    """CPU seconds the rest of the machine used meanwhile (/proc/stat minus ours): noise indicator."""


_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def busy_seconds() -> float:
    """CPU seconds all cores have spent busy since boot (0 where /proc/stat is missing)."""
    try:
        with open("/proc/stat") as handle:
            fields = handle.readline().split()[1:]
    except OSError:
        return 0.0
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) / _TICK


def wait_idle(max_wait: float, threshold: float = 0.25, window: float = 2.0) -> float:
    """Wait until the machine's busy share over ``window`` seconds is below ``threshold`` (or
    ``max_wait`` passed); returns the seconds waited."""
    start = time.perf_counter()
    cores = os.cpu_count() or 1
    while time.perf_counter() - start < max_wait:
        before = busy_seconds()
        time.sleep(window)
        if (busy_seconds() - before) / (window * cores) < threshold:
            break
    return time.perf_counter() - start


class CommandFailed(RuntimeError):
    pass


def run(cmd: list[str], cwd: str | Path, env: dict[str, str], timeout: float = 3600, ok: tuple[int, ...] = (0,)) -> Run:
    """Run ``cmd`` to completion; raise CommandFailed (with its stderr) on an exit code not in ``ok``."""
    with tempfile.TemporaryFile() as err:
        busy = busy_seconds()
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
        busy = busy_seconds() - busy
        proc.returncode = os.waitstatus_to_exitcode(status)
        cpu = usage.ru_utime + usage.ru_stime
        result = Run(round(wall, 4), round(cpu, 4), round(usage.ru_maxrss / 1024, 1), proc.returncode,
                     round(max(0.0, busy - cpu), 3))
        if proc.returncode not in ok:
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
