#!/usr/bin/env python3
"""Reference scorer, written from docs/rules.md and DESIGN.md (not from the C++ sources).

score_case(dir) -> {"error": True} or {"nodes": {code: hundredths}, "total": hundredths,
"grade": label}. Every figure is a fractions.Fraction until the one half-up rounding per leaf.
Reads only what the generator (gen.py) writes: framework.json, case.json, budget.csv,
transfers.csv, targets.csv.
"""
import csv
import datetime
import json
import os
import re
from fractions import Fraction as F


class Refused(Exception):
    """The documented contract says this input is an error."""


# ---- values with units (docs/rules.md "Values with units") ----
def normalise(text):
    out = []
    for ch in text:
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E:
            out.append(chr(o - 0xFEE0))
        elif o == 0x3000:
            out.append(" ")
        elif o == 0x2212:
            out.append("-")
        else:
            out.append(ch)
    return "".join(out)


NUMBER = re.compile(r"^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?(.*)$")


def quantity(text):
    """(Fraction, unit) or Refused."""
    t = normalise(str(text)).strip()
    m = NUMBER.match(t)
    if not t or not m or (m.group(2) is None and m.group(3) is None):
        raise Refused("not a number: " + t)
    sign, whole, frac, rest = m.groups()
    if whole and "," in whole and whole[0] == "0":
        raise Refused("bad separators")
    rest = rest.strip()
    if rest[:1] in (",", ".", "/") or any(c.isdigit() for c in rest):
        raise Refused("not one number: " + t)
    value = F((whole or "0").replace(",", "") + ("." + frac if frac else ""))
    if sign == "-":
        value = -value
    if len(rest) >= 2 and rest[0] == "(" and rest[-1] == ")":
        rest = rest[1:-1].strip()
    return value, rest


SCALES = {"元": (0, 1), "万元": (0, 10000), "亿元": (0, 100000000), "人": (1, 1),
          "万人": (1, 10000), "人次": (2, 1), "万人次": (2, 10000)}


def simple_factor(a, b):
    if a == b:
        return F(1)
    if a in SCALES and b in SCALES and SCALES[a][0] == SCALES[b][0]:
        return F(SCALES[a][1], SCALES[b][1])
    raise Refused("units %s vs %s" % (a, b))


def to_unit(value, unit, wanted):
    if unit == "" or unit == wanted:
        return value
    a, b = unit.split("/"), wanted.split("/")
    if len(a) != len(b) or len(a) > 2:
        raise Refused("units %s vs %s" % (unit, wanted))
    factor = simple_factor(a[0].strip(), b[0].strip())
    if len(a) == 2:
        factor /= simple_factor(a[1].strip(), b[1].strip())
    return value * factor


def amount_points(written, weight):
    """An amount: bare number = points, "25%"/"2/3" = share of the weight."""
    if isinstance(written, F):
        points = written
    else:
        t = normalise(written).strip()
        if "/" in t:
            n, d = t.split("/", 1)
            n, nu = quantity(n)
            d, du = quantity(d)
            if nu or du or d == 0:
                raise Refused("bad share")
            points = n / d * weight
            if n / d > 1:
                raise Refused("share above 100%")
        else:
            v, unit = quantity(t)
            if unit == "%":
                if v > 100:
                    raise Refused("share above 100%")
                points = v / 100 * weight
            elif unit in ("", "分"):
                points = v
            else:
                raise Refused("unit in amount")
    if points < 0:
        raise Refused("negative amount")
    return points


def fraction(v):
    if isinstance(v, F):
        return v
    t = normalise(v).strip()
    if t.endswith("%"):
        return F(t[:-1]) / 100
    if "/" in t:
        n, d = t.split("/")
        return F(n) / F(d)
    return F(t)


def parse_date(text):
    t = normalise(text).strip()
    for pattern in (r"^(\d{4})-(\d{1,2})-(\d{1,2})$", r"^(\d{4})/(\d{1,2})/(\d{1,2})$",
                    r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$", r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"):
        m = re.match(pattern, t)
        if m:
            return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    raise Refused("date " + t)


# ---- qualitative targets (docs/rules.md tables 1 and 2) ----
SYNONYMS = [
    {"建立健全", "健全", "已建立健全", "已建立", "建立"},
    {"健全且执行有效", "健全及执行有效", "健全并执行有效"},
    {"明显提升", "显著提升", "有效提升", "明显提高", "显著提高"},
    {"进一步完善", "完善", "已完善", "得到完善"},
    {"进一步健全", "健全", "已健全", "得到健全"},
    {"减轻", "有所减轻", "明显减轻", "得到减轻"},
    {"及时", "按时", "按期"},
    {"准确", "无差错"},
    {"有效", "切实有效"},
    {"规范", "合规"},
]
MET_WORDS = {"已达到", "达到", "已达成", "达成", "已完成", "完成", "已实现", "实现", "符合", "是",
             "已落实", "落实"}
