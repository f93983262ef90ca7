# Pejling: every command a newcomer, a developer or CI needs. See the README.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PEJLING := $(BIN)/pejling
PG_URL ?= postgres://postgres@127.0.0.1:5432/pejling
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: start install install-test var migrate demo serve test lint format test-sqlite \
	test-postgres test-browser chromium java bench messages clean

## start: install everything, migrate SQLite under var/, load the demo data and serve on :8000
start: install migrate demo serve

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet --editable .
	npm ci --no-audit --no-fund --loglevel=error
	$(MAKE) --no-print-directory translations static

translations:
	@command -v msgfmt >/dev/null || { echo "Installing gettext (msgfmt) from Debian's packages"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq gettext >/dev/null; }
	$(PEJLING) compilemessages --ignore=.venv --ignore=node_modules -v 0

static:
	$(PEJLING) collectstatic --noinput -v 0

migrate:
	$(PEJLING) migrate --noinput -v 1
	$(PEJLING) createcachetable

demo:
	$(PEJLING) demo

serve:
	$(PEJLING) serve

## test: install what the tests need, then lint, test on SQLite and PostgreSQL, and in Chromium
test: install-test lint test-sqlite test-postgres test-browser

install-test: install chromium java
	$(BIN)/pip install --quiet --editable '.[test]'

chromium:
	@command -v chromium >/dev/null || { echo "Installing Chromium from Debian's packages"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

java:
	@command -v java >/dev/null || { echo "Installing Java (for Spark) from Debian's packages"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq openjdk-17-jre-headless >/dev/null; }

lint:
	$(BIN)/ruff format --check src tests bench
	$(BIN)/ruff check src tests bench
	$(BIN)/djhtml --check $$(find src -name '*.html')

format:
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/djhtml $$(find src -name '*.html')

test-sqlite:
	$(BIN)/pytest -m "not browser" -p no:cacheprovider

test-postgres:
	@if $(BIN)/python -c "import psycopg; psycopg.connect('$(PG_URL)'.rsplit('/', 1)[0] + '/postgres', connect_timeout=3).close()" 2>/dev/null; then \
		DATABASE_URL=$(PG_URL) $(BIN)/pytest -m "not browser" -p no:cacheprovider; \
	elif [ -n "$$CI" ]; then \
		echo "PostgreSQL is required under CI but cannot be reached at $(PG_URL)."; exit 1; \
	else \
		echo "PostgreSQL cannot be reached at $(PG_URL): the PostgreSQL run is SKIPPED."; \
		echo "Start it (e.g. pg_ctlcluster 15 main start) or set PG_URL, then run 'make test-postgres'."; \
	fi

test-browser:
	$(BIN)/pytest -m browser -p no:cacheprovider

## bench: server time of key pages over many requests (median and p95)
bench: install
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/policy_lists.py
	# needs PostgreSQL at 127.0.0.1:5432 (user postgres); see bench/taskforce.py --database-url
	$(BIN)/python bench/taskforce.py
	# barometer engine vs hand-written DuckDB SQL and pandas; panels cached under var/bench/
	$(BIN)/python bench/barometer.py
	# Danish search over 20,000 knowledge-bank entries (needs PostgreSQL)
	$(BIN)/python bench/knowledge_search.py
	# the status report for one year with 100,000 cases and the full barometer, under 30 s (PostgreSQL)
	$(BIN)/python bench/reports.py

## messages: refresh the English catalogue from the Danish source texts
messages:
	cd src/pejling && PEJLING_BASE_DIR=../.. ../../$(PEJLING) makemessages -l en --no-obsolete --add-location file

clean:
	rm -rf $(VENV) node_modules var
