#!/usr/bin/env bash
# Configures and builds jixiao into build/ (Release, -j2). Usage: scripts/build.sh [TARGET]; with
# a target (run-example.sh passes jixiao) only that is built — the test binaries take far longer.
# Uses ccache when it is installed (as test.sh does for the sanitizer build); nothing requires it.
set -euo pipefail
cd "$(dirname "$0")/.."
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" >/dev/null
cmake --build build -j2 ${1:+--target "$1"}
