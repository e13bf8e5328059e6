#!/usr/bin/env bash
# Malformed-input test: runs `jixiao` with the arguments in DIR/cmd (paths relative to DIR; shell
# quoting allowed, e.g. --formats "") and checks DIR/expect: line 1 is the exit code, every further
# line a text that must appear in the combined output (the located Chinese message).
# The case runs in a sandbox copy (DIR and ../_shared, three folders deep in a fresh temp dir):
#  - DIR/setup, when present, runs first (bash, in the copy) to make what git cannot hold: FIFOs,
#    symlink loops, huge generated files;
#  - the command runs under a 60 s timeout with TMPDIR inside the sandbox (DIR/env, one
#    VAR=value a line, adds or overrides variables);
#  - a crash (signal) or a hang always fails;
#  - nothing may be created outside the copy's out/ folder, no temp file may be left in out/ or
#    TMPDIR;
#  - DIR/check, when present, runs last (bash, in the copy; $1 = the jixiao binary) and must exit 0,
#    e.g. to load the outputs with python-docx, openpyxl and an XML parser.
set -u
bin=$1 dir=$2
name=$(basename "$dir")
sandbox=$(mktemp -d)
trap 'chmod -R u+rwx "$sandbox" 2>/dev/null; rm -rf "$sandbox"' EXIT
work=$sandbox/s1/s2/malformed/$name
mkdir -p "$sandbox/s1/s2/malformed" "$sandbox/tmp"
cp -a "$dir" "$work"
[ -d "$dir/../_shared" ] && cp -a "$dir/../_shared" "$sandbox/s1/s2/malformed/_shared"
cd "$work" || exit 1
if [ -f setup ]; then
  bash setup || { echo "setup failed"; exit 1; }
fi
before=$(cd "$sandbox" && find . -path ./tmp -prune -o -print | sort)
eval "args=($(<cmd))"
envs=("TMPDIR=$sandbox/tmp")
[ -f env ] && mapfile -t -O 1 envs <env
out=$(env "${envs[@]}" timeout 60 "$bin" "${args[@]}" 2>&1)
code=$?
want=$(head -n 1 expect)
status=0
if [ "$code" = 124 ]; then
  echo "hung: no answer within 60 s"
  status=1
elif [ "$code" -ge 128 ]; then
  echo "crashed with signal $((code - 128))"
  status=1
elif [ "$code" != "$want" ]; then
  echo "exit code $code, expected $want"
  status=1
fi
while IFS= read -r needle; do
  [ -z "$needle" ] && continue
  if ! grep -qF -- "$needle" <<<"$out"; then
    echo "missing in output: $needle"
    status=1
  fi
done < <(tail -n +2 expect)
after=$(cd "$sandbox" && find . -path ./tmp -prune -o -print | sort)
outside=$(comm -13 <(echo "$before") <(echo "$after") | grep -v "^./s1/s2/malformed/$name/out\(/\|$\)")
if [ -n "$outside" ]; then
  echo "written outside out/:"
  echo "$outside"
  status=1
fi
leftovers=$( (find "$sandbox/tmp" -mindepth 1; [ -d out ] && find out -name '.*' -o -name '*.tmp*' \
  -o -name 'jixiao-xlsx-*') 2>/dev/null)
if [ -n "$leftovers" ]; then
  echo "temporary files left behind:"
  echo "$leftovers"
  status=1
fi
if [ -f check ] && ! bash check "$bin"; then
  echo "check failed"
  status=1
fi
[ $status -ne 0 ] && printf '%s\n' "--- output ---" "${out:0:4000}"
exit $status
