"""Use cases: one function per thing a coach does, one session per call, plain data out."""
