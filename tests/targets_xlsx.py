#!/usr/bin/env python3
"""`targets check` of an .xlsx 申报表 (header block above, merged 一级/二级 cells) reads what the
CSV says: every corpus table is rebuilt as a workbook the way units keep it and must give the same
findings (rule, severity, indicator) as its targets.csv; a hand-made 残联 申报表 in the shape the
issue describes must give the findings a reviewer expects.
Usage: targets_xlsx.py JIXIAO [--keep DIR]   (--keep leaves the issue's workbook in DIR)"""
import csv, io, json, os, shutil, subprocess, sys, tempfile
from openpyxl import Workbook

JIXIAO = sys.argv[1]
CORPUS = "tests/targets-corpus"
HEADER = {"一级": "一级指标", "二级": "二级指标", "三级": "三级指标"}

def read_csv(path):
    data = open(path, "rb").read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
    return list(csv.reader(io.StringIO(text, newline="")))

def write_workbook(path, rows, project):
    wb = Workbook()
    ws = wb.active
    ws.title = "绩效目标申报表"
    width = max(len(rows[0]), 6)
    ws.cell(1, 1, "项目支出绩效目标申报表")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    r = 2
    pairs = [("项目名称", "项目名称"), ("项目类别", "项目类别"), ("主管部门", "主管部门"),
             ("实施单位", "实施单位"), ("计划开始日期", "计划开始日期"), ("计划完成日期", "计划完成日期")]
    present = [(label, project[key]) for label, key in pairs if key in project]
    for i in range(0, len(present), 2):
        for j, (label, value) in enumerate(present[i:i + 2]):
            ws.cell(r, 1 + 3 * j, label)
            ws.cell(r, 2 + 3 * j, value)
            ws.merge_cells(start_row=r, start_column=2 + 3 * j, end_row=r, end_column=3 + 3 * j)
        r += 1
    money = [(label, key) for label, key in
             [("项目资金总额", "项目资金总额"), ("其中：财政资金", "其中财政资金"), ("其他资金", "其他资金")] if key in project]
    if money:
        for j, (label, key) in enumerate(money):
            ws.cell(r, 1 + 2 * j, label)
            ws.cell(r, 2 + 2 * j, f"{project[key]}万元")
        r += 1
    for label, key in [("总体目标", "总目标"), ("年度目标", "年度目标")]:
        if key in project:
            ws.cell(r, 1, label)
            ws.cell(r, 2, project[key] if project[key] else None)
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=width)
            r += 1
    header_row = r
    for c, h in enumerate(rows[0], 1):
        ws.cell(r, c, HEADER.get(h, h))
    for row in rows[1:]:
        r += 1
        for c, v in enumerate(row, 1):
            if v != "":
                cell = ws.cell(r, c, v)
                cell.data_type = "s"  # "=22个" is text, as a unit types it, not a formula
    # Merge blank 一级/二级 cells into the cell above, as units' tables do.
    for c, h in enumerate(rows[0], 1):
        if h not in ("一级", "二级"):
            continue
        start = None
        for rr in range(header_row + 1, r + 2):
            v = ws.cell(rr, c).value if rr <= r else "end"
            if v is None and start is None:
                start = rr - 1
            elif v is not None and start is not None:
                if start > header_row:
                    ws.merge_cells(start_row=start, start_column=c, end_row=rr - 1, end_column=c)
                start = None
    ws.cell(r + 2, 1, "注：各单位可根据项目特点自行增加或减少二级指标。")
    wb.save(path)

