# vntext: build, test, fuzz, benchmark.
#
#   make demo    installs what is missing, builds, runs `python -m vntext`
#   make test    C tests, Python tests, C tests again under ASan/UBSan
#   make fuzz    libFuzzer targets in tests/fuzz, FUZZ_TIME seconds each
#   make tables  regenerates the committed csrc/*_table*.h with tools/gen_*.py
#   make bench   bash bench/run.sh
#   make model   retrains python/vntext/segmenter.bin (needs ../shared/data; numpy in .venv)
#   make clean   removes build output (distclean also removes .venv)
#
# Missing system packages are installed with apt-get when running as root on
# Debian/Ubuntu; otherwise make stops and names them.

SHELL := /bin/bash
.DEFAULT_GOAL := test
.DELETE_ON_ERROR:

PYTHON ?= python3
ifeq ($(origin CC),default)
CC := gcc
endif
CLANG ?= clang
CFLAGS ?= -O2 -g
FUZZ_TIME ?= 60

VENV := .venv
VPY := $(VENV)/bin/python

CSRC := $(sort $(wildcard csrc/*.c))
CHDR := $(sort $(wildcard csrc/*.h))
BINDING := python/vntext/_vntext.c $(wildcard python/vntext/*.h)

# Expanded when a recipe runs, that is after `deps` may have installed them.
UTF8PROC_CFLAGS = $(shell pkg-config --cflags libutf8proc)
UTF8PROC_LIBS = $(shell pkg-config --libs libutf8proc)

C_FLAGS = -std=c11 -Wall -Wextra -Icsrc -Itests/c $(CFLAGS)
SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
FUZZ_FLAGS := -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

CTEST_SRC := $(sort $(wildcard tests/c/test_*.c))
CTEST_BIN := $(patsubst tests/c/%.c,tests/c/bin/%,$(CTEST_SRC))
CTEST_SAN := $(patsubst tests/c/%.c,tests/c/bin/san/%,$(CTEST_SRC))
# The same tests with the SIMD paths of csrc/ compiled out (the portable C
# that other CPUs run): -U__SSE2__ turns off the code guarded by it.
CTEST_PORT := $(patsubst tests/c/%.c,tests/c/bin/portable/%,$(CTEST_SRC))
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN := $(patsubst tests/fuzz/%.c,tests/fuzz/bin/%,$(FUZZ_SRC))

STAMP_VENV := $(VENV)/.vntext-venv
STAMP_BUILD := $(VENV)/.vntext-build
SRCLIST := $(VENV)/.vntext-srclist

.PHONY: all deps fuzz-deps venv build demo test ctest ctest-portable ctest-avx2 ctest-san pytest fuzz \
        tables bench model clean distclean FORCE

all: build

# ---------------------------------------------------------------------------
# System packages

deps:
	@missing=""; \
	command -v "$(PYTHON)" >/dev/null 2>&1 || missing="$$missing python3"; \
	command -v "$(CC)" >/dev/null 2>&1 || missing="$$missing gcc libc6-dev"; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	pkg-config --exists libutf8proc 2>/dev/null || missing="$$missing libutf8proc-dev"; \
	if command -v "$(PYTHON)" >/dev/null 2>&1; then \
	  "$(PYTHON)" -c 'import ensurepip, venv' >/dev/null 2>&1 || missing="$$missing python3-venv"; \
	  "$(PYTHON)" -c 'import os, sys, sysconfig; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' \
	    || missing="$$missing python3-dev"; \
	else \
	  missing="$$missing python3-venv python3-dev"; \
	fi; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "make deps: installing$$missing"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get update -q && apt-get install -y -q --no-install-recommends $$missing || exit 1; \
	  else \
	    echo "make deps: missing$$missing" >&2; \
	    echo "  Debian/Ubuntu: sudo apt-get install$$missing" >&2; \
	    echo "  macOS: brew install pkg-config utf8proc (and a Python with headers)" >&2; \
	    exit 1; \
	  fi; \
	fi; \
	pkg-config --exists libutf8proc || { echo "make deps: pkg-config cannot find libutf8proc (install libutf8proc-dev)" >&2; exit 1; }; \
	command -v "$(CC)" >/dev/null || { echo "make deps: no C compiler '$(CC)' (install gcc)" >&2; exit 1; }

fuzz-deps: deps
	@probe=$$(mktemp -d); \
	printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
	  'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }' \
	  > "$$probe/p.c"; \
	ok() { command -v "$(CLANG)" >/dev/null 2>&1 && \
	  "$(CLANG)" $(FUZZ_FLAGS) -o "$$probe/p" "$$probe/p.c" >/dev/null 2>&1; }; \
	if ! ok; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "make fuzz-deps: installing clang libclang-rt-dev"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get update -q && apt-get install -y -q clang libclang-rt-dev || { rm -rf "$$probe"; exit 1; }; \
	  fi; \
	  ok || { rm -rf "$$probe"; \
	    echo "make fuzz-deps: '$(CLANG)' cannot build libFuzzer targets; install clang and its runtime (Debian: apt-get install clang libclang-rt-dev)" >&2; \
	    exit 1; }; \
	fi; \
	rm -rf "$$probe"

# ---------------------------------------------------------------------------
# Python package in .venv, built in place (editable install)

# Rewritten only when the list of C sources changes, so that adding or
# removing a file triggers a rebuild even though no timestamp moved.
$(SRCLIST): FORCE
	@mkdir -p $(VENV)
	@echo '$(CSRC) $(CHDR) $(BINDING)' | cmp -s - $@ || echo '$(CSRC) $(CHDR) $(BINDING)' > $@

$(STAMP_VENV): pyproject.toml setup.py | deps
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install -q 'setuptools>=77'
	$(VPY) -m pip install -q --no-build-isolation -e '.[test]'
	touch $@ $(STAMP_BUILD)

# (A venv made in this run has just built the extension, pip install -e:
# no second build when the stamp is newer than every source.)
$(STAMP_BUILD): $(SRCLIST) $(STAMP_VENV) $(CSRC) $(CHDR) $(BINDING) setup.py
	@if [ -f $@ ] && [ -z "$$(find $(SRCLIST) $(CSRC) $(CHDR) $(BINDING) setup.py -newer $@)" ]; then \
	  echo "make: the extension is up to date"; \
	else \
	  echo "$(VPY) setup.py -q build_ext --inplace --force"; \
	  $(VPY) setup.py -q build_ext --inplace --force || exit 1; \
	fi
	touch $@

venv: $(STAMP_VENV)
build: deps $(STAMP_BUILD)

demo: build
	$(VPY) -m vntext

# ---------------------------------------------------------------------------
# Tests

tests/c/bin/%: tests/c/%.c $(CSRC) $(CHDR) tests/c/check.h | deps
	@mkdir -p $(@D)
	$(CC) $(C_FLAGS) -o $@ $< $(CSRC) $(UTF8PROC_CFLAGS) $(UTF8PROC_LIBS)

tests/c/bin/san/%: tests/c/%.c $(CSRC) $(CHDR) tests/c/check.h | deps
	@mkdir -p $(@D)
	$(CC) $(C_FLAGS) $(SAN_FLAGS) -o $@ $< $(CSRC) $(UTF8PROC_CFLAGS) $(UTF8PROC_LIBS)

tests/c/bin/portable/%: tests/c/%.c $(CSRC) $(CHDR) tests/c/check.h | deps
	@mkdir -p $(@D)
	$(CC) $(C_FLAGS) -U__SSE2__ -o $@ $< $(CSRC) $(UTF8PROC_CFLAGS) $(UTF8PROC_LIBS)

# The sentence splitter's fast pass in its 32-byte (AVX2) form, which a CPU
# with AVX-512 would not run otherwise.
tests/c/bin/avx2/%: tests/c/%.c $(CSRC) $(CHDR) tests/c/check.h | deps
	@mkdir -p $(@D)
	$(CC) $(C_FLAGS) -DVNT_NO_AVX512 -o $@ $< $(CSRC) $(UTF8PROC_CFLAGS) $(UTF8PROC_LIBS)

# Runs every program, then fails if any failed.
define run_all
	@fail=0; for t in $(1); do \
	  echo "== $$t"; \
	  ./$$t || { echo "FAILED: $$t" >&2; fail=1; }; \
	done; exit $$fail
endef

ctest: $(CTEST_BIN)
	$(call run_all,$(CTEST_BIN))

ctest-portable: $(CTEST_PORT)
	$(call run_all,$(CTEST_PORT))

ctest-avx2: tests/c/bin/avx2/test_sentences
	$(call run_all,tests/c/bin/avx2/test_sentences)

ctest-san: export ASAN_OPTIONS := detect_leaks=1:abort_on_error=0
ctest-san: export UBSAN_OPTIONS := print_stacktrace=1:halt_on_error=1
ctest-san: $(CTEST_SAN)
	$(call run_all,$(CTEST_SAN))

pytest: build
	$(VPY) -m pytest -q tests

test: build
	$(MAKE) --no-print-directory ctest
	$(MAKE) --no-print-directory ctest-portable
	$(MAKE) --no-print-directory ctest-avx2
	$(MAKE) --no-print-directory pytest
	$(MAKE) --no-print-directory ctest-san

# ---------------------------------------------------------------------------
# Fuzzing

tests/fuzz/bin/%: tests/fuzz/%.c $(CSRC) $(CHDR) | fuzz-deps
	@mkdir -p $(@D)
	$(CLANG) -std=c11 -g -O1 -Icsrc $(FUZZ_FLAGS) -o $@ $< $(CSRC) $(UTF8PROC_CFLAGS) $(UTF8PROC_LIBS)

fuzz: $(FUZZ_BIN)
	@for f in $(FUZZ_BIN); do \
	  n=$$(basename $$f); corpus=tests/fuzz/corpus-run/$$n; mkdir -p $$corpus; \
	  seeds=; [ -d tests/fuzz/seeds/$$n ] && seeds=tests/fuzz/seeds/$$n; \
	  echo "== $$n for $(FUZZ_TIME)s"; \
	  ./$$f -max_total_time=$(FUZZ_TIME) -timeout=10 -rss_limit_mb=4096 \
	    -artifact_prefix=tests/fuzz/bin/$$n- -print_final_stats=1 $$corpus $$seeds \
	    || { echo "FAILED: $$n (reproducer: tests/fuzz/bin/$$n-*)" >&2; exit 1; }; \
	done

# ---------------------------------------------------------------------------
# Generated tables, benchmarks, cleaning

tables:
	@set -e; for g in tools/gen_*.py; do \
	  [ -e "$$g" ] || continue; echo "$(PYTHON) $$g"; "$(PYTHON)" "$$g"; \
	done

bench:
	bash bench/run.sh

# numpy is a training-only dependency: installed into .venv for this target.
model: build
	$(VPY) -c 'import numpy' 2>/dev/null || $(VPY) -m pip install -q numpy
	$(VPY) tools/train_segmenter.py
	$(VPY) tools/train_segmenter.py --vectors tools/segmenter_vectors.txt

clean:
	rm -rf build tests/c/bin tests/fuzz/bin python/vntext/*.so python/*.egg-info *.egg-info
	rm -f $(STAMP_BUILD) $(SRCLIST)
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) tests/fuzz/corpus-run .pytest_cache .hypothesis

FORCE:
