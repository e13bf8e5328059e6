#!/usr/bin/env bash
# A unit's three commands (issue 24): 绩效目标表 → `selfeval new` → fill (tests/selfeval_fill.py, as a
# unit types it) → `selfeval score`, in a temp folder, on a published 目标表 with qualitative rows
# (tests/targets-corpus/anhui-guichi-commission-2022). Hand-computed expectation, written before
# the run: 分值 from selfeval-national split in whole points — 产出 50 over 6 rows (9,9,8,8,8,8),
# 效益 30 over 3 (10 each), no 满意度 row so its 10 spread over all 9 (11,10,9,9,9,9,11,11,11), +10
# budget = 100; scores: the first row 40个 of ≥50个 → 40/50×11 = 8.8, budget 8.04/10 → 8.04, the
# rest met (qualitative rows repeat their target: 达成) → 100 − 2.2 − 1.96 = 95.84分, 优.
set -euo pipefail
bin=$(realpath "$1")
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
"$bin" selfeval new --targets "$root/tests/targets-corpus/anhui-guichi-commission-2022" -o blank.xlsx
/usr/bin/python3 - blank.xlsx <<'PY'
import sys
from openpyxl import load_workbook
ws = load_workbook(sys.argv[1]).active
header = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 3).value == "三级指标")
weights = [ws.cell(r, 6).value for r in range(header + 1, ws.max_row + 1)
           if ws.cell(r, 3).value and ws.cell(r, 4).value]
assert weights == [11, 10, 9, 9, 9, 9, 11, 11, 11], weights
lists = [v for v in ws.data_validations.dataValidation if v.type == "list"]
assert len(lists) == 6, f"qualitative rows with a drop-down: {len(lists)}"  # 6 of 9 have no figure
assert "达成" in lists[0].formula1, lists[0].formula1
required = [v for v in ws.data_validations.dataValidation if v.promptTitle and "必填" in v.promptTitle]
assert required and required[0].sqref, "偏差原因 prompt missing"
assert ws.page_setup.paperSize == 9, "not A4"
PY
/usr/bin/python3 "$root/tests/selfeval_fill.py" blank.xlsx filled.xlsx
"$bin" selfeval score filled.xlsx -o out 2>score.txt
cat score.txt
for f in filled_计分.xlsx filled_计分_自评报告.docx; do
  [ -s "out/$f" ] || { echo "missing out/$f"; ls out; exit 1; }
done
grep -q "总分 95.84分，优" score.txt || { echo "score: expected 95.84分，优"; exit 1; }
/usr/bin/python3 - out/filled_计分_自评报告.docx <<'PY'
import sys, docx
d = docx.Document(sys.argv[1])
heads = [p.text for p in d.paragraphs if p.style.name.startswith("Heading")]
for h in ("一、基本情况", "二、绩效目标完成情况分析", "三、偏离绩效目标的原因和改进措施", "四、自评结果应用和公开情况"):
    assert h in heads, (h, heads)
text = "\n".join(p.text for p in d.paragraphs)
assert "基建工程委托业务项目数量" in text and "部分农户改种" in text, "the missed target and its reason"
assert "预算执行率80.40%" in text and "95.84分" in text, text
PY
# The scored form reads back: `selfeval check` of it recomputes the same total.
set +e
"$bin" selfeval check out/filled_计分.xlsx --json >check.json
set -e
/usr/bin/python3 -c 'import json; d=json.load(open("check.json")); assert d["form"]["computed_total"] == 95.84, d["form"]'
# The 年度 of `new` (expected before the run): the folder name gives 2022 above; a 申报表 .xlsx
# titled "（2024年度）" in a folder without a year gives 2024 from its title cell; a table with no
# year anywhere warns and names 自评表!A2; --year overrides both.
grep -q "2022年度" <(/usr/bin/python3 -c 'import sys; from openpyxl import load_workbook; print(load_workbook(sys.argv[1]).active["A2"].value)' blank.xlsx) \
  || { echo "year: expected （2022年度） from the folder name"; exit 1; }
mkdir -p plain
/usr/bin/python3 - plain/申报表.xlsx <<'PY'
import sys
from openpyxl import Workbook
wb = Workbook(); ws = wb.active; ws.title = "申报表"
ws["A1"] = "项目支出绩效目标申报表（2024年度）"
ws.append(["项目名称", "培训补贴"])
ws.append(["一级指标", "二级指标", "三级指标", "指标值"])
ws.append(["产出指标", "数量指标", "培训人次", "≥100人次"])
wb.save(sys.argv[1])
PY
"$bin" selfeval new --targets plain/申报表.xlsx -o y.xlsx 2>y.txt
grep -q "2024年，取自绩效目标表 申报表!A1" y.txt || { cat y.txt; echo "year: expected 2024 from 申报表!A1"; exit 1; }
"$bin" selfeval new --targets plain/申报表.xlsx -o y.xlsx --year 2025 2>y.txt
grep -q "2025年，取自命令行 --year" y.txt || { cat y.txt; exit 1; }
printf '一级,二级,三级,指标值\n产出指标,数量指标,培训人次,≥100人次\n' >plain/targets.csv
"$bin" selfeval new --targets plain/targets.csv -o n.xlsx 2>n.txt
grep -q "selfeval.year_missing" n.txt && grep -q "自评表!A2" n.txt || { cat n.txt; echo "year: expected a warning naming 自评表!A2"; exit 1; }
set +e; "$bin" selfeval new --targets plain/targets.csv -o n.xlsx --year 23 2>/dev/null; code=$?; set -e
[ "$code" = 2 ] || { echo "--year 23: exit $code, expected 2"; exit 1; }
echo "selfeval walkthrough ok: 95.84分, 优"
