#!/usr/bin/env bash
# The archive on both back ends (run under tests/pg_server.sh): the same cases added to an SQLite
# file and to PostgreSQL give byte-identical `compare --archive` outputs, equal to `compare CASE…`;
# export SQLite → import PostgreSQL → export → import SQLite → export is byte-identical; an
# unreachable server is a Chinese error naming the URL without its password, exit 1.
# Usage: tests/pg_server.sh tests/archive_backends.sh JIXIAO
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; status=1; }
status=0
pg=$JIXIAO_TEST_DB_URL
url() { echo "postgresql:///$1?host=$JIXIAO_PG_SOCKET_DIR&user=jixiao"; }
cases=(tests/compare-cases/*)
"$bin" archive add "${cases[@]}" --archive "$tmp/a.db" >/dev/null || fail "add (SQLite)"
"$bin" archive add "${cases[@]}" --archive "$pg" >/dev/null || fail "add (PostgreSQL)"
"$bin" compare "${cases[@]}" -o "$tmp/direct" --formats md,html >/dev/null || fail "compare CASE…"
for backend in sqlite pg; do
  where=$tmp/a.db
  [ $backend = pg ] && where=$pg
  "$bin" compare --archive "$where" -o "$tmp/$backend" --formats md,html >/dev/null ||
    fail "compare --archive ($backend)"
  for f in compare.md compare.html; do
    cmp -s "$tmp/direct/$f" "$tmp/$backend/$f" || fail "$f from the $backend archive differs"
  done
done
# Filters: one year only.
"$bin" compare --archive "$pg" --year 2024 -o "$tmp/y" --formats md >/dev/null ||
  fail "compare --archive --year 2024"
grep -q town-a-2023 "$tmp/y/compare.md" && fail "--year 2024 kept a 2023 case"
# list, show and remove on PostgreSQL.
"$bin" archive list --year 2024 --archive "$pg" | grep -q "共 2 个案例" || fail "list --year 2024 (PostgreSQL)"
"$bin" archive show town-a-2023 --archive "$pg" | grep -q '^digest [0-9a-f]\{64\}' || fail "show (PostgreSQL)"
"$bin" archive remove town-a-2023 --archive "$pg" >/dev/null || fail "remove (PostgreSQL)"
"$bin" archive list --archive "$pg" | grep -q "共 2 个案例" || fail "list after remove (PostgreSQL)"
"$bin" archive show town-a-2023 --archive "$pg" >/dev/null 2>&1 && fail "show of a removed case succeeded"
# Round trip SQLite → PostgreSQL → SQLite.
createdb -h "$JIXIAO_PG_SOCKET_DIR" -U jixiao moved || exit 1
"$bin" archive export "$tmp/1.jsonl" --archive "$tmp/a.db" >/dev/null || fail "export (SQLite)"
"$bin" archive import "$tmp/1.jsonl" --archive "$(url moved)" >/dev/null || fail "import (PostgreSQL)"
"$bin" archive export "$tmp/2.jsonl" --archive "$(url moved)" >/dev/null || fail "export (PostgreSQL)"
"$bin" archive import "$tmp/2.jsonl" --archive "$tmp/b.db" >/dev/null || fail "import (SQLite)"
"$bin" archive export "$tmp/3.jsonl" --archive "$tmp/b.db" >/dev/null || fail "export (SQLite again)"
[ "$(wc -l <"$tmp/1.jsonl")" -gt 10 ] || fail "the export holds too few lines"
cmp -s "$tmp/1.jsonl" "$tmp/2.jsonl" || fail "SQLite and PostgreSQL exports differ"
cmp -s "$tmp/1.jsonl" "$tmp/3.jsonl" || fail "the round trip changed the export"
"$bin" archive import "$tmp/1.jsonl" --archive "$(url moved)" >/dev/null 2>"$tmp/again.err" &&
  fail "import into a store that is not empty succeeded"
# An unreachable server.
"$bin" archive list --archive "postgresql://jx:s3cret@127.0.0.1:1/none?connect_timeout=3" \
  >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 1 ] || fail "unreachable server: exit $rc, expected 1"
grep -q 's3cret' "$tmp/out" "$tmp/err" && fail "the password was printed"
grep -q 'postgresql://jx:\*\*\*@127.0.0.1:1/none' "$tmp/err" || fail "the URL is not named: $(cat "$tmp/err")"
grep -q '无法' "$tmp/err" || fail "no Chinese message: $(cat "$tmp/err")"
[ $status -eq 0 ] && echo "archive on SQLite and PostgreSQL: same comparisons, byte-identical round trip, located connection error"
exit $status
