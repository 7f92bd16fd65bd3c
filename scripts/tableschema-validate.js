#!/usr/bin/env node
// Checks CSV files against a Frictionless Table Schema with the Frictionless project's own JavaScript library
// (npm "tableschema", pinned in package-lock.json), so the schemas in docs/schemas/ are tested by a validator that is
// not Pipeline's. Partners can run it too:
//
//   node scripts/tableschema-validate.js docs/schemas/serious-youth-violence.tableschema.json samples/*.csv
//
// Prints one JSON line per file: {"file", "valid", "errors": ["..."]}. Exit code 0 when every file is valid, 1 when
// any is not, 2 when the schema itself cannot be used.
'use strict';
const { Schema, Table } = require('tableschema');

async function check(schema, file) {
  const errors = [];
  try {
    const table = await Table.load(file, { schema: schema.descriptor });
    // forceCast collects every row's cast errors instead of stopping at the first; the primary key's uniqueness and
    // the header's names are checked by read() itself and thrown.
    const rows = await table.read({ forceCast: true });
    const headers = table.headers || [];
    const expected = schema.fieldNames;
    if (headers.length !== expected.length || headers.some((h, i) => h !== expected[i])) {
      errors.push(`The header ${JSON.stringify(headers)} is not the schema's fields ${JSON.stringify(expected)}.`);
    }
    rows.forEach((row, i) => {
      if (row instanceof Error) {
        const detail = (row.errors || []).map((e) => e.message);
        errors.push(`Row ${i + 2}: ${detail.length ? detail.join(' ') : row.message}`);
      }
    });
  } catch (error) {
    const detail = (error.errors || []).map((e) => e.message);
    errors.push(detail.length ? detail.join(' ') : error.message);
  }
  return { file, valid: errors.length === 0, errors };
}

(async () => {
  const [schemaPath, ...files] = process.argv.slice(2);
  if (!schemaPath || files.length === 0) {
    console.error('usage: tableschema-validate.js SCHEMA.json FILE.csv...');
    process.exit(2);
  }
  const schema = await Schema.load(schemaPath);
  if (!schema.valid) {
    console.error(`${schemaPath} is not a valid Table Schema: ${schema.errors.map((e) => e.message).join(' ')}`);
    process.exit(2);
  }
  let allValid = true;
  for (const file of files) {
    const result = await check(schema, file);
    allValid = allValid && result.valid;
    console.log(JSON.stringify(result));
  }
  process.exit(allValid ? 0 : 1);
})().catch((error) => {
  console.error(error.stack || String(error));
  process.exit(2);
});
