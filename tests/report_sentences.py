#!/usr/bin/env python3
"""Sentences that cannot break (issue 22): a property test of the sentence builder. Every rule
type (maqiao-2024 has deduction, bands, ratio, target, timeliness; xinqiao-meals-2024 adds levels,
elements, linear) gets random metric values and, for every leaf, a random evaluator analysis —
empty, one sentence, one that already states a figure of the case, one with quotes and brackets —
and every 三级 paragraph the report prints (analysis + facts + deduction sentence) must have
balanced brackets and quotes, no doubled punctuation, no empty clause and no figure stated twice in
one sentence. Seeded: a failure names its seed and round.
Usage: report_sentences.py JIXIAO [ROUNDS] | --selftest (plants one broken sentence of each kind)"""
import json, os, random, re, shutil, subprocess, sys, tempfile

ENV = dict(os.environ, JIXIAO_OFFICE="none")
CASES = ["data/cases/maqiao-2024", "data/cases/xinqiao-meals-2024"]
PAIRS = {"（": "）", "“": "”", "《": "》", "〔": "〕", "【": "】", "‘": "’", "〈": "〉"}
CLOSERS = {v: k for k, v in PAIRS.items()}
FIGURE = r"\d[\d,]*(?:\.\d+)?(?:%|万元|元|个百分点|人次|批次|笔|天)"


def balanced(text):
    stack = []
    for ch in text:
        if ch in PAIRS:
            if ch == "“" and "“" in stack:  # quotes inside quotes are ‘…’ (GB/T 15834)
                return False
            stack.append(ch)
        elif ch in CLOSERS:
            if not stack or stack[-1] != CLOSERS[ch]:
                return False
            stack.pop()
    return not stack


def problems(text):
    found = []
    if not balanced(text):
        found.append("unbalanced brackets or quotes")
    m = re.search(r"[。，、；：]{2}|）。）|。）", text)
    if m:
        found.append(f"doubled punctuation …{m.group(0)}…")
    m = re.search(r"（）|“”|《》|[（“][，。；、：]|[，；：、][）”]|^[，。；：、]", text)
    if m:
        found.append(f"empty clause …{m.group(0)}…")
    # The framework's 评分标准 names each band boundary twice (80%（含）–90%；70%–80%): quoted, it
    # runs up to what the builder says next.
    text = re.sub(r"评分标准为：.*?(?=经核查|问卷调查显示|根据评分标准|因|$)", "", text)
    for sentence in re.split(r"(?<=。)", text):
        # a target or standard compared with the value is another figure, even when equal
        said = re.sub(r"“[^”]*”|（[^）]*）|(?:目标值|标准|限额)" + FIGURE, "", sentence)
        figures = re.findall(r"(?<![\d.,〔≥≤<>＞＜])" + FIGURE, said)
        twice = {f for f in figures if figures.count(f) > 1}
        if twice:
            found.append(f"figure stated twice {sorted(twice)} in: {sentence[:80]}")
    return found


def analyses(rng, figures, stated):
    figure = rng.choice(figures) if figures else "100.00%"
    rate = rng.choice(stated) if stated else f"相关比率为{figure}"
    return [
        "",
        "经核查，该项工作已按要求完成。",
        f"经核查，{rate}。",
        f"经核查，{rate}（按绝对值评分），在0～10%（含）之间",
        f"{rate}",
        f"根据“{rng.choice(['沪惠保', '医疗救助', '免申即享'])}”工作要求（见《实施方案》〔2024〕），"
        f"相关台账显示为{figure}",
    ]


