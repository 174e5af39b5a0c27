"""Project-wide consistency under Apache Spark, in local mode.

Writes a corpus of short articles that spell the shipped glossary's names
in several ways across files (and adds the Markdown of ../shared/corpus when
it is there, for size), then checks it twice:

* one run of `termlint check --format jsonl --consistency project` over all
  files;
* a Spark job over the file list in several partitions: each task counts
  its files' uses of forms (`check --format usage`), `termlint merge` sums
  them, and each task checks its files against the sum
  (`check --project-usage`).

The two sets of findings must be equal. Usage: job.py TERMLINT WORKDIR
[PARTITIONS]; prints the counts and the time of each step; exits 1 on any
difference.
"""

import json
import os
import random
import subprocess
import sys
import time

from pyspark.sql import SparkSession

# Spellings of the shipped glossary's names, preferred first: files pick
# among them, so that the project has a chosen form and files that stray
# from it.
NAMES = [
    ["Khorasan", "Khurasan"],
    ["Qassem Soleimani", "Qasem Soleimani", "Ghasem Soleimani"],
    ["Kerman", "Kirman"],
    ["Islamic State", "ISIS", "ISIL"],
    ["Daesh", "Da'esh"],
]
FILLER = [
    "Officials met on Tuesday to review the inquiry.",
    "The report was published after a long delay.",
    "Several witnesses gave evidence to the committee.",
    "The ministry declined to comment on the details.",
]


def write_corpus(root, files, seed=7):
    """Writes `files` articles under root/articles, deterministically."""
    rng = random.Random(seed)
    paths = []
    for index in range(files):
        folder = os.path.join(root, "articles", f"part{index % 10}")
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f"article{index:04}.md")
        lines = [f"# Article {index}", ""]
        for _ in range(rng.randint(2, 6)):
            spellings = rng.choice(NAMES)
            # Most files keep to the first spelling; some stray.
            name = spellings[0] if rng.random() < 0.7 else rng.choice(spellings)
            lines.append(f"{rng.choice(FILLER)} {name} was mentioned again.")
        with open(path, "w", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")
        paths.append(path)
    return paths


def shared_corpus(limit=3000):
    """Up to `limit` Markdown files of ../shared/corpus, if it is there."""
    here = os.path.dirname(os.path.abspath(__file__))
    corpus = os.path.normpath(os.path.join(here, "..", "..", "..", "shared", "corpus"))
    if not os.path.isdir(corpus):
        print(f"spark test: {corpus} is not there; the written articles only")
        return []
    found = []
    for folder, _, names in sorted(os.walk(corpus)):
        for name in sorted(names):
            if name.endswith(".md"):
                found.append(os.path.join(folder, name))
                if len(found) >= limit:
                    return found
    return found


def finding_lines(lines):
    return sorted(line for line in lines if line.startswith('{"type":"finding"'))


def main():
    termlint, work = sys.argv[1], sys.argv[2]
    partitions = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    os.makedirs(work, exist_ok=True)
    paths = write_corpus(work, 400) + shared_corpus()
    list_file = os.path.join(work, "paths.txt")
    with open(list_file, "w", encoding="utf-8") as out:
        out.write("\n".join(paths) + "\n")
    check = [termlint, "check", "--no-config"]

    start = time.time()
    one = subprocess.run(
        check + ["--format", "jsonl", "--consistency", "project", "--files-from", list_file],
        capture_output=True, text=True, check=False)
    expected = finding_lines(one.stdout.splitlines())
    print(f"one run: {len(paths)} files, {len(expected)} findings in {time.time() - start:.1f} s")

    spark = (SparkSession.builder.master("local[2]").appName("termlint")
             .config("spark.ui.showConsoleProgress", "false").getOrCreate())
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    start = time.time()
    rdd = sc.textFile(list_file).repartition(partitions)
    usage = rdd.pipe(" ".join(check + ["--format", "usage", "--files-from", "-"])).collect()
    usage_file = os.path.join(work, "usage.jsonl")
    with open(usage_file, "w", encoding="utf-8") as out:
        out.write("\n".join(usage) + "\n")
    project_file = os.path.join(work, "project.jsonl")
    with open(project_file, "w", encoding="utf-8") as out:
        subprocess.run([termlint, "merge", usage_file], stdout=out, check=True)
    second = rdd.pipe(" ".join(check + [
        "--format", "jsonl", "--project-usage", project_file, "--files-from", "-"]))
    found = finding_lines(second.collect())
    spark.stop()
    print(f"spark, {partitions} partitions: {len(usage)} usage lines from the tasks, "
          f"{len(found)} findings in {time.time() - start:.1f} s")

    checks = {}
    for line in expected:
        check_id = json.loads(line)["check"]
        checks[check_id] = checks.get(check_id, 0) + 1
    print(f"findings by check: {checks}")
    if checks.get("inconsistent", 0) == 0:
        print("the corpus has no inconsistent finding: the test would prove nothing")
        return 1
    if found != expected:
        missing = sorted(set(expected) - set(found))[:5]
        extra = sorted(set(found) - set(expected))[:5]
        print(f"spark findings differ from one run's: missing {missing}, extra {extra}")
        return 1
    print("spark: the findings of the split run equal one run's")
    return 0


if __name__ == "__main__":
    sys.exit(main())
