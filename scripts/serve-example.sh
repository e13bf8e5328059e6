#!/usr/bin/env bash
# Try the web application in one command: builds jixiao if needed, creates a data folder with the
# bundled examples loaded (data/cases/*, data/targets/*, an example 自评表), one account per role
# with a one-time random password (printed once), and starts the server, printing its address.
#   bash scripts/serve-example.sh [DATA_DIR] [LISTEN]     (defaults: a new temp folder, 127.0.0.1:8080)
set -euo pipefail
cd "$(dirname "$0")/.."
# Installs what is missing and brings build/jixiao up to date (a no-op when it is): a binary left
# from an older checkout would serve pages that no longer match templates/web.
scripts/bootstrap.sh >&2
scripts/build.sh jixiao >&2
data=${1:-$(mktemp -d /tmp/jixiao-example-XXXXXX)}
listen=${2:-127.0.0.1:8080}
exec /usr/bin/python3 scripts/serve_example.py build/jixiao "$data" "$listen"
