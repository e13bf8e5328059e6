#!/usr/bin/env python3
"""Security tests of `jixiao serve`: CSRF refused, stored XSS shown as text (targets rows, finding
reasons, indicator names), session fixation, path traversal on download routes, oversized and
hostile uploads (tests/xlsx attacks, tests/malformed CSVs), login throttling, headers, stale
versions refused naming who changed what. Usage: security.py JIXIAO"""
import glob
import html
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import webtest  # noqa: E402

XSS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]


def xss_targets_csv(path):
    with open(path, "w", encoding="utf-8") as f:
        f.write("一级,二级,三级,指标值\n")
        f.write("产出指标,数量指标,%s,≥100人次\n" % XSS[0])
        f.write("产出指标,质量指标,合格率,\"%s\"\n" % XSS[1])
        f.write("效益指标,社会效益指标,%s,≥90%%\n" % XSS[1])
        f.write("满意度指标,服务对象满意度指标,服务对象满意度,≥90%\n")


def xss_workbook(src, dst):
    import openpyxl
    wb = openpyxl.load_workbook(src)
    ws = wb["扣分明细"]
    ws.cell(row=2, column=4).value = XSS[0]
    ws.cell(row=3, column=4).value = XSS[1]
    wb.save(dst)


def assert_text_only(page, where, failures):
    for x in XSS:
        webtest.check(x not in page, "%s: raw %s in the page" % (where, x), failures)
    webtest.check("&lt;script&gt;" in page or "&lt;img" in page,
                  "%s: the escaped text is not shown" % where, failures)


