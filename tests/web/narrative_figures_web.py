#!/usr/bin/env python3
"""Browser trial 2 (issue 21, items 2, 10 and 20) over HTTP:
  1. a narrative figure that disagrees with the data (a total score, an amount) is shown on the
     叙述 page under its section and in the evaluation's 核验清单, with the computed figure;
  2. a section still holding 【待填写】 is not “未发现问题” on the 叙述 page.
(生成初稿 calls app/draft as `jixiao draft` does: tests/report_sparse.py checks what it drafts.)
Usage: narrative_figures_web.py JIXIAO"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
import webtest  # noqa: E402

failures = []


def check(cond, message):
    webtest.check(cond, message, failures)


def section_card(page, key):
    start = page.find('id="n-%s"' % key)
    end = page.find('<section class="card narrative"', start + 1)
    return page[start:end if end > 0 else len(page)]


def main(binary):
    server = webtest.Server(binary)
    try:
        ev = webtest.Client(server)
        ev.page_login("eval1")
        case = os.path.join(webtest.ROOT, "data/cases/maqiao-2024")
        workbook = webtest.entry_workbook(binary, case, server.data)
        eid = webtest.create_evaluation(ev, "马桥镇医疗救助", workbook=workbook)
        total = webtest.score_json(binary, case)["total"]
        wrong = "99.99" if str(total) != "99.99" else "98.88"
        vers = ev.get("/api/v1/evaluations/" + eid).json()["version"]
        # Every section written (a new evaluation's stubs keep the 核验清单 at 待填写 first).
        sections = ev.get("/api/v1/evaluations/%s/narrative" % eid).json()["sections"]
        fields = {"n_" + sec["file"]: "本节内容。" for sec in sections if sec["exists"]}
        fields.update({"csrf": ev.csrf, "version": vers})
        r = ev.request("POST", "/evaluations/%s/narrative" % eid, fields=fields)
        check(r.status == 303, "sections written: %d" % r.status)
        vers = ev.get("/api/v1/evaluations/" + eid).json()["version"]
        r = ev.request("POST", "/evaluations/%s/narrative" % eid, fields={
            "csrf": ev.csrf, "version": vers,
            "n_overview.md": "本项目评价得分%s分，等级为优。" % wrong,
            "n_budget_basis.md": "项目全年实际支出1.00万元。"})
        check(r.status == 303, "narrative saved: %d" % r.status)
        show = ev.get("/evaluations/" + eid).text()
        listed = show[show.find('id="validation"'):]
        check("%s分" % wrong in listed and "而评分结果为" in listed, "the 核验清单 names the wrong total")
        vers = ev.get("/api/v1/evaluations/" + eid).json()["version"]
        r = ev.request("POST", "/evaluations/%s/narrative" % eid, fields={
            "csrf": ev.csrf, "version": vers, "n_background.md": "【待填写】\n"})
        check(r.status == 303, "stub saved: %d" % r.status)
        page = ev.get("/evaluations/%s/narrative" % eid).text()
        overview = section_card(page, "overview")
        check("%s分" % wrong in overview and "而评分结果为" in overview,
              "the wrong total is named under 摘要: %s" % re.sub(r"<[^>]+>", "", overview)[:300])
        budget = section_card(page, "budget_basis")
        check("1.00万元" in budget and "而案例数据为" in budget and "万元" in budget,
              "the wrong amount is named under 项目预算及支出情况")
        background = section_card(page, "background")
        check("【待填写】" in background and "未发现问题" not in background.split("</textarea>")[-1],
              "a section holding 【待填写】 is not 未发现问题")
        api = ev.get("/api/v1/evaluations/%s/narrative" % eid).json()
        lint = {s["file"]: [d.get("code") for d in s["lint"]] for s in api["sections"]}
        check("narrative.score" in lint.get("overview.md", []), "the API lists narrative.score: %s" % lint.get("overview.md"))

    finally:
        server.stop()
    if failures:
        print("%d failure(s)" % len(failures), file=sys.stderr)
        return 1
    print("web narrative figures: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
