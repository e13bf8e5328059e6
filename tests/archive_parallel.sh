#!/usr/bin/env bash
# 40 `jixiao archive add` processes start at once on an archive that does not exist yet (an SQLite
# file, or with "pg" a new PostgreSQL database on the server tests/pg_server.sh started); every
# one must succeed and all 40 cases must be stored. Repeated ROUNDS times (default 10).
# Usage: archive_parallel.sh JIXIAO [ROUNDS] [sqlite|pg]
set -u
bin=$1 rounds=${2:-10} backend=${3:-sqlite} cases=40
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/_shared" "$tmp/m"
cp "$here/malformed/_shared/mini.json" "$tmp/_shared/"
for i in $(seq 1 $cases); do
  cp -r "$here/malformed/_shared/minicase" "$tmp/m/c$i"
  sed -i "s/\"framework\"/\"id\": \"c$i\", \"framework\"/" "$tmp/m/c$i/case.json"
done
status=0
for r in $(seq 1 "$rounds"); do
  db=$tmp/round$r/archive.db
  if [ "$backend" = pg ]; then
    createdb -h "$JIXIAO_PG_SOCKET_DIR" -U jixiao "round$r" || exit 1
    db="postgresql:///round$r?host=$JIXIAO_PG_SOCKET_DIR&user=jixiao"
  fi
  pids=()
  for i in $(seq 1 $cases); do
    "$bin" archive add "$tmp/m/c$i" --archive "$db" >"$tmp/out.$i" 2>&1 &
    pids+=($!)
  done
  failed=0
  for i in "${!pids[@]}"; do
    if ! wait "${pids[$i]}"; then
      failed=$((failed + 1))
      echo "round $r: case c$((i + 1)) failed:"
      cat "$tmp/out.$((i + 1))"
    fi
  done
  stored=$("$bin" archive list --archive "$db" | grep -c "^c[0-9]")
  echo "round $r ($backend): $((cases - failed))/$cases adds succeeded, $stored cases stored"
  [ "$failed" -eq 0 ] && [ "$stored" -eq $cases ] || status=1
done
exit $status
