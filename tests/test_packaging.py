"""The package metadata uses the current forms, so `pip install` says nothing alarming."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def test_the_license_is_an_spdx_string_that_setuptools_reads_quietly() -> None:
    data = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    license_ = data["project"]["license"]
    # A table ({ text = … }) makes setuptools print a deprecation warning four times.
    assert isinstance(license_, str) and license_.startswith("LicenseRef-")
    setuptools = next(r for r in data["build-system"]["requires"] if r.startswith("setuptools"))
    minimum = re.search(r">=\s*(\d+)", setuptools)
    assert minimum is not None and int(minimum.group(1)) >= 77  # SPDX strings need 77
