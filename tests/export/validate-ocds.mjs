// Validates OCDS release packages against the OCDS 1.1.5 release-package schema (JSON Schema draft 4).
// Usage: node tests/export/validate-ocds.mjs FILE.json [...]; prints "ok<TAB>…" or "FAIL<TAB>…" and the
// errors for each file; exits 1 if any file is invalid.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { validateFiles, ajvErrors } from './validate-files.mjs';

const require = createRequire(import.meta.url);
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

const here = dirname(fileURLToPath(import.meta.url));
const schemaDir = process.env.OCDS_SCHEMA_DIR || join(here, 'ocds-1.1.5');
const load = (name) => JSON.parse(readFileSync(join(schemaDir, name), 'utf8'));

const packageSchema = load('release-package-schema.json');
const releaseSchema = load('release-schema.json');
// The package schema points at the release schema by its published URL: register the local copy under
// the $id the package expects, so nothing is fetched.
const releaseRef = packageSchema.properties.releases.items.$ref;

// strict: false — OCDS schemas carry their own keywords (codelist, openCodelist, deprecated, …).
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(releaseSchema, releaseRef);
const validate = ajv.compile(packageSchema);

validateFiles('OCDS valide', (data) => (validate(data) ? [] : ajvErrors(validate)));
