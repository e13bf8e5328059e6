#!/usr/bin/python3
"""jixiao new: scaffold, self-contained when moved, validate lists what is to fill; --targets
derives target leaves with an exact weight split (docs/case-format.md, "jixiao new")."""
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


def run(*args, cwd):
    p = subprocess.run([BIN, *args], cwd=cwd, capture_output=True, text=True,
                       env={**os.environ, 'JIXIAO_INDICATORS': ''})
    check(p.returncode < 128, f'{args} crashed: {p.returncode}')
    return p.returncode, p.stdout + p.stderr


def leaves(node, out):
    if node.get('children'):
        for c in node['children']:
            leaves(c, out)
    else:
        out.append(node)
    return out


def find(nodes, code):
    for n in nodes:
        if n['code'] == code:
            return n
        hit = find(n.get('children', []), code)
        if hit:
            return hit
    return None


with tempfile.TemporaryDirectory() as tmp:
    # 1. From a folder that is not the repository: the shipped framework is found by id.
    rc, out = run('new', 'c1', '--framework', 'town-medical-aid-2024', cwd=tmp)
    check(rc == 0, f'new exits 0: {out}')
    case = json.load(open(f'{tmp}/c1/case.json'))
    check(case['framework'] == 'town-medical-aid-2024', 'framework id in case.json')
    check(os.path.isfile(f'{tmp}/c1/town-medical-aid-2024.json'), 'framework copied in')
    check(set(case['project']) >= {'name', 'unit', 'authority', 'evaluator', 'lead'}, 'project block')
    check(all(v == '' for v in case['project'].values()), 'project values empty to fill')
    check(len(case['findings']) == 29, f"one finding per leaf (29), got {len(case['findings'])}")
    for name in ['budget.csv', 'funding.csv', 'plan.csv', 'transfers.csv', 'targets.csv',
                 'disbursements.csv', 'history.csv', 'README.md']:
        check(os.path.isfile(f'{tmp}/c1/{name}'), f'{name} written')
    check(open(f'{tmp}/c1/budget.csv', encoding='utf-8').read().startswith('序号,项目构成,项目明细'),
          'budget.csv header')
    check('narrative/background.md' in ['narrative/' + f for f in os.listdir(f'{tmp}/c1/narrative')],
          'narrative stub for 立项背景')
    check('立项背景' in open(f'{tmp}/c1/narrative/background.md', encoding='utf-8').read(),
          'stub named after the template section')
    # Moved anywhere, it still finds its framework; validate lists what is to fill, exit 1.
    os.makedirs(f'{tmp}/elsewhere/deep')
    shutil.move(f'{tmp}/c1', f'{tmp}/elsewhere/deep/c1')
    rc, out = run('validate', 'c1', cwd=f'{tmp}/elsewhere/deep')
    check(rc == 1, f'validate of a new case exits 1, got {rc}')
    for needle in ['项目信息待填写', 'name（项目名称）', 'budget.csv:1', '只有表头', '叙述待填写',
                   'A11 立项依据充分性 待填写', '指标值 metrics.“政策知晓率”',
                   'targets.csv 中的“医疗救助工作完成率”行']:
        check(needle in out, f'validate lists: {needle}')
    check('找不到指标体系' not in out, 'framework found after the move')
    # Refusals.
    rc, out = run('new', 'deep/c1', '--framework', 'town-medical-aid-2024', cwd=f'{tmp}/elsewhere')
    check(rc == 1 and '不为空' in out, 'new refuses a non-empty folder')
    rc, out = run('new', 'c9', '--framework', 'no-such-framework', cwd=tmp)
    check(rc == 1 and 'national-2020' in out, 'unknown id lists the shipped ids')
    rc, out = run('new', 'c9', cwd=tmp)
    check(rc == 2, 'missing --framework is a usage error')

    # 2. --targets: leaves from the bundled target table under the matching 二级.
    targets = f'{ROOT}/data/targets/gumei-eldercare-2025/targets.csv'
    rc, out = run('new', 'c2', '--framework', 'national-2020', '--targets', targets, cwd=tmp)
    check(rc == 0, f'new --targets exits 0: {out}')
    fw = json.load(open(f'{tmp}/c2/c2-framework.json'))
    c1 = find(fw['indicators'], 'C1')
    check([l['weight'] for l in c1['children']] == [3.34, 3.33, 3.33], 'C1 10 split 3.34/3.33/3.33')
    check([l['name'] for l in c1['children']] == ['居家养老上门服务人次', '助餐服务人次', '服务人员培训人数'],
          'quantity targets under 产出数量')
    check(all(l['rule'] == {'type': 'target', 'target': l['name']} for l in c1['children']),
          'each leaf a target rule on its row')
    d12 = find(fw['indicators'], 'D12')
    check([l['name'] for l in d12.get('children', [])] == ['失能老人照护需求满足率', '家庭照护负担减轻认可度'],
          '社会效益 targets under D12')
    check('rule' not in d12 and 'criteria' not in d12, 'D12 became a parent without its old rule')
    d15 = find(fw['indicators'], 'D15')
    check([l['name'] for l in d15.get('children', [])] == ['服务对象满意度'], '满意度 target under D15')
    total = sum(round(l['weight'] * 100) for l in leaves({'children': fw['indicators']}, []))
    check(total == 10000, f'leaf weights sum to 100 exactly, got {total / 100}')
    rc, out = run('validate', f'{tmp}/c2/c2-framework.json', cwd=tmp)
    check(rc == 0, f'derived framework validates: {out}')
    rows = open(f'{tmp}/c2/targets.csv', encoding='utf-8').read().splitlines()
    check(len(rows) == 14 and rows[1].startswith('产出指标,数量指标,居家养老上门服务人次'),
          'targets.csv carries the 13 target rows')

    # 3. An xlsx target table with a title row, merged 一级 cells and a row without 指标值.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '绩效目标表'
    ws.append(['2025年某项目绩效目标申报表'])
    ws.append(['一级指标', '二级指标', '三级指标', '指标值', '计量单位'])
    ws.append(['产出指标', '数量指标', '培训人数', '≥50', '人'])
    ws.append([None, None, '培训场次', None, '场'])
    ws.append([None, '质量指标', '合格率', '≥95%', None])
    ws.append(['效益指标', '社会效益指标', '群众知晓率', '≥90%', None])
    ws.merge_cells('A3:A5')
    ws.merge_cells('B3:B4')
    wb.save(f'{tmp}/targets.xlsx')
    rc, out = run('new', 'c3', '--framework', 'national-2020', '--targets', f'{tmp}/targets.xlsx', cwd=tmp)
    check(rc == 0, f'new --targets xlsx exits 0: {out}')
    check('targets.xlsx 绩效目标表!D4' in out, f'row without 指标值 reported at its cell: {out}')
    fw = json.load(open(f'{tmp}/c3/c3-framework.json'))
    c1 = find(fw['indicators'], 'C1')
    check([l['name'] for l in c1['children']] == ['培训人数', '培训场次'], 'merged 一级/二级 carried down')
    check([l['weight'] for l in c1['children']] == [5, 5], 'C1 10 split 5/5')
    check(c1['children'][1]['criteria'].startswith('【待完善】'), 'row without 指标值 marked to complete')
    rc, out = run('validate', f'{tmp}/c3/c3-framework.json', cwd=tmp)
    check(rc == 0 and 'todo.framework' in out, f'framework validates, with the mark as a warning: {out}')
    rc, out = run('validate', f'{tmp}/c3', cwd=tmp)
    check(rc == 1 and 'C12 培训场次 待完善' in out, f'validate on the case lists the leaf: {out}')
    check('培训场次”的指标值待完善' in out, f'validate lists the 指标值 to complete: {out}')
    rc, out = run('sheet', f'{tmp}/c3', '-o', f'{tmp}/c3.xlsx', cwd=tmp)
    check(rc == 0, f'sheet works on a case still to complete: {out}')

    # 4. Header variants: spaced names, 指标值(长期) and 指标值(年度) — the annual one when filled.
    with open(f'{tmp}/variants.csv', 'w', encoding='utf-8') as f:
        f.write('一级指标,二级指标,三 级 指 标,指标值（长期）,指标值（年度）\n'
                '产出指标,数量指标,培训人数,≥200,≥50\n'
                ',,培训场次,≥40,\n')
    rc, out = run('new', 'c4', '--framework', 'national-2020', '--targets', f'{tmp}/variants.csv', cwd=tmp)
    check(rc == 0, f'new with header variants: {out}')
    if rc == 0:
        c1 = find(json.load(open(f'{tmp}/c4/c4-framework.json'))['indicators'], 'C1')
        check('≥50' in c1['children'][0]['criteria'], f"annual 指标值 chosen: {c1['children'][0]['criteria']}")
        check('≥40' in c1['children'][1]['criteria'], 'long-term 指标值 when the annual one is blank')

print('FAILED' if failures else 'ok', len(failures))
sys.exit(1 if failures else 0)