NOT_MET = ("未", "不", "没有", "尚未", "无", "否")


def same(a, b):
    return a == b or any(a in s and b in s for s in SYNONYMS)


def strip_note(text):
    for o, c in (("（", "）"), ("(", ")")):
        if text.endswith(c):
            at = text.find(o)
            if at > 0:
                return text[:at].strip()
    return text


def qualitative(target, actual):
    t, a = normalise(target).strip(), normalise(strip_note(actual.strip())).strip()
    if same(a, t) or a == "已" + t or a in MET_WORDS:
        return "met"
    for p in ("基本", "部分"):
        if a.startswith(p):
            rest = a[len(p):]
            if rest == "" or same(rest, t) or rest == "已" + t or rest in MET_WORDS:
                return "partly"
    if not t.startswith(NOT_MET) and a.startswith(NOT_MET):
        return "not"
    raise Refused("qualitative " + actual)


OPS = [("≥", "ge"), (">=", "ge"), ("≤", "le"), ("<=", "le"), (">", "gt"), ("<", "lt"),
       ("==", "eq"), ("=", "eq")]


def holds(a, op, b):
    return {"ge": a >= b, "gt": a > b, "le": a <= b, "lt": a < b, "eq": a == b}[op]


def target_fraction(rule, value, actual):
    v = normalise(value).strip()
    op = "eq"
    for sym, name in OPS:
        if v.startswith(sym):
            op, v = name, v[len(sym):].strip()
            break
    if v[:1].isdigit() or (v[:1] in "+-" and v[1:2].isdigit()):
        t, unit = quantity(v)
        a, aunit = quantity(normalise(strip_note(actual.strip())).strip())
        a = to_unit(a, aunit, unit)
        if holds(a, op, t):
            return F(1)
        if a < t:
            return F(0) if t == 0 else max(F(0), min(F(1), a / t))
        return F(0) if a == 0 else max(F(0), min(F(1), t / a))
    state = qualitative(value, actual)
    if state == "met":
        return F(1)
    if state == "partly":
        if "partly" not in rule:
            raise Refused("partly not declared")
        return fraction(rule["partly"])
    return F(0)


