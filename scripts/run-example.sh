#!/usr/bin/env bash
# Installs what is missing, builds, and runs the main job on the bundled example: validates the
# frameworks and the case, prints the scores, and writes the report (DOCX, HTML, Markdown) and the
# scoring workbook to out/maqiao-2024/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/build.sh jixiao  # the tool alone; scripts/test.sh builds the tests
build/jixiao validate indicators/*.json data/cases/maqiao-2024
build/jixiao score data/cases/maqiao-2024
build/jixiao report data/cases/maqiao-2024 -o out/maqiao-2024
