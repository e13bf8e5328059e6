#!/usr/bin/env bash
# Malformed-input test: runs `jixiao` with the arguments in DIR/cmd (paths relative to DIR) and
# checks DIR/expect: line 1 is the exit code, every further line a text that must appear in the
# combined output (the located Chinese message). A crash (signal) always fails.
set -u
bin=$1 dir=$2
cd "$dir" || exit 1
read -r -a args <cmd
out=$("$bin" "${args[@]}" 2>&1)
code=$?
want=$(head -n 1 expect)
status=0
if [ "$code" -ge 128 ]; then
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
[ $status -ne 0 ] && printf '%s\n' "--- output ---" "$out"
exit $status
