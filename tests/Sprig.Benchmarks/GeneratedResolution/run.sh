#!/usr/bin/env bash
# Resolution after refresh (ResolutionBenchmarks' Sprig cases, with MS.DI's as a check of the machine's load) with the benchmark
# classes built three ways, side by side:
#   reflection  without Sprig.Generator: reflection planning, compiled plans (expression trees) after refresh
#   generated   with Sprig.Generator (-p:BenchmarkGenerator=true), under JIT: generated calls during refresh and generated
#               [Lazy] proxies; compiled plans after refresh as before
#   AOT path    the same build with the Sprig.IsDynamicCodeSupported switch off (-p:BenchmarkDynamicCode=false): what Native AOT
#               runs, under JIT — every creation follows the plan (PlanInterpreter) through the generated calls, no compiled plans
# BenchmarkDotNet's ShortRun made longer (one in-process launch, 3 warm-up and 9 measured iterations of 150 ms): medians of nine,
# enough for ratios, not for small differences. About 6 minutes on 2 cores. Run by hand, not in CI.
# Usage: run.sh [extra BenchmarkDotNet arguments]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
project="$repo/tests/Sprig.Benchmarks"

build() { # name, MSBuild arguments...
  local name=$1; shift
  dotnet build "$project" -c Release -o "$work/$name" -v q -nologo "$@" > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
}
# The default build last, so that the project's obj/ is left as a plain build leaves it.
build generated -p:BenchmarkGenerator=true
build aot -p:BenchmarkGenerator=true -p:BenchmarkDynamicCode=false
build reflection

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg) before the runs"
for mode in reflection generated aot; do
  (cd "$work" && dotnet "$work/$mode/Sprig.Benchmarks.dll" --short --no-memory --inProcess --artifacts "$work/results-$mode" \
    --iterationCount 9 --filter '*ResolutionBenchmarks.*Sprig*' '*ResolutionBenchmarks.*MsDi*' '*ResolutionBenchmarks.Lazy_*' "$@" > "$work/$mode.log" 2>&1) \
    || { tail -50 "$work/$mode.log"; exit 1; }
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after the runs"

python3 - "$work" <<'PY'
import csv, glob, sys
work = sys.argv[1]
units = {"ns": 1.0, "μs": 1e3, "us": 1e3, "ms": 1e6, "s": 1e9}
def read(mode):
    path = glob.glob(f"{work}/results-{mode}/results/*ResolutionBenchmarks-report.csv")[0]
    rows = {}
    for row in csv.DictReader(open(path, encoding="utf-8")):
        value, unit = row["Median"].replace(",", "").split()
        ratio = row.get("Ratio", "")
        rows[row["Method"]] = (float(value) * units[unit], float(ratio) if ratio not in ("", "?", "NA") else None, row["Allocated"])
    return rows
modes = ["reflection", "generated", "aot"]
data = {m: read(m) for m in modes}
def ns(v):
    return f"{v:,.1f} ns" if v < 10_000 else f"{v / 1000:,.2f} μs"
def cell(row):
    return ns(row[0]) + (f" ({row[1]:.2f})" if row[1] is not None else "")
def compare(mine, base):
    return f"{mine[1] / base[1]:.2f}x" if mine[1] and base[1] else "—"
# Load drifts between the three runs: BenchmarkDotNet's Ratio (to the category's baseline, MS.DI or Castle, measured next to
# it in the same run) is compared across builds rather than the raw times.
print()
print("Median (ratio to the category's baseline in the same run: MS.DI, or Castle for the lazy proxy); the last two columns compare")
print("those ratios, so that the load's drift between the three runs cancels out.")
print()
print("| case | reflection + compiled plans | generated (JIT) | AOT path (switch off) | generated / reflection | AOT path / reflection | allocated (refl. / gen. / AOT) |")
print("|---|---:|---:|---:|---:|---:|---|")
for method in data["reflection"]:
    if "MsDi" in method or method == "Lazy_CastlePassThrough":
        continue
    r, g, a = (data[m].get(method, (float("nan"), None, "?")) for m in modes)
    print(f"| {method} | {cell(r)} | {cell(g)} | {cell(a)} | {compare(g, r)} | {compare(a, r)} | {r[2]} / {g[2]} / {a[2]} |")
print()
print("Baselines (the same code in all three builds: how much the machine moved):")
print()
print("| baseline | reflection build | generated build | AOT-path build |")
print("|---|---:|---:|---:|")
for method in data["reflection"]:
    if "MsDi" in method or method == "Lazy_CastlePassThrough":
        print(f"| {method} | " + " | ".join(ns(data[m][method][0]) for m in modes) + " |")
PY
