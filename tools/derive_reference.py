#!/usr/bin/env python3
"""Derive Taawun's reference data files from the shared data snapshot.

Writes, under reference/ in the repository:
  countries.csv   ISO 3166-1 countries with UN M49 regions and LDC/LLDC/SIDS/AU flags
  currencies.csv  ISO 4217 currencies (funds, metals, bond units and test codes excluded)
  codelists.csv   IATI 2.03 codelists used by the application, English and French names
  SOURCES.md      provenance, licences as stated in the shared data, row counts, gaps

Usage:
  python3 tools/derive_reference.py [DATA_DIR] [--out DIR] [--check]

DATA_DIR defaults to ../shared/data relative to the repository root. --check
regenerates everything in memory and exits 1 if a file on disk differs.
Python 3 standard library only; the output is deterministic (no dates, sorted
or source-ordered rows, "\\n" line endings, UTF-8 without BOM).
"""

import argparse
import csv
import hashlib
import io
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")

COUNTRY_HEADER = ["alpha2", "alpha3", "numeric", "name_fr", "name_en", "name_ar",
                  "region_m49", "region_fr", "region_en", "region_ar",
                  "subregion_m49", "subregion_fr", "subregion_en", "subregion_ar",
                  "ldc", "lldc", "sids", "african_union"]
CURRENCY_HEADER = ["code", "numeric", "name_fr", "name_en", "name_ar"]
CODELIST_HEADER = ["codelist", "code", "category", "name_fr", "name_en", "status"]

# Entries of the ISO 4217 list that are not currencies a payment can be made in.
CURRENCY_EXCLUSIONS = {
    "BOV": "fund code (Bolivian Mvdol)",
    "CHE": "fund code (WIR Euro)",
    "CHW": "fund code (WIR Franc)",
    "CLF": "fund code (Chilean Unidad de Fomento)",
    "COU": "fund code (Colombian Unidad de Valor Real)",
    "MXV": "fund code (Mexican Unidad de Inversion)",
    "USN": "fund code (US Dollar next day)",
    "UYI": "fund code (Uruguay Peso en Unidades Indexadas)",
    "UYW": "fund code (Uruguayan Unidad Previsional)",
    "XAG": "precious metal (silver)",
    "XAU": "precious metal (gold)",
    "XPD": "precious metal (palladium)",
    "XPT": "precious metal (platinum)",
    "XBA": "bond market unit (EURCO)",
    "XBB": "bond market unit (E.M.U.-6)",
    "XBC": "bond market unit (E.U.A.-9)",
    "XBD": "bond market unit (E.U.A.-17)",
    "XTS": "code reserved for testing",
    "XXX": "no currency involved",
}

# (output name, folder under iati/codelists, IATI codelist file name, category rule)
# category rule: "xml" = the item's <category> element; "sdg" = goal number taken
# from the target code (checked against the translated CSV's category column).
CODELISTS = [
    ("Sector", "nonembedded", "Sector", "xml"),
    ("SectorCategory", "nonembedded", "SectorCategory", "xml"),
    ("AidType", "nonembedded", "AidType", "xml"),
    ("AidTypeCategory", "nonembedded", "AidType-category", "xml"),
    ("OrganisationType", "nonembedded", "OrganisationType", "xml"),
    ("OrganisationRole", "embedded", "OrganisationRole", "xml"),
    ("CollaborationType", "nonembedded", "CollaborationType", "xml"),
    ("FlowType", "nonembedded", "FlowType", "xml"),
    ("FinanceType", "nonembedded", "FinanceType", "xml"),
    ("ActivityStatus", "embedded", "ActivityStatus", "xml"),
    ("SDGGoal", "nonembedded", "UNSDG-Goals", "xml"),
    ("SDGTarget", "nonembedded", "UNSDG-Targets", "sdg"),
]
# Category references that must resolve within the output.
CATEGORY_PARENTS = {"Sector": "SectorCategory", "AidType": "AidTypeCategory", "SDGTarget": "SDGGoal"}


class SourceError(Exception):
    pass


def fail(message):
    raise SourceError(message)


