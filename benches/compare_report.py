#!/usr/bin/env python3
"""Prints the table of benches/compare.sh from its work folder, and checks
that each tool found the planted forms it can express (exit 1 otherwise).

    python3 benches/compare_report.py target/bench [--timeout 900]

Per command it reads results/<file>.json (hyperfine), results/<name>.time
(/usr/bin/time -v), results/<name>.out (the tool's output) and .status.
"""
import argparse
import glob
import json
import os
import re
import sys

TOKEN = re.compile(r"[A-Za-z]+")


def key(name):
    """The file name compare.sh gives a command's results."""
    return re.sub(r"[^A-Za-z0-9@+.-]", "_", name)


def corpus_bytes(path):
    return sum(os.path.getsize(os.path.join(root, name)) for root, _, names in os.walk(path) for name in names)


def peak_rss_mb(time_log):
    with open(time_log, encoding="utf-8") as handle:
        match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", handle.read())
    return int(match.group(1)) / 1024 if match else None


def typos_expected(work, size, planted):
    """Planted deprecated words that the size's typos config maps."""
    with open(os.path.join(work, f"typos-{size}.toml"), encoding="utf-8") as handle:
        words = {line.split(" = ")[0] for line in handle if " = " in line}
    return sum(
        1 for p in planted if p["kind"] == "deprecated" for word in TOKEN.findall(p["form"]) if word.lower() in words
    )


def findings(name, out, planted, work):
    """(findings, planted found, planted expected) for one command's output."""
    tool, _, size = name.partition("@")
    deprecated = sum(p["kind"] == "deprecated" for p in planted)
    if tool.startswith(("termlint startup", "termlint load")):
        return 0, None, None
    if tool.startswith("termlint"):
        report = json.loads(out) if out.strip() else {"findings": []}
        found = sum(f["check"] == "deprecated" for f in report["findings"])
        # Every planted deprecated form is a `deprecated` finding; preferred
        # forms are correct and must not be reported as deprecated.
        return len(report["findings"]), found, deprecated
    lines = len(out.splitlines())
    if tool.startswith("rg"):
        # rg prints each matching line: one per planted sentence (deprecated
        # and preferred forms are all in FORMS).
        return lines, lines, len(planted)
    if tool.startswith("typos"):
        return lines, lines, typos_expected(work, size, planted)
    return lines, None, None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("work")
    parser.add_argument("--timeout", type=float, default=900)
    args = parser.parse_args()
    work = args.work
    res = os.path.join(work, "results")
    with open(os.path.join(work, "planted.json"), encoding="utf-8") as handle:
        planted = json.load(handle)["planted"]
    sizes_bytes = {"folder": corpus_bytes(os.path.join(work, "corpus")),
                   "single": os.path.getsize(os.path.join(work, "single.md"))}
    with open(os.path.join(res, "conditions.txt"), encoding="utf-8") as handle:
        print(handle.read().strip())
    print(f"corpus: {sizes_bytes['folder'] / 1e6:.1f} MB in {sum(len(f) for _, _, f in os.walk(os.path.join(work, 'corpus')))} files; "
          f"single file {sizes_bytes['single'] / 1e6:.1f} MB; planted {len(planted)} forms "
          f"({sum(p['kind'] == 'deprecated' for p in planted)} deprecated)\n")

    print("| tool | glossary | wall time (mean ± σ) | MB/s | peak RSS | findings | planted found / expected |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    failures = []
    means = {}
    for path in sorted(glob.glob(os.path.join(res, "*.json")), key=os.path.getmtime):
        with open(path, encoding="utf-8") as handle:
            results = json.load(handle)["results"]
        for result in results:
            name = result["command"]
            tool, _, size = name.partition("@")
            mean, stddev = result["mean"], result.get("stddev") or 0.0
            means[name] = mean
            with open(os.path.join(res, f"{key(name)}.out"), encoding="utf-8", errors="replace") as handle:
                out = handle.read()
            with open(os.path.join(res, f"{key(name)}.status"), encoding="utf-8") as handle:
                status = int(handle.read())
            rss = peak_rss_mb(os.path.join(res, f"{key(name)}.time"))
            # rg exits 1 when it finds nothing, typos 2 when it finds something;
            # 124 is timeout's, anything else (e.g. out of memory) a failure.
            if status == 124 or (tool.startswith("rg") and status > 1):
                reason = f"> {args.timeout:.0f} s (timed out)" if status == 124 else f"failed (exit {status})"
                time_cell, mbs, count_cell, check_cell = reason, "–", "–", "–"
                means.pop(name)
            else:
                time_cell = f"{mean:.3f} s" if mean >= 10 or len(result["times"]) == 1 else f"{mean:.3f} s ± {stddev:.3f}"
                scope = "single" if "single file" in tool else "folder"
                timed_bytes = 0 if tool.startswith(("termlint startup", "termlint load")) else sizes_bytes[scope]
                mbs = f"{timed_bytes / 1e6 / mean:.1f}" if timed_bytes else "–"
                total, found, expected = findings(name, out, planted, work)
                count_cell = str(total)
                check_cell = "–"
                if expected is not None:
                    ok = found >= expected
                    check_cell = f"{found} / {expected}" + ("" if ok else " **MISSED**")
                    if not ok:
                        failures.append(f"{name}: found {found} of {expected} planted forms")
            glossary = f"{int(size):,}" if size.isdigit() else size
            print(f"| {tool} | {glossary} | {time_cell} | {mbs} | {rss:.0f} MB | {count_cell} | {check_cell} |")

    print()
    for name in means:
        tool, _, size = name.partition("@")
        if tool == "termlint":
            t = means[name]
            ratios = [f"{other} / termlint {means[other + '@' + size] / t:.2f}"
                      for other in ("rg -F", "typos", "rg -F -i -w", "termlint+unlisted", "termlint no cache")
                      if other + "@" + size in means]
            print(f"{int(size):>7,} concepts: " + "; ".join(ratios))
    one = [v for k, v in means.items() if k.startswith("termlint 1 thread@")]
    two = [v for k, v in means.items() if k.startswith("termlint 2 threads@")]
    if one and two:
        print(f"two threads / one thread throughput: {one[0] / two[0]:.2f}×")
    sizes = sorted(int(k.partition("@")[2]) for k in means if k.startswith("termlint@"))
    if len(sizes) > 1:
        small, large = means[f"termlint@{sizes[0]}"], means[f"termlint@{sizes[-1]}"]
        print(f"time per byte, {sizes[-1]:,} vs {sizes[0]:,} concepts (glossary load included): {large / small:.2f}×")
        loads = [means.get(f"termlint load@{n}") for n in (sizes[0], sizes[-1])]
        if None not in loads:
            print(f"time per byte, {sizes[-1]:,} vs {sizes[0]:,} concepts (each glossary's load subtracted): "
                  f"{(large - loads[1]) / (small - loads[0]):.2f}×")
    if failures:
        print("\n" + "\n".join(failures), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
