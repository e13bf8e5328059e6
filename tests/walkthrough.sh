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
# Issue 23 §7: a computed indicator's 评分方式 shows its formula and the bands as the report does.
/usr/bin/python3 - my-case.xlsx <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])['评价结论']
help_text = next(str(ws.cell(r, 4).value) for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == 'B12')
assert '实际支出 ÷ 调整后预算' in help_text and '每减少1个百分点扣0.5分' in help_text, help_text
PY
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

# Issue 23 blockers 1 and 3 on the same table plus one qualitative target (服务台账更新, 及时, under
# 时效指标 → C33, 2分 of C3's 6) and no 街镇. Expected, hand-computed: the evaluator picks 部分达成 and
# 70% → C33 = 2×70% = 1.40, total 98.81 − 0.60 = 98.21 优; with the share left blank the 实际值
# 基本及时 reads 部分达成 at the framework's default 50% → 1.00, total 97.81 优.
/usr/bin/python3 - "$root/data/targets/gumei-eldercare-2025/targets.csv" q.csv <<'PY'
import sys
lines = open(sys.argv[1], encoding='utf-8').read().splitlines()
at = next(i for i, l in enumerate(lines) if l.startswith(',,月度服务报表报送时间')) + 1
lines.insert(at, ',,服务台账更新,定性,及时,,服务台账按月更新,,服务台账')
open(sys.argv[2], 'w', encoding='utf-8').write('\n'.join(lines) + '\n')
PY
"$bin" new q-case --framework national-2020 --targets q.csv
grep -Eq '"bands": ?"national"' q-case/*.json || { echo "new --targets wrote no national bands"; exit 1; }
"$bin" sheet q-case -o q.xlsx
/usr/bin/python3 "$root/tests/walkthrough_fill.py" q.xlsx q-case
/usr/bin/python3 - q.xlsx <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
def column(ws, header):
    return next(c for c in range(1, ws.max_column + 1) if str(ws.cell(1, c).value or '').split('(')[0] == header)
ws = wb['项目信息']
for r in range(2, ws.max_row + 1):
    if ws.cell(r, 1).value == '街镇':
        ws.cell(r, 2).value = None
ws = wb['绩效目标']
for r in range(2, ws.max_row + 1):
    if ws.cell(r, column(ws, '三级')).value == '服务台账更新':
        ws.cell(r, column(ws, '实际值')).value = '基本及时'
ws = wb['评价结论']
for r in range(2, ws.max_row + 1):
    if ws.cell(r, column(ws, '编码')).value == 'C33':
        ws.cell(r, column(ws, '等级')).value = '部分达成'
        ws.cell(r, column(ws, '得分比例')).value = '70%'
wb.save(sys.argv[1])
PY
"$bin" import q.xlsx q-case
"$bin" validate q-case >q-validate.txt 2>&1 || { cat q-validate.txt; echo "validate with a blank 街镇 failed"; exit 1; }
! grep -q "街镇" q-validate.txt || { cat q-validate.txt; echo "validate asked for 街镇"; exit 1; }
q=$("$bin" score q-case --json | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"], d["grade"])')
[ "$q" = "98.21 优" ] || { echo "部分达成 70%: $q, expected 98.21 优"; exit 1; }
"$bin" report q-case -o out/q-case
grep -q "2025年度闵行区财政支出项目绩效评价报告" out/q-case/report.md || { echo "cover title with blank 街镇 wrong"; grep -m3 "年度" out/q-case/report.md; exit 1; }
# The default share: level and share cleared, 基本及时 → 部分达成 at the framework's 50%.
/usr/bin/python3 - q.xlsx <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['评价结论']
cols = {str(ws.cell(1, c).value or '').split('(')[0]: c for c in range(1, ws.max_column + 1)}
for r in range(2, ws.max_row + 1):
    if ws.cell(r, cols['编码']).value == 'C33':
        ws.cell(r, cols['等级']).value = None
        ws.cell(r, cols['得分比例']).value = None
wb.save(sys.argv[1])
PY
"$bin" import q.xlsx q-case
q=$("$bin" score q-case --json | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"], d["grade"])')
[ "$q" = "97.81 优" ] || { echo "default 部分达成 share: $q, expected 97.81 优"; exit 1; }
# A share outside its band is an import error at its cell.
/usr/bin/python3 - q.xlsx <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['评价结论']
cols = {str(ws.cell(1, c).value or '').split('(')[0]: c for c in range(1, ws.max_column + 1)}
for r in range(2, ws.max_row + 1):
    if ws.cell(r, cols['编码']).value == 'C33':
        ws.cell(r, cols['等级']).value = '部分达成'
        ws.cell(r, cols['得分比例']).value = '85%'
    if ws.cell(r, cols['编码']).value == 'C3':  # a summary row (issue 23 §5)
        ws.cell(r, cols['分析']).value = '产出时效总体较好'
wb.save(sys.argv[1])
PY
set +e
"$bin" import q.xlsx q-case >q-import.txt 2>&1
rc=$?
set -e
[ $rc -eq 1 ] || { cat q-import.txt; echo "share 85% under 部分达成 should fail import, rc $rc"; exit 1; }
grep -q "评价结论!L" q-import.txt || { cat q-import.txt; echo "share error not located at 评价结论!L"; exit 1; }
grep -q "评价结论!J.*汇总行" q-import.txt || { cat q-import.txt; echo "analysis on a summary row not an error at 评价结论!J"; exit 1; }
echo "walkthrough (qualitative, no 街镇) ok: 98.21 / 97.81"

# Issue 23 blocker 2: 服务档案建档率 (D141, 5分) marked 不适用 on the 评价结论 sheet; national-2020
# declares no not_applicable, so 按百分制折算: the other 95 points × 100/95 in hundredths (largest
# remainder: the nine 3-point leaves 315.79 → 3.16 and C11 351.58 → 3.52 take the 10 spare
# hundredths; D151 842.1 → 8.42). Lost: A11 25% of 3.16 = 0.79, D151 8.42 − 8×85/90×8.42/8 =
# 0.47 (7.952… → 7.95); total 100 − 0.79 − 0.47 = 98.74 优.
"$bin" new na-case --framework national-2020 --targets "$root/data/targets/gumei-eldercare-2025/targets.csv" >/dev/null 2>&1
"$bin" sheet na-case -o na.xlsx
/usr/bin/python3 "$root/tests/walkthrough_fill.py" na.xlsx na-case
/usr/bin/python3 - na.xlsx <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['评价结论']
cols = {str(ws.cell(1, c).value or '').split('(')[0]: c for c in range(1, ws.max_column + 1)}
for r in range(2, ws.max_row + 1):
    if ws.cell(r, cols['编码']).value == 'D141':
        ws.cell(r, cols['不适用']).value = '是'
wb.save(sys.argv[1])
PY
"$bin" import na.xlsx na-case
n=$("$bin" score na-case --json | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"], d["grade"])')
[ "$n" = "98.74 优" ] || { echo "不适用 D141 rescaled: $n, expected 98.74 优"; exit 1; }
"$bin" report na-case -o out/na-case
grep -q "D141 服务档案建档率 | 不适用（原5） | 不适用 | 0" out/na-case/report.md || { grep -n "D141" out/na-case/report.md; echo "评分表 does not show D141 不适用"; exit 1; }
grep -q "该指标不适用（原分值5分），按百分制折算" out/na-case/report.md || { echo "analysis does not say D141 不适用"; exit 1; }
# Issue 21: the 评分表 says how the weights moved; the workbook prints the weights scored on.
grep -q "注：D141 服务档案建档率（5分）不适用，按百分制折算：其余适用指标分值合计95分" out/na-case/report.md || { echo "评分表 does not say how 不适用 moved the weights"; exit 1; }
/usr/bin/python3 - out/na-case/scoring.xlsx <<'PY' || exit 1
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])['评分表']
head = [c.value for c in ws[2]]
w = head.index('分值') + 1
rows = {str(ws.cell(r, c).value or '').split(' ')[0]: r for r in range(3, ws.max_row + 1) for c in range(1, w)}
c11, d141 = ws.cell(rows['C11'], w), ws.cell(rows['D141'], w)
assert c11.value == 3.52 and '按最大余数补0.01分' in c11.comment.text, (c11.value, c11.comment)
assert d141.value == 0 and '原分值5分' in d141.comment.text, (d141.value, d141.comment)
assert any(str(ws.cell(r, 1).value or '').startswith('说明：D141') for r in range(3, ws.max_row + 1))
PY
echo "walkthrough (不适用 rescaled) ok: $n"
