#!/usr/bin/env python3
"""A unit's 绩效目标表 becomes an evaluation and a 自评表 without loss (issues 21/23/24):
1. accepted suggestions are marked 待确认 as a status: the table's rows say so, and an evaluation
   made from the table gets the clean values plus a visible list of the unconfirmed rows;
2. a 申报表 .xlsx in a published layout gives 项目名称/主管部门/实施单位/资金 and its trailing units
   go to 计量单位, with a notice;
3. the 自评报告 is titled with the project's name and says who computed the score;
4. uploading a 自评表 lets the uploader choose the rule set;
5. the entry form's 预算执行 part, the live preview's grade, and a stale row save refilled.
Usage: unit_table.py JIXIAO"""
import csv
import io
import os
import re
import subprocess
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
import webtest  # noqa: E402

FAILURES = []


def check(cond, message):
    webtest.check(cond, message, FAILURES)


def case_file(server, eid, name):
    with open(os.path.join(server.data, "cases", eid, name), encoding="utf-8-sig") as f:
        return f.read()


def pending_marks_stay_with_the_unit(server, unit, evaluator):
    tid = webtest.upload_targets(unit, title="古美社区养老服务")
    table = unit.get("/api/v1/targets/%s" % tid).json()
    check(table["fixable"], "the weak table has suggestions to accept")
    r = unit.api_post("/api/v1/targets/%s/fix" % tid,
                      {"version": table["version"], "issue": table["fixable"][0]})
    check(r.status == 200, "accept a suggestion: %d %s" % (r.status, r.text()[:200]))
    table = unit.get("/api/v1/targets/%s" % tid).json()
    pending = [row for row in table["rows"] if row.get("待确认")]
    check(len(pending) >= 1, "the accepted row is 待确认 as a status: %s" % table["rows"])
    check(all("待确认" not in row["指标值"] + row["三级"] for row in table["rows"]),
          "no 待确认 text inside a value: %s" % table["rows"])
    page = unit.get("/targets/%s" % tid).text()
    check('class="tag pending"' in page, "the table page tags the row 待确认")
    # The evaluator starts from this table: clean values, and the unconfirmed rows listed.
    r = evaluator.api_post("/api/v1/evaluations", {
        "title": "古美社区养老服务", "framework": "town-medical-aid-2024", "targets": tid,
        "region": "闵行区", "year": "2025"})
    check(r.status == 201, "evaluation from the table: %d %s" % (r.status, r.text()[:300]))
    if r.status != 201:
        return
    eid = r.json()["id"]
    notices = r.json().get("notices", [])
    check(notices and "尚未确认" in notices[0],
          "the unconfirmed rows come first, before the unit splits: %s" % notices[:2])
    for row in pending:
        check(any(row["三级"] in n and "尚未确认" in n for n in notices),
              "the evaluator is told %s is unconfirmed: %s" % (row["三级"], notices))
    targets = case_file(server, eid, "targets.csv")
    check("待确认" not in targets, "no 待确认 in the case's targets.csv:\n" + targets)
    for row in pending:
        check(row["指标值"] in targets, "the clean value %s is in targets.csv" % row["指标值"])
    page = evaluator.get("/evaluations/%s" % eid).text()
    # 待确认 only in the notice and the card listing the unconfirmed rows (kept until confirmed).
    outside = re.sub(r'<p class="flash">.*?</p>|<section class="card" id="pending-targets">.*?</section>',
                     "", page, flags=re.S)
    check("待确认" not in outside, "no 待确认 in the evaluation page outside the notice and the list")
    versions = evaluator.get("/api/v1/evaluations/%s/versions" % eid)
    check(versions.status == 200 and "尚未确认" in versions.text(),
          "version 1's note keeps the list: %s" % versions.text()[:300])
    # The page form: the notice is shown after the redirect.
    r = evaluator.request("POST", "/evaluations", fields={
        "csrf": evaluator.csrf, "title": "古美社区养老服务（页面）",
        "framework": "town-medical-aid-2024", "targets": tid, "region": "闵行区", "year": "2025"})
    location = r.header("Location") or ""
    # The notice is a one-time message kept for the session (not in the address).
    check(r.status in (302, 303) and "message=" not in location, "redirect: %s" % location)
    if r.status in (302, 303):
        shown = evaluator.get(location).text()
        check("尚未确认" in shown, "the new evaluation's page shows the unconfirmed rows")
        flash = re.search(r'<p class="flash">(.*?)</p>', shown, re.S)
        check(flash and "尚未确认" in flash.group(1).split("；")[0],
              "the page's notice opens with the unconfirmed rows")


