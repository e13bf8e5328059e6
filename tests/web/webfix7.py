#!/usr/bin/env python3
"""Trial 3's remaining stumbles on the unit's and the bureau's side (issues 21/24, webfix7):
1. the bureau's 自评表 views count and rank submitted forms only: on /bureau?kind=selfeval a
   draft is marked 未提交 in the 全部 list (page and API) and is in no grade distribution, no
   ranking and not in the 复核汇总 export; the empty hint speaks of 自评表, not evaluations;
2. the 复核表 (Excel) writes the unit's figures as numbers with a number format.
Usage: webfix7.py JIXIAO"""
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
    return webtest.visible(page)


def section(page, heading):
    """The visible text of the card whose heading starts with `heading`."""
    m = re.search(r"<h2>" + re.escape(heading) + r".*?</section>", page, re.S)
    return visible(m.group(0)) if m else ""


def export_rows(bureau):
    r = bureau.get("/bureau/export/review")
    if r.status != 200 or r.body[:2] != b"PK":
        return r.status, []
    sheet = openpyxl.load_workbook(io.BytesIO(r.body))["复核汇总"]
    return 200, [[c.value for c in row] for row in sheet.iter_rows(min_row=2) if row[0].value]


def drafts_never_counted(unit, bureau):
    draft = webtest.upload_selfeval(unit)
    # Only a draft: nothing ranked, no distribution, the hint speaks of 自评表.
    page = bureau.get("/bureau?kind=selfeval").text()
    empty = section(page, "排名与图表")
    check("自评表" in empty and "评价机构" not in empty and "已评分的评价" not in empty,
          "item 1: the empty hint speaks of 自评表: %r" % empty[:200])
    check('id="chart-grades"' not in page, "item 1: a draft is in no grade distribution")
    listed = section(page, "全部")
    check("未提交" in listed, "item 1: the draft is marked 未提交 in the 全部 list: %r" % listed[:300])
    api = bureau.get("/api/v1/bureau?kind=selfeval").json()
    check(api["grades"] == [] and api["ranking"] == [],
          "item 1: API: no grade, no ranking for a draft: %s %s" % (api["grades"], api["ranking"]))
    items = {i["id"]: i for i in api["items"]}
    check(items.get(draft, {}).get("submitted") is False,
          "item 1: API marks the draft unsubmitted: %s" % items.get(draft))
    status, rows = export_rows(bureau)
    check(status == 422 and not rows, "item 1: 复核汇总 of drafts only is refused: %d %s" % (status, rows))
    # Submitted: counted, ranked, exported; a second draft beside it is not.
    r = unit.api_post("/api/v1/selfevals/%s/submit" % draft)
    check(r.status == 200, "submit: %d %s" % (r.status, r.text()[:200]))
    second = webtest.upload_selfeval(unit)
    api = bureau.get("/api/v1/bureau?kind=selfeval").json()
    check(sum(g["count"] for g in api["grades"]) == 1,
          "item 1: the distribution counts the submitted form only: %s" % api["grades"])
    check([x["id"] for x in api["ranking"]] == [draft], "ranked: the submitted form: %s" % api["ranking"])
    items = {i["id"]: i for i in api["items"]}
    check(items.get(draft, {}).get("submitted") is True and items.get(second, {}).get("submitted") is False,
          "API marks each form: %s" % items)
    page = bureau.get("/bureau?kind=selfeval").text()
    check('id="chart-grades"' in page, "the distribution is drawn for the submitted form")
    check('href="/bureau/export/review"' in page and 'href="/bureau/export/compare"' not in page,
          "item 1: the 自评表 ranking exports 复核汇总, not the evaluations' compare workbook")
    listed = section(page, "全部")
    check(listed.count("自评表（未提交）") == 2,  # the hint names it once
          "one draft marked in the 全部 list: %r" % listed[:400])
    # The overview with every kind: the same distribution rule for 自评表 (none counted there).
    whole = bureau.get("/api/v1/bureau").json()
    check({i["id"]: i.get("submitted") for i in whole["items"] if i["kind"] == "selfeval"}
          == {draft: True, second: False}, "the 全部 kinds list marks forms too: %s" % whole["items"])
    status, rows = export_rows(bureau)
    check(status == 200 and len(rows) == 1, "item 1: 复核汇总 has the submitted form only: %d %d"
          % (status, len(rows)))
    return draft


