#!/usr/bin/env bash
# Runs every bench/bench_*.py in a virtualenv of its own, .venv-bench at the
# repository root, with vntext installed from this tree and the comparison
# packages underthesea and pyvi.
#
#   bash bench/run.sh [ARGS...]      (or: make bench)
#
# ARGS are passed to every benchmark (e.g. --mb 2 --repeat 3, --data FILE).
# Environment: PYTHON (default python3), BENCH_VENV (default .venv-bench),
# UNDERTHESEA and PYVI (pip requirement strings, defaults below).
#
# underthesea and pyvi are benchmark baselines only: they are never runtime
# or test dependencies of vntext, and live only in this virtualenv.
#
# About installing underthesea: its plain install (no extras) does not pull
# torch. torch and transformers are only in its "deep" extra, jax in "voice";
# text_normalize needs neither. The plain install brings underthesea_core
# (a compiled wheel), huggingface-hub, requests, click, tqdm, joblib and
# PyYAML; pyvi brings scikit-learn and sklearn-crfsuite. About 400 MB in all.
# text_normalize works offline: it reads a rule file shipped in the wheel.
#
# vntext is reinstalled on every run (pip install --force-reinstall --no-deps .),
# so the figures are always for the sources in this tree. The baselines are
# installed once; delete .venv-bench, or change UNDERTHESEA/PYVI, to redo it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
VENV="${BENCH_VENV:-$ROOT/.venv-bench}"
VPY="$VENV/bin/python"
UNDERTHESEA="${UNDERTHESEA:-underthesea==9.5.0}"
PYVI="${PYVI:-pyvi==0.1.1}"
STAMP="$VENV/.bench-baselines"

cd "$ROOT"

# System packages needed to build vntext (utf8proc, pkg-config, headers).
if command -v make >/dev/null 2>&1 && [ -f Makefile ] && grep -q '^deps:' Makefile; then
    make --no-print-directory deps
fi

if [ ! -x "$VPY" ]; then
    echo "run.sh: creating $VENV"
    "$PYTHON" -m venv "$VENV"
    "$VPY" -m pip install -q --upgrade pip
fi

want="$UNDERTHESEA $PYVI"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$want" ]; then
    echo "run.sh: installing $want into $VENV"
    # shellcheck disable=SC2086
    "$VPY" -m pip install -q $want
    echo "$want" > "$STAMP"
fi

echo "run.sh: installing vntext from $ROOT"
# Build isolation on: pip builds with the build-system requirements of
# pyproject.toml, whatever this virtualenv holds.
"$VPY" -m pip install -q --force-reinstall --no-deps "$ROOT"

echo
echo "installed in $VENV:"
"$VPY" -m pip list --format=freeze 2>/dev/null \
    | grep -iE '^(vntext|underthesea|underthesea[-_]core|pyvi|scikit-learn|numpy)==' \
    | sed 's/^/  /'
echo

# `python bench/x.py` puts bench/ (not the working directory) on sys.path, so
# vntext is imported from the virtualenv, not from python/ in the tree.
status=0
for b in "$ROOT"/bench/bench_*.py; do
    [ -e "$b" ] || continue
    echo "################ $(basename "$b") $*"
    "$VPY" "$b" "$@" || { echo "run.sh: FAILED: $b" >&2; status=1; }
    echo
done
exit $status
