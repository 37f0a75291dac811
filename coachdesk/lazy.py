"""A module imported on first use, for code that must load before the database layer."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """Stands for module ``name`` and imports it the first time an attribute is read.

    The Clients area is on the first screen: it is built while SQLAlchemy still loads in
    the background (see ``ui.main_window``), so its services are reached through this."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attribute)
