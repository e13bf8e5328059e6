#!/usr/bin/env python3
"""Trial 3's remaining evaluator stumbles (issue 21, webfix6), each written before its fix:
1. (item 9) the entry form says which tables the framework's indicators score from (named with
   those indicators) and which are optional; the 核验清单 never calls a required table 可不填;
   资金到位 and 资金划拨 are filled in the form (amounts as Excel users type them, exact fen,
   full-width digits; a bad date refused at its field, what was typed kept);
2. (item 16) every box the entry form shows has a place: 扣分制 rows point to the 扣分明细 page,
   boxes a rule does not read are not offered;
3. (item 13) every saved change of an evaluation is in its history, said for a person;
4. (item 12) a refused narrative save lints the text typed, not the stored one;
5. one-time messages are kept in the store: a message set through one serve process is shown
   once by another on the same data (two processes, one store).
Usage: webfix6.py JIXIAO [--pg]"""
import csv
import io
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
import webtest  # noqa: E402

FAILURES = []


def check(cond, message):
    webtest.check(cond, message, FAILURES)


def case_file(server, eid, name):
    path = os.path.join(server.data, "cases", eid, name)
    if not os.path.exists(path):
        return ""
    with open(path, encoding="utf-8-sig") as f:
        return f.read()


def tables_in_form(server, evaluator):
    eid = webtest.create_evaluation(evaluator, "马桥镇医疗互助（资金表）", region="闵行区")
    page = evaluator.get("/evaluations/%s/entry" % eid).text()
    check(re.search(r"必须填写“资金到位”：指标 [A-Z0-9]+ 资金到位率", page) is not None,
          "the form names 资金到位 as required, with its indicator")
    check(re.search(r"必须填写“资金划拨”：指标 [A-Z0-9]+ \S+", page) is not None,
          "the form names 资金划拨 as required, with its indicator")
    check(re.search(r"可不填：[^<]*“历年预算”", page) is not None, "历年预算 is said to be optional")
    shown = evaluator.get("/evaluations/%s" % eid).text()
    for sheet in ("资金到位", "资金划拨", "预算执行"):
        for item in re.findall(r"<li[^>]*>(?:(?!</li>).)*“%s”页(?:(?!</li>).)*</li>" % sheet, shown, re.S):
            check("可不填" not in item, "the 核验清单 does not call %s optional: %s" % (sheet, item[:300]))
    form = evaluator.get("/api/v1/evaluations/%s/entry" % eid).json()
    places = {f["name"]: f["place"] for f in form["fields"]}
    check(places.get("g_2_2") == "资金到位!B2" and places.get("t_2_3") == "资金划拨!C2",
          "the form offers 资金到位 and 资金划拨 fields: %s" % sorted(k for k in places if k[0] in "gt")[:8])
    typed = {"g_2_1": "区级", "g_2_2": "1,200.50", "g_2_3": "１２００．５０",
             "g_3_1": "镇级", "g_3_2": "12万元", "g_3_3": "11.5万元",
             "t_2_1": "第一批帮困资金拨付", "t_2_2": "12万元", "t_2_3": "2024-06-20", "t_2_4": "2024年6月25日"}
    bad = dict(typed, t_2_4="2024-13-45", version=form["version"])
    r = evaluator.api_post("/api/v1/evaluations/%s/entry" % eid, bad)
    check(r.status == 422, "an impossible date is refused: %d" % r.status)
    if r.status == 422:
        fields = {f["name"]: f for f in r.json()["fields"]}
        check(fields.get("t_2_4", {}).get("error") and "日期" in fields["t_2_4"]["error"],
              "the refusal is at its field: %s" % fields.get("t_2_4"))
        check(fields.get("g_3_2", {}).get("value") == "12万元", "what was typed is kept")
    page = evaluator.request("POST", "/evaluations/%s/entry" % eid,
                             fields=dict(bad, csrf=evaluator.csrf)).text()
    check(re.search(r'name="t_2_4" value="2024-13-45"[^>]*class="invalid"', page) is not None,
          "the page marks the field and keeps the typing")
    r = evaluator.api_post("/api/v1/evaluations/%s/entry" % eid, dict(typed, version=form["version"]))
    check(r.status == 200, "saved: %d %s" % (r.status, r.text()[:300]))
    funding = list(csv.DictReader(io.StringIO(case_file(server, eid, "funding.csv"))))
    check([(f["资金来源"], f["预算金额"], f["到位金额"]) for f in funding] ==
          [("区级", "1200.5", "1200.5"), ("镇级", "120000", "115000")],
          "funding.csv holds exact amounts: %s" % funding)
    transfers = list(csv.DictReader(io.StringIO(case_file(server, eid, "transfers.csv"))))
    check([(t["事项"], t["金额"], t["截止日期"], t["实际日期"]) for t in transfers] ==
          [("第一批帮困资金拨付", "120000", "2024-06-20", "2024-06-25")],
          "transfers.csv holds the typed line: %s" % transfers)
    form = evaluator.get("/api/v1/evaluations/%s/entry" % eid).json()
    values = {f["name"]: f["value"] for f in form["fields"]}
    check(values.get("t_2_3") == "2024-06-20", "a saved date comes back as a date: %s" % values.get("t_2_3"))
    return eid


def main():
    server = webtest.Server(sys.argv[1])
    try:
        evaluator = webtest.Client(server)
        evaluator.login("eval1")
        tables_in_form(server, evaluator)
    finally:
        server.stop(keep=bool(FAILURES))
    if FAILURES:
        print("%d failure(s)" % len(FAILURES), file=sys.stderr)
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