class Sources:
    """Keeps track of every source file read, for SOURCES.md."""

    def __init__(self, data_dir):
        self.data_dir = data_dir
        self.used = {}

    def path(self, rel):
        full = os.path.join(self.data_dir, rel)
        if not os.path.isfile(full):
            fail(f"missing source file: {full}")
        return full

    def read_bytes(self, rel):
        with open(self.path(rel), "rb") as handle:
            data = handle.read()
        self.used[rel] = hashlib.sha256(data).hexdigest()
        return data

    def text(self, rel):
        return self.read_bytes(rel).decode("utf-8-sig")

    def csv_rows(self, rel, required, delimiter=","):
        rows = list(csv.DictReader(io.StringIO(self.text(rel), newline=""), delimiter=delimiter))
        if not rows:
            fail(f"source file has no rows: {rel}")
        missing = [c for c in required if c not in rows[0]]
        if missing:
            fail(f"source file {rel} lacks columns {missing}")
        return rows

    def xml(self, rel):
        try:
            return ET.fromstring(self.read_bytes(rel))
        except ET.ParseError as error:
            fail(f"cannot parse {rel}: {error}")

    def display(self, rel):
        return os.path.relpath(os.path.join(self.data_dir, rel), REPO_ROOT).replace(os.sep, "/")


def clean(text):
    """Collapse runs of whitespace (including no-break spaces) and trim."""
    return " ".join((text or "").split())


def to_csv(header, rows):
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row[c] for c in header])
    return buffer.getvalue()


def flag(value):
    return "1" if value else "0"


# --------------------------------------------------------------------------- countries

