# One set of task commands for developers and CI (.ci/run calls `make test`).
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed

.PHONY: install demo test lint typecheck unit browser-deps evaluate bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	# torch first and pinned: an unpinned torch pulls a multi-GB CUDA build
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -e '.[dev,export]'
	# the embedder runs on ONNX Runtime: export the packaged weights once, offline
	$(PY) -m accord.embedding export
	touch $(STAMP)

install: $(STAMP)

demo: install  ## set up, then analyse the bundled sample corpus into out/demo
	$(VENV)/bin/accord demo -o out/demo

lint: install
	$(VENV)/bin/ruff check accord tests bench evaluation
	$(VENV)/bin/ruff format --check accord tests bench evaluation

typecheck: install
	$(VENV)/bin/mypy

unit: install
	$(VENV)/bin/pytest -q

test: browser-deps lint typecheck unit  ## set up, then lint, type-check and run the tests

# Outside CI a failed install only warns (the browser tests then skip, naming the fix); under
# CI=true it stops `make test`, so a green CI run is one in which the browser tests ran.
# where tests/browser/conftest.py looks for it
CHROMIUM ?= /usr/bin/chromium
browser-deps:  ## Debian's chromium for the browser tests (never `playwright install`)
	@test -x $(CHROMIUM) || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null 2>&1) || true
	@test -x $(CHROMIUM) || if [ "$$CI" = true ]; then \
	  echo "Chromium ($(CHROMIUM)) is missing and could not be installed: the browser tests need it (apt-get install chromium)" >&2; exit 1; \
	else \
	  echo "Chromium ($(CHROMIUM)) is not installed: the browser tests will skip (apt-get install chromium)" >&2; \
	fi

evaluate: install  ## accuracy scripts against ../shared/data; prints P/R/F1
	for s in evaluation/eval_*.py; do $(PY) $$s || exit 1; done

bench: install  ## cost scripts; prints articles/s and peak RSS
	for s in bench/bench_*.py; do $(PY) $$s || exit 1; done

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
