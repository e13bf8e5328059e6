#!/usr/bin/python3
"""jixiao new --targets places rows by meaning, older table structures included: 满意度 in a row's
name → the framework's satisfaction indicator; 效果 is 效益; 效益 二级 by key terms (经济/社会/生态/
可持续). Expectations written from national-2020's tree (D15 服务对象满意度, D11 经济效益, D12
社会效益, D14 可持续影响) before running."""
import json
import os
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


def parent_of(fw, leaf_name):
    def walk(node, parent):
        if node.get('name') == leaf_name:
            return parent
        for child in node.get('children', []):
            found = walk(child, node)
            if found:
                return found
        return None
    for top in fw['indicators']:
        found = walk(top, None)
        if found:
            return found
    return None


def new(tmp, name, targets):
    p = subprocess.run([BIN, 'new', f'{tmp}/{name}', '--framework', 'national-2020', '--targets',
                        targets], capture_output=True, text=True)
    check(p.returncode == 0, f'{name}: new exit {p.returncode}: {p.stderr[:300]}')
    check('targets.unplaced' not in p.stderr, f'{name}: rows left unplaced: {p.stderr[:500]}')
    fw = json.load(open(f'{tmp}/{name}/{name}-framework.json', encoding='utf-8'))
    v = subprocess.run([BIN, 'validate', f'{tmp}/{name}/{name}-framework.json'],
                       capture_output=True, text=True)
    check(v.returncode == 0, f'{name}: derived framework validates: {v.stdout[:300]}{v.stderr[:300]}')
    return fw


with tempfile.TemporaryDirectory() as tmp:
    # Hebei Handan 2019 (older structure: 一级 效果指标, blank 二级).
    fw = new(tmp, 'handan', f'{ROOT}/tests/targets-corpus/hebei-handan-dibao-2019/targets.csv')
    p = parent_of(fw, '救助对象对救助工作满意度(%)')
    check(p is not None and p.get('name') == '服务对象满意度', f'handan satisfaction under {p and p.get("name")}')
    p = parent_of(fw, '救助覆盖率')
    check(p is not None and p.get('code', '').startswith('C'), f'handan 产出 row under {p and p.get("name")}')

    # A hand-typed older table: 效果指标 with 经济效果/社会效果/可持续发展 and a blank 二级 满意率.
    fw = new(tmp, 'older', f'{ROOT}/tests/targets-older/targets.csv')
    expected = {'带动农户增收(万元)': '经济效益', '农村卫生厕所普及率': '社会效益',
                '长效管护机制': '可持续影响', '受益群众满意率': '服务对象满意度',
                '改造农村户厕数量(户)': '产出数量', '改造完成时间': '产出时效'}
    for leaf, parent in expected.items():
        p = parent_of(fw, leaf)
        check(p is not None and p.get('name') == parent, f'older: {leaf} under {p and p.get("name")}, expected {parent}')

    # Blank 二级 throughout (as in hebei-handan): the 三级 name's key terms choose the 二级, and a
    # generic 效益 row never swallows the satisfaction indicator (no row lost).
    fw = new(tmp, 'blank', f'{ROOT}/tests/targets-older/blank-level2/targets.csv')
    expected = {'救助覆盖率': '产出数量', '救助资金按时发放率': '产出时效', '救助资金按标准发放的比率': '产出质量',
                '困难群众基本生活得到有效保障': '社会效益', '带动困难家庭增收': '经济效益',
                '救助对象满意度(%)': '服务对象满意度'}
    for leaf, parent in expected.items():
        p = parent_of(fw, leaf)
        check(p is not None and p.get('name') == parent, f'blank: {leaf} under {p and p.get("name")}, expected {parent}')

if failures:
    print(f'{len(failures)} failure(s)')
    sys.exit(1)
print('new --targets by meaning ok')
