#!/usr/bin/env bash
# --formats pdf: with LibreOffice the PDF is written and its TOC carries page numbers (the DOCX's
# cached PAGEREF results); without it (JIXIAO_OFFICE=none) the command fails with a Chinese
# message naming LibreOffice. Usage: report_pdf.sh JIXIAO
set -u
bin=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# The last non-blank line of page $2 of PDF $1: its footer's page number when it has one.
footer() { pdftotext -f "$2" -l "$2" -layout "$1" - | grep -v '^[[:space:]]*$' | tail -1 | tr -d ' '; }
# The page of PDF $1 whose footer prints $2 (the cover and the contents print none).
printed() {
  local n
  n=$(pdfinfo "$1" | awk '/^Pages:/ {print $2}')
  for ((i = 1; i <= n; i++)); do [ "$(footer "$1" "$i")" = "$2" ] && { echo "$i"; return; }; done
}
msg=$(JIXIAO_OFFICE=none "$bin" report data/cases/maqiao-2024 -o "$out/none" --formats pdf 2>&1)
[ $? = 1 ] || fail "without LibreOffice --formats pdf must exit 1"
echo "$msg" | grep -q 'LibreOffice' || fail "no message naming LibreOffice: $msg"
[ ! -e "$out/none/report.pdf" ] || fail "a PDF was written without LibreOffice"
if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null; then
  echo "LibreOffice or pdftotext missing: only the message was checked"
  exit 0
fi
JIXIAO_OFFICE=soffice "$bin" report data/cases/maqiao-2024 -o "$out/pdf" --formats docx,pdf >/dev/null ||
  fail "report --formats docx,pdf failed"
toc=$(pdftotext -f 2 -l 2 -layout "$out/pdf/report.pdf" - | tr -d ' ')
echo "$toc" | grep -Eq '一、项目概况\.+[0-9]+$' || fail "TOC entry without page number: $toc"
pdf=$out/pdf/report.pdf
for p in 1 2; do
  [[ "$(footer "$pdf" $p)" =~ ^[0-9]+$ ]] && fail "page $p (cover or contents) prints the number $(footer "$pdf" $p)"
done
[ "$(footer "$pdf" 3)" = 1 ] || fail "the body's first page prints “$(footer "$pdf" 3)”, not 1"
page=$(echo "$toc" | grep -E '三、评价结论及绩效分析' | grep -oE '[0-9]+$')
at=$(printed "$pdf" "$page")
[ -n "$at" ] || fail "no page of the PDF prints the number $page the TOC gives for 三、"
body=$(pdftotext -f "$at" -l "$at" -layout "$pdf" - | tr -d ' ')
echo "$body" | grep -q '^三、评价结论及绩效分析$' || fail "TOC says page $page for 三、, the PDF disagrees"
unzip -p "$out/pdf/report.docx" word/document.xml | grep -q 'PAGEREF _Toc000001' ||
  fail "DOCX TOC has no PAGEREF fields"
[ -z "$(ls -A "$out/pdf" | grep jixiao-office)" ] || fail "scratch folder left behind"
# Each 附件 chapter's TOC page is the page it opens, not the 附件目录 line that reads the same.
JIXIAO_OFFICE=soffice "$bin" report tests/golden/attachments-report/case -o "$out/att" --formats pdf \
  >/dev/null 2>&1 || fail "report of the attachments case failed"
entries=$(pdftotext -f 2 -l 2 -layout "$out/att/report.pdf" - | tr -d ' ' | grep -E '^附件[0-9-]+：')
[ "$(echo "$entries" | wc -l)" = 3 ] || fail "TOC should list 附件1, 附件2, 附件4 (the case's 2-1, 6-1 另附, 10 printed without a gap): $entries"
while IFS= read -r entry; do
  title=${entry%%.*} at=$(printed "$out/att/report.pdf" "$(echo "$entry" | grep -oE '[0-9]+$')")
  first=$(pdftotext -f "$at" -l "$at" -layout "$out/att/report.pdf" - | tr -d ' ' | grep -m1 .)
  [ "$first" = "$title" ] || fail "TOC says page $at for $title, that page opens with $first"
done <<<"$entries"
echo "pdf ok: cover and contents unnumbered, the body counts from 1, TOC page numbers agree with the footers (三、 on printed page $page)"
