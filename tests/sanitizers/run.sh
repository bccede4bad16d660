#!/usr/bin/env bash
# The reliability pass of the README's test command: the whole test suite
# again, built by clang with AddressSanitizer and UndefinedBehaviorSanitizer
# (any report fails the run), then each libFuzzer target for a while on its
# corpus, after replaying every input that ever crashed it.
#
#   tests/sanitizers/run.sh [BUILD_DIR] [FUZZ_SECONDS]    (defaults: build-sanitize, 60)
set -euo pipefail
cd "$(dirname "$0")/../.."

build_dir="${1:-build-sanitize}"
fuzz_seconds="${2:-60}"
here="$(pwd)"

# -O1 with line tables: reports name file and line, and the build and the
# suite stay fast enough for CI.
cmake -S . -B "$build_dir" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
    -DRAPPORT_FUZZ=ON -DRAPPORT_BUILD_BENCHMARKS=OFF -DRAPPORT_WERROR=ON
cmake --build "$build_dir" --parallel "$(nproc)"

export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:detect_stack_use_after_return=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$here/tests/sanitizers/lsan.supp:print_suppressions=0"
ctest --test-dir "$build_dir" --output-on-failure --parallel "$(nproc)" --timeout 900

fuzz() {
    local target=$1 max_len=$2
    shift 2
    local corpus="$build_dir/fuzz-corpus/$target" log="$build_dir/fuzz-$target.log" status=0
    local seeds=()
    for seed in "$@"; do
        if [[ -d $seed ]]; then seeds+=("$seed"); fi
    done
    mkdir -p "$corpus"
    rm -f "$build_dir"/fuzz-"$target"-*
    echo "Fuzzing $target for ${fuzz_seconds} s, seeds from: ${seeds[*]}"
    "$build_dir/tests/fuzz_$target" -max_total_time="$fuzz_seconds" -max_len="$max_len" -timeout=30 \
        -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$build_dir/fuzz-$target-" \
        "$corpus" "${seeds[@]}" >"$log" 2>&1 || status=$?
    grep -E "^#[0-9]+ +(INITED|DONE)|^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)" "$log" || true
    if ((status != 0)) || compgen -G "$build_dir/fuzz-$target-*" >/dev/null; then
        tail -n 60 "$log" >&2
        echo "fuzz_$target failed (exit $status); the input it failed on is in $build_dir/fuzz-$target-*" >&2
        exit 1
    fi
}

fuzz vcard 65536 tests/data/fuzz-regressions ../shared/vcard-corpus
fuzz datafile 262144 tests/fuzz/corpus/datafile tests/data/fuzz-regressions-datafile
