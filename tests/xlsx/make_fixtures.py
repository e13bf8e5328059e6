#!/usr/bin/python3
"""Writes the xlsx reader's fixtures (src/ingest/xlsx_test.cc reads them).

Run with /usr/bin/python3 (python3-xlsxwriter, zipfile); the outputs are checked in so the unit
test needs no Python. Expected values are stated in xlsx_test.cc from what is written here.
"""
import datetime
import os
import zipfile

import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))


def basic(path, date_1904=False):
    wb = xlsxwriter.Workbook(path, {'date_1904': date_1904})
    ws = wb.add_worksheet('预算执行')
    pct = wb.add_format({'num_format': '0.00%'})
    iso = wb.add_format({'num_format': 'yyyy-mm-dd'})
    cn = wb.add_format({'num_format': 'yyyy"年"m"月"d"日"'})
    stamp = wb.add_format({'num_format': 'yyyy-mm-dd hh:mm'})
    money = wb.add_format({'num_format': '#,##0.00'})
    ws.write('A1', '项目')
    ws.write('B1', '金额(元)')
    ws.write('A2', '医疗救助')
    ws.write_number('B2', 1471745.31, money)
    ws.write_number('C2', 0.902, pct)
    ws.write_datetime('D2', datetime.datetime(2024, 10, 9), iso)
    ws.write_datetime('E2', datetime.datetime(2024, 3, 1), cn)
    ws.write_datetime('F2', datetime.datetime(2024, 10, 9, 13, 30), stamp)
    ws.write_boolean('G2', True)
    ws.write_formula('H2', '=B2*2', money, 2943490.62)
    ws.write_formula('I2', '=A2&"项目"', None, '医疗救助项目')
    ws.merge_range('A4:C5', '合并的单元格', None)
    ws.write_number('A7', 0.1 + 0.2)
    ws.write_number('B7', -12.5)
    ws.write_number('C7', 1e-05)
    ws.write('XFD1048576', '最后一格')
    ws2 = wb.add_worksheet('第二页')
    ws2.write('B3', '第二页的文字')
    wb.close()


def raw(path, parts):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
                 '.org/package/2006/content-types"/>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
             '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxml'
             'formats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
             '</Relationships>')


def workbook_xml(date_1904=False, sheets=(('Sheet1', 'rId1'),)):
    pr = '<workbookPr date1904="1"/>' if date_1904 else ''
    body = ''.join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="{r}"/>' for i, (n, r) in enumerate(sheets))
    return ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships">{pr}<sheets>{body}</sheets></workbook>')


def workbook_rels(extra=''):
    return ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
            '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxml'
            'formats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/styles" Target="/xl/styles.xml"/>' + extra + '</Relationships>')


STYLES = ('<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/'
          'spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/>'
          '</cellXfs></styleSheet>')


def sheet_xml(rows):
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            f'spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>')


def package(path, rows, date_1904=False, extra_parts=None, sheets=(('Sheet1', 'rId1'),)):
    parts = {'[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': ROOT_RELS,
             'xl/workbook.xml': workbook_xml(date_1904, sheets),
             'xl/_rels/workbook.xml.rels': workbook_rels(), 'xl/styles.xml': STYLES,
             'xl/worksheets/sheet1.xml': sheet_xml(rows)}
    parts.update(extra_parts or {})
    raw(path, {k: v for k, v in parts.items() if v is not None})


def main():
    out = lambda name: os.path.join(HERE, name)
    basic(out('basic.xlsx'))
    basic(out('basic-1904.xlsx'), date_1904=True)
    serials = ('<row r="1"><c r="A1" s="1"><v>59</v></c><c r="B1" s="1"><v>60</v></c>'
               '<c r="C1" s="1"><v>61</v></c><c r="D1" s="1"><v>1</v></c><c r="E1" s="1"><v>45574</v></c>'
               '<c r="F1" s="1"><v>-1</v></c></row>')
    package(out('serials-1900.xlsx'), serials)
    package(out('serials-1904.xlsx'), serials, date_1904=True)
    package(out('inline.xlsx'),
            '<row r="2"><c r="B2" t="inlineStr"><is><r><t>行内</t></r><r><t>文字</t></r>'
            '<rPh><t>ぎょうない</t></rPh></is></c><c t="b"><v>0</v></c><c t="e"><v>#DIV/0!</v></c>'
            '<c t="d"><v>2024-10-09T00:00:00</v></c></row><row><c><v>7</v></c></row>')
    package(out('huge-column.xlsx'), '<row r="1"><c r="XFE1"><v>1</v></c></row>')
    package(out('huge-row.xlsx'), '<row r="1048577"><c r="A1048577"><v>1</v></c></row>')
    package(out('bad-shared-string.xlsx'), '<row r="1"><c r="C5" t="s"><v>99</v></c></row>')
    package(out('bad-number.xlsx'), '<row r="3"><c r="B3"><v>1,5</v></c></row>')
    package(out('missing-sheet-part.xlsx'), '', extra_parts={'xl/worksheets/sheet1.xml': None})
    package(out('missing-workbook.xlsx'), '', extra_parts={'xl/workbook.xml': None})
    package(out('unmatched-sheet.xlsx'), '', sheets=(('Sheet1', 'rId1'), ('孤表', 'rId9')))
    package(out('broken-xml.xlsx'), '<row r="1"><c r="A1"><v>1</v></row>')
    package(out('bomb.xlsx'), '<row r="1"><c r="A1"><v>1</v></c></row>' + ' ' * (20 << 20))
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">'
              + ''.join(f'<!ENTITY lol{i} "' + f'&lol{i - 1 if i > 1 else ""};' * 10 + '">'
                        for i in range(1, 10)).replace('&lol0;', '&lol;') +
              ']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
              '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>')
    package(out('billion-laughs.xlsx'), '', extra_parts={'xl/worksheets/sheet1.xml': laughs})
    with open(out('not-a-zip.xlsx'), 'w') as f:
        f.write('序号,项目\n1,医疗救助\n')
    data = open(out('basic.xlsx'), 'rb').read()
    with open(out('truncated.xlsx'), 'wb') as f:
        f.write(data[:len(data) // 2])


if __name__ == '__main__':
    main()
