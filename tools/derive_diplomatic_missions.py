#!/usr/bin/env python3
"""Derive the diplomatic-network reference files from the shared Wikidata extract.

Writes, under reference/ in the repository:
  wikidata_countries.csv   Wikidata QID -> ISO 3166-1 alpha-2, for every state the extract names
                           (sending state, receiving state, jurisdiction) that has an ISO code
  diplomatic_missions.csv  the subset of the extract the demo and `taawun diplomatic-missions load`
                           use by default: Morocco's missions abroad, the foreign missions in Morocco
                           and every mission whose sending or receiving state is a demo partner
                           country; the source's columns that Taawun reads, comma separated (RFC 4180)
  SOURCES-diplomatic-missions.md   provenance, licence, how countries are matched, counts

Usage:
  python3 tools/derive_diplomatic_missions.py [DATA_DIR] [--check]

DATA_DIR defaults to ../shared/data relative to the repository root. Countries are matched by
the QID the extract gives for each name: a QID's English label is looked up in
reference/countries.csv (name_en), then in the ALIASES below (Wikidata's common names against
ISO's formal short names). Western Sahara: the deployment counts the territory as part of
Morocco, so its QID maps to MA; the Sahrawi Arab Democratic Republic is no state in this
deployment and is listed with an empty code and the note `not_recognised` (the loader reports
its missions and creates none). Python 3 standard library only; the output is deterministic.
"""

import argparse
import csv
import hashlib
import io
import os
import re
import sys
from collections import Counter

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = "reference/diplomatic-missions/database_of_embassies_2022-11-16.csv"
ENTITY = "http://www.wikidata.org/entity/"
KEPT_COLUMNS = ["QID", "type", "typeQID", "operator", "operatorQID", "country", "countryQID", "jurisdictions",
                "jurisdictionQIDs", "city", "address", "latitude", "longitude", "phone", "email", "website", "creation"]

# Wikidata's common English names of states → ISO 3166-1 alpha-2, where ISO's short name differs.
ALIASES = {
    "United States of America": "US", "Russia": "RU", "People's Republic of China": "CN", "Turkey": "TR",
    "Czech Republic": "CZ", "Republic of Ireland": "IE", "South Korea": "KR", "North Korea": "KP",
    "Vietnam": "VN", "Vatican": "VA", "Vatican City": "VA", "Holy See": "VA", "Iran": "IR", "Venezuela": "VE",
    "Taiwan": "TW", "Moldova": "MD", "Ivory Coast": "CI", "Bolivia": "BO", "Tanzania": "TZ", "Palestine": "PS",
    "State of Palestine": "PS", "Syria": "SY", "Democratic Republic of the Congo": "CD",
    "Republic of the Congo": "CG", "Brunei": "BN", "Laos": "LA", "Cape Verde": "CV", "Kingdom of Denmark": "DK",
    "East Timor": "TL", "The Bahamas": "BS", "The Gambia": "GM", "São Tomé and Príncipe": "ST",
    "Federated States of Micronesia": "FM", "Macau": "MO",
}
# Only the QIDs of states: a province called "Taiwan" (Q22502) or "Vatican" the hill is not a state.
ALIAS_QIDS = {"TW": {"Q865"}, "VA": {"Q237", "Q159583"}}
WESTERN_SAHARA = {"Q6250"}            # the territory: part of Morocco in this deployment
NOT_RECOGNISED = {"Q40362": "Sahrawi Arab Democratic Republic"}


def qid(url):
    return url.rsplit("/", 1)[-1] if url else ""


def partner_countries():
    """The demo's partner countries: kPartnerCountries (demo.cpp) and kCountries (demo_cooperation.cpp)."""
    codes = set()
    for path, name in (("src/cli/demo.cpp", "kPartnerCountries"), ("src/cli/demo_cooperation.cpp", "kCountries")):
        text = open(os.path.join(REPO_ROOT, path), encoding="utf-8").read()
        block = re.search(name + r" = \{(.*?)\};", text, re.S).group(1)
        codes.update(re.findall(r'"([A-Z]{2})"', block))
    return codes