def write_form_workbook(path, rows, project):
    """The 申报表 as county forms print it: a 绩效指标 column merged down the left of the grid, 总体目标
    as a heading over 年度目标 | 年度总体目标完成情况 with the goal below, 资金情况 as a merged label
    over three money rows, and 审核意见 / 填表人 rows under the grid."""
    wb = Workbook()
    ws = wb.active
    ws.title = "绩效目标申报表"
    width = len(rows[0]) + 1
    ws.cell(1, 1, "绩效目标申报表")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.cell(2, 1, "项目名称"), ws.cell(2, 2, project["项目名称"])
    ws.cell(2, 4, "项目负责人及电话")
    ws.cell(3, 1, "主管部门"), ws.cell(3, 2, project["主管部门"])
    ws.cell(3, 4, "实施单位"), ws.cell(3, 5, project["实施单位"])
    ws.cell(4, 1, "资金情况（万元）")
    for r, (label, key) in enumerate([("年度资金总额：", "项目资金总额"), ("其中：财政拨款", "其中财政资金"),
                                      ("其他资金", "其他资金")], 4):
        ws.cell(r, 2, label), ws.cell(r, 3, project[key])
    ws.merge_cells("A4:A6")
    ws.cell(7, 1, "总体目标"), ws.cell(7, 2, "年度目标"), ws.cell(7, 4, "年度总体目标完成情况")
    ws.cell(8, 2, project["年度目标"])
    ws.merge_cells("A7:A8"), ws.merge_cells("B8:C8")
    header_row = 9
    ws.cell(header_row, 1, "绩效指标")
    for c, h in enumerate(rows[0], 2):
        ws.cell(header_row, c, HEADER.get(h, h))
    r = header_row
    for row in rows[1:]:
        r += 1
        for c, v in enumerate(row, 2):
            if v != "":
                ws.cell(r, c, v).data_type = "s"
    ws.merge_cells(start_row=header_row, start_column=1, end_row=r, end_column=1)
    for c in (2, 3):  # merged 一级 / 二级 runs; a 二级 run ends where a new 一级 starts
        start = header_row + 1
        for rr in range(header_row + 2, r + 2):
            ends = rr > r or ws.cell(rr, c).value is not None or (c == 3 and ws.cell(rr, 2).value is not None)
            if ends:
                if rr - 1 > start:
                    ws.merge_cells(start_row=start, start_column=c, end_row=rr - 1, end_column=c)
                start = rr
    ws.cell(r + 1, 1, "财政部门支出股室初审意见"), ws.cell(r + 1, 2, "（盖章）")
    ws.merge_cells(start_row=r + 1, start_column=2, end_row=r + 1, end_column=width)
    ws.cell(r + 2, 1, "填表人："), ws.cell(r + 2, 3, "联系电话：")
    wb.save(path)

def check(path):
    p = subprocess.run([JIXIAO, "targets", "check", path, "--json"], capture_output=True, text=True)
    if not p.stdout.startswith("["):
        raise SystemExit(f"{path}: {p.returncode} {p.stderr}")
    return p.returncode, json.loads(p.stdout)

def signature(findings):
    return sorted((f["rule"], f["severity"], f["indicator"], f.get("file", "") != "") for f in findings)

