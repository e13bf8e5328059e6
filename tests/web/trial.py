#!/usr/bin/env python3
"""What the issue-21 browser trial (a first-time user of each role) tripped over, checked over HTTP:
  1. what the evaluator types in 新建评价 (项目名称, 年度, 街镇, 项目单位, 主管部门) is in the entry
     workbook's 项目信息 sheet, and the 核验清单 no longer asks for those fields;
  2. a hand edit of a 绩效目标表 row reads in 版本记录 as 手工修改, never as an internal key;
  3. the 自评表 page's hint names the 绩效目标表 page's button by its label;
  4. the narrative page's sections have distinct headings (the report prints two paragraphs under
     项目计划实施内容及完成情况: named …：计划实施内容 and …：完成情况, trial 3 item 27);
  5. in real Chromium, 年度 typed as Excel users and Chinese input methods type it (２０２６年) is
     sent (no HTML pattern stops the form with the browser's own English or vague bubble) and
     saved as 2026.
Usage: trial.py JIXIAO"""
import io
import os
import re
import sys

import openpyxl

sys.path.insert(0, os.path.dirname(__file__))
import webtest  # noqa: E402

failures = []


def check(cond, message):
    webtest.check(cond, message, failures)


def browser_year(server):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1366,900",
              "--disable-dev-shm-usage", "--lang=zh-CN"):
        opts.add_argument(a)
    d = webdriver.Chrome(options=opts, service=Service(executable_path="/usr/bin/chromedriver"))
    try:
        d.get(server.base + "/login")
        d.find_element(By.NAME, "name").send_keys("unit1")
        d.find_element(By.NAME, "password").send_keys(webtest.ROLES["unit1"][3])
        d.find_element(By.CSS_SELECTOR, "form[action='/login'] button").click()
        WebDriverWait(d, 20).until(lambda x: "/login" not in x.current_url)
        d.get(server.base + "/targets")
        table = "一级\t二级\t三级\t指标值\n产出指标\t数量指标\t助餐服务人次\t≥30000人次\n"
        d.execute_script("arguments[0].value = arguments[1]", d.find_element(By.NAME, "text"), table)
        d.find_element(By.NAME, "title").send_keys("全角年度测试")
        d.find_element(By.NAME, "p_name").send_keys("全角年度测试")  # a paste names its project
        d.find_element(By.NAME, "year").send_keys("２０２６年")
        d.find_element(By.CSS_SELECTOR, "form[action='/targets'] button").click()
        try:
            WebDriverWait(d, 20).until(lambda x: "/targets/" in x.current_url)
        except Exception:
            pass
        check("/targets/" in d.current_url,
              "a 绩效目标表 with 年度 ２０２６年 is submitted and saved: stayed at %s" % d.current_url)
        d.get(server.base + "/targets")
        row = [tr.text for tr in d.find_elements(By.CSS_SELECTOR, "tr") if "全角年度测试" in tr.text]
        check(row and " 2026 " in " %s " % row[0], "its 年度 is saved as 2026: %s" % row)
    finally:
        d.quit()


def main(binary):
    server = webtest.Server(binary)
    try:
        ev = webtest.Client(server)
        ev.login("eval1")
        typed = {"title": "2026年古美社区老年助餐项目", "framework": "national-2020",
                 "town": "古美路街道", "year": "2026", "unit": "古美路街道社区事务受理服务中心",
                 "department": "古美路街道办事处", "region": "闵行区"}
        r = ev.api_post("/api/v1/evaluations", fields=typed)
        check(r.status == 201, "create evaluation: %d %s" % (r.status, r.text()[:200]))
        eid = r.json()["id"]
        r = ev.get("/evaluations/%s/sheet" % eid)
        check(r.status == 200, "entry workbook: %d" % r.status)
        info = {}
        ws = openpyxl.load_workbook(io.BytesIO(r.body))["项目信息"]
        for row in ws.iter_rows(min_row=2, values_only=True):
            info[row[0]] = row[1]
        for label, key in (("项目名称", "title"), ("年度", "year"), ("街镇", "town"),
                           ("项目单位", "unit"), ("主管部门", "department")):
            check(str(info.get(label) or "") == typed[key],
                  "项目信息!%s is what was typed in 新建评价: %r" % (label, info.get(label)))
        page = ev.get("/evaluations/%s" % eid).text()
        todo = re.search(r"项目信息待填写：([^<；]*)", page)
        check(todo is not None and "项目名称" not in todo.group(1) and "主管部门" not in todo.group(1),
              "核验清单 no longer asks for the typed fields: %s" % (todo and todo.group(1)))

        page = ev.get("/evaluations/%s/narrative" % eid).text()
        headings = re.findall(r"<h2>([^<]+)</h2>", page)
        check(len(headings) > 10 and len(set(headings)) == len(headings),
              "narrative headings are distinct: %s" % headings)
        check("项目计划实施内容及完成情况：计划实施内容" in headings and
              "项目计划实施内容及完成情况：完成情况" in headings,
              "the two paragraphs under one heading are told apart: %s" % headings)

        unit = webtest.Client(server)
        unit.login("unit1")
        tid = webtest.upload_targets(unit, title="行修改测试")
        rows = unit.get("/api/v1/targets/%s" % tid).json()
        line = str(rows["rows"][0]["line"]) if "rows" in rows else "2"
        r = unit.api_post("/api/v1/targets/%s/row" % tid,
                          fields={"version": "1", "line": line, "action": "save",
                                  "level3": "服务人次", "value": "≥30000人次"})
        check(r.status == 200, "row edit: %d %s" % (r.status, r.text()[:200]))
        page = unit.get("/targets/%s/versions" % tid).text()
        check("手工修改" in page, "版本记录 names the hand edit")
        check("targets.edit" not in page, "版本记录 shows no internal key")
        hint = re.search(r"目标表，点“([^”]+)”", unit.get("/selfevals").text())
        button = hint and hint.group(1)
        check(button and (">%s</button>" % button) in unit.get("/targets/%s" % tid).text(),
              "the 自评表 hint names a button the 绩效目标表 page has: %s" % button)
        sid = webtest.upload_selfeval(unit, year="２０２４年")
        listed = unit.get("/selfevals").text()
        check(re.search(r'href="/selfevals/%s">[^<]*</a></td><td>2024</td>' % sid, listed) is not None,
              "a 自评表 uploaded with 年度 ２０２４年 is listed under 2024")
        browser_year(server)
    finally:
        server.stop()
    if failures:
        print("\n".join("FAIL: " + f for f in failures))
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main(sys.argv[1])
