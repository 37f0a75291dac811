"""The exercise library area: browse, filter, read demonstration notes, curate."""
