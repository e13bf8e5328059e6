#!/usr/bin/env bash
# Regenerates tests/golden/*/expected.* from the current build. Review with `git diff` before
# committing: a golden file changes only when the output was meant to change.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
JIXIAO_UPDATE_GOLDEN=1 ctest --test-dir build -R '^golden\.' --output-on-failure
