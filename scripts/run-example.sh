#!/usr/bin/env bash
# Installs what is missing, builds, and scores the bundled example case.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/build.sh
build/jixiao validate indicators/*.json data/cases/maqiao-2024
build/jixiao score data/cases/maqiao-2024
