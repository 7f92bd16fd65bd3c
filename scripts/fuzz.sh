#!/usr/bin/env bash
# Fuzzes the return validator (fuzz/Pipeline.Fuzz) with SharpFuzz and afl-fuzz for SECONDS (default 600), starting from
# samples/*.csv and the seeds in fuzz/corpus/. Exits 1 when afl-fuzz saved any crash (an exception escaping
# ReturnValidator.ValidateAsync) or hang, listing them; 0 otherwise. Everything it writes goes under artifacts/fuzz/.
# Installs afl++ with apt-get when afl-fuzz is missing, and the sharpfuzz tool from .config/dotnet-tools.json.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-600}"
timeout_ms="${FUZZ_TIMEOUT_MS:-5000}" # per input; generous because the machine may be shared and the JIT is cold
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/fuzz.sh [SECONDS]" >&2
  exit 2
fi

out="artifacts/fuzz"
bin="$out/bin"
corpus="$out/corpus"
findings="$out/findings"

if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "==> installing afl++ (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq afl++ >/dev/null
fi

echo "==> dotnet tool restore (sharpfuzz)"
dotnet tool restore >/dev/null

echo "==> dotnet publish fuzz/Pipeline.Fuzz"
rm -rf "$bin"
dotnet publish fuzz/Pipeline.Fuzz/Pipeline.Fuzz.csproj --configuration Release --output "$bin" -nologo -clp:NoSummary -v:quiet

# Only the code under test gets coverage probes: the validator and the CSV parser it drives.
for dll in Pipeline.Core.dll CsvHelper.dll; do
  echo "==> dotnet sharpfuzz $dll"
  dotnet sharpfuzz "$bin/$dll"
done

rm -rf "$corpus" "$findings"
mkdir -p "$corpus"
cp samples/*.csv fuzz/corpus/* "$corpus/"

echo "==> afl-fuzz for ${seconds}s ($(ls "$corpus" | wc -l) seeds, timeout ${timeout_ms} ms)"
# Headless, as root, in a container: no UI, no CPU pinning (the cores are shared), no core_pattern or CPU governor
# changes; dotnet itself carries no afl instrumentation (the probes are in the DLLs), and it starts slowly.
status=0
AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_BIN_CHECK=1 \
  AFL_FORKSRV_INIT_TMOUT=60000 DOTNET_CLI_TELEMETRY_OPTOUT=1 \
  afl-fuzz -i "$corpus" -o "$findings" -x fuzz/csv.dict -t "$timeout_ms" -m none -V "$seconds" \
  -- dotnet "$bin/Pipeline.Fuzz.dll" >"$out/afl-fuzz.log" 2>&1 || status=$?

stats="$findings/default/fuzzer_stats"
if [ "$status" -ne 0 ] || [ ! -f "$stats" ]; then
  tail -n 40 "$out/afl-fuzz.log" >&2
  echo "afl-fuzz failed (exit $status); the full log is $out/afl-fuzz.log" >&2
  exit 1
fi

field() { sed -n "s/^$1 *: *//p" "$stats"; }
echo "==> results ($stats)"
echo "run time:     $(field run_time) s"
echo "executions:   $(field execs_done) ($(field execs_per_sec) per second)"
echo "paths:        $(field corpus_count) corpus items, $(field corpus_found) found by fuzzing"
echo "edges found:  $(field edges_found) ($(field bitmap_cvg))"
echo "stability:    $(field stability)"
echo "crashes:      $(field saved_crashes)"
echo "hangs:        $(field saved_hangs)"

shopt -s nullglob
problems=("$findings"/default/crashes/id:* "$findings"/default/hangs/id:*)
if [ "${#problems[@]}" -gt 0 ]; then
  echo "FAILED: ${#problems[@]} crashing or hanging inputs:" >&2
  printf '  %s\n' "${problems[@]}" >&2
  # The instrumented DLLs only run under afl-fuzz: replay with a plain build, which prints each exception.
  echo "==> replaying them: dotnet run --project fuzz/Pipeline.Fuzz -c Release -- FILE..." >&2
  dotnet run --project fuzz/Pipeline.Fuzz/Pipeline.Fuzz.csproj --configuration Release -- "${problems[@]}" >&2 || true
  exit 1
fi
echo "no crashes, no hangs"
