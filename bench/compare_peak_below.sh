#!/usr/bin/env bash
# compare --archive below the 5,000-evaluation summary threshold, where the comparison is the
# in-memory one (issue 20): 10³, 2,500 and 5,000 generated evaluations (bench/store_bench, no
# 自评表), each compared once in 4 formats under /usr/bin/time: wall, CPU (user + system), peak RSS.
# Usage: bench/compare_peak_below.sh sqlite|pg [JIXIAO…]   (default build/jixiao; several binaries
# are each run on the same stores, e.g. a build before and after a change). pg runs against a
# throwaway server (tests/pg_server.sh, fsync on), one database per N.
set -euo pipefail
cd "$(dirname "$0")/.."
backend=${1:-sqlite}
shift || true
[ $# -gt 0 ] || set -- build/jixiao
if [ "$backend" = pg ] && [ -z "${JIXIAO_PG_SOCKET_DIR:-}" ]; then
  PG_FSYNC=on exec tests/pg_server.sh bash "$0" pg "$@"
fi
bench=${STORE_BENCH:-build/bench/store_bench}
work=$(mktemp -d /tmp/jixiao-peak-below.XXXXXX)
trap 'rm -rf "$work"' EXIT
echo "| binary | N | back end | wall | CPU | peak RSS | load |"
echo "|---|---|---|---|---|---|---|"
for n in 1000 2500 5000; do
  where=$work/s$n.db
  if [ "$backend" = pg ]; then
    createdb -h "$JIXIAO_PG_SOCKET_DIR" -U jixiao "peak$n"
    where="postgresql:///peak$n?host=$JIXIAO_PG_SOCKET_DIR&user=jixiao"
  fi
  "$bench" "$where" "$n" >/dev/null
  for bin in "$@"; do
    rm -rf "$work/out"
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$bin" compare --archive "$where" \
      -o "$work/out" >/dev/null
    read -r wall user sys kb <"$work/time"
    printf '| %s | %s | %s | %.2f s | %.2f s | %.1f MB | %s |\n' "$bin" "$n" "$backend" "$wall" \
      "$(echo "$user + $sys" | bc)" "$(echo "$kb / 1024" | bc -l)" "$load"
  done
done