# ---- case data ----
def read_csv(path):
    """Rows as {column name: cell}; a header unit 年初预算(万元) is kept as "_unit:年初预算"."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    names, units = [], {}
    for h in rows[0]:
        m = re.match(r"^(.*?)[(（](.*)[)）]$", normalise(h).strip())
        names.append(m.group(1) if m else h.strip())
        if m:
            units[m.group(1)] = m.group(2)
    out = []
    for r in rows[1:]:
        row = dict(zip(names, r))
        row.update({"_unit:" + k: v for k, v in units.items()})
        out.append(row)
    return out


def money(cell, header_unit="元"):
    v, unit = quantity(cell)
    yuan = to_unit(v, unit, header_unit) * to_unit(F(1), header_unit, "元")
    if (yuan * 100).denominator != 1:
        raise Refused("finer than a fen")
    return yuan


def cell_yuan(row, column):
    return money(row[column], row.get("_unit:" + column, "元"))


def metrics_of(case_dir, framework, case):
    out = {}
    budget = os.path.join(case_dir, "budget.csv")
    if os.path.exists(budget):
        rows = read_csv(budget)
        initial = sum((cell_yuan(r, "年初预算") for r in rows), F(0))
        adjusted = sum((cell_yuan(r, "调整后预算") for r in rows), F(0))
        actual = sum((cell_yuan(r, "实际支出") for r in rows), F(0))
        for r in rows:
            if cell_yuan(r, "年初预算") + cell_yuan(r, "调整金额") != cell_yuan(r, "调整后预算"):
                raise Refused("budget line sum")
        out.update({"年初预算": initial, "调整后预算": adjusted, "实际支出": actual})
        if adjusted != 0:
            out["预算执行率"] = 100 * actual / adjusted
            out["成本节约率"] = 100 * (adjusted - actual) / adjusted
        if initial != 0:
            out["预算调整率"] = 100 * (adjusted - initial) / initial
    declared = {m["name"]: m["unit"] for m in framework.get("metrics", [])}
    for name, m in case.get("metrics", {}).items():
        raw = m["value"]
        if "unit" in m:
            unit = m["unit"]
        else:
            unit = quantity(raw)[1]
        value = raw if isinstance(raw, F) else to_unit(*quantity(raw), unit)
        if name in declared:
            value = to_unit(value, unit, declared[name])
        out[name] = value
    return out


def leaf_score(leaf, case_dir, case, metrics, signed):
    rule = leaf["rule"]
    weight = leaf["weight"]
    finding = case.get("findings", {}).get(leaf["code"], {})
    kind = rule["type"]

    def metric():
        name = rule["metric"]
        if name in signed and "absolute" not in rule:
            raise Refused("signed metric without absolute")
        if name not in metrics:
            raise Refused("missing metric " + name)
        v = metrics[name]
        absolute = rule.get("absolute", name == "预算调整率")
        return abs(v) if absolute else v

    if kind == "deduction":
        exact = max(F(0), weight - sum((amount_points(d["amount"], weight)
                                        for d in finding.get("deductions", [])), F(0)))
    elif kind == "levels":
        chosen = [l for l in rule["levels"] if l["label"] == finding.get("level")]
        if not chosen:
            raise Refused("level")
        exact = weight * fraction(chosen[0]["fraction"])
    elif kind == "elements":
        exact = F(0)
        for n in set(finding["met_elements"]):
            e = rule["elements"][int(n) - 1]
            exact += (weight * fraction(e["fraction"]) if "fraction" in e
                      else amount_points(e["points"], weight))
    elif kind == "ratio":
        v, t = metric(), rule["target"]
        if rule.get("direction", "higher") == "higher":
            f = max(F(0), min(F(1), v / t))
        else:
            f = F(1) if v <= t else max(F(0), min(F(1), t / v))
        exact = weight * f
    elif kind == "bands":
        v = metric()
        for band in rule["bands"]:
            if "op" not in band:
                exact = weight * fraction(band["fraction"])
                break
            op = dict(OPS)[band["op"]]
            if holds(v, op, band["value"]):
                exact = weight * fraction(band["fraction"])
                break
        else:
            raise Refused("no band")
    elif kind == "linear":
        v = metric()
        gap = (rule["full_at"] - v) if rule.get("direction", "higher") == "higher" \
            else (v - rule["full_at"])
        steps = max(F(0), gap) / rule["per"]
        mode = rule.get("steps", "exact")
        if steps.denominator != 1 and mode == "started":
            steps = F(steps.numerator // steps.denominator + 1)
        elif steps.denominator != 1 and mode == "completed":
            steps = F(steps.numerator // steps.denominator)
        exact = max(F(0), weight - steps * amount_points(rule["deduct"], weight))
    elif kind == "target":
        rows = [r for r in read_csv(os.path.join(case_dir, "targets.csv"))
                if r["三级"] == rule["target"]]
        if not rows or not rows[-1]["实际值"].strip():
            raise Refused("target row")
        exact = weight * target_fraction(rule, rows[-1]["指标值"], rows[-1]["实际值"])
    elif kind == "timeliness":
        lost = F(0)
        for r in read_csv(os.path.join(case_dir, "transfers.csv")):
            days = (parse_date(r["实际日期"]) - parse_date(r["截止日期"])).days
            if days > 0:
                lost += (amount_points(rule["per_item"], weight) if "per_item" in rule
                         else days * amount_points(rule["per_day"], weight))
        exact = max(F(0), weight - lost)
    else:
        raise AssertionError(kind)
    if kind != "deduction" and finding.get("deductions"):
        exact = max(F(0), exact - sum((amount_points(d["amount"], weight)
                                       for d in finding["deductions"]), F(0)))
    rounded = int((exact * 100 + F(1, 2)) // 1)  # exact ≥ 0: half-up
    if "override" in finding:
        o = finding["override"]["score"] * 100
        if o < 0 or o > weight * 100:
            raise Refused("override range")
        rounded = int(o)
    return rounded


def score_case(case_dir):
    def load(path):
        with open(path, encoding="utf-8") as f:
            return json.loads(f.read(), parse_float=F, parse_int=F)
    case = load(os.path.join(case_dir, "case.json"))
    framework = load(os.path.join(case_dir, case["framework"]))
    try:
        metrics = metrics_of(case_dir, framework, case)
        signed = {m["name"] for m in framework.get("metrics", []) if m.get("signed")}
        nodes = {}

        def walk(node):
            if "children" in node:
                nodes[node["code"]] = sum(walk(c) for c in node["children"])
            else:
                nodes[node["code"]] = leaf_score(node, case_dir, case, metrics, signed)
            return nodes[node["code"]]
        total = sum(walk(n) for n in framework["indicators"])
    except Refused:
        return {"error": True}
    grade = next(g["label"] for g in framework["grades"] if total >= g["min"] * 100)
    return {"nodes": nodes, "total": total, "grade": grade}


if __name__ == "__main__":
    import sys
    print(score_case(sys.argv[1]))
