# The two commands a newcomer needs: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
FLASK := $(BIN)/flask --app wsgi
# The access log leaves out query strings (they can hold what was typed).
ACCESS_LOG_FORMAT := %(h)s %(t)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms
# Tests run in parallel, one process per core.
PYTEST_ARGS ?= -n auto

.PHONY: run test test-sqlite test-postgres test-deep bench lighthouse lint audit chromium vnu clean

# Runtime packages only; the stamp files make reinstalling happen only when pyproject changes.
$(VENV)/.run-installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml $(VENV)/.run-installed
	$(BIN)/pip install -q -e '.[test]'
	touch $@

# Serve on http://127.0.0.1:$(PORT). On an empty database: the first manager account and,
# unless DEMO=0, demo data for every area (demo accounts are printed).
run: $(VENV)/.run-installed
	$(FLASK) db upgrade
	$(FLASK) first-run
	@if [ "$(DEMO)" != "0" ]; then $(FLASK) demo-data --if-empty; fi
	$(BIN)/gunicorn --workers 2 --worker-class gthread --threads 4 --bind 127.0.0.1:$(PORT) \
	  --access-logfile - --access-logformat '$(ACCESS_LOG_FORMAT)' wsgi:app

# Every test, browser tests included, on SQLite and then on a throwaway PostgreSQL server.
test: test-sqlite test-postgres

test-sqlite: $(VENV)/.test-installed chromium vnu
	$(BIN)/pytest $(PYTEST_ARGS)

test-postgres: $(VENV)/.test-installed chromium vnu
	scripts/with-postgres $(BIN)/pytest $(PYTEST_ARGS)

# Twenty times more random examples for every hypothesis test, to find new ones (the usual
# run uses a fixed seed). Run it by hand now and then; pin what it finds with @example.
test-deep: $(VENV)/.test-installed
	HYPOTHESIS_PROFILE=deep $(BIN)/pytest $(PYTEST_ARGS) -m hypothesis

bench: $(VENV)/.test-installed
	$(BIN)/python -m tests.bench

# Lighthouse (mobile) over the busy pages, three runs each, against `make run` on $(PORT)
# (another terminal). Lighthouse 12 comes from npm into .tools/.
LIGHTHOUSE_VERSION := 12.8.2
lighthouse: $(VENV)/.test-installed chromium .tools/.lighthouse-$(LIGHTHOUSE_VERSION)
	PYTHONPATH=. $(BIN)/python scripts/lighthouse.py http://127.0.0.1:$(PORT)

.tools/.lighthouse-$(LIGHTHOUSE_VERSION):
	$(call debian_package,npm,npm,to fetch Lighthouse)
	npm install --silent --no-save --no-package-lock --no-audit --no-fund \
	  --prefix .tools/lighthouse lighthouse@$(LIGHTHOUSE_VERSION)
	touch $@

# Style, and the boundaries between areas (the contracts in pyproject.toml).
lint: $(VENV)/.test-installed
	$(BIN)/ruff check app tests
	$(BIN)/lint-imports --no-cache

# Security: bandit over our code, then pip-audit over every installed package. pip-audit
# needs to reach PyPI's vulnerability data; --strict makes it fail when it cannot check.
audit: $(VENV)/.test-installed
	$(BIN)/pip install -q -e '.[audit]'
	$(BIN)/bandit -q -c pyproject.toml -r app
	$(BIN)/pip-audit --skip-editable --strict

# Debian's Chromium for the browser tests, installed when missing and we are root.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Chromium (Debian package)..."; \
	    apt-get install -y -q chromium >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null; }; \
	  else echo "Install Debian's chromium package for the browser tests." >&2; exit 1; fi; }

# The Nu HTML Checker (vnu.jar, from npm's vnu-jar, pinned) for
# tests/integration/test_html_valid.py, in .tools/ (git-ignored), and Debian's Java to run it.
# The package's postinstall would fetch a Java of its own from GitHub: --ignore-scripts skips it.
VNU_VERSION := 26.9.27
VNU_JAR := .tools/node_modules/vnu-jar/build/dist/vnu.jar
vnu: .tools/.vnu-$(VNU_VERSION)
	$(call debian_package,java,default-jre-headless,for the HTML check)

.tools/.vnu-$(VNU_VERSION):
	$(call debian_package,npm,npm,to fetch the HTML checker)
	npm install --silent --no-save --no-package-lock --no-audit --no-fund --ignore-scripts \
	  --prefix .tools vnu-jar@$(VNU_VERSION)
	test -f $(VNU_JAR)
	touch $@

# $(call debian_package,command,package,what for): installs the package when the command is
# missing and we are root; otherwise says what to install.
define debian_package
@command -v $(1) >/dev/null 2>&1 || { \
  if [ "$$(id -u)" = 0 ]; then \
    echo "Installing $(2) (Debian package)..."; \
    apt-get install -y -q $(2) >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q $(2) >/dev/null; }; \
  else echo "Install Debian's $(2) package $(3)." >&2; exit 1; fi; }
endef

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .tools
