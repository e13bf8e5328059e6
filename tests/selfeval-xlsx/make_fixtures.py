#!/usr/bin/python3
"""Builds the 自评表 .xlsx fixtures from corpus forms, each in the layout its province publishes —
merged header cells, merged 一级/二级 names, a header block above and notes below, as real forms have:

  national.xlsx          03-anhui-tianchang-flood-control-2022   (财预〔2020〕10号 自评表)
  sichuan-xianjie.xlsx   01-sichuan-zhongjiang-water-gauge-2022  (分值 before 年度指标值, no 年初)
  yunnan-public.xlsx     02-yunnan-yongde-nutrition-2022         (指标性质/指标值/度量单位, 元, two-row header)
  hubei.xlsx             04-hubei-huanggang-soil-monitoring-2020 (budget 20, 目标1/目标2 blocks, no 分值)
  sichuan-2023.xlsx      05-sichuan-qingshen-salary-2023         (权重, budget by funding source)
  national-yuan.xlsx     07-shanghai-putuo-sports-venue-2022     (national in 元, 其中 rows, "215,457.6")

src/ingest/selfeval_workbook_test.cc checks that each of the first five reads back as its CSV folder;
tests/selfeval_xlsx.py that `selfeval check` finds the same on each workbook as on its folder.
Usage: tests/selfeval-xlsx/make_fixtures.py [NAME…]   (writes next to itself; the outputs are committed;
NAME limits it to those functions, e.g. national_yuan, so the other workbooks keep their bytes)"""
import csv, os, re
import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "selfeval-corpus")


