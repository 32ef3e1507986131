# Fingertip developer tasks. `make demo` and `make test` are all a fresh machine needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
TESTS ?=
PYTEST_ARGS := $(if $(TESTS),-k "$(TESTS)",)

.PHONY: venv demo test lint typecheck golden samples samples-ios samples-ios-check rules-doc sdk-doc peers bench accuracy fuzz clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	@rm -rf demo-report
	@# Exit 1 means "findings at or above --fail-on": the samples have them on purpose.
	@$(BIN)/fingertip scan samples/*.apk samples/*.ipa -o demo-report --format html,json,sarif --lang zh; \
	  code=$$?; if [ $$code -gt 1 ]; then exit $$code; fi
	@echo
	@echo "HTML reports written to: $$(pwd)/demo-report/"
	@ls -1 demo-report/*.html | sed 's/^/  /'

test: $(STAMP)
	$(BIN)/ruff check scanner tests scripts
	$(BIN)/mypy
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check scanner tests scripts
	$(BIN)/ruff format --check scanner tests scripts

typecheck: $(STAMP)
	$(BIN)/mypy

golden: $(STAMP)
	$(PY) -m pytest tests/e2e/test_golden.py --update-golden

samples:
	$(PYTHON) scripts/build_samples.py

# iOS samples: clang, ld64.lld-16 and hand-written .tbd stubs (samples/README.md); the
# signature and profile are written with `cryptography`, hence the venv.
samples-ios: $(STAMP)
	$(PY) scripts/build_samples_ios.py

samples-ios-check: $(STAMP)
	$(PY) scripts/build_samples_ios.py --check

rules-doc: $(STAMP)
	$(BIN)/fingertip rules list --format markdown > docs/rules.md

sdk-doc: $(STAMP)
	$(PY) scripts/gen_sdk_doc.py

peers:
	bash scripts/peers_setup.sh

bench: $(STAMP) peers
	$(PY) scripts/bench.py
	$(PY) scripts/bench_warm.py
	$(PY) scripts/bench_graph.py
	$(PY) scripts/bench_ios.py
	$(PY) scripts/bench_batch.py

# ACCURACY.md (identity vs aapt/apksigner/openssl/plistlib, trackers vs exodus-core, recall on
# the vulnerable-by-design apps; exits 1 below 100% identity), then BENCHMARKS.md's code findings.
accuracy: $(STAMP) peers
	$(PY) scripts/accuracy.py
	$(PY) scripts/code_findings.py

# Mutants of samples/ scanned one process each (scripts/fuzz.py); results → BENCHMARKS.md.
FUZZ_N ?= 10000
fuzz: $(STAMP)
	$(PY) scripts/fuzz.py --count $(FUZZ_N)

clean:
	rm -rf $(VENV) demo-report .pytest_cache .mypy_cache .ruff_cache build dist
