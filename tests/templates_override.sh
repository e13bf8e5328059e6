#!/usr/bin/env bash
# A user copies templates/report, rewords a sentence and reorders sections; the report follows.
# A broken template is a located error (exit 1), and no output is left behind.
set -u
bin=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r templates/report "$work/tpl"
sed -i 's/最终评分结果为{{total}}，绩效评级为/综合得分{{total}}，评定等级/' "$work/tpl/04-conclusion.mustache"
printf '00-cover.mustache\n04-conclusion.mustache\n01-summary.mustache\n' >"$work/tpl/sections.txt"
"$bin" report data/cases/maqiao-2024 -o "$work/out" --formats md --templates "$work/tpl" >/dev/null || exit 1
md="$work/out/report.md"
grep -q '综合得分89.65分，评定等级“良”' "$md" || { echo "reworded sentence missing"; exit 1; }
conclusion=$(grep -n '评价结论及绩效分析' "$md" | head -1 | cut -d: -f1)
summary=$(grep -n '^# 摘要' "$md" | head -1 | cut -d: -f1)
[ "$conclusion" -lt "$summary" ] || { echo "sections not reordered ($conclusion, $summary)"; exit 1; }
grep -q '项目概况' "$md" && { echo "dropped section still rendered"; exit 1; }
echo '{{#categories}}未闭合' >"$work/tpl/01-summary.mustache"
out=$("$bin" report data/cases/maqiao-2024 -o "$work/bad" --formats md --templates "$work/tpl" 2>&1)
[ $? -eq 1 ] || { echo "broken template did not exit 1"; exit 1; }
grep -q '01-summary.mustache.*template.syntax' <<<"$out" || { echo "error not located: $out"; exit 1; }
[ ! -e "$work/bad/report.md" ] || { echo "output left behind"; exit 1; }
echo "templates override ok"
