// Validates DECP exports against the regulatory schema (../shared/reference/decp/schema_decp_v2.0.3.json,
// JSON Schema draft-07) with ajv, and checks that the considerations use the regulatory values only.
// Usage: node tests/export/validate-decp.mjs FILE.json [...]; prints "ok<TAB>…" or "FAIL<TAB>…" and the
// errors for each file; exits 1 if any file is invalid. DECP_SCHEMA overrides the schema's path.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Ajv = require('ajv');   // ajv 8: draft-07 is its default dialect

const here = dirname(fileURLToPath(import.meta.url));
const schemaFile = process.env.DECP_SCHEMA || join(here, 'decp-2.0.3', 'schema_decp_v2.0.3.json');
const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
// strict: false — the schema carries "title" and "description" beside "$ref" and a "type" in definitions.
const ajv = new Ajv({ strict: false, allErrors: true });
const validate = ajv.compile(schema);

let failed = 0;
for (const file of process.argv.slice(2)) {
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.log(`FAIL\tDECP valide : ${file}\n    pas du JSON (${e.message})`);
    failed++;
    continue;
  }
  const problems = validate(data) ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
  const records = (data.marches && data.marches.marche) || [];
  if (!records.length) problems.push('aucun marché dans le fichier');
  if (problems.length) {
    failed++;
    console.log(`FAIL\tDECP valide : ${file}`);
    for (const p of problems.slice(0, 20)) console.log(`    ${p}`);
  } else {
    console.log(`ok\tDECP valide (${records.length} marché(s)) : ${file}`);
  }
}
process.exit(failed ? 1 : 0);