errors = []
tmp = tempfile.mkdtemp()
try:
    for name in sorted(os.listdir(CORPUS)):
        src = os.path.join(CORPUS, name)
        if not os.path.isdir(src):
            continue
        dst = os.path.join(tmp, name)
        os.mkdir(dst)
        project = {}
        if os.path.exists(os.path.join(src, "project.json")):
            project = json.load(open(os.path.join(src, "project.json"), encoding="utf-8"))
        if os.path.exists(os.path.join(src, "budget.csv")):
            shutil.copy(os.path.join(src, "budget.csv"), dst)
        write_workbook(os.path.join(dst, "申报表.xlsx"), read_csv(os.path.join(src, "targets.csv")), project)
        code_csv, from_csv = check(src)
        code_xlsx, from_xlsx = check(os.path.join(dst, "申报表.xlsx"))
        if code_csv != code_xlsx or signature(from_csv) != signature(from_xlsx):
            a, b = set(signature(from_csv)), set(signature(from_xlsx))
            errors.append(f"{name}: csv {code_csv} vs xlsx {code_xlsx}; only csv {sorted(a - b)}; only xlsx {sorted(b - a)}")

    # A county form (南岳 2018): the header block read around its headings, the grid ends at 审核意见.
    src = os.path.join(CORPUS, "hunan-nanyue-asset-income-2018")
    form = os.path.join(tmp, "form", "申报表.xlsx")
    os.mkdir(os.path.dirname(form))
    write_form_workbook(form, read_csv(os.path.join(src, "targets.csv")),
                        json.load(open(os.path.join(src, "project.json"), encoding="utf-8")))
    (code_csv, from_csv), (code_xlsx, from_xlsx) = check(src), check(form)
    if code_csv != code_xlsx or signature(from_csv) != signature(from_xlsx):
        a, b = set(signature(from_csv)), set(signature(from_xlsx))
        errors.append(f"county form: csv {code_csv} vs xlsx {code_xlsx}; only csv {sorted(a - b)}; only xlsx {sorted(b - a)}")

    # The issue's table: 一级 绩效指标, a blank value, vague timeliness, 准确, 有效, 320 against 341,
    # a 合计 that does not add up.
    issue = os.path.join(tmp, "issue")
    os.mkdir(issue)
    rows = [["一级", "二级", "三级", "指标值"],
            ["绩效指标", "数量指标", "困难残疾人生活补贴发放人数", "≥320(人)"],
            ["", "", "重度残疾人护理补贴发放人数", "≥3200.00(人)"],
            ["", "", "合计", "≥3600(人)"],
            ["", "质量指标", "补贴发放准确性", "准确（按市残联通知人数和金额）"],
            ["", "时效指标", "补贴发放及时性", "根据政策文件要求及时发放"],
            ["", "成本指标", "补贴资金使用", "有效"],
            ["效益指标", "社会效益指标", "困难残疾人生活水平", ""],
            ["满意度指标", "服务对象满意度指标", "受助残疾人满意度", "≥90.00(%)"]]
    write_workbook(os.path.join(issue, "申报表.xlsx"), rows,
                   {"项目名称": "2025年残疾人两项补贴", "计划完成日期": "2025年12月31日", "项目资金总额": 420,
                    "其中财政资金": 420, "总目标": "按时足额发放残疾人两项补贴", "年度目标": "按时足额发放残疾人两项补贴"})
    with open(os.path.join(issue, "budget.csv"), "w", encoding="utf-8") as f:
        f.write("序号,项目构成,项目明细,资金来源,年初预算,调整金额,调整后预算,实际支出,单价,数量\n"
                "1,残疾人两项补贴,困难残疾人生活补贴,市级,\"409,200.00\",0.00,\"409,200.00\",0.00,1200,341\n"
                "2,残疾人两项补贴,重度残疾人护理补贴,市级,\"3,790,800.00\",0.00,\"3,790,800.00\",0.00,1184.625,3200\n")
    code, found = check(os.path.join(issue, "申报表.xlsx"))
    rules = {f["rule"] for f in found}
    for want in ("T10", "T15", "T21", "T23", "T24", "T25"):
        if want not in rules:
            errors.append(f"issue table: {want} not reported (got {sorted(rules)})")
    for unwanted in ("T01", "T19", "T26"):
        if unwanted in rules:
            errors.append(f"issue table: {unwanted} reported: 绩效指标 rows are outputs")
    timely = [f for f in found if f["rule"] == "T10"]
    if timely and timely[0]["suggestion"] != "2025年12月31日前发放完毕":
        errors.append(f"issue table: T10 suggestion {timely[0]['suggestion']}")
    accurate = [f for f in found if f["rule"] == "T23"]
    if accurate and accurate[0]["suggestion"] != "补贴发放准确率=100%":
        errors.append(f"issue table: T23 suggestion {accurate[0]['suggestion']}")
    if code != 1:
        errors.append(f"issue table: exit {code}, expected 1 (blank value, 合计)")
    if "--keep" in sys.argv:
        keep = sys.argv[sys.argv.index("--keep") + 1]
        shutil.copytree(issue, keep, dirs_exist_ok=True)
finally:
    shutil.rmtree(tmp)
for e in errors:
    print(e)
print("FAILED" if errors else "ok: every corpus table reads the same from .xlsx; the issue's table trips its rules")
sys.exit(1 if errors else 0)
