#!/usr/bin/env bash
# Publishes what this repository ships, into dist/ (needs the NuGet feed, nothing else from the internet):
#
#   dist/pipeline-validate   for partners: `validate` alone, one native file (Native AOT, linux-x64), no .NET needed;
#                            its reports are byte for byte those of `pipeline validate`
#   dist/pipeline/           for operators: the whole CLI (ReadyToRun, linux-x64; needs the .NET 10 runtime)
#   dist/functions/          the function app, ReadyToRun for the Flex Consumption plan's linux-x64 workers, as azd's
#                            package step publishes it (the project publishes ReadyToRun whenever it is published)
#
#   scripts/publish.sh            all three
#   scripts/publish.sh validate   dist/pipeline-validate only (what scripts/test.sh needs)
#
# Native AOT links with clang and needs zlib's headers; they are installed with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-all}
case "$what" in
  all | validate) ;;
  *) echo "usage: scripts/publish.sh [validate]" >&2; exit 2 ;;
esac

if ! command -v clang >/dev/null || [ ! -e /usr/include/zlib.h ]; then
  echo "==> apt-get install clang zlib1g-dev (the Native AOT linker)"
  apt-get update && apt-get install -y clang zlib1g-dev
fi

publish() { dotnet publish "$@" --configuration Release -nologo -clp:NoSummary -v quiet; }
mkdir -p dist

echo "==> dist/pipeline-validate (Native AOT, linux-x64)"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
publish src/Pipeline.Validate --runtime linux-x64 --output "$out"
install -m 755 "$out/pipeline-validate" dist/pipeline-validate

if [ "$what" = validate ]; then
  exit
fi

# Pipeline.Web (in the CLI and the function app) serves GOV.UK Frontend's assets from node_modules.
if [ ! -d node_modules/govuk-frontend ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> npm ci (GOV.UK Frontend's assets)"
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "==> dist/pipeline/ (the operator CLI, ReadyToRun, linux-x64)"
rm -rf dist/pipeline
publish src/Pipeline.Cli --runtime linux-x64 --self-contained false -p:PublishReadyToRun=true --output dist/pipeline

echo "==> dist/functions/ (the function app, ReadyToRun, linux-x64)"
rm -rf dist/functions
publish src/Pipeline.Functions --output dist/functions

echo "==> done"
ls -l dist/pipeline-validate dist/pipeline/pipeline dist/functions/Pipeline.Functions.dll
