#!/usr/bin/env bash
# Benchmark for issue 20 (opt-in, not in CI): N evaluations loaded into a new store, one filtered
# ranking query (bench/store_bench.cc), then `compare --archive` over all of them in 4 formats,
# with wall time and peak memory. Usage: bench/store_bench.sh N sqlite|pg   (after building
# jixiao and store_bench; SELFEVAL=1 also loads N 自评表 and times the 复核 gap list). pg runs
# against a throwaway server (tests/pg_server.sh, fsync on).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000} backend=${2:-sqlite}
if [ "$backend" = pg ] && [ -z "${JIXIAO_TEST_DB_URL:-}" ]; then
  PG_FSYNC=on SELFEVAL=${SELFEVAL:-} exec tests/pg_server.sh bash "$0" "$n" pg
fi
work=/tmp/jixiao-store-bench-$backend-$n
rm -rf "$work" && mkdir -p "$work"
where=$work/archive.db
[ "$backend" = pg ] && where=$JIXIAO_TEST_DB_URL
echo "== $n evaluations, $backend"
/usr/bin/time -f "store_bench: %e s wall, %U s user, %M KB peak" build/bench/store_bench "$where" "$n" ${SELFEVAL:+selfeval}
/usr/bin/time -f "compare --archive $n (xlsx,docx,html,md): %e s wall, %U s user, %M KB peak" \
  build/jixiao compare --archive "$where" -o "$work/out" >/dev/null
[ "$backend" = sqlite ] && du -h "$where" | sed 's/^/store size: /'
rm -rf "$work"
