#!/usr/bin/env python3
"""Trial 3's stumbles on the evaluator's side (issue 21), each written before its fix:
1. an evaluation's 所属区域 is chosen from the known regions (the evaluator's own preselected); a
   near miss (闵行 for 闵行区) is refused naming the field and the region it resembles; the
   evaluator moves an evaluation to another region later (a new version, audited), and the
   bureau of the new region sees it;
2. the 新建评价 form says why no unit table is offered (an evaluator account without a region);
3. /admin/regions shows 最后修改 in 北京时间; the admin's refusal of a region names no field key.
Usage: webfix5.py JIXIAO"""
import datetime
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
import webtest  # noqa: E402

FAILURES = []


def check(cond, message):
    webtest.check(cond, message, FAILURES)


def region_is_chosen(evaluator, bureau, other_bureau, admin):
    page = evaluator.get("/evaluations").text()
    m = re.search(r'<select name="region"[^>]*>(.*?)</select>', page, re.S)
    check(m is not None, "the 新建评价 form's 所属区域 is a list")
    if m:
        options = re.findall(r'<option value="([^"]*)"( selected)?>', m.group(1))
        check(("闵行区", " selected") in options, "the evaluator's own region preselected: %s" % options)
        check(("浦东新区", "") in options, "the other known region offered: %s" % options)
    fields = {"title": "区域测试", "framework": "town-medical-aid-2024", "year": "2024",
              "town": "马桥镇", "region": "闵行"}
    r = evaluator.api_post("/api/v1/evaluations", fields=fields)
    check(r.status == 422, "a near-miss region is refused: %d %s" % (r.status, r.text()[:200]))
    check("闵行区" in r.text() and "所属区域" in r.text(),
          "the refusal names the field and the region it resembles: %s" % r.text()[:300])
    # The page form: refused with the message beside the field, nothing created.
    r = evaluator.request("POST", "/evaluations", fields=dict(fields, csrf=evaluator.csrf))
    check(r.status == 422 and "您是否要选“闵行区”" in r.text(), "the page refuses it at the field: %d" % r.status)
    before = evaluator.get("/api/v1/evaluations").json()["total_count"]
    check(before == 0, "nothing was created: %s" % before)
    fields["region"] = "闵行区"
    r = evaluator.api_post("/api/v1/evaluations", fields=fields)
    check(r.status == 201, "a known region is taken: %d %s" % (r.status, r.text()[:200]))
    eid = r.json()["id"]
    check(bureau.get("/api/v1/evaluations/%s" % eid).status == 200, "闵行区's bureau sees it")
    # Moved later: an unknown region refused, a known one saved as a new version, audited.
    r = evaluator.api_post("/api/v1/evaluations/%s/region" % eid, fields={"version": "1", "region": "浦东"})
    check(r.status == 422 and "浦东新区" in r.text(), "moving to a near miss is refused: %d %s" % (r.status, r.text()[:200]))
    r = evaluator.api_post("/api/v1/evaluations/%s/region" % eid, fields={"version": "1", "region": "浦东新区"})
    check(r.status == 200, "moved: %d %s" % (r.status, r.text()[:200]))
    check(other_bureau.get("/api/v1/evaluations/%s" % eid).status == 200, "浦东新区's bureau sees it now")
    check(bureau.get("/api/v1/evaluations/%s" % eid).status == 404, "闵行区's bureau no longer does")
    versions = evaluator.get("/evaluations/%s/versions" % eid).text()
    check("所属区域：闵行区 → 浦东新区" in versions, "the version says what changed")
    audit = admin.get("/api/v1/audit").json()
    entries = audit.get("entries") or audit.get("audit") or []
    check(any(e.get("action") == "evaluation.region" and e.get("before") == "闵行区"
              and e.get("after") == "浦东新区" for e in entries),
          "the audit log has the move from and to: %s" % [e.get("action") for e in entries][:5])
    # A stale version is refused and says so.
    r = evaluator.api_post("/api/v1/evaluations/%s/region" % eid, fields={"version": "1", "region": "闵行区"})
    check(r.status == 409, "a stale move is refused: %d" % r.status)
    page = evaluator.get("/evaluations/%s" % eid).text()
    check('id="region-form"' in page and '<span id="region">浦东新区</span>' in page,
          "the page shows the region and the form to change it")
    check("改所属区域" in admin.get("/admin").text(), "the admin's log names the action in Chinese")


