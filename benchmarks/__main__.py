"""Run every ``bench_*`` function of every ``benchmarks/bench_*.py`` and print one table.

A benchmark returns a dict (or a list of dicts) with ``name`` and a ``median_ms`` or a
``value`` + ``unit``, optionally ``target`` (text) and ``detail`` (text).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("COACHDESK_DATA_DIR", tempfile.mkdtemp(prefix="coachdesk-bench-"))


def collect(selected: list[str]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    folder = Path(__file__).resolve().parent
    for module_info in sorted(pkgutil.iter_modules([str(folder)]), key=lambda m: m.name):
        if not module_info.name.startswith("bench_"):
            continue
        if selected and not any(s in module_info.name for s in selected):
            continue
        module = importlib.import_module(f"benchmarks.{module_info.name}")
        for name in sorted(dir(module)):
            if name.startswith("bench_") and callable(getattr(module, name)):
                print(f"… {module_info.name}.{name}", file=sys.stderr, flush=True)
                result = getattr(module, name)()
                rows.extend(result if isinstance(result, list) else [result])
    return rows


def format_result(row: dict[str, Any]) -> str:
    if "median_ms" in row:
        return f"{row['median_ms']:.3f} ms (median)"
    return f"{row['value']} {row.get('unit', '')}".strip()


def main() -> int:
    rows = collect(sys.argv[1:])
    headers = ("Benchmark", "Result", "Target", "Detail")
    table = [
        (row["name"], format_result(row), str(row.get("target", "")), str(row.get("detail", "")))
        for row in rows
    ]
    widths = [max(len(h), *(len(r[i]) for r in table)) for i, h in enumerate(headers)]
    line = " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line)
    print("-+-".join("-" * w for w in widths))
    for r in table:
        print(" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # Skip interpreter teardown: Qt objects left by GUI benchmarks can crash PySide's
    # finalisation, and every figure has been printed by now.
    os._exit(code)
