#!/usr/bin/env bash
# `jixiao report` over several cases writes each into DIR/<case id>/ (worker threads); a bad case
# among them fails only itself and makes the exit code 1.
set -u
bin=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" report tests/compare-cases/town-a-2023 tests/compare-cases/town-a-2024 tests/compare-cases/town-b-2024 \
  -o "$out" --formats md,xlsx >/dev/null || { echo "batch failed"; exit 1; }
for c in town-a-2023 town-a-2024 town-b-2024; do
  for f in report.md scoring.xlsx; do
    [ -s "$out/$c/$f" ] || { echo "missing $c/$f"; exit 1; }
  done
done
grep -q "7.5分" "$out/town-a-2023/report.md" || { echo "wrong case in town-a-2023"; exit 1; }
"$bin" report tests/compare-cases/town-a-2023 tests/malformed/09-empty-case-directory/case -o "$out/b" --formats md >/dev/null 2>&1
[ $? -eq 1 ] || { echo "a bad case did not fail the batch"; exit 1; }
[ -s "$out/b/town-a-2023/report.md" ] || { echo "the good case was not written"; exit 1; }
echo "batch report ok"
