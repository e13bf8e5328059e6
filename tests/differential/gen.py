#!/usr/bin/env python3
"""Random frameworks and cases for the differential test (tests/differential/run.py).

Covers the eight rule types; every parameter form (points, "25%"/"2/3" shares, full-width, steps
exact/started/completed, absolute true/false/unset, partly); signed metrics (budget cuts and
increases, a declared signed metric); zero denominators; boundary values (a metric exactly on a
band edge or on full_at, transfers on the due date); values written the Excel way ("99.2%",
"1,568.99万元", "0.0129万元/人", four date forms). Each case is written as a directory with
framework.json beside case.json.
"""
import datetime
import json
import os
import random
from fractions import Fraction as F

FULL = str.maketrans("0123456789.%,", "０１２３４５６７８９．％，")


def dec(x, places=2):
    """Exact decimal text of a Fraction with a terminating expansion (≤ places)."""
    q = F(x) * 10 ** places
    assert q.denominator == 1, x
    n = q.numerator
    sign = "-" if n < 0 else ""
    n = abs(n)
    whole, part = divmod(n, 10 ** places)
    text = str(whole) + ("." + str(part).rjust(places, "0") if places else "")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return sign + text


def grouped(text):
    sign = "-" if text.startswith("-") else ""
    text = text.lstrip("-")
    whole, _, part = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ",".join(groups) + ("." + part if part else "")


class Gen:
    def __init__(self, rng):
        self.r = rng

    def amount(self, weight, max_points):
        """An amount in a random documented form; returns (json value, points)."""
        r = self.r
        form = r.choice(["points", "points_str", "percent", "thirds", "full_width"])
        if form == "points":
            p = F(r.randint(0, int(max_points * 4)), 4)
            return float(dec(p)) if p.denominator != 1 else int(p), p
        if form == "points_str":
            p = F(r.randint(0, int(max_points * 2)), 2)
            return dec(p) + r.choice(["", "分"]), p
        if form == "percent":
            pct = r.choice([5, 10, 12.5, 20, 25, 33, 40, 50])
            return dec(F(str(pct))) + "%", F(str(pct)) / 100 * weight
        if form == "thirds":
            n = r.choice([1, 2])
            return "%d/3" % n, F(n, 3) * weight
        pct = r.choice([10, 25, 50])
        return (str(pct) + "%").translate(FULL), F(pct, 100) * weight

    def written_percent(self, value):
        """A percent metric value (Fraction, ≤2 places) in a random form; returns json value."""
        r = self.r
        text = dec(value)
        form = r.choice(["number", "pct", "pct_space", "full"])
        if form == "number":
            return float(text) if "." in text else int(text)
        if form == "pct":
            return text + "%"
        if form == "pct_space":
            return text + " %"
        return (text + "%").translate(FULL)

    def yuan_cell(self, yuan):
        r = self.r
        form = r.choice(["plain", "grouped", "wan"])
        if form == "plain":
            return dec(yuan)
        if form == "grouped":
            return grouped(dec(yuan))
        return grouped(dec(yuan / 10000, 6)) + "万元"

    def date_text(self, d):
        form = self.r.choice(["iso", "slash", "dot", "cn"])
        if form == "iso":
            return d.strftime("%Y-%m-%d")
        if form == "slash":
            return d.strftime("%Y/%m/%d")
        if form == "dot":
            return "%d.%d.%d" % (d.year, d.month, d.day)
        return "%d年%d月%d日" % (d.year, d.month, d.day)


