#!/usr/bin/env python3
"""An evaluation's versions keep the whole case (issue 21, "never lose work"): after an import, a
narrative save and a finding edit, two versions compare field by field (who, when, what from what
to what), an earlier version is restored as a new version with its score back, a stale restore is
refused naming who saved, and nothing is lost (every version stays). With --pg (under
tests/pg_server.sh) the edits are made on server A and read on server B, which has its own data
folder: B's copy of the case is brought to the store's version.
Usage: versions.py JIXIAO [--pg]"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import webtest  # noqa: E402


def main(binary):
    pg = "--pg" in sys.argv
    if pg and not os.environ.get("JIXIAO_TEST_DB_URL"):
        print("versions: JIXIAO_TEST_DB_URL not set (run under tests/pg_server.sh)")
        return 77
    failures = []
    check = lambda cond, msg: webtest.check(cond, msg, failures)  # noqa: E731
    a = webtest.Server(binary)
    b = webtest.Server(binary, data=tempfile.mkdtemp(prefix="jixiao-web-test-b-"), db=a.db) if pg else a
    try:
        workbook = webtest.entry_workbook(
            binary, os.path.join(webtest.ROOT, "data/cases/maqiao-2024"), a.data)
        ev = webtest.Client(a)
        ev.login("eval1")
        on_b = webtest.Client(b)
        on_b.jar, on_b.csrf = dict(ev.jar), ev.csrf
        eid = webtest.create_evaluation(ev, "版本恢复", workbook=workbook)
        base = "/api/v1/evaluations/%s" % eid
        v2 = ev.get(base).json()
        check(v2["version"] == 2 and v2["score"], "imported as version 2, scored: %s" % v2.get("version"))
        total2 = v2["score"]["total"]

        # Version 3: one narrative section changed.
        sections = ev.get(base + "/narrative").json()["sections"]
        first = sections[0]["file"]
        r = ev.api_post(base + "/narrative", fields={"version": 2, "n_" + first: "改写后的第一节。\n"})
        check(r.status == 200, "narrative save: %d %s" % (r.status, r.text()[:200]))
        # Version 4: a finding on a leaf (a deduction with its reason).
        tree = [i for i in v2["score"]["indicators"] if i.get("leaf")] if "indicators" in v2["score"] else []
        code = tree[0]["code"] if tree else "A11"
        r = ev.api_post(base + "/finding", fields={"version": 3, "code": code, "amount_0": "0.5",
                                                   "reason_0": "资料不全", "summary": "有待完善"})
        check(r.status == 200, "finding save: %d %s" % (r.status, r.text()[:300]))
        v4 = on_b.get(base).json()
        check(v4["version"] == 4, "B reads version 4: %s" % v4["version"])
        check(v4["score"] and v4["score"]["total"] != total2,
              "B scores A's edit (its case folder follows the store): %s vs %s" %
              (v4["score"] and v4["score"]["total"], total2))
        text_b = on_b.get(base + "/narrative").json()["sections"]
        check([s["text"] for s in text_b if s["file"] == first] == ["改写后的第一节。\n"],
              "B shows the narrative saved on A")

        # Compare 2 → 4 field by field, with who and when.
        c = on_b.get(base + "/compare?from=2&to=4").json()
        places = {ch["place"]: ch for ch in c["changes"]}
        check(c["from"]["version"] == 2 and c["to"]["version"] == 4 and c["to"]["author"] == "eval1"
              and c["to"]["at"], "compare names both versions, author and time: %s" %
              {k: c[k] for k in ("from", "to")})
        narrative = [p for p in places if p.startswith("narrative/" + first)]
        check(narrative and places[narrative[0]]["after"] == "改写后的第一节。",
              "the narrative line is a change: %s" % narrative)
        check(any("资料不全" in ch["after"] for ch in c["changes"]),
              "the deduction's reason is a change: %s" % [p for p in places][:20])
        check(on_b.get(base + "/compare?from=4&to=4").json()["changes"] == [],
              "a version compared with itself: no change")
        page = ev.get("/evaluations/%s/compare?from=2&to=4" % eid)
        check(page.status == 200 and "资料不全" in page.text(), "compare page: %d" % page.status)

        # Restore version 2 on B as version 5: its score comes back; every version stays.
        r = on_b.api_post(base + "/restore", fields={"version": 4, "from": 2})
        check(r.status == 200 and r.json().get("version") == 5,
              "restore 2 as 5: %d %s" % (r.status, r.text()[:200]))
        v5 = ev.get(base).json()
        check(v5["version"] == 5 and v5["score"]["total"] == total2,
              "A reads the restored version with version 2's score: %s" % v5["score"]["total"])
        check(ev.get(base + "/compare?from=2&to=5").json()["changes"] == [],
              "version 5 holds version 2's case exactly")
        text_a = ev.get(base + "/narrative").json()["sections"]
        check([s["text"] for s in text_a if s["file"] == first] == [sections[0]["text"]],
              "A's narrative is version 2's again")
        versions = ev.get(base + "/versions").json()
        check([v["version"] for v in versions["versions"]] == [5, 4, 3, 2, 1], "all versions kept")
        check(any(ch["action"] == "evaluation.restore" for ch in versions["changes"]),
              "the restore is in the audit log")
        # A stale restore (from a page showing version 4) is refused, naming who saved.
        r = ev.api_post(base + "/restore", fields={"version": 4, "from": 3})
        check(r.status == 409 and "eval1" in r.text() and "第 5 版" in r.text(),
              "stale restore: %d %s" % (r.status, r.text()[:200]))
        # A stale narrative save keeps what was typed (the page shows it again).
        r = ev.request("POST", "/evaluations/%s/narrative" % eid,
                       fields={"csrf": ev.csrf, "version": 3, "n_" + first: "我输入的文字"})
        check(r.status == 409 and "我输入的文字" in r.text(), "stale save keeps the text: %d" % r.status)
        check(ev.get(base).json()["version"] == 5, "the stale save changed nothing")
        if pg:
            # The bureau's compare export on B reads an evaluation B has never served.
            webtest.create_evaluation(ev, "只在 A 上保存", workbook=workbook)
            bur = webtest.Client(b)
            bur.login("bur1")
            r = bur.get("/bureau/export/compare")
            check(r.status == 200 and r.body[:2] == b"PK",
                  "compare export on B over A's evaluations: %d %s" % (r.status, r.text()[:200]))
        # Another evaluator cannot compare or restore it.
        other = webtest.Client(b)
        other.login("eval2")
        check(other.get(base + "/compare").status == 404, "another evaluator: 404")
        print("versions: %d failures" % len(failures))
    finally:
        if b is not a:
            b.stop()
        a.stop()
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
