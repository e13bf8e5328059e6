#!/usr/bin/env bash
# Configures and builds jixiao into build/ (Release, -j2).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2
