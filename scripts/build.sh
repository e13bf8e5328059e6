#!/usr/bin/env bash
# Configures and builds jixiao into build/ (Release, -j2). Usage: scripts/build.sh [TARGET]; with
# a target (run-example.sh passes jixiao) only that is built — the test binaries take far longer.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2 ${1:+--target "$1"}