def budget(g, zero_initial, zero_adjusted):
    r = g.r
    rows = []
    for i in range(r.randint(1, 3)):
        initial = F(r.randint(0, 200000000), 100) if not zero_initial else F(0)
        change = r.choice([F(0), F(r.randint(-5000000, 5000000), 100)])
        adjusted = initial + change
        if adjusted < 0 or zero_adjusted:
            adjusted, change = F(0), -initial
        actual = adjusted * F(r.randint(80, 100), 100)
        actual = F(int(actual * 100), 100)
        rows.append((initial, change, adjusted, actual))
    wan = r.random() < 0.3  # a 万元 header: cells in 万元, or carrying their own unit
    cell = (lambda y: r.choice([grouped(dec(y / 10000, 6)), grouped(dec(y)) + "元"])) if wan \
        else g.yuan_cell
    unit = "(万元)" if wan else ""
    text = "序号,项目构成,项目明细,资金来源,年初预算%s,调整金额%s,调整后预算%s,实际支出%s\n" % (
        (unit,) * 4)
    for i, (a, b, c, d) in enumerate(rows, 1):
        text += "%d,构成%d,明细%d,区级,\"%s\",\"%s\",\"%s\",\"%s\"\n" % (
            i, i, i, cell(a), cell(b), cell(c), cell(d))
    return text


def leaf_rule(g, code, weight, case, targets, metric_names):
    """A random rule for a leaf of `weight`, filling the case's findings/targets as needed."""
    r = g.r
    kind = r.choice(["deduction", "levels", "elements", "ratio", "bands", "linear", "target",
                     "timeliness"])
    finding = {"value": "业绩值"}
    rule = {"type": kind}
    if kind == "deduction":
        finding["deductions"] = [
            {"amount": g.amount(weight, weight / 2)[0], "reason": "问题%d" % i}
            for i in range(r.randint(0, 3))]
    elif kind == "levels":
        rule["levels"] = [{"label": "好", "fraction": 1},
                          {"label": "中", "fraction": r.choice(["50%", "2/3", 0.75, "60％"])},
                          {"label": "差", "fraction": 0}]
        finding["level"] = r.choice(["好", "中", "差"])
    elif kind == "elements":
        n = r.randint(2, 4)
        if r.random() < 0.5:
            shares = {2: ["1/2", "50%"], 3: ["1/3", "1/3", "1/3"], 4: ["25%", "1/4", "25%", "25%"]}
            rule["elements"] = [{"text": "要素%d" % i, "fraction": s}
                                for i, s in enumerate(shares[n][:n] if n != 2 else ["1/2", "50%"])]
        else:
            parts, left = [], weight
            for i in range(n - 1):
                p = F(r.randint(0, int(left * 2)), 2) if left > 0 else F(0)
                parts.append(p)
                left -= p
            elems = [{"text": "要素%d" % i, "points": dec(p) + r.choice(["", "分"])}
                     for i, p in enumerate(parts)]
            elems.append({"text": "末要素", "points": "%d/%d" % ((left / weight).numerator,
                                                                 (left / weight).denominator)})
            rule["elements"] = elems
        finding["met_elements"] = sorted(r.sample(range(1, len(rule["elements"]) + 1),
                                                  r.randint(0, len(rule["elements"]))))
    elif kind in ("ratio", "bands", "linear"):
        metric = r.choice(metric_names)
        rule["metric"] = metric
        if metric in ("预算调整率", "增长率") or r.random() < 0.2:
            choice = r.choice([None, True, False])
            if metric == "增长率" and choice is None and r.random() < 0.8:
                choice = r.choice([True, False])  # mostly valid; sometimes a validate error
            if choice is not None:
                rule["absolute"] = choice
        if kind == "ratio":
            rule["target"] = r.choice([100, 90, 95.5, 50])
            rule["direction"] = r.choice(["higher", "lower"])
        elif kind == "bands":
            edges = sorted(r.sample([0, 5, 10, 20, 60, 80, 90, 95, 100], 3), reverse=True)
            op = r.choice([">=", ">", "≥"])
            bands = [{"op": op, "value": e, "fraction": f}
                     for e, f in zip(edges, [1, "75%", "1/3"])]
            if r.random() < 0.5:
                bands = [{"op": "<=", "value": e, "fraction": f}
                         for e, f in zip(sorted(edges), [1, "50%", "2/3"])]
            if r.random() < 0.9:
                bands.append({"fraction": 0})
            rule["bands"] = bands
        else:
            rule["full_at"] = r.choice([100, 95, 0, 10])
            rule["direction"] = r.choice(["higher", "lower"])
            rule["per"] = r.choice([1, 0.5, 2, 5])
            rule["deduct"] = g.amount(weight, weight / 4)[0]
            mode = r.choice([None, "exact", "started", "completed"])
            if mode:
                rule["steps"] = mode
    elif kind == "target":
        name = "目标" + code
        rule["target"] = name
        form = r.choice(["percent", "per_person", "qual_met", "qual_partly", "qual_not",
                         "qual_note", "count"])
        if form == "percent":
            t = r.choice([90, 95, 100])
            op = r.choice(["≥", ">=", "=", "≤"])
            a = F(r.randint(8000, 10000), 100)
            if r.random() < 0.2:
                a = F(t)
            targets.append((name, "%s%d%%" % (op, t), g.written_percent(a) if False else
                            r.choice([dec(a) + "%", (dec(a) + "%").translate(FULL)])))
        elif form == "per_person":
            targets.append((name, "≤129元/人", r.choice(["0.0129万元/人", "129元/人", "130元/人",
                                                        "0.0128万元/人"])))
        elif form == "count":
            targets.append((name, "≥3200人", r.choice(["3,300人", "0.32万人", "3100人", "3200"])))
        elif form == "qual_met":
            t = r.choice(["及时", "准确", "有效", "建立健全", "明显提升", "进一步完善"])
            targets.append((name, t, r.choice([t, "已达到", "已" + t, "达成"])))
        elif form == "qual_partly":
            t = r.choice(["有效", "进一步完善", "及时"])
            targets.append((name, t, "基本" + t.replace("进一步", "")))
            if r.random() < 0.85:
                rule["partly"] = r.choice(["50%", "60%", "2/3", 0.8])
        elif form == "qual_not":
            t = r.choice(["及时", "有效", "建立健全"])
            targets.append((name, t, r.choice(["不够" + t, "未" + t, "未达到"])))
        else:
            targets.append((name, "准确", "准确（按129元/人执行）"))
    else:
        rule["source"] = "transfers"
        if r.random() < 0.5:
            rule["per_item"] = g.amount(weight, weight / 3)[0]
        else:
            rule["per_day"] = g.amount(weight, weight / 10)[0]
    if kind != "deduction" and r.random() < 0.25:
        finding["deductions"] = [{"amount": g.amount(weight, weight / 3)[0], "reason": "另扣"}]
    if r.random() < 0.05:
        finding["override"] = {"score": float(dec(F(r.randint(0, int(weight * 4)), 4))),
                               "reason": "评价小组调整"}
    case["findings"][code] = finding
    return rule