def header_block_and_units(server, unit, evaluator, fixtures):
    expected = {
        "national.xlsx": {
            "project": {"项目名称": "困难群众救助项目", "主管部门": "某区民政局",
                        "实施单位": "某区社会救助事务管理中心", "资金总额": "1,200.00万元",
                        "财政拨款": "1,000.00万元", "其他资金": "200.00万元"},
            "units": {"农村低保发放人数": ("≥3000", "人"), "临时救助人次": ("≥500", "人次"),
                      "低保金发放准确率": ("≥98", "%"), "低保金发放及时率": ("100", "%"),
                      "农村低保对象生活水平提升情况": ("有所提升", "")}},
        "township.xlsx": {
            "project": {"项目名称": "镇域内基础设施建设", "主管部门": "坝塘镇", "实施单位": "坝塘镇",
                        "资金总额": "10,606.7522万元", "财政拨款": "6,923.3552万元",
                        "其他资金": "3,683.397万元"},
            "units": {"集镇立面改造面积": ("≥12000", "平方米"), "受益群众人数": ("≥2.6", "万人"),
                      "项目完工时间": ("2021年12月底前", "")}},
    }
    for name, want in expected.items():
        with open(os.path.join(fixtures, name), "rb") as f:
            r = unit.api_post("/api/v1/targets", {"year": "2021", "title": name},
                              files={"file": (name, f.read())})
        check(r.status == 201, "upload %s: %d %s" % (name, r.status, r.text()[:200]))
        if r.status != 201:
            continue
        tid = r.json()["id"]
        table = unit.get("/api/v1/targets/%s" % tid).json()
        for label, value in want["project"].items():
            check(table.get("project", {}).get(label) == value,
                  "%s %s: %r, expected %r" % (name, label, table.get("project", {}).get(label), value))
        rows = {row["三级"]: row for row in table["rows"]}
        for indicator, (value, unit_text) in want["units"].items():
            row = rows.get(indicator, {})
            check((row.get("指标值"), row.get("计量单位")) == (value, unit_text),
                  "%s %s: %r | %r, expected %r | %r" % (name, indicator, row.get("指标值"),
                                                       row.get("计量单位"), value, unit_text))
        split = [i for i, (v, u) in want["units"].items() if u]
        for indicator in split:
            check(any(indicator in n and "计量单位" in n for n in table.get("notices", [])),
                  "%s: the split of %s is said: %s" % (name, indicator, table.get("notices")))
        page = unit.get("/targets/%s" % tid).text()
        check("项目信息（取自申报表表头）" in page and want["project"]["实施单位"] in page,
              "%s: the page shows the header block" % name)
        r = unit.get("/targets/%s/download/xlsx" % tid)
        if r.status == 200:
            import openpyxl
            book = openpyxl.load_workbook(io.BytesIO(r.body))
            cells = [str(c.value) for s in book for row in s.iter_rows() for c in row if c.value]
            check(want["project"]["项目名称"] in cells, "%s: 申报表.xlsx has 项目名称" % name)
            check(any(c == "平方米" or c == "人次" for c in cells),
                  "%s: 申报表.xlsx 计量单位 filled: %s" % (name, cells[:60]))
        # A suggestion accepted first (the page saves the corrected table as CSV): the header
        # block of the workbook as filed still reaches the evaluation.
        if table.get("fixable"):
            r = unit.api_post("/api/v1/targets/%s/fix" % tid,
                              {"version": table["version"], "issue": table["fixable"][0]})
            check(r.status == 200, "%s: accept a suggestion: %d" % (name, r.status))
            # The accepted row carries the suggested value (clean, 待确认 as a status only).
            for row in unit.get("/api/v1/targets/%s" % tid).json()["rows"]:
                if row.get("待确认") and row["三级"] in want["units"]:
                    want["units"][row["三级"]] = (row["指标值"], want["units"][row["三级"]][1])
        # The evaluation made from it: 项目信息 and units carried, and said.
        r = evaluator.api_post("/api/v1/evaluations", {
            "title": want["project"]["项目名称"], "framework": "town-medical-aid-2024",
            "targets": tid, "region": "闵行区", "year": "2025"})
        check(r.status == 201, "%s: evaluation: %d %s" % (name, r.status, r.text()[:300]))
        if r.status != 201:
            continue
        eid = r.json()["id"]
        notices = r.json().get("notices", [])
        check(any("项目信息取自申报表表头" in n and "资金" in n for n in notices),
              "%s: header block said: %s" % (name, notices))
        import json
        project = json.loads(case_file(server, eid, "case.json"))["project"]
        check(project["name"] == want["project"]["项目名称"] and
              project["unit"] == want["project"]["实施单位"] and
              project["authority"] == want["project"]["主管部门"],
              "%s: case.json project %s" % (name, project))
        targets = list(csv.DictReader(io.StringIO(case_file(server, eid, "targets.csv"))))
        by_name = {t["三级"]: t for t in targets}
        for indicator, (value, unit_text) in want["units"].items():
            t = by_name.get(indicator, {})
            # The case keeps the value as written (its scorer reads the unit there), 计量单位 filled.
            value += unit_text
            check((t.get("指标值"), t.get("计量单位")) == (value, unit_text),
                  "%s: targets.csv %s: %r | %r" % (name, indicator, t.get("指标值"), t.get("计量单位")))