def derive_countries(src, notes):
    iso = src.csv_rows("reference/iso3166-1_en_fr_ar.csv",
                       ["alpha_2", "alpha_3", "numeric", "name_en", "name_fr", "name_ar"])
    m49_columns = ["Region Code", "Region Name", "Sub-region Code", "Sub-region Name", "Country or Area",
                   "M49 Code", "ISO-alpha2 Code", "ISO-alpha3 Code", "Least Developed Countries (LDC)",
                   "Land Locked Developing Countries (LLDC)", "Small Island Developing States (SIDS)"]
    m49 = {}
    for lang in ("en", "fr", "ar"):
        table = {}
        for row in src.csv_rows(f"reference/country-codes/UNSD-{lang}.csv", m49_columns):
            table[row["ISO-alpha2 Code"]] = row
        m49[lang] = table
    ldc_rows = src.csv_rows("reference/derived_un_ldc_list.csv", ["iso2", "note"])
    au_rows = src.csv_rows("reference/derived_african_union_members.csv", ["iso2", "basis"])

    # One name per M49 code and language: the most frequent spelling in the table
    # (UNSD files spell a few codes differently on single rows, e.g. 030 for TW).
    def canonical_names(code_col, name_col):
        names = {}
        for lang, table in m49.items():
            counts = {}
            for row in table.values():
                if row[code_col]:
                    counts.setdefault(row[code_col], Counter())[clean(row[name_col])] += 1
            for code, counter in counts.items():
                best = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
                names[(code, lang)] = best[0][0]
                for other, n in best[1:]:
                    notes["countries"].append(
                        f"UN M49 {lang} file names {code_col.lower()} {code} \"{other}\" on {n} row(s); "
                        f"the majority spelling \"{best[0][0]}\" is used.")
        return names

    region_names = canonical_names("Region Code", "Region Name")
    subregion_names = canonical_names("Sub-region Code", "Sub-region Name")

    ldc = set()
    for row in ldc_rows:
        if row["note"].strip().lower().startswith("graduated"):
            notes["countries"].append(
                f"LDC: {row['iso2']} is in derived_un_ldc_list.csv but its note says "
                f"\"{clean(row['note'])}\"; ldc=0.")
        else:
            ldc.add(row["iso2"])
    au = {row["iso2"] for row in au_rows}

    countries = []
    seen = set()
    for row in sorted(iso, key=lambda r: r["alpha_2"]):
        a2 = row["alpha_2"].strip()
        if not re.fullmatch(r"[A-Z]{2}", a2) or a2 in seen:
            fail(f"bad or duplicate ISO alpha-2 code {a2!r}")
        seen.add(a2)
        numeric = row["numeric"].strip()
        if not numeric.isdigit() or len(numeric) > 3:
            fail(f"bad ISO numeric code {numeric!r} for {a2}")
        numeric = numeric.zfill(3)
        un = {lang: m49[lang].get(a2) for lang in m49}
        if not all(un.values()):
            fail(f"{a2} is missing from one of the UN M49 tables")
        if un["en"]["ISO-alpha3 Code"] != row["alpha_3"] or un["en"]["M49 Code"].zfill(3) != numeric:
            fail(f"{a2}: ISO alpha-3/numeric differ between ISO and UN M49 tables")
        for col in ("Region Code", "Sub-region Code", "Least Developed Countries (LDC)",
                    "Land Locked Developing Countries (LLDC)", "Small Island Developing States (SIDS)"):
            if not un["en"][col] == un["fr"][col] == un["ar"][col]:
                fail(f"{a2}: column {col} differs between UN M49 language files")

        names = {"en": clean(row["name_en"]), "fr": clean(row["name_fr"]), "ar": clean(row["name_ar"])}
        for lang in ("en", "fr", "ar"):
            missing = not names[lang] or (lang == "ar" and not ARABIC.search(names[lang]))
            if missing:
                fill = clean(un[lang]["Country or Area"])
                if not fill or (lang == "ar" and not ARABIC.search(fill)):
                    fail(f"{a2}: no {lang} name in ISO or UN M49 sources")
                notes["countries"].append(
                    f"{a2}: ISO name_{lang} is \"{names[lang]}\" (no translation in iso-codes); "
                    f"filled from UN M49 {lang} table: \"{fill}\".")
                names[lang] = fill

        region = un["en"]["Region Code"]
        sub = un["en"]["Sub-region Code"]
        countries.append({
            "alpha2": a2, "alpha3": row["alpha_3"].strip(), "numeric": numeric,
            "name_fr": names["fr"], "name_en": names["en"], "name_ar": names["ar"],
            "region_m49": region,
            "region_fr": region_names[(region, "fr")] if region else "",
            "region_en": region_names[(region, "en")] if region else "",
            "region_ar": region_names[(region, "ar")] if region else "",
            "subregion_m49": sub,
            "subregion_fr": subregion_names[(sub, "fr")] if sub else "",
            "subregion_en": subregion_names[(sub, "en")] if sub else "",
            "subregion_ar": subregion_names[(sub, "ar")] if sub else "",
            "ldc": flag(a2 in ldc),
            "lldc": flag(un["en"]["Land Locked Developing Countries (LLDC)"].strip()),
            "sids": flag(un["en"]["Small Island Developing States (SIDS)"].strip()),
            "african_union": flag(a2 in au),
        })
        if not region:
            notes["countries"].append(f"{a2} ({names['en']}): UN M49 gives no region or sub-region; left empty.")

    unknown = (ldc | au) - seen
    if unknown:
        fail(f"LDC/AU lists name codes that are not ISO 3166-1 countries: {sorted(unknown)}")
    m49_ldc = {a2 for a2, r in m49["en"].items() if r["Least Developed Countries (LDC)"].strip()}
    graduated = {row["iso2"] for row in ldc_rows} - ldc
    for a2 in sorted((m49_ldc ^ ldc) - graduated):
        notes["countries"].append(
            f"LDC: {a2} is {'flagged' if a2 in m49_ldc else 'not flagged'} in the UN M49 table but "
            f"ldc={'1' if a2 in ldc else '0'} here (derived_un_ldc_list.csv is authoritative).")
    return countries


# --------------------------------------------------------------------------- currencies

