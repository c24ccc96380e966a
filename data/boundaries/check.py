#!/usr/bin/env python3
"""Checks the simplified district map: 50 features, codes 1001-1050 each once, only the kept
properties, size within the browser budget, and (planar) area close to the full-resolution file."""
import json
import os
import sys

MAX_BYTES = 300 * 1024
FULL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bangkok_districts_bma.geojson")


def rings(geom):
    polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
    for poly in polys:
        for i, ring in enumerate(poly):
            yield i == 0, ring


def area(geom):
    """Shoelace area in square degrees; holes subtract. Enough to compare two versions of one map."""
    total = 0.0
    for outer, ring in rings(geom):
        a = abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:]))) / 2
        total += a if outer else -a
    return total


def load(path):
    with open(path, encoding="utf-8") as f:
        return {ft["properties"]["dcode"]: ft for ft in json.load(f)["features"]}


def main(path):
    errors = []
    size = os.path.getsize(path)
    with open(path, encoding="utf-8") as f:
        features = json.load(f)["features"]
    codes = [ft["properties"].get("dcode") for ft in features]
    expected = [str(c) for c in range(1001, 1051)]
    if sorted(codes) != expected:
        errors.append(f"district codes differ from 1001-1050: missing {sorted(set(expected) - set(codes))}, "
                      f"extra/duplicate {sorted(c for c in codes if codes.count(c) > 1 or c not in expected)}")
    for ft in features:
        keys = set(ft["properties"])
        if keys != {"dcode", "dname", "dname_e"}:
            errors.append(f"{ft['properties'].get('dcode')}: properties {sorted(keys)}")
    if size > MAX_BYTES:
        errors.append(f"{size} bytes > {MAX_BYTES}")
    vertices = sum(len(r) for ft in features for _, r in rings(ft["geometry"]))
    full = load(FULL)
    worst = max(abs(area(ft["geometry"]) / area(full[ft["properties"]["dcode"]]["geometry"]) - 1)
                for ft in features if ft["properties"]["dcode"] in full)
    if worst > 0.02:
        errors.append(f"a district's area changed by {worst:.1%} (> 2%)")
    print(f"{path}: {len(features)} districts, {vertices} vertices, {size} bytes, "
          f"largest area change {worst:.2%}")
    for e in errors:
        print("ERROR:", e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
