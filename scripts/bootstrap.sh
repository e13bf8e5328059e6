#!/usr/bin/env bash
# Installs the Debian packages jixiao needs (idempotent). Runs apt-get as root, or through sudo.
# Usage: scripts/bootstrap.sh [--checks]   (--checks adds Writer, fonts, poppler and Chromium for render checks)
set -euo pipefail
packages=(build-essential cmake pkg-config zlib1g-dev libpoco-dev libxlsxwriter-dev catch2 libkainjow-mustache-dev
          python3 python3-openpyxl python3-docx libreoffice-calc-nogui unzip  # tests read outputs back
          python3-xlsxwriter  # bench/peer_report.py (bench/run.sh)
          libpq-dev postgresql  # store: PostgreSQL client, and a server for tests/pg_server.sh
          libssl-dev chromium chromium-driver python3-selenium  # serve: PBKDF2/tokens; browser tests
          clang libclang-rt-dev)  # clang + its sanitizer/libFuzzer runtimes: test.sh --sanitize, fuzz.sh
if [ "${1:-}" = "--checks" ]; then
  packages+=(libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk poppler-utils chromium)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "bootstrap: all packages present"
  exit 0
fi
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
echo "bootstrap: installing ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