def review_sheet_numbers(bureau, sid):
    """Item 2: the 复核表's budget amounts, 执行率, 分值, 得分 and 总分 are numeric cells."""
    r = bureau.get("/selfevals/%s/download/xlsx" % sid)
    check(r.status == 200 and r.body[:2] == b"PK", "复核表 downloaded: %d" % r.status)
    if r.status != 200:
        return
    ws = openpyxl.load_workbook(io.BytesIO(r.body)).worksheets[0]
    cells = {(c.row, c.column): c for row in ws.iter_rows() for c in row}
    found = {}
    for (row, col), c in cells.items():
        if isinstance(c.value, str):
            for name in ("全年预算数", "全年执行数", "执行率", "分值", "得分", "总分"):
                if c.value.startswith(name) and name not in found:
                    below = cells.get((row + 1, col)) if name != "总分" else cells.get((row, col + 1))
                    found[name] = below
    for name, cell in found.items():
        check(cell is not None and isinstance(cell.value, (int, float)),
              "item 2: the 复核表's %s is a number: %r" % (name, cell.value if cell else None))
    check(len(found) == 6, "item 2: every figure found: %s" % sorted(found))
    budget = found.get("全年预算数")
    check(budget is not None and budget.value == 100 and budget.number_format == "#,##0.00",
          "item 2: 全年预算数 100 (万元) as #,##0.00: %r %r"
          % (budget and budget.value, budget and budget.number_format))
    rate = found.get("执行率")
    check(rate is not None and rate.number_format == "0.00%" and rate.value == 1,
          "item 2: 执行率 100%% as a fraction with a percent format: %r" % (rate and rate.value))
    check(any(isinstance(v.value, str) and "万元" in v.value for v in cells.values()),
          "item 2: the amounts' unit is named")


def live_explanation(unit):
    """Item 3: the preview (nothing saved) returns each row's explanation with its score, the
    same text the page shows once saved; the page has the place the script writes it to."""
    sid = webtest.upload_selfeval(unit)
    form = unit.get("/api/v1/selfevals/%s" % sid).json()
    rows = form["result"]["rows"]
    i = [k for k, r in enumerate(rows) if r["indicator"] == "新建便民服务点"][0]
    page = unit.get("/selfevals/%s" % sid).text()
    check(re.search(r'class="[^"]*row-how[^"]*" data-row="%d"' % i, page),
          "item 3: the row's explanation has a place the preview updates")
    csrf = re.search(r'name="csrf" value="([^"]*)"', page).group(1)
    fields = {"version": str(form["version"]), "a_%d" % i: "90个", "csrf": csrf}
    r = unit.api_post("/api/v1/selfevals/%s/preview" % sid, fields)
    check(r.status == 200, "preview: %d %s" % (r.status, r.text()[:200]))
    live = [x for x in r.json().get("rows", []) if x["index"] == i]
    how = live[0].get("how", "") if live else ""
    check("90" in how and "80" not in how, "item 3: the live explanation follows 90个: %r" % how)
    r = unit.api_post("/api/v1/selfevals/%s/edit" % sid, {"version": str(form["version"]), "a_%d" % i: "90个"})
    check(r.status == 200, "saved: %d" % r.status)
    saved = visible(unit.get("/selfevals/%s" % sid).text())
    check(how and how in saved, "item 3: the saved page shows the same explanation: %r" % how)


