#!/usr/bin/env python3
"""The fourth trial's stumbles (docs/review/webtrial4.md, issues 21/24), each written before its fix:
2. 「下载填好的自评表（Excel）」 carries what the unit typed (得分, 表上总分), the 复核分 on a labelled
   line of its own;
(more items below, each a function.)
Usage: webfix8.py JIXIAO"""
import io
import os
import re
import sys

import openpyxl

sys.path.insert(0, os.path.dirname(__file__))
import webtest  # noqa: E402

FAILURES = []


def check(cond, message):
    webtest.check(cond, message, FAILURES)


def typed_form_download(unit):
    tid = webtest.upload_targets(unit, title="下载测试")
    r = unit.api_post("/api/v1/targets/%s/selfeval" % tid, {})
    check(r.status == 201, "自评表 from the table: %d %s" % (r.status, r.text()[:200]))
    sid = r.json()["id"]
    api = unit.get("/api/v1/selfevals/%s" % sid).json()
    rows = api["result"]["rows"]
    # Row 1 typed with an actual far short of its target and 得分 7; 表上总分 100.
    r = unit.request("POST", "/selfevals/%s/edit" % sid, fields={
        "csrf": unit.csrf, "version": str(api["version"]), "a_0": "0", "s_0": "7",
        "r_0": "说明", "total": "100"})
    check(r.status in (302, 303), "saved: %d %s" % (r.status, r.text()[:300]))
    r = unit.get("/selfevals/%s/download/form" % sid)
    check(r.status == 200, "download: %d" % r.status)
    wb = openpyxl.load_workbook(io.BytesIO(r.body))
    ws = wb.worksheets[0]
    cells = {(c.row, c.column): c.value for row in ws.iter_rows() for c in row if c.value is not None}
    header = [k[0] for k, v in cells.items() if v == "三级指标"]
    check(len(header) == 1, "one indicator header: %s" % header)
    if not header:
        return
    first = header[0] + 1
    check(cells.get((first, 3)) == rows[0]["indicator"], "row 1 is %s: %s"
          % (rows[0]["indicator"], cells.get((first, 3))))
    check(cells.get((first, 7)) == 7, "row 1's 得分 is the 7 the unit typed: %r" % cells.get((first, 7)))
    total = [k[0] for k, v in cells.items() if v == "总分" and k[1] == 1]
    check(len(total) == 1 and cells.get((total[0], 7)) == 100,
          "总分 is the unit's 100: %r" % (cells.get((total[0], 7)) if total else None))
    notes = [v for v in cells.values() if isinstance(v, str) and "复核分" in v]
    check(len(notes) == 1 and "单位填报" in notes[0] and re.search(r"复核分：[\d.]+分", notes[0]),
          "one labelled line gives the recomputed 复核分: %s" % notes)


def main():
    server = webtest.Server(sys.argv[1])
    try:
        unit = webtest.Client(server)
        unit.login("unit1")
        typed_form_download(unit)
    finally:
        server.stop(keep=bool(FAILURES))
    if FAILURES:
        print("%d failure(s)" % len(FAILURES), file=sys.stderr)
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
