#!/usr/bin/env python3
"""Finds every score, amount and percentage that jixiao generated in report.md and checks it
against the scorecard (`score --json`) and against figures recomputed here from the case's CSV
files. Text the evaluator wrote (analysis, narrative, problems…) is inserted verbatim and is set
aside first. Usage: report_figures.py JIXIAO CASE_DIR [--selftest]
--selftest plants two slips (147.17元 for 万元, 满分5分 for a weight of 4) and expects both caught."""
import csv, glob, json, os, re, subprocess, sys, tempfile
from decimal import Decimal, ROUND_HALF_UP

def q2(x):
    return Decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

def money(cell):
    cell = cell.replace(",", "").strip()
    return Decimal(cell) if re.fullmatch(r"-?\d+(\.\d+)?", cell) else None

def read_csv(path):
    raw = open(path, "rb").read()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return list(csv.reader(raw.decode(enc).splitlines()))
        except UnicodeDecodeError:
            pass
    return []

def known_amounts(case_dir):
    """Every yuan amount in the case's tables, their column sums, and 调整 magnitudes."""
    yuan = set()
    for path in glob.glob(os.path.join(case_dir, "*.csv")):
        rows = read_csv(path)
        if not rows:
            continue
        header = rows[0]
        for i, h in enumerate(header):
            scale = Decimal(10000) if "万元" in h else Decimal(1)
            values = [money(r[i]) for r in rows[1:] if i < len(r) and money(r[i]) is not None]
            for v in values:
                yuan.add(abs(v * scale))
            if values:
                yuan.add(abs(sum(values) * scale))
                yuan.add(abs(sum(values[:-1]) * scale))  # sum without a 合计 row
    return yuan

def history_change(case_dir):
    """The 近三年 analysis's change of 调整后预算 from the first year to the last, in % of the first."""
    path = os.path.join(case_dir, "history.csv")
    rows = read_csv(path)[1:] if os.path.exists(path) else []
    adjusted = [money(r[2]) for r in rows if len(r) > 2 and money(r[2]) is not None]
    if len(adjusted) < 2 or not adjusted[0]:
        return set()
    # The report year's figure is budget.csv's 调整后预算 in yuan when history.csv rounds it.
    header = read_csv(path)[0]
    scale = Decimal(10000) if len(header) > 2 and "万元" in header[2] else Decimal(1)
    budget = os.path.join(case_dir, "budget.csv")
    year = json.load(open(os.path.join(case_dir, "case.json"), encoding="utf-8"))["project"].get("year")
    if os.path.exists(budget) and rows and rows[-1][0] == year:
        b = read_csv(budget)
        col = b[0].index("调整后预算") if "调整后预算" in b[0] else None
        total = [money(r[col]) for r in b[1:] if col is not None and r and r[0] in ("合计", "总计")]
        if total and total[0] is not None and abs(total[0] / scale - adjusted[-1]) < Decimal("0.01") * 10000 / scale:
            adjusted[-1] = total[0] / scale
    return {q2(abs(adjusted[-1] - adjusted[0]) / adjusted[0] * 100)}

def per_source_adjustments(case_dir):
    """调整后预算 − 年初预算 per 资金来源 of budget.csv (the adjustment by funding source)."""
    rows = read_csv(os.path.join(case_dir, "budget.csv")) if os.path.exists(os.path.join(case_dir, "budget.csv")) else []
    if not rows or "资金来源" not in rows[0]:
        return set()
    h = rows[0]
    src, ini, adj = h.index("资金来源"), h.index("年初预算"), h.index("调整后预算")
    initial, adjusted, current = {}, {}, ""
    for r in rows[1:]:
        if r[0] in ("合计", "总计"):
            continue
        current = r[src] or current
        initial[current] = initial.get(current, 0) + (money(r[ini]) or 0)
        adjusted[current] = adjusted.get(current, 0) + (money(r[adj]) or 0)
    return {abs(adjusted[k] - initial[k]) for k in initial}

