#!/usr/bin/env bash
# Runs the performance measurements of bench/Pipeline.Benchmarks (Release) and prints a compact summary at the end.
#
#   scripts/bench.sh                      everything: the BenchmarkDotNet benchmarks (short job), then the memory and
#                                         latency modes, each in a fresh process
#   scripts/bench.sh --filter '*Validator*'   BenchmarkDotNet only, with these arguments (default job unless you pass --job)
#   scripts/bench.sh memory 10 national   one mode only: memory [MiB] [national|seven], latency [runs], upload [runs],
#                                         throughput [runs], scale [years] [areas...] (then the ledger's table at
#                                         100,000 entries), ledger [entries] (GET /api/uploads before and after the
#                                         ledger's index, issue #24), workbook [years] [areas] (the spreadsheets,
#                                         format=ods, beside the series' JSON and CSV, issue #28), recalcprofile
#                                         [areas] [years] [runs] (where a national first recalculation's time goes)
#   scripts/bench.sh peers [runs]         dist/pipeline-validate against csvclean, Python's csv, Miller and papaparse,
#                                         whole process, paired runs with hyperfine (scripts/lib/peers.sh)
#   scripts/bench.sh pages [runs] [dir]   GET / on pipeline serve, uncached and cached, in paired runs; with dir (another
#                                         build's bin/Release/net10.0), that build's too (scripts/lib/pages.sh)
#
# The full run takes about 2 minutes on 2 cores. The benchmarks use BenchmarkDotNet's short job (1 launch, 3 warm-up and
# 3 measured iterations) with the measured iterations raised to 10: the default job's statistics would take several
# times longer for error bars these figures do not need. Results: BenchmarkDotNet.Artifacts/results/*-report-github.md.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = peers ]; then
  source scripts/lib/peers.sh
  peers_run "${2:-20}"
  exit
fi

source scripts/lib/azurite.sh
azurite_install # The latency mode starts Azurite from node_modules.

project=bench/Pipeline.Benchmarks
echo "==> dotnet build $project (Release)"
dotnet build "$project" --configuration Release -nologo -clp:NoSummary -v quiet
run() { dotnet run --configuration Release --no-build --project "$project" -- "$@"; }

if [ "${1:-}" = pages ]; then
  source scripts/lib/pages.sh
  pages_run "${2:-200}" "${3:-}"
  exit
fi

if [ "$#" -gt 0 ]; then
  run "$@"
  exit
fi

artifacts=BenchmarkDotNet.Artifacts
rm -rf "$artifacts/results"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "==> BenchmarkDotNet (short job, 10 iterations)"
run --filter '*' --job short --iterationCount 10 --artifacts "$artifacts"

echo "==> memory: peak working set validating a return from disk, each in a fresh process"
for shape in "1 national" "10 national" "10 seven"; do
  # shellcheck disable=SC2086 # two words on purpose
  run memory $shape | tee -a "$log"
done

echo "==> latency: upload -> accepted -> recalculated -> summary, on Azurite"
run latency 20 | tee -a "$log"

echo "==> throughput: the validator's in-process ratios by CPU time (min of 20 interleaved runs)"
run throughput 20 | tee -a "$log"

echo "==> upload work: the function's CPU time and allocations for one upload of 7, 350 and 10,000 rows, on Azurite"
run upload 20 | tee -a "$log"

echo
echo "==> Summary ($(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%d))"
for report in "$artifacts"/results/*-report-github.md; do
  grep '^|' "$report" | sed "s/&#39;/'/g; s/&gt;/>/g; s/&lt;/</g"
  echo
done
grep '^RESULT ' "$log" | sed 's/^RESULT /  /'