def report_title_and_wording(server, unit, bureau):
    import docx
    tid = webtest.upload_targets(unit, title="古美社区养老服务")
    r = unit.api_post("/api/v1/targets/%s/selfeval" % tid)
    check(r.status in (200, 201), "selfeval from targets: %d %s" % (r.status, r.text()[:200]))
    if r.status not in (200, 201):
        return
    sid = r.json()["id"]

    def report_text(client):
        r = client.get("/selfevals/%s/download/report" % sid)
        check(r.status == 200, "report download: %d %s" % (r.status, r.text()[:200]))
        if r.status != 200:
            return ""
        return "\n".join(p.text for p in docx.Document(io.BytesIO(r.body)).paragraphs)
    mine = report_text(unit)
    first = mine.strip().split("\n")[0] if mine else ""
    check(first == "古美社区养老服务项目绩效自评报告", "title with the project name: %r" % first)
    check("本项目绩效自评报告" not in mine, "not titled 本项目")
    check("经复核" not in mine and "自评总分" not in mine and "复核分" in mine,
          "the unit's report says 自评分/复核分 (never 自评总分), not 经复核")
    check("经复核，复核分" in report_text(bureau), "the bureau's copy is worded as a 复核")


def rule_set_chosen_on_upload(unit):
    page = unit.get("/selfevals").text()
    check('name="rules"' in page and "湖北式自评规则" in page and "selfeval-hubei</option>" not in page,
          "the upload form offers the rule sets by Chinese name")
    files = {}
    for part in ("form", "budget", "summary"):
        path = os.path.join(webtest.SELFEVAL_FORM, part + ".csv")
        if os.path.exists(path):
            with open(path, "rb") as f:
                files[part] = (part + ".csv", f.read())
    r = unit.api_post("/api/v1/selfevals", {"year": "2024", "rules": "selfeval-hubei"}, files=files)
    check(r.status == 201, "upload with a chosen rule set: %d %s" % (r.status, r.text()[:200]))
    if r.status == 201:
        shown = unit.get("/api/v1/selfevals/%s" % r.json()["id"]).json()
        check("湖北" in shown.get("rules", ""), "scored by the chosen set: %s" % shown.get("rules"))
        page = unit.get("/selfevals/%s" % r.json()["id"]).text()
        check('id="rules">评分规则：湖北' in page, "the form page names the rule set")
    r = unit.api_post("/api/v1/selfevals", {"year": "2024"}, files=files)
    if r.status == 201:
        shown = unit.get("/api/v1/selfevals/%s" % r.json()["id"]).json()
        check("全国" in shown.get("rules", ""), "default as today: %s" % shown.get("rules"))
    r = unit.api_post("/api/v1/selfevals", {"year": "2024", "rules": "../etc/passwd"}, files=files)
    check(r.status == 422, "an unknown rule set is refused: %d" % r.status)
    # A refused page upload (no file chosen) shows the form again with the rule set still chosen.
    r = unit.request("POST", "/selfevals", fields={"csrf": unit.csrf, "year": "2024",
                                                   "rules": "selfeval-hubei"})
    check(r.status == 422 and re.search(r'value="selfeval-hubei" selected>', r.text()),
          "the chosen rule set is kept on a refusal: %d" % r.status)


