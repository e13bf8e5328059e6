#!/usr/bin/python3
"""Issue 21: the 核验清单 (validate, and the evaluation page that lists the same check) has one
meaning for 错误: a case shows an 错误 exactly when `score` refuses it. Optional tables, the cover's
project fields, narrative stubs, 业绩值 and 分析 are 警告. Checked on every example and test case
and on cases part-way through being filled: fresh from `new` (each shipped framework, and from a
unit's table), and filled from the entry workbook with the narrative still to write."""
import glob
import os
import shutil
import subprocess
import sys
import tempfile

BIN = os.path.abspath(sys.argv[1])
ROOT = os.getcwd()
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print('FAIL:', what)


def run(*args):
    p = subprocess.run([BIN, *args], capture_output=True, text=True, cwd=ROOT)
    return p.returncode, p.stdout + p.stderr


def agrees(case, label):
    _, listed = run('validate', case)
    errors = [line for line in listed.splitlines() if '错误[' in line]
    rc, scored = run('score', case)
    check(bool(errors) == (rc != 0),
          f'{label}: 错误 in the list {len(errors)} vs score rc {rc}\n  list: {errors[:3]}\n  score: {scored[-300:]}')
    return errors, rc


cases = sorted({os.path.dirname(p) for p in glob.glob(f'{ROOT}/data/cases/*/case.json')
                + glob.glob(f'{ROOT}/tests/**/case.json', recursive=True)})
check(len(cases) > 100, f'example and test cases found: {len(cases)}')
for case in cases:
    agrees(case, os.path.relpath(case, ROOT))

with tempfile.TemporaryDirectory() as tmp:
    frameworks = [os.path.basename(f)[:-5] for f in glob.glob(f'{ROOT}/indicators/*.json')
                  if not os.path.basename(f).startswith('self')]
    for fw in frameworks:
        rc, out = run('new', f'{tmp}/new-{fw}', '--framework', fw)
        check(rc == 0, f'new --framework {fw}: {out}')
        errors, rc = agrees(f'{tmp}/new-{fw}', f'new {fw}')
        check(rc != 0 and errors, f'a fresh case from {fw} cannot score and says so')
    rc, out = run('new', f'{tmp}/from-table', '--framework', 'national-2020', '--targets',
                  f'{ROOT}/tests/fuzz/corpus/targets/seed17.csv')
    check(rc == 0, f'new --targets: {out}')
    agrees(f'{tmp}/from-table', 'new --targets')

    # Filled from the workbook, narrative still 【待填写】 and optional tables empty: it scores, so
    # the stubs are 警告 (they were 错误 while the case scored: the trial's finding).
    rc, out = run('sheet', f'{ROOT}/data/cases/maqiao-2024', '-o', f'{tmp}/m.xlsx')
    check(rc == 0, f'sheet: {out}')
    filled = f'{tmp}/filled'
    run('new', filled, '--framework', 'town-medical-aid-2024')
    rc, out = run('import', f'{tmp}/m.xlsx', filled)
    check(rc == 0, f'import into a fresh case: {out}')
    _, listed = run('validate', filled)
    check('警告[todo.narrative]' in listed, f'narrative stubs are a 警告: {listed[-600:]}')
    errors, rc = agrees(filled, 'filled from the workbook, narrative to write')
    check(rc == 0 and not errors, 'the filled case scores and lists no 错误')
    with open(f'{filled}/history.csv', 'w', encoding='utf-8') as f:
        f.write('年度,年初预算,调整后预算,实际支出\n')  # an optional table left with its header
    _, listed = run('validate', filled)
    check('警告[todo.table]' in listed, f'an optional empty table is a 警告: {listed[-600:]}')
    agrees(filled, 'filled, with an empty optional table')
    # A rule's input taken away: now scoring refuses, and the list says 错误.
    half = f'{tmp}/half'
    shutil.copytree(filled, half)
    os.remove(f'{half}/budget.csv')
    errors, rc = agrees(half, 'filled but budget.csv removed')
    check(rc != 0 and errors, 'a missing input a rule needs is an 错误')

if failures:
    print(f'{len(failures)} failure(s)')
    sys.exit(1)
print(f'checklist severity agrees with score on {len(cases)} cases and the fresh/filled ones')
