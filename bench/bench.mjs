// The benchmark (scripts/bench builds what it needs, then runs this): size of the single-file page, start-up
// against a baseline ImGui page, frame times, idle frames, core timings in wasm and natively, exports, pandoc
// for comparison, memory. Prints a table, or with --json exactly one JSON object. Budgets are reported, never
// enforced: the exit status says only whether the measurements could be made.
// Usage: node bench/bench.mjs --app PAGE --bench-page PAGE --baseline PAGE --bench-core EXE --data DIR [--json] [--smoke]
// --app is the page users get (size, start-up); --bench-page the same app with the benchmark's hook.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { measureBrowser, median } from './browser.mjs';

const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const json = args.includes('--json'), smoke = args.includes('--smoke');
const appPage = resolve(option('--app') || 'dist/clausier.html');
const benchPage = resolve(option('--bench-page'));
const baselinePage = resolve(option('--baseline'));
const benchCore = resolve(option('--bench-core'));
const data = resolve(option('--data'));
const began = Date.now();
const log = (m) => process.stderr.write(`[${((Date.now() - began) / 1000).toFixed(1)} s] ${m}\n`);

const runs = smoke ? 1 : 7;
const round = (x, d = 2) => (x === null || x === undefined || Number.isNaN(x) ? null : Number(x.toFixed(d)));

