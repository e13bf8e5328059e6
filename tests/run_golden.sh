#!/usr/bin/env bash
# Golden test: runs the command in DIR/cmd (from the repository root, JIXIAO replaced by the
# binary) and compares stdout with DIR/expected.out and the exit code with DIR/expected.exit.
# JIXIAO_UPDATE_GOLDEN=1 rewrites the expectations instead (then review them with git diff).
set -u
bin=$1 dir=$2
cmd=$(sed "s|JIXIAO|$bin|" "$dir/cmd")
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
eval "$cmd" >"$actual" 2>/dev/null
code=$?
if [ "${JIXIAO_UPDATE_GOLDEN:-0}" = 1 ]; then
  cp "$actual" "$dir/expected.out"
  echo "$code" >"$dir/expected.exit"
  echo "updated $dir"
  exit 0
fi
want=$(cat "$dir/expected.exit" 2>/dev/null || echo 0)
if [ "$code" != "$want" ]; then
  echo "exit code $code, expected $want"
  exit 1
fi
diff -u "$dir/expected.out" "$actual" && echo "golden ok: $dir"
