// Validates DECP exports against the regulatory schema (../shared/reference/decp/schema_decp_v2.0.3.json,
// JSON Schema draft-07) with ajv, and checks that the considerations use the regulatory values only.
// Usage: node tests/export/validate-decp.mjs FILE.json [...]; prints "ok<TAB>…" or "FAIL<TAB>…" and the
// errors for each file; exits 1 if any file is invalid. DECP_SCHEMA overrides the schema's path.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { validateFiles, ajvErrors } from './validate-files.mjs';

const require = createRequire(import.meta.url);
const Ajv = require('ajv');   // ajv 8: draft-07 is its default dialect

const here = dirname(fileURLToPath(import.meta.url));
const schemaFile = process.env.DECP_SCHEMA || join(here, 'decp-2.0.3', 'schema_decp_v2.0.3.json');
const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
// strict: false — the schema carries "title" and "description" beside "$ref" and a "type" in definitions.
const ajv = new Ajv({ strict: false, allErrors: true });
const validate = ajv.compile(schema);

const records = (data) => (data.marches && data.marches.marche) || [];
validateFiles('DECP valide', (data) => {
  const found = validate(data) ? [] : ajvErrors(validate);
  if (!records(data).length) found.push('aucun marché dans le fichier');
  return found;
}, (data) => ` (${records(data).length} marché(s))`);
