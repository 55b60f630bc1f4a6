#!/usr/bin/python3
"""Writes libreoffice_like.xlsx: a workbook shaped like LibreOffice's and Excel's output
(shared strings with rich-text runs and a phonetic run, inline strings, prefixed XML
elements, custom and built-in date formats, skipped cells, a formatting-only row and a
second named sheet). Run it again after changing it: the .xlsx is committed."""
import sys
import zipfile

MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

content_types = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
</Types>"""
root_rels = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
workbook = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook {MAIN} {REL}><workbookPr date1904="false"/>
<sheets><sheet name="Contributions" sheetId="1" state="visible" r:id="rId3"/>
<sheet name="Engagements 2024" sheetId="2" state="visible" r:id="rId4"/></sheets></workbook>"""
workbook_rels = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""
# cellXfs: 0 General, 1 DD/MM/YYYY (custom 164), 2 built-in 14, 3 DD/MM/YYYY\ HH:MM (165),
# 4 HH:MM:SS (21), 5 a quoted "d" in a number format (166) — not a date, 6 [$-40C]D\ MMMM\ YYYY (167)
styles = f"""<?xml version="1.0" encoding="UTF-8"?>
<styleSheet {MAIN}><numFmts count="4"><numFmt numFmtId="164" formatCode="DD/MM/YYYY"/>
<numFmt numFmtId="165" formatCode="DD/MM/YYYY\\ HH:MM"/><numFmt numFmtId="166" formatCode="0.00&quot; d&quot;"/>
<numFmt numFmtId="167" formatCode="[$-40C]D\\ MMMM\\ YYYY"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="7"><xf numFmtId="0" xfId="0"/><xf numFmtId="164" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="14" xfId="0"/><xf numFmtId="165" xfId="0"/><xf numFmtId="21" xfId="0"/><xf numFmtId="166" xfId="0"/>
<xf numFmtId="167" xfId="0"/></cellXfs></styleSheet>"""
strings = ["external_id", "received_at", "title", "text", "quote", "count",
           None,  # 6: rich text, built below
           "Ligne 1_x000D_\nLigne 2", "Reste à faire", "ref", "title", "date"]
si = []
for s in strings:
    if s is None:
        si.append('<si><r><rPr><b val="true"/></rPr><t xml:space="preserve">Plus de </t></r>'
                  '<r><t>pistes cyclables</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>')
    else:
        si.append(f'<si><t xml:space="preserve">{s}</t></si>')
shared = f'<?xml version="1.0" encoding="UTF-8"?>\n<sst {MAIN} count="{len(si)}" uniqueCount="{len(si)}">' + \
    "".join(si) + "</sst>"
sheet1 = f"""<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c>
<x:c r="D1" t="s"><x:v>3</x:v></x:c><x:c r="E1" t="s"><x:v>4</x:v></x:c><x:c r="F1" t="s"><x:v>5</x:v></x:c><x:c r="G1" s="1"/></x:row>
<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>P-001</x:t></x:is></x:c><x:c r="B2" s="1"><x:v>45292</x:v></x:c>
<x:c r="C2" t="s"><x:v>6</x:v></x:c><x:c r="D2" t="s"><x:v>7</x:v></x:c><x:c r="E2" t="b"><x:v>1</x:v></x:c>
<x:c r="F2"><x:v>42</x:v></x:c></x:row>
<x:row r="3" spans="1:6"><x:c r="A3" s="1"/><x:c r="B3" s="1"/></x:row>
<x:row r="5"><x:c r="A5" t="str"><x:f>CONCAT("P-","002")</x:f><x:v>P-002</x:v></x:c>
<x:c r="B5" s="3"><x:v>45306.6041666667</x:v></x:c><x:c r="E5" t="b"><x:v>0</x:v></x:c><x:c r="F5"><x:v>0.1</x:v></x:c></x:row>
<x:row r="6"><x:c r="A6" t="inlineStr"><x:is><x:r><x:t>P-</x:t></x:r><x:r><x:t>003</x:t></x:r></x:is></x:c>
<x:c r="B6" s="2"><x:v>59</x:v></x:c><x:c r="D6" t="e"><x:v>#N/A</x:v></x:c><x:c r="F6" s="5"><x:v>-3.5</x:v></x:c></x:row>
</x:sheetData></x:worksheet>"""
sheet2 = f"""<?xml version="1.0" encoding="UTF-8"?>
<worksheet {MAIN}><sheetData>
<row r="2"><c r="B2" t="s"><v>9</v></c><c r="C2" t="s"><v>10</v></c><c r="D2" t="s"><v>11</v></c></row>
<row r="3"><c r="B3" t="inlineStr"><is><t>E-01</t></is></c><c r="C3" t="s"><v>8</v></c><c r="D3" s="6"><v>45658</v></c></row>
<row r="4"><c r="B4" t="inlineStr"><is><t>E-02</t></is></c><c r="D4" s="4"><v>0.75</v></c></row>
</sheetData></worksheet>"""

out = sys.argv[1] if len(sys.argv) > 1 else "libreoffice_like.xlsx"
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", content_types)
    z.writestr("_rels/.rels", root_rels)
    z.writestr("xl/workbook.xml", workbook)
    z.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
    z.writestr("xl/styles.xml", styles)
    z.writestr("xl/sharedStrings.xml", shared)
    z.writestr("xl/worksheets/sheet1.xml", sheet1)
    z.writestr("xl/worksheets/sheet2.xml", sheet2)
