#!/usr/bin/env bash
# The goals table of issue 25 in one command: whole-process medians of `jixiao report` per format
# (--no-toc-pages), `score` and `--help`; the default `report` with TOC page numbers (LibreOffice);
# jixiao against the python-docx + XlsxWriter peer (bench/peer_report.py), run alternately in the
# same call; a batch `report` of N generated cases in four formats. Opt-in: not part of ctest.
# Usage: [JIXIAO_BIN=…] bench/run.sh [RUNS] [BATCH]   (after scripts/build.sh or a Release build)
# Writes only under $JIXIAO_BENCH_DIR (default /tmp/jixiao-bench-run); prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-21}
batch=${2:-1000}
case_dir=data/cases/maqiao-2024
peer_case=${JIXIAO_PEER_CASE:-data/cases/xinqiao-meals-2024}
work=${JIXIAO_BENCH_DIR:-/tmp/jixiao-bench-run}
bin=${JIXIAO_BIN:-build/jixiao}  # JIXIAO_BIN: another build to compare (before/after)
export JIXIAO_HOME=$PWD
for need in "$bin" build/bench/score_bench; do
  [[ -x $need ]] || { echo "缺少 $need：请先运行 scripts/build.sh（Release）" >&2; exit 2; }
done
rm -rf "$work" && mkdir -p "$work/out"

now_us() { local t=${EPOCHREALTIME/./}; echo "$t"; }
# cpu_us FILE: user + system time of the shell's finished children in the output of `times`
# saved in FILE (taken in this shell: a subshell counts only its own children), microseconds.
cpu_us() {
  awk 'NR == 2 {
    split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%d", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1e6 }' "$1"
}
# median_ms FILE: the median of the microsecond figures in FILE, in milliseconds.
median_ms() {
  sort -n "$1" | awk '{v[NR]=$1} END {m = NR % 2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2;
    printf "%.1f", m/1000}'
}
# timed FILE CMD…: runs CMD once (output discarded); appends its wall time to FILE and its CPU
# time (user + system) to FILE.cpu.
timed() {
  local file=$1 start end; shift
  times >"$work/times-before"
  start=${EPOCHREALTIME/./}
  "$@" >/dev/null 2>&1 || { echo "失败：$*" >&2; exit 1; }
  end=${EPOCHREALTIME/./}
  times >"$work/times-after"
  echo $((end - start)) >>"$file"
  echo $(($(cpu_us "$work/times-after") - $(cpu_us "$work/times-before"))) >>"$file.cpu"
}
# both FILE: "wall ms | CPU ms" medians of a timed series.
both() { echo "$(median_ms "$1") ms | $(median_ms "$1.cpu") ms"; }

echo "## bench/run.sh — $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo);" \
  "load before: $(cut -d' ' -f1-3 /proc/loadavg); runs: $runs"
echo
echo "| measure | wall median | CPU median (user + sys) |"
echo "|---|---|---|"

# Whole-process medians per format, interleaved so that load changes hit every format alike.
formats=(docx html md xlsx docx,html,md,xlsx)
for ((i = 0; i < runs; ++i)); do
  for f in "${formats[@]}"; do
    timed "$work/report-$f.txt" "$bin" report "$case_dir" --formats "$f" --no-toc-pages -o "$work/out/$f"
  done
  timed "$work/score.txt" "$bin" score "$case_dir" --json
  timed "$work/help.txt" "$bin" --help
done
for f in "${formats[@]}"; do
  echo "| maqiao-2024 report --formats $f --no-toc-pages | $(both "$work/report-$f.txt") |"
done
echo "| maqiao-2024 score --json | $(both "$work/score.txt") |"
echo "| jixiao --help (process start) | $(both "$work/help.txt") |"

# The default report: TOC page numbers from one LibreOffice layout (3 runs; peak memory of the
# process tree's largest member, as /usr/bin/time reports it).
if ! command -v soffice >/dev/null && ! command -v libreoffice >/dev/null; then
  echo "| maqiao-2024 report (TOC pages) | LibreOffice missing: not measured | |"
else
  for ((i = 0; i < 3; ++i)); do
    start=$(now_us)
    /usr/bin/time -f %M -o "$work/toc-rss-$i.txt" "$bin" report "$case_dir" -o "$work/out/toc-$i" \
      >/dev/null 2>&1
    end=$(now_us)
    echo $((end - start)) >>"$work/toc.txt"
  done
  rss=$(cat "$work"/toc-rss-*.txt | sort -n | sed -n 2p)
  echo "| maqiao-2024 report (default, TOC pages via LibreOffice) | $(median_ms "$work/toc.txt") ms | $((rss / 1024)) MB peak |"
fi

# The peer, side by side: the same content (jixiao's Markdown report and score JSON, prepared once
# before timing) written by python-docx + XlsxWriter, alternating with jixiao's docx + xlsx.
mkdir -p "$work/peer-in" "$work/peer-out"
"$bin" report "$peer_case" --formats md --no-toc-pages -o "$work/peer-in" >/dev/null
"$bin" score "$peer_case" --json >"$work/peer-in/score.json" 2>/dev/null
peer_runs=$(((runs + 1) / 2))
for ((i = 0; i < peer_runs; ++i)); do
  timed "$work/peer-jixiao.txt" "$bin" report "$peer_case" --formats docx,xlsx --no-toc-pages \
    -o "$work/out/peer-jixiao"
  timed "$work/peer-python.txt" /usr/bin/python3 bench/peer_report.py "$work/peer-in/report.md" \
    "$work/peer-in/score.json" "$work/peer-out"
done
jx=$(median_ms "$work/peer-jixiao.txt")
py=$(median_ms "$work/peer-python.txt")
jxc=$(median_ms "$work/peer-jixiao.txt.cpu")
pyc=$(median_ms "$work/peer-python.txt.cpu")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", b/a}'; }
echo "| $(basename "$peer_case") docx+xlsx: jixiao / python-docx + XlsxWriter peer |" \
  "$jx / $py ms = $(ratio "$jx" "$py")× | $jxc / $pyc ms = $(ratio "$jxc" "$pyc")× |"

# A batch of generated cases, four formats, one process on all cores.
build/bench/score_bench "$batch" 1 "$work/cases" >/dev/null
mapfile -t cases < <(ls -d "$work"/cases/case-* | sort -V)
timed "$work/batch.txt" "$bin" report "${cases[@]}" --formats docx,html,md,xlsx -o "$work/batch"
echo "| batch report of $batch generated cases × 4 formats (both cores) | $(both "$work/batch.txt") |"
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
