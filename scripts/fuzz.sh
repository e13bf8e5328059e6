#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, -fsanitize=fuzzer,address,undefined) into build-sanitize/
# (the instrumented build scripts/test.sh --sanitize also uses)
# and runs each for SECONDS (default 30) from its seed corpus in tests/fuzz/corpus/<reader>/.
# Usage: scripts/fuzz.sh [SECONDS] [READER…]     readers: json csv markup targets survey xlsx
#   templates attachments (a template folder; a case's attachments/ and images/)
# Env: FUZZ_RUNS=N stops each harness after N inputs (SECONDS stays the upper bound).
# One harness at a time, on one core.
# A crash leaves its input in build-sanitize/artifacts/<reader>/ and makes the script exit 1; turn
# each one into a regression case in tests/malformed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
readers=("$@")
[ ${#readers[@]} -eq 0 ] && readers=(json csv markup targets survey xlsx templates attachments)
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
CC=clang CXX=clang++ cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJIXIAO_SANITIZE=ON -DJIXIAO_FUZZ=ON \
  "${launcher[@]}" >/dev/null
targets=()
for r in "${readers[@]}"; do targets+=("fuzz_$r"); done
cmake --build build-sanitize -j2 --target "${targets[@]}"
status=0
for r in "${readers[@]}"; do
  work=build-sanitize/corpus/$r artifacts=build-sanitize/artifacts/$r
  mkdir -p "$work" "$artifacts"
  cp -n tests/fuzz/corpus/$r/* "$work"/ 2>/dev/null || true
  budget=(-max_total_time="$seconds")
  [ -n "${FUZZ_RUNS:-}" ] && budget+=(-runs="$FUZZ_RUNS")
  log=build-sanitize/fuzz_$r.log
  if ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    build-sanitize/tests/fuzz/harness/fuzz_"$r" "${budget[@]}" -max_len=65536 -timeout=20 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    echo "fuzz $r: $runs executions, 0 crashes"
  else
    echo "fuzz $r: CRASH — see $log and $artifacts/"
    tail -n 30 "$log"
    status=1
  fi
done
exit $status