def make_case(seed, root):
    r = random.Random(seed)
    g = Gen(r)
    d = os.path.join(root, "case-%04d" % seed)
    os.makedirs(d, exist_ok=True)
    zero_initial = r.random() < 0.06
    zero_adjusted = r.random() < 0.04
    case = {"framework": "framework.json",
            "project": {"name": "生成案例%d" % seed, "year": "2024"},
            "metrics": {}, "findings": {}}
    declared = [{"name": "满意度", "unit": "%", "description": "问卷"},
                {"name": "增长率", "unit": "%", "description": "同比", "signed": True}]
    sat = F(r.choice([r.randint(5000, 10000), 9000, 8000, 10000]), 100)
    case["metrics"]["满意度"] = {"value": g.written_percent(sat), "source": "问卷"}
    if isinstance(case["metrics"]["满意度"]["value"], (int, float)) or r.random() < 0.5:
        case["metrics"]["满意度"]["unit"] = "%"
    growth = F(r.randint(-3000, 3000), 100)
    case["metrics"]["增长率"] = {"value": dec(growth) + "%", "unit": "%", "source": "统计"}
    declared.append({"name": "人均补助", "unit": "元/人", "description": "补助标准"})
    declared.append({"name": "受助人数", "unit": "人", "description": "台账人数"})
    per_person = F(r.randint(50, 150))
    case["metrics"]["人均补助"] = r.choice([
        {"value": grouped(dec(per_person / 10000, 6)) + "万元/人", "source": "清册"},
        {"value": dec(per_person) + "元/人", "unit": "元/人", "source": "清册"},
        {"value": int(per_person), "unit": "元/人", "source": "清册"},
        {"value": dec(per_person / 10000, 6), "unit": "万元/人", "source": "清册"}])
    people = F(r.randint(0, 200) * 10)
    case["metrics"]["受助人数"] = r.choice([
        {"value": grouped(dec(people)) + "人", "source": "台账"},
        {"value": dec(people / 10000, 4) + "万人", "source": "台账"},
        {"value": (grouped(dec(people)) + "人").translate(FULL), "source": "台账"}])
    metric_names = ["满意度", "增长率", "预算执行率", "预算调整率", "成本节约率", "人均补助",
                    "受助人数"]
    targets = []
    indicators = []
    total = F(0)
    for i in range(r.randint(1, 4)):
        top = {"code": "T%d" % i, "name": "一级%d" % i, "children": []}
        top_weight = F(0)
        for j in range(r.randint(1, 4)):
            code = "T%dL%d" % (i, j)
            weight = F(r.randint(2, 24), 2) if r.random() < 0.7 else F(r.randint(100, 1200), 100)
            rule = leaf_rule(g, code, weight, case, targets, metric_names)
            top["children"].append({"code": code, "name": "末级" + code,
                                    "weight": float(dec(weight)), "rule": rule})
            top_weight += weight
        top["weight"] = float(dec(top_weight))
        total += top_weight
        indicators.append(top)
    framework = {"id": "gen-%d" % seed, "title": "生成指标体系", "total": float(dec(total)),
                 "grades": [{"label": "优", "min": float(dec(F(int(total * 9 * 10), 100)))},
                            {"label": "良", "min": float(dec(F(int(total * 8 * 10), 100)))},
                            {"label": "合格", "min": float(dec(F(int(total * 6 * 10), 100)))},
                            {"label": "不合格", "min": 0}],
                 "metrics": declared, "indicators": indicators}
    with open(os.path.join(d, "framework.json"), "w", encoding="utf-8") as f:
        json.dump(framework, f, ensure_ascii=False, indent=1)
    with open(os.path.join(d, "case.json"), "w", encoding="utf-8") as f:
        json.dump(case, f, ensure_ascii=False, indent=1)
    with open(os.path.join(d, "budget.csv"), "w", encoding="utf-8") as f:
        f.write(budget(g, zero_initial, zero_adjusted))
    with open(os.path.join(d, "transfers.csv"), "w", encoding="utf-8") as f:
        f.write("事项,金额,截止日期,实际日期\n")
        for k in range(r.randint(1, 4)):
            due = datetime.date(2024, 1, 1) + datetime.timedelta(days=r.randint(0, 300))
            actual = due + datetime.timedelta(days=r.choice([0, 0, -2, 1, 3, 12, r.randint(-5, 30)]))
            f.write("事项%d,\"%s\",%s,%s\n" % (k, g.yuan_cell(F(r.randint(1, 10 ** 8), 100)),
                                              g.date_text(due), g.date_text(actual)))
    with open(os.path.join(d, "targets.csv"), "w", encoding="utf-8") as f:
        f.write("一级,二级,三级,指标值,实际值,出处依据\n")
        for name, value, actual in targets:
            f.write("产出目标,数量,%s,\"%s\",\"%s\",台账\n" % (name, value, actual))
    return d
