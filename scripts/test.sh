#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, golden, malformed-input cases).
# Usage: scripts/test.sh              the suite on the Release build in build/
#        scripts/test.sh --sanitize   the whole suite again under ASan/UBSan (clang, build-sanitize/);
#                                     fails on any sanitizer report (they are also kept as files)
#        scripts/test.sh --ci         both, then a short fuzz pass (scripts/fuzz.sh 30)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}
scripts/bootstrap.sh
if [ "$mode" = "" ] || [ "$mode" = "--ci" ]; then
  scripts/build.sh
  ctest --test-dir build --output-on-failure -j2
fi
if [ "$mode" = "--sanitize" ] || [ "$mode" = "--ci" ]; then
  # One instrumented build serves the sanitizer suite and the fuzz harnesses (scripts/fuzz.sh).
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  CC=clang CXX=clang++ cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DJIXIAO_SANITIZE=ON -DJIXIAO_FUZZ=ON "${launcher[@]}" >/dev/null
  cmake --build build-sanitize -j2
  reports=$PWD/build-sanitize/sanitizer-reports
  rm -rf "$reports" && mkdir -p "$reports"
  export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:log_path=$reports/asan"
  export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1:log_path=$reports/ubsan"
  suite=0
  ctest --test-dir build-sanitize --output-on-failure -j2 || suite=1
  count=$(find "$reports" -type f | wc -l)
  echo "sanitizer suite: $count sanitizer reports"
  find "$reports" -type f -exec cat {} +
  [ "$suite" -eq 0 ] && [ "$count" -eq 0 ] || exit 1
fi
if [ "$mode" = "--ci" ]; then
  scripts/fuzz.sh 30
fi