def read(folder, name):
    with open(os.path.join(CORPUS, folder, name), encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def value(ws, row, col, text, fmt):
    """Plain numbers as numbers (as units type them); everything else as printed text."""
    if re.fullmatch(r"\d+(\.\d+)?", text or "") and not re.fullmatch(r"0\d.*|\d+\.\d*0", text):
        ws.write_number(row, col, float(text), fmt)
    else:
        ws.write_string(row, col, text, fmt)


def merged_runs(rows, index):
    """(first, last) spans of consecutive equal non-empty values in column `index`."""
    runs, start = [], 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or rows[i][index] != rows[start][index] or not rows[start][index]:
            runs.append((start, i - 1))
            start = i
    return runs


def indicator_rows(ws, fmt, first_row, rows, cols, l1_points=None, split_target=False):
    """Writes form.csv rows from sheet row `first_row` (0-based); cols maps canonical column -> sheet column
    (年度指标值 -> three columns when split_target). 一级/二级 names are merged over their runs."""
    l1_points = l1_points or {}
    for i, r in enumerate(rows):
        row = first_row + i
        l1, l2, l3, target, actual, weight, score, reason = r
        for key, text in (("三级指标", l3), ("实际完成值", actual), ("分值", weight), ("得分", score),
                          ("偏差原因", reason)):
            if key in cols:
                value(ws, row, cols[key], text, fmt)
        if split_target:
            m = re.fullmatch(r"([≧≥≤≦═=＝<>]*)(\d+(?:\.\d+)?)?(.*)", target)
            nature, number, unit = m.group(1), m.group(2) or "", m.group(3)
            if not number:
                nature, number, unit = "", target, ""
            c = cols["年度指标值"]
            ws.write_string(row, c, nature, fmt)
            value(ws, row, c + 1, number, fmt)
            ws.write_string(row, c + 2, unit, fmt)
        else:
            value(ws, row, cols["年度指标值"], target, fmt)
    for index, key in ((0, "一级指标"), (1, "二级指标")):
        for a, b in merged_runs(rows, index):
            text = rows[a][index]
            if index == 0 and text in l1_points:
                text = f"{text}（{l1_points[text]}分）"
            if a == b:
                ws.write_string(first_row + a, cols[key], text, fmt)
            else:
                ws.merge_range(first_row + a, cols[key], first_row + b, cols[key], text, fmt)


def book(name):
    wb = xlsxwriter.Workbook(os.path.join(HERE, name))
    fmt = wb.add_format({"border": 1, "text_wrap": True, "valign": "vcenter"})
    return wb, fmt


def national():
    form, budget = read("03-anhui-tianchang-flood-control-2022", "form.csv")[1:], \
        read("03-anhui-tianchang-flood-control-2022", "budget.csv")[1]
    wb, f = book("national.xlsx")
    ws = wb.add_worksheet("项目支出绩效自评表")
    ws.merge_range("A1:I1", "项目支出绩效自评表", f)
    ws.merge_range("A2:I2", "（2022年度）", f)
    ws.write("A3", "项目名称", f); ws.merge_range("B3:I3", "水旱灾害防御经费", f)
    ws.write("A4", "主管部门", f); ws.merge_range("B4:D4", "", f)
    ws.write("E4", "实施单位", f); ws.merge_range("F4:I4", "天长市水利局", f)
    ws.merge_range("A5:B9", "项目资金\n（万元）", f)
    for c, h in enumerate(["", "年初预算数", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"]):
        ws.write_string(4, 2 + c, h, f)
    ws.write_string(5, 2, "年度资金总额：", f)
    for c, t in enumerate(budget):
        value(ws, 5, 3 + c, t, f)
    for r, label in enumerate(["其中：本年财政拨款", "上年结转资金", "其他资金"]):
        ws.write_string(6 + r, 2, label, f)
    for c, t in enumerate(["880", "880", "880", "-", "", "-"]):
        value(ws, 6, 3 + c, t, f)
    ws.merge_range("A10:A11", "年度总体目标完成情况", f)
    ws.merge_range("B10:E10", "预期目标", f); ws.merge_range("F10:I10", "实际完成情况", f)
    ws.merge_range("B11:E11", "完成年度防汛工作,完成中型灌区节水改造项目和农业综合水价改革项目。", f)
    ws.merge_range("F11:I11", "完成年度目标。", f)
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    for c, h in enumerate(header):
        ws.write_string(11, 1 + c, h, f)
    ws.merge_range(11, 0, 11 + len(form), 0, "年度绩效指标完成情况", f)
    cols = {h: 1 + i for i, h in enumerate(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"])}
    indicator_rows(ws, f, 12, form, cols, {"产出指标": 50, "效益指标": 30, "满意度指标": 10})
    end = 12 + len(form)
    ws.merge_range(end, 0, end, 5, "总分", f); ws.write_number(end, 6, 100, f); ws.write_number(end, 7, 100, f)
    ws.merge_range(end + 1, 0, end + 1, 8, "注：1.一级指标分值统一设置为：产出指标50分、效益指标30分、服务对象满意度指标10分、预算资金执行率10分。", f)
    wb.close()


def sichuan_xianjie():
    folder = "01-sichuan-zhongjiang-water-gauge-2022"
    form, budget = read(folder, "form.csv")[1:], read(folder, "budget.csv")[1]
    wb, f = book("sichuan-xianjie.xlsx")
    ws = wb.add_worksheet("Sheet1")
    ws.merge_range("A1:I1", "绩效目标自评表", f)
    ws.merge_range("A2:I2", "（2022年度）", f)
    ws.write("A3", "项目名称", f)
    ws.merge_range("B3:E3", "中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装项目", f)
    ws.merge_range("F3:G3", "项目负责人及电话", f); ws.merge_range("H3:I3", "谢凯13990260322(办公)", f)
    ws.write("A4", "主管部门", f); ws.merge_range("B4:E4", "中江县水利局", f)
    ws.merge_range("F4:G4", "实施单位", f); ws.merge_range("H4:I4", "中江县水利局", f)
    ws.merge_range("A5:B8", "资金情况\n（万元）", f)
    for c, h in enumerate(["", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"]):
        ws.write_string(4, 2 + c, h, f)
    ws.write_string(5, 2, "年度资金总额：", f)
    for c, t in enumerate(budget[1:]):  # no 年初 column on this form
        value(ws, 5, 3 + c, t, f)
    ws.write_string(6, 2, "其中：本年财政拨款", f); ws.write_number(6, 3, 20, f); ws.write_number(6, 4, 20, f)
    ws.write_string(7, 2, "其他资金", f)
    ws.merge_range("A9:A10", "年度总体目标", f)
    ws.merge_range("B9:E9", "年初设定目标", f); ws.merge_range("F9:I9", "年度总体目标完成情况综述", f)
    ws.merge_range("B10:E10", "对农村地区供水计量设施设备进行改进,对项目区农业用水计量,为项目区农业生产夯实基础,", f)
    ws.merge_range("F10:I10", "对项目区农业用水计量,为项目区农业生产夯实基础,", f)
    header = ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "未完成原因及拟采取的改进措施"]
    for c, h in enumerate(header):
        ws.write_string(10, 1 + c, h, f)
    ws.merge_range(10, 0, 10 + len(form), 0, "绩效指标", f)
    cols = {"一级指标": 1, "二级指标": 2, "三级指标": 3, "分值": 4, "年度指标值": 5, "实际完成值": 6,
            "得分": 7, "偏差原因": 8}
    indicator_rows(ws, f, 11, form, cols, {"产出指标": 70, "效益指标": 20, "满意度指标": 10})
    end = 11 + len(form)
    ws.merge_range(end, 0, end, 3, "总分", f); ws.write_number(end, 4, 100, f); ws.write_number(end, 7, 100, f)
    ws.merge_range(end + 1, 0, end + 1, 8, "注：1.一级指标分值统一设置为：产出指标50分、效益指标30分、满意度指标10分、预算资金执行率10分", f)
    wb.close()


def yunnan_public():
    folder = "02-yunnan-yongde-nutrition-2022"
    form, budget = read(folder, "form.csv")[1:], read(folder, "budget.csv")[1]
    wb, f = book("yunnan-public.xlsx")
    ws = wb.add_worksheet("公开14表")
    ws.merge_range("A1:J1", "2022年度项目支出绩效自评表", f)
    ws.merge_range("A2:H2", "部门：临沧市永德县明朗中学", f); ws.merge_range("I2:J2", "公开14表", f)
    ws.write("A3", "项目名称", f); ws.merge_range("B3:J3", "义务教育营养改善计划专项资金", f)
    ws.write("A4", "主管部门", f); ws.merge_range("B4:E4", "永德县教育体育局", f)
    ws.write("F4", "实施单位", f); ws.merge_range("G4:J4", "永德县明朗中学", f)
    ws.merge_range("A5:B9", "项目资金\n（元）", f)
    ws.merge_range("C5:D5", "", f)
    for c, h in enumerate(["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]):
        ws.write_string(4, 4 + c, h, f)
    ws.merge_range("C6:D6", "年度资金总额", f)
    for c, t in enumerate(budget):
        value(ws, 5, 4 + c, t, f)
    ws.merge_range("C7:D7", "其中：当年财政拨款", f)
    for c, t in enumerate(["", "387664.62", "387664.62", "—", "", "—"]):
        value(ws, 6, 4 + c, t, f)
    ws.merge_range("C8:D8", "上年结转资金", f)
    ws.merge_range("C9:D9", "其他资金", f)
    for c in range(6):
        ws.write_string(8, 4 + c, "—", f)
    ws.merge_range("A10:A11", "年度总体目标", f)
    ws.merge_range("B10:E10", "预期目标", f); ws.merge_range("F10:J10", "实际完成情况", f)
    ws.merge_range("B11:E11", "确保每一个学生都能享受到国家政策福利，改善学生体质", f)
    ws.merge_range("F11:J11", "确保每一个学生都能享受到国家政策福利，改善学生体质", f)
    ws.merge_range("A12:C12", "绩效指标", f)
    ws.merge_range("D12:F12", "年度指标值", f)
    for c, h in ((6, "实际完成值"), (7, "分值"), (8, "得分"), (9, "偏差原因分析及改进措施")):
        ws.merge_range(11, c, 12, c, h, f)
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"]):
        ws.write_string(12, c, h, f)
    cols = {"一级指标": 0, "二级指标": 1, "三级指标": 2, "年度指标值": 3, "实际完成值": 6, "分值": 7,
            "得分": 8, "偏差原因": 9}
    indicator_rows(ws, f, 13, form, cols, split_target=True)
    end = 13 + len(form)
    ws.merge_range(end, 0, end, 1, "其他需要说明事项", f); ws.merge_range(end, 2, end, 4, "无", f)
    ws.merge_range(end, 5, end, 6, "总分", f)
    ws.write_number(end, 7, 100, f); ws.write_number(end, 8, 96, f); ws.write_string(end, 9, "优", f)
    wb.close()


def hubei():
    folder = "04-hubei-huanggang-soil-monitoring-2020"
    form, budget = read(folder, "form.csv")[1:], read(folder, "budget.csv")[1]
    wb, f = book("hubei.xlsx")
    ws = wb.add_worksheet("自评表")
    ws.merge_range("A1:G1", "2020年度水土保持监测项目绩效自评表", f)
    ws.merge_range("A2:D2", "单位名称：黄冈市水土保持与农田水利科研所", f)
    ws.merge_range("E2:G2", "填报日期：2021年3月10日", f)
    ws.write("A3", "项目名称", f); ws.merge_range("B3:C3", "水土保持监测", f)
    ws.write("D3", "主管部门", f); ws.merge_range("E3:G3", "黄冈市水利和湖泊局", f)
    ws.write("A4", "项目实施单位", f); ws.merge_range("B4:G4", "本单位", f)
    ws.write("A5", "预算执行情况（万元）（20分）", f)
    ws.merge_range("B5:C5", "预算数（A）", f); ws.write("D5", "执行数（B）", f)
    ws.write("E5", "执行率（B/A）", f); ws.merge_range("F5:G5", "得分（20分*执行率）", f)
    ws.write("A6", "年度财政资金总额", f)
    ws.merge_range("B6:C6", "", f); value(ws, 5, 1, budget[1], f)
    value(ws, 5, 3, budget[2], f); ws.write_string(5, 4, budget[4], f)
    ws.merge_range("F6:G6", "", f); value(ws, 5, 5, budget[5], f)
    header = ["一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分"]
    cols = {"一级指标": 1, "二级指标": 2, "三级指标": 3, "年度指标值": 4, "实际完成值": 5, "得分": 6}
    row = 6
    for label, part in (("年度绩效目标1（40分）", form[0:4]), ("年度绩效目标2（40分）", form[4:8])):
        for c, h in enumerate(header):
            ws.write_string(row, 1 + c, h, f)
        ws.merge_range(row, 0, row + len(part), 0, label, f)
        indicator_rows(ws, f, row + 1, part, cols)
        row += 1 + len(part)
    ws.write_string(row, 0, "总分", f); ws.merge_range(row, 1, row, 5, "", f); ws.write_number(row, 6, 99.6, f)
    ws.write_string(row + 1, 0, "偏差大或目标未完成原因分析", f); ws.merge_range(row + 1, 1, row + 1, 6, "", f)
    ws.write_string(row + 2, 0, "改进措施及结果应用方案", f); ws.merge_range(row + 2, 1, row + 2, 6, "", f)
    ws.merge_range(row + 3, 0, row + 3, 6, "备注：1.预算执行情况口径：预算数为调整后财政资金总额（包括上年结余结转）", f)
    wb.close()


def sichuan_2023():
    folder = "05-sichuan-qingshen-salary-2023"
    form, budget = read(folder, "form.csv")[1:], read(folder, "budget.csv")
    budget = budget[1][1:] if budget[0][0] == "资金来源" else budget[1]  # the 总额 row's figures
    project = dict(read(folder, "project.csv")[1:])
    wb, f = book("sichuan-2023.xlsx")
    ws = wb.add_worksheet("510000_0013zp")
    ws.merge_range("A1:K1", "报表编号：510000_0013zp", f)
    ws.merge_range("A2:K2", "部门预算项目支出绩效自评表（2023年度）", f)
    ws.write("A3", "项目名称", f); ws.merge_range("B3:K3", "51000021R000000019951-工资性支出", f)
    ws.write("A4", "主管部门", f); ws.merge_range("B4:E4", "青神县发展和改革局本级", f)
    ws.merge_range("F4:G4", "实施单位（盖章）", f); ws.merge_range("H4:K4", "青神县发展和改革局", f)
    # 项目基本情况 as published: the goal and, still, the template's instruction for its result.
    ws.merge_range("A5:A7", "项目基本情况", f); ws.merge_range("B5:B6", "1.项目年度目标完成情况", f)
    ws.merge_range("C5:F5", "项目年度目标", f); ws.merge_range("G5:K5", "年度目标完成情况", f)
    ws.merge_range("C6:F6", project["总体目标"], f); ws.merge_range("G6:K6", project["实际完成情况"], f)
    ws.write("B7", "2.项目实施内容及过程概述", f); ws.merge_range("C7:K7", "", f)
    o = 3  # the rows above push the budget block down
    ws.merge_range(4 + o, 0, 9 + o, 0, "预算执行情况（10分）", f)
    for c, h in enumerate(["年度预算数（万元）", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"]):
        ws.write_string(4 + o, 1 + c, h, f)
    ws.merge_range(4 + o, 9, 4 + o, 10, "原因", f)
    ws.write_string(5 + o, 1, "总额", f)
    # printed order: 年初预算, 调整后预算数, 预算执行数, 预算执行率, 权重, 得分
    for c, t in enumerate([budget[0], budget[1], budget[2], budget[4], budget[3], budget[5]]):
        value(ws, 5 + o, 2 + c, t, f)
    ws.merge_range(5 + o, 8, 9 + o, 10, "1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因（100字以内）；"
                   "2.年中发生预算调整的（追加或调减），应单独说明理由；3.其他资金包括：社会投入资金、银行贷款.", f)
    sources = [("其中：财政资金", ["238.93", "251.89", "251.89", "100.00%", "/", "/"]),
               ("财政专户管理资金", ["0.00", "0.00", "0.00", "0.00%", "/", "/"]),
               ("单位资金", ["0.00", "0.00", "0.00", "0.00%", "/", "/"]),
               ("其他资金", ["", "", "", "", "/", "/"])]
    for r, (label, cells) in enumerate(sources):
        ws.write_string(6 + o + r, 1, label, f)
        for c, t in enumerate(cells):
            value(ws, 6 + o + r, 2 + c, t, f)
    header = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"]
    for c, h in enumerate(header):
        ws.write_string(10 + o, 1 + c, h, f)
    ws.merge_range(10 + o, 0, 10 + o + len(form), 0, "绩效指标（90分）", f)
    cols = {"一级指标": 1, "二级指标": 2, "三级指标": 3, "年度指标值": 4, "实际完成值": 7, "分值": 8,
            "得分": 9, "偏差原因": 10}
    indicator_rows(ws, f, 11 + o, form, cols, split_target=True)
    end = 11 + o + len(form)
    ws.merge_range(end, 0, end, 7, "合计", f); ws.write_number(end, 8, 100, f)
    for r, label in enumerate(["评价结论", "存在问题", "改进措施"]):
        ws.write_string(end + 1 + r, 0, label, f)
        ws.merge_range(end + 1 + r, 1, end + 1 + r, 10, "（200字以内）", f)
    wb.close()


def national_yuan():
    """上海 普陀 2022 as published: amounts in 元, the executed total with a thousands separator, the
    其中 rows under the total, 预期目标 left blank."""
    folder = "07-shanghai-putuo-sports-venue-2022"
    form, budget = read(folder, "form.csv")[1:], read(folder, "budget.csv")[1:]
    wb, f = book("national-yuan.xlsx")
    ws = wb.add_worksheet("Sheet1")
    ws.merge_range("A1:I1", "财政项目支出绩效自评表", f)
    ws.merge_range("A2:I2", "（2022年度）", f)
    ws.write("A3", "项目名称", f); ws.merge_range("B3:I3", "普陀体育中心与委托运营方结算费用", f)
    ws.write("A4", "主管部门", f); ws.merge_range("B4:D4", "上海市普陀区体育局", f)
    ws.write("E4", "实施单位", f); ws.merge_range("F4:I4", "上海市普陀区体育事业管理中心", f)
    ws.merge_range("A5:B9", "项目资金\n（元）", f)
    for c, h in enumerate(["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]):
        ws.write_string(4, 2 + c, h, f)
    for r, row in enumerate(budget):
        ws.write_string(5 + r, 2, row[0], f)
        for c, t in enumerate(row[1:]):
            value(ws, 5 + r, 3 + c, t, f)
    ws.merge_range("A10:A11", "年度总体目标", f)
    ws.merge_range("B10:E10", "预期目标", f); ws.merge_range("F10:I10", "实际完成情况", f)
    ws.merge_range("B11:E11", "", f)
    ws.merge_range("F11:I11", "已完成普陀体育中心与委托运营方费用结算。", f)
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    for c, h in enumerate(header):
        ws.write_string(11, 1 + c, h, f)
    ws.merge_range(11, 0, 11 + len(form), 0, "绩效指标", f)
    cols = {h: 1 + i for i, h in enumerate(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"])}
    indicator_rows(ws, f, 12, form, cols)
    end = 12 + len(form)
    ws.merge_range(end, 0, end, 5, "总分", f); ws.write_number(end, 6, 100, f); ws.write_number(end, 7, 98.62, f)
    wb.close()


if __name__ == "__main__":
    import sys
    builders = {"national": national, "sichuan_xianjie": sichuan_xianjie, "yunnan_public": yunnan_public,
                "hubei": hubei, "sichuan_2023": sichuan_2023, "national_yuan": national_yuan}
    for name in sys.argv[1:] or builders:
        builders[name]()
