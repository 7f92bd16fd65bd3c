#!/usr/bin/env bash
# Renders one sheet of an OpenDocument spreadsheet to PNG with LibreOffice, headless, for the documentation's pictures
# (docs/images/spreadsheet-*.png): a copy holding only that sheet, printed with its grid and row and column headings as
# Calc shows them on screen, exported to PDF and rasterised (poppler's pdftoppm), then trimmed (Pillow).
# Usage: scripts/ods-screenshot.sh WORKBOOK.ods SHEET OUT.png
# Needs libreoffice-calc-nogui, python3-odf, poppler-utils and python3-pil (apt-get install them).
set -euo pipefail
workbook=$1 sheet=$2 out=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 - "$workbook" "$sheet" "$work/sheet.ods" <<'PY'
import sys
from odf.opendocument import load
from odf.style import PageLayoutProperties
from odf.table import Table
doc = load(sys.argv[1])
for table in list(doc.spreadsheet.getElementsByType(Table)):
    if table.getAttribute("name") != sys.argv[2]:
        doc.spreadsheet.removeChild(table)
for props in doc.automaticstyles.getElementsByType(PageLayoutProperties) + doc.styles.getElementsByType(PageLayoutProperties):
    props.setAttribute("print", "headers grid objects charts drawings zero-values")
for props in doc.getElementsByType(PageLayoutProperties):
    props.setAttribute("print", "headers grid objects charts drawings zero-values")
doc.save(sys.argv[3])
PY
soffice "-env:UserInstallation=file://$work/profile" --headless --norestore --convert-to pdf --outdir "$work" "$work/sheet.ods" >/dev/null
pdftoppm -png -r 130 -f 1 -l 1 "$work/sheet.pdf" "$work/page"
/usr/bin/python3 - "$work"/page-*.png "$out" <<'PY'
import sys
from PIL import Image, ImageChops, ImageOps
page = Image.open(sys.argv[1]).convert("RGB")
box = ImageChops.difference(page, Image.new("RGB", page.size, "white")).getbbox()
ImageOps.expand(page.crop(box), border=12, fill="white").save(sys.argv[2])
PY
echo "wrote $out"
