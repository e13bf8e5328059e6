#!/usr/bin/env bash
# Benchmark for issue 7: 1,000 generated cases through `archive add`, `compare` (from the case
# directories and from the archive) and every report (one batch `report`, both cores). Prints wall time and
# peak memory of each step. Usage: bench/compare_bench.sh [N]   (after scripts/build.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
work=/tmp/jixiao-compare-bench
rm -rf "$work" && mkdir -p "$work"
build/bench/score_bench "$n" 1 "$work/cases" >/dev/null   # generates the cases (and scores them once)
cases=$(ls -d "$work"/cases/case-* | sort -V)
step() {  # name, command…
  local name=$1; shift
  /usr/bin/time -f "$name: %e s wall, %M KB peak" "$@" >/dev/null 2>"$work/time.txt" || { cat "$work/time.txt"; exit 1; }
  tail -n 1 "$work/time.txt"
}
step "archive add $n" build/jixiao archive add $cases --archive "$work/archive.db"
step "compare $n (case dirs)" build/jixiao compare $cases -o "$work/compare"
step "compare $n (archive)" build/jixiao compare --archive "$work/archive.db" -o "$work/compare-archive"
step "report $n cases × 4 formats (batch, all cores)" build/jixiao report $cases -o "$work/reports"
