#!/usr/bin/env python3
"""Trial 5's small stumbles on the admin's pages (issue 21, webfix10; docs/review/webtrial5.md),
each written before its fix:
item 7: /admin/frameworks shows 最后修改 in 北京时间 and says so;
item 8: the account form's 区域 is a select of the offered regions, and a near miss is refused
        naming the close match.
Usage: webfix10.py JIXIAO"""
import datetime
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
import webtest  # noqa: E402

FAILURES = []


def check(cond, message):
    webtest.check(cond, message, FAILURES)


def frameworks_time(admin):
    fw = json.load(open(os.path.join(webtest.ROOT, "indicators/town-medical-aid-2024.json"),
                        encoding="utf-8"))
    fw["id"] = "webfix10-medical-aid"
    r = admin.api_post("/api/v1/admin/frameworks", fields={"kind": "framework"},
                       files={"file": ("fw.json", json.dumps(fw, ensure_ascii=False).encode("utf-8"))})
    check(r.status == 201, "framework uploaded: %d" % r.status)
    page = admin.get("/admin/frameworks").text()
    check("最后修改（北京时间）" in page, "item 7: the column says 北京时间")
    now = datetime.datetime.utcnow() + datetime.timedelta(hours=8)
    shown = re.findall(r"(\d{4}-\d\d-\d\d \d\d):\d\d:\d\d", page)
    check(any(abs((datetime.datetime.strptime(s, "%Y-%m-%d %H") -
                   now.replace(minute=0, second=0, microsecond=0)).total_seconds()) <= 3600
              for s in shown), "item 7: the time shown is Beijing time: %s, now %s" % (shown, now))


def account_region(admin):
    r = admin.api_post("/api/v1/regions", fields={"name": "岳阳市临湘市"})
    check(r.status == 201, "region registered: %d" % r.status)
    page = admin.get("/admin").text()
    form = re.search(r'<form method="post" action="/admin/users".*?</form>', page, re.S)
    form = form.group(0) if form else ""
    check(re.search(r'<select name="region">', form) is not None, "item 8: 区域 is a select")
    check('<option value="岳阳市临湘市">' in form, "item 8: the registered region is offered")
    check('<input name="region"' not in form, "item 8: no free-text 区域 in the account form")
    r = admin.request("POST", "/admin/users", fields={
        "csrf": admin.csrf, "name": "lx1", "role": "bureau", "unit": "", "region": "临湘市",
        "password": "lx1-pass-000001"})
    error = re.search(r'<span class="field-error">([^<]*)</span>', r.text())
    text = error.group(1) if error else ""
    check(r.status == 422 and "尚未登记" in text and "“岳阳市临湘市”" in text,
          "item 8: a near miss is refused naming the close match: %d" % r.status)
    check('<option value="临湘市"' not in r.text() and
          '<option value="岳阳市临湘市">' in r.text(), "item 8: the refused name is not offered")
    r = admin.request("POST", "/admin/users", fields={
        "csrf": admin.csrf, "name": "lx2", "role": "bureau", "unit": "", "region": "岳阳市临湘市",
        "password": "lx2-pass-000001"})
    check(r.status in (302, 303), "item 8: the offered region is taken: %d" % r.status)


def main(binary):
    server = webtest.Server(binary)
    try:
        admin = webtest.Client(server)
        admin.page_login("adm1")
        frameworks_time(admin)
        account_region(admin)
    finally:
        server.stop(keep=bool(FAILURES))
    for f in FAILURES:
        print("FAIL:", f)
    print("webfix10: %d failure(s)" % len(FAILURES))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
