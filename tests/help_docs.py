#!/usr/bin/python3
"""Every command's --help points to documents that ship in the repository, and to no others."""
import os
import re
import subprocess
import sys

BIN = os.path.abspath(sys.argv[1])
top = subprocess.run([BIN, '--help'], capture_output=True, text=True).stdout
commands = re.findall(r'^  (\w+)\s', top, re.M)
failures = []
if len(commands) < 10:
    failures.append(f'commands listed: {commands}')
for command in commands:
    text = subprocess.run([BIN, command, '--help'], capture_output=True, text=True).stdout
    cited = re.findall(r'(?<![\w/.])(?:docs/)?[\w-]+\.md\b', text)
    if not any(c.startswith('docs/') for c in cited):
        failures.append(f'{command} --help names no shipped doc')
    for doc in cited:
        if not os.path.isfile(doc):
            failures.append(f'{command} --help cites {doc}, which is not in the repository')
for f in failures:
    print('FAIL:', f)
print('FAILED' if failures else 'ok', len(failures))
sys.exit(1 if failures else 0)
