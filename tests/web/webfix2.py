#!/usr/bin/env python3
"""What the retrial of trial 2 (docs/review/retrial.md, issue 21) found still shown of the machine:
1. N3: no web download of a seeded evaluation, target table or 自评表 (评分表.xlsx, 评价报告
   docx/md/html, 申报表, 自评表, 自评报告, the bureau's exports) holds the server's data folder, a rule
   code (rule.…) or a JSON path ($.…); the 评分表's 数据核查 sheet names the page the user fills in;
2. the pages these flows render show none of the internal words (webtest.INTERNAL_WORDS).
Usage: webfix2.py JIXIAO"""
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
import webtest  # noqa: E402

FAILURES = []


def check(cond, message):
    webtest.check(cond, message, FAILURES)


def texts(body):
    """The text of a download: each part of a zip (xlsx, docx) or the file itself."""
    if body[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(body)) as z:
            return {name: z.read(name).decode("utf-8", "replace") for name in z.namelist()}
    return {"": body.decode("utf-8", "replace")}


def machine_words(body, data_dir):
    """What of the machine a download shows: the data folder, rule codes and JSON paths."""
    found = []
    for part, text in texts(body).items():
        for word in (data_dir, "/cases/", "rule.", "$.", ".csv:", "case.json", "targets.csv", "lines="):
            if word in text:
                at = text.find(word)
                found.append("%s: %r in …%s…" % (part, word, text[max(0, at - 60):at + 60]))
    return found


def seeded_case(binary, tmp):
    """maqiao-2024 with one bare 指标值 (95%, scored as ≥95%: a rule.target_bare_value warning at
    targets.csv:2) as the entry workbook an evaluator would upload."""
    case = os.path.join(tmp, "maqiao-seeded")
    shutil.copytree(os.path.join(webtest.ROOT, "data/cases/maqiao-2024"), case)
    path = os.path.join(case, "targets.csv")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert "医疗救助工作完成率,100%,100%" in text
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("医疗救助工作完成率,100%,100%", "医疗救助工作完成率,95%,100%"))
    out = subprocess.run([binary, "score", case, "--json"], capture_output=True, text=True,
                         env=dict(os.environ, JIXIAO_OFFICE="none")).stdout
    assert "rule.target_bare_value" in out, out[-500:]
    return webtest.entry_workbook(binary, case, tmp)


def evaluation_downloads(server, binary):
    ev = webtest.Client(server)
    ev.page_login("eval1")
    eid = webtest.create_evaluation(ev, "马桥镇医疗救助", region="闵行区",
                                    workbook=seeded_case(binary, server.data))
    # A narrative figure the data contradicts: a second kind of 数据核查 item.
    vers = ev.get("/api/v1/evaluations/" + eid).json()["version"]
    r = ev.request("POST", "/evaluations/%s/narrative" % eid, fields={
        "csrf": ev.csrf, "version": vers, "n_overview.md": "本项目评价得分12.34分。"})
    check(r.status == 303, "narrative saved: %d" % r.status)
    for fmt in ("xlsx", "docx", "md", "html"):
        r = ev.get("/evaluations/%s/download/%s" % (eid, fmt))
        check(r.status == 200, "download %s: %d" % (fmt, r.status))
        for hit in machine_words(r.body, server.data):
            check(False, "evaluation %s shows the machine: %s" % (fmt, hit))
        if fmt == "xlsx":
            sheet = "".join(texts(r.body).values())
            check("“绩效目标”页第2行" in sheet, "数据核查 names the 绩效目标 page's row 2")
            check("“填写叙述”页“" in sheet, "数据核查 names the 叙述 page's section for the figure")
    return ev, eid


