#!/usr/bin/env bash
# README "From a target table to a report": new, sheet, (fill in — done by walkthrough_fill.py),
# import, report, run in a temp folder on the bundled target table. Expected score hand-computed
# in walkthrough_fill.py: 98.81分, 优.
set -euo pipefail
bin=$(realpath "$1")
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
"$bin" new my-case --framework national-2020 --targets "$root/data/targets/gumei-eldercare-2025/targets.csv"
"$bin" sheet my-case -o my-case.xlsx
set +e
"$bin" validate my-case >validate-before.txt 2>&1
rc=$?
set -e
[ $rc -eq 1 ] || { echo "validate before filling should exit 1, got $rc"; exit 1; }
/usr/bin/python3 "$root/tests/walkthrough_fill.py" my-case.xlsx my-case
"$bin" import my-case.xlsx my-case
"$bin" validate my-case
"$bin" report my-case -o out/my-case
for f in report.docx report.html report.md scoring.xlsx; do
  [ -s "out/my-case/$f" ] || { echo "missing out/my-case/$f"; ls out/my-case; exit 1; }
done
total=$("$bin" score my-case --json | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"], d["grade"])')
[ "$total" = "98.81 优" ] || { echo "total: $total, expected 98.81 优"; exit 1; }
grep -q "古美路街道社区居家养老服务项目" out/my-case/report.md || { echo "project name not in report"; exit 1; }
echo "walkthrough ok: $total"
