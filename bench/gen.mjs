// Generates the benchmark's inputs from the real data, into an output folder (never shipped):
//   lib-<N>.json     {"files": {"clauses/zz-bench-….json": "<clause file text>", …}, "clauses": N}: the real
//                    library grown to N clauses with variants of its clauses (new ids, same families,
//                    variables and legal bases), loaded into the app or the native bench with bundle_put;
//   project-200.json a project (the school-catering scenario) with 200 of the real clauses, for the exports.
// Usage: node bench/gen.mjs OUT_DIR [N …]   (default sizes: 1000 10000)
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const out = resolve(process.argv[2] || 'build/bench-data');
const sizes = process.argv.length > 3 ? process.argv.slice(3).map(Number) : [1000, 10000];
mkdirSync(out, { recursive: true });

function realClauseFiles() {
  const dir = join(root, 'clauses');
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
    .filter((d) => Array.isArray(d.clauses) && typeof d.family === 'string');
}

// Ids CODE-L-NNN: codes ZAA, ZAB, … (a prefix no real family uses), 999 numbers each.
function benchId(k, pillarLetter) {
  const block = Math.floor(k / 999);
  const code = 'Z' + String.fromCharCode(65 + Math.floor(block / 26) % 26) + String.fromCharCode(65 + block % 26);
  return `${code}-${pillarLetter}-${String(k % 999 + 1).padStart(3, '0')}`;
}

const angles = ['pour les sites principaux', 'pour les sites secondaires', 'en période de forte activité',
  'pour les prestations ponctuelles', 'pour les lots de faible montant', 'pour les achats groupés',
  'pour les établissements recevant du public', 'pour les interventions de nuit'];

function library(n) {
  const files = realClauseFiles();
  const real = files.reduce((sum, f) => sum + f.clauses.length, 0);
  const all = files.flatMap((f) => f.clauses.map((c) => ({ family: f.family, clause: c })));
  const byFamily = new Map();
  for (let k = 0; k < Math.max(0, n - real); k++) {
    const { family, clause } = all[k % all.length];
    const variant = Math.floor(k / all.length) + 1;
    const angle = angles[k % angles.length];
    const copy = {
      ...clause,
      id: benchId(k, clause.id.split('-')[1]),
      version: 1,
      title: `${clause.title} (variante ${variant}, ${angle})`,
      explanation: `${clause.explanation} Cette variante s’applique ${angle}.`,
    };
    if (!byFamily.has(family)) byFamily.set(family, []);
    byFamily.get(family).push(copy);
  }
  const out = {};
  for (const [family, clauses] of byFamily)
    out[`clauses/zz-bench-${family}.json`] = JSON.stringify({ schema_version: 1, family, clauses });
  return { files: out, clauses: Math.max(n, real) };
}

function project200() {
  const p = JSON.parse(readFileSync(join(root, 'scenarios/restauration-scolaire.clausier.json'), 'utf8'));
  delete p.scenario;
  const ids = realClauseFiles().flatMap((f) => f.clauses).filter((c) => !c.valid_until).map((c) => c.id);
  p.title = 'Projet de référence du banc d’essai (200 clauses)';
  p.clauses = ids.slice(0, 200).map((id) => ({ id, values: {}, lot: 0 }));
  return p;
}

for (const n of sizes) writeFileSync(join(out, `lib-${n}.json`), JSON.stringify(library(n)));
const project = project200();
writeFileSync(join(out, 'project-200.json'), JSON.stringify(project, null, 1));
console.log(`gen: ${sizes.map((n) => 'lib-' + n).join(', ')}, project-200 (${project.clauses.length} clauses) in ${out}`);
