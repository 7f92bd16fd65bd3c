#!/usr/bin/env python3
"""Reads OpenDocument spreadsheets with odfpy (Debian's python3-odf) and prints, as JSON, what a test checks: each
sheet's name, its columns' widths and every row's cells (value type, value, text shown, any formula, any link), after
expanding repeated rows and columns. Usage: read_ods.py FILE.ods... (one JSON document per file, one a line)."""
import json
import sys

from odf import teletype
from odf.opendocument import load
from odf.style import Style, TableColumnProperties
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import A

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
XLINK = "http://www.w3.org/1999/xlink"


def attr(element, ns, name):
    return element.attributes.get((ns, name))


def read(path):
    doc = load(path)
    widths = {}
    for style in doc.automaticstyles.getElementsByType(Style):
        for props in style.getElementsByType(TableColumnProperties):
            widths[style.getAttribute("name")] = props.getAttribute("columnwidth")
    sheets = []
    for table in doc.spreadsheet.getElementsByType(Table):
        columns = []
        for column in table.getElementsByType(TableColumn):
            repeat = int(attr(column, TABLE, "number-columns-repeated") or 1)
            columns += [widths.get(attr(column, TABLE, "style-name"))] * repeat
        rows = []
        for row in table.getElementsByType(TableRow):
            cells = []
            for cell in row.getElementsByType(TableCell):
                links = [attr(a, XLINK, "href") for a in cell.getElementsByType(A)]
                value = {
                    "type": attr(cell, OFFICE, "value-type"),
                    "value": attr(cell, OFFICE, "value"),
                    "text": teletype.extractText(cell),
                    "formula": attr(cell, TABLE, "formula"),
                    "link": links[0] if links else None,
                    "merged": attr(cell, TABLE, "number-columns-spanned") is not None or attr(cell, TABLE, "number-rows-spanned") is not None,
                }
                cells += [value] * int(attr(cell, TABLE, "number-columns-repeated") or 1)
            rows += [cells] * int(attr(row, TABLE, "number-rows-repeated") or 1)
        sheets.append({"name": table.getAttribute("name"), "columns": columns, "rows": rows})
    return {"file": path, "sheets": sheets}


for path in sys.argv[1:]:
    print(json.dumps(read(path)))
