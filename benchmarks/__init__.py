"""``make bench``: every benchmark module's figures in one table."""
