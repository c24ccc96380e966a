#!/usr/bin/env bash
# Rebuilds the browser map of the 50 Bangkok districts from the full-resolution BMA polygons.
# Development time only (needs `npm ci` in frontend/ for mapshaper); the output is committed.
#   in : data/boundaries/bangkok_districts_bma.geojson          (3.2 MB, ~81,000 vertices)
#   out: src/Saphan/wwwroot/geo/bangkok-districts.geojson        (~135 KB, ~6,200 vertices)
# mapshaper simplifies shared borders once (it builds a topology first), so neighbouring districts
# stay gap- and overlap-free; keep-shapes stops small districts from collapsing.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root/frontend"
npx --no-install mapshaper \
  "$root/data/boundaries/bangkok_districts_bma.geojson" \
  -filter-fields dcode,dname,dname_e \
  -simplify 8% keep-shapes \
  -o "$root/src/Saphan/wwwroot/geo/bangkok-districts.geojson" format=geojson precision=0.00001 force
python3 "$root/data/boundaries/check.py" "$root/src/Saphan/wwwroot/geo/bangkok-districts.geojson"
