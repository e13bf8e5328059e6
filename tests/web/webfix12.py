#!/usr/bin/env python3
"""A framework without JSON (issue 21, webfix12; docs/review/webtrial5.md trial 5 item 1), written
before the fix: /admin/frameworks offers 下载模板（Excel） and a 下载 Excel beside every framework
(shipped or uploaded); the downloaded 指标体系表 has 说明/体系/指标 sheets, one row per indicator;
an edited copy uploaded back is checked as the JSON is: a broken weight sum or an unknown 评分方法
is refused at 指标!cell and nothing is saved; a good copy under a new 标识 is saved and usable; no
"说明文档" reference without a link is left on the page. Usage: webfix12.py JIXIAO"""
import io
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
import webtest  # noqa: E402

import openpyxl  # noqa: E402  (python3-openpyxl, bootstrap)

FAILURES = []
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def check(cond, message):
    webtest.check(cond, message, FAILURES)


def as_bytes(wb):
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def upload(admin, data, name="指标体系表.xlsx"):
    return admin.api_post("/api/v1/admin/frameworks", fields={"kind": "framework"},
                          files={"file": (name, data)})


def main(binary):
    server = webtest.Server(binary)
    try:
        admin = webtest.Client(server)
        admin.page_login("adm1")
        page = admin.get("/admin/frameworks").text()
        check("下载模板（Excel）" in page, "the page offers 下载模板（Excel）")
        check("说明文档" not in page, "no 说明文档 reference without a link")
        links = re.findall(r'href="(/admin/frameworks/[^"/]+/sheet)"', page)
        check("/admin/frameworks/national-2020/sheet" in links, "the template link is a real route")
        check(not any("selfeval-" in link for link in links), "rule sets offer no framework sheet")
        r = admin.get("/admin/frameworks/national-2020/sheet")
        check(r.status == 200 and XLSX in (r.header("Content-Type") or ""), "template downloads as xlsx")
        check("attachment" in (r.header("Content-Disposition") or ""), "served as an attachment")
        wb = openpyxl.load_workbook(io.BytesIO(r.body))
        check(wb.sheetnames == ["说明", "体系", "指标"], "sheets 说明/体系/指标: %s" % wb.sheetnames)
        rows = wb["指标"]
        head = [c.value for c in rows[1]]
        check(head[:8] == ["编码", "一级指标", "二级指标", "三级指标", "四级指标", "分值", "评分方法",
                           "评分参数"], "指标 header: %s" % head)
        a11 = [c.value for c in rows[4]]
        check(a11[0] == "A11" and a11[3] == "立项依据充分性" and a11[5] == 3 and a11[6] == "扣分制",
              "A11 row: code, 三级 name, 分值 3, 扣分制: %s" % a11[:7])
        check(admin.get("/admin/frameworks/no-such/sheet").status == 404, "unknown framework: 404")
        check(admin.get("/admin/frameworks/..%2F..%2Fetc%2Fpasswd/sheet").status == 404,
              "a path in the name reaches no file")
        unit = webtest.Client(server)
        unit.login("unit1")
        check(unit.get("/admin/frameworks/national-2020/sheet").status == 403, "unit: 403")

        # Broken sum: A11 3 → 4 points; refused, located, nothing saved.
        rows["F4"] = 4
        wb["体系"]["B2"] = "my-fw-2025"
        r = upload(admin, as_bytes(wb))
        body = r.text()
        check(r.status in (400, 422) and "指标!" in body, "broken sum refused at 指标!cell: %d %s" %
              (r.status, body[:300]))
        check("my-fw-2025" not in admin.get("/api/v1/admin/frameworks").text(), "nothing saved")
        rows["F4"] = 3
        rows["G5"] = "随便打分"
        r = upload(admin, as_bytes(wb))
        check(r.status in (400, 422) and "指标!G5" in r.text() and "分档评分" in r.text(),
              "unknown 评分方法 at 指标!G5: %s" % r.text()[:300])
        rows["G5"] = "要素评分"
        wb["体系"]["B3"] = "我们的指标体系"
        r = upload(admin, as_bytes(wb))
        check(r.status == 201, "the edited copy is saved: %d %s" % (r.status, r.text()[:300]))
        listed = admin.get("/api/v1/admin/frameworks").json()["frameworks"]
        mine = [f for f in listed if f.get("set_id") == "my-fw-2025"]
        check(len(mine) == 1 and mine[0]["title"] == "我们的指标体系", "listed: %s" % mine)
        if mine:
            doc = mine[0]["id"].split(":", 1)[1]
            page = admin.get("/admin/frameworks").text()
            check("/admin/frameworks/%s/sheet" % doc in page, "uploaded row offers 下载 Excel")
            r = admin.get("/admin/frameworks/%s/sheet" % doc)
            again = openpyxl.load_workbook(io.BytesIO(r.body))
            check(again["体系"]["B2"].value == "my-fw-2025", "uploaded framework downloads again")
        # A JSON upload still works as before.
        r = upload(admin, b'{"id": 1}', name="x.json")
        check(r.status in (400, 422), "bad JSON still refused: %d" % r.status)
    finally:
        server.stop(keep=bool(FAILURES))
    if FAILURES:
        print("%d failure(s)" % len(FAILURES), file=sys.stderr)
        return 1
    print("webfix12: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
