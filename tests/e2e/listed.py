#!/usr/bin/python3
"""Fails when a case file in tests/e2e/cases is missing from meson.build."""
import os
import sys

folder, listed = sys.argv[1], set(sys.argv[2:])
present = {f[:-2] for f in os.listdir(folder) if f.endswith(".t")}
missing = sorted(present - listed)
gone = sorted(listed - present)
for m in missing:
    print(f"tests/e2e/cases/{m}.t is not listed in tests/e2e/meson.build")
for g in gone:
    print(f"tests/e2e/meson.build lists {g}, which has no .t file")
sys.exit(1 if missing or gone else 0)
