#!/usr/bin/env python3
"""The 自评表 复核 measured on tests/selfeval-corpus (published forms, transcribed as printed).

For each form folder, runs `jixiao selfeval check FOLDER --json` (with `--rules` when expected.json names
one) and compares its findings with expected.json, written from the document before any checker ran:
recall = expected (unit, code) findings reported / all expected, where a unit is the form, the budget or a
form.csv line; false alarms = clean units (expected ["clean"]) with an 错误/警告 finding whose code is not in
the unit's `doubtful` list (提示 notes are not alarms). Units with expected [] are not counted.
The checker's codes are mapped onto the corpus codes by CODE_MAP below (agreed by reading the checker's
code, never by editing expected.json after seeing output). Fails below 90% recall or above 5% false alarms.
Usage: selfeval_corpus.py JIXIAO [CORPUS_DIR] [--markdown]"""
import json, os, subprocess, sys

# checker code -> corpus code, from docs/selfeval.md's findings table and src/scoring/selfeval_*.cc
# (codes the corpus has no name for pass through unchanged: on a clean unit they count as alarms when
# 错误/警告, e.g. selfeval.actual_blank).
CODE_MAP = {
    "selfeval.weight_sum": "weights_sum",
    "selfeval.total_sum": "total_mismatch",
    "selfeval.rate_printed": "rate_printed_wrong",
    "selfeval.rate_over_100": "rate_over_100",
    "selfeval.score_over_weight": "score_over_weight",
    "selfeval.full_marks_blank_actual": "full_marks_blank_actual",
    "selfeval.actual_repeats_target": "full_marks_repeated_actual",
    "selfeval.full_marks_missed": "full_marks_missed",
    "selfeval.lost_marks_no_reason": "marks_lost_met_no_reason",
    "selfeval.missed_no_reason": "missed_no_reason",
    "selfeval.rate_low_no_reason": "missed_no_reason",
    "selfeval.execution_scored_twice": "rate_scored_twice",
    "selfeval.unit_mismatch": "unit_mismatch",
    "selfeval.score_above_rule": "score_off_rule",
    "selfeval.score_below_rule": "score_off_rule",
    "selfeval.bare_target": "bare_value",
    "selfeval.goal_actual_blank": "goal_actual_blank",
}

SEVERE = {"错误", "警告"}


def corpus_code(code):
    return CODE_MAP.get(code, code)


def run_check(jixiao, folder, rules):
    cmd = [jixiao, "selfeval", "check", folder, "--json"]
    if rules:
        cmd += ["--rules", rules]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        raise SystemExit(f"{folder}: jixiao failed ({p.returncode}): {p.stderr.strip()}")
    try:
        report = json.loads(p.stdout)
    except json.JSONDecodeError as e:
        raise SystemExit(f"{folder}: --json output is not JSON ({e}): {p.stdout[:200]}")
    for key in ("form", "budget", "rows"):
        if key not in report:
            raise SystemExit(f"{folder}: --json output lacks \"{key}\"")
    has_error = False
    found = {}

    def add(unit, findings):
        nonlocal has_error
        for f in findings:
            if f.get("severity") not in ("错误", "警告", "提示"):
                raise SystemExit(f"{folder}: finding with severity {f.get('severity')!r}")
            if not f.get("message"):
                raise SystemExit(f"{folder}: finding {f.get('code')} without a message")
            has_error = has_error or f["severity"] == "错误"
            found.setdefault(unit, {})[corpus_code(f["code"])] = f["severity"]

    add("form", report["form"].get("findings", []))
    add("budget", report["budget"].get("findings", []))
    for row in report["rows"]:
        add(str(row["line"]), row.get("findings", []))
    if (p.returncode == 1) != has_error:
        raise SystemExit(f"{folder}: exit code {p.returncode} but error findings: {has_error}")
    return found


def form_lines(path):
    """Lines of form.csv holding a row (header = line 1), as the checker numbers them."""
    import csv, io
    text = open(path, "rb").read().decode("utf-8-sig")
    lines = []
    with io.StringIO(text, newline="") as f:
        reader = csv.reader(f)
        start = 1
        for n, row in enumerate(reader):
            if n > 0:
                lines.append(str(start))
            start = reader.line_num + 1
    return lines


def measure(jixiao, folder):
    with open(os.path.join(folder, "expected.json"), encoding="utf-8") as f:
        expected = json.load(f)
    units = [("form", expected["form"]), ("budget", expected["budget"])]
    units += [(str(r["line"]), r) for r in expected["rows"]]
    keys = {u for u, _ in units}
    missing = [l for l in form_lines(os.path.join(folder, "form.csv")) if l not in keys]
    if missing:
        raise SystemExit(f"{folder}: form.csv lines without expectation: {missing}")
    found = run_check(jixiao, folder, expected.get("rules"))
    want = hits = clean = alarms = 0
    misses, false_alarms = [], []
    for unit, e in units:
        codes = e["expected"]
        got = found.get(unit, {})
        if not codes:
            continue
        if codes == ["clean"]:
            clean += 1
            extra = sorted(c for c, sev in got.items() if sev in SEVERE and c not in e.get("doubtful", []))
            if extra:
                alarms += 1
                false_alarms.append(f"{unit}:{'/'.join(extra)}")
            continue
        for code in codes:
            want += 1
            if code in got:
                hits += 1
            else:
                misses.append(f"{unit}:{code}")
    return {"form": os.path.basename(folder.rstrip("/")), "want": want, "hits": hits, "clean": clean,
            "alarms": alarms, "misses": misses, "false_alarms": false_alarms}


def pct(a, b):
    return f"{100 * a / b:.1f}%" if b else "—"


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if not args:
        raise SystemExit(__doc__)
    jixiao = args[0]
    corpus = args[1] if len(args) > 1 else "tests/selfeval-corpus"
    results = [measure(jixiao, os.path.join(corpus, d)) for d in sorted(os.listdir(corpus))
               if os.path.isdir(os.path.join(corpus, d))]
    total = {k: sum(r[k] for r in results) for k in ("want", "hits", "clean", "alarms")}
    if "--markdown" in sys.argv:
        print("| form | expected findings | found | recall | clean units | false alarms | rate |")
        print("|---|---|---|---|---|---|---|")
        for r in results:
            print(f"| {r['form']} | {r['want']} | {r['hits']} | {pct(r['hits'], r['want'])} | {r['clean']} | "
                  f"{r['alarms']} | {pct(r['alarms'], r['clean'])} |")
        print(f"| **total ({len(results)} forms)** | {total['want']} | {total['hits']} | "
              f"{pct(total['hits'], total['want'])} | {total['clean']} | {total['alarms']} | "
              f"{pct(total['alarms'], total['clean'])} |")
    else:
        for r in results:
            print(f"{r['form']}: recall {r['hits']}/{r['want']} ({pct(r['hits'], r['want'])}), false alarms "
                  f"{r['alarms']}/{r['clean']} clean units" +
                  (f"; missed {' '.join(r['misses'])}" if r["misses"] else "") +
                  (f"; false alarms {' '.join(r['false_alarms'])}" if r["false_alarms"] else ""))
        print(f"TOTAL {len(results)} forms: recall {total['hits']}/{total['want']} "
              f"({pct(total['hits'], total['want'])}), false alarms {total['alarms']}/{total['clean']} "
              f"clean units ({pct(total['alarms'], total['clean'])})")
    ok = (len(results) >= 5 and total["want"] > 0 and total["hits"] >= 0.9 * total["want"]
          and total["alarms"] <= 0.05 * total["clean"])
    sys.exit(0 if ok else 1)


main()
