#!/usr/bin/python3
"""jixiao sheet / import: the round trip reproduces every score of every example case, node for
node; the workbook has drop-downs, number/date validation, frozen headers and units; import
errors name sheet and cell and leave the case untouched (docs/case-format.md)."""
import glob
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

BIN = os.path.abspath(sys.argv[1])
ROOT = os.getcwd()
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print('FAIL:', what)


def run(*args, cwd=ROOT):
    p = subprocess.run([BIN, *args], cwd=cwd, capture_output=True, text=True)
    check(p.returncode < 128, f'{args} crashed: {p.returncode}')
    return p.returncode, p.stdout + p.stderr


def digest(folder):
    h = hashlib.sha256()
    for path in sorted(glob.glob(f'{folder}/**', recursive=True)):
        if os.path.isfile(path):
            h.update(path.encode() + open(path, 'rb').read())
    return h.hexdigest()


def score(case):
    rc, out = run('score', case, '--json')
    check(rc == 0, f'score {case}: {out[:500]}')
    data = json.loads(out) if rc == 0 else {}
    data.pop('case', None)
    return data


with tempfile.TemporaryDirectory() as tmp:
    # 1. Round trip on every example case: sheet, then import into a new case folder.
    cases = sorted(glob.glob(f'{ROOT}/data/cases/*/case.json'))
    check(len(cases) >= 2, 'example cases found')
    for case_json in cases:
        case = os.path.dirname(case_json)
        name = os.path.basename(case)
        book = f'{tmp}/{name}.xlsx'
        rc, out = run('sheet', case, '-o', book)
        check(rc == 0, f'sheet {name}: {out}')
        new = f'{tmp}/rt-{name}'
        os.makedirs(new)
        if os.path.isdir(f'{case}/survey'):  # responses are not part of the workbook
            shutil.copytree(f'{case}/survey', f'{new}/survey')
        rc, out = run('import', book, new)
        check(rc == 0, f'import {name}: {out}')
        # The summary counts the 绩效目标 实际值 it imported (browser trial 2 read "0 个指标值").
        if os.path.exists(f'{case}/targets.csv'):
            import csv as csv_actuals
            with open(f'{case}/targets.csv', encoding='utf-8-sig') as f:
                actuals = sum(1 for r in csv_actuals.DictReader(f) if (r.get('实际值') or '').strip())
            if actuals:
                check(f'{actuals} 个绩效目标实际值' in out, f'import {name} counts {actuals} 实际值: {out}')
        original, again = score(case), score(new)
        check(original.get('total') == again.get('total'), f'{name}: total {original.get("total")} vs {again.get("total")}')
        by_code = {n['code']: n for n in again.get('indicators', [])}
        for node in original.get('indicators', []):
            other = by_code.get(node['code'])
            check(other == node, f'{name} {node["code"]}: {node} vs {other}')
        check(original == again, f'{name}: every field of score --json equal')
        before, after = json.load(open(case_json)), json.load(open(f'{new}/case.json'))
        for key in ('project', 'experiences', 'problems', 'suggestions'):
            check(before.get(key) == after.get(key), f'{name}: {key} carried over')
        summaries = {c: f['summary'] for c, f in before.get('findings', {}).items() if 'summary' in f}
        again_summaries = {c: f['summary'] for c, f in after.get('findings', {}).items() if 'summary' in f}
        check(summaries == again_summaries, f'{name}: findings summary (摘要用语) carried over: {again_summaries}')
        if name == 'maqiao-2024':
            check(summaries.get('C31') == '区镇资金结算划拨不够及时', f'maqiao C31 summary: {summaries}')
        # The 数量's unit (a 单位 column or the 数量(人次) header) survives: 表1-3-1 totals by it.
        import csv as csv_module
        units = [r.get('单位') for r in csv_module.DictReader(open(f'{new}/budget.csv', encoding='utf-8'))
                 if r.get('数量')]
        expected = {'maqiao-2024': {'人次'}, 'maqiao-2024-survey': {'人次'},
                    'xinqiao-meals-2024': {'个', '餐次', '单', '次'}}.get(name)
        if expected:
            check(set(units) == expected, f'{name}: budget 单位 carried over: {units}')

    # 2. The workbook itself (maqiao): sheets, units, frozen headers, validations.
    wb = openpyxl.load_workbook(f'{tmp}/maqiao-2024.xlsx')
    expected = ['说明', '项目信息', '预算执行', '资金到位', '历年预算', '资金划拨', '计划完成', '发放明细',
                '绩效目标', '指标数据', '评价结论', '扣分明细', '经验问题建议']
    check(wb.sheetnames == expected, f'sheets: {wb.sheetnames}')
    budget = wb['预算执行']
    check(budget['E1'].value == '年初预算(元)', 'unit in the header')
    check(budget.freeze_panes == 'A2', f'header row frozen: {budget.freeze_panes}')
    check(budget.column_dimensions['C'].width > 20, 'sensible widths')
    check(budget['E5'].value == 546000, f'budget pre-filled: {budget["E5"].value}')

    def validations(ws):
        return [(dv.type, str(dv.sqref), dv.formula1) for dv in ws.data_validations.dataValidation]

    check(any(t == 'decimal' and 'E2' in ref for t, ref, _ in validations(budget)), 'amounts validated as numbers')
    check(any(t == 'date' and 'C2' in ref for t, ref, _ in validations(wb['资金划拨'])), 'dates validated')
    check(any(t == 'whole' and 'A2' in ref for t, ref, _ in validations(wb['发放明细'])), 'months validated 1–12')
    codes = [f for t, ref, f in validations(wb['扣分明细']) if t == 'list']
    check(codes and 'A11' in codes[0] and 'D32' in codes[0], f'deduction codes drop-down: {codes}')
    check(wb['扣分明细']['C2'].value == '25%' and wb['扣分明细']['C2'].number_format == '@',
          'shares written as text in a text-formatted column')
    check(wb['资金划拨']['C2'].is_date, 'transfer dates are date cells')
    # Levels drop-down: a national-2020 case has levels rules (A21 合理/较合理/不合理).
    rc, out = run('new', f'{tmp}/nat', '--framework', 'national-2020')
    rc, out = run('sheet', f'{tmp}/nat', '-o', f'{tmp}/nat.xlsx')
    check(rc == 0, f'sheet of a new case: {out}')
    nat = openpyxl.load_workbook(f'{tmp}/nat.xlsx')
    findings = nat['评价结论']
    row = next(r for r in range(2, findings.max_row + 1) if findings.cell(r, 1).value == 'A21')
    lists = [(ref, f) for t, ref, f in validations(findings) if t == 'list']
    check(any(ref == f'F{row}' for ref, f in lists), f'levels drop-down on A21: {lists[:3]}')

    # A workbook made before the 摘要用语 column existed still imports (the column is optional).
    wb = openpyxl.load_workbook(f'{tmp}/maqiao-2024.xlsx')
    ws = wb['评价结论']
    col = next(c for c in range(1, ws.max_column + 1) if ws.cell(1, c).value == '摘要用语')
    ws.delete_cols(col)
    wb.save(f'{tmp}/older.xlsx')
    os.makedirs(f'{tmp}/older')
    rc, out = run('import', f'{tmp}/older.xlsx', f'{tmp}/older')
    check(rc == 0, f'import without 摘要用语: {out}')
    older = json.load(open(f'{tmp}/older/case.json'))
    check(all('summary' not in f for f in older.get('findings', {}).values()), 'no summary invented')

    # 3. Located import errors; the case folder stays as it was.
    def broken(edit, name):
        wb = openpyxl.load_workbook(f'{tmp}/maqiao-2024.xlsx')
        edit(wb)
        wb.save(f'{tmp}/{name}.xlsx')
        target = f'{tmp}/rt-maqiao-2024'
        before = digest(target)
        rc, out = run('import', f'{tmp}/{name}.xlsx', target)
        check(rc == 1, f'{name}: exit 1, got {rc}: {out}')
        check(digest(target) == before, f'{name}: case untouched')
        return out

    out = broken(lambda wb: wb['预算执行'].__setitem__('E3', '两千四'), 'wrong-type')
    check('预算执行!E3' in out and '不是金额' in out, f'wrong type located: {out}')
    out = broken(lambda wb: wb['资金划拨'].__setitem__('C2', '2024-13-45'), 'bad-date')
    check('资金划拨!C2' in out and '不是有效日期' in out, f'bad date located: {out}')
    out = broken(lambda wb: wb.remove(wb['发放明细']), 'missing-sheet')
    check('缺少工作表“发放明细”' in out, f'missing sheet named: {out}')
    out = broken(lambda wb: wb['扣分明细'].__setitem__('C2', '一半'), 'bad-deduction')
    check('扣分明细!C2' in out, f'bad deduction located: {out}')

    # Issue 21: deductions over the leaf's weight import, with a warning at the leaf's first row.
    wb = openpyxl.load_workbook(f'{tmp}/maqiao-2024.xlsx')
    ws = wb['扣分明细']
    first = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == 'A21')
    last = ws.max_row + 1
    ws.cell(last, 1).value, ws.cell(last, 3).value, ws.cell(last, 4).value = 'A21', 3, '重复扣分'
    wb.save(f'{tmp}/over.xlsx')
    os.makedirs(f'{tmp}/over')
    rc, out = run('import', f'{tmp}/over.xlsx', f'{tmp}/over')
    check(rc == 0, f'deductions over the weight still import: {out}')
    check(f'扣分明细!C{first}' in out and '扣分合计3.75分超过本指标分值3分，按3分计' in out,
          f'deductions over the weight warned at 扣分明细!C{first}: {out}')

    def bad_level(wb):
        ws = wb['评价结论']
        ws.cell(2, 6).value = '很好'  # A (一级) is a summary row: nothing is typed there (issue 23 §5)
        ws.cell(3, 1).value = 'Z99'
    out = broken(bad_level, 'bad-level-and-code')
    check('评价结论!F2' in out and '汇总行' in out, f'value on a summary row located: {out}')
    check('评价结论!A3' in out and 'Z99' in out, f'unknown code located: {out}')
    # Unknown level label on a levels leaf (national-2020 A21).
    nat = openpyxl.load_workbook(f'{tmp}/nat.xlsx')
    nat['评价结论'].cell(row, 6).value = '非常合理'
    nat.save(f'{tmp}/nat-bad.xlsx')
    before = digest(f'{tmp}/nat')
    rc, out = run('import', f'{tmp}/nat-bad.xlsx', f'{tmp}/nat')
    check(rc == 1 and f'评价结论!F{row}' in out and '非常合理' in out and '可选等级' in out,
          f'unknown level located: {out}')
    check(digest(f'{tmp}/nat') == before, 'unknown level: case untouched')
    rc, out = run('import', f'{tmp}/not-there.xlsx', f'{tmp}/nat')
    check(rc == 1 and '不存在' in out, f'missing workbook reported: {out}')

print('FAILED' if failures else 'ok', len(failures))
sys.exit(1 if failures else 0)