def pending_said_as_done(unit):
    """Item 4: the 待确认 note says what the downloads do: the adopted value in 指标值 (CSV, with
    状态 待确认; the Excel 申报表 prints the adopted value, no mark)."""
    tid = webtest.upload_targets(unit, title="待确认核对")
    table = unit.get("/api/v1/targets/%s" % tid).json()
    r = unit.api_post("/api/v1/targets/%s/fix" % tid,
                      {"version": table["version"], "issue": table["fixable"][0]})
    check(r.status == 200, "fix accepted: %d" % r.status)
    table = unit.get("/api/v1/targets/%s" % tid).json()
    pending = [row for row in table["rows"] if row["待确认"]]
    check(len(pending) == 1, "one row 待确认: %s" % pending)
    if not pending:
        return
    value = pending[0]["指标值"] + pending[0]["计量单位"]
    note = visible(re.search(r'id="csv-note">(.*?)</p>', unit.get("/targets/%s" % tid).text(), re.S).group(1))
    check("不写进指标值" not in note and "“指标值”中写修改后的值" in note,
          "item 4: the note says the adopted value is in 指标值: %r" % note)
    csv_text = unit.get("/targets/%s/download/csv" % tid).body.decode("utf-8-sig")
    lines = [ln for ln in csv_text.splitlines() if pending[0]["三级"] in ln]
    check(lines and lines[0].endswith(",待确认") and pending[0]["指标值"] in lines[0],
          "item 4: CSV: adopted 指标值 and 状态 待确认: %s (want %s)" % (lines, value))
    r = unit.get("/targets/%s/download/xlsx" % tid)
    book = openpyxl.load_workbook(io.BytesIO(r.body))
    texts = [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row
             if c.value is not None]
    check(not any("待确认" in t for t in texts), "item 4: the 申报表 carries no mark, as the note says")
    check(any(pending[0]["指标值"] in t for t in texts),
          "item 4: the 申报表 prints the adopted value %s" % pending[0]["指标值"])


def budget_unit_is_the_unit(unit, tmp):
    """Item 6: the 申报表's 预算单位 is the unit (实施单位), not the 主管部门 — on the published
    昭化区 麻风病防治 header (项目名称 / 预算单位 rows), and with a 主管部门 row above it."""
    import webfix4  # the published layout, as trial 3 uploaded it
    path = os.path.join(tmp, "麻风病防治.xlsx")
    webfix4.workbook(path)
    tid = webtest.upload_targets(unit, path=path, year="2021", title="麻风病防治")
    project = unit.get("/api/v1/targets/%s" % tid).json()["project"]
    check(project.get("实施单位") == "区疾控中心" and not project.get("主管部门"),
          "item 6: 预算单位 read as 实施单位: %s" % project)
    rows = [list(r) for r in webfix4.ROWS]
    rows.insert(3, ["主管部门", "广元市昭化区卫生健康局"])
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "绩效目标申报表"
    for r in rows:
        ws.append(r)
    both = os.path.join(tmp, "两栏.xlsx")
    wb.save(both)
    tid = webtest.upload_targets(unit, path=both, year="2021", title="麻风病防治（两栏）")
    project = unit.get("/api/v1/targets/%s" % tid).json()["project"]
    check(project.get("主管部门") == "广元市昭化区卫生健康局" and project.get("实施单位") == "区疾控中心",
          "item 6: each header field to its own place: %s" % project)


def main(binary):
    server = webtest.Server(binary)
    tmp = tempfile.mkdtemp(prefix="jixiao-webfix7-")
    try:
        unit = webtest.Client(server)
        unit.page_login("unit1")
        bureau = webtest.Client(server)
        bureau.page_login("bur1")
        sid = drafts_never_counted(unit, bureau)
        review_sheet_numbers(bureau, sid)
        live_explanation(unit)
        pending_said_as_done(unit)
        budget_unit_is_the_unit(unit, tmp)
    finally:
        server.stop(keep=bool(FAILURES))
    if FAILURES:
        print("%d failure(s)" % len(FAILURES), file=sys.stderr)
        return 1
    print("webfix7: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
