#!/usr/bin/python3
"""Issue 21: an entry workbook typed in full width, as Excel users and Chinese input methods type
it (２０２４年度, ９８．９％, ２５％, 得分 ３, 业绩值 with full-width digits, 指标值 １００％), imports
to the same case as the ASCII workbook: the case files hold ASCII figures, the score is the same,
and every changed cell is named in a 提示 (已按半角读取“…”) at its sheet!cell. An ambiguous
"９８，９％" is an error at its cell and nothing is written."""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

BIN = os.path.abspath(sys.argv[1])
ROOT = os.getcwd()
CASE = f'{ROOT}/data/cases/maqiao-2024'
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print('FAIL:', what)


def run(*args):
    p = subprocess.run([BIN, *args], capture_output=True, text=True, cwd=ROOT)
    return p.returncode, p.stdout + p.stderr


def wide(text):
    return ''.join(chr(ord(c) + 0xFEE0) if c in '0123456789%.' else c for c in str(text))


def column(ws, header):
    for c in range(1, ws.max_column + 1):
        v = ws.cell(1, c).value or ''
        if v == header or v.startswith(header + '('):
            return c
    raise SystemExit(f'no column {header} on {ws.title}')


with tempfile.TemporaryDirectory() as tmp:
    book = f'{tmp}/m.xlsx'
    rc, out = run('sheet', CASE, '-o', book)
    check(rc == 0, f'sheet: {out}')
    rc, out = run('score', CASE, '--json')
    original = json.loads(out)
    scores = {n['code']: n for n in original['indicators']}

    wb = openpyxl.load_workbook(book)
    expected_places = []
    project = wb['项目信息']
    for r in range(2, project.max_row + 1):
        if project.cell(r, 1).value == '年度':
            project.cell(r, 2).value = '２０２４年度'
            expected_places.append(f'项目信息!B{r}')
    targets = wb['绩效目标']
    value_col = column(targets, '指标值')
    check(targets.cell(2, value_col).value == '100%', 'maqiao 绩效目标 row 2 is 100%')
    targets.cell(2, value_col).value = wide('100%')
    expected_places.append(f'绩效目标!{targets.cell(2, value_col).coordinate}')
    metrics = wb['指标数据']
    metric_value = column(metrics, '数值')
    metrics.cell(2, metric_value).value = wide(f'{metrics.cell(2, metric_value).value}%')
    expected_places.append(f'指标数据!{metrics.cell(2, metric_value).coordinate}')
    deductions = wb['扣分明细']
    amount = column(deductions, '扣分')
    check(deductions.cell(2, amount).value == '25%', 'maqiao 扣分明细 row 2 is 25%')
    deductions.cell(2, amount).value = wide('25%')
    expected_places.append(f'扣分明细!{deductions.cell(2, amount).coordinate}')
    findings = wb['评价结论']
    code_col, value_col2 = column(findings, '编码'), column(findings, '业绩值')
    score_col, why_col = column(findings, '调整后得分'), column(findings, '调整原因')
    figure_code = None
    for r in range(2, findings.max_row + 1):
        code, shown = findings.cell(r, code_col).value, findings.cell(r, value_col2).value
        if code == 'A12':  # a 扣分制 leaf: its 业绩值 is shown as typed, 32,568人次 in full width
            figure_code, figure_value = code, '32,568人次'
            findings.cell(r, value_col2).value = '３２，５６８人次'
            expected_places.append(f'评价结论!{findings.cell(r, value_col2).coordinate}')
        if code == 'A11':  # 得分 typed ３ (its score) with a reason: the same score, read as 3
            check(scores['A11']['score'] == 3, f'maqiao A11 scores 3: {scores["A11"]}')
            findings.cell(r, score_col).value = '３'
            findings.cell(r, why_col).value = '复核确认'
            expected_places.append(f'评价结论!{findings.cell(r, score_col).coordinate}')
    check(figure_code is not None, 'a 业绩值 with digits found on 评价结论')
    wb.save(book)

    new = f'{tmp}/wide'
    shutil.copytree(CASE, new)
    rc, out = run('import', book, new)
    check(rc == 0, f'full-width workbook imports: {out}')
    for place in expected_places:
        line = next((l for l in out.splitlines() if place in l), '')
        check('已按半角读取“' in line and '提示' in line, f'提示 at {place}: {line!r} in {out}')
    check('已按半角读取“２０２４年度”' in out, f'the year is quoted as typed: {out}')
    case = json.load(open(f'{new}/case.json', encoding='utf-8'))
    check(case['project']['year'] == '2024', f'year read as 2024: {case["project"]["year"]}')
    check(case['findings'][figure_code]['value'] == figure_value,
          f'{figure_code} 业绩值 read as ASCII: {case["findings"][figure_code]["value"]!r}')
    check(case['findings']['A11']['override']['score'] == 3, f'得分 ３ read as 3: {case["findings"]["A11"]}')
    rows = list(csv.DictReader(open(f'{new}/targets.csv', encoding='utf-8')))
    check(rows[0]['指标值'] == '100%', f'指标值 read as 100%: {rows[0]["指标值"]!r}')
    text = json.dumps(case, ensure_ascii=False) + open(f'{new}/targets.csv', encoding='utf-8').read()
    check(not any('０' <= c <= '９' or c in '％．' for c in text), 'no full-width figure in the case files')
    rc, out = run('score', new, '--json')
    again = json.loads(out) if rc == 0 else {}
    check(again.get('total') == original['total'], f'same total: {again.get("total")} vs {original["total"]}')

    # An ambiguous full-width comma is an error at its cell; the case is left as it was.
    wb = openpyxl.load_workbook(book)
    wb['指标数据'].cell(2, metric_value).value = '９８，９％'
    wb.save(book)
    before = open(f'{new}/case.json', encoding='utf-8').read()
    rc, out = run('import', book, new)
    check(rc == 1, f'ambiguous ９８，９％ refused (rc {rc}): {out}')
    place = f'指标数据!{wb["指标数据"].cell(2, metric_value).coordinate}'
    check(any(place in l and '错误' in l and '，' in l for l in out.splitlines()),
          f'error at {place} names the comma: {out}')
    check(open(f'{new}/case.json', encoding='utf-8').read() == before, 'nothing written on refusal')

if failures:
    print(f'{len(failures)} failure(s)')
    sys.exit(1)
print('full-width entry workbook ok')
