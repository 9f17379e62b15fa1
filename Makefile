# The README's two commands: `make run` (the app) and `make test` (everything CI checks).
# Both create .venv and install the locked dependencies on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint i18n i18n-update lock bundle bench system-deps

$(STAMP): requirements/dev.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/dev.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

i18n: $(STAMP)
	$(BIN)/python scripts/i18n.py build

# hostdesk's own modules compiled ahead (a no-op when up to date): a start that compiles
# ~120 modules first costs about 0.3 s more (bench/RESULTS.md, start-up).
run: $(STAMP) i18n
	$(BIN)/python -m compileall -q hostdesk
	$(BIN)/hostdesk

system-deps:
	bash scripts/system-deps.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# Parallel workers (pytest-xdist), one per core up to 4 (each may run its own PostgreSQL,
# hub, Chromium): `make test TEST_WORKERS=0` runs the suite in one process, as when debugging.
TEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 2); [ "$$n" -gt 4 ] && n=4; echo $$n)

test: system-deps $(STAMP) i18n lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n $(TEST_WORKERS)

# Developer commands.
i18n-update: $(STAMP)
	$(BIN)/python scripts/i18n.py update

# dev.lock first: the desktop's and the hub's locks are held to its versions (-c), so each
# installs exactly what `make test` tested.
LOCK := $(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes -q
lock: $(STAMP)
	$(LOCK) --extra dev -o requirements/dev.lock
	$(LOCK) --extra desktop -c requirements/dev.lock -o requirements/app.lock
	$(LOCK) --extra hub -c requirements/dev.lock -o requirements/hub.lock

# The cache inside the tree: PyInstaller's default is per user, and --clean empties it
# under any other build running beside this one.
bundle: $(STAMP) i18n
	PYINSTALLER_CONFIG_DIR=build/pyinstaller-cache $(BIN)/pyinstaller --noconfirm --clean build.spec

bench: $(STAMP) i18n
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/bench_catalogue.py --runs 5
