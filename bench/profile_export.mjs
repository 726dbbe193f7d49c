// Where an export's time goes in the browser: the benchmark's page (its wasm keeps function names) runs
// clausier_bench("export") on the 200-clause project of scripts/bench under a CPU profile, and the figures it
// answers are printed with the functions that took the most time. Not part of scripts/bench: run it by hand
// when working on the export budgets (after scripts/bench has written its data folder).
// Usage: node bench/profile_export.mjs [PAGE] [PROJECT] [RUNS]
//   (default build/wasm/pages/clausier_bench.html, build/native/bench-data/project-200.json, 3 runs)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch } from '../tests/browser/lib.mjs';
import { callBench } from './browser.mjs';
import { ProfileSums } from './cpu_profile.mjs';

const page = 'file://' + resolve(process.argv[2] || 'build/wasm/pages/clausier_bench.html');
const project = readFileSync(process.argv[3] || 'build/native/bench-data/project-200.json', 'utf8');
const runs = Number(process.argv[4] || 3);
const app = await launch();
await app.context.addInitScript({ content: `window.__callBench = ${callBench};` });
await app.page.goto(page);
await app.page.waitForFunction(() => typeof Module !== 'undefined' && Module.calledRun);
const cdp = await app.context.newCDPSession(app.page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
const sums = new ProfileSums();
for (let r = 0; r < runs; r++) {
  if (!process.env.NOPROFILE) await cdp.send('Profiler.start');
  const out = await app.page.evaluate((p) => window.__callBench(Module, 'export', p), project);
  console.log(out);
  if (!process.env.NOPROFILE) sums.add((await cdp.send('Profiler.stop')).profile);
}
await app.context.close();
if (!process.env.NOPROFILE) {
  console.log('\nincluding callees, per run:\n' + sums.top('inclusive', 40, runs));
  console.log('\nown time, per run:\n' + sums.top('self', 25, runs));
}