def canon(text):
    """One spelling per figure, so that evaluator text normalised by the number policy
    (324292.5元 -> 324,292.50元, 98.9% -> 98.90%) is still recognised as evaluator text."""
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    text = re.sub(r"(?<=\d) +(?=万元|元)", "", text)  # 2800 元/人 -> 2,800.00元/人
    text = re.sub(r"元 */ *", "元/", text)  # 13万元 /人 -> 13.00万元/人
    text = re.sub(r"(\d)\.00(?=%|元|万元)", r"\1", text)
    return re.sub(r"(\d\.\d)0(?=%|元|万元)", r"\1", text)

def framework_file(case_dir, framework_id):
    d = os.path.abspath(case_dir)
    while d != "/":
        for path in (os.path.join(d, framework_id + ".json"), os.path.join(d, "indicators", framework_id + ".json")):
            if os.path.exists(path):
                return path
        d = os.path.dirname(d)
    raise SystemExit(f"framework {framework_id} not found")

def walk(nodes):
    for n in nodes:
        yield n
        yield from walk(n.get("children", []))

def evaluator_texts(case_dir, framework):
    """Text written by people (evaluator findings, narrative; framework 指标解释/评分标准)."""
    case = json.load(open(os.path.join(case_dir, "case.json"), encoding="utf-8"))
    texts = [f.get("analysis", "") for f in case.get("findings", {}).values()]
    texts += [f.get("value", "") for f in case.get("findings", {}).values()]
    for node in walk(framework["indicators"]):
        texts += [node.get("explanation", ""), node.get("criteria", "")]
    targets = os.path.join(case_dir, "targets.csv")
    if os.path.exists(targets):  # 指标值/实际值 as the budget unit wrote them
        rows = read_csv(targets)
        cols = [i for i, h in enumerate(rows[0]) if h in ("指标值", "实际值")]
        texts += ["| " + r[i] + " |" for r in rows[1:] for i in cols if i < len(r)]
    for key in ("experiences", "problems", "suggestions"):
        texts += [o.get("text", "") for o in case.get(key, [])]
    for path in glob.glob(os.path.join(case_dir, "narrative", "*.md")):
        texts += [p.strip() for p in open(path, encoding="utf-8").read().split("\n\n")]
    return sorted((t for t in texts if t), key=len, reverse=True)

def md_escaped(text):
    """The text as the Markdown writer prints it (backslash before \\ * _ ` < >)."""
    return re.sub(r"([\\*_`<>])", r"\\\1", text)

