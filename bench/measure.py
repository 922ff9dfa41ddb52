"""Run a command as a child process: its wall time, CPU time and peak memory (``ru_maxrss`` from
``os.wait4``, that child and the descendants it waited for), and the CPU the rest of the machine used."""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

_TICK = os.sysconf("SC_CLK_TCK")


@dataclass
class Run:
    wall_s: float
    cpu_s: float
    peak_mib: float
    rc: int
    other_cpu_s: float  # CPU seconds other processes used meanwhile: the noise indicator


class CommandFailed(RuntimeError):
    pass


def busy_seconds() -> float:
    """CPU seconds all cores have spent busy since boot (/proc/stat)."""
    with open("/proc/stat") as handle:
        user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, handle.readline().split()[1:9])
    return (user + nice + system + irq + softirq + steal) / _TICK


def run(cmd: list[str], cwd: str | Path, env: dict[str, str], ok: tuple[int, ...] = (0,)) -> Run:
    """Run ``cmd`` to completion; raise CommandFailed (with its stderr) on an exit code not in ``ok``."""
    with tempfile.TemporaryFile() as err:
        busy, start = busy_seconds(), time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall, busy = time.perf_counter() - start, busy_seconds() - busy
        rc = proc.returncode = os.waitstatus_to_exitcode(status)
        cpu = usage.ru_utime + usage.ru_stime
        if rc not in ok:
            err.seek(0)
            raise CommandFailed(f"{' '.join(map(str, cmd))} exited {rc} in {cwd}:\n"
                                + err.read()[-4000:].decode("utf-8", "replace"))
    return Run(round(wall, 4), round(cpu, 4), round(usage.ru_maxrss / 1024, 1), rc, round(max(0.0, busy - cpu), 3))


def summary(values: list[float], digits: int = 3) -> dict:
    """Median, min and max of the runs (and the runs)."""
    return {"median": round(statistics.median(values), digits), "min": round(min(values), digits),
            "max": round(max(values), digits), "runs": [round(v, digits) for v in values]}


def other_share(runs: list[Run]) -> float:
    """Share of the machine's CPU that other processes used while ours ran (0 = a quiet machine)."""
    wall = sum(r.wall_s for r in runs) * (os.cpu_count() or 1)
    return round(sum(r.other_cpu_s for r in runs) / wall, 3) if wall else 0.0
