#!/usr/bin/env python3
"""Writes Text.resx (Thai, the neutral language) and Text.en.resx from Text.tsv, the one list of UI texts.
Run after editing Text.tsv:  python3 src/Saphan/Localization/make-resx.py"""
import csv, os
from xml.sax.saxutils import escape
here = os.path.dirname(os.path.abspath(__file__))
rows = list(csv.DictReader(open(os.path.join(here, 'Text.tsv'), encoding='utf-8'), delimiter='\t', quoting=csv.QUOTE_NONE))
keys = [r['key'] for r in rows]
dupes = {k for k in keys if keys.count(k) > 1}
if dupes: raise SystemExit(f'duplicate keys: {sorted(dupes)}')
head = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''
for lang, name in (('th', 'Text.resx'), ('en', 'Text.en.resx')):
    with open(os.path.join(here, name), 'w', encoding='utf-8') as f:
        f.write(head)
        for r in rows:
            if not r[lang]: raise SystemExit(f'missing {lang} text for {r["key"]}')
            f.write(f'  <data name="{escape(r["key"])}" xml:space="preserve"><value>{escape(r[lang])}</value></data>\n')
        f.write('</root>\n')
print(f'{len(rows)} texts')
