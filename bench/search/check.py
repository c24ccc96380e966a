#!/usr/bin/env python3
"""Asks the API each query of the bench's query file once and counts how often the intended person is among the hits.
Usage: check.py BASE_URL COOKIE QUERIES_FILE [N]"""
import json, sys, time, urllib.request
base, cookie, path = sys.argv[1], sys.argv[2], sys.argv[3]
n = int(sys.argv[4]) if len(sys.argv) > 4 else 500
found = first = total = 0
times = []
for line in open(path, encoding='utf-8').read().splitlines()[:n]:
    q, wanted = line.split('\t')
    req = urllib.request.Request(f"{base}/api/people?q={q}", headers={"Cookie": cookie})
    t = time.perf_counter()
    hits = json.load(urllib.request.urlopen(req))
    times.append((time.perf_counter() - t) * 1000)
    ids = [h["id"] for h in hits]
    total += 1
    found += wanted in ids
    first += bool(ids) and ids[0] == wanted
times.sort()
print(f"queries {total}: intended person found {found} ({100 * found / total:.1f} %), first in the list {first}; "
      f"sequential latency p50 {times[len(times) // 2]:.1f} ms, p95 {times[int(len(times) * .95)]:.1f} ms")