def main(binary):
    server = webtest.Server(binary)
    failures = []
    tmp = tempfile.mkdtemp(prefix="jixiao-web-sec-")
    try:
        unit = webtest.Client(server)
        unit.page_login("unit1")
        ev = webtest.Client(server)
        ev.login("eval1")
        # --- CSRF: a form post without the token, an API call with a wrong one.
        csv = os.path.join(tmp, "xss.csv")
        xss_targets_csv(csv)
        with open(csv, "rb") as f:
            data = f.read()
        r = unit.request("POST", "/targets", files={"file": ("t.csv", data)}, fields={"year": "2025"})
        webtest.check(r.status == 403, "form upload without CSRF token: %d" % r.status, failures)
        r = unit.api_post("/api/v1/targets", files={"file": ("t.csv", data)}, csrf="0" * 64)
        webtest.check(r.status == 403, "API upload with a wrong CSRF token: %d" % r.status, failures)
        r = webtest.Client(server).request("POST", "/login", fields={"name": "unit1", "password": webtest.ROLES["unit1"][3]})
        webtest.check(r.status == 403, "login form without its token: %d" % r.status, failures)
        r = webtest.Client(server).request("POST", "/api/v1/login", fields={"name": "unit1", "password": webtest.ROLES["unit1"][3]})
        webtest.check(r.status == 403, "API login without X-CSRF-Token: login: %d" % r.status, failures)
        # --- Stored XSS in a target table: rows and findings are text.
        tid = webtest.upload_targets(unit, csv)
        page = unit.get("/targets/" + tid).text()
        assert_text_only(page, "targets page", failures)
        webtest.check("<script" not in re.sub(r'<script src="/static/app.js" defer></script>', "", page),
                      "targets page has a script element besides app.js", failures)
        r = unit.get("/api/v1/targets/" + tid)
        webtest.check(r.header("Content-Type").startswith("application/json"), "API answers JSON", failures)
        # --- Stored XSS in finding reasons (entry workbook) and indicator names (from targets).
        workbook = webtest.entry_workbook(binary, os.path.join(webtest.ROOT, "data/cases/maqiao-2024"), tmp)
        hostile = os.path.join(tmp, "xss.xlsx")
        xss_workbook(workbook, hostile)
        eid = webtest.create_evaluation(ev, "<script>alert(1)</script>评价", workbook=hostile)
        page = ev.get("/evaluations/" + eid).text()
        assert_text_only(page, "evaluation page (finding reasons, title)", failures)
        page = ev.get("/evaluations").text()
        assert_text_only(page, "evaluation list (title)", failures)
        bureau = webtest.Client(server)
        bureau.login("bur1")
        assert_text_only(bureau.get("/bureau").text(), "bureau page", failures)
        # Indicator names from a unit's table become the evaluation's indicators.
        r = ev.api_post("/api/v1/evaluations", fields={"title": "由目标表生成", "framework": "town-medical-aid-2024",
                                                       "targets": tid, "region": "闵行区", "year": "2025"})
        webtest.check(r.status == 201, "evaluation from targets: %d %s" % (r.status, r.text()[:200]), failures)
        if r.status == 201:
            eid2 = r.json()["id"]
            page = ev.get("/evaluations/" + eid2).text()
            for x in XSS:
                webtest.check(x not in page, "evaluation from XSS targets: raw %s" % x, failures)
        # --- Headers.
        r = ev.get("/evaluations/" + eid)
        csp = r.header("Content-Security-Policy") or ""
        for part in ("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"):
            webtest.check(part in csp, "CSP lacks %s" % part, failures)
        webtest.check(r.header("X-Content-Type-Options") == "nosniff", "nosniff missing", failures)
        webtest.check("style=" not in r.text() and "onclick" not in r.text(), "inline style or handler in page", failures)
        r = ev.get("/evaluations/%s/download/md" % eid)
        webtest.check(r.status == 200 and (r.header("Content-Disposition") or "").startswith("attachment"),
                      "download not an attachment: %d" % r.status, failures)
        # --- Session fixation: a cookie planted before login never becomes a session.
        victim = webtest.Client(server)
        planted = "a" * 64
        victim.jar["jx_session"] = planted
        victim.page_login("unit2")
        webtest.check(victim.jar.get("jx_session") not in (None, planted), "login kept the planted session token", failures)
        attacker = webtest.Client(server)
        attacker.jar["jx_session"] = planted
        webtest.check(attacker.get("/api/v1/me").status == 401, "planted token is logged in", failures)
        login = webtest.Client(server).login("unit2")
        cookie = [c for c in login.cookies() if c.startswith("jx_session=")][0]
        for attr in ("HttpOnly", "SameSite=Strict", "Path=/"):
            webtest.check(attr in cookie, "session cookie lacks %s" % attr, failures)
        # --- Path traversal on download and static routes.
        for path in ["/targets/%s/download/..%%2F..%%2F..%%2Fetc%%2Fpasswd" % tid,
                     "/targets/%s/download/../../../../etc/passwd" % tid,
                     "/api/v1/evaluations/%s/download/..%%2Fcase.json" % eid,
                     "/evaluations/%s/download/%%2e%%2e%%2fcase.json" % eid,
                     "/static/..%2F..%2FCMakeLists.txt", "/static/../layout.mustache",
                     "/static/%2e%2e%2flayout.mustache", "/evaluations/..%2F..%2Fetc/download/docx",
                     "/api/v1/evaluations/%s/explain/..%%2F..%%2Fetc%%2Fpasswd" % eid]:
            r = ev.get(path)
            body = r.text()
            webtest.check(r.status in (404, 403) and "root:" not in body and "{{" not in body
                          and "cmake_minimum_required" not in body,
                          "traversal %s: %d" % (path, r.status), failures)
        # --- A table pasted from Excel (tabs) is read like an uploaded CSV, cells shown as text.
        pasted = "一级\t二级\t三级\t指标值\n产出指标\t数量指标\t%s\t≥30000人次\n满意度指标\t服务对象满意度指标\t满意度\t≥90%%\n" % XSS[1]
        r = unit.api_post("/api/v1/targets", fields={"text": pasted, "year": "2025", "p_name": XSS[0]})
        webtest.check(r.status == 201, "pasted table: %d %s" % (r.status, r.text()[:200]), failures)
        if r.status == 201:
            rows = unit.get("/api/v1/targets/" + r.json()["id"]).json()["rows"]
            webtest.check(len(rows) == 2 and rows[0]["三级"] == XSS[1], "pasted rows: %s" % rows, failures)
            assert_text_only(unit.get("/targets/" + r.json()["id"]).text(), "pasted table page", failures)
        # --- Oversized upload: refused with 413, the server stays up.
        big = b"x" * (11 * 1024 * 1024)
        r = unit.api_post("/api/v1/targets", files={"file": ("big.csv", big)})
        webtest.check(r.status == 413, "11 MB upload: %d" % r.status, failures)
        # --- Hostile uploads: every xlsx attack and malformed CSV is refused as input (422) or read.
        hostile_files = sorted(glob.glob(os.path.join(webtest.ROOT, "tests/xlsx/*.xlsx")))
        hostile_files += sorted(glob.glob(os.path.join(webtest.ROOT, "tests/malformed/*/*.csv")))[:60]
        for path in hostile_files:
            with open(path, "rb") as f:
                data = f.read()
            name = os.path.basename(path)
            r = unit.api_post("/api/v1/targets", fields={"year": "2025"}, files={"file": ("../../" + name, data)})
            webtest.check(r.status in (201, 413, 422), "hostile targets %s: %d" % (path, r.status), failures)
            if r.status == 201:
                webtest.check(unit.get("/api/v1/targets/" + r.json()["id"]).status in (200, 422),
                              "hostile targets %s could not be shown" % path, failures)
            if name.endswith(".xlsx"):
                cur = ev.get("/api/v1/evaluations/" + eid).json()["version"]
                r = ev.api_post("/api/v1/evaluations/%s/import" % eid, fields={"version": cur},
                                files={"file": (name, data)})
                webtest.check(r.status in (200, 413, 422), "hostile workbook %s: %d" % (path, r.status), failures)
        webtest.check(ev.get("/api/v1/me").status == 200, "server down after hostile uploads", failures)
        leftovers = os.listdir(os.path.join(server.data, "tmp"))
        webtest.check(not leftovers, "scratch folders left behind: %s" % leftovers, failures)
        # --- Stale version refused, naming who saved which version; nothing overwritten.
        cur = ev.get("/api/v1/evaluations/" + eid).json()["version"]
        with open(workbook, "rb") as f:
            wb_bytes = f.read()
        r = ev.api_post("/api/v1/evaluations/%s/import" % eid, fields={"version": cur},
                        files={"file": ("entry.xlsx", wb_bytes)})
        webtest.check(r.status == 200, "import at current version: %d" % r.status, failures)
        r = ev.api_post("/api/v1/evaluations/%s/import" % eid, fields={"version": cur},
                        files={"file": ("entry.xlsx", wb_bytes)})
        msg = r.json().get("message", "") if r.status == 409 else ""
        webtest.check(r.status == 409 and "eval1" in msg and str(cur + 1) in msg,
                      "stale import: %d %s" % (r.status, msg), failures)
        # --- Narrative: a stale save is refused (409), the page shows the typed text again (as text).
        cur = ev.get("/api/v1/evaluations/" + eid).json()["version"]
        typed = "本项目<script>alert(1)</script>由镇政府立项。"
        r = ev.request("POST", "/evaluations/%s/narrative" % eid,
                       fields={"csrf": ev.csrf, "version": cur, "n_overview.md": typed})
        webtest.check(r.status == 303, "narrative save: %d" % r.status, failures)
        r = ev.request("POST", "/evaluations/%s/narrative" % eid,
                       fields={"csrf": ev.csrf, "version": cur, "n_overview.md": typed + "（第二次）"})
        page = r.text()
        webtest.check(r.status == 409 and "（第二次）" in page and "eval1" in page,
                      "stale narrative save: %d" % r.status, failures)
        webtest.check("<script>alert(1)</script>" not in page, "typed narrative echoed unescaped", failures)
        r = ev.request("POST", "/evaluations/%s/narrative" % eid,
                       fields={"csrf": ev.csrf, "version": cur + 1, "n_../../../etc/passwd": "x",
                               "n_..%2Fcase.json": "x"})
        # The notice is a one-time message for the session, shown by the page redirected to.
        webtest.check(r.status == 303 and "没有改动" in ev.get(r.header("Location") or "/").text(),
                      "narrative names outside the case: %d" % r.status, failures)
        # --- Restore: a table's earlier version comes back as a new version; a stale restore is refused.
        rt = webtest.upload_targets(unit)
        first = unit.get("/api/v1/targets/" + rt).json()
        r = unit.api_post("/api/v1/targets/%s/fix" % rt, fields={"version": 1, "issue": first["fixable"][0]})
        webtest.check(r.status == 200, "fix before restore: %d" % r.status, failures)
        r = unit.api_post("/api/v1/targets/%s/restore" % rt, fields={"version": 2, "from": 1})
        back = unit.get("/api/v1/targets/" + rt).json()
        webtest.check(r.status == 200 and back["version"] == 3 and back["rows"] == first["rows"],
                      "restore version 1: %d" % r.status, failures)
        r = unit.api_post("/api/v1/targets/%s/restore" % rt, fields={"version": 2, "from": 1})
        webtest.check(r.status == 409 and "unit1" in r.text(), "stale restore: %d" % r.status, failures)
        # --- Another user's job: 404.
        webtest.check(ev.get("/api/v1/jobs/999999").status == 404, "unknown job not 404", failures)
        # --- Login throttling: after 5 failures even the right password is refused (429).
        t = webtest.Client(server)
        codes = [t.login("unit3", "wrong-password-%d" % i).status for i in range(5)]
        webtest.check(codes == [401] * 5, "wrong passwords: %s" % codes, failures)
        r = t.login("unit3")
        webtest.check(r.status == 429, "6th attempt with the right password: %d" % r.status, failures)
        webtest.check(webtest.Client(server).login("unit2").status == 200, "other account throttled too", failures)
        # --- The audit log records changes with before and after.
        admin = webtest.Client(server)
        admin.login("adm1")
        audit = admin.get("/api/v1/audit").json()["audit"]
        actions = {a["action"] for a in audit}
        for a in ("targets.upload", "evaluation.create", "evaluation.import", "login.failed", "login.throttled"):
            webtest.check(a in actions, "audit lacks %s" % a, failures)
        imports = [a for a in audit if a["action"] == "evaluation.import"]
        webtest.check(any(a["before"] and a["after"] for a in imports), "audit import lacks before/after", failures)
        for a in audit:
            for v in a.values():
                webtest.check(webtest.ROLES["unit1"][3] not in str(v), "a password in the audit log", failures)
        print("security: %d failures" % len(failures))
    finally:
        server.stop()
        import shutil
        shutil.rmtree(tmp, ignore_errors=True)
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
