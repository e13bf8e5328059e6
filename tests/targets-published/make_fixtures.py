#!/usr/bin/env python3
"""Writes two 申报表 workbooks in layouts transcribed from published forms (see SOURCE.md):
national.xlsx — the 财政部 参考模板 (附2-2-1 绩效目标申报表, 困难群众救助项目): 项目名称 |
  主管部门 / 实施单位 on one row, 资金情况（万元） with 年度资金总额： / 其中：财政拨款 / 其他资金
  labels side by side, 总体目标, and the indicator grid 一级指标 | 二级指标 | 三级指标 | 指标值 with
  no 计量单位 column (units written inside the values, "≥**人次").
township.xlsx — 宁乡市坝塘镇 项目绩效目标表（2021年度）: 填报单位(盖章), 项目名称 | 项目属性,
  主管部门 | 主管部门编码, 项目单位 | 项目负责人, 资金总额及构成 with "总额10606.7522万元" and
  "财政拨款:6923.3552万元(其中:…)", indicator header 一级指标 | 二级指标 | 指标内容 | 指标值 | 备注.
Usage: make_fixtures.py OUT_DIR"""
import os
import sys

from openpyxl import Workbook


def national(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "绩效目标申报表"
    ws["A1"] = "绩效目标申报表"
    ws.merge_cells("A1:F1")
    ws["A2"] = "（2021年度）"
    ws.merge_cells("A2:F2")
    ws["A3"], ws["B3"], ws["E3"], ws["F3"] = "项目名称", "困难群众救助项目", "项目负责人及电话", "王某 021-64120000"
    ws.merge_cells("B3:D3")
    ws["A4"], ws["B4"], ws["E4"], ws["F4"] = "主管部门", "某区民政局", "实施单位", "某区社会救助事务管理中心"
    ws.merge_cells("B4:D4")
    ws["A5"] = "资金情况（万元）"
    ws["B5"], ws["C5"], ws["D5"], ws["E5"], ws["F5"], ws["G5"] = (
        "年度资金总额：", "1,200.00", "其中：财政拨款", "1,000.00", "其他资金", "200.00")
    ws["A6"], ws["B6"] = "总体目标", "目标1：保障城乡低保对象基本生活；目标2：落实特困人员救助供养。"
    ws.merge_cells("B6:F6")
    ws["A7"], ws["B7"] = "年度目标", "按时足额发放低保金和特困供养金，受助对象满意度不低于90%。"
    ws.merge_cells("B7:F7")
    header = ["一级指标", "二级指标", "三级指标", "指标值"]
    for c, h in enumerate(header, 1):
        ws.cell(8, c, h)
    rows = [
        ("产出指标", "数量指标", "农村低保发放人数", "≥3000人"),
        ("", "", "临时救助人次", "≥500人次"),
        ("", "质量指标", "低保金发放准确率", "≥98%"),
        ("", "时效指标", "低保金发放及时率", "100%"),
        ("", "成本指标", "农村低保标准", "1200元/人·月"),
        ("效益指标", "社会效益指标", "农村低保对象生活水平提升情况", "有所提升"),
        ("满意度指标", "服务对象满意度指标", "受助对象满意度", "≥90%"),
    ]
    for r, row in enumerate(rows, 9):
        for c, v in enumerate(row, 1):
            if v:
                ws.cell(r, c, v)
    ws.merge_cells("A9:A13")
    ws.merge_cells("B9:B10")
    wb.save(path)


def township(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws["A1"] = "项目绩效目标表（2021年度）"
    ws.merge_cells("A1:F1")
    ws["A2"] = "填报单位(盖章):宁乡市坝塘镇人民政府"
    ws["A3"], ws["B3"], ws["D3"], ws["E3"] = "项目名称", "镇域内基础设施建设", "项目属性", "新增项目□延续项目√"
    ws["A4"], ws["B4"], ws["D4"] = "主管部门", "坝塘镇", "主管部门编码"
    ws["A5"], ws["B5"], ws["D5"], ws["E5"] = "项目单位", "坝塘镇", "项目负责人", "蒋建华"
    ws["A6"], ws["B6"] = "项目起止时间", "2021年度"
    ws["A7"], ws["B7"] = "资金总额及构成", "总额10606.7522万元"
    ws["B8"] = "财政拨款:6923.3552万元(其中:上级财政资金:6923.3552万元;本级财政:0万元)"
    ws["B9"] = "二、自有资金:0万元"
    ws["B10"] = "三、其他:3683.3970万元"
    ws.merge_cells("A7:A10")
    ws["A11"], ws["B11"], ws["D11"] = "项目绩效目标", "长期目标", "年度目标"
    ws["B12"], ws["D12"] = "改善镇域内基础设施,振兴乡村经济", "全面完成集镇立面改造、机关、学校、乡村振兴等项目,搞好提质改造"
    for c, h in enumerate(["年度绩效指标", "一级指标", "二级指标", "指标内容", "指标值", "备注"], 1):
        ws.cell(13, c, h)
    rows = [
        ("", "产出指标", "数量指标", "集镇立面改造面积", "≥12000平方米", ""),
        ("", "", "质量指标", "工程验收合格率", "100%", ""),
        ("", "", "时效指标", "项目完工时间", "2021年12月底前", ""),
        ("", "效益指标", "社会效益指标", "受益群众人数", "≥2.6万人", ""),
        ("", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", ""),
    ]
    for r, row in enumerate(rows, 14):
        for c, v in enumerate(row, 1):
            if v:
                ws.cell(r, c, v)
    wb.save(path)


if __name__ == "__main__":
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    national(os.path.join(out, "national.xlsx"))
    township(os.path.join(out, "township.xlsx"))
