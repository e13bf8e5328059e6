#!/usr/bin/env bash
# compare --archive above the summary threshold (issue 20), on SQLite and PostgreSQL (run under
# tests/pg_server.sh): 60 generated evaluations compared with the threshold at 10 take the path
# built from store aggregates with streamed rows. Its compare.xlsx 排名 and (with --matrix)
# 指标矩阵 sheets hold the same values as the in-memory comparison's; without --matrix the
# 指标矩阵 sheet holds its header and a note only; the report lists the top and bottom 20, says
# what was cut and adds the 一级 rates by region; both back ends give the same report.
# Usage: tests/pg_server.sh tests/archive_summary.sh JIXIAO STORE_BENCH
set -u
bin=$1 bench=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; status=1; }
status=0
here=$(dirname "$0")
"$bench" "$tmp/a.db" 60 >/dev/null || fail "load (SQLite)"
"$bench" "$JIXIAO_TEST_DB_URL" 60 >/dev/null || fail "load (PostgreSQL)"
for backend in sqlite pg; do
  where=$tmp/a.db
  [ $backend = pg ] && where=$JIXIAO_TEST_DB_URL
  "$bin" compare --archive "$where" -o "$tmp/full-$backend" >/dev/null || fail "compare ($backend)"
  JIXIAO_COMPARE_SUMMARY_ABOVE=10 "$bin" compare --archive "$where" --matrix \
    -o "$tmp/sum-$backend" >/dev/null || fail "summarised compare ($backend)"
  # Without --matrix the 指标矩阵 sheet keeps its header and says how to get the rows.
  JIXIAO_COMPARE_SUMMARY_ABOVE=10 "$bin" compare --archive "$where" --formats xlsx \
    -o "$tmp/nomatrix-$backend" >/dev/null || fail "summarised compare without --matrix ($backend)"
  python3 "$here/xlsx_cells.py" "$tmp/full-$backend/compare.xlsx" \
    "$tmp/nomatrix-$backend/compare.xlsx" 1 >"$tmp/cells" || fail "$backend: 排名 differs: $(cat "$tmp/cells")"
  /usr/bin/python3 - "$tmp/nomatrix-$backend/compare.xlsx" >"$tmp/matrix" 2>&1 <<'PY' || fail "$backend: 指标矩阵 without --matrix: $(cat "$tmp/matrix")"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["指标矩阵"]
note = ws["A2"].value or ""
assert "共60个评价案例" in note and "--matrix" in note, note
assert ws.max_row == 2, ws.max_row
PY
  md=$tmp/sum-$backend/compare.md
  grep -q "本次汇总60个评价案例" "$md" || fail "$backend: count of 60 missing"
  grep -q "下表只列前20名与后20名" "$md" || fail "$backend: the cut is not stated"
  grep -q "中间20个案例略" "$md" || fail "$backend: no row for the 20 cases left out"
  grep -q "按地区汇总的一级指标得分率" "$md" || fail "$backend: no 一级 rates by region"
  grep -q "各年度案例数与平均得分" "$md" || fail "$backend: no year summary"
  grep -q "本次汇总60个评价案例" "$tmp/full-$backend/compare.md" || fail "$backend: full compare"
  grep -q "案例较多" "$tmp/full-$backend/compare.md" && fail "$backend: full compare summarised"
  python3 "$here/xlsx_cells.py" "$tmp/full-$backend/compare.xlsx" "$tmp/sum-$backend/compare.xlsx" \
    1 2 >"$tmp/cells" || fail "$backend: streamed sheets differ: $(cat "$tmp/cells")"
  python3 -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1]).testzip()" \
    "$tmp/sum-$backend/compare.docx" || fail "$backend: compare.docx unreadable"
done
for f in compare.md compare.html; do
  cmp -s "$tmp/sum-sqlite/$f" "$tmp/sum-pg/$f" || fail "summarised $f differs between back ends"
done
# Several frameworks (national-2020, town-medical-aid-2024 and the tests' mini framework): the
# summary ranks by total ÷ full marks in SQL and compares the shared 一级/二级 names, with the
# same 排名 and 指标矩阵 values as the in-memory comparison.
for backend in sqlite pg; do
  where=$tmp/a.db
  [ $backend = pg ] && where=$JIXIAO_TEST_DB_URL
  "$bin" archive add data/cases/maqiao-2024 tests/compare-cases/* --archive "$where" >/dev/null \
    || fail "archive add of other frameworks ($backend)"
  "$bin" compare --archive "$where" -o "$tmp/mixed-full-$backend" >/dev/null \
    || fail "mixed compare ($backend)"
  JIXIAO_COMPARE_SUMMARY_ABOVE=10 "$bin" compare --archive "$where" --matrix \
    -o "$tmp/mixed-sum-$backend" >/dev/null || fail "mixed summarised compare ($backend)"
  grep -q "本次汇总64个评价案例" "$tmp/mixed-sum-$backend/compare.md" || fail "$backend: mixed count"
  grep -q "下表只列前20名与后20名" "$tmp/mixed-sum-$backend/compare.md" \
    || fail "$backend: mixed frameworks were not summarised"
  grep -q "各案例采用不同的指标体系" "$tmp/mixed-sum-$backend/compare.md" \
    || fail "$backend: mixed basis not stated"
  python3 "$here/xlsx_cells.py" "$tmp/mixed-full-$backend/compare.xlsx" \
    "$tmp/mixed-sum-$backend/compare.xlsx" 1 2 >"$tmp/cells" \
    || fail "$backend: mixed streamed sheets differ: $(cat "$tmp/cells")"
done
for f in compare.md compare.html; do
  cmp -s "$tmp/mixed-sum-sqlite/$f" "$tmp/mixed-sum-pg/$f" \
    || fail "mixed summarised $f differs between back ends"
done
[ $status = 0 ] && echo "archive summary: ok"
exit $status
