#!/usr/bin/python3
"""Fills the data-entry workbook of the README walkthrough ("From a target table to a report")
as an evaluator would in Excel, and writes the narrative sections.

Usage: walkthrough_fill.py BOOK.xlsx CASE_DIR. The figures are the example project's (data/targets/
gumei-eldercare-2025): budget as declared, fully spent and received; every target met except
服务对象满意度 (85% against ≥90%); every level the best; one deduction of 25% on A11.
Expected (hand-computed, national-2020): 100 − 3×25% − (8 − 85/90×8 = 0.44) = 98.81分, 优.
"""
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


project = {'项目名称': '2025年古美路街道社区居家养老服务项目（示例）', '年度': '2025', '区': '闵行区',
           '街镇': '古美路街道', '项目单位': '古美路街道社区综合为老服务中心',
           '主管部门': '上海市闵行区古美路街道办事处', '委托部门': '古美路街道财政所',
           '评价机构': '某评价机构（示例）', '主评人': '李四', '项目类型': '经常性项目',
           '实施期间': '2025年1月1日至2025年12月31日', '报告日期': '2026年3月'}
ws = wb['项目信息']
for r in range(2, ws.max_row + 1):
    label = ws.cell(r, 1).value
    if label in project:
        ws.cell(r, 2).value = project[label]

ws = wb['预算执行']
rows = [('1', '居家养老服务', '居家养老上门服务', '区级', 1620000, 0, 1620000, 1620000, 45, 36000, '服务合同'),
        ('2', '居家养老服务', '助餐服务', '区级', 540000, 0, 540000, 540000, 10, 54000, '服务合同'),
        ('3', '能力建设', '服务人员培训', '区级', 40000, 0, 40000, 40000, 800, 50, '培训计划')]
for i, row in enumerate(rows):
    for c, value in enumerate(row, start=1):
        ws.cell(2 + i, c).value = value

ws = wb['资金到位']
ws['A2'], ws['B2'], ws['C2'] = '区级', 2200000, 2200000

actuals = {'居家养老上门服务人次': '36500', '助餐服务人次': '54200', '服务人员培训人数': '52',
           '服务对象回访合格率': '96', '服务人员持证上岗率': '100', '服务需求响应时间': '36',
           '月度服务报表报送时间': '4', '上门服务单位成本': '44', '项目总成本': '218',
           '失能老人照护需求满足率': '92', '家庭照护负担减轻认可度': '88', '服务档案建档率': '100',
           '服务对象满意度': '85'}
ws = wb['绩效目标']
name, actual, source = column(ws, '三级'), column(ws, '实际值'), column(ws, '出处依据')
for r in range(2, ws.max_row + 1):
    if ws.cell(r, name).value in actuals:
        ws.cell(r, actual).value = actuals[ws.cell(r, name).value]

ws = wb['评价结论']
levels = {dv.sqref.ranges[0].coord: dv.formula1.strip('"').split(',')
          for dv in ws.data_validations.dataValidation if dv.type == 'list'}
code, value, level, met, analysis, rule = (column(ws, h) for h in ('编码', '业绩值', '等级', '满足的要素', '分析', '评分方式'))
for r in range(2, ws.max_row + 1):
    help_text = str(ws.cell(r, rule).value or '')
    if not help_text:
        continue  # a parent node
    ws.cell(r, value).value = '见分析'
    ws.cell(r, analysis).value = f'指标{ws.cell(r, code).value}的评价分析（示例）。'
    options = levels.get(f'{openpyxl.utils.get_column_letter(level)}{r}')
    if options:
        ws.cell(r, level).value = options[0]
    if help_text.startswith('要素：'):
        count = help_text.count('.')
        ws.cell(r, met).value = ','.join(str(i) for i in range(1, count + 1))

ws = wb['扣分明细']
ws['A2'], ws['C2'], ws['D2'] = 'A11', '25%', '立项依据中未附需求调研材料（示例）'
wb.save(book)

for path in glob.glob(os.path.join(case, 'narrative', '*.md')):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(f'本节为示例文字（{os.path.basename(path)}）。\n')
