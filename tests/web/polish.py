#!/usr/bin/env python3
"""What a new user tripped over in the browser (issue 21), checked over HTTP:
  1. an error page (404) keeps the role's navigation and offers 返回上一页; a refused form post
     shows the form again (422) with the typed values and the message at its field;
  2. 年度 is required (and four digits) where an evaluation or a 绩效目标表 is made;
  3. the admin resets a password (shown once; the user's sessions end), disables and enables an
     account, and cannot make a unit account without a region; `jixiao user` does the same;
  4. the narrative page lists sections in the report's order under its headings, with a box for a
     section that has no file yet; the 核验清单 links each place to its page;
  5. the bureau sees no evaluator-only steps; the ranking warns when years or frameworks mix;
  6. no framework id in the drop-down, no folder id in the compare workbook's 案例 column.
Usage: polish.py JIXIAO"""
import io
import os
import re
import subprocess
import sys
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
import webtest  # noqa: E402

failures = []


def check(cond, message):
    webtest.check(cond, message, failures)


def field_value(page, name):
    m = re.search(r'<input name="%s"[^>]*value="([^"]*)"' % re.escape(name), page)
    return m.group(1) if m else None


def main(binary):
    server = webtest.Server(binary)
    try:
        ev = webtest.Client(server)
        ev.page_login("eval1")
        # --- 1. 404 with navigation and 返回上一页.
        r = ev.get("/no-such-page")
        page = r.text()
        check(r.status == 404, "unknown page: %d" % r.status)
        check('href="/evaluations">我的评价' in page, "404 page has the evaluator's navigation")
        check("返回上一页" in page and "data-back" in page, "404 page offers 返回上一页")
        # --- 1+2. A refused create keeps what was typed, the message at the year field.
        fields = {"csrf": ev.csrf, "title": "表单保留<测试>", "framework": "town-medical-aid-2024",
                  "town": "马桥镇", "unit": "受理中心", "department": "", "region": "闵行区",
                  "year": ""}
        r = ev.request("POST", "/evaluations", fields=fields)
        page = r.text()
        check(r.status == 422, "evaluation without 年度: %d" % r.status)
        check(field_value(page, "title") == "表单保留&lt;测试&gt;", "typed title kept (escaped): %s"
              % field_value(page, "title"))
        check(field_value(page, "town") == "马桥镇", "typed town kept")
        check(re.search(r'name="year"[^>]*>\s*<span class="field-error">请填写年度', page) is not None,
              "the year message is beside the year field")
        check('<option value="town-medical-aid-2024" selected>' in page, "the chosen framework stays chosen")
        check('href="/evaluations">我的评价' in page, "the re-shown form keeps the navigation")
        fields["year"] = "2O24"
        r = ev.request("POST", "/evaluations", fields=fields)
        check(r.status == 422 and "不是四位数字的年份" in r.text(), "malformed 年度 refused at the field")
        r = ev.api_post("/api/v1/evaluations", fields={"title": "x", "framework": "town-medical-aid-2024",
                                                        "region": "闵行区"})
        check(r.status == 422 and "year" in r.text(), "API: missing year is 422 naming the field")
        # --- 6. The drop-down shows framework titles, never their ids.
        page = ev.get("/evaluations").text()
        options = re.findall(r'<option value="[^"]*"[^>]*>([^<]*)</option>', page)
        check(options and not any("town-medical-aid" in o or "national-2020" in o for o in options),
              "framework drop-down shows no ids: %s" % options)
        # --- 2. A 绩效目标表 needs its 年度 too.
        unit = webtest.Client(server)
        unit.page_login("unit1")
        with open(webtest.WEAK_TARGETS, "rb") as f:
            data = f.read()
        r = unit.request("POST", "/targets", fields={"csrf": unit.csrf, "title": "保留的名称"},
                         files={"file": ("t.csv", data)})
        page = r.text()
        check(r.status == 422 and "请填写年度" in page, "targets without 年度: %d" % r.status)
        check(field_value(page, "title") == "保留的名称", "targets: typed title kept")
        r = unit.api_post("/api/v1/targets", fields={"year": "2025"}, files={"file": ("t.csv", data)})
        check(r.status == 201, "targets with 年度: %d" % r.status)

        # --- 3. Accounts.
        adm = webtest.Client(server)
        adm.page_login("adm1")
        r = adm.request("POST", "/admin/users", fields={"csrf": adm.csrf, "name": "unit9", "role": "unit",
                                                         "unit": "新单位", "region": "", "password": "p" * 12})
        page = r.text()
        check(r.status == 422 and re.search(r'name="region"[^>]*>(?:(?:(?!<label).)*?</select>)?\s*<span class="field-error">项目单位账号须给出区域', page, re.S),
              "a unit account without a region is refused at the region field")
        check(field_value(page, "unit") == "新单位" and field_value(page, "name") == "unit9",
              "the typed account fields are kept")
        check('<option value="unit" selected>' in page, "the chosen role stays chosen")
        check("p" * 12 not in page, "the typed password is not sent back")
        users = {u["name"]: u["id"] for u in adm.get("/api/v1/users").json()["users"]}
        victim = webtest.Client(server)
        check(victim.login("unit2").status == 200, "unit2 logs in")
        # Reset with a generated password: shown once, the old session ends.
        r = adm.request("POST", "/admin/users/%d/password" % users["unit2"], fields={"csrf": adm.csrf})
        m = re.search(r"新密码（只显示这一次[^：]*：([0-9a-f]{16})", r.text())
        check(r.status == 200 and m, "generated password shown once on the page")
        check(victim.get("/api/v1/me").status == 401, "unit2's session ended by the reset")
        check(webtest.Client(server).login("unit2").status == 401, "old password no longer works")
        if m:
            check(webtest.Client(server).login("unit2", m.group(1)).status == 200, "new password works")
        check(m and m.group(1) not in adm.get("/admin").text(), "the password is not shown again")
        # Reset to a password the admin sets (API); too short is refused.
        r = adm.api_post("/api/v1/users/%d/password" % users["unit2"], fields={"password": "short"})
        check(r.status == 422 and "至少 10 个字符" in r.text(), "short password refused: %d" % r.status)
        r = adm.api_post("/api/v1/users/%d/password" % users["unit2"], fields={"password": "unit-pass-0002"})
        check(r.status == 200 and "password" not in r.json(), "admin-set password: %d" % r.status)
        check(victim.login("unit2").status == 200, "unit2 logs in with the admin-set password")
        # Disable: sessions end, login refused; enable: login works again.
        r = adm.request("POST", "/admin/users/%d/disable" % users["unit2"],
                        fields={"csrf": adm.csrf, "disabled": "1"})
        check(r.status == 303, "disable: %d" % r.status)
        check(victim.get("/api/v1/me").status == 401, "disabled user's session ended")
        check(webtest.Client(server).login("unit2").status == 401, "disabled user cannot log in")
        check("已停用" in adm.get("/admin").text(), "admin page shows the account as 已停用")
        r = adm.api_post("/api/v1/users/%d/disable" % users["adm1"], fields={"disabled": "1"})
        check(r.status == 422, "the admin cannot disable its own account: %d" % r.status)
        r = adm.api_post("/api/v1/users/%d/disable" % users["unit2"], fields={"disabled": "0"})
        check(r.status == 200 and victim.login("unit2").status == 200, "enabled user logs in again")
        audit = adm.get("/admin").text()
        check("重设密码" in audit and "停用账号" in audit and "启用账号" in audit,
              "the audit log names the changes in Chinese")
        check("unit-pass-0002" not in audit and (not m or m.group(1) not in audit),
              "no password in the audit log")
        # A refused region rename shows the regions page again: the typed name in that row's
        # field, the message beside it, the 新建区域 form left empty.
        ids = {}
        for name in ("甲区", "乙区"):
            r = adm.api_post("/api/v1/regions", fields={"name": name})
            check(r.status == 201, "region %s: %d" % (name, r.status))
            if r.status == 201:
                ids[name] = r.json()["id"]
        if len(ids) == 2:
            r = adm.request("POST", "/admin/regions/%s/rename" % ids["甲区"],
                            fields={"csrf": adm.csrf, "version": "1", "name": "乙区"})
            page = r.text()
            check(r.status == 422, "rename to an existing name: %d" % r.status)
            check(re.search(r'action="/admin/regions/%s/rename"[^<]*(?:<input[^>]*>)*?<input name="name"[^>]*'
                            r'value="乙区"[^>]*>(?:<button[^>]*>[^<]*</button>)?\s*<span class="field-error">[^<]*已存在'
                            % ids["甲区"], page) is not None,
                  "the rename row keeps the typed name with the message beside it")
            check(field_value(page, "name") in ("", None), "the 新建区域 field stays empty: %s"
                  % field_value(page, "name"))
            check('href="/admin/regions">区域' in page, "navigation kept")
        # The same from the command line.
        run = lambda *a, **k: subprocess.run([binary, "user"] + list(a) + ["--data", server.data],
                                             capture_output=True, text=True, **k)
        p = run("disable", "unit3")
        check(p.returncode == 0 and webtest.Client(server).login("unit3").status == 401,
              "jixiao user disable: %d %s" % (p.returncode, p.stderr))
        p = run("enable", "unit3")
        check(p.returncode == 0 and webtest.Client(server).login("unit3").status == 200, "jixiao user enable")
        p = run("reset-password", "unit3", "--password-stdin", input="unit3-new-pass\n")
        check(p.returncode == 0 and webtest.Client(server).login("unit3", "unit3-new-pass").status == 200,
              "jixiao user reset-password: %d %s" % (p.returncode, p.stderr))
        p = run("reset-password", "nobody", "--password-stdin", input="whatever-pass\n")
        check(p.returncode == 1 and "没有账号" in p.stderr, "unknown account: exit 1 in Chinese")
        p = run("disable")
        check(p.returncode == 2, "usage error: exit 2")
        p = subprocess.run([binary, "user", "add", "u9", "--role", "unit", "--unit", "某单位",
                            "--password-stdin", "--data", server.data], input="u9-password-1\n",
                           capture_output=True, text=True)
        check(p.returncode == 1 and "区域" in p.stderr, "CLI: unit account without region refused")

        # --- 4. The narrative page in the report's order; 核验清单 links.
        eid = webtest.create_evaluation(ev, "叙述顺序")
        page = ev.get("/evaluations/%s/narrative" % eid).text()
        headings = re.findall(r'<section class="card narrative" id="n-([^"]+)">\s*<h2>([^<]*)</h2>', page)
        sections_txt = open(os.path.join(webtest.ROOT, "templates/report/sections.txt"), encoding="utf-8").read()
        order = []
        for name in sections_txt.split():
            if name.startswith("#"):
                continue
            path = os.path.join(webtest.ROOT, "templates/report", name)
            if os.path.exists(path):
                for key in re.findall(r"\[\[narrative:([^\]]+)\]\]", open(path, encoding="utf-8").read()):
                    if key not in order:
                        order.append(key)
        keys = [k for k, _ in headings]
        check(keys[:len(order)] == order, "sections in the report's order: %s vs %s" % (keys, order))
        check(all(not h.endswith(".md") for _, h in headings), "sections under headings, not file names")
        # A section whose file is gone gets a box; text typed there is saved into the case.
        folder = os.path.join(server.data, "cases", eid, "narrative")
        gone = order[-1]
        # Remove the file through a restore-free path: the evaluator's draft does not recreate it.
        os.remove(os.path.join(folder, gone + ".md"))
        page = ev.get("/evaluations/%s/narrative" % eid).text()
        check('id="n-%s"' % gone in page and "本节还没有叙述" in page, "a box for the section with no file")
        vers = ev.get("/api/v1/evaluations/" + eid).json()["version"]
        r = ev.request("POST", "/evaluations/%s/narrative" % eid,
                       fields={"csrf": ev.csrf, "version": vers, "n_%s.md" % gone: "新写的一节。"})
        check(r.status == 303 and os.path.exists(os.path.join(folder, gone + ".md")),
              "typing into the empty section writes it: %d" % r.status)
        # 生成初稿 on an evaluation that cannot be scored yet: the narrative page again, the reason
        # at the top (not a bare error page).
        vers = ev.get("/api/v1/evaluations/" + eid).json()["version"]
        r = ev.request("POST", "/evaluations/%s/draft" % eid,
                       fields={"csrf": ev.csrf, "version": vers, "back": "narrative"})
        page = r.text()
        check(r.status == 422 and "未生成初稿" in page and 'id="draft-form"' in page
              and '<section class="card narrative"' in page,
              "a refused 生成初稿 shows the narrative page again: %d" % r.status)
        page = ev.get("/evaluations/" + eid).text()
        links = re.findall(r'<strong class="place"><a href="([^"]+)">', page)
        # Issue 21: an indicator's item opens its own row of the entry form (#f-CODE).
        check(any("/narrative" in l for l in links) and any(re.search(r"/entry#f-[A-Z0-9]+$", l) for l in links),
              "核验清单 links the narrative and the indicator's row of the entry page: %s" % links[:5])
        listed = re.sub(r"<[^>]+>", "", page[page.find('id="validation"'):page.find("</ul>", page.find('id="validation"'))])
        check(not re.search(r"\b(value|analysis|level|met_elements)\b|\.csv|\.json|\.md\b", listed),
              "no JSON keys or file names in 核验清单: %s" % re.findall(r"[a-z_.]*(?:value|analysis|\.csv|\.json)", listed)[:5])
        check(all(l.startswith("/evaluations/%s/" % eid) for l in links), "links stay on this evaluation")

        # --- 5. The bureau: no evaluator-only steps; mixed years and frameworks are said.
        workbook = webtest.entry_workbook(binary, os.path.join(webtest.ROOT, "data/cases/maqiao-2024"), server.data)
        e1 = webtest.create_evaluation(ev, "马桥镇医疗救助", year="2024", workbook=workbook)
        e2 = webtest.create_evaluation(ev, "马桥镇医疗救助", town="马桥镇", year="2023", workbook=workbook)
        bur = webtest.Client(server)
        bur.page_login("bur1")
        page = bur.get("/evaluations/" + eid).text()
        check("下载录入工作簿" not in page and "第一步" not in page and "点位置即打开该页" not in page,
              "the bureau sees no evaluator steps")
        check("尚未评分" in page, "the bureau is told the evaluation is not scored yet")
        check("生成初稿" not in bur.get("/evaluations/%s/narrative" % eid).text(),
              "the bureau's narrative page has no 生成初稿")
        page = bur.get("/bureau").text()
        check("所列评价跨越2023、2024共2个年度" in page, "ranking warns about mixed years")
        check("套指标体系" not in page, "one framework: no framework warning")
        by_year = bur.get("/bureau?year=2024").text()
        check("跨越" not in by_year, "one year chosen: no year warning")
        wb2 = webtest.entry_workbook(binary, os.path.join(webtest.ROOT, "data/cases/xinqiao-meals-2024"), server.data)
        r = ev.api_post("/api/v1/evaluations", fields={"title": "新桥助餐", "framework": "national-2020",
                                                        "town": "新桥镇", "year": "2024"})
        check(r.status == 201, "national-2020 evaluation: %d" % r.status)
        e3 = r.json().get("id") if r.status == 201 else None
        if e3:
            with open(wb2, "rb") as f:
                r = ev.api_post("/api/v1/evaluations/%s/import" % e3, fields={"version": "1"},
                                files={"file": ("entry.xlsx", f.read())})
            check(r.status == 200, "national-2020 import: %d" % r.status)
        data = bur.get("/api/v1/bureau?year=2024").json()
        check(data.get("ranked_by") == "rate", "two frameworks: ranked by 得分率 (%s)" % data.get("ranked_by"))
        check(any("使用了2套指标体系" in w for w in data.get("warnings", [])),
              "ranking warns about two frameworks: %s" % data.get("warnings"))
        page = bur.get("/bureau?year=2024").text()
        check("总得分率" in page and "national-2020" not in page, "rate column shown; no framework id")
        # --- 6. The version pages name places as the pages do: no case.json path, file name or
        # framework id (the API keeps the folder's own paths).
        page = ev.get("/evaluations/%s/compare?from=1&to=2" % e1).text()
        places = re.findall(r"<tr><td>([^<]*)</td><td>", page[page.find("<tbody>", page.find("改动（")):])
        raw = [p for p in places if re.search(r"\.json|\.csv|\.md|findings\.|metrics\.|project\.|"
                                              r"analysis|met_elements|\bvalue\b", p)]
        check(places and not raw, "compare page places without raw names: %s" % raw[:5])
        check(any(p.startswith("“评价结论”页 A11") and "分析" in p for p in places),
              "a finding's analysis is named by its page: %s" % places[:5])
        check(any(p.startswith("“项目信息”页") and "项目名称" in p for p in places),
              "a project field is named by its label")
        check(any(re.match(r"“预算执行”页第\d+行", p) for p in places), "a budget row is named by its sheet")
        check("<td>[]</td>" not in page and "<td>{}</td>" not in page, "an empty list is not shown as []")
        api = ev.get("/api/v1/evaluations/%s/compare?from=1&to=2" % e1).json()
        check(any(c["place"].startswith("case.json ") for c in api["changes"]), "the API keeps folder paths")
        page = ev.get("/evaluations/%s/versions" % eid).text()
        table = page[page.find('id="changes"'):]
        check("town-medical-aid-2024" not in table and ".md<" not in table and ".md " not in table,
              "the versions page names no framework id or narrative file")
        check("叙述“" in table, "a narrative change is named by its heading")
        # --- 6. The admin's audit log names documents by title and narrative by heading.
        page = adm.get("/admin").text()
        objects = re.findall(r"<tr><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>([^<]*)</td>",
                             page[page.find("审计日志"):])
        check(objects and not any(re.search(r"[0-9a-f]{24}|\.md\b", o) for o in objects),
              "audit objects without folder ids or file names: %s" % [o for o in objects if
                                                                     re.search(r"[0-9a-f]{24}|\.md", o)][:3])
        check(any(o.startswith("评价“叙述顺序”") and "叙述“" in o for o in objects),
              "a narrative save is named by the evaluation's title and the section's heading")
        # --- 6. compare workbook names evaluations by title, never by folder id.
        r = bur.get("/bureau/export/compare")
        check(r.status == 200, "compare export: %d" % r.status)
        if r.status == 200:
            z = zipfile.ZipFile(io.BytesIO(r.body))
            strings = z.read("xl/sharedStrings.xml").decode("utf-8") if "xl/sharedStrings.xml" in z.namelist() else ""
            sheets = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/"))
            text = strings + sheets
            check(not re.search(r"[0-9a-f]{24}", text), "no folder id in compare workbook")
            check("马桥镇医疗救助" in text, "evaluations named by title in the compare workbook")
    finally:
        server.stop()
    if failures:
        print("%d failure(s)" % len(failures), file=sys.stderr)
        return 1
    print("web polish: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
