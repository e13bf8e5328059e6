#!/usr/bin/env python3
"""Trial 5 item 2 (issue 21, webfix13): a second evaluator of the same firm works on an
evaluation. Written before the fix:
1. the evaluation page has a 共享 section; its creator shares the evaluation through the page's
   form with a colleague (eval2) and removes it again; a unit or bureau account is refused at the
   field, with the typed name kept; a colleague sees the creator and the members, not the form;
2. eval2 gets 找不到 before sharing and after removal, and opens it while shared;
3. two accounts (not two tabs of one) saving the narrative from the same version: different
   sections merge; the same section is refused naming it, the other's text kept, and the refused
   page keeps what was typed;
4. both changes are in the evaluation's 版本记录 page.
Usage: webfix13.py JIXIAO"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
import webtest  # noqa: E402

FAILURES = []


def check(cond, message):
    webtest.check(cond, message, FAILURES)


def share_through_the_page(eval1, eval2, eid):
    page = eval2.get("/evaluations/" + eid)
    check(page.status == 404 and "找不到" in page.text(), "eval2 before sharing: %d" % page.status)
    page = eval1.get("/evaluations/" + eid).text()
    check('id="members"' in page and "尚未共享给同事" in page, "the page has an empty 共享 section")
    check('id="member-add"' in page, "the creator has the 共享 form")
    r = eval1.request("POST", "/evaluations/%s/members" % eid, fields={"csrf": eval1.csrf, "name": "unit1"})
    text = webtest.visible(r.text())
    check(r.status == 422 and "不是评价机构账号" in text, "sharing with a unit refused: %d" % r.status)
    check('value="unit1"' in r.text(), "the refused page keeps the typed name")
    r = eval1.request("POST", "/evaluations/%s/members" % eid, fields={"csrf": eval1.csrf, "name": "eval2"})
    check(r.status == 303, "sharing through the page: %d %s" % (r.status, r.text()[:200]))
    page = webtest.visible(eval1.get(r.header("Location") or "/").text())
    check("已共享给“eval2”" in page, "the page says it was shared")
    check("已共享给： eval2" in page or "已共享给：eval2" in page.replace(" ", ""), "eval2 listed as a member")
    seen = eval2.get("/evaluations/" + eid)
    check(seen.status == 200, "eval2 opens the shared evaluation: %d" % seen.status)
    check("创建者：eval1" in webtest.visible(seen.text()) and 'id="member-add"' not in seen.text(),
          "eval2 sees the creator and no 共享 form")
    listed = webtest.visible(eval2.get("/evaluations").text())
    check("共享测试" in listed, "eval2's list shows the shared evaluation")


def two_accounts_merge(eval1, eval2, eid):
    path = "/api/v1/evaluations/%s/narrative" % eid
    version = str(eval1.get("/api/v1/evaluations/" + eid).json()["version"])
    sections = {s["file"]: s["text"] for s in eval2.get(path).json()["sections"]}
    old_bg, old_purpose = sections["background.md"], sections["purpose.md"]
    r = eval1.api_post(path, fields={"version": version, "n_background.md": "eval1 写的立项背景。",
                                     "n_purpose.md": old_purpose})
    check(r.status == 200, "eval1's save: %d %s" % (r.status, r.text()[:200]))
    r = eval2.api_post(path, fields={"version": version, "n_background.md": old_bg,
                                     "n_purpose.md": "eval2 写的立项目的。"})
    check(r.status == 200, "eval2's save of another section merges: %d %s" % (r.status, r.text()[:300]))
    now = {s["file"]: s["text"] for s in eval1.get(path).json()["sections"]}
    check(now["background.md"] == "eval1 写的立项背景。", "eval1's section kept: %r" % now["background.md"][:40])
    check(now["purpose.md"] == "eval2 写的立项目的。", "eval2's section saved: %r" % now["purpose.md"][:40])
    r = eval2.request("POST", "/evaluations/%s/narrative" % eid,
                      fields={"csrf": eval2.csrf, "version": version, "n_background.md": "eval2 的另一稿。"})
    check(r.status == 409 and "立项背景" in webtest.visible(r.text()), "the same section refused by name: %d" % r.status)
    check("eval2 的另一稿。" in r.text(), "the refused page keeps what eval2 typed")
    now = {s["file"]: s["text"] for s in eval1.get(path).json()["sections"]}
    check(now["background.md"] == "eval1 写的立项背景。", "eval1's text is kept after the refusal")
    authors = {v["author"] for v in eval1.get("/api/v1/evaluations/%s/versions" % eid).json()["versions"]}
    check({"eval1", "eval2"} <= authors, "both accounts are authors of versions: %s" % authors)


def remove_through_the_page(eval1, eval2, eid):
    r = eval1.request("POST", "/evaluations/%s/members/remove" % eid, fields={"csrf": eval1.csrf, "name": "eval2"})
    check(r.status == 303, "removal through the page: %d" % r.status)
    check(eval2.get("/evaluations/" + eid).status == 404, "eval2 after removal: 找不到")
    check(eval2.get("/evaluations/%s/narrative" % eid).status == 404, "eval2's narrative page after removal")
    versions = webtest.visible(eval1.get("/evaluations/%s/versions" % eid).text())
    check("共享给同事" in versions and "取消共享" in versions and "eval2" in versions,
          "the 版本记录 page shows the share and its removal")


def main():
    server = webtest.Server(sys.argv[1])
    try:
        eval1, eval2 = webtest.Client(server), webtest.Client(server)
        eval1.login("eval1"), eval2.login("eval2")
        eid = webtest.create_evaluation(eval1, "共享测试", region="闵行区")
        share_through_the_page(eval1, eval2, eid)
        two_accounts_merge(eval1, eval2, eid)
        remove_through_the_page(eval1, eval2, eid)
    finally:
        server.stop(keep=bool(FAILURES))
    if FAILURES:
        print("%d failure(s)" % len(FAILURES), file=sys.stderr)
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