def job_page(evaluator):
    """A finished (here failed: no office suite in tests) PDF job no longer says it continues."""
    r = evaluator.api_post("/api/v1/evaluations", fields={
        "title": "任务页测试", "framework": "town-medical-aid-2024", "year": "2024", "region": "闵行区"})
    eid = r.json()["id"]
    r = evaluator.api_post("/api/v1/evaluations/%s/pdf" % eid)
    check(r.status == 202, "pdf job started: %d" % r.status)
    job = r.json()["job"]
    state = webtest.wait_job(evaluator, job, 120)
    check(state["state"] != "running", "the job ended: %s" % state)
    page = evaluator.get("/jobs/%d" % job).text()
    check(re.search(r'id="job-hint"[^>]*hidden', page) is not None,
          "an ended job does not say 任务在服务器上继续")


def narrative_merge(evaluator):
    """A narrative save on a stale version: other sections' saves do not refuse it; a section
    changed on both sides is refused by name, keeping what was typed."""
    r = evaluator.api_post("/api/v1/evaluations", fields={
        "title": "叙述合并测试", "framework": "town-medical-aid-2024", "year": "2024", "region": "闵行区"})
    eid = r.json()["id"]
    path = "/api/v1/evaluations/%s/narrative" % eid
    sections = {s["file"]: s["text"] for s in evaluator.get(path).json()["sections"]}
    old_bg, old_purpose = sections["background.md"], sections["purpose.md"]
    r = evaluator.api_post(path, fields={"version": "1", "n_background.md": "立项背景第一稿。",
                                         "n_purpose.md": old_purpose})
    check(r.status == 200, "first save: %d %s" % (r.status, r.text()[:200]))
    # The second tab opened version 1 too: it sends background as it was and a new purpose.
    r = evaluator.api_post(path, fields={"version": "1", "n_background.md": old_bg,
                                         "n_purpose.md": "立项目的写好了。"})
    check(r.status == 200, "a save touching another section is taken: %d %s" % (r.status, r.text()[:300]))
    now = {s["file"]: s["text"] for s in evaluator.get(path).json()["sections"]}
    check(now["background.md"] == "立项背景第一稿。", "the other tab's section is kept: %r" % now["background.md"][:40])
    check(now["purpose.md"] == "立项目的写好了。", "this tab's section is saved")
    r = evaluator.api_post(path, fields={"version": "1", "n_background.md": "另一稿。"})
    check(r.status == 409 and "立项背景" in r.text(), "the same section changed on both sides is named: %d %s"
          % (r.status, r.text()[:300]))


def targets_note(admin, server):
    r = admin.api_post("/api/v1/users", fields={"name": "evalnr", "role": "evaluator",
                                                "password": "evalnr-pass-01"})
    check(r.status == 201, "an evaluator without a region: %d %s" % (r.status, r.text()[:200]))
    c = webtest.Client(server)
    c.login("evalnr", "evalnr-pass-01")
    page = c.get("/evaluations").text()
    check("您的账号没有所属区域" in page, "the form says why no unit table is offered")


def admin_regions(admin):
    r = admin.api_post("/api/v1/regions", fields={"name": "闵行区"})
    check(r.status == 201, "region registered: %d" % r.status)
    page = admin.get("/admin/regions").text()
    check("最后修改（北京时间）" in page, "the column says 北京时间")
    now = datetime.datetime.utcnow() + datetime.timedelta(hours=8)
    shown = re.findall(r"(\d{4}-\d\d-\d\d \d\d):\d\d", page)
    check(any(abs((datetime.datetime.strptime(s, "%Y-%m-%d %H") - now.replace(minute=0, second=0,
                                                                               microsecond=0)).total_seconds()) <= 3600
              for s in shown), "the time shown is Beijing time: %s, now %s" % (shown, now))
    r = admin.request("POST", "/admin/users", fields={"csrf": admin.csrf, "name": "u9", "role": "unit",
                                                       "unit": "某单位", "region": "阆中市", "password": "u9-pass-000001"})
    check(r.status == 422 and "尚未登记" in r.text(), "an unregistered region refused: %d" % r.status)
    check("字段 region" not in r.text(), "no field key in the message")


def main():
    server = webtest.Server(sys.argv[1])
    try:
        evaluator, bureau, other_bureau, admin = (webtest.Client(server) for _ in range(4))
        evaluator.login("eval1"), bureau.login("bur1"), other_bureau.login("bur2"), admin.login("adm1")
        region_is_chosen(evaluator, bureau, other_bureau, admin)
        job_page(evaluator)
        narrative_merge(evaluator)
        targets_note(admin, server)
        admin_regions(admin)
    finally:
        server.stop(keep=bool(FAILURES))
    if FAILURES:
        print("%d failure(s)" % len(FAILURES), file=sys.stderr)
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
