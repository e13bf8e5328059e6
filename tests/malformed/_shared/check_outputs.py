#!/usr/bin/env python3
"""Loads every output under DIR the way a user's programs would and fails on any that need repair.

usage: check_outputs.py DIR [--expect NAME]... [--absent TEXT]... [--present TEXT]...
  .docx  python-docx opens it; every XML part parses (expat) and has no DTD
  .xlsx  openpyxl opens it; every XML part parses
  .html  UTF-8, parses (html.parser), no XML-invalid character
  .md    UTF-8, no XML-invalid character
--expect NAME   DIR/NAME must exist;  --absent TEXT  no output contains TEXT (raw, unescaped);
--present TEXT  some output contains TEXT (in its text after unzipping).
"""
import html.parser
import os
import re
import sys
import xml.dom.minidom
import zipfile

INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def fail(message):
    print("check_outputs:", message)
    sys.exit(1)


def texts_of(path):
    """The decoded text of a file, or of each XML part of a zip package."""
    if path.endswith((".docx", ".xlsx")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                data = z.read(name)
                if name.endswith((".xml", ".rels")):
                    try:
                        xml.dom.minidom.parseString(data)
                    except Exception as e:  # noqa: BLE001 — any parse failure is the finding
                        fail(f"{path}:{name} is not well-formed XML: {e}")
                    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
                        fail(f"{path}:{name} carries a DTD")
                    yield data.decode("utf-8")
    else:
        with open(path, "rb") as f:
            data = f.read()
        try:
            yield data.decode("utf-8")
        except UnicodeDecodeError as e:
            fail(f"{path} is not UTF-8: {e}")


def main():
    args = sys.argv[1:]
    if not args:
        fail("usage: check_outputs.py DIR [--expect NAME] [--absent TEXT] [--present TEXT]")
    root, expects, absents, presents = args[0], [], [], []
    i = 1
    while i < len(args):
        {"--expect": expects, "--absent": absents, "--present": presents}[args[i]].append(args[i + 1])
        i += 2
    for name in expects:
        if not os.path.isfile(os.path.join(root, name)):
            fail(f"missing output {name}")
    corpus = []
    for dirpath, _, files in os.walk(root):
        for f in files:
            path = os.path.join(dirpath, f)
            for text in texts_of(path):
                if INVALID_XML.search(text):
                    fail(f"{path} holds a character XML forbids")
                if f.endswith(".md"):  # \< is Markdown's escaped, literal "<"
                    text = text.replace("\\<", "&lt;")
                corpus.append(text)
            if f.endswith(".docx"):
                import docx  # python3-docx

                docx.Document(path)
            elif f.endswith(".xlsx"):
                import openpyxl  # python3-openpyxl

                openpyxl.load_workbook(path)
            elif f.endswith(".html"):
                html.parser.HTMLParser().feed(open(path, encoding="utf-8").read())
    everything = "\n".join(corpus)
    for text in absents:
        if text in everything:
            fail(f"an output contains {text!r}")
    for text in presents:
        if text not in everything:
            fail(f"no output contains {text!r}")


if __name__ == "__main__":
    main()
