#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, golden, malformed-input cases).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/build.sh
ctest --test-dir build --output-on-failure -j2
