#!/usr/bin/env python3
"""Derives validation-records.tsv from PETRARCH2's PETR.UnitTest.records.xml (MIT, see LICENSE).

Usage: python3 derive_validation.py ../../../../../shared/data/events/petrarch2/validation

One row per record: id, date (YYYYMMDD), category, tokens as word/TAG (from the Treebank
parse leaves), expected codings `source,target,event` separated by `;` (or NOEVENTS, or
ERROR:<kind> for records that test input errors). The validation dictionaries are copied as-is.
"""
import re
import shutil
import sys
from pathlib import Path

source = Path(sys.argv[1])
xml = (source / "PETR.UnitTest.records.xml").read_text(encoding="utf-8")
rows = ["id\tdate\tcategory\ttokens\tcodings"]
for match in re.finditer(r"<Sentence ([^>]*)>(.*?)</Sentence>", xml, re.S):
    attributes, body = match.groups()
    ident = re.search(r'id\s*=\s*"([^"]*)"', attributes)
    date = re.search(r'date\s*=\s*"([^"]*)"', attributes)
    category = re.search(r'category\s*=\s*"([^"]*)"', attributes)
    parse = re.search(r"<Parse>(.*?)</Parse>", body, re.S)
    if not (ident and date and parse):
        continue
    leaves = re.findall(r"\(([^\s()]+) ([^\s()]+)\)", parse.group(1))
    tokens = " ".join(f"{word}/{tag}" for tag, word in leaves)
    codings = []
    for coding in re.findall(r"<EventCoding([^>]*)>", body):
        if "noevents" in coding:
            codings = ["NOEVENTS"]
            break
        error = re.search(r'error\s*=\s*"([^"]*)"', coding)
        if error:
            codings = ["ERROR:" + error.group(1)]
            break
        fields = {k: v for k, _, v in re.findall(r"(\w+)\s*=\s*(['\"])(.*?)\2", coding)}
        fields = {m[0]: m[2] for m in re.findall(r"(\w+)\s*=\s*(['\"])(.*?)\2", coding)}
        codings.append(",".join(fields.get(k, "").replace(",", " ") for k in ("sourcecode", "targetcode", "eventcode")))
    rows.append("\t".join([ident.group(1), date.group(1), category.group(1) if category else "", tokens, ";".join(codings)]))
Path("validation-records.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
for name in ("PETR.Validate.verbs.txt", "PETR.Validate.actors.txt", "PETR.Validate.agents.txt"):
    shutil.copyfile(source / name, name)
