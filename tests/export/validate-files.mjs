// The loop the schema validators share: reads each JSON file named on the command line, prints
// "ok<TAB>LABEL…" or "FAIL<TAB>LABEL : FILE" with up to 20 problems, and exits 1 if any file fails.
// `problems(data)` returns the file's problems ([] when valid); `detail(data)` adds to the ok line.
import { readFileSync } from 'node:fs';

export function validateFiles(label, problems, detail = () => '') {
  let failed = 0;
  for (const file of process.argv.slice(2)) {
    let data;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      console.log(`FAIL\t${label} : ${file}\n    pas du JSON (${e.message})`);
      failed++;
      continue;
    }
    const found = problems(data);
    if (found.length) {
      failed++;
      console.log(`FAIL\t${label} : ${file}`);
      for (const p of found.slice(0, 20)) console.log(`    ${p}`);
    } else {
      console.log(`ok\t${label}${detail(data)} : ${file}`);
    }
  }
  process.exit(failed ? 1 : 0);
}

// ajv's errors as lines « /path message ».
export const ajvErrors = (validate) => validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
