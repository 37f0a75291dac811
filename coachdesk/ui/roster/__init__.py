"""The client roster: runners' profiles, search, archive and history."""
