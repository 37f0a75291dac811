"""Command-line subcommands that work without a display (no Qt)."""
