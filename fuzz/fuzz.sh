#!/usr/bin/env bash
# Builds and runs a fuzz target with libFuzzer on the stable toolchain (no nightly, no
# cargo-fuzz): the coverage instrumentation cargo-fuzz asks for is passed as stable
# -C flags. With ASAN=1 AddressSanitizer is added, which takes -Zsanitizer and so
# RUSTC_BOOTSTRAP=1.
#
#   fuzz/fuzz.sh TARGET [SECONDS] [libFuzzer flags...]
#
# TARGET is extract_bytes, date or json_ld. The corpus grows in fuzz/corpus/TARGET (seeded by
# fuzz/seed.sh), crashes land in fuzz/artifacts/TARGET; neither is committed.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: fuzz.sh TARGET [SECONDS] [libFuzzer flags...]}
seconds=${2:-600}
shift $(( $# < 2 ? $# : 2 ))

flags="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4"
flags+=" -Cllvm-args=-sanitizer-coverage-inline-8bit-counters"
flags+=" -Cllvm-args=-sanitizer-coverage-pc-table"
flags+=" -Cllvm-args=-sanitizer-coverage-trace-compares"
flags+=" --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
if [ "${ASAN:-0}" = 1 ]; then
    export RUSTC_BOOTSTRAP=1
    flags+=" -Zsanitizer=address"
fi
# An explicit --target keeps RUSTFLAGS off build scripts and proc macros.
host=$(rustc -vV | sed -n 's/^host: //p')
RUSTFLAGS="$flags" cargo build --release --target "$host" --bin "$target"
binary="target/$host/release/$target"

mkdir -p "corpus/$target" "artifacts/$target"
exec "$binary" "corpus/$target" \
    -artifact_prefix="artifacts/$target/" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
    -print_final_stats=1 "$@"
