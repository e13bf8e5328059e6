#!/usr/bin/env python3
"""Prints one XML part of a DOCX/XLSX package, normalised (one element per line, attributes
sorted) so golden tests compare structure and text, not zip bytes. Usage: ooxml_part.py FILE PART"""
import sys
import zipfile
import xml.dom.minidom

data = zipfile.ZipFile(sys.argv[1]).read(sys.argv[2])
pretty = xml.dom.minidom.parseString(data).toprettyxml(indent=" ")
sys.stdout.write("\n".join(line for line in pretty.splitlines() if line.strip()) + "\n")
