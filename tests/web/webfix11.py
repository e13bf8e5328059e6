#!/usr/bin/env python3
"""Trial 5's evaluator-form stumbles (issue 21, webfix11), each written before its fix
(docs/review/webtrial5.md):
item 3:  before any score, every 扣分制 row of /entry links to its 修改扣分 page, the page opens and
         saves, the evaluation page lists those pages, and no text names a 扣分明细 section;
item 5:  a narrative save refused as stale shows, beside each conflicting section, the other
         person's saved text (escaped) and only the lint of the text typed here;
item 12: on /entry 业绩值 is a textarea and the workbook's 分析 column is offered, saved where the
         workbook's is; at 1024 px (headless Chromium) an indicator name takes at most 2 lines and
         the 业绩值 box is at least 10 characters wide (screenshot in $WEBFIX11_SHOTS, if set);
item 14: the form names the table a computed metric comes from (C41 成本节约率: 预算执行).
Usage: webfix11.py JIXIAO"""
import html
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
import webtest  # noqa: E402

FAILURES = []
DEDUCTION_LEAVES = ["A11", "A12", "B13", "C32", "D32"]


def check(cond, message):
    webtest.check(cond, message, FAILURES)


def row_of(page, code):
    m = re.search(r'<tr id="f-%s".*?</tr>' % code, page, re.S)
    return m.group(0) if m else ""


def deductions_before_score(ev):
    eid = webtest.create_evaluation(ev, "扣分制未评分")
    shown = ev.get("/api/v1/evaluations/%s" % eid).json()
    check(shown["score"] is None, "item 3: a new evaluation does not score yet")
    form = ev.get("/evaluations/%s/entry" % eid).text()
    for code in DEDUCTION_LEAVES:
        row = row_of(form, code)
        check('href="/evaluations/%s/finding/%s"' % (eid, code) in row,
              "item 3: the /entry row %s links to its 修改扣分 page before any score: %s"
              % (code, row[:400]))
        check("扣分明细" not in webtest.visible(row) and "评分后" not in webtest.visible(row),
              "item 3: row %s names no section the form lacks: %s" % (code, webtest.visible(row)))
    page = ev.get("/evaluations/%s" % eid).text()
    for code in DEDUCTION_LEAVES:
        check('href="/evaluations/%s/finding/%s"' % (eid, code) in page,
              "item 3: the evaluation page links to %s's 修改扣分 before any score" % code)
    check('href="/evaluations/%s/finding/C11"' % eid not in page,
          "item 3: the unscored list holds 扣分制 leaves only (C11 scores on a 绩效目标)")
    r = ev.get("/evaluations/%s/finding/A11" % eid)
    check(r.status == 200 and "立项依据充分性" in r.text(),
          "item 3: the 修改扣分 page opens before any score: %s" % r.status)
    r = ev.api_post("/api/v1/evaluations/%s/finding" % eid, fields={
        "version": "1", "code": "A11", "amount_0": "0.5", "reason_0": "立项依据不<b>充分</b>"})
    check(r.status == 200, "item 3: a deduction saves before any score: %s %s"
          % (r.status, r.text()[:300]))
    got = ev.get("/api/v1/evaluations/%s/finding/A11" % eid).json()
    check([d["reason"] for d in got.get("deductions", [])] == ["立项依据不<b>充分</b>"],
          "item 3: the saved deduction reads back: %s" % got)
    page = ev.get("/evaluations/%s/finding/A11" % eid).text()
    check("立项依据不&lt;b&gt;充分&lt;/b&gt;" in page and "<b>充分</b>" not in page,
          "item 3: the reason is escaped on the page")


def table_named(ev):
    eid = webtest.create_evaluation(ev, "数据表名")
    form = ev.get("/evaluations/%s/entry" % eid).text()
    row = html.unescape(webtest.visible(row_of(form, "C41")))
    check("由数据表计算" not in row and "预算执行" in row,
          "item 14: C41's rule names the 预算执行 table it is computed from: %s" % row)


