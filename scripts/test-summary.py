#!/usr/bin/env python3
"""Prints the one line the CI harness reads, `N passed, N failed`, counted from the TRX files in a folder.

Usage: test-summary.py RESULTS_DIR
Exit code: 0 when at least one test ran and none failed; 1 otherwise.
A TRX file that cannot be read (e.g. a test host killed mid-write) counts as one failure, and so does
a run whose outcome is not a success but that lists no failed test (the test host crashed or was
killed as hung: VSTest drops the running test from the counters), so that neither turns into a pass.
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def main() -> int:
    folder = sys.argv[1] if len(sys.argv) > 1 else "artifacts/test-results"
    passed = failed = skipped = 0
    for path in sorted(glob.glob(os.path.join(folder, "**", "*.trx"), recursive=True)):
        try:
            summary = ET.parse(path).getroot().find("t:ResultSummary", NS)
            counters = summary.find("t:Counters", NS) if summary is not None else None
            if summary is None or counters is None:
                raise ValueError("no ResultSummary/Counters element")
            c = {k: int(v) for k, v in counters.attrib.items() if v.isdigit()}
        except (ET.ParseError, ValueError, OSError) as e:
            print(f"unreadable TRX {path}: {e}", file=sys.stderr)
            failed += 1
            continue
        file_failed = c.get("failed", 0) + c.get("error", 0) + c.get("timeout", 0) + c.get("aborted", 0)
        outcome = summary.get("outcome", "")
        if file_failed == 0 and outcome not in ("Completed", "Passed", "Warning"):
            print(f"test run {path} ended as {outcome!r} with no failed test listed "
                  "(crashed or hung test host); counted as one failure", file=sys.stderr)
            file_failed = 1
        passed += c.get("passed", 0)
        failed += file_failed
        skipped += c.get("notExecuted", 0)
    if skipped:
        print(f"({skipped} skipped)", file=sys.stderr)
    print(f"{passed} passed, {failed} failed", flush=True)
    return 0 if passed > 0 and failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
