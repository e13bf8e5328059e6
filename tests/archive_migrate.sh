#!/usr/bin/env bash
# An archive written before the store (schema 2) is migrated at open: its cases become documents,
# their indicator rows are rebuilt from the stored scorecards, and `compare --archive` gives the
# same bytes as `compare` on the case folders. Usage: archive_migrate.sh JIXIAO
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp tests/archive-v2/archive.db "$tmp/archive.db"
status=0
"$bin" compare tests/compare-cases/* -o "$tmp/direct" --formats md,html >/dev/null || status=1
"$bin" compare --archive "$tmp/archive.db" -o "$tmp/migrated" --formats md,html >/dev/null || status=1
for f in compare.md compare.html; do
  cmp "$tmp/direct/$f" "$tmp/migrated/$f" || { echo "FAIL: $f differs after migration"; status=1; }
done
"$bin" archive list --archive "$tmp/archive.db" | grep -q "共 3 个案例.*结构版本 12" ||
  { echo "FAIL: archive list after migration"; status=1; }
# Schema 7 (the 复核 decisions and 行得分合计; 8 adds list indexes, 9 the ranking index, 11 the sessions' one-time message, 12 the shared evaluations' members): a migrated store exports at
# the latest schema, its documents'
# 行得分合计 as -1 (none typed), and a decision recorded afterwards survives export → import →
# export byte for byte.
"$bin" archive export "$tmp/v7.jsonl" --archive "$tmp/archive.db" >/dev/null || { echo "FAIL: export"; status=1; }
head -1 "$tmp/v7.jsonl" | grep -q '"schema":12' || { echo "FAIL: export header is not schema 12"; status=1; }
grep '^\["documents"' "$tmp/v7.jsonl" | grep -q '",-1,1,"' || { echo "FAIL: 行得分合计 not -1 after migration"; status=1; }
if command -v sqlite3 >/dev/null; then
  sqlite3 "$tmp/archive.db" "INSERT INTO reviews (doc_id, version, decision, opinion, reviewer, decided_at) SELECT id, version, '退回', '请补\"原因\"', '局', '2026-12-07T01:00:00Z' FROM documents LIMIT 1" ||
    { echo "FAIL: decision insert"; status=1; }
fi
"$bin" archive export "$tmp/r1.jsonl" --archive "$tmp/archive.db" >/dev/null || status=1
"$bin" archive import "$tmp/r1.jsonl" --archive "$tmp/moved.db" >/dev/null || { echo "FAIL: import"; status=1; }
"$bin" archive export "$tmp/r2.jsonl" --archive "$tmp/moved.db" >/dev/null || status=1
cmp -s "$tmp/r1.jsonl" "$tmp/r2.jsonl" || { echo "FAIL: export → import → export differs at schema 7"; status=1; }
if command -v sqlite3 >/dev/null; then
  grep -q '^\["reviews",1,' "$tmp/r2.jsonl" || { echo "FAIL: the decision did not round-trip"; status=1; }
fi
[ $status -eq 0 ] && echo "archive v2 migrated: compare --archive equals compare on the case folders"
exit $status
