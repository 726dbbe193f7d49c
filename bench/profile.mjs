// Where the start-up time goes: a CPU profile of the benchmark's page (its wasm keeps function names) from
// navigation to the first frame drawn, in the same headless Chromium as scripts/bench. Prints the functions
// with the most time including what they call, and the most time of their own. Not part of scripts/bench:
// run it by hand when working on start-up.
// Usage: node bench/profile.mjs [PAGE] [RUNS]   (default build/wasm/pages/clausier_bench.html, 5 runs, summed)
import { resolve } from 'node:path';
import { launch } from '../tests/browser/lib.mjs';

const page = 'file://' + resolve(process.argv[2] || 'build/wasm/pages/clausier_bench.html');
const runs = Number(process.argv[3] || 5);
const app = await launch();
const inclusive = new Map(), self = new Map();
let total = 0, firstFrames = [];
await app.context.addInitScript(() => {
  const raf = window.requestAnimationFrame.bind(window);
  window.__first = 0;
  window.requestAnimationFrame = (cb) => raf((t) => {
    cb(t);
    if (!window.__first && typeof Module !== 'undefined' && Module.calledRun) window.__first = performance.now();
  });
});
for (let r = 0; r < runs + 1; r++) {
  const tab = await app.context.newPage();
  const cdp = await app.context.newCDPSession(tab);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await tab.goto(page);
  await tab.waitForFunction(() => window.__first > 0, null, { timeout: 60000 });
  const { profile } = await cdp.send('Profiler.stop');
  firstFrames.push(await tab.evaluate(() => window.__first));
  await tab.close();
  if (r === 0) continue;   // the first load warms the browser up
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const name = (n) => n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'anonymous'})`;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const n = byId.get(id);
    if (name(n) === '(idle)' || name(n) === '(program)') return;
    total += dt;
    self.set(name(n), (self.get(name(n)) || 0) + dt);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const f = name(byId.get(at));
      if (!seen.has(f)) { seen.add(f); inclusive.set(f, (inclusive.get(f) || 0) + dt); }
    }
  });
}
await app.context.close();
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k)
  .map(([f, ms]) => `${(ms / runs).toFixed(1).padStart(7)} ms  ${f.slice(0, 110)}`).join('\n');
console.log(`first frame (ms): ${firstFrames.slice(1).map((x) => x.toFixed(0)).join(' ')}; busy CPU per load ${(total / runs).toFixed(1)} ms`);
console.log('\nincluding callees, per load:\n' + top(inclusive, 45));
console.log('\nown time, per load:\n' + top(self, 25));
