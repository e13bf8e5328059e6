#!/usr/bin/env python3
"""The bureau's 复核汇总.xlsx (issues 21/24) shows each 自评表 as the 复核 list page does: a form
made in the browser from a 绩效目标表 (no printed 总分) and an uploaded CSV form; each row's 单位,
项目名称 (the form's title), 自评分, 复核分, 差距 and 复核意见 count equal the page's
(/api/v1/bureau/review and /bureau/review), its 复核状态 / 复核意见 / 复核人 / 复核时间 columns equal the
bureau's decision the list shows, and no server path appears in the export, the list
page or the form's own page and downloads. Reads the workbook with openpyxl.
Usage: review_export.py JIXIAO"""
import io
import os
import re
import sys

import docx
import openpyxl

sys.path.insert(0, os.path.dirname(__file__))
import webtest  # noqa: E402

# A server path: the data folder, a scratch folder, or any absolute path under /tmp or /work.
PATH_RE = re.compile(r"(/tmp/|/work/|/data/tmp/|jixiao-web-test)")


def shown(value):
    """A cell as text: figures to two places, blanks as ""."""
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return "%.2f" % value
    return str(value)


def main(binary):
    failures = []
    check = lambda cond, msg: webtest.check(cond, msg, failures)  # noqa: E731
    server = webtest.Server(binary)
    try:
        unit = webtest.Client(server)
        unit.login("unit1")
        bureau = webtest.Client(server)
        bureau.login("bur1")
        targets = webtest.upload_targets(unit, title="古美社区养老服务")
        r = unit.api_post("/api/v1/targets/%s/selfeval" % targets)
        check(r.status in (200, 201), "selfeval new from 绩效目标表: %d %s" % (r.status, r.text()[:200]))
        made = r.json().get("id") if r.status in (200, 201) else None
        uploaded = webtest.upload_selfeval(unit)
        for form in (made, uploaded):  # 复核汇总 takes submitted forms only (webfix7)
            if form:
                unit.api_post("/api/v1/selfevals/%s/submit" % form)

        # The bureau 退回s the uploaded form (its decision columns are compared below).
        version = unit.get("/api/v1/selfevals/%s" % uploaded).json()["version"]
        r = bureau.api_post("/api/v1/selfevals/%s/review" % uploaded,
                            fields={"version": str(version), "decision": "退回", "opinion": "请补第3行偏差原因"})
        check(r.status == 200, "the bureau returns the uploaded form: %d %s" % (r.status, r.text()[:200]))
        listed = {i["id"]: i for i in bureau.get("/api/v1/bureau/review").json()["review"]}
        check(made in listed and uploaded in listed, "both forms listed: %s" % list(listed))
        page = bureau.get("/bureau/review").text()
        r = bureau.get("/bureau/export/review")
        check(r.status == 200 and r.body[:2] == b"PK", "export: %d" % r.status)
        book = openpyxl.load_workbook(io.BytesIO(r.body))
        sheet = book["复核汇总"]
        head = [c.value for c in sheet[1]]
        col = {name: head.index(name) for name in head if name}
        for name in ("单位", "项目名称", "自评表", "打印总分", "计算总分", "差额（打印−计算）",
                     "复核意见（条）", "行得分合计", "复核状态", "复核意见", "复核人", "复核时间（北京时间）"):
            check(name in col, "column %s in %s" % (name, head))
        rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2) if row[0].value]
        check(len(rows) == 2, "two forms exported: %d" % len(rows))
        if failures:  # the workbook's shape is wrong: its cells cannot be compared
            return report(failures)
        for cells in rows:
            text = " ".join(shown(v) for v in cells)
            check(not PATH_RE.search(text), "no server path in the export row: %s" % text)
        by_title = {cells[col["自评表"]]: cells for cells in rows}
        for item in listed.values():
            cells = by_title.get(item["title"])
            check(cells is not None, "a row named by the title %s: %s" % (item["title"], list(by_title)))
            if cells is None:
                continue
            check(cells[col["单位"]] == item["unit"] and item["unit"] == "古美社区",
                  "单位 %s vs page %s" % (cells[col["单位"]], item["unit"]))
            check(bool(cells[col["项目名称"]]), "项目名称 filled: %s" % cells[col["项目名称"]])
            claimed = "未填总分" if item["claimed"] is None else "%.2f" % item["claimed"]
            check(shown(cells[col["打印总分"]]) == claimed,
                  "打印总分 %s vs page %s" % (cells[col["打印总分"]], claimed))
            check(shown(cells[col["计算总分"]]) == "%.2f" % item["computed"],
                  "计算总分 %s vs page %s" % (cells[col["计算总分"]], item["computed"]))
            summed = "" if item["row_total"] is None else "%.2f" % item["row_total"]
            check(shown(cells[col["行得分合计"]]) == summed,
                  "行得分合计 %s vs page %s" % (cells[col["行得分合计"]], summed))
            # 差额 is printed − computed; the list's gap by 行得分合计 is not one.
            gap = "" if item["gap"] is None or item["gap_from"] != "总分" else "%.2f" % item["gap"]
            check(shown(cells[col["差额（打印−计算）"]]) == gap,
                  "差额 %s vs page %s" % (cells[col["差额（打印−计算）"]], gap))
            check(cells[col["复核意见（条）"]] == item["findings"],
                  "复核意见 %s vs page %s" % (cells[col["复核意见（条）"]], item["findings"]))
            review = item["review"]
            check([cells[col[c]] or "" for c in ("复核状态", "复核意见", "复核人", "复核时间（北京时间）")] ==
                  [review["label"], review["opinion"] or "", review["reviewer"] or "", review["decided_at"] or ""],
                  "复核 columns %s vs page %s" % ([cells[col[c]] for c in ("复核状态", "复核意见", "复核人")], review))
            own = unit.get("/api/v1/selfevals/%s" % item["id"]).json()["result"]
            count = len(own["form"]["findings"]) + len(own["budget"]["findings"]) + sum(
                len(row["findings"]) for row in own["rows"])
            check(count == item["findings"], "the list counts what the form's page lists: %d vs %d"
                  % (item["findings"], count))
        check(listed.get(uploaded, {}).get("review", {}).get("state") == "returned",
              "the uploaded form is 已退回 in the list: %s" % listed.get(uploaded))
        check(any(i["claimed"] is None for i in listed.values()),
              "the browser-made form has no printed 总分")
        # No server path on any page or download of these forms.
        for form in listed:
            for path in ("/selfevals/%s" % form, "/api/v1/selfevals/%s" % form,
                         "/selfevals/%s/download/json" % form):
                check(not PATH_RE.search(bureau.get(path).text()), "no server path in %s" % path)
            for what in ("xlsx", "form"):
                r = bureau.get("/selfevals/%s/download/%s" % (form, what))
                if r.status != 200:  # the filled form needs a readable budget block
                    check(not PATH_RE.search(r.text()), "no server path in %s refusal" % what)
                    continue
                inner = openpyxl.load_workbook(io.BytesIO(r.body))
                cells = " ".join(shown(c.value) for s in inner for row in s.iter_rows() for c in row)
                notes = " ".join(c.comment.text for s in inner for row in s.iter_rows() for c in row
                                 if c.comment)
                check(not PATH_RE.search(cells + notes), "no server path in %s of %s" % (what, form))
            r = bureau.get("/selfevals/%s/download/report" % form)
            if r.status == 200:
                text = " ".join(p.text for p in docx.Document(io.BytesIO(r.body)).paragraphs)
                check(not PATH_RE.search(text), "no server path in the 自评报告 of %s" % form)
        check(not PATH_RE.search(page), "no server path in /bureau/review")
    finally:
        server.stop()
    return report(failures)


def report(failures):
    print("review_export: %d failures" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
