#!/usr/bin/env python3
"""Checks the table layout of every example case's report.docx (both outlines), from the XML:
- every row has cantSplit; header rows repeat (tblHeader) and keep with the first body row;
- the grid columns sum to the table width;
- every cell is wide enough for its widest number with its unit ("1,471,745.31", "-706,093.81",
  "100.00%", "2024年") and document number ("〔2022〕12号") at the table's font size, measured with
  Liberation Serif / Times New Roman advance widths (2048 units per em: digits 1024, "," "." 512,
  "%" 1706, "-" 682) and Han characters at one em, plus the 160 twips of cell margins and the
  quarter em LibreOffice sets between Han and Latin text; an explicit line break never falls
  inside such a token;
- a negative amount is read with its sign (a plain "-", not a w:noBreakHyphen a reader drops);
- rows that share a merged amount (a merge in a column after the leading label columns) keep
  with the next row, so the group stays on one page;
- a short label (一级指标, 满意度指标, A1 项目立项: up to six Han characters after an optional
  code), a value with its unit (≥219000餐次) and a change (调增2.38%) fit their cell on one line;
- a closing 合计 row keeps with the two rows before it (never alone under a repeated header);
- report.html: no rowspan runs out of its <tbody> (the browser would cut it); short labels are held
  on one line (white-space: nowrap);
- maqiao-2024's 表1-3-2 shows the 年初 subtotal of every 序号 with several 明细 (from budget.csv).
Usage: report_table_layout.py JIXIAO"""
import csv, glob, os, re, subprocess, sys, tempfile, zipfile

jixiao = sys.argv[1]
ADVANCE = {**{d: 1024 for d in "0123456789"}, ",": 512, ".": 512, "%": 1706, "-": 682,
           "(": 682, ")": 682, "/": 569, ":": 569, "~": 1109, "+": 1155, " ": 512,
           "A": 1479, "B": 1366, "C": 1366, "D": 1479, "E": 1251, "F": 1139, "G": 1479, "H": 1479}
TOKEN = re.compile(r"〔\d{4}〕\d+号|[≥≤]?[-+]?\d[\d,]*(?:\.\d+)?(?:%|餐次|人次|万元|[年月日号元人次户个项])?")
LABEL = re.compile(r"(?:[A-Z]\d{0,3} ?)?[\u4e00-\u9fff]{2,6}|(?:调增|调减)\d[\d.]*%")
errors = []


def token_twips(token, half_points):
    em = half_points * 10
    width, prev_ascii = 0.0, None
    for ch in token:
        if ch == " ":  # a space, not the quarter em, separates Latin from Han
            width += ADVANCE[" "] * em / 2048
            prev_ascii = None
            continue
        ascii_ = ord(ch) < 128
        width += ADVANCE.get(ch, 1024) * em / 2048 if ascii_ else em
        if prev_ascii is not None and ascii_ != prev_ascii:
            width += em / 4
        prev_ascii = ascii_
    return width + 160


def cells_of(row):
    return re.findall(r"<w:tc>(.*?)</w:tc>", row, re.S)


def lines_of(cell):
    """The cell's text split at explicit breaks."""
    lines, cur = [], ""
    for m in re.finditer(r"<w:br/>|<w:t[^>]*>([^<]*)</w:t>", cell):
        if m.group(0) == "<w:br/>":
            lines.append(cur)
            cur = ""
        else:
            cur += m.group(1)
    return lines + [cur]


