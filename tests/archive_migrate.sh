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
"$bin" archive list --archive "$tmp/archive.db" | grep -q "共 3 个案例.*结构版本 6" ||
  { echo "FAIL: archive list after migration"; status=1; }
[ $status -eq 0 ] && echo "archive v2 migrated: compare --archive equals compare on the case folders"
exit $status
