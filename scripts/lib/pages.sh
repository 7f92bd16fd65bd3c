# Sourced by scripts/bench.sh: `scripts/bench.sh pages [runs] [baseline]` times GET / on `pipeline serve` over a fresh
# Azurite holding the eight sample quarters, recalculated: uncached (Pipeline__Summary__CacheSeconds=0, so every view
# reads the summary and the series from storage) and cached (the default 60 s, so a view reads nothing). With a
# baseline, the folder of another build of the CLI (bin/Release/net10.0 of an earlier commit, copied aside), its two
# servers are timed in the same paired runs, so the two builds' figures can be compared.

pages_serve() { # pages_serve DIR PORT CACHE_SECONDS: starts a server; its pid is appended to PAGES_PIDS
  (export Pipeline__Summary__CacheSeconds=$3; exec dotnet "$1/pipeline.dll" serve --port "$2" >/dev/null) &
  PAGES_PIDS+=($!)
}

pages_run() {
  local runs=${1:-200} baseline=${2:-}
  local cli=src/Pipeline.Cli/bin/Release/net10.0
  echo "==> dotnet build src/Pipeline.Cli (Release)"
  dotnet build src/Pipeline.Cli --configuration Release -nologo -clp:NoSummary -v quiet
  PAGES_PIDS=()
  trap 'for pid in "${PAGES_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; azurite_stop' EXIT
  azurite_start
  dotnet "$cli/pipeline.dll" ingest samples/*.csv >/dev/null
  dotnet "$cli/pipeline.dll" recalc >/dev/null

  local targets=() port
  for build in "this:$cli" ${baseline:+"baseline:$baseline"}; do
    for cache in "uncached:0" "cached:60"; do
      port=$(azurite_free_port)
      pages_serve "${build#*:}" "$port" "${cache#*:}"
      targets+=("${build%%:*}-${cache%%:*}=http://127.0.0.1:$port/")
    done
  done
  for target in "${targets[@]}"; do
    for _ in $(seq 1 100); do
      curl -fso /dev/null "${target#*=}" && break
      sleep 0.2
    done
  done
  echo "==> GET / ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ))"
  run pages "$runs" "${targets[@]}"
}
