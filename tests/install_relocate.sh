#!/usr/bin/env bash
# Relocatable install (issue 21): `cmake --install BUILD --prefix P`, then P is MOVED and the
# installed binary, run from an unrelated folder with no JIXIAO_* override, must still find its
# templates/ and indicators/ (src/core/resources.h): `score` agrees with the build tree's binary,
# `report` writes md/html/docx/xlsx, `new` finds a shipped framework. Then the lookup's edges: a
# hidden templates/ is a located error naming the moved prefix, and JIXIAO_HOME overrides.
# Usage: install_relocate.sh BUILD_DIR SOURCE_DIR
set -u
build=$(cd "$1" && pwd) src=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
unset JIXIAO_HOME JIXIAO_TEMPLATES JIXIAO_INDICATORS
export JIXIAO_OFFICE=none

cmake --install "$build" --prefix "$work/first" >"$work/install.log" 2>&1 ||
  { cat "$work/install.log"; fail "cmake --install failed"; }
for f in bin/jixiao share/jixiao/templates/report/sections.txt share/jixiao/templates/docx/styles.xml \
  share/jixiao/templates/compare/compare.mustache share/jixiao/indicators/national-2020.json \
  share/jixiao/docs/case-format.md share/jixiao/docs/examples/mini-case/case.json; do
  [ -e "$work/first/$f" ] || fail "not installed: $f"
done
[ -x "$work/first/bin/jixiao" ] || fail "bin/jixiao is not executable"
# Only the runtime: the .deb's /etc and systemd files never land in a plain install.
[ -z "$(find "$work/first" -name 'jixiao.conf' -o -name 'jixiao.service')" ] ||
  fail "system files in a plain install"
# No folder of the source tree is compiled into the binary.
for d in templates indicators docs; do
  ! grep -qF "$src/$d" "$work/first/bin/jixiao" || fail "binary holds the build-time path $src/$d"
done

mv "$work/first" "$work/moved"
prefix="$work/moved"
mkdir -p "$work/elsewhere"
cp -r "$prefix/share/jixiao/docs/examples/mini-case" "$work/elsewhere/case"
cd "$work/elsewhere" || fail "cd"

"$prefix/bin/jixiao" score case --json >installed.json || fail "installed score exited $?"
(cd "$src" && "$build/jixiao" score docs/examples/mini-case --json) >built.json ||
  fail "build-tree score failed"
cmp -s installed.json built.json || { diff installed.json built.json | head; fail "scores differ"; }
grep -q '"total"' installed.json || fail "score --json has no total"

"$prefix/bin/jixiao" report case -o out --formats md,html,docx,xlsx >report.log 2>&1 ||
  { cat report.log; fail "installed report failed"; }
for f in report.md report.html report.docx scoring.xlsx; do
  [ -s "out/$f" ] || fail "report wrote no $f"
done
grep -q '^# 摘要' out/report.md || fail "report.md lacks the 摘要 section of the shipped templates"
# The outline national-2020 is a second shipped template set beside templates/report.
"$prefix/bin/jixiao" report case -o out2 --formats md --outline national-2020 >/dev/null 2>&1 ||
  fail "report --outline national-2020 failed"

# compare reads templates/compare and templates/docx.
cp -r case case2
# compare refuses two cases with one id (issue 19): the copy gets its own.
/usr/bin/python3 -c 'import json,sys; p=sys.argv[1]; d=json.load(open(p)); d["id"]+="-copy"; json.dump(d,open(p,"w"),ensure_ascii=False)' case2/case.json
"$prefix/bin/jixiao" compare case case2 -o outcmp --formats xlsx,docx,md >compare.log 2>&1 ||
  { cat compare.log; fail "installed compare failed"; }
[ -s outcmp/compare.xlsx ] && [ -s outcmp/compare.docx ] || fail "compare wrote no xlsx/docx"

"$prefix/bin/jixiao" new newcase --framework national-2020 >new.log 2>&1 ||
  { cat new.log; fail "installed new could not find the shipped framework national-2020"; }
[ -f newcase/case.json ] || fail "new wrote no case.json"

# Through a symlink elsewhere (as /usr/local/bin/jixiao → /opt/jixiao/bin/jixiao): still found.
mkdir -p links && ln -s "$prefix/bin/jixiao" links/jixiao
links/jixiao report case -o out5 --formats md >/dev/null 2>&1 || fail "symlinked binary failed"
cmp -s out/report.md out5/report.md || fail "report through the symlink differs"

# Hidden templates/: exit 1 and a message naming where it looked, in the moved prefix.
mv "$prefix/share/jixiao/templates" "$work/templates-aside"
"$prefix/bin/jixiao" report case -o out3 --formats md >missing.log 2>&1
rc=$?
[ $rc -eq 1 ] || { cat missing.log; fail "missing templates: exit $rc, want 1"; }
grep -qF "找不到随附的 templates/ 目录" missing.log || { cat missing.log; fail "no Chinese message"; }
grep -qF "$prefix/share/jixiao/templates" missing.log || { cat missing.log; fail "message does not name $prefix/share/jixiao/templates"; }
grep -qF "JIXIAO_HOME" missing.log || fail "message does not say how to fix"
"$prefix/bin/jixiao" compare case case2 -o outc --formats docx,md >missing2.log 2>&1
rc=$?
[ $rc -eq 1 ] || { cat missing2.log; fail "compare, missing templates: exit $rc, want 1"; }
grep -qF "$prefix/share/jixiao/templates" missing2.log || { cat missing2.log; fail "compare's message does not name $prefix/share/jixiao/templates"; }

# JIXIAO_HOME overrides: the templates set aside are found through it.
mkdir -p "$work/home" && mv "$work/templates-aside" "$work/home/templates"
JIXIAO_HOME="$work/home" "$prefix/bin/jixiao" report case -o out4 --formats md >/dev/null 2>&1 ||
  fail "JIXIAO_HOME did not override"
cmp -s out/report.md out4/report.md || fail "report through JIXIAO_HOME differs"

echo "install relocatable: ok ($prefix)"