def check_table(where, tbl, budget_subtotals):
    caption_match = re.search(r"(表\s?[\d-]+|附表\s?\d+)", where)
    name = where
    width = int(re.search(r'<w:tblW w:w="(\d+)"', tbl).group(1))
    grid = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', tbl)]
    if sum(grid) != width:
        errors.append(f"{name}: grid {sum(grid)} ≠ table width {width}")
    rows = re.findall(r"<w:tr>(.*?)</w:tr>", tbl, re.S)
    # Grid position of each cell: (row, col) → (vmerge, keepNext, text)
    merges = {}  # col → list of (row, 'restart'|'continue')
    keeps = []
    labels_end = None
    # A landscape table (wider than the portrait text, 8306 twips) flows: its body rows split
    # over pages and only its header repeats, so no page is left half empty (issue 22, 附件1).
    flows = width > 8306
    for r, row in enumerate(rows):
        header_row = "<w:tblHeader/>" in row
        if "<w:cantSplit/>" not in row and not (flows and not header_row):
            errors.append(f"{name}: row {r + 1} may split over pages")
        if flows and not header_row and "<w:cantSplit/>" in row:
            errors.append(f"{name}: row {r + 1} of a landscape table is kept whole (half-empty pages)")
        header = "<w:tblHeader/>" in row
        keeps.append("<w:keepNext/>" in row)
        col = 0
        for cell in cells_of(row):
            tcw = int(re.search(r'<w:tcW w:w="(\d+)"', cell).group(1))
            span = re.search(r'<w:gridSpan w:val="(\d+)"', cell)
            span = int(span.group(1)) if span else 1
            vm = re.search(r"<w:vMerge(?: w:val=\"(\w+)\")?/>", cell)
            if vm:
                merges.setdefault(col, []).append((r, vm.group(1) or "continue"))
            if "<w:noBreakHyphen/>" in cell:
                errors.append(f"{name}: row {r + 1} writes a sign as w:noBreakHyphen")
            size = re.search(r'<w:sz w:val="(\d+)"/>', cell)
            half_points = int(size.group(1)) if size else 18
            for line in lines_of(cell):
                for token in TOKEN.findall(line):
                    if token_twips(token, half_points) > tcw + 0.5:
                        errors.append(f"{name}: “{token}” needs {token_twips(token, half_points):.0f} "
                                      f"twips, its cell has {tcw} (row {r + 1})")
            text = "".join(lines_of(cell))
            if LABEL.fullmatch(text) and token_twips(text, half_points) > tcw + 0.5:
                errors.append(f"{name}: the label “{text}” needs {token_twips(text, half_points):.0f} "
                              f"twips, its cell has {tcw}: it splits (row {r + 1})")
            for token in TOKEN.findall(text):
                if not any(token in line for line in lines_of(cell)):
                    errors.append(f"{name}: a line break splits “{token}”")
            col += span
        first_text = "".join(lines_of(cells_of(row)[0])) if cells_of(row) else ""
        if r == len(rows) - 1 and re.match(r"(合计|总计)", first_text) and not header:
            for k in (r - 2, r - 1):
                if k >= 1 and "<w:tblHeader/>" not in rows[k] and "<w:keepNext/>" not in rows[k]:
                    errors.append(f"{name}: row {k + 1} does not keep with the closing 合计 row")
        if header and r + 1 < len(rows) and "<w:keepNext/>" not in row:
            errors.append(f"{name}: header row does not keep with the first row")
    # Leading label columns: merged from column 0 on without a gap.
    label_cols = 0
    while label_cols in merges:
        label_cols += 1
    for col, marks in merges.items():
        if col < label_cols or flows:
            continue
        group = []
        for r, kind in marks + [(None, "restart")]:
            if kind == "restart":
                for g in group[:-1]:
                    if not keeps[g]:
                        errors.append(f"{name}: row {g + 1} shares the merged cell of column "
                                      f"{col + 1} but does not keep with the next row")
                group = [r]
            else:
                group.append(r)
    if budget_subtotals and "项目预算安排及支出情况表" in where:
        text = re.sub(r"<[^>]+>", "|", tbl)
        for subtotal in budget_subtotals:
            if not re.search(r"小计\|+" + re.escape(subtotal) + r"\|", text):
                errors.append(f"{name}: no 小计 row with the 年初 subtotal {subtotal}")


def subtotals(case_dir):
    path = os.path.join(case_dir, "budget.csv")
    if not os.path.exists(path):
        return []
    out, current = [], []
    def close():
        if len(current) > 1:
            out.append(f"{sum(current):,.2f}")
    for row in csv.DictReader(open(path, encoding="utf-8-sig")):
        if row["序号"] == "合计":
            break
        if row["序号"]:
            close()
            current.clear()
        current.append(float(row["年初预算"].replace(",", "") or 0))
    close()
    return out


def check_html(where, html):
    tables_html = "".join(re.findall(r"<table>\n<colgroup>.*?</table>|<table style[^>]*>\n<colgroup>.*?</table>", html, re.S))
    for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", tables_html, re.S):
        text = re.sub(r"<[^>]+>", "", cell)
        if re.fullmatch(r"(?:[A-Z]\d{0,3} )?[\u4e00-\u9fff]{2,6}", text) and "nw" not in cell:
            errors.append(f"{where}: the label “{text}” may split (not held on one line)")
    for body in re.findall(r"<tbody[^>]*>(.*?)</tbody>", html, re.S):
        rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
        for i, row in enumerate(rows):
            for span in re.findall(r'rowspan="(\d+)"', row):
                if i + int(span) > len(rows):
                    errors.append(f"{where}: a rowspan of {span} leaves its <tbody> "
                                  f"({len(rows) - i} rows left)")


tables = 0
for case_dir in sorted(glob.glob("data/cases/*/")):
    for outline in [[], ["--outline", "national-2020"]]:
        out = tempfile.mkdtemp()
        env = dict(os.environ, JIXIAO_OFFICE="none")
        run = subprocess.run([jixiao, "report", case_dir, "-o", out, "--formats", "docx,html", *outline],
                             capture_output=True, text=True, env=env)
        if run.returncode != 0:
            errors.append(f"{case_dir} {outline}: report failed: {run.stderr}")
            continue
        check_html(f"{case_dir} {' '.join(outline)} report.html",
                   open(os.path.join(out, "report.html"), encoding="utf-8").read())
        xml = zipfile.ZipFile(os.path.join(out, "report.docx")).read("word/document.xml").decode()
        for m in re.finditer(r"(<w:p>(?:(?!</w:p>).)*</w:p>)?(<w:tbl>.*?</w:tbl>)", xml, re.S):
            caption = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", m.group(1) or ""))
            check_table(f"{os.path.basename(case_dir.rstrip('/'))} {' '.join(outline)} {caption}",
                        m.group(2), subtotals(case_dir))
            tables += 1
if errors:
    print("\n".join(errors))
    sys.exit(1)
print(f"table layout ok: {tables} tables, no number or document number narrower than its cell")
