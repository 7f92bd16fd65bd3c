#!/usr/bin/env bash
# The whole job on a fresh clone: install Azurite from the lockfile, start it on free ports, build, ingest the sample
# returns, recalculate the annual comparisons, print the summary as a table and as JSON, do the same for the second
# dataset (violence-admissions) as CSV, print what storage holds (pipeline status), and stop Azurite.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/azurite.sh

azurite_install
echo "==> dotnet build src/Pipeline.Cli"
dotnet build src/Pipeline.Cli --configuration Release -nologo -clp:NoSummary -v:quiet

trap azurite_stop EXIT
azurite_start
pipeline() { dotnet src/Pipeline.Cli/bin/Release/net10.0/pipeline.dll "$@"; }

echo "==> pipeline validate samples/*.csv"
pipeline validate samples/*.csv
echo
echo "==> pipeline ingest samples/*.csv"
pipeline ingest samples/*.csv
echo
echo "==> pipeline recalc"
pipeline recalc
echo
echo "==> pipeline summary --format table"
pipeline summary --format table
echo
echo "==> pipeline summary --format json"
pipeline summary --format json
echo
echo "==> pipeline ingest --dataset violence-admissions samples/violence-admissions/*.csv (a second dataset, same engine)"
pipeline ingest --dataset violence-admissions samples/violence-admissions/*.csv
pipeline recalc --dataset violence-admissions
echo
echo "==> pipeline summary --dataset violence-admissions --format csv"
pipeline summary --dataset violence-admissions --format csv
echo
echo "==> pipeline status (what storage holds now)"
pipeline status
