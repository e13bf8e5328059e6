#!/usr/bin/python3
"""Newcomer path (README "From a target table to a report") on a published 绩效目标表 typed by hand:
南华县野生菌加工车间建设项目 (https://www.ynnh.gov.cn/info/17693/347777.htm), national-2020.
new --targets → validate (lists what to fill) → sheet → fill in the workbook Excel-style (amounts
"1,100万元" under (元) headers, "98.5%" and "９２％" metrics, "1,290.3平方米") → import → report.

Expected, computed by hand from national-2020 and docs/rules.md before running:
- placement: 数量 rows → C1 产出数量 (10 split 3.34/3.33/3.33), 时效 → C3 产出时效 (6),
  经济效益 → D11 经济效益 (5); no row unplaced.
- every other leaf full (levels best, all elements, no deductions; 预算执行率 100%, 资金到位率 100%,
  预算调整率 0, 成本节约率 0, 质量达标率 98.5% ≥ 95, 服务对象满意度 92% ≥ 90);
- 烘干设备: 20 of 550 → 3.33 × 20/550 = 0.1210… → 0.12; total 100 − 3.33 + 0.12 = 96.79分, 优.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

import openpyxl

BIN = os.path.abspath(sys.argv[1])
HERE = os.path.dirname(os.path.abspath(__file__))
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print('FAIL:', what)


def run(*args, cwd):
    p = subprocess.run([BIN, *args], capture_output=True, text=True, cwd=cwd)
    check(p.returncode < 128, f'{args} crashed')
    return p.returncode, p.stdout, p.stderr


def column(ws, header):
    for c in range(1, ws.max_column + 1):
        if str(ws.cell(1, c).value or '').split('(')[0] == header:
            return c
    raise SystemExit(f'{ws.title}: no column {header}')


with tempfile.TemporaryDirectory() as tmp:
    rc, out, err = run('new', 'nh', '--framework', 'national-2020', '--targets', f'{HERE}/targets.csv', cwd=tmp)
    check(rc == 0, f'new: {err}')
    check('targets.unplaced' not in err, f'rows unplaced: {err}')
    fw = json.load(open(f'{tmp}/nh/nh-framework.json', encoding='utf-8'))
    nodes = {}

    def walk(n, parent):
        nodes[n['code']] = (n, parent)
        for c in n.get('children', []):
            walk(c, n['code'])
    for t in fw['indicators']:
        walk(t, None)
    leaves = {n['name']: (code, parent, n['weight']) for code, (n, parent) in nodes.items() if 'rule' in n}
    want = {'1290.3平方米冷库仓储建设及配套生产设备、配套电力设施购置安装': ('C1', 3.34),
            '配套烘干杀菌设备及包装设备购置及安装': ('C1', 3.33), '配套电力设施1250KVA变压器3台': ('C1', 3.33),
            '任务完成时限(月)': ('C3', 6), '奖补资金兑付率(%)': ('D11', 5)}
    for name, (parent, weight) in want.items():
        got = leaves.get(name)
        check(got is not None and got[1] == parent and float(got[2]) == weight,
              f'{name}: {got}, expected under {parent} weight {weight}')
    rc, out, err = run('validate', 'nh', cwd=tmp)
    check(rc == 1, f'validate before filling: exit {rc}')
    rc, out, err = run('sheet', 'nh', '-o', 'nh.xlsx', cwd=tmp)
    check(rc == 0, f'sheet: {err}')

    wb = openpyxl.load_workbook(f'{tmp}/nh.xlsx')
    project = {'项目名称': '南华县乡村振兴示范园罗家屯社区野生菌加工车间建设项目(续建)', '年度': '2023',
               '区': '南华县', '街镇': '龙川镇', '项目单位': '南华县国有资本管理有限公司',
               '主管部门': '南华县农业农村局', '委托部门': '南华县财政局', '评价机构': '评价组（示例）',
               '主评人': '王五', '项目类型': '建设类项目', '实施期间': '2023年1月1日至2023年12月31日',
               '报告日期': '2024年3月'}
    ws = wb['项目信息']
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value in project:
            ws.cell(r, 2).value = project[ws.cell(r, 1).value]
    ws = wb['预算执行']
    for c, v in enumerate(['1', '野生菌加工车间建设', '冷库仓储及设备', '县级', '1,100万元', '0', '1,100万元',
                           '1,100万元'], start=1):
        ws.cell(2, c).value = v
    ws = wb['资金到位']
    ws['A2'], ws['B2'], ws['C2'] = '县级', '1,100万元', '11,000,000.00'
    ws = wb['指标数据']
    name, value, source = column(ws, '指标名称'), column(ws, '数值'), column(ws, '数据来源')
    metric_values = {'质量达标率': '98.5%', '服务对象满意度': '９２％', '实际完成率': '100%'}
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, name).value in metric_values:
            ws.cell(r, value).value = metric_values[ws.cell(r, name).value]
            ws.cell(r, source).value = '验收资料（示例）'
    ws = wb['绩效目标']
    l3, actual = column(ws, '三级'), column(ws, '实际值')
    actuals = {'1290.3平方米冷库仓储建设及配套生产设备、配套电力设施购置安装': '1,290.3平方米',
               '配套烘干杀菌设备及包装设备购置及安装': '20', '配套电力设施1250KVA变压器3台': '3',
               '任务完成时限(月)': '10', '奖补资金兑付率(%)': '100%'}
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, l3).value in actuals:
            ws.cell(r, actual).value = actuals[ws.cell(r, l3).value]
    ws = wb['评价结论']
    levels = {dv.sqref.ranges[0].coord: dv.formula1.strip('"').split(',')
              for dv in ws.data_validations.dataValidation if dv.type == 'list'}
    code, val, level, met, analysis, rule = (column(ws, h) for h in ('编码', '业绩值', '等级', '满足的要素', '分析', '评分方式'))
    for r in range(2, ws.max_row + 1):
        help_text = str(ws.cell(r, rule).value or '')
        if not help_text:
            continue
        ws.cell(r, val).value = '见分析'
        ws.cell(r, analysis).value = f'指标{ws.cell(r, code).value}的评价分析（示例）。'
        options = levels.get(f'{openpyxl.utils.get_column_letter(level)}{r}')
        if options:
            ws.cell(r, level).value = options[0]
        if help_text.startswith('要素：'):
            ws.cell(r, met).value = ','.join(str(i) for i in range(1, help_text.count('.') + 1))
    wb.save(f'{tmp}/nh.xlsx')
    for path in glob.glob(f'{tmp}/nh/narrative/*.md'):
        open(path, 'w', encoding='utf-8').write(f'本节为示例文字（{os.path.basename(path)}）。\n')

    rc, out, err = run('import', 'nh.xlsx', 'nh', cwd=tmp)
    check(rc == 0, f'import: {out}{err}')
    rc, out, err = run('validate', 'nh', cwd=tmp)
    check(rc == 0, f'validate after filling: {out}{err}')
    rc, out, err = run('score', 'nh', '--json', cwd=tmp)
    check(rc == 0, f'score: {err}')
    data = json.loads(out) if rc == 0 else {}
    check(data.get('total') in (96.79, '96.79') and data.get('grade') == '优',
          f'total {data.get("total")} {data.get("grade")}, expected 96.79 优')
    rc, out, err = run('report', 'nh', '-o', 'out', '--formats', 'md', cwd=tmp)
    check(rc == 0, f'report: {err}')

if failures:
    print(f'{len(failures)} failure(s)')
    sys.exit(1)
print('newcomer path on the 南华 target table ok')
