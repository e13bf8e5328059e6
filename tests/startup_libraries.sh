#!/usr/bin/env bash
# jixiao starts without the store and web libraries; the commands that need them run
# jixiao-server beside it, and say so in Chinese when it is missing (docs/design-notes.md).
# Usage: startup_libraries.sh JIXIAO JIXIAO_SERVER
set -euo pipefail
jixiao=$1 server=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
needed() { readelf -d "$1" | sed -n 's/.*NEEDED.*\[\(.*\)\]/\1/p'; }
if needed "$jixiao" | grep -E 'PocoData|PocoNet|PocoJSON|libpq|libssl'; then
  fail "jixiao loads store/web libraries at start-up (above)"
fi
# libxlsxwriter (and the libcrypto and minizip it needs) is opened at the first xlsx written.
if needed "$jixiao" | grep -E 'xlsxwriter|libcrypto|minizip'; then
  fail "jixiao loads libxlsxwriter at start-up (above); see src/render/xlsxwriter_lazy.cc"
fi
needed "$server" | grep -q PocoData || fail "jixiao-server does not link the store"
# Through jixiao: user --help is jixiao-server's usage.
"$jixiao" user --help | grep -q "jixiao user add" || fail "user --help did not reach jixiao-server"
# A jixiao without jixiao-server beside it: exit 1, a Chinese message naming the path.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$jixiao" "$work/jixiao"
set +e
"$work/jixiao" archive list --archive "$work/a.db" >"$work/out" 2>"$work/err"
code=$?
set -e
[ "$code" = 1 ] || fail "exit $code without jixiao-server, want 1"
grep -qF "$work/jixiao-server" "$work/err" || { cat "$work/err"; fail "message does not name the path"; }
grep -q "无法运行 jixiao-server" "$work/err" || fail "message not in Chinese"
# The other commands do not need it.
"$work/jixiao" --help | grep -q "用法" || fail "--help failed without jixiao-server"
# and the scoring workbook is still written, libxlsxwriter opened on demand.
src=$(cd "$(dirname "$0")/.." && pwd)
JIXIAO_HOME=$src "$work/jixiao" report "$src/data/cases/maqiao-2024" --formats xlsx --no-toc-pages \
  -o "$work/xlsx" >/dev/null 2>&1 || fail "report --formats xlsx failed"
parts=$(unzip -Z1 "$work/xlsx/scoring.xlsx") || fail "no scoring.xlsx"
[[ $parts == *xl/worksheets/sheet1.xml* ]] || fail "scoring.xlsx has no sheet: $parts"
echo "startup libraries ok"
