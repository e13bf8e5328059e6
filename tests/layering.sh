#!/usr/bin/env bash
# Layering (DESIGN.md §2): no module includes one further along the pipeline. Checked here for the
# edges that once went wrong: store/ must not include app/ or cli/; nothing but cli/ and main.cc
# includes cli/; scorecard_io/ (below app/ and store/) includes neither.
set -u
cd "$(dirname "$0")/../src" || exit 1
status=0
check() {  # check DIR PATTERN
  local hits
  hits=$(grep -rnE "#include \"($2)/" "$1" 2>/dev/null)
  if [ -n "$hits" ]; then
    echo "$1 must not include $2/:"
    echo "$hits"
    status=1
  fi
}
check store 'app|cli'
check scorecard_io 'app|store|cli'
for d in */; do
  d=${d%/}
  [ "$d" = cli ] || check "$d" cli
done
[ $status -eq 0 ] && echo "layering ok"
exit $status