function run(cmd, argv) {
  return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

function timeMs(cmd, argv) {
  const start = process.hrtime.bigint();
  run(cmd, argv);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function machine() {
  let chromium = '';
  try { chromium = run('/usr/bin/chromium', ['--version']).trim(); } catch { chromium = 'chromium ?'; }
  return `${cpus()[0]?.model || 'CPU ?'} ×${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${chromium}, node ${process.version}`;
}

// The smoke checks that every measurement runs, on the small sizes only: the 10,000-clause library and the
// 100,000-record DECP file (tens of seconds to make, load and read) are for the full run.
const sizes = smoke ? [1000] : [1000, 10000];
const decpRecords = smoke ? 10000 : 100000;
log(`bench: generating the libraries (${sizes.join(', ')} clauses) and the 200-clause project`);
run('node', [join(import.meta.dirname, 'gen.mjs'), data, ...sizes.map(String)]);

log(`bench: generating the DECP files (${smoke ? '10,000' : '10,000 and 100,000'} records)`);
run('node', [join(import.meta.dirname, 'decp_gen.mjs'), data, ...(smoke ? ['10000'] : ['10000', '100000'])]);

// The largest workshop scenario (most clauses): where keystrokes and the recomputation are timed.
const scenarioDir = join(import.meta.dirname, '..', 'scenarios');
const scenario = readdirSync(scenarioDir).filter((f) => f.endsWith('.json')).map((f) => {
  const text = readFileSync(join(scenarioDir, f), 'utf8');
  const p = JSON.parse(text);
  return { name: f, text, title: p.title, clauses: (p.clauses || []).length };
}).sort((a, b) => b.clauses - a.clauses)[0];

log('bench: native timings');
const nativeRecompute = JSON.parse(run(benchCore, ['recompute']));
const nativePortfolio = JSON.parse(run(benchCore, ['portfolio', '500']));
const nativeDecp10k = JSON.parse(run(benchCore, ['decp', join(data, 'decp-10000.json')]));
const nativeDecp = smoke ? nativeDecp10k : JSON.parse(run(benchCore, ['decp', join(data, 'decp-100000.json')]));
const largest = sizes[sizes.length - 1];
const nativeSearch = JSON.parse(run(benchCore, ['search', join(data, `lib-${largest}.json`), 'déchets']));
const nativeExport = JSON.parse(run(benchCore, ['export', join(data, 'project-200.json'), join(data, 'project-200.md')]));

log('bench: pandoc');
let pandocMs = null;
try {
  const times = [];
  for (let i = 0; i < (smoke ? 1 : 5); i++)
    times.push(timeMs('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', join(data, 'pandoc.docx'), join(data, 'project-200.md')]));
  pandocMs = median(times);
} catch (e) {
  log('bench: pandoc unavailable (' + e.message.split('\n')[0] + ')');
}

log('bench: browser (start-up, frames, core timings in wasm)');
const b = await measureBrowser({ appPage, benchPage, baselinePage, data, runs, scrollSteps: smoke ? 8 : 30, sizes,
  scenario, keys: smoke ? 10 : 40, decpFile: join(data, `decp-${decpRecords}.json`), log });
if (b.decp.records !== decpRecords) throw new Error(`the browser read ${b.decp.records} DECP records, not ${decpRecords}`);

const page = readFileSync(appPage);
const result = {
  single_file_bytes: statSync(appPage).size,
  single_file_gzip_bytes: gzipSync(page, { level: 9 }).length,
  startup_ms: round(median(b.startup.app), 1),
  startup_baseline_ms: round(median(b.startup.baseline), 1),
  frame_ms_p50: round(b.libraries[1000].frames.p50),
  frame_ms_p95: round(b.libraries[1000].frames.p95),
  frame_ms_p95_no_mirror: round(b.libraries[1000].frames_without_mirror.p95),
  frame_ms_p95_10k: smoke ? null : round(b.libraries[10000].frames.p95),
  idle_fps: b.idle_fps,
  search_10k_ms: smoke ? null : round(b.libraries[10000].search.ms, 3),
  search_10k_ms_native: smoke ? null : round(nativeSearch.ms, 3),
  cpv_search_ms: round(b.cpv.ms, 3),
  export_ms: Object.fromEntries(['docx', 'odt', 'html', 'md'].map((f) => [f, round(b.exports[f])])),
  docx_ms_native: round(nativeExport.docx_ms),
  pandoc_docx_ms: round(pandocMs, 1),
  [`decp_import_${decpRecords / 1000}k_ms_native`]: round(nativeDecp.ms, 0),
  decp_rss_10k_mb_native: round(nativeDecp10k.peak_rss_mb, 1),
  decp_rss_100k_mb_native: smoke ? null : round(nativeDecp.peak_rss_mb, 1),
  keystroke_ms_p50: round(b.keystrokes.p50, 1),
  keystroke_ms_p95: round(b.keystrokes.p95, 1),
  recompute_ms_native: round(nativeRecompute.cpu_ms, 3),
  portfolio_500_ms: round(b.portfolio.ms, 1),
  portfolio_500_ms_native: round(nativePortfolio.cpu_ms, 1),
  [`decp_import_${decpRecords / 1000}k_ms`]: round(b.decp.ms, 0),
  decp_peak_mb: round(b.decp.memory.memory_bytes / 2 ** 20, 1),
  peak_heap_mb: round(b.memory.memory_bytes / 2 ** 20, 1),
  machine: machine(),
};

const MB = 1e6;
const budgets = [
  ['single file (bytes)', 'single_file_bytes', '≤ 1.5 MB', (r) => r.single_file_bytes <= 1.5 * MB],
  ['single file, gzip (bytes)', 'single_file_gzip_bytes', '—', null],
  ['start-up (ms)', 'startup_ms', '≤ 400', (r) => r.startup_ms <= 400],
  ['start-up, baseline page (ms)', 'startup_baseline_ms', '—', null],
  ['start-up / baseline', (r) => round(r.startup_ms / r.startup_baseline_ms), '≤ 1.3', (r) => r.startup_ms / r.startup_baseline_ms <= 1.3],
  ['frame CPU p50, 1,000 clauses (ms)', 'frame_ms_p50', '—', null],
  ['frame CPU p95, 1,000 clauses (ms)', 'frame_ms_p95', '≤ 4', (r) => r.frame_ms_p95 <= 4],
  ['… without the semantic mirror (ms)', 'frame_ms_p95_no_mirror', '—', null],
  ['frame CPU p95, 10,000 clauses (ms)', 'frame_ms_p95_10k', '—', null],
  ['frames drawn per second, idle', 'idle_fps', '= 0', (r) => r.idle_fps === 0],
  ['clause search, 10,000 clauses, wasm (ms)', 'search_10k_ms', '≤ 1', (r) => r.search_10k_ms <= 1],
  ['clause search, 10,000 clauses, native (ms)', 'search_10k_ms_native', '—', null],
  ['CPV search, wasm (ms)', 'cpv_search_ms', '≤ 1', (r) => r.cpv_search_ms <= 1],
  ...['docx', 'odt', 'html', 'md'].map((f) => [`export ${f.toUpperCase()}, 200 clauses, wasm (ms)`, (r) => r.export_ms[f], '≤ 50', (r) => r.export_ms[f] <= 50]),
  ['DOCX export, native (ms)', 'docx_ms_native', '—', null],
  ['pandoc Markdown → DOCX (ms)', 'pandoc_docx_ms', '—', null],
  ['pandoc / native DOCX', (r) => round(r.pandoc_docx_ms / r.docx_ms_native, 1), '≥ 5', (r) => r.pandoc_docx_ms / r.docx_ms_native >= 5],
  ['keystroke to its frame p50, largest scenario (ms)', 'keystroke_ms_p50', '—', null],
  ['keystroke to its frame p95, largest scenario (ms)', 'keystroke_ms_p95', '≤ 16', (r) => r.keystroke_ms_p95 <= 16],
  ['one change, all derived data, native (ms)', 'recompute_ms_native', '≤ 2', (r) => r.recompute_ms_native <= 2],
  ['portfolio of 500 projects read and summarised, wasm (ms)', 'portfolio_500_ms', '≤ 100', (r) => r.portfolio_500_ms <= 100],
  ['… native, processor time (ms)', 'portfolio_500_ms_native', '—', null],
  ['peak wasm memory (MB)', 'peak_heap_mb', '≤ 64', (r) => r.peak_heap_mb <= 64],
  ...(smoke ? [['DECP import + indicators, 10,000 records, native (ms)', 'decp_import_10k_ms_native', '—', null]]
    : [['DECP import + indicators, 100,000 records, native (ms)', 'decp_import_100k_ms_native', '≤ 1000', (r) => r.decp_import_100k_ms_native <= 1000]]),
  ...(smoke ? [['DECP import, 10,000 records, browser (ms)', 'decp_import_10k_ms', '—', null]]
    : [['DECP import, 100,000 records, browser (ms)', 'decp_import_100k_ms', '≤ 3000', (r) => r.decp_import_100k_ms <= 3000]]),
  ['DECP import peak wasm memory (MB)', 'decp_peak_mb', '≤ 256', (r) => r.decp_peak_mb <= 256],
  ['DECP import peak RSS, 10,000 / 100,000 records, native (MB)', (r) => `${r.decp_rss_10k_mb_native} / ${r.decp_rss_100k_mb_native}`, '—', null],
];

const value = (key) => (typeof key === 'function' ? key(result) : result[key]);
// A figure the smoke does not measure (null) is neither met nor missed.
const judged = ([, key, , met]) => met && value(key) !== null;
const rows = budgets.map((row) => [row[0], row[2], String(value(row[1])), judged(row) ? (row[3](result) ? 'yes' : 'NO') : '']);
const missed = budgets.filter((row) => judged(row) && !row[3](result)).map(([label]) => label);

if (json) {
  process.stdout.write(JSON.stringify(result) + '\n');
} else {
  const head = ['figure', 'budget', 'measured', 'met?'];
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => '| ' + cells.map((c, i) => c.padEnd(width[i])).join(' | ') + ' |';
  console.log(line(head));
  console.log('|' + width.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(line(r));
  console.log(`\nmachine: ${result.machine}`);
  console.log(`details: ${b.libraries[1000].frames.frames} frames over ${b.libraries[1000].frames.rows} listed clauses; ` +
    `search hits ${b.libraries[largest].search.hits}; memory with ${sizes.join(' / ')} clauses: ` +
    `${sizes.map((n) => round(b.libraries[n].memory.memory_bytes / 2 ** 20, 1)).join(' / ')} MB; ` +
    `start-up runs app ${b.startup.app.map((x) => round(x, 0)).join(' ')}, baseline ${b.startup.baseline.map((x) => round(x, 0)).join(' ')}; ` +
    `keystrokes ${b.keystrokes.keys} in ${scenario.name} (${b.keystrokes.clauses} clauses); ` +
    `recompute ${nativeRecompute.findings} findings, ${nativeRecompute.recommendations} recommendations`);
}
log(missed.length ? `bench: budgets missed: ${missed.join('; ')}` : 'bench: every budget met');
if (b.errors.length) { log('bench: page errors: ' + b.errors.join(' | ')); process.exit(1); }
