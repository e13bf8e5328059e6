#!/usr/bin/env python3
"""`selfeval check` of an .xlsx 自评表 finds what it finds on the CSV folder: each workbook of
tests/selfeval-xlsx (built by make_fixtures.py from a corpus form, in that province's layout) must give
the same totals, the same rows (indicator, weight, claimed, computed) and the same findings (code,
severity) per unit as its corpus folder, and every row finding must name its cell (Sheet!C5).
Usage: selfeval_xlsx.py JIXIAO"""
import json, os, re, subprocess, sys

JIXIAO = sys.argv[1]
PAIRS = {
    "national.xlsx": "03-anhui-tianchang-flood-control-2022",
    "sichuan-xianjie.xlsx": "01-sichuan-zhongjiang-water-gauge-2022",
    "yunnan-public.xlsx": "02-yunnan-yongde-nutrition-2022",
    "hubei.xlsx": "04-hubei-huanggang-soil-monitoring-2020",
    "sichuan-2023.xlsx": "05-sichuan-qingshen-salary-2023",
    "national-yuan.xlsx": "07-shanghai-putuo-sports-venue-2022",
}


def check(path):
    p = subprocess.run([JIXIAO, "selfeval", "check", path, "--json"], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        raise SystemExit(f"{path}: exit {p.returncode}: {p.stderr.strip()}")
    return p.returncode, json.loads(p.stdout)


def codes(findings):
    return sorted((f["code"], f["severity"]) for f in findings)


def shape(report):
    return {
        "form": (report["form"]["claimed_total"], report["form"]["computed_total"],
                 codes(report["form"]["findings"])),
        "budget": (report["budget"]["claimed"], report["budget"]["computed"],
                   codes(report["budget"]["findings"])),
        "rows": [(r["indicator"], r["weight"], r["claimed"], r["computed"], codes(r["findings"]))
                 for r in report["rows"]],
    }


failures = 0
for xlsx, folder in PAIRS.items():
    rc_x, from_xlsx = check(os.path.join("tests/selfeval-xlsx", xlsx))
    rc_c, from_csv = check(os.path.join("tests/selfeval-corpus", folder))
    a, b = shape(from_xlsx), shape(from_csv)
    problems = []
    if rc_x != rc_c:
        problems.append(f"exit {rc_x} vs {rc_c}")
    for key in ("form", "budget"):
        if a[key] != b[key]:
            problems.append(f"{key}: {a[key]} vs {b[key]}")
    if len(a["rows"]) != len(b["rows"]):
        problems.append(f"{len(a['rows'])} rows vs {len(b['rows'])}")
    for x, c in zip(a["rows"], b["rows"]):
        if x != c:
            problems.append(f"row {x} vs {c}")
    for r in from_xlsx["rows"]:
        for f in r["findings"]:
            if not re.search(r"!\$?[A-Z]+\$?\d+", f["message"]):
                problems.append(f"row {r['line']} {f['code']} not located at a cell: {f['message']}")
    if problems:
        failures += 1
        print(f"FAIL {xlsx} vs {folder}:\n  " + "\n  ".join(problems))
    else:
        print(f"ok {xlsx}: {len(a['rows'])} rows, same findings as {folder}")
sys.exit(1 if failures else 0)