def randomize(case, rng, leaves):
    """leaves: code -> the figures its base paragraph states ("预算调整率为9.02%")."""
    figures, values = [], {}
    for name, metric in case.get("metrics", {}).items():
        value = metric.get("value")
        if isinstance(value, (int, float)):
            if metric.get("unit") == "%":
                metric["value"] = round(rng.uniform(40, 100), 2)
                figures.append(f"{metric['value']:.2f}%")
                values[name] = figures[-1]
            else:
                metric["value"] = round(value * rng.uniform(0.6, 1.3), 2)
    findings = case.setdefault("findings", {})
    for code, said in leaves.items():
        stated = [f"{name}为{values.get(name, value)}" for name, value in said]
        text = rng.choice(analyses(rng, figures, stated))
        finding = findings.setdefault(code, {})
        if text:
            finding["analysis"] = text
        else:
            finding.pop("analysis", None)
        if not finding:
            findings.pop(code)


def leaf_codes(md):
    """Each leaf with the rates its paragraph states."""
    leaves = {}
    for p in paragraphs(md):
        code = re.match(r"（\d+）\*\*([A-Z]\d+) ", p).group(1)
        leaves[code] = re.findall(r"([\u4e00-\u9fff]{2,8}率)为(\d[\d,.]*%)", p)
    return leaves


def paragraphs(md):
    return [p for p in md.split("\n\n") if re.match(r"（\d+）\*\*[A-Z]\d+ ", p)]


def report(jixiao, case_dir, out):
    run = subprocess.run([jixiao, "report", case_dir, "-o", out, "--formats", "md", "--no-toc-pages"],
                         capture_output=True, text=True, env=ENV)
    if run.returncode != 0:
        raise SystemExit(f"report failed for {case_dir}: {run.stderr[-500:]}")
    return open(os.path.join(out, "report.md"), encoding="utf-8").read()


def check(jixiao, rounds, seed):
    errors, checked = [], 0
    work = tempfile.mkdtemp()
    for source in CASES:
        leaves = leaf_codes(report(jixiao, source, os.path.join(work, "base")))
        for r in range(rounds):
            rng = random.Random(f"{seed}-{source}-{r}")
            case_dir = os.path.join(work, f"case{r}")
            shutil.copytree(source, case_dir)
            path = os.path.join(case_dir, "case.json")
            case = json.load(open(path, encoding="utf-8"))
            randomize(case, rng, leaves)
            json.dump(case, open(path, "w", encoding="utf-8"), ensure_ascii=False)
            md = report(jixiao, case_dir, os.path.join(work, f"out{r}"))
            for p in paragraphs(md):
                checked += 1
                errors += [f"{source} seed {seed} round {r}: {e}: {p[:120]}" for e in problems(p)]
            shutil.rmtree(case_dir)
    shutil.rmtree(work)
    return errors, checked


def selftest():
    planted = {
        "unbalanced": "（1）**A11 依据**：经核查，预算调整率按绝对值评分），在0.00%–10.00%（含）之间。",
        "doubled": "（2）**A12 程序**：经核查，程序规范。。根据评分标准，不扣分。",
        "empty clause": "（3）**B11 到位率**：经核查，（）资金到位率为100.00%。",
        "figure stated twice": "（4）**B12 执行率**：预算执行率为98.50%，经核查，预算执行率为98.50%。",
        "nested quotes": "（5）**C11 名称**：“民生保险“沪惠保”补贴项目”已实施。",
    }
    missed = [k for k, p in planted.items() if not problems(p)]
    clean = "（6）**C12 覆盖率**：经核查，救助对象覆盖率为100.00%（数据来源：《救助台账》），达到“≥95%”的标准。"
    if missed or problems(clean):
        print("selftest: missed", missed, "or flagged a clean sentence:", problems(clean))
        sys.exit(1)
    print("selftest: every planted broken sentence caught, the clean one passes")


def main():
    if "--selftest" in sys.argv:
        return selftest()
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 6
    seed = os.environ.get("JIXIAO_PROPERTY_SEED", "22")
    errors, checked = check(sys.argv[1], rounds, seed)
    if errors:
        print("\n".join(errors[:60]))
        print(f"{len(errors)} broken sentences in {checked} paragraphs")
        sys.exit(1)
    print(f"sentence property: {checked} paragraphs from {len(CASES)} cases × {rounds} rounds, all sound")


main()
