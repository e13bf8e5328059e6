#!/usr/bin/env bash
# Generates N 自评表 CSV folders (default 500) with the mistakes real forms carry (a missed target
# scored full, a met target marked down, a wrong printed 执行率, a 总分 off by one, template rows)
# and times `jixiao selfeval check` over all of them, text and -o (复核汇总 + annotated forms).
# Usage: bench/selfeval_bench.sh [N] [JIXIAO]   (run from the repository root)
set -eu
n=${1:-500}
bin=${2:-build/jixiao}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 - "$work" "$n" <<'PY'
import os, random, sys
root, n = sys.argv[1], int(sys.argv[2])
random.seed(24)
kinds = [("新建道路长度", "米", 266), ("培训人次", "人次", 500), ("新建设施数量", "个", 40),
         ("受益户数", "户", 1200), ("监测点位数", "个", 60)]
for i in range(n):
    d = os.path.join(root, f"form{i:04d}")
    os.makedirs(d)
    rows, total = [], 0
    weights = [15, 15, 10, 10, 15, 15, 10]
    for k, w in enumerate(weights[:5]):
        name, unit, target = kinds[(i + k) % len(kinds)]
        actual = target + random.choice([-target // 5, 0, 0, target // 10])
        score = w if actual >= target or random.random() < 0.3 else round(w * actual / target, 2)
        if actual >= target and random.random() < 0.1:
            score = w - 3
        l1 = "产出指标" if k < 3 else "效益指标"
        rows.append(f"{l1},数量指标,{name}{k},≥{target}{unit},{actual}{unit},{w},{score},")
        total += score
    rows.append("效益指标,可持续影响指标,管护机制,健全,健全,15,15,")
    rows.append("满意度指标,服务对象满意度指标,群众满意度,≥90%,93%,10,10,")
    rows.append(",,指标1:,,,,,")
    total += 25
    full = random.choice([100, 250, 800])
    done = round(full * random.choice([0.804, 0.95, 1.0]), 2)
    printed_rate = random.choice(["100%", f"{done / full * 100:.1f}%"])
    budget_score = round(10 * min(done / full, 1), 2)
    total += budget_score
    with open(os.path.join(d, "form.csv"), "w", encoding="utf-8") as f:
        f.write("一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因\n" + "\n".join(rows) + "\n")
    with open(os.path.join(d, "budget.csv"), "w", encoding="utf-8") as f:
        f.write(f"年初预算数(万元),全年预算数(万元),全年执行数(万元),分值,执行率,得分\n{full},{full},{done},10,{printed_rate},{budget_score}\n")
    with open(os.path.join(d, "summary.csv"), "w", encoding="utf-8") as f:
        f.write(f"总分,等级\n{round(total + random.choice([0, 0, 1]), 2)},优\n")
    with open(os.path.join(d, "project.csv"), "w", encoding="utf-8") as f:
        f.write(f"字段,内容\n单位,示例单位{i}\n项目名称,示例项目{i}\n")
PY
echo "generated $n forms"
/usr/bin/time -f "check (text): %e s, peak %M KB" "$bin" selfeval check "$work"/form* >/dev/null || true
/usr/bin/time -f "check --json: %e s, peak %M KB" "$bin" selfeval check "$work"/form* --json >/dev/null || true
/usr/bin/time -f "check -o DIR (复核汇总 + $n annotated forms): %e s, peak %M KB" \
  "$bin" selfeval check "$work"/form* -o "$work/out" >/dev/null 2>"$work/err" || true
grep -v "^已写入" "$work/err" || true
ls "$work/out" | wc -l
