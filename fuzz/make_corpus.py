#!/usr/bin/env python3
"""Writes the seed corpus of fuzz/corpus/<target>/ (run once; the files are committed).

Small valid inputs of every kind each parser reads, and the hostile ones its limits are for,
each under 20 KB. The XLSX file written by Taawun itself is copied from
build/sample-import.xlsx when present (`build/debug/taawun sample-import build/sample-import.xlsx --rows 5
--database sqlite:build/sample.db`). Usage: python3 fuzz/make_corpus.py
"""
import io
import os
import zipfile
import zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")


def write(target, name, data):
    folder = os.path.join(ROOT, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    assert len(data) < 20_000, (target, name, len(data))
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


# ---------------------------------------------------------------- CSV
BOM = "\ufeff"
write("csv_fuzz", "simple.csv", "latin_name,sex,birth_date,nationality\r\nAmina Diallo,female,1990-04-01,SN\r\n"
      "Jean Dupont,male,1985-12-31,FR\r\n")
write("csv_fuzz", "quoted.csv", 'name,note,amount\n"Diallo, Amina","said ""yes""\non two lines",12\n'
      '"",  spaced  ,-5\n\n\nlast,,\n')
write("csv_fuzz", "bom-arabic.csv", BOM + "latin_name,arabic_name,country\r\nMohamed Ben Ali,محمد بن علي,TN\r\n"
      "Fatima Zahra,فاطمة الزهراء,MA\r\nÉlodie Müller,,CH\r\n")
write("csv_fuzz", "guarded.csv", BOM + "name,amount,formula\r\n'=HYPERLINK(\"x\"),'-12,'+1\r\n"
      "'@SUM(A1),-250.5,'\tx\r\n")
write("csv_fuzz", "beyond-header.csv", "a,b\n1,2,3\n")
write("csv_fuzz", "unterminated-quote.csv", 'a,b\n"never closed,1\n')
write("csv_fuzz", "not-utf8.csv", b"name\n\xff\xfe caf\xe9\n")
write("csv_fuzz", "wide-header.csv", ",".join(f"c{i}" for i in range(101)) + "\n")
write("csv_fuzz", "empty.csv", "")
write("csv_fuzz", "blank-lines.csv", "\n\r\n\n")
write("csv_fuzz", "nul-and-controls.csv", b"a,b\n\x00x,\x1f\x7f\n")
write("csv_fuzz", "sample-import.csv", BOM + "person_id,latin_name,arabic_name,sex,birth_date,nationality,country,category,position,email,"
             "phone,passport_number,passport_expiry,note,new_person\r\n"
             ",Mariam Bababa,مريم بابا,female,1981-02-26,AO,,technician,Cadre,mariam.bababa@example.org,,AO0522091,"
             "2031-06-15,,\r\n,Mamadou Bayebo,,male,1999-04-14,AO,,technician,Cadre,mamadou.bayebo@example.org,,"
             "AO5896218,2031-06-15,,yes\r\n")


# ---------------------------------------------------------------- XLSX
CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.'
                 'org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.'
            'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Feuil1" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.'
        'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.'
              'org/spreadsheetml/2006/main"><sheetData>')
SHEET_TAIL = "</sheetData></worksheet>"
SHARED = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/'
          'spreadsheetml/2006/main" count="5" uniqueCount="5"><si><t>latin_name</t></si><si><t>arabic_name</t></si>'
          '<si><t xml:space="preserve">  Amina Diallo </t></si><si><r><t>محمد</t></r><r><rPr><b/></rPr><t> بن علي</t>'
          '</r></si><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si></sst>')
SHEET = (SHEET_HEAD + '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr">'
         '<is><t>birth_date</t></is></c><c r="D1" t="str"><v>done</v></c></row>'
         '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c><c r="C2"><v>32874</v></c>'
         '<c r="D2" t="b"><v>1</v></c></row><row r="4"><c r="A4" t="s"><v>4</v></c><c r="C4"><v>-12.5</v></c></row>'
         '<row><c><v>7</v></c><c t="e"><v>#N/A</v></c></row>' + SHEET_TAIL)