def derive_currencies(src, notes):
    rows = src.csv_rows("reference/iso4217_en_fr_ar.csv", ["alpha_3", "numeric", "name_en", "name_fr", "name_ar"])
    currencies, excluded, seen = [], [], set()
    for row in sorted(rows, key=lambda r: r["alpha_3"]):
        code = row["alpha_3"].strip()
        if not re.fullmatch(r"[A-Z]{3}", code) or code in seen:
            fail(f"bad or duplicate ISO 4217 code {code!r}")
        seen.add(code)
        if code in CURRENCY_EXCLUSIONS:
            excluded.append((code, clean(row["name_en"]), CURRENCY_EXCLUSIONS[code]))
            continue
        numeric = row["numeric"].strip()
        if not numeric.isdigit() or len(numeric) > 3:
            fail(f"bad ISO 4217 numeric code {numeric!r} for {code}")
        entry = {"code": code, "numeric": numeric.zfill(3), "name_fr": clean(row["name_fr"]),
                 "name_en": clean(row["name_en"]), "name_ar": clean(row["name_ar"])}
        if not entry["name_en"]:
            fail(f"currency {code} has no English name")
        currencies.append(entry)
    absent = sorted(set(CURRENCY_EXCLUSIONS) - seen)
    if absent:
        notes["currencies"].append(f"Exclusion list codes absent from the source: {', '.join(absent)}.")
    untranslated_fr = [c["code"] for c in currencies if c["name_fr"] == c["name_en"]]
    untranslated_ar = [c["code"] for c in currencies if not ARABIC.search(c["name_ar"])]
    return currencies, excluded, untranslated_fr, untranslated_ar


# --------------------------------------------------------------------------- codelists

def narratives(element, path):
    """English and French narratives of element/path (English = no xml:lang or 'en')."""
    en = fr = ""
    for narrative in element.findall(path + "/narrative"):
        lang = narrative.get(XML_LANG, "en")
        if lang == "en" and not en:
            en = clean(narrative.text)
        elif lang == "fr" and not fr:
            fr = clean(narrative.text)
    return en, fr


def derive_codelists(src, notes):
    out, stats = [], []
    for name, folder, iati_name, category_rule in CODELISTS:
        xml_rel = f"iati/codelists/{folder}/xml/{iati_name}.xml"
        root = src.xml(xml_rel)
        if root.tag != "codelist" or root.get("name") != iati_name:
            fail(f"{xml_rel} is not the {iati_name} codelist")
        fr_rows = src.csv_rows(f"iati/codelists/translated/csv/fr/{iati_name}.csv", ["code", "name"])
        en_rows = src.csv_rows(f"iati/codelists/translated/csv/en/{iati_name}.csv", ["code", "name"])
        fr_csv = {r["code"].strip(): r for r in fr_rows}
        en_csv = {r["code"].strip(): r for r in en_rows}

        items = root.findall("codelist-items/codelist-item")
        if not items:
            fail(f"{xml_rel} has no codelist items")
        counts = Counter()
        seen = set()
        for item in items:
            code = clean(item.findtext("code"))
            if not code or code in seen:
                fail(f"{xml_rel}: empty or duplicate code {code!r}")
            seen.add(code)
            status = item.get("status", "active")
            if status not in ("active", "withdrawn"):
                fail(f"{xml_rel}: code {code} has unknown status {status!r}")
            name_en, name_fr = narratives(item, "name")
            if not name_en:
                fail(f"{xml_rel}: code {code} has no English name")

            fr_source = "xml"
            if not name_fr:
                fr_source = ""
                candidate = clean(fr_csv.get(code, {}).get("name"))
                english_there = clean(en_csv.get(code, {}).get("name"))
                if candidate and english_there == name_en:
                    name_fr, fr_source = candidate, "csv"
                elif candidate:
                    notes["codelists"].append(
                        f"{name} {code}: French name in translated CSV not used because its English "
                        f"name there (\"{english_there}\") differs from the 2.03 codelist (\"{name_en}\").")
            elif code in fr_csv and clean(fr_csv[code]["name"]) != name_fr:
                notes["codelists"].append(
                    f"{name} {code}: French name differs between the codelist XML (used: \"{name_fr}\") "
                    f"and the translated CSV (\"{clean(fr_csv[code]['name'])}\").")

            if category_rule == "sdg":
                category = code.split(".")[0]
                given = clean(fr_csv.get(code, {}).get("category"))
                if given and given != category:
                    fail(f"{name} {code}: goal {category} differs from translated CSV category {given}")
            else:
                category = clean(item.findtext("category"))

            counts[status] += 1
            counts["fr_" + (fr_source or "none")] += 1
            out.append({"codelist": name, "code": code, "category": category,
                        "name_fr": name_fr, "name_en": name_en, "status": status})

        newer = [c for c in fr_csv if c not in seen]
        if newer:
            notes["codelists"].append(
                f"{name}: codes in the translated CSV (newer codelist version) but not in the IATI 2.03 "
                f"XML, not included: {', '.join(newer)}.")
        stats.append({"codelist": name, "source": xml_rel, "total": len(items),
                      "url": clean(root.findtext("metadata/url")),
                      "active": counts["active"], "withdrawn": counts["withdrawn"],
                      "fr_xml": counts["fr_xml"], "fr_csv": counts["fr_csv"], "fr_none": counts["fr_none"]})

    codes = {}
    for row in out:
        codes.setdefault(row["codelist"], set()).add(row["code"])
    # A category that is a code of the same list (AidType B021 -> B02) is followed up
    # to the parent's own category so that it names a code of the parent codelist.
    by_key = {(row["codelist"], row["code"]): row for row in out}
    for row in out:
        parent = CATEGORY_PARENTS.get(row["codelist"])
        original, category, hops = row["category"], row["category"], 0
        while parent and category not in codes[parent] and (row["codelist"], category) in by_key and hops < 5:
            category, hops = by_key[(row["codelist"], category)]["category"], hops + 1
        if category != original:
            notes["codelists"].append(
                f"{row['codelist']} {row['code']}: source category {original} is itself a code of "
                f"{row['codelist']}; that code's category {category} is used.")
            row["category"] = category
    for row in out:
        parent = CATEGORY_PARENTS.get(row["codelist"])
        if parent and row["category"] not in codes[parent]:
            fail(f"{row['codelist']} {row['code']}: category {row['category']!r} not in {parent}")
        if row["codelist"] == "Sector" and row["category"] != row["code"][:3]:
            fail(f"Sector {row['code']}: category {row['category']} is not its 3-digit prefix")
    return out, stats


