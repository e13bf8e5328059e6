#!/usr/bin/python3
"""Fills the entry workbook and the questionnaire sheet of the 大英经开区 河道保洁 2020 walkthrough
(tests/walkthrough.sh) as an evaluator does in Excel: never a JSON file.

Usage: fill.py BOOK.xlsx CASE_DIR (then survey/问卷题目.csv, drafted by `survey import`, is filled).
Figures: budget 150000元, received in full, spent 105000元 (按合同10.5万元); 实际完成率 100%;
every level the best, every element met, no deduction; 经济效益 (D11) 不适用 — the unit set no
economic target; 可持续影响 (D141) 部分达成 at 70%; targets: 质量 and 社会效益 已达到, 时效 2020年全年,
成本 10.5万元 against “15万元。” (a cost amount without a comparator: `new` writes ≤15万元, met), 满意度 95.31% from the survey
(61 of 64 非常满意/满意) against ≥95%.
"""
import csv
import glob
import os
import sys

import openpyxl

book, case = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(book)


def column(ws, header):
    for c in range(1, ws.max_column + 1):
        if str(ws.cell(1, c).value or '').split('(')[0] == header:
            return c
    raise SystemExit(f'{ws.title}: no column {header}')


project = {'项目名称': '2020年大英经济开发区河道保洁服务项目', '年度': '2020', '区': '大英县',
           '项目单位': '四川大英经济开发区管理委员会', '主管部门': '四川大英经济开发区管理委员会',
           '委托部门': '大英县财政局', '评价机构': '某评价机构（演练）', '主评人': '王五',
           '项目类型': '经常性项目', '实施期间': '2020年1月1日至2020年12月31日', '报告日期': '2021年3月'}
ws = wb['项目信息']
for r in range(2, ws.max_row + 1):
    if ws.cell(r, 1).value in project:
        ws.cell(r, 2).value = project[ws.cell(r, 1).value]

ws = wb['预算执行']
for c, value in enumerate(('1', '河道保洁', '经开区辖区河道保洁服务', '县级', 150000, 0, 150000, 105000,
                           '', '', '', '保洁服务合同'), start=1):
    ws.cell(2, c).value = value
ws = wb['资金到位']
ws['A2'], ws['B2'], ws['C2'] = '县级', 150000, 150000
ws = wb['指标数据']
ws.cell(2, column(ws, '数值')).value = '100%'
ws.cell(2, column(ws, '数据来源')).value = '保洁服务合同及验收记录'

actuals = {'做好经开区辖区内河道保洁服务费。': '已达到', '2020年全年。': '2020年全年',
           '15万元。': '10.5万元', '美化环境。': '已达到',
           '做好经开区辖区内河道保洁服务费,美化环境。': '基本达到',
           '辖区企业满意率达95%以上。': '95.31%'}
ws = wb['绩效目标']
name, actual = column(ws, '三级'), column(ws, '实际值')
for r in range(2, ws.max_row + 1):
    if ws.cell(r, name).value in actuals:
        ws.cell(r, actual).value = actuals[ws.cell(r, name).value]

ws = wb['评价结论']
levels = {dv.sqref.ranges[0].coord: dv.formula1.strip('"').split(',')
          for dv in ws.data_validations.dataValidation if dv.type == 'list'}
code, value, level, met, analysis, rule, share, na = (column(ws, h) for h in (
    '编码', '业绩值', '等级', '满足的要素', '分析', '评分方式', '得分比例', '不适用'))
for r in range(2, ws.max_row + 1):
    help_text = str(ws.cell(r, rule).value or '')
    if not help_text:
        continue  # a summary row
    leaf = ws.cell(r, code).value
    if leaf == 'D11':
        ws.cell(r, na).value = '是'
        ws.cell(r, analysis).value = '项目单位未设经济效益目标，河道保洁不产生直接经济收益，本指标不适用。'
        continue
    ws.cell(r, analysis).value = f'指标{leaf}的评价分析（演练）。'
    if leaf == 'D141':  # the evaluator's judgement inside the 部分达成 band
        ws.cell(r, level).value, ws.cell(r, share).value = '部分达成', '70%'
    if help_text.startswith('按'):
        continue  # computed or read from the 实际值: the 业绩值 comes from the data
    ws.cell(r, value).value = '见分析'
    options = levels.get(f'{openpyxl.utils.get_column_letter(level)}{r}')
    if options:
        ws.cell(r, level).value = options[0]
    if help_text.startswith('要素：'):
        ws.cell(r, met).value = ','.join(str(i) for i in range(1, help_text.count('.') + 1))
wb.save(book)

sheet = os.path.join(case, 'survey', '问卷题目.csv')
with open(sheet, encoding='utf-8-sig', newline='') as f:
    rows = list(csv.reader(f))
fill = {'问卷标题': {1: '2020年大英经开区河道保洁服务辖区企业满意度调查'}, '调查对象总数': {1: '70'},
        '抽样方式': {1: '向辖区企业全数发放（问卷星）'},
        'Q1': {3: '非常满意；满意；一般；不满意；非常不满意', 4: '辖区企业满意率', 5: '比例', 6: '非常满意；满意'},
        'Q3': {4: '水面清洁评分', 5: '均值', 7: '好=100；较好=80；一般=60；差=0'}}
for row in rows:
    for c, v in fill.get(row[0], {}).items():
        row[c] = v
with open(sheet, 'w', encoding='utf-8-sig', newline='') as f:
    csv.writer(f).writerows(rows)

for path in glob.glob(os.path.join(case, 'narrative', '*.md')):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(f'本节为演练文字（{os.path.basename(path)}）。\n')
