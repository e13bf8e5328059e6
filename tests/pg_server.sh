#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL server: initdb into a new temporary folder as an
# unprivileged user (postgres when run as root), listen only on a Unix socket in that folder,
# create database "jixiao", export JIXIAO_TEST_DB_URL, run the command, then stop the server and
# remove the folder, even on failure. Exit status: the command's (77 when no server is installed).
# Usage: tests/pg_server.sh COMMAND [ARG…]   Extra server settings: PG_SERVER_OPTS="-c …".
set -u
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "pg_server.sh: 找不到 PostgreSQL 服务器程序（/usr/lib/postgresql/*/bin），请安装 postgresql 包" >&2
  exit 77
fi
dir=$(mktemp -d /tmp/jixiao-pg.XXXXXX) || exit 1
as_db_user() { "$@"; }
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$dir"
  as_db_user() { runuser -u postgres -- "$@"; }
fi
cleanup() {
  as_db_user "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
if ! as_db_user "$bindir/initdb" -D "$dir/data" -U jixiao --auth=trust -E UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1; then
  echo "pg_server.sh: initdb 失败：" >&2
  cat "$dir/initdb.log" >&2
  exit 1
fi
if ! as_db_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -k $dir -c max_connections=120 -c fsync=off ${PG_SERVER_OPTS:-}" \
    start >/dev/null; then
  echo "pg_server.sh: PostgreSQL 启动失败：" >&2
  cat "$dir/server.log" >&2
  exit 1
fi
if ! "$bindir/createdb" -h "$dir" -U jixiao jixiao; then
  echo "pg_server.sh: 创建数据库失败" >&2
  exit 1
fi
export JIXIAO_TEST_DB_URL="postgresql:///jixiao?host=$dir&user=jixiao"
export JIXIAO_PG_SOCKET_DIR="$dir"
"$@"
