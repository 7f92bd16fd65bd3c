# Sourced by scripts/bench.sh: `scripts/bench.sh peers [runs]` times dist/pipeline-validate against other tools reading
# the same bytes, whole process, in paired runs (one hyperfine invocation per file, every command in it), and prints
# each ratio. The peers: csvkit's csvclean (installed with apt-get when missing), Python's csv module (strict, plus
# SHA-256 of the bytes, as the validator hashes them), Miller, and papaparse on Node (installed into .tools/ from npm);
# and, when scripts/publish.sh has made it, the operator CLI's `pipeline validate` (ReadyToRun).

peers_run() {
  local runs=${1:-20}
  if ! command -v hyperfine >/dev/null || ! command -v csvclean >/dev/null || ! command -v mlr >/dev/null; then
    echo "==> apt-get install hyperfine csvkit miller"
    apt-get update && apt-get install -y hyperfine csvkit miller
  fi
  if [ ! -x dist/pipeline-validate ]; then
    scripts/publish.sh validate
  fi
  local papa=.tools/papaparse
  if [ ! -d "$papa/node_modules/papaparse" ]; then
    echo "==> npm install papaparse@5.7.1 into $papa"
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$papa" papaparse@5.7.1
  fi

  local dir
  dir=$(mktemp -d)
  # shellcheck disable=SC2064 # expand now
  trap "rm -rf '$dir'" RETURN
  cp samples/2024-Q1.csv "$dir/2024-Q1.csv"
  python3 scripts/lib/peers.py make "$dir"
  local papa_js="$dir/papa.js"
  cat >"$papa_js" <<'JS'
// papaparse over the file's bytes, strict UTF-8 (fatal), plus SHA-256, as the validator reads them.
const fs = require('fs'), crypto = require('crypto'), Papa = require(process.argv[3]);
const bytes = fs.readFileSync(process.argv[2]);
const sha = crypto.createHash('sha256').update(bytes).digest('hex');
const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
let rows = 0;
Papa.parse(text, { step: () => { rows++; } });
console.log(`${process.argv[2]}: ${rows} records, sha256 ${sha}`);
JS

  local cli=()
  if [ -f dist/pipeline/pipeline.dll ]; then
    cli=(-n "pipeline validate (CLI, R2R)" "dist/pipeline/pipeline validate {file}")
  fi

  local results=()
  for case in "7 rows|2024-Q1.csv|" "350 rows|350-rows/2024-Q3.csv|350-rows/datasets" \
              "10,000 rows|10000-rows/2024-Q3.csv|10000-rows/datasets" "10 MiB|10MiB/2024-Q3.csv|"; do
    IFS='|' read -r name file datasets <<<"$case"
    local path="$dir/$file" json="$dir/${file//\//-}.json"
    echo "==> $name: $(wc -c <"$path") bytes, $(($(wc -l <"$path") - 1)) rows ($runs runs each)"
    # The 350 and 10,000-row returns are valid against a definition listing their areas; the peers ignore it.
    (
      if [ -n "$datasets" ]; then export Pipeline__Datasets__Path="$dir/$datasets"; fi
      hyperfine -N -i --warmup 3 --runs "$runs" --style basic --export-json "$json" \
        -L file "$path" \
        -n pipeline-validate "dist/pipeline-validate {file}" \
        -n csvclean "csvclean -n {file}" \
        -n "python csv" "python3 scripts/lib/peers.py python-csv {file}" \
        -n miller "mlr --icsv --ojson count {file}" \
        -n papaparse "node $papa_js {file} $PWD/$papa/node_modules/papaparse" \
        "${cli[@]}"
    )
    results+=("$name|$json")
  done

  echo
  echo "==> Peers, whole process ($(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ))"
  for result in "${results[@]}"; do
    python3 scripts/lib/peers.py ratios "${result%%|*}" "${result#*|}" | sed 's/^RESULT //'
  done
}