def zip_of(parts, method=zipfile.ZIP_DEFLATED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = method
            z.writestr(info, data)
    return out.getvalue()


def xlsx(sheet, shared=None, method=zipfile.ZIP_DEFLATED, workbook=True):
    parts = [("[Content_Types].xml", CONTENT_TYPES)]
    if workbook:
        parts += [("xl/workbook.xml", WORKBOOK), ("xl/_rels/workbook.xml.rels", RELS)]
    if shared is not None:
        parts.append(("xl/sharedStrings.xml", shared))
    parts.append(("xl/worksheets/sheet1.xml", sheet))
    return zip_of(parts, method)


def parts(sheet, shared=None, workbook=None, rels=None):
    """The harness's second kind of input: the parts' XML separated by 0x01."""
    out = [sheet] + [p for p in (shared, workbook, rels) if p is not None]
    return "\x01".join(out)


write("xlsx_fuzz", "shared-and-inline.xlsx", xlsx(SHEET, SHARED))
write("xlsx_fuzz", "stored.xlsx", xlsx(SHEET, SHARED, zipfile.ZIP_STORED))
write("xlsx_fuzz", "no-workbook.xlsx", xlsx(SHEET_HEAD + '<row><c t="inlineStr"><is><t>a</t></is></c></row>'
                                              + SHEET_TAIL, workbook=False))
write("xlsx_fuzz", "parts-sheet.xml", parts(SHEET, SHARED, WORKBOOK, RELS))
write("xlsx_fuzz", "parts-sheet-only.xml", parts(SHEET_HEAD + '<row r="1"><c r="A1" t="inlineStr"><is><t>name</t>'
                                                 '</is></c><c r="C1" t="inlineStr"><is><t>note</t></is></c></row>'
                                                 '<row r="2"><c r="C2"><v>3</v></c><c r="A2"><v>x</v></c></row>'
                                                 + SHEET_TAIL))
# Hostile: entities (billion laughs), a document type, nesting, a long tag, a cell beyond the
# header, a missing shared string, a zip bomb (a few KB unpacking to megabytes), a lying size.
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
          '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&lol3;'
          '</t></is></c></row></sheetData></worksheet>')
write("xlsx_fuzz", "billion-laughs.xlsx", xlsx(LAUGHS))
write("xlsx_fuzz", "parts-billion-laughs.xml", parts(LAUGHS))
write("xlsx_fuzz", "parts-deep.xml", parts(SHEET_HEAD + "<a>" * 80 + "</a>" * 80 + SHEET_TAIL))
write("xlsx_fuzz", "parts-long-tag.xml", parts(SHEET_HEAD + '<row r="1" x="' + "y" * 8000 + '"></row>' + SHEET_TAIL))
write("xlsx_fuzz", "parts-beyond-header.xml", parts(SHEET_HEAD + '<row><c><v>a</v></c></row><row><c r="B2"><v>b</v>'
                                                    '</c></row>' + SHEET_TAIL))
write("xlsx_fuzz", "parts-missing-shared.xml", parts(SHEET_HEAD + '<row><c t="s"><v>9</v></c></row>' + SHEET_TAIL,
                                                     SHARED))
write("xlsx_fuzz", "parts-cdata-comment-pi.xml", parts(SHEET_HEAD + '<!-- c --><?pi x?><row><c t="inlineStr"><is><t>'
                                                       '<![CDATA[<b>&amp;</b>]]>&amp;&#x645;&#1587;</t></is></c></row>'
                                                       + SHEET_TAIL))
