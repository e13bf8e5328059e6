#!/usr/bin/env python3
"""Prints or compares the cell values of worksheets in .xlsx files (shared or inline strings,
numbers), ignoring styles and string storage. Usage: xlsx_cells.py A.xlsx B.xlsx SHEET_INDEX…
exits 1 (naming the first differing cell) when the sheets' values differ."""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def cells(path, index):
    z = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    root = ET.fromstring(z.read("xl/worksheets/sheet%d.xml" % index))
    out = {}
    for c in root.iter("{%s}c" % NS["m"]):
        kind, v = c.get("t"), c.find("m:v", NS)
        if kind == "s":
            out[c.get("r")] = shared[int(v.text)]
        elif kind == "inlineStr":
            out[c.get("r")] = "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
        elif v is not None:
            out[c.get("r")] = float(v.text)
    return out


def main():
    a, b = sys.argv[1], sys.argv[2]
    status = 0
    for index in map(int, sys.argv[3:]):
        x, y = cells(a, index), cells(b, index)
        keys = sorted(set(x) | set(y), key=lambda r: (int(re.sub(r"\D", "", r)), r))
        diff = [k for k in keys if x.get(k) != y.get(k)]
        if diff:
            k = diff[0]
            print("sheet%d: %d cells differ, first %s: %r vs %r" % (index, len(diff), k, x.get(k), y.get(k)))
            status = 1
        else:
            print("sheet%d: %d cells equal" % (index, len(x)))
    return status


sys.exit(main())
