#!/bin/sh
# Builds the libFuzzer targets of the tabular readers with clang (tests/fuzz/standalone) in
# BUILD_DIR and fuzzes each for FUZZ_SECONDS (default 12), seeded from tests/data/import.
# Exits 77 (ctest: skipped) when clang or its libFuzzer runtime (libclang-rt-14-dev) is missing,
# 1 when a target crashes (the reproducer is left in BUILD_DIR/artifacts).
# Usage: run_fuzz.sh BUILD_DIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data="$here/../data/import"
build=${1:?usage: run_fuzz.sh BUILD_DIR}
seconds=${FUZZ_SECONDS:-12}

compiler=""
for candidate in clang++ clang++-14; do
    if command -v "$candidate" >/dev/null 2>&1; then compiler=$(command -v "$candidate"); break; fi
done
mkdir -p "$build"
probe="$build/probe.cpp"
echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' > "$probe"
if [ -z "$compiler" ] || ! "$compiler" -fsanitize=fuzzer "$probe" -o "$build/probe" >/dev/null 2>&1; then
    echo "fuzz: clang++ with libFuzzer absent (paquets clang et libclang-rt-14-dev) : test ignoré"
    exit 77
fi

cmake -S "$here/standalone" -B "$build" -DCMAKE_CXX_COMPILER="$compiler" -DCMAKE_BUILD_TYPE= >/dev/null
nice make -C "$build" -j2 --no-print-directory fuzz_csv_reader fuzz_xlsx_reader >/dev/null

# Seeds: the hand-made files (CSV ones behind an options byte: 0 = automatic), and the
# LibreOffice-like workbook also stored uncompressed so that mutations reach the XML.
seeds="$build/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/csv" "$seeds/xlsx" "$build/corpus/csv" "$build/corpus/xlsx" "$build/artifacts"
for file in "$data"/*.csv "$data"/*.tsv; do
    { printf '\000'; cat "$file"; } > "$seeds/csv/$(basename "$file")"
done
cp "$data"/*.xlsx "$seeds/xlsx/"
/usr/bin/python3 - "$data/libreoffice_like.xlsx" "$seeds/xlsx/stored.xlsx" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as src, zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_STORED) as out:
    for item in src.infolist():
        out.writestr(item.filename, src.read(item.filename))
PY

status=0
for kind in csv xlsx; do
    echo "fuzz: $kind, ${seconds} s"
    if ! "$build/fuzz_${kind}_reader" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$build/artifacts/${kind}-" \
        "$build/corpus/$kind" "$seeds/$kind" > "$build/fuzz_$kind.log" 2>&1; then
        status=1
        tail -n 60 "$build/fuzz_$kind.log"
    fi
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb|cov:" "$build/fuzz_$kind.log" | tail -n 3
done
exit $status
