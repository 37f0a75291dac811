# CoachDesk developer commands. Every target bootstraps .venv when it is missing or older
# than pyproject.toml, so a fresh clone needs only Python 3.11+ with venv.

PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
STAMP := $(VENV)/.coachdesk-installed

.PHONY: run test lint bench soak clean bundle

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

# A one-folder desktop application in dist/coachdesk/ for this machine (packaging/coachdesk.spec
# says how to build on Windows and macOS); tools/check_bundle.sh runs it without the venv.
BUNDLE_STAMP := $(VENV)/.coachdesk-bundle-installed
$(BUNDLE_STAMP): $(STAMP)
	$(VPY) -m pip install --quiet -e '.[bundle,postgres]'
	@touch $(BUNDLE_STAMP)

bundle: $(BUNDLE_STAMP)
	rm -rf dist/coachdesk build/pyinstaller
	$(VPY) -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist \
	  --workpath build/pyinstaller packaging/coachdesk.spec
	@du -sh dist/coachdesk

bench: $(STAMP)
	$(VPY) -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis build dist *.egg-info
