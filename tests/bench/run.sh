#!/bin/sh
# Runs every benchmark executable built in BUILD_DIR/tests/bench and keeps their lines.
set -eu
build=${1:-build}
status=0
for bench in "$build"/tests/bench/bench_*; do
    [ -x "$bench" ] || continue
    echo "== $(basename "$bench")"
    "$bench" || status=1
done
exit $status