def derive(data_dir):
    source_path = os.path.join(data_dir, SOURCE)
    raw = open(source_path, "rb").read()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8")), delimiter=";"))
    by_name = {}
    for r in csv.DictReader(open(os.path.join(REPO_ROOT, "reference/countries.csv"), encoding="utf-8")):
        by_name[r["name_en"]] = r["alpha2"]

    labels = {}
    for r in rows:
        labels.setdefault(qid(r["operatorQID"]), r["operator"])
        labels.setdefault(qid(r["countryQID"]), r["country"])
        for name, url in zip(r["jurisdictions"].split("|"), r["jurisdictionQIDs"].split("|")):
            if url:
                labels.setdefault(qid(url), name)
    mapping = []
    unmatched = Counter()
    for q, label in labels.items():
        if not q:
            continue
        if q in NOT_RECOGNISED:
            mapping.append((q, "", label, "not_recognised"))
            continue
        if q in WESTERN_SAHARA:
            mapping.append((q, "MA", label, "western_sahara_is_morocco"))
            continue
        code = by_name.get(label)
        if not code and label in ALIASES:
            code = ALIASES[label]
            if code in ALIAS_QIDS and q not in ALIAS_QIDS[code]:
                code = None
        if code == "EH":
            mapping.append((q, "MA", label, "western_sahara_is_morocco"))
        elif code:
            mapping.append((q, code, label, ""))
        else:
            unmatched[label] += 1
    for q in sorted(WESTERN_SAHARA - {m[0] for m in mapping}):
        mapping.append((q, "MA", "Western Sahara", "western_sahara_is_morocco"))
    mapping.sort(key=lambda m: (int(m[0][1:]), m[0]))
    code_of = {m[0]: m[1] for m in mapping}

    partners = partner_countries()
    wanted = partners | {"MA"}
    subset = [r for r in rows
              if code_of.get(qid(r["operatorQID"])) in wanted or code_of.get(qid(r["countryQID"])) in wanted]

    out_map = io.StringIO()
    w = csv.writer(out_map, lineterminator="\n")
    w.writerow(["qid", "alpha2", "label", "note"])
    w.writerows(mapping)

    out_subset = io.StringIO()
    w = csv.writer(out_subset, lineterminator="\n")
    w.writerow(KEPT_COLUMNS)
    for r in subset:
        w.writerow([r[c].strip() for c in KEPT_COLUMNS])

    morocco_abroad = sum(1 for r in subset if code_of.get(qid(r["operatorQID"])) == "MA")
    in_morocco = sum(1 for r in subset if code_of.get(qid(r["countryQID"])) == "MA")
    sources = f"""# Sources of the diplomatic-network reference files

Generated by `python3 tools/derive_diplomatic_missions.py` (Python 3 standard library only) from
the shared data snapshot (`../shared/data/{SOURCE}`, sha256
`{hashlib.sha256(raw).hexdigest()[:16]}…`). Do not edit these files by hand: change the script and run
it again (`--check` exits 1 when a file is out of date).

Origin and licence: the *database of embassies* (github.com/database-of-embassies, file
`database_of_embassies.csv` at commit b1987a62f9412564fa33c5e9193a65319bc504a3, 2022-11-16), a
query of Wikidata; Wikidata's data is CC0 (public domain dedication). {len(rows):,} missions.

## reference/wikidata_countries.csv

{len(mapping)} rows: `qid,alpha2,label,note`. Every Wikidata item the extract names as a sending
state (`operatorQID`), a receiving state (`countryQID`) or a jurisdiction (`jurisdictionQIDs`),
matched to ISO 3166-1 by its English label: first `name_en` of `reference/countries.csv`, then
the script's ALIASES (Wikidata's common names, e.g. "Ivory Coast" → CI, "Turkey" → TR, "Vatican
City" and "Holy See" → VA), aliases applying only to the QID of the state. Western Sahara (Q6250)
maps to MA (`western_sahara_is_morocco`: the deployment counts the territory as part of Morocco);
the Sahrawi Arab Democratic Republic (Q40362) has no code (`not_recognised`): the loader reports
its {sum(1 for r in rows if qid(r['operatorQID']) in NOT_RECOGNISED)} missions and creates none.
Not matched, and reported by the loader when a row needs them: {len(unmatched)} items that are no
ISO 3166-1 state (sub-national regions named as consular jurisdictions, Kosovo, the Sovereign
Military Order of Malta, the European Union, Quebec…).

## reference/diplomatic_missions.csv

{len(subset):,} rows, the columns of the source that Taawun reads ({", ".join(KEPT_COLUMNS)}),
comma separated: every mission whose sending or receiving state is Morocco or one of the demo's
{len(partners)} partner countries (`kPartnerCountries` in `src/cli/demo.cpp` and `kCountries` in
`src/cli/demo_cooperation.cpp`): {morocco_abroad} of Morocco's missions abroad, {in_morocco}
foreign missions in Morocco. `taawun demo` and `taawun diplomatic-missions load` (without a
file) load it; `taawun diplomatic-missions load FILE` also reads the full semicolon-separated
extract.
"""
    return {
        "reference/wikidata_countries.csv": out_map.getvalue(),
        "reference/diplomatic_missions.csv": out_subset.getvalue(),
        "reference/SOURCES-diplomatic-missions.md": sources,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", nargs="?", default=os.path.join(REPO_ROOT, "..", "shared", "data"))
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    files = derive(args.data_dir)
    stale = False
    for path, content in files.items():
        full = os.path.join(REPO_ROOT, path)
        if args.check:
            if not os.path.exists(full) or open(full, encoding="utf-8").read() != content:
                print(f"{path} is out of date", file=sys.stderr)
                stale = True
        else:
            with open(full, "w", encoding="utf-8", newline="") as out:
                out.write(content)
    sys.exit(1 if stale else 0)


if __name__ == "__main__":
    main()