def unit_downloads(server):
    unit = webtest.Client(server)
    unit.login("unit1")
    tid = webtest.upload_targets(unit, title="古美社区养老服务")
    for fmt in ("csv", "xlsx", "docx"):
        r = unit.get("/targets/%s/download/%s" % (tid, fmt))
        check(r.status == 200, "targets %s: %d" % (fmt, r.status))
        for hit in machine_words(r.body, server.data):
            check(False, "targets %s shows the machine: %s" % (fmt, hit))
    r = unit.api_post("/api/v1/targets/%s/selfeval" % tid, {})
    check(r.status == 201, "自评表 from the table: %d" % r.status)
    sid = r.json()["id"]
    sid2 = webtest.upload_selfeval(unit)
    for form in (sid, sid2):
        for fmt in ("xlsx", "form", "report"):
            r = unit.get("/selfevals/%s/download/%s" % (form, fmt))
            check(r.status == 200, "selfeval %s: %d" % (fmt, r.status))
            for hit in machine_words(r.body, server.data):
                check(False, "自评表 %s shows the machine: %s" % (fmt, hit))
    return unit


def bureau_downloads(server):
    bureau = webtest.Client(server)
    bureau.login("bur1")
    for what in ("compare", "review"):
        r = bureau.get("/bureau/export/%s" % what)
        if r.status != 200:
            continue  # nothing to export in this region yet
        for hit in machine_words(r.body, server.data):
            check(False, "bureau %s shows the machine: %s" % (what, hit))


def over_full_listed_apart(server):
    """/bureau/review with 全部: a form whose 复核分 exceeds its rule set's 100 shows the finding
    (不符合评分规则), never a 复核分 and 差距 as if valid, in a table of its own after the ranked
    forms; the API gives no computed or gap for it."""
    import webfix1
    unit, bureau = webtest.Client(server), webtest.Client(server)
    unit.login("unit2"), bureau.login("bur1")
    r = unit.api_post("/api/v1/selfevals", fields={"year": "2022"},
                      files={"form": ("原州区自评表.xlsx", webfix1.xlsx_bytes(webfix1.POTATO))})
    check(r.status == 201, "upload the over-100 form: %d %s" % (r.status, r.text()[:200]))
    over = r.json()["id"]
    computed = unit.get("/api/v1/selfevals/%s" % over).json()["result"]["form"]["computed_total"]
    check(computed > 100, "the seeded form computes over 100: %s" % computed)
    page = bureau.get("/bureau/review?submitted=all").text()
    ranked = page[page.find('id="review"'):page.find('id="review-over"')]
    apart = page[page.find('id="review-over"'):]
    check('id="review-over"' in page and over in apart and over not in ranked,
          "the over-100 form is listed apart, after the ranked forms")
    shown = "%.2f" % computed
    row = apart[apart.find(over):]
    row = row[:row.find("</tr>")]
    check("不符合评分规则" in row, "its row shows the finding: %s" % row[:300])
    check(shown.rstrip("0").rstrip(".") + "分" not in re.sub(r'<span class="small">.*?</span>', "",
                                                           row),
          "no 复核分 %s in its score column: %s" % (shown, row[:300]))
    items = bureau.get("/api/v1/bureau/review?submitted=all").json()["review"]
    mine = [i for i in items if i["id"] == over]
    check(mine and mine[0]["gap"] is None and mine[0]["computed"] is None and mine[0]["over_full"],
          "the API gives no 复核分 or 差距 for it: %s" % mine)
    check(items and items[-1]["id"] == over, "the API lists it last: %s" % [i["id"] for i in items])


def scanner_can_fail():
    """The page scan of webtest finds what the retrial saw, and leaves what the user typed."""
    for page in ("<p>见 targets.csv:14:3</p>", "<p>定稿（report --final）前须补齐</p>",
                 "<p>例如命令行 jixiao user add 建的账号</p>", "<td>case.json $.experiences[1]</td>",
                 "<li>rule.target_bare_value</li>"):
        check(webtest.internal_words(page), "the scan finds %s" % page)
    check(not webtest.internal_words("<textarea>-- 用户写的 --</textarea><footer>jixiao 绩效评价"
                                     "</footer><!-- x -->"), "typed text and the footer pass")


def main(binary):
    scanner_can_fail()
    server = webtest.Server(binary)
    try:
        evaluation_downloads(server, binary)
        unit_downloads(server)
        bureau_downloads(server)
        over_full_listed_apart(server)
    finally:
        server.stop()
    if FAILURES:
        print("%d failure(s)" % len(FAILURES), file=sys.stderr)
        return 1
    print("webfix2: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
