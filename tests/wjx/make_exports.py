#!/usr/bin/python3
"""Builds 问卷星 (wjx.cn) answer exports in the real layout from the maqiao-2024-survey case.

One row per respondent; header 序号, 提交答卷时间, 所用时间, 来源, 来源详情, 来自IP, then one
column per question headed "N.题干"; a multiple-choice answer is one cell with options joined by
"┋". Writes, beside this script:
  maqiao-text.xlsx    按文本下载 (options as text)
  maqiao-number.xlsx  按选项序号下载 (options as 1-based numbers)
  maqiao-unknown-option.xlsx, maqiao-unmapped.xlsx, maqiao-no-id.xlsx, maqiao-empty.xlsx,
  maqiao-far-cell.xlsx (3 rows and one cell at XFD1048576, the grid's last)
  maqiao-split.xlsx   the 多选 question one column per option ("5.(多选)题干:选项", 1/0)
Deterministic: fixed times and IPs, no randomness. Run: /usr/bin/python3 tests/wjx/make_exports.py
"""
import csv
import datetime
import json
import os

import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
CASE = os.path.join(HERE, "..", "..", "data", "cases", "maqiao-2024-survey", "survey")
META = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"]
GROUPS = ["居民区", "人员类别"]  # asked as the last two questions


def load():
    with open(os.path.join(CASE, "questionnaire.json"), encoding="utf-8") as f:
        questions = json.load(f)["questions"]
    with open(os.path.join(CASE, "responses.csv"), encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    return questions, rows


def headers(questions):
    out = ["%d.%s" % (i + 1, q["text"]) for i, q in enumerate(questions)]
    n = len(questions)
    out += ["%d.%s：" % (n + 1 + i, g) for i, g in enumerate(GROUPS)]
    return out


def answer(q, text, by_number):
    if not text:
        return "(跳过)"
    chosen = text.split(";")
    if by_number:
        chosen = [str(q["options"].index(c) + 1) for c in chosen]
    return "┋".join(chosen)


def write(name, head, rows, far=None):
    book = xlsxwriter.Workbook(os.path.join(HERE, name))
    book.set_properties({"created": datetime.datetime(2024, 10, 31, 18, 0, 0)})  # reproducible
    sheet = book.add_worksheet("Sheet1")
    for c, h in enumerate(head):
        sheet.write_string(0, c, h)
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row):
            if isinstance(v, int):
                sheet.write_number(r, c, v)
            else:
                sheet.write_string(r, c, v)
    if far:
        sheet.write_string(1048575, 16383, far)
    book.close()


def answer_rows(questions, rows, by_number):
    start = datetime.datetime(2024, 10, 9, 9, 0, 0)
    out = []
    for i, row in enumerate(rows):
        when = (start + datetime.timedelta(minutes=7 * i)).strftime("%Y/%m/%d %H:%M:%S")
        meta = [i + 1, when, "%d秒" % (95 + i % 60), "手机提交", "直接访问",
                "10.0.%d.%d(上海-上海)" % (i // 200, i % 200 + 1)]
        answers = [answer(q, row[q["id"]], by_number) for q in questions]
        groups = [row[g] for g in GROUPS]
        if by_number:  # group questions are single choice too; keep them as text here
            pass
        out.append(meta + answers + groups)
    return out


def main():
    questions, rows = load()
    head = META + headers(questions)
    text_rows = answer_rows(questions, rows, False)
    write("maqiao-text.xlsx", head, text_rows)
    write("maqiao-number.xlsx", head, answer_rows(questions, rows, True))
    bad = [list(r) for r in text_rows[:3]]
    bad[1][len(META) + 1] = "很满意"  # not an option of Q2: cell H3
    write("maqiao-unknown-option.xlsx", head, bad)
    unmapped = list(head)
    unmapped[len(META) + 2] = "3.您家里有几口人？"  # no such question: cell I1
    write("maqiao-unmapped.xlsx", unmapped, text_rows[:3])
    write("maqiao-no-id.xlsx", head[1:], [r[1:] for r in text_rows[:3]])
    write("maqiao-empty.xlsx", head, [])
    write("maqiao-far-cell.xlsx", head, text_rows[:3], far="x")
    write_split(questions, head, text_rows)


def write_split(questions, head, text_rows):
    """maqiao-split.xlsx: the 多选 question Q5 exported one column per option, headed
    "5.(多选)题干:选项", 1 = chosen, 0 = not (as 问卷星 splits a multiple choice)."""
    at = len(META) + next(i for i, q in enumerate(questions) if q.get("type") == "multiple")
    q = questions[at - len(META)]
    stem = head[at].split(".", 1)
    split_head = head[:at] + ["%s.(多选)%s:%s" % (stem[0], stem[1], o) for o in q["options"]] + head[at + 1:]
    rows = []
    for row in text_rows:
        chosen = [] if row[at] == "(跳过)" else row[at].split("┋")
        rows.append(row[:at] + [1 if o in chosen else 0 for o in q["options"]] + row[at + 1:])
    write("maqiao-split.xlsx", split_head, rows)


if __name__ == "__main__":
    main()
