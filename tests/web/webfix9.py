#!/usr/bin/env python3
"""Trial 4's smaller stumbles on the unit's and bureau's pages (issue 21, webfix9), each written
before its fix (docs/review/webtrial4.md):
item 9:  a published 自评表 with the template's empty rows (指标2, ……) numbers its rows 1…9, not
         1, 4, 5, 7…, and shows 一级/二级 once per group (rowspan);
item 13: at 1024 px the 自评表's 三级指标 cells and the entry form's 指标 cells are at least 7
         characters wide, and the 自评表 page needs no horizontal scroll (headless Chromium);
item 10: the target page's 项目信息 shows 资金总额 in 万元 as the 申报表 writes it (“4.00万元”, not
         “40,000.00元”) and shows the 年度目标;
item 8:  a pasted table of 6 rows shows its rows as 1–6 (as pasted), not as the 申报表's rows 9–14;
item 11: the 读表说明 block groups repeated notes: one line per kind, the rows named in it;
item 12: the page a unit lands on (绩效目标表) lists what waits for it: a 退回 自评表 with the
         复核意见, and a 自评表 saved but not submitted;
item 14: the downloaded 申报表 types a deadline (“12月底前”) as 定性, not 定量; the bureau's ranking
         says it ranks evaluations, one row each, not towns.
Usage: webfix9.py JIXIAO"""
import html
import io
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import webtest  # noqa: E402

import openpyxl  # noqa: E402  (python3-openpyxl, bootstrap)

FAILURES = []


def check(cond, message):
    webtest.check(cond, message, FAILURES)


def visible(page):
    return webtest.visible(page, gap="")


GOAL = "开展宣传活动和春节慰问，实现慰问全覆盖。"
ROWS = [
    ["项目支出绩效目标申报表"],
    ["（2021年度）"],
    ["项目名称", "麻风病防治"],
    ["预算单位", "区疾控中心"],
    ["项目资金（万元）", "年度资金总额", "金额（万元）"],
    ["", "（一）财政拨款小计", "4.00"],
    ["", "1、一般公共预算", "4.00"],
    ["", "2、政府性基金", "0.00"],
    ["总体目标", "年度目标", GOAL],
    ["一级指标", "二级指标", "三级指标", "指标值（包含数字及文字描述）"],
    ["项目完成指标", "数量指标", "宣传教育场次", "≥4场"],
    ["", "时效指标", "资金拨付完成时间", "2021年12月底前"],
    ["满意度指标", "满意度指标", "群众满意度", "≥90%"],
]


