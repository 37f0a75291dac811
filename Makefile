# CoachDesk developer commands. Every target bootstraps .venv when it is missing or older
# than pyproject.toml, so a fresh clone needs only Python 3.11+ with venv.

PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
STAMP := $(VENV)/.coachdesk-installed

.PHONY: run test lint bench soak clean

$(STAMP): pyproject.toml
	@test -x $(VPY) || $(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --upgrade pip
	$(VPY) -m pip install --quiet -e '.[dev,postgres]'
	@touch $(STAMP)

run: $(STAMP)
	$(VPY) -m coachdesk $(ARGS)

lint: $(STAMP)
	$(VPY) -m ruff check .

# The whole suite on SQLite; then, when COACHDESK_POSTGRES_TEST_URL names a PostgreSQL
# database (CI sets one up), every database test again on that server.
test: lint
	env -u COACHDESK_TEST_DATABASE_URL $(VPY) -m pytest $(PYTEST_ARGS)
	@if [ -n "$$COACHDESK_POSTGRES_TEST_URL" ]; then \
	  echo "== database tests on PostgreSQL =="; \
	  COACHDESK_TEST_DATABASE_URL="$$COACHDESK_POSTGRES_TEST_URL" $(VPY) -m pytest $(PYTEST_ARGS); \
	fi

# The long crash trials (1,000 kills mid-edit); about ten minutes.
soak: $(STAMP)
	$(VPY) -m pytest -m soak -s --timeout 3600 tests/safety

bench: $(STAMP)
	$(VPY) -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis build *.egg-info
