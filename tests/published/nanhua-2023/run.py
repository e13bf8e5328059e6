#!/usr/bin/python3
"""Published 南华县 self-evaluation table (see README.md): validate, score, --explain, report against
expected.json (written before running), and the as-published values as located errors."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

BIN = os.path.abspath(sys.argv[1])
HERE = os.path.dirname(os.path.abspath(__file__))
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print('FAIL:', what)


def run(*args):
    p = subprocess.run([BIN, *args], capture_output=True, text=True)
    check(p.returncode < 128, f'{args} crashed')
    return p.returncode, p.stdout, p.stderr


expected = json.load(open(f'{HERE}/expected.json', encoding='utf-8'))
with tempfile.TemporaryDirectory() as tmp:
    case = f'{tmp}/case'
    shutil.copytree(f'{HERE}/case', case)
    rc, out, err = run('validate', case)
    check(rc == 0, f'validate: {rc} {out}{err}')
    rc, out, err = run('score', case, '--json')
    check(rc == 0, f'score: {rc} {err}')
    data = json.loads(out) if rc == 0 else {'indicators': []}

    def text(v):
        return f'{v:.2f}' if isinstance(v, (int, float)) else str(v)
    scores = {n['code']: text(n.get('score')) for n in data.get('indicators', [])}
    for code, want in expected['leaves'].items():
        check(scores.get(code) == want, f'{code}: got {scores.get(code)}, expected {want}')
    check(text(data.get('total')) == expected['total'], f'total {data.get("total")} vs {expected["total"]}')
    check(data.get('grade') == expected['grade'], f'grade {data.get("grade")} vs {expected["grade"]}')
    rc, out, err = run('score', case, '--explain', 'B12')
    check(rc == 0 and '20' in out and '550' in out and '0.34' in out, f'explain B12: {out}{err}')
    rc, out, err = run('report', case, '-o', f'{tmp}/out', '--formats', 'md')
    check(rc == 0, f'report: {err}')
    md = open(f'{tmp}/out/report.md', encoding='utf-8').read() if rc == 0 else ''
    check('51.04' in md, 'report states the total 51.04分')

    # As published: 兑付率 实际完成值 "≥100%", 变压器 实际完成值 blank → located errors, exit 1.
    lines = open(f'{case}/targets.csv', encoding='utf-8').read().splitlines()
    lines[3] = lines[3].replace(',3,3,', ',3,,')
    lines[5] = lines[5].replace(',≥100%,100%,', ',≥100%,≥100%,')
    open(f'{case}/targets.csv', 'w', encoding='utf-8').write('\n'.join(lines) + '\n')
    rc, out, err = run('score', case)
    check(rc == 1, f'as published: exit {rc}, expected 1')
    check('targets.csv:4' in err, f'blank 实际值 located at targets.csv:4: {err}')
    check('targets.csv:6' in err, f'"≥100%" 实际值 located at targets.csv:6: {err}')

if failures:
    print(f'{len(failures)} failure(s)')
    sys.exit(1)
print('published nanhua table ok')