# --------------------------------------------------------------------------- SOURCES.md

def paragraphs_until_copyright(text):
    """Leading paragraphs of a licence file, up to and including the copyright line."""
    kept = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        kept.append(paragraph.strip())
        if "copyright" in paragraph.lower():
            break
    return "\n\n".join(kept)


def quote(text):
    return "\n".join("> " + line if line.strip() else ">" for line in text.strip().splitlines())


def source_lines(src, prefixes):
    """Lines of reference/SOURCES.txt that describe the given files."""
    lines = src.text("reference/SOURCES.txt").splitlines()
    picked = [l for l in lines if any(l.startswith(p) for p in prefixes)]
    if not picked:
        fail(f"reference/SOURCES.txt has no line for {prefixes}")
    return "\n".join(picked)


def file_list(src, rels):
    return "\n".join(f"- `{src.display(rel)}` (sha256 `{src.used[rel][:16]}…`)" for rel in rels)


def render_sources(src, data):
    countries, currencies, codelists = data["countries"], data["currencies"], data["codelists"]
    notes = data["notes"]
    country_files = ["reference/iso3166-1_en_fr_ar.csv", "reference/country-codes/UNSD-en.csv",
                     "reference/country-codes/UNSD-fr.csv", "reference/country-codes/UNSD-ar.csv",
                     "reference/derived_un_ldc_list.csv", "reference/derived_african_union_members.csv"]
    iati_files = []
    for _, folder, iati_name, _ in CODELISTS:
        iati_files += [f"iati/codelists/{folder}/xml/{iati_name}.xml",
                       f"iati/codelists/translated/csv/en/{iati_name}.csv",
                       f"iati/codelists/translated/csv/fr/{iati_name}.csv"]
    # Provenance and licence statements, quoted from the shared data itself.
    ref_sources = {key: source_lines(src, [key]) for key in
                   ("iso3166-1_en_fr_ar.csv", "iso4217_en_fr_ar.csv", "datasets-country-codes/",
                    "derived_un_ldc_list.csv", "derived_african_union_members.csv")}
    cc_source = src.text("reference/country-codes/SOURCE.txt").strip()
    iati_source = src.text("iati/codelists/SOURCE.txt").strip()
    embedded_licence = paragraphs_until_copyright(src.text("iati/codelists/embedded/LICENSE"))
    nonembedded_licence = paragraphs_until_copyright(src.text("iati/codelists/nonembedded/LICENSE"))
    translated_source = src.text("iati/codelists/translated/SOURCE.txt").strip()
    translated_licence = paragraphs_until_copyright(src.text("iati/codelists/translated/LICENSE"))
    meta_files = ["reference/SOURCES.txt", "reference/country-codes/SOURCE.txt", "iati/codelists/SOURCE.txt",
                  "iati/codelists/embedded/LICENSE", "iati/codelists/nonembedded/LICENSE",
                  "iati/codelists/translated/SOURCE.txt", "iati/codelists/translated/LICENSE"]
    datapackage_present = os.path.isfile(os.path.join(src.data_dir, "reference/country-codes/datapackage.yml"))

    def count(rows, key):
        return sum(1 for r in rows if r[key] == "1")

    regions = Counter(r["region_en"] or "(none)" for r in countries)
    out = []
    w = out.append
    w("# Reference data sources\n")
    w("Generated by `python3 tools/derive_reference.py` (Python 3 standard library only) from the shared "
      "data snapshot at `../shared/data` (pass another directory as the first argument). Do not edit the "
      "files in `reference/` by hand: change the script and run it again. "
      "`python3 tools/derive_reference.py --check` exits 1 when a file is out of date.\n")
    w("All CSV files are UTF-8 without BOM, RFC 4180, comma separated, `\\n` line endings, with a header row. "
      "Text fields have runs of whitespace (including no-break spaces) collapsed to one space and are trimmed.\n")
    w("| file | rows |\n| --- | --- |")
    w(f"| `reference/countries.csv` | {len(countries)} |")
    w(f"| `reference/currencies.csv` | {len(currencies)} |")
    w(f"| `reference/codelists.csv` | {len(codelists)} |\n")

    # countries
    w("## reference/countries.csv\n")
    w(f"{len(countries)} rows: the ISO 3166-1 countries and territories, sorted by alpha-2 code. "
      f"ldc=1: {count(countries, 'ldc')}, lldc=1: {count(countries, 'lldc')}, sids=1: {count(countries, 'sids')}, "
      f"african_union=1: {count(countries, 'african_union')}. Rows per M49 region: "
      + ", ".join(f"{k} {v}" for k, v in sorted(regions.items())) + ".\n")
    w("Source files:\n")
    w(file_list(src, country_files) + "\n")
    w("Derivation:\n")
    w("- codes and names (en, fr, ar): `iso3166-1_en_fr_ar.csv` (ISO 3166-1 short names with the iso-codes "
      "French and Arabic translations); a name missing in a language (empty, or an Arabic name without Arabic "
      "script) is filled from the UN M49 table of that language (listed under gaps below);")
    w("- region/sub-region: UN M49 region and sub-region level (not the intermediate region) from "
      "`UNSD-{en,fr,ar}.csv`, matched on ISO alpha-2 (ISO alpha-3 and numeric are checked to agree); "
      "one name per code and language (the most frequent spelling in the table);")
    w("- ldc: rows of `derived_un_ldc_list.csv` except those whose note says the country graduated;")
    w("- lldc, sids: the LLDC and SIDS columns of the UN M49 table;")
    w("- african_union: rows of `derived_african_union_members.csv` (Morocco included, readmitted 2017; "
      "Western Sahara EH stands for the Sahrawi Arab Democratic Republic).\n")
    w("Origin and licence, as stated in the shared data:\n")
    w("- `reference/SOURCES.txt` on the ISO file:\n")
    w(quote(ref_sources["iso3166-1_en_fr_ar.csv"]) + "\n")
    w("- `reference/SOURCES.txt` on the UN M49 tables (its `datasets-country-codes/` is the folder "
      "`reference/country-codes/` of the snapshot):\n")
    w(quote(ref_sources["datasets-country-codes/"]) + "\n")
    w("- `reference/country-codes/SOURCE.txt`:\n")
    w(quote(cc_source) + "\n")
    w("  The `datapackage.yml` it refers to is " + ("present" if datapackage_present else
      "**not** in the shared data") + ". The UN M49 tables originate from the UN Statistics Division "
      "(M49 standard); LDC/LLDC/SIDS groupings are the UN's (UN-OHRLLS / UN CDP). The shared data states "
      "no licence for them other than the datasets/country-codes ODC-PDDL statement above.")
    w("- `reference/SOURCES.txt` on the LDC list:\n")
    w(quote(ref_sources["derived_un_ldc_list.csv"]) + "\n")
    w("- `reference/SOURCES.txt` on the African Union list:\n")
    w(quote(ref_sources["derived_african_union_members.csv"]) + "\n")
    w("  Both lists are derived in the shared data itself; no licence is stated for them.\n")
    w("Gaps and adjustments:\n")
    w("\n".join(f"- {n}" for n in notes["countries"]) or "- none")
    w("")

    # currencies
    w("## reference/currencies.csv\n")
    w(f"{len(currencies)} rows, sorted by code: the {len(currencies) + len(data['currency_excluded'])} entries "
      f"of the ISO 4217 source less {len(data['currency_excluded'])} that are not currencies:\n")
    w("\n".join(f"- {c} ({n}): {why}" for c, n, why in data["currency_excluded"]) + "\n")
    w("Source files:\n")
    w(file_list(src, ["reference/iso4217_en_fr_ar.csv"]) + "\n")
    w("Origin and licence, as stated in `reference/SOURCES.txt` (\"same\" = the iso-codes line quoted for "
      "countries: Debian package iso-codes 4.15.0-1, LGPL-2.1+; data = ISO 4217):\n")
    w(quote(ref_sources["iso4217_en_fr_ar.csv"]) + "\n")
    w("Gaps (kept as the source gives them, not invented here):\n")
    w(f"- name_fr identical to name_en for {len(data['currency_fr_same'])} currencies; for most the name is "
      "the same in French (Euro, Yen, Lek…), for some iso-codes has no French translation: "
      + ", ".join(data["currency_fr_same"]) + ".")
    w(f"- name_ar not in Arabic script (the English name, iso-codes has no Arabic translation) for "
      f"{len(data['currency_ar_latin'])} currencies: " + ", ".join(data["currency_ar_latin"]) + ".")
    w("- The source reflects ISO 4217 as packaged in iso-codes 4.15.0: it still lists HRK (Croatia uses EUR "
      "since 2023), SLL beside SLE, and ANG without its successor XCG (2025). Review before relying on them.")
    w("\n".join(f"- {n}" for n in notes["currencies"]))
    w("")

    # codelists
    w("## reference/codelists.csv\n")
    w(f"{len(codelists)} rows, in source order within each codelist (the loader keeps row order as "
      "position). status is the item's `status` attribute, `active` when absent (the IATI codelist schema "
      "makes it optional). name_en is the codelist's English narrative; name_fr is its French narrative "
      "(`xml:lang=\"fr\"`), else the French name from the translated CSV when that CSV's English name for "
      "the code matches the 2.03 codelist, else empty (the loader falls back to English). The XML narrative "
      "is preferred because it is the same codelist version as the English name, and the translated CSV "
      "has at least one error (SDG goal 8 carries goal 7's French text). category: Sector = its "
      "SectorCategory code; AidType = its AidType-category code; FinanceType = its FinanceType-category code "
      "(that codelist is not included); SDGTarget = the goal number; SectorCategory has none in the source, "
      "so empty.\n")
    w("| codelist | IATI source | rows | active | withdrawn | name_fr from XML | from translated CSV | none "
      "| upstream (codelist metadata url) |")
    w("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for s in data["codelist_stats"]:
        w(f"| {s['codelist']} | `{s['source'].split('/')[-1]}` | {s['total']} | {s['active']} | "
          f"{s['withdrawn']} | {s['fr_xml']} | {s['fr_csv']} | {s['fr_none']} | {s['url'] or '(none)'} |")
    w("")
    w("Source files:\n")
    w(file_list(src, iati_files) + "\n")
    w("Origin and licence, as stated in the shared data:\n")
    w("- `iati/codelists/SOURCE.txt` (IATI Standard codelists, version 2.03; Sector/SectorCategory, AidType, "
      "FlowType, FinanceType and CollaborationType are replicated from the OECD DAC/CRS codes, SDG goals and "
      "targets from the UN):\n")
    w(quote(iati_source) + "\n")
    w("- `iati/codelists/embedded/LICENSE`:\n")
    w(quote(embedded_licence) + "\n")
    w("- `iati/codelists/nonembedded/LICENSE`:\n")
    w(quote(nonembedded_licence) + "\n")
    w("  The IATI licence page they point to is not part of the shared data.")
    w("- `iati/codelists/translated/SOURCE.txt`:\n")
    w(quote(translated_source) + "\n")
    w("- `iati/codelists/translated/LICENSE`:\n")
    w(quote(translated_licence) + "\n")
    w("Gaps and differences:\n")
    w("\n".join(f"- {n}" for n in notes["codelists"]) or "- none")
    w("")

    w("## Provenance files read\n")
    w(file_list(src, meta_files) + "\n")
    return "\n".join(out).rstrip("\n") + "\n"


# --------------------------------------------------------------------------- main

def build(data_dir):
    src = Sources(data_dir)
    notes = {"countries": [], "currencies": [], "codelists": []}
    countries = derive_countries(src, notes)
    if len(countries) != 249:
        fail(f"expected the 249 ISO 3166-1 entries, got {len(countries)}")
    for c in countries:
        for key in ("name_fr", "name_en", "name_ar"):
            if not c[key]:
                fail(f"country {c['alpha2']} has an empty {key}")
    if next(c for c in countries if c["alpha2"] == "MA")["african_union"] != "1":
        fail("Morocco must be an African Union member")
    currencies, excluded, fr_same, ar_latin = derive_currencies(src, notes)
    codelists, stats = derive_codelists(src, notes)
    data = {"countries": countries, "currencies": currencies, "codelists": codelists, "notes": notes,
            "currency_excluded": excluded, "currency_fr_same": fr_same, "currency_ar_latin": ar_latin,
            "codelist_stats": stats}
    files = {
        "countries.csv": to_csv(COUNTRY_HEADER, countries),
        "currencies.csv": to_csv(CURRENCY_HEADER, currencies),
        "codelists.csv": to_csv(CODELIST_HEADER, codelists),
    }
    files["SOURCES.md"] = render_sources(src, data)
    return files, data


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", default=os.path.join(REPO_ROOT, "..", "shared", "data"),
                        help="shared data directory (default: ../shared/data from the repository root)")
    parser.add_argument("--out", default=os.path.join(REPO_ROOT, "reference"),
                        help="output directory (default: reference/ in the repository)")
    parser.add_argument("--check", action="store_true", help="only check that the outputs are up to date")
    args = parser.parse_args(argv)

    data_dir = os.path.normpath(os.path.abspath(args.data_dir))
    if not os.path.isdir(data_dir):
        print(f"derive_reference: data directory not found: {data_dir}", file=sys.stderr)
        return 2
    try:
        files, data = build(data_dir)
    except SourceError as error:
        print(f"derive_reference: {error}", file=sys.stderr)
        return 2

    stale = []
    if not args.check:
        os.makedirs(args.out, exist_ok=True)
    for name, content in files.items():
        path = os.path.join(args.out, name)
        encoded = content.encode("utf-8")
        if args.check:
            try:
                with open(path, "rb") as handle:
                    if handle.read() != encoded:
                        stale.append(name)
            except FileNotFoundError:
                stale.append(name)
        else:
            with open(path, "wb") as handle:
                handle.write(encoded)

    per_list = Counter(r["codelist"] for r in data["codelists"])
    print(f"countries: {len(data['countries'])}, currencies: {len(data['currencies'])}, "
          f"codelist entries: {len(data['codelists'])} ("
          + ", ".join(f"{k} {v}" for k, v in per_list.items()) + ")")
    if args.check:
        if stale:
            print("out of date: " + ", ".join(stale) + " (run python3 tools/derive_reference.py)", file=sys.stderr)
            return 1
        print("reference files are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
