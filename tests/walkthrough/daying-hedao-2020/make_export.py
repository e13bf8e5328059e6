"""Builds 问卷星答卷.xlsx: a 问卷星 答卷 download (按文本下载) for a 辖区企业满意度 survey of the
大英经开区 河道保洁 project: 序号…来自IP, a single choice, a 多选 exported one column per option
("2.(多选)…:选项", 1/0), two 矩阵 rows ("3.您对以下方面的评价—水面清洁"), and the company's area.
64 respondents; Q1 counts 非常满意 40, 满意 21, 一般 2, 不满意 1 (rate 61/64 = 95.31%).
Deterministic. Run: /usr/bin/python3 tests/walkthrough/daying-hedao-2020/make_export.py"""
import datetime
import os

import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
META = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"]
Q1 = "1.您对经开区河道保洁服务的总体满意程度？"
Q2 = "2.(多选)您认为河道保洁还需加强哪些方面？"
Q2_OPTIONS = ["水面漂浮物清理", "岸坡垃圾清理", "保洁频次", "问题反映渠道"]
Q3 = "3.您对以下方面的评价"
Q3_ROWS = ["水面清洁", "岸坡整洁"]
Q4 = "4.贵企业所在片区："


def main():
    q1 = ["非常满意"] * 40 + ["满意"] * 21 + ["一般"] * 2 + ["不满意"]
    head = META + [Q1] + ["%s:%s" % (Q2, o) for o in Q2_OPTIONS] + \
        ["%s—%s" % (Q3, r) for r in Q3_ROWS] + [Q4]
    grades = ["好", "较好", "一般", "差"]
    book = xlsxwriter.Workbook(os.path.join(HERE, "问卷星答卷.xlsx"))
    book.set_properties({"created": datetime.datetime(2021, 1, 15, 9, 0, 0)})  # reproducible
    sheet = book.add_worksheet("Sheet1")
    for c, h in enumerate(head):
        sheet.write_string(0, c, h)
    for i in range(64):
        when = datetime.datetime(2021, 1, 5, 9, 0, 0) + datetime.timedelta(minutes=37 * i)
        row = [i + 1, when.strftime("%Y/%m/%d %H:%M:%S"), "%d秒" % (60 + (i * 13) % 90), "微信",
               "N/A", "10.0.%d.%d(四川-遂宁)" % (i // 200, i % 200 + 1), q1[i]]
        row += [1 if (i + k) % (k + 2) == 0 else 0 for k in range(len(Q2_OPTIONS))]
        row += [grades[(i * (k + 1)) % 7 // 2] for k in range(len(Q3_ROWS))]
        row += ["东片区" if i % 3 else "西片区"]
        for c, v in enumerate(row):
            if isinstance(v, int):
                sheet.write_number(i + 1, c, v)
            else:
                sheet.write_string(i + 1, c, v)
    book.close()


if __name__ == "__main__":
    main()
