# One set of task commands for developers and CI (.ci/run calls `make test`).
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
# torch, sentence-transformers and onnx only export the embedder to ONNX (accord._onnx_export),
# so they live in a venv of their own: thinc imports torch whenever it is installed beside
# spaCy, about 1 s of every model load, and the run-time venv then holds none of them.
EXPORT_VENV ?= .venv-export
EXPORT_PY := $(EXPORT_VENV)/bin/python
EXPORT_STAMP := $(EXPORT_VENV)/.installed

.PHONY: install export demo test lint typecheck unit browser-deps evaluate bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[dev]'
	# a venv made when torch was installed beside spaCy: thinc would still import it
	$(PIP) uninstall -q -y torch sentence-transformers
	touch $(STAMP)

$(EXPORT_STAMP): pyproject.toml
	test -x $(EXPORT_PY) || python3 -m venv $(EXPORT_VENV)
	$(EXPORT_PY) -m pip install -q --upgrade pip
	# torch first and pinned: an unpinned torch pulls a multi-GB CUDA build
	$(EXPORT_PY) -m pip install -q torch==2.13.0
	$(EXPORT_PY) -m pip install -q --group export
	touch $(EXPORT_STAMP)

# The packaged weights exported once, offline, into the cache folder, with the
# sentence-transformers vectors the embedder's tests compare with; a no-op once they are there.
export: $(EXPORT_STAMP)  ## build the ONNX embedder (torch: a build dependency only)
	$(EXPORT_PY) -m accord.embedding export

install: $(STAMP) export

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
