#!/usr/bin/env bash
# Benchmark for issue 20 (opt-in, not in CI). One run: N evaluations and N 自评表 loaded into a
# new store, the filtered ranking, the 复核 gap list and the dashboard view timed
# (bench/store_bench.cc), then `compare --archive` over all N in 4 formats (and once more with
# --matrix in the first run), each under /usr/bin/time (wall, user and system CPU, peak RSS),
# with the load average before it. Usage, after building jixiao and store_bench:
#   bench/store_bench.sh N sqlite|pg [RUNS]   RUNS runs (default 3), then the medians
#   bench/store_bench.sh all                  every figure of docs/benchmarks.md: 10³, 10⁴, 10⁵
#                                             on both back ends
# pg runs against a throwaway server (tests/pg_server.sh, fsync on), a new database per run.
# JIXIAO_BIN and STORE_BENCH name other binaries (with JIXIAO_HOME set to this folder).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = all ]; then
  for n in 1000 10000 100000; do
    for backend in sqlite pg; do bash "$0" "$n" "$backend" "${2:-3}"; done
  done
  exit 0
fi
n=${1:-1000} backend=${2:-sqlite} runs=${3:-3}
if [ "$backend" = pg ] && [ -z "${JIXIAO_PG_SOCKET_DIR:-}" ]; then
  PG_FSYNC=on exec tests/pg_server.sh bash "$0" "$n" pg "$runs"
fi
bin=${JIXIAO_BIN:-build/jixiao} bench=${STORE_BENCH:-build/bench/store_bench}
work=/tmp/jixiao-store-bench-$backend-$n
log=$work.log
: >"$log"
timed() {  # timed LABEL COMMAND…: one line "LABEL wall user sys peak_kb"
  local label=$1
  shift
  /usr/bin/time -f "$label %e %U %S %M" -o "$work/time" "$@" >"$work/stdout"
  cat "$work/time" >>"$log"
  [ "$label" != load ] || cat "$work/stdout"
}
for run in $(seq 1 "$runs"); do
  rm -rf "$work" && mkdir -p "$work"
  where=$work/archive.db
  if [ "$backend" = pg ]; then
    createdb -h "$JIXIAO_PG_SOCKET_DIR" -U jixiao "bench$run"
    where="postgresql:///bench$run?host=$JIXIAO_PG_SOCKET_DIR&user=jixiao"
  fi
  echo "== $n evaluations, $backend, run $run; $(uptime | sed 's/.*load/load/')"
  timed load "$bench" "$where" "$n" selfeval | tee -a "$log"
  timed compare "$bin" compare --archive "$where" -o "$work/out"
  if [ "$run" = 1 ]; then
    timed compare-matrix "$bin" compare --archive "$where" --matrix -o "$work/out-m"
  fi
  [ "$backend" = sqlite ] && du -h "$where" | sed 's/^/store size: /'
  rm -rf "$work"
done
# Medians over the runs: wall, CPU (user + system) and peak memory of each step.
python3 - "$log" "$n" "$backend" <<'PY'
import re, statistics, sys
lines = open(sys.argv[1]).read().splitlines()
def med(xs):
    return statistics.median(xs) if xs else float("nan")
steps = {}
for l in lines:
    p = l.split()
    if len(p) == 5 and p[0] in ("load", "compare", "compare-matrix"):
        w, u, s, m = map(float, p[1:])
        steps.setdefault(p[0], []).append((w, u + s, m / 1024))
print("-- medians, %s evaluations, %s:" % (sys.argv[2], sys.argv[3]))
for k, v in steps.items():
    print("%s (%d runs): wall %.2f s, CPU %.2f s, peak %.1f MB" % (
        k, len(v), med([x[0] for x in v]), med([x[1] for x in v]), med([x[2] for x in v])))
for name, pat in (("load, evaluations/s", r"load \d+ evaluations: .*?([\d.]+) evaluations/s"),
                  ("load, 自评表/s", r"load \d+ self-evaluations: .*?([\d.]+)/s"),
                  ("filtered ranking, ms", r"ranking query .*median ([\d.]+) ms"),
                  ("gap list worst 100, ms", r"worst 100 of all\): .*median ([\d.]+) ms"),
                  ("dashboard view p95, ms", r"dashboard view \(.*p95 ([\d.]+) ms")):
    xs = [float(m.group(1)) for l in lines for m in [re.search(pat, l)] if m]
    print("%s: median %.1f over %d runs" % (name, med(xs), len(xs)))
PY
