# CoachDesk developer commands. Every target bootstraps .venv when it is missing or older
# than pyproject.toml, so a fresh clone needs only Python 3.11+ with venv.

PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
STAMP := $(VENV)/.coachdesk-installed

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	@test -x $(VPY) || $(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --upgrade pip
	$(VPY) -m pip install --quiet -e '.[dev,postgres]'
	@touch $(STAMP)

run: $(STAMP)
	$(VPY) -m coachdesk $(ARGS)

lint: $(STAMP)
	$(VPY) -m ruff check .

test: lint
	$(VPY) -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(VPY) -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis build *.egg-info
