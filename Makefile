# The two commands a newcomer needs: `make run` and `make test`.
# Only Python >= 3.11 is required for `make run` (SQLite, translations compiled in pure Python).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test setup lint messages lock lock-check audit cluster-test

# Installs exactly the pinned, hashed versions of requirements.lock (`make lock` after editing pyproject.toml);
# reinstalls only when either file changed since the last install.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

LOCK_ARGS := pyproject.toml --extra test --generate-hashes --python-version 3.11 \
	--python-platform x86_64-unknown-linux-gnu --custom-compile-command "make lock" --quiet

# Translations, migrations and demo data in one Django process; each step skips what is already in place.
setup: $(STAMP)
	$(BIN)/python manage.py setup_portal

# The dev server and the outbox worker (mails) in one command; Ctrl+C stops both.
run: setup
	@echo "ねりま地域福祉ポータル: http://127.0.0.1:$(PORT)/"
	$(BIN)/python manage.py runserver_with_worker 127.0.0.1:$(PORT)

# Prints its wall and CPU time at the end (scripts/timed.py). worksteal: an idle worker takes tests from a busy one.
test: $(STAMP)
	$(BIN)/python manage.py compile_catalogs -v 0
	DJANGO_ALLOW_ASYNC_UNSAFE=true scripts/timed.py scripts/with-postgres.sh \
		$(BIN)/pytest -n $${PYTEST_WORKERS:-2} --dist worksteal --durations=15 $(ARGS)

lint: $(STAMP) lock-check
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/python manage.py makemigrations --check --dry-run

# Re-resolve requirements.lock from pyproject.toml, keeping every pin that still fits.
lock: $(STAMP)
	$(BIN)/uv pip compile $(LOCK_ARGS) -o requirements.lock

# Fails when pyproject.toml changed without `make lock` (the lock would resolve differently).
lock-check: $(STAMP)
	@tmp=$$(mktemp) && cp requirements.lock $$tmp && $(BIN)/uv pip compile $(LOCK_ARGS) -o $$tmp \
	  && diff -u requirements.lock $$tmp >&2 && rm -f $$tmp \
	  || { rm -f $$tmp; echo "requirements.lock is out of date with pyproject.toml: run make lock" >&2; exit 1; }

audit: $(STAMP)
	PYTHON=$(BIN)/python scripts/audit.sh

# PostgreSQL, Redis, two gunicorn app servers, the task worker and nginx on loopback, with faults during load.
cluster-test: $(STAMP)
	$(BIN)/python manage.py compile_catalogs -v 0
	$(BIN)/python deploy/cluster_test/run.py

messages: $(STAMP)
	$(BIN)/python manage.py makemessages -l en -l zh_Hans -l ko -l tl --ignore=.venv --ignore=tests --no-obsolete
