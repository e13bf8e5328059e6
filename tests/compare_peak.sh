#!/usr/bin/env bash
# compare --archive's peak memory does not grow with the number of evaluations (issue 20), on
# SQLite: 1,000 and 10,000 generated evaluations (bench/store_bench), each compared on the path
# built from store aggregates (threshold at 500), with and without --matrix, under /usr/bin/time.
# The peak at 10⁴ may exceed the one at 10³ by at most 6 MB. Before the page cache of a
# read-once command was limited it grew by SQLite's cache filling (33–35 MB more at 10⁴, up to
# 64 MB plus the sorter's 64 MB at 10⁵). Memory, unlike time, does not depend on the machine's
# load. Below the threshold (5,000, its default) the comparison is the in-memory one and grows
# with N: from 1,000 to 5,000 evaluations by at most 80,000 KiB, 20 KiB per added case. An
# indicator row read as a full IndicatorResult (504 bytes, 42 per case: 21 KB a case) alone would
# exceed that; measured with compare::CardRows: 65 MB on SQLite (before: 119 MB, see
# docs/benchmarks.md). Usage: tests/compare_peak.sh JIXIAO STORE_BENCH
set -u
bin=$1 bench=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -x /usr/bin/time ] || { echo "no /usr/bin/time: skipped"; exit 77; }
status=0
fail() { echo "FAIL: $*"; status=1; }
peak() {  # peak N [--matrix]: the compare's peak RSS in KiB (summary path above 500)
  local n=$1
  shift
  rm -rf "$tmp/out"
  JIXIAO_COMPARE_SUMMARY_ABOVE=${above:-500} /usr/bin/time -f %M -o "$tmp/kb" \
    "$bin" compare --archive "$tmp/s$n.db" "$@" -o "$tmp/out" >/dev/null || fail "compare $n $*"
  [ -s "$tmp/out/compare.xlsx" ] || fail "compare $n $*: no compare.xlsx"
  cat "$tmp/kb"
}
for n in 1000 5000 10000; do
  "$bench" "$tmp/s$n.db" "$n" >/dev/null || fail "load $n"
done
for opt in "" --matrix; do
  small=$(peak 1000 $opt) large=$(peak 10000 $opt)
  echo "compare --archive $opt: peak $small KiB at 10³, $large KiB at 10⁴"
  [ $((large - small)) -le 6144 ] ||
    fail "compare --archive $opt: peak grew by $(((large - small) / 1024)) MB from 10³ to 10⁴"
done
small=$(above=5000 peak 1000) large=$(above=5000 peak 5000)
echo "compare --archive in memory: peak $small KiB at 10³, $large KiB at 5,000"
[ $((large - small)) -le 80000 ] ||
  fail "compare --archive in memory: peak grew by $(((large - small) / 1024)) MB from 10³ to 5,000"
# compare.xlsx is written straight to a temporary file in the output folder, renamed into place
# when every format succeeded, removed when one failed (here: no report templates).
JIXIAO_COMPARE_SUMMARY_ABOVE=500 "$bin" compare --archive "$tmp/s1000.db" --templates "$tmp/none" -o "$tmp/failed" >/dev/null 2>&1 &&
  fail "compare without templates succeeded"
left=$(ls -A "$tmp/failed" 2>/dev/null)
[ -z "$left" ] || fail "a failed compare left files in the output folder: $left"
[ $status = 0 ] && echo "compare peak: ok"
exit $status
