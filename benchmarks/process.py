"""Whole processes, measured as a coach feels them: wall time from launch to exit and the
child's own peak resident memory (``os.wait4``), each beside its baseline in the same run."""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float
    stdout: str


PEAK = "coachdesk-bench-peak-kib:"
PEAK_WRAPPER = f"""
import atexit, runpy, sys
def _peak():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                sys.stderr.write("{PEAK} " + line.split()[1] + "\\n")
atexit.register(_peak)
args = sys.argv[1:]
if args[0] == "-m":
    sys.argv = args[1:]
    runpy.run_module(args[1], run_name="__main__", alter_sys=True)
elif args[0] == "-c":
    sys.argv = ["-c", *args[2:]]
    exec(compile(args[1], "<string>", "exec"), {{"__name__": "__main__"}})
else:
    sys.argv = args
    runpy.run_path(args[0], run_name="__main__")
"""
"""Runs a Python command and reports its own peak resident memory (VmHWM) at exit. The
rusage a parent reads counts what the child inherited at fork (the benchmark process's own
memory), so the child says it itself."""


def run_process(command: Sequence[str], env: dict[str, str] | None = None) -> Run:
    """Launch a Python command (``[python, "-m"|"-c"|script, …]``), wait for exit, and read
    its peak resident memory as it reported it."""
    python, *rest = command
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        child = subprocess.Popen([python, "-c", PEAK_WRAPPER, *rest], stdout=out,
                                 stderr=err, env=env)
        child.wait()
        elapsed = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:4])} exited {child.returncode}: "
                           f"{stderr[-2000:]}")
    peaks = [line.split()[1] for line in stderr.splitlines() if line.startswith(PEAK)]
    return Run(elapsed, int(peaks[-1]) / 1024 if peaks else float("nan"), stdout)


def paired(first: Sequence[str], second: Sequence[str], runs: int = 7,
           env: dict[str, str] | None = None) -> tuple[list[Run], list[Run]]:
    """Run two commands alternately (a, b, a, b…), so both see the same machine load, after
    one unmeasured run of each (bytecode written, files in the page cache)."""
    run_process(first, env)
    run_process(second, env)
    a_runs, b_runs = [], []
    for _ in range(runs):
        a_runs.append(run_process(first, env))
        b_runs.append(run_process(second, env))
    return a_runs, b_runs


def median_seconds(runs: Sequence[Run]) -> float:
    return statistics.median(r.seconds for r in runs)


def median_peak(runs: Sequence[Run]) -> float:
    return statistics.median(r.peak_mib for r in runs)


def environment(**extra: str) -> dict[str, str]:
    """Offscreen, and bytecode written (as an installed app has it; this sandbox sets
    PYTHONDONTWRITEBYTECODE, which would make every run compile CoachDesk afresh)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **extra)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def rss_mib() -> float:
    """This process's resident memory now (Linux), in MiB."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
