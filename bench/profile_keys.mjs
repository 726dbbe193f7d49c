// Where a keystroke's time goes: the largest workshop scenario opened in the benchmark's page (its wasm keeps
// function names), a click in the need's object, then keys typed one at a time under a CPU profile, as
// scripts/bench times them. Prints each key's time (keydown to the end of the first frame after it), the frames
// each key caused, and the functions with the most time per key. Not part of scripts/bench: run it by hand
// when working on the keystroke budget.
// Usage: node bench/profile_keys.mjs [PAGE] [KEYS]   (default build/wasm/pages/clausier_bench.html, 20 keys)
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch } from '../tests/browser/lib.mjs';
import { ProfileSums } from './cpu_profile.mjs';

const page = 'file://' + resolve(process.argv[2] || 'build/wasm/pages/clausier_bench.html');
const keys = Number(process.argv[3] || 20);
const dir = join(import.meta.dirname, '..', 'scenarios');
const scenario = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => {
  const text = readFileSync(join(dir, f), 'utf8');
  return { name: f, text, clauses: (JSON.parse(text).clauses || []).length };
}).sort((a, b) => b.clauses - a.clauses)[0];

const app = await launch();
await app.context.addInitScript(() => {
  // As scripts/bench times a key (bench/browser.mjs): to the end of the first frame the app draws after it, at
  // once in the key's input event or in an animation frame.
  const raf = window.requestAnimationFrame.bind(window);
  const probe = window.__keys = { down: 0, drawnAt: 0, start: 0, times: [], waits: [], works: [], paths: [], frames: 0, framesPerKey: [] };
  const frames = () => (typeof Module !== 'undefined' && Module._clausier_frames ? Module._clausier_frames() : -1);
  const drawn = (start, path) => {
    const n = frames();
    if (!probe.down || (n >= 0 && n <= probe.drawnAt)) return;
    probe.paths.push(path);
    probe.waits.push(start - probe.down);
    probe.works.push(performance.now() - start);
    probe.times.push(performance.now() - probe.down);
    probe.down = 0;
  };
  window.addEventListener('keydown', (e) => { probe.down = e.timeStamp; probe.drawnAt = frames(); probe.framesPerKey.push(0); }, true);
  window.addEventListener('input', () => { probe.start = performance.now(); probe.before = frames(); }, true);
  window.addEventListener('input', () => {
    if (frames() < 0) return;
    if (probe.framesPerKey.length && frames() > probe.before) probe.framesPerKey[probe.framesPerKey.length - 1]++;
    drawn(probe.start, 'i');
  });
  window.requestAnimationFrame = (cb) => raf((t) => {
    const start = performance.now();
    const before = frames();
    cb(t);
    if (probe.framesPerKey.length && (before < 0 || frames() > before)) probe.framesPerKey[probe.framesPerKey.length - 1]++;
    drawn(start, 'r');
  });
});
await app.open(page);
await app.openFile('top.open', scenario.name, scenario.text);
await app.click('besoin.object');
await app.press('End');
const cdp = await app.context.newCDPSession(app.page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await app.page.evaluate(() => Object.assign(window.__keys, { times: [], waits: [], works: [], paths: [], framesPerKey: [] }));
if (!process.env.NOPROFILE) await cdp.send('Profiler.start');
const typed = 'Objet saisi au clavier pendant la mesure du profil'.slice(0, keys);
for (let i = 0; i < typed.length; i++) {
  await app.page.keyboard.type(typed[i]);
  await app.page.waitForFunction((n) => window.__keys.times.length >= n, i + 1, { timeout: 60000 });
  if (process.env.SETTLE) await app.settle();
}
const { profile } = process.env.NOPROFILE ? { profile: { nodes: [], samples: [], timeDeltas: [] } } : await cdp.send('Profiler.stop');
const probe = await app.page.evaluate(() => window.__keys);
await app.context.close();

const sums = new ProfileSums();
sums.add(profile);
const n = typed.length;
console.log(`${scenario.name} (${scenario.clauses} clauses), ${n} keys`);
console.log(`key to its frame (ms): ${probe.times.map((x) => x.toFixed(1)).join(' ')}`);
console.log(`drawn in (i: the key's input event, r: an animation frame): ${probe.paths.join('    ')}`);
console.log(`  of which waiting for the frame: ${probe.waits.map((x) => x.toFixed(1)).join(' ')}`);
console.log(`  and the frame itself: ${probe.works.map((x) => x.toFixed(1)).join(' ')}`);
console.log(`frames per key: ${probe.framesPerKey.join(' ')}; busy CPU per key ${(sums.total / n).toFixed(1)} ms`);
console.log('\nincluding callees, per key:\n' + sums.top('inclusive', 50, n, 2));
console.log('\nown time, per key:\n' + sums.top('self', 25, n, 2));