def narrative_conflict(ev, other):
    eid = webtest.create_evaluation(ev, "叙述冲突")
    sections = ev.get("/api/v1/evaluations/%s/narrative" % eid).json()["sections"]
    stub = [s for s in sections if s["exists"] and "【待填写】" in s["text"]]
    check(stub, "item 5: the new evaluation has a 【待填写】 section: %s" % sections[:2])
    if not stub:
        return
    sec = stub[0]
    version = str(ev.get("/api/v1/evaluations/%s" % eid).json()["version"])
    theirs = "甲：<img src=x onerror=alert(1)>资金来源于县级财政。"
    r = other.api_post("/api/v1/evaluations/%s/narrative" % eid,
                       fields={"version": version, "n_" + sec["file"]: theirs})
    check(r.status == 200, "item 5: the other session saves first: %s %s" % (r.status, r.text()[:200]))
    mine = "保障农村居民饮水安全。"
    r = ev.request("POST", "/evaluations/%s/narrative" % eid,
                   fields={"csrf": ev.csrf, "version": version, "n_" + sec["file"]: mine})
    check(r.status == 409, "item 5: the stale save is refused: %s" % r.status)
    page = r.text()
    blocks = re.findall(r'<section class="card narrative".*?</section>', page, re.S)
    block = ([b for b in blocks if 'name="n_%s"' % sec["file"] in b] or [""])[0]
    check(mine in block, "item 5: the box keeps the typed text")
    check("待填写" not in webtest.visible(block),
          "item 5: no warning about the stored stub beside the typed text: %s" % webtest.visible(block))
    check(html.escape(theirs, quote=False) in block or html.escape(theirs) in block,
          "item 5: the other person's saved text is shown beside, escaped: %s" % block[:600])
    check("<img src=x" not in page, "item 5: the other text is escaped")


def form_columns(ev, binary):
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        book = webtest.entry_workbook(binary, os.path.join(webtest.ROOT, "data/cases/maqiao-2024"), tmp)
        eid = webtest.create_evaluation(ev, "表单栏目", workbook=book)
    form = ev.get("/evaluations/%s/entry" % eid).text()
    row = row_of(form, "A11")
    check(re.search(r'<textarea name="f_\d+_5"', row), "item 12: 业绩值 is a textarea: %s" % row[:300])
    check("<th>分析</th>" in form, "item 12: the form has the 分析 column")
    fields = ev.get("/api/v1/evaluations/%s/entry" % eid).json()["fields"]
    analysis = [f for f in fields if f["label"] == "A11 分析"]
    check(analysis, "item 12: A11's 分析 is a field: %s" % [f["label"] for f in fields][:12])
    if analysis:
        typed = "立项依据经核查<充分>。"
        version = str(ev.get("/api/v1/evaluations/%s" % eid).json()["version"])
        r = ev.api_post("/api/v1/evaluations/%s/entry" % eid,
                        fields={"version": version, analysis[0]["name"]: typed})
        check(r.status == 200, "item 12: the 分析 saves: %s %s" % (r.status, r.text()[:300]))
        fields = ev.get("/api/v1/evaluations/%s/entry" % eid).json()["fields"]
        back = [f["value"] for f in fields if f["name"] == analysis[0]["name"]]
        check(back == [typed], "item 12: the saved 分析 reads back: %s" % back)
        xml = ev.get("/evaluations/%s/entry" % eid).text()
        check("立项依据经核查&lt;充分&gt;。" in xml, "item 12: the 分析 is escaped on the form")
    return eid


def at_1024(server, eid):
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
        d.get(server.base + "/login")
        d.find_element(By.NAME, "name").send_keys("eval1")
        d.find_element(By.NAME, "password").send_keys(webtest.ROLES["eval1"][3])
        d.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        WebDriverWait(d, 20).until(lambda x: "/login" not in x.current_url)
        d.get(server.base + "/evaluations/%s/entry" % eid)
        measure = ("var f=parseFloat(getComputedStyle(document.body).fontSize);"
                   "var td=document.querySelector('#f-A11 td.name');"
                   "var r=document.createRange(); r.selectNodeContents(td);"
                   "var lines=new Set([...r.getClientRects()].map(x=>Math.round(x.top))).size;"
                   "var box=document.querySelector('#f-A11 [name$=\"_5\"]');"
                   "return [lines, box.getBoundingClientRect().width/f];")
        lines, chars = d.execute_script(measure)
        check(lines <= 2, "item 12: 立项依据充分性 takes %d lines at 1024 px" % lines)
        check(chars >= 10, "item 12: the 业绩值 box is %.1f characters wide at 1024 px" % chars)
        shots = os.environ.get("WEBFIX11_SHOTS")
        if shots:
            d.execute_script("document.getElementById('f-A11').scrollIntoView()")
            d.save_screenshot(shots)
    finally:
        d.quit()


def main():
    server = webtest.Server(sys.argv[1])
    try:
        ev = webtest.Client(server)
        ev.login("eval1")
        deductions_before_score(ev)
        other = webtest.Client(server)
        other.login("eval1")
        narrative_conflict(ev, other)
        table_named(ev)
        at_1024(server, form_columns(ev, sys.argv[1]))
    finally:
        server.stop(keep=bool(FAILURES))
    if FAILURES:
        print("%d failure(s)" % len(FAILURES), file=sys.stderr)
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
