#!/usr/bin/env python3
"""What the issue-21 browser trial (a first-time user of each role) tripped over, checked over HTTP:
  1. what the evaluator types in 新建评价 (项目名称, 年度, 街镇, 项目单位, 主管部门) is in the entry
     workbook's 项目信息 sheet, and the 核验清单 no longer asks for those fields;
  2. a hand edit of a 绩效目标表 row reads in 版本记录 as 手工修改, never as an internal key.
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
    finally:
        server.stop()
    if failures:
        print("\n".join("FAIL: " + f for f in failures))
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main(sys.argv[1])