def workbook(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "绩效目标申报表"
    for r in ROWS:
        ws.append(r)
    ws.merge_cells("A11:A12")
    wb.save(path)


def target_page(unit, tmp):
    path = os.path.join(tmp, "麻风病防治.xlsx")
    workbook(path)
    tid = webtest.upload_targets(unit, path=path, year="2021", title="麻风病防治")
    project = unit.get("/api/v1/targets/%s" % tid).json()["project"]
    check(project.get("资金总额") == "4.00万元", "item 10: 资金总额 in 万元: %s" % project)
    check(project.get("年度目标") == GOAL, "item 10: the 年度目标 is shown: %s" % project)
    page = visible(unit.get("/targets/%s" % tid).text())
    check("4.00万元" in page and "40,000.00元" not in page, "item 10: the page prints 4.00万元")
    check(GOAL in page, "item 10: the page shows the 年度目标")
    raw = unit.get("/targets/%s" % tid).text()
    m = re.search(r"<h2>读表说明</h2>(.*?)</section>", raw, re.S)
    notes = re.findall(r"<li[^>]*>(.*?)</li>", m.group(1), re.S) if m else []
    units = [visible(n) for n in notes if "含计量单位" in n]
    check(len(units) == 1, "item 11: one line for the values with a unit inside: %s" % units)
    check(units and "宣传教育场次" in units[0] and "群众满意度" in units[0] and "共 2 行" in units[0],
          "item 11: the line names its rows: %s" % units)
    r = unit.get("/targets/%s/download/xlsx" % tid)
    check(r.status == 200, "申报表 downloaded: %d" % r.status)
    wb = openpyxl.load_workbook(io.BytesIO(r.body))
    types = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            cells = [c for c in row if c not in (None, "")]
            if "资金拨付完成时间" in cells or "宣传教育场次" in cells:
                types[cells[cells.index("资金拨付完成时间") if "资金拨付完成时间" in cells
                            else cells.index("宣传教育场次")]] = row
    deadline = types.get("资金拨付完成时间") or ()
    count = types.get("宣传教育场次") or ()
    check("定性" in deadline and "定量" not in deadline,
          "item 14: the deadline is typed 定性 in the 申报表: %s" % (deadline,))
    check("定量" in count, "a count stays 定量: %s" % (count,))


PASTED = "\n".join([
    "一级指标\t二级指标\t三级指标\t指标值",
    "产出指标\t数量指标\t巡护里程\t≥1200公里",
    "\t\t防火宣传活动\t≥12场",
    "\t成本指标\t防火物资采购\t≤12万元",
    "\t时效指标\t物资到位时间\t2023年12月底前",
    "效益指标\t社会效益指标\t森林火灾发生率\t≤0.9‰",
    "满意度指标\t服务对象满意度指标\t群众满意度\t≥95%",
])


def pasted_rows(unit):
    r = unit.api_post("/api/v1/targets", {
        "text": PASTED, "year": "2023", "p_name": "森林防火巡护经费", "p_total": "12", "p_fiscal": "12"})
    check(r.status == 201, "pasted: %d %s" % (r.status, r.text()[:300]))
    tid = r.json()["id"]
    page = unit.get("/targets/%s" % tid).text()
    shown = re.findall(r'<tr[^>]*>\s*<td class="num">(\d+)</td><td>[^<]*</td><td>[^<]*</td><td>([^<]*)</td>', page)
    check([n for n, _ in shown] == ["1", "2", "3", "4", "5", "6"],
          "item 8: the pasted rows are numbered as pasted: %s" % shown)
    check(shown and shown[0][1] == "巡护里程", "row 1 is the first pasted row: %s" % shown[:1])


def landing_todo(unit, bureau):
    draft = webtest.upload_selfeval(unit, year="2024")
    returned = webtest.upload_selfeval(unit, year="2023")
    v = unit.get("/api/v1/selfevals/%s" % returned).json()["version"]
    r = unit.api_post("/api/v1/selfevals/%s/submit" % returned, {"version": v})
    check(r.status in (200, 303), "submitted: %d %s" % (r.status, r.text()[:200]))
    v = bureau.get("/api/v1/selfevals/%s" % returned).json()["version"]
    reason = "请补充偏差原因<b>并核对总分</b>"
    r = bureau.api_post("/api/v1/selfevals/%s/review" % returned,
                        {"version": v, "decision": "退回", "opinion": reason})
    check(r.status == 200, "退回: %d %s" % (r.status, r.text()[:200]))
    page = unit.get("/targets").text()
    m = re.search(r'<section class="card" id="todo">(.*?)</section>', page, re.S)
    check(m is not None, "item 12: the landing page has 需要您处理")
    todo = m.group(1) if m else ""
    items = re.findall(r"<li>(.*?)</li>", todo, re.S)
    back = [i for i in items if "/selfevals/%s" % returned in i]
    check(back and "已退回" in back[0] and html.escape(reason) in back[0],
          "item 12: the 退回 form with its reason, escaped: %s" % back)
    unsent = [i for i in items if "/selfevals/%s" % draft in i]
    check(unsent and "尚未提交" in unsent[0], "item 12: the draft not submitted: %s" % unsent)
    check("<b>并核对" not in page, "the reason is escaped")


def langfang(path):
    """The trial's 廊坊市食品工程学校 2019 自评表 (webtrial4 make_langfang.py): the 财政部 template with
    its 指标2/…… placeholder rows and merged 一级/二级 cells."""
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "附件1"
    A = ws.append
    A(["项目支出绩效自评表"]); ws.merge_cells("A1:H1")
    A(["（2019年度）"]); ws.merge_cells("A2:H2")
    A(["项目名称", "办公宿舍楼、食堂及餐厅暖通改造经费"]); ws.merge_cells("B3:H3")
    A(["主管部门", "廊坊市发改委", None, None, "实施单位", "廊坊市食品工程学校"])
    A(["项目资金\n（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"])
    A([None, "年度资金总额", 43.2, 43.2, 37.24, 10, "86%", 9])
    A([None, "其中：当年财政拨款", 43.2, 43.2, 37.24, None, None, None])
    A([None, "      上年结转资金"])
    A([None, "  其他资金"])
    ws.merge_cells("A5:A9")
    A(["年度总体目标", "预期目标", None, None, "实际完成情况"])
    A([None, "43.2", None, None, "37.24"])
    A(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"])
    rows = [
     ("产出指标", "数量指标", "指标1工程资金金额", 43.2, 37.24, 10, 9, "已完工，剩余3%尾款未付，且最高限价低于预算金额。提高预算准确度。"),
     (None, None, "指标2", None, None, None, None, None),
     (None, None, "……", None, None, None, None, None),
     (None, "质量指标", "指标1工程完工率", 100, 100, 10, 10, None),
     (None, None, "指标2工程验收合格率", 100, 100, 10, 10, None),
     (None, None, "……", None, None, None, None, None),
     (None, "时效指标", "指标1项目完成及时率", 100, 100, 10, 10, None),
     (None, None, "指标2", None, None, None, None, None),
     (None, None, "……", None, None, None, None, None),
     (None, "成本指标", "指标1成本控制率", 100, 100, 10, 10, None),
     (None, None, "指标2", None, None, None, None, None),
     (None, None, "……", None, None, None, None, None),
     ("效益指标", "经济效益\n指标", "指标1安全率", 100, 100, 10, 10, 0),
     (None, None, "指标2", None, None, None, None, None),
     (None, None, "……", None, None, None, None, None),
     (None, "社会效益\n指标", "指标1学校发展能力", 100, 100, 10, 10, 0),
     (None, None, "指标2", None, None, None, None, None),
     (None, None, "……", None, None, None, None, None),
     (None, "生态效益\n指标", "指标1", None, None, None, None, None),
     (None, None, "指标2", None, None, None, None, None),
     (None, None, "……", None, None, None, None, None),
     (None, "可持续影响\n指标", "指标1长期使用性", 100, 100, 10, 10, None),
     (None, None, "指标2", None, None, None, None, None),
     (None, None, "……", None, None, None, None, None),
     ("满意度\n指标", "服务对象满意度指标", "指标1学生满意度", 100, 100, 10, 10, 0),
     (None, None, "指标2", None, None, None, None, None),
     (None, None, "……", None, None, None, None, None),
    ]
    s = ws.max_row + 1
    for r in rows: A(list(r))
    A(["总分", None, None, None, None, 100, 98, None])
    ws.merge_cells(f"A{s}:A{s+11}"); ws.merge_cells(f"A{s+12}:A{s+23}"); ws.merge_cells(f"A{s+24}:A{s+26}")
    for k in range(s, s + 27, 3): ws.merge_cells(f"B{k}:B{k+2}")
    wb.save(path)


def published_selfeval(unit, tmp):
    path = os.path.join(tmp, "廊坊自评表.xlsx")
    langfang(path)
    with open(path, "rb") as f:
        r = unit.api_post("/api/v1/selfevals", fields={"year": "2019"},
                          files={"form": ("廊坊自评表.xlsx", f.read())})
    check(r.status == 201, "uploaded: %d %s" % (r.status, r.text()[:300]))
    sid = r.json()["id"]
    page = unit.get("/selfevals/%s" % sid).text()
    body = re.search(r'<table class="selfeval">.*?<tbody>(.*?)</tbody>', page, re.S)
    body = body.group(1) if body else ""
    numbers = re.findall(r'<td class="num" title="[^"]*">(\d+)</td>', body)
    check(numbers == [str(n) for n in range(1, 10)], "item 9: rows numbered 1…9: %s" % numbers)
    check("<th>一级指标</th><th>二级指标</th><th>三级指标</th>" in page, "item 9: 一级/二级 columns")
    groups = re.findall(r'<td class="group" rowspan="(\d+)">([^<]*)</td>', body)
    # 产出: 资金金额, 完工率, 验收合格率, 完成及时率, 成本控制率; 效益: 安全率, 学校发展能力, 长期使用性.
    check(("5", "产出指标") in groups and ("3", "效益指标") in groups and ("1", "满意度指标") in groups,
          "item 9: 一级 once per group: %s" % groups)
    check(("1", "质量指标") not in groups and ("2", "质量指标") in groups,
          "item 9: 二级 once per group: %s" % groups)
    check(page.count(">产出指标</td>") == 1, "产出指标 printed once")
    return sid


def widths_at_1024(server, sid, eid):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1024,900",
              "--disable-dev-shm-usage", "--lang=zh-CN"):
        opts.add_argument(a)
    d = webdriver.Chrome(options=opts, service=Service(executable_path="/usr/bin/chromedriver"))
    try:
        def login(name):
            d.delete_all_cookies()
            d.get(server.base + "/login")
            d.find_element(By.NAME, "name").send_keys(name)
            d.find_element(By.NAME, "password").send_keys(webtest.ROLES[name][3])
            d.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
            WebDriverWait(d, 20).until(lambda x: "/login" not in x.current_url)
        # 7 characters of the page's font: the names read as words, not one or two per line.
        measure = ("var f=parseFloat(getComputedStyle(document.body).fontSize);"
                   "var w=[...document.querySelectorAll(arguments[0])].map(x=>x.getBoundingClientRect().width);"
                   "return [w.length?Math.min(...w)/f:0, document.documentElement.scrollWidth-window.innerWidth];")
        login("unit1")
        d.get(server.base + "/selfevals/%s" % sid)
        chars, overflow = d.execute_script(measure, "table.selfeval td.indicator")
        check(chars >= 7, "item 13: 三级指标 at 1024 px is %.1f characters wide" % chars)
        check(overflow <= 0, "item 13: the 自评表 page scrolls sideways by %dpx at 1024 px" % overflow)
        login("eval1")
        d.get(server.base + "/evaluations/%s/entry" % eid)
        chars, _ = d.execute_script(measure, "table.entry td.name")
        check(chars >= 7, "item 13: the entry form's 指标 at 1024 px is %.1f characters wide" % chars)
    finally:
        d.quit()


def bureau_label(binary, server, bureau):
    """Two scored evaluations of 马桥镇: the ranking says each row is one evaluation."""
    workbook = webtest.entry_workbook(binary, os.path.join(webtest.ROOT, "data/cases/maqiao-2024"),
                                      server.data)
    evaluator = webtest.Client(server)
    evaluator.login("eval1")
    for title in ("马桥镇医疗救助", "马桥镇医疗救助（复评）"):
        webtest.create_evaluation(evaluator, title, region="闵行区", workbook=workbook)
    page = bureau.get("/bureau").text()
    check('id="per-evaluation"' in page and "每项评价一行" in page,
          "item 14: the ranking says it ranks evaluations, not towns")


def main(binary):
    server = webtest.Server(binary)
    tmp = tempfile.mkdtemp(prefix="jixiao-webfix9-")
    try:
        unit = webtest.Client(server)
        unit.page_login("unit1")
        bureau = webtest.Client(server)
        bureau.page_login("bur1")
        target_page(unit, tmp)
        pasted_rows(unit)
        landing_todo(unit, bureau)
        sid = published_selfeval(unit, tmp)
        evaluator = webtest.Client(server)
        evaluator.login("eval1")
        eid = webtest.create_evaluation(evaluator, "马桥镇医疗救助（录入）", region="闵行区")
        widths_at_1024(server, sid, eid)
        bureau_label(binary, server, bureau)
    finally:
        server.stop(keep=bool(FAILURES))
    if FAILURES:
        print("%d failure(s)" % len(FAILURES), file=sys.stderr)
        return 1
    print("webfix9: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
