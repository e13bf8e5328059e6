#!/usr/bin/env bash
# Issue 20's serve benchmark (bench/serve_bench.py) on SQLite and on a temporary PostgreSQL
# (tests/pg_server.sh): the bureau's pages at 10^4 and 10^5 evaluations. Opt-in, not in ctest.
# Usage: bench/serve_bench.sh [BUILD_DIR] [N…]   (default build, 10000 100000)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
shift || true
sizes=${*:-10000 100000}
cmake --build "$build" --target jixiao serve_seed -j2 >/dev/null
/usr/bin/python3 -u "$here/bench/serve_bench.py" "$build/jixiao" "$build/bench/serve_seed" $sizes
bash "$here/tests/pg_server.sh" /usr/bin/python3 -u "$here/bench/serve_bench.py" "$build/jixiao" \
  "$build/bench/serve_seed" $sizes --pg
