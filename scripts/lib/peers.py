"""Helpers for scripts/bench.sh peers: make the returns, be the Python peer, and read hyperfine's results.

  peers.py make DIR                 writes the returns and the datasets folders the run uses into DIR
  peers.py python-csv FILE          the Python peer: SHA-256 of the bytes, strict UTF-8, csv.reader(strict=True)
  peers.py ratios NAME JSON...      prints each command's mean and its ratio to pipeline-validate's, per file, and
                                    for the 7-row and 10 MiB returns whether #16's targets are met
"""
import csv
import hashlib
import io
import json
import os
import sys

HEADER = "quarter,area_code,area_name,offences,knife_offences,positive_outcomes\n"
WEST_MIDLANDS = [("E08000025", "Birmingham"), ("E08000026", "Coventry"), ("E08000027", "Dudley"),
                 ("E08000028", "Sandwell"), ("E08000029", "Solihull"), ("E08000030", "Walsall"),
                 ("E08000031", "Wolverhampton")]
LIMIT = 10 * 1024 * 1024  # the validator's default size limit: the large file stays just under it
# Issue #16: pipeline-validate's mean at most this share of csvclean's and of Python csv's, on these returns.
TARGETS = {"7 rows": 0.25, "10 MiB": 1.0}


def row(i, code, name):
    return f"2024-Q3,{code},{name},{100 + i % 900},{i % 50},{i % 90}\n"


def national(n):
    # E99: no real area type, so these figures can never be mistaken for real ones (as bench/NationalData.cs).
    return [(f"E99{i:06d}", f"Area {i:06d}") for i in range(n)]


def make(folder):
    with open(os.path.join(os.path.dirname(__file__), "..", "..", "datasets", "serious-youth-violence.json")) as f:
        definition = json.load(f)
    for n in (350, 10000):
        areas = national(n)
        with open(os.path.join(folder, f"{n}-rows", "2024-Q3.csv"), "w", newline="") as f:
            f.write(HEADER + "".join(row(i, c, a) for i, (c, a) in enumerate(areas)))
        datasets = os.path.join(folder, f"{n}-rows", "datasets")
        os.makedirs(datasets, exist_ok=True)
        with open(os.path.join(datasets, "serious-youth-violence.json"), "w") as f:
            json.dump(dict(definition, areas=[{"code": c, "name": a} for c, a in areas]), f)
    # 10 MiB: the seven areas over and over, as a broken or hostile upload reaching the size limit would be.
    with open(os.path.join(folder, "10MiB", "2024-Q3.csv"), "w", newline="") as f:
        size, i = len(HEADER), 0
        f.write(HEADER)
        while True:
            line = row(i, *WEST_MIDLANDS[i % 7])
            if size + len(line) > LIMIT:
                break
            f.write(line)
            size += len(line)
            i += 1


def python_csv(path):
    with open(path, "rb") as f:
        data = f.read()
    digest = hashlib.sha256(data).hexdigest()
    rows = sum(1 for _ in csv.reader(io.StringIO(data.decode("utf-8-sig", errors="strict"), newline=""), strict=True))
    print(f"{path}: {rows} records, sha256 {digest}")


def ratios(name, paths):
    for path in paths:
        with open(path) as f:
            results = json.load(f)["results"]
        base = next(r for r in results if r["command"] == "pipeline-validate")
        print(f"RESULT peers, {name}: pipeline-validate {base['mean'] * 1000:.1f} ms "
              f"(median {base['median'] * 1000:.1f}, +/- {base['stddev'] * 1000:.1f})")
        for r in results:
            if r is base:
                continue
            print(f"RESULT peers, {name}:   {r['command']:<22} {r['mean'] * 1000:8.1f} ms   "
                  f"pipeline-validate / {r['command']} = {base['mean'] / r['mean']:.2f}")
        if name in TARGETS:
            ratios = {r["command"]: base["mean"] / r["mean"] for r in results if r["command"] in ("csvclean", "python csv")}
            met = all(v <= TARGETS[name] for v in ratios.values())
            print(f"RESULT peers, {name}:   target (at most {TARGETS[name]} x csvclean and python csv): "
                  f"{'met' if met else 'MISSED'} ({', '.join(f'{k} {v:.2f}' for k, v in ratios.items())})")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "make":
        for sub in ("350-rows", "10000-rows", "10MiB"):
            os.makedirs(os.path.join(args[0], sub), exist_ok=True)
        make(args[0])
    elif command == "python-csv":
        python_csv(args[0])
    elif command == "ratios":
        ratios(args[0], args[1:])
    else:
        sys.exit(__doc__)
