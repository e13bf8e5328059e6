#!/usr/bin/env python3
"""The shipped weak target table must trip at least 8 distinct checker rules, each reported with
a row (or the table), a Chinese message, and exit code 1 for its errors; the good one none.
Usage: targets_weak_rules.py JIXIAO"""
import json, subprocess, sys

def check(folder):
    p = subprocess.run([sys.argv[1], "targets", "check", folder, "--budget", folder + "/budget.csv", "--json"],
                       capture_output=True, text=True)
    return p.returncode, json.loads(p.stdout)

code, weak = check("data/targets/gumei-eldercare-2025-weak")
rules = sorted({i["rule"] for i in weak})
errors = []
if len(rules) < 8:
    errors.append(f"weak table trips only {rules}")
if code != 1:
    errors.append(f"weak table exit code {code}, expected 1 (it has error-level issues)")
if any(not i["message"] for i in weak):
    errors.append("an issue without message")
code, good = check("data/targets/gumei-eldercare-2025")
if good or code != 0:
    errors.append(f"good table: exit {code}, issues {good}")
if errors:
    print("\n".join(errors))
    sys.exit(1)
print(f"weak table trips {len(rules)} rules: {' '.join(rules)}; the good table passes")