def check(md, card, case_dir):
    errors = []
    framework = json.load(open(framework_file(case_dir, card["framework"]), encoding="utf-8"))
    weights = {i["code"]: Decimal(str(i["weight"])) for i in card["indicators"]}
    scores = {i["code"]: Decimal(str(i["score"])) for i in card["indicators"]}
    # 1. Per-indicator sentences: 满分/得分/扣分/扣权重的 against the scorecard.
    for m in re.finditer(r"\*\*([A-Z]\d+) [^*]+\*\*：(.*?)\n\n该指标满分([\d.]+)分，根据评分标准得([\d.]+)分。", md, re.S):
        code, body, full, got = m.group(1), m.group(2), Decimal(m.group(3)), Decimal(m.group(4))
        if full != weights[code]:
            errors.append(f"{code}: 满分{full}分, weight is {weights[code]}")
        if got != scores[code]:
            errors.append(f"{code}: 得{got}分, score is {scores[code]}")
        lost = weights[code] - scores[code]
        d = re.search(r"根据评分标准，(?:扣权重的(?:([\d.]+)%|(\d+)/(\d+))，)?扣([\d.]+)分。$", body)
        if lost and (not d or Decimal(d.group(4)) != lost):
            errors.append(f"{code}: deduction sentence does not deduct {lost}")
        if d and d.group(1) and q2(Decimal(d.group(1))) != q2(lost / weights[code] * 100):
            errors.append(f"{code}: 扣权重的{d.group(1)}% is not {lost}/{weights[code]}")
        if d and d.group(2) and q2(Decimal(d.group(2)) / Decimal(d.group(3)) * weights[code]) != lost:
            errors.append(f"{code}: 扣权重的{d.group(2)}/{d.group(3)} is not {lost}/{weights[code]}")
    # 2. Everything generated: set evaluator text aside, then check each figure with a unit.
    generated = canon(md)
    for t in evaluator_texts(case_dir, framework):
        generated = generated.replace(canon(t), " ").replace(md_escaped(canon(t)), " ")
    yuan = known_amounts(case_dir) | per_source_adjustments(case_dir)
    wan = {q2(y / 10000) for y in yuan}
    yuan2 = {q2(y) for y in yuan}
    for m in re.finditer(r"(-?[\d,]+(?:\.\d+)?)(万元|元)", generated):
        v = abs(Decimal(m.group(1).replace(",", "")))
        ok = v in (wan if m.group(2) == "万元" else yuan2)
        if not ok:
            errors.append(f"amount {m.group(0)} matches no figure of the case in that unit")
    allowed_scores = set(weights.values()) | set(scores.values()) | {Decimal(str(card["total"]))}
    allowed_scores |= {Decimal(str(g["min"])) for g in framework["grades"]} | {Decimal(str(framework["total"]))}
    allowed_scores |= {w - s for w, s in zip(weights.values(), scores.values())}
    case = json.load(open(os.path.join(case_dir, "case.json"), encoding="utf-8"))
    for key in ("problems", "suggestions"):  # 共扣…分 over the indicators a problem names
        for o in case.get(key, []):
            allowed_scores.add(sum((weights[c] - scores[c] for c in o.get("indicators", []) if c in weights), Decimal(0)))
    for m in re.finditer(r"(?<![\d.])(\d+(?:\.\d+)?)分", generated):
        if Decimal(m.group(1)) not in allowed_scores:
            errors.append(f"score {m.group(0)} is no weight, score or deduction of the scorecard")
    rates = {q2(Decimal(str(v))) for v in card["metrics"].values()}
    rates |= {q2(Decimal(str(c["rate"]))) for c in card["categories"]}
    rates |= {q2((w - s) / w * 100) for w, s in zip(weights.values(), scores.values()) if w}
    rates |= {q2(Decimal(str(card["total"])) / sum(Decimal(str(c["weight"])) for c in card["categories"]) * 100)}
    rates |= {Decimal("100.00"), Decimal("0.00")}
    rates |= history_change(case_dir)
    for node in walk(framework["indicators"]):  # thresholds and targets of the rules
        rule = node.get("rule", {})
        values = [rule.get("target"), rule.get("full_at")] + [b.get("value") for b in rule.get("bands", [])]
        rates |= {q2(Decimal(str(v))) for v in values if isinstance(v, (int, float))}
    for m in re.finditer(r"(\d+(?:\.\d+)?)%", generated):
        if q2(Decimal(m.group(1))) not in rates:
            errors.append(f"percentage {m.group(0)} is no rate of the scorecard")
    return errors

def main():
    jixiao, case_dir = sys.argv[1], sys.argv[2]
    card = json.loads(subprocess.run([jixiao, "score", case_dir, "--json"], check=True,
                                     capture_output=True, text=True).stdout)
    out = tempfile.mkdtemp()
    subprocess.run([jixiao, "report", case_dir, "-o", out, "--formats", "md"], check=True, capture_output=True)
    md = open(os.path.join(out, "report.md"), encoding="utf-8").read()
    if "--selftest" in sys.argv:
        planted = md.replace("项目实际支出147.17万元", "项目实际支出147.17元", 1)
        planted = re.sub(r"(\*\*D11 [^*]+\*\*：.*?\n\n该指标满分)4分", r"\g<1>5分", planted, count=1, flags=re.S)
        errors = check(planted, card, case_dir)
        caught = [e for e in errors if "147.17元" in e] and [e for e in errors if e.startswith("D11: 满分5")]
        print("\n".join(errors))
        sys.exit(0 if caught and len(errors) == 2 else 1)
    errors = check(md, card, case_dir)
    figures = len(re.findall(r"\d(?:万元|元|%|分)", md))
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    print(f"all generated figures agree with the scorecard ({figures} figures with units in report.md)")

main()
