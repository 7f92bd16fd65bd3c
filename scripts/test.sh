#!/usr/bin/env bash
# Restores, builds and runs every test of Pipeline.sln and a 60-second fuzz run of the validator (FUZZ_SECONDS to change
# it), then prints "N passed, N failed" from the test results, the fuzz run counting as one test.
# Integration tests start their own Azurite from node_modules (installed here from package-lock.json); the browser tests
# need Chromium, and the spreadsheet tests LibreOffice and odfpy, installed here with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/lib/azurite.sh
azurite_install # The tests start their own Azurite from node_modules (tests/Pipeline.Testing/AzuriteFixture.cs).

# The browser tests (tests/Pipeline.Browser.Tests) drive Debian's Chromium through Playwright; they fail, never skip,
# without it. Playwright's own browser download is not used.
if ! command -v chromium >/dev/null; then
  echo "==> apt-get install chromium (for the browser tests)"
  apt-get update && apt-get install -y chromium
fi

# The spreadsheet tests (tests/Pipeline.Functions.Tests/Spreadsheets) read every workbook back with LibreOffice Calc,
# headless, and Python's odfpy; they fail, never skip, without them.
if ! command -v soffice >/dev/null || ! /usr/bin/python3 -c "import odf" 2>/dev/null; then
  echo "==> apt-get install libreoffice-calc-nogui python3-odf (for the spreadsheet tests)"
  apt-get update && apt-get install -y --no-install-recommends libreoffice-calc-nogui python3-odf
fi

results="TestResults"
rm -rf "$results"

echo "==> dotnet build Pipeline.sln"
dotnet build Pipeline.sln --configuration Release -nologo -clp:NoSummary

# The equivalence tests (tests/Pipeline.Cli.Tests/ValidateEquivalenceTests.cs) compare dist/pipeline-validate, the
# native build, with `pipeline validate`; it is rebuilt here, once (about a minute), so that they never test a stale one.
echo "==> scripts/publish.sh validate (dist/pipeline-validate, Native AOT)"
scripts/publish.sh validate

echo "==> dotnet test Pipeline.sln"
status=0
dotnet test Pipeline.sln --configuration Release --no-build -nologo \
  --logger "trx" --results-directory "$results" "$@" || status=$?

# Count outcomes from the TRX files (one per test project) so the summary reflects what actually ran.
passed=0
failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
trx_count=$(ls "$results"/*.trx 2>/dev/null | wc -l)
if [ "$trx_count" -eq 0 ]; then
  echo "no test results were written" >&2
  status=1
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The run failed without a failed test (a crash, a build error): count it so it cannot read as green.
  failed=1
fi

# A short fuzz run of the validator (scripts/fuzz.sh, docs/reliability.md) counts as one more test.
echo "==> scripts/fuzz.sh ${FUZZ_SECONDS:-60}"
if scripts/fuzz.sh "${FUZZ_SECONDS:-60}"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
  status=1
fi
echo "$passed passed, $failed failed"
exit "$status"
