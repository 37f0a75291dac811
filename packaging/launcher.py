"""The bundle's entry point (PyInstaller runs a script, not ``python -m coachdesk``)."""

from coachdesk.cli import main

raise SystemExit(main())