def entry_form_budget(server, evaluator):
    eid = webtest.create_evaluation(evaluator, "马桥镇医疗互助（预算表单）")
    form = evaluator.get("/api/v1/evaluations/%s/entry" % eid).json()
    places = {f["name"]: f["place"] for f in form["fields"]}
    check(places.get("b_2_5") == "预算执行!E2" and places.get("b_2_7") == "预算执行!G2",
          "the form offers 预算执行 fields: %s" % sorted(k for k in places if k.startswith("b_"))[:10])
    typed = {"b_2_1": "1", "b_2_2": "社区医疗互助帮困资金", "b_2_3": "帮困资金", "b_2_4": "区级",
             "b_2_5": "546,000.00", "b_2_6": "249,265.75", "b_2_7": "795,265.75",
             "b_2_8": "795,265.75",
             "b_3_3": "帮困资金（镇级）", "b_3_4": "镇级", "b_3_5": "100,000.00"}
    bad = dict(typed, b_2_8="七十万", version=form["version"])
    r = evaluator.api_post("/api/v1/evaluations/%s/entry" % eid, bad)
    check(r.status == 422, "an unreadable 实际支出 is refused: %d" % r.status)
    if r.status == 422:
        fields = {f["name"]: f for f in r.json()["fields"]}
        check(fields["b_2_8"]["error"], "the refusal is at its field: %s" % fields["b_2_8"])
        check(fields["b_2_5"]["value"] == "546,000.00", "what was typed is kept")
        check(fields.get("b_3_5", {}).get("value") == "100,000.00", "typed new rows are kept")
    r = evaluator.api_post("/api/v1/evaluations/%s/entry" % eid, dict(typed, version=form["version"]))
    check(r.status == 200, "save with a 预算执行 part: %d %s" % (r.status, r.text()[:300]))
    budget = list(csv.DictReader(io.StringIO(case_file(server, eid, "budget.csv"))))
    check(len(budget) == 2 and budget[0]["调整后预算"] == "795265.75" and
          budget[0]["实际支出"] == "795265.75" and budget[1]["资金来源"] == "镇级" and
          budget[1]["年初预算"] == "100000",
          "budget.csv holds the typed lines by source: %s" % budget)
    form = evaluator.get("/api/v1/evaluations/%s/entry" % eid).json()
    values = {f["name"]: f["value"] for f in form["fields"]}
    check(values.get("b_3_4") == "镇级" and "b_6_1" in values,
          "the saved lines come back with blank rows below: %s" % [k for k in values if k[0] == "b"][-3:])


def stale_row_save_keeps_what_was_typed(unit):
    tid = webtest.upload_targets(unit, title="古美社区（行修改）")
    table = unit.get("/api/v1/targets/%s" % tid).json()
    line = table["rows"][0]["line"]
    first = {"csrf": unit.csrf, "version": table["version"], "line": line, "action": "save",
             "level3": table["rows"][0]["三级"], "value": "≥31000人次"}
    r = unit.request("POST", "/targets/%s/row" % tid, fields=first)
    check(r.status in (302, 303), "first save: %d" % r.status)
    # The unit typed into the value as well as its 计量单位 column: shown once, not "人次（人次）".
    page = unit.get("/targets/%s" % tid).text()
    check("≥31000人次" in page and '人次<span class="unit">' not in page,
          "a unit typed in the value is not shown twice")
    stale = dict(first, value="≥32000人次", level3="居家养老上门服务人次（新）")
    r = unit.request("POST", "/targets/%s/row" % tid, fields=stale)
    check(r.status == 409, "stale save refused: %d" % r.status)
    page = r.text()
    check('value="≥32000人次"' in page and 'value="居家养老上门服务人次（新）"' in page,
          "the row's inputs hold what was typed")
    check('id="row-edit-%d" open' % line in page, "the row's editor is open")


def preview_updates_grade_and_findings(unit):
    sid = webtest.upload_selfeval(unit)
    shown = unit.get("/api/v1/selfevals/%s" % sid).json()
    rows = shown["result"]["rows"]
    r = unit.api_post("/api/v1/selfevals/%s/preview" % sid,
                      {"version": shown["version"], "a_0": "", "s_0": "0", "r_0": ""})
    check(r.status == 200, "preview: %d %s" % (r.status, r.text()[:200]))
    if r.status == 200:
        j = r.json()
        check("grade" in j and "count" in j and "general" in j, "grade, count and general: %s" % list(j))
        check(all("findings" in row for row in j["rows"]), "each row's findings in the preview")
        check(j["rows"] and isinstance(j["rows"][0]["findings"], list) and
              len(j["rows"]) == len(rows), "rows as the form has them")
    page = unit.get("/selfevals/%s" % sid).text()
    check('id="grade"' in page and 'class="row-findings"' in page and 'id="count"' in page,
          "the page has the places the preview fills")


def main(binary):
    server = webtest.Server(binary)
    try:
        unit = webtest.Client(server)
        unit.login("unit1")
        evaluator = webtest.Client(server)
        evaluator.login("eval1")
        pending_marks_stay_with_the_unit(server, unit, evaluator)
        fixtures = os.path.join(server.data, "fixtures")
        subprocess.run([sys.executable, os.path.join(webtest.ROOT, "tests/targets-published/make_fixtures.py"),
                        fixtures], check=True)
        header_block_and_units(server, unit, evaluator, fixtures)
        bureau = webtest.Client(server)
        bureau.login("bur1")
        report_title_and_wording(server, unit, bureau)
        rule_set_chosen_on_upload(unit)
        entry_form_budget(server, evaluator)
        stale_row_save_keeps_what_was_typed(unit)
        preview_updates_grade_and_findings(unit)
    finally:
        server.stop(keep=bool(FAILURES))
        if FAILURES:
            print("data kept in", server.data)
    print("unit_table: %d failures" % len(FAILURES))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
