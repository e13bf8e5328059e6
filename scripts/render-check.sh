#!/usr/bin/env bash
# Renders documents the way users see them: DOCX/XLSX/HTML -> PDF (LibreOffice headless) -> PNG
# pages (pdftoppm). Maps 宋体/仿宋/黑体/楷体 to Noto CJK with a private fontconfig file so the PDF
# shows the intended faces. Usage: scripts/render-check.sh FILE... [-o DIR]  (needs bootstrap --checks)
set -euo pipefail
out=out/render
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    -o) out=$2; shift 2 ;;
    *) files+=("$1"); shift ;;
  esac
done
mkdir -p "$out"
conf=$(mktemp -d)
cat >"$conf/fonts.conf" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="strong"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="strong"><family>SimSun</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="strong"><family>仿宋_GB2312</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="strong"><family>楷体_GB2312</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="strong"><family>FangSong</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="strong"><family>仿宋</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="strong"><family>楷体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="strong"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
  <alias binding="strong"><family>SimHei</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
</fontconfig>
XML
export FONTCONFIG_FILE="$conf/fonts.conf"
for f in "${files[@]}"; do
  pdf="$out/$(basename "${f%.*}").pdf"
  if [ "${f##*.}" = html ]; then  # web pages are looked at in Chromium, as users see them
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$conf/chromium" --no-pdf-header-footer --print-to-pdf="$pdf" \
      "file://$(realpath "$f")" >/dev/null 2>&1
  else
    soffice --headless --convert-to pdf --outdir "$out" "$f" >/dev/null 2>&1
  fi
  pdftoppm -r 60 -png "$pdf" "$out/$(basename "${f%.*}")"
  echo "$pdf: $(pdfinfo "$pdf" | awk '/^Pages/ {print $2}') pages"
done
rm -rf "$conf"
