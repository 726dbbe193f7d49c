// Where the start-up time goes: a CPU profile of the benchmark's page (its wasm keeps function names) from
// navigation to the first frame drawn, in the same headless Chromium as scripts/bench. Prints the functions
// with the most time including what they call, and the most time of their own. Not part of scripts/bench:
// run it by hand when working on start-up.
// Usage: node bench/profile.mjs [PAGE] [RUNS]   (default build/wasm/pages/clausier_bench.html, 5 runs, summed)
import { resolve } from 'node:path';
import { launch } from '../tests/browser/lib.mjs';
import { ProfileSums } from './cpu_profile.mjs';

const page = 'file://' + resolve(process.argv[2] || 'build/wasm/pages/clausier_bench.html');
const runs = Number(process.argv[3] || 5);
const app = await launch();
const sums = new ProfileSums();
const firstFrames = [];
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
  sums.add(profile);
}
await app.context.close();
console.log(`first frame (ms): ${firstFrames.slice(1).map((x) => x.toFixed(0)).join(' ')}; busy CPU per load ${(sums.total / runs).toFixed(1)} ms`);
console.log('\nincluding callees, per load:\n' + sums.top('inclusive', 45, runs));
console.log('\nown time, per load:\n' + sums.top('self', 25, runs));
