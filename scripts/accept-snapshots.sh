#!/usr/bin/env bash
# Accepts the output a failed snapshot test left beside its snapshot (<snapshot>.received), after showing the diff:
# the tests' snapshots, and the documents under docs/ generated from the dataset definitions (the Table Schemas in
# docs/schemas/ and the CSVW metadata in docs/csvw/, tests/Pipeline.Core.Tests/Schemas/GeneratedDocsTests.cs).
# The test run itself never writes a snapshot: a changed output fails the test until someone runs this on purpose.
set -euo pipefail
cd "$(dirname "$0")/.."

shopt -s nullglob globstar
received=(tests/**/Snapshots/*.received docs/**/*.received)
if [ ${#received[@]} -eq 0 ]; then
  echo "No received snapshots: every snapshot test matched."
  exit 0
fi

for file in "${received[@]}"; do
  snapshot="${file%.received}"
  echo "==> $snapshot"
  diff -u "$snapshot" "$file" || true
  mv "$file" "$snapshot"
done
echo "Accepted ${#received[@]} snapshot(s). Review 'git diff' before committing."
