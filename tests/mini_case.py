#!/usr/bin/python3
"""The complete small example of docs/case-format.md scores as computed there by hand:
A1 2 − 25%×2 = 1.5; A2 较明确 50%×2 = 1; B1 3×95% = 2.85; B2 45÷50×3 = 2.7; 8.05分, 良."""
import json
import subprocess
import sys

p = subprocess.run([sys.argv[1], 'score', 'docs/examples/mini-case', '--json'], capture_output=True, text=True)
if p.returncode != 0:
    print(p.stdout, p.stderr)
    sys.exit(1)
card = json.loads(p.stdout)
scores = {n['code']: n['score'] for n in card['indicators']}
expected = {'A1': 1.5, 'A2': 1, 'B1': 2.85, 'B2': 2.7, 'A': 2.5, 'B': 5.55}
bad = [f'{k}: {scores.get(k)} != {v}' for k, v in expected.items() if scores.get(k) != v]
if card['total'] != 8.05 or card['grade'] != '良':
    bad.append(f"total {card['total']} {card['grade']}")
print('\n'.join(bad) or 'ok')
sys.exit(1 if bad else 0)