bomb = SHEET_HEAD + '<row r="1"><c r="A1" t="inlineStr"><is><t>' + " " * (8 << 20) + "x</t></is></c></row>" + SHEET_TAIL
write("xlsx_fuzz", "zip-bomb.xlsx", xlsx(bomb))
# (A file over the row limit is left to tests/unit/spreadsheet_test.cpp: 20,000 rows take a
# quarter of a second per run under the sanitizers, which the fuzzer would spend again and again.)
# A zip cut in the middle (no central directory), and one whose part says it is smaller than it is.
whole = xlsx(SHEET, None, zipfile.ZIP_STORED, workbook=False)
write("xlsx_fuzz", "truncated.xlsx", whole[: len(whole) // 2])
liar = bytearray(whole)
name = b"xl/worksheets/sheet1.xml"
for header in (b"PK\x03\x04", b"PK\x01\x02"):
    at = 0
    while (at := liar.find(header, at)) >= 0:
        size_at = at + (22 if header == b"PK\x03\x04" else 24)
        name_at = at + (30 if header == b"PK\x03\x04" else 46)
        if liar[name_at:name_at + len(name)] == name:
            liar[size_at:size_at + 4] = (10).to_bytes(4, "little")
        at += 4
write("xlsx_fuzz", "lying-size.xlsx", bytes(liar))
# Written by Taawun itself (libxlsxwriter), when a build is there to write it.
sample = os.path.join(ROOT, "..", "..", "build", "sample-import.xlsx")
if os.path.exists(sample):
    with open(sample, "rb") as f:
        write("xlsx_fuzz", "sample-import.xlsx", f.read())
write("xlsx_fuzz", "not-a-zip.xlsx", b"PK\x03\x04 this is not a zip")

# ---------------------------------------------------------------- JSON bodies
write("json_fuzz", "fields.json", '{"name":"Amina","note":null,"count":3,"active":true,"version":7,"confirmed":false,'
      '"tags":["a","b"],"ids":[1,2,3],"raw":[{}],"items":[{"label":"x","amount":-5},{"label":null}]}')
write("json_fuzz", "wrong-types.json", '{"name":1,"count":"3","active":"yes","version":null,"tags":[1,null],'
      '"ids":[1.5,"2",18446744073709551615],"items":[1,{"label":2,"amount":9223372036854775808,"x":0}],"unknown":{}}')
write("json_fuzz", "unicode.json", '{"name":"\\u0645\\u062d\\u0645\\u062f \\ud83d\\ude00","note":"ligne\\nsuivante",'
      '"tags":["é","محمد"]}')
write("json_fuzz", "controls.json", '{"name":"a\\u0000b","note":"\\u001f"}')
write("json_fuzz", "deep.json", '{"raw":' + "[" * 500 + "]" * 500 + "}")
write("json_fuzz", "not-object.json", "[1,2,3]")
write("json_fuzz", "numbers.json", '{"count":-9223372036854775808,"version":1e3,"ids":[0,-0,1E2]}')
write("json_fuzz", "broken.json", '{"name":"unterminated')
write("json_fuzz", "too-many.json", '{"tags":["a","b","c","d","e","f"],"items":[{},{},{},{},{}]}')
write("json_fuzz", "bad-utf8.json", b'{"name":"\xc3\x28"}')
write("json_fuzz", "duplicate-keys.json", '{"name":"a","name":"b"}')

# ---------------------------------------------------------------- request targets
write("query_fuzz", "list.txt", "/api/organisations?q=caf%C3%A9+au+lait&limit=20&offset=0&sort=-name&lang=ar")
write("query_fuzz", "arabic.txt", "/api/people?q=%D9%85%D8%AD%D9%85%D8%AF&nationality=sn")
write("query_fuzz", "malformed.txt", "/api/a%2/b%zz%?=&&==a&%&b=%4&c=%%41+&")
write("query_fuzz", "path-only.txt", "/verify/ABCD-2345%2F..%2F")
write("query_fuzz", "empty-parts.txt", "?&&&a&=b&c=")

# ---------------------------------------------------------------- documents
write("document_fuzz", "report.pdf", b"report.pdf\n%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
write("document_fuzz", "photo.png", b"Photo.PNG\n\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
write("document_fuzz", "photo.jpeg", b"C:\\fakepath\\photo.jpeg\n\xff\xd8\xff\xe0\x00\x10JFIF")
write("document_fuzz", "agreement.docx", b"agreement.docx\nPK\x03\x04\x14\x00")
write("document_fuzz", "budget.xls", b"budget.xls\n\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
write("document_fuzz", "notes.txt", "notes.txt\nListe des participants — قائمة المشاركين\n")
write("document_fuzz", "renamed.pdf", b"page.pdf\n<html><script>alert(1)</script>")
write("document_fuzz", "binary.csv", b"list.csv\nname\x00\xff")
write("document_fuzz", "no-extension.txt", b"README\nhello")
