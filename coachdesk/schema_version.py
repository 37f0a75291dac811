"""The newest migration's revision, in a module of its own: the first screen
(:mod:`coachdesk.first_screen`) compares a database with it before SQLAlchemy is loaded.
``tests/test_db.py`` checks it is Alembic's head, so a new migration must update it."""

SCHEMA_HEAD = "0004"
