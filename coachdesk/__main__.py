"""``python -m coachdesk``."""

from coachdesk.cli import main

raise SystemExit(main())
