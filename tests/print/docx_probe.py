"""Read a .docx with python-docx, as a consumer would, and print what the tests check as JSON."""
import json
import sys

import docx
from docx.oxml.ns import qn

document = docx.Document(sys.argv[1])
styles = document.styles.element
defaults = styles.find(qn("w:docDefaults"))
rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
lang = rpr.find(qn("w:lang"))
fonts = rpr.find(qn("w:rFonts"))
section = document.sections[0]
print(json.dumps({
    "paragraphs": [
        {
            "style": p.style.name,
            "text": p.text,
            "numbered": p._p.pPr is not None and p._p.pPr.numPr is not None,
        }
        for p in document.paragraphs
    ],
    "tables": [[[c.text for c in row.cells] for row in t.rows] for t in document.tables],
    "lang": lang.get(qn("w:val")) if lang is not None else None,
    "font": fonts.get(qn("w:ascii")) if fonts is not None else None,
    "header": [p.text for p in section.header.paragraphs],
    "footer": [p.text for p in section.footer.paragraphs],
    "page_width_mm": round(section.page_width.mm),
}, ensure_ascii=False))
