#!/usr/bin/env bash
# jixiao framework sheet/json (issue 21, webfix12): every shipped framework → 指标体系表 .xlsx →
# JSON passes validate; an edited sum is refused at 指标!cell with exit 1 and no file; usage is 2.
set -u
J=$1
cd "$(dirname "$0")/.." || exit 1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail=0
for id in national-2020 town-medical-aid-2024 self-evaluation; do
  "$J" framework sheet "$id" -o "$tmp/$id.xlsx" >/dev/null || { echo "FAIL: sheet $id"; fail=1; }
  "$J" framework json "$tmp/$id.xlsx" -o "$tmp/$id.json" >/dev/null || { echo "FAIL: json $id"; fail=1; }
  "$J" validate "$tmp/$id.json" >/dev/null || { echo "FAIL: validate $id"; fail=1; }
done
/usr/bin/python3 - "$tmp" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1] + "/national-2020.xlsx")
wb["指标"]["F4"] = 4
wb.save(sys.argv[1] + "/bad.xlsx")
PY
out=$("$J" framework json "$tmp/bad.xlsx" -o "$tmp/bad.json" 2>&1); rc=$?
[ $rc -eq 1 ] || { echo "FAIL: broken sum exit $rc, expected 1"; fail=1; }
case "$out" in *"bad.xlsx 指标!A3"*"下级指标分值合计为7分"*) ;; *) echo "FAIL: not located: $out"; fail=1 ;; esac
[ ! -e "$tmp/bad.json" ] || { echo "FAIL: a file was written on error"; fail=1; }
"$J" framework sheet >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || { echo "FAIL: usage exit $rc, expected 2"; fail=1; }
[ $fail -eq 0 ] && echo "framework sheet: all checks passed"
exit $fail
