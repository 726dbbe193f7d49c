// Where a scrolling frame's time goes (issue 17: frame CPU with the semantic mirror): the benchmark's page on a
// generated library, the clause list filled by a search and scrolled as scripts/bench scrolls it, under a CPU
// profile, with the mirror on and then off. Prints the frame CPU p50/p95 of each run (Chromium's trace, as
// scripts/bench) and the functions with the most time per frame. Not part of scripts/bench: run it by hand.
// Usage: node bench/profile_scroll.mjs [PAGE] [LIBRARY] [STEPS]
//   (default build/wasm/pages/clausier_bench.html, build/native/bench-data/lib-1000.json, 30 steps)
import { resolve } from 'node:path';
import { launch } from '../tests/browser/lib.mjs';
import { bench, callBench, openApp, rafProbe, scrollFrames } from './browser.mjs';
import { ProfileSums } from './cpu_profile.mjs';

const page = resolve(process.argv[2] || 'build/wasm/pages/clausier_bench.html');
const library = resolve(process.argv[3] || 'build/native/bench-data/lib-1000.json');
const steps = Number(process.argv[4] || 30);
const browser = await launch();
await browser.context.addInitScript({ content: `(${rafProbe})();\nwindow.__callBench = ${callBench};` });
const app = await openApp(browser.context, 'file://' + page, library);
const cdp = await app.cdp();
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
for (const mirror of ['on', 'off']) {
  await bench(app.page, 'semantics', mirror);
  await cdp.send('Profiler.start');
  const frames = await scrollFrames(app, 'titulaire', steps);
  const { profile } = await cdp.send('Profiler.stop');
  const sums = new ProfileSums();
  sums.add(profile);
  console.log(`\nmirror ${mirror}: ${frames.frames} frames, ${frames.rows} rows, frame CPU p50 ${frames.p50.toFixed(2)} ms, ` +
              `p95 ${frames.p95.toFixed(2)} ms`);
  console.log('including callees, per frame:\n' + sums.top('inclusive', 30, frames.frames, 2));
  console.log('own time, per frame:\n' + sums.top('self', 20, frames.frames, 2));
}
await browser.context.close();
