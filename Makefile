# IGR Register: `make run` serves the register with demonstration data; `make test` runs the whole suite.
# Both set everything up on a fresh Debian machine (system packages when run as root, the virtual
# environment, the database), so they are the only two commands a newcomer needs.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install system-deps eval lint style assets messages docs benchmarks clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json
	npm install --no-audit --no-fund --loglevel=error
	touch $@

install: system-deps $(BIN)/.installed

system-deps:
	@scripts/system_deps.sh

# Development only: IGR_DEBUG=1 (debug pages, a fixed secret key, plain http). A deployment is docs/deploy.md.
run: export IGR_DEBUG = 1
run: install
	$(BIN)/igr migrate --no-input -v0
	$(BIN)/igr load_demo -v0 > /dev/null
	$(BIN)/igr load_reporting_demo -v0 > /dev/null
	$(BIN)/igr export var/export > /dev/null
	@echo "IGR Register: http://$(HOST):$(PORT)/  (English /en/, Cymraeg /cy/)"
	$(BIN)/igr runserver $(HOST):$(PORT)

test: install node_modules/.installed
	scripts/test.sh

eval: install
	scripts/eval_extraction.sh

lint: install
	$(BIN)/ruff check src tests benchmarks scripts

# What CI checks before the tests: lint, formatting, and types where the code is typed (pyproject's [tool.mypy]).
style: install
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/mypy

# The CLI reference is generated from the commands; the docs test fails while anything has drifted.
docs: export IGR_DEBUG = 1
docs: install
	$(BIN)/python scripts/gen_cli_docs.py
	$(BIN)/pytest -q -p no:cacheprovider tests/test_docs.py

# Speed and memory figures at the sizes the targets are set for (several minutes; each script's --help
# gives smaller sizes). PostgreSQL figures: run a script with DATABASE_URL set (see its docstring).
benchmarks: install
	$(BIN)/python benchmarks/extract_speed.py
	$(BIN)/python benchmarks/render_speed.py
	$(BIN)/python benchmarks/ingest_speed.py
	$(BIN)/python benchmarks/site_latency.py

messages: export IGR_DEBUG = 1
messages: install
	# The project catalogue covers register/, templates/ and settings; each other app keeps its own locale/.
	cd src/igr && ../../$(BIN)/django-admin makemessages -l cy --settings=igr.settings -i 'extract/*' -i 'reporting/*' -i 'ingest/*' -i 'api/*' -i 'public/*' -i 'harvest/*' -i 'static/*' -i 'accounts/*' -i 'ops/*' -i 'audit/*' -i 'follow/*'
	for app in public reporting ingest api harvest accounts ops audit follow; do \
	  if [ -d src/igr/$$app/locale ]; then (cd src/igr/$$app && ../../../$(BIN)/django-admin makemessages -l cy --settings=igr.settings); fi; \
	done
	cd src/igr && ../../$(BIN)/django-admin compilemessages -l cy --settings=igr.settings

assets:
	scripts/build_assets.sh

clean:
	rm -rf $(VENV) var .pytest_cache
