"""Seconds since this process started, for the smoke test and the start-up benchmark.

On Linux the kernel knows when the process started (``/proc/self/stat``), which includes
the interpreter's own start-up; elsewhere the best we have is when this module loaded.
"""

from __future__ import annotations

import os
import time

_MODULE_LOADED = time.perf_counter()


def seconds_since_process_start() -> float:
    try:
        with open("/proc/self/stat", encoding="ascii") as stat_file:
            fields = stat_file.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 of the whole line: starttime
        with open("/proc/uptime", encoding="ascii") as uptime_file:
            uptime = float(uptime_file.read().split()[0])
        return max(uptime - start_ticks / os.sysconf("SC_CLK_TCK"), 0.0)
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - _MODULE_LOADED
