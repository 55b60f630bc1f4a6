#!/bin/sh
# Runs every benchmark executable built in BUILD_DIR/tests/bench and keeps their lines.
#
# bench_import takes its row counts as arguments and runs each in turn (file written, imported
# on both backends, baselines psql \copy and sqlite3 .import of the same file). By default it
# runs 100,000 rows (a few minutes); the issue's second figure, 1,000,000 rows (tens of minutes,
# 0.4 GB of temporary CSV and about 4 GB of temporary databases), runs when asked:
#   make bench CONCERTO_BENCH_IMPORT_ROWS="100000 1000000"
set -eu
build=${1:-build}
status=0
for bench in "$build"/tests/bench/bench_*; do
    [ -x "$bench" ] || continue
    echo "== $(basename "$bench")"
    case "$(basename "$bench")" in
        bench_import) "$bench" ${CONCERTO_BENCH_IMPORT_ROWS:-} || status=1 ;;
        *) "$bench" || status=1 ;;
    esac
done
exit $status
