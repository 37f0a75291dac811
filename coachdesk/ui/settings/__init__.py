"""Settings dialogs: the brand profile."""
