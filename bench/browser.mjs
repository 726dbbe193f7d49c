// The browser half of scripts/bench: Debian's Chromium (headless, SwiftShader WebGL) driven by playwright-core,
// with the test helpers of tests/browser/lib.mjs. Every page gets a probe that wraps requestAnimationFrame to
// note when the first frame after main has been drawn and to count frames. Frame times come from a Chromium
// trace: the thread (CPU) time of each animation-frame callback (ImGui, the app and the WebGL calls), which,
// unlike wall time, does not grow when a busy machine takes the CPU away from the page.
import { readFileSync } from 'node:fs';
import { App, launch } from '../tests/browser/lib.mjs';

// It also times keystrokes: from a keydown's time stamp to the end of the first frame the app draws after it
// (keydown and its input event come in one task, so that frame applies the key and draws the new character).
// The app counts its frames (clausier_frames): a frame drawn at once inside the key's input event ends the
// wait there; otherwise the first animation frame after the key in which the app drew does.
export function rafProbe() {
  const raf = window.requestAnimationFrame.bind(window);
  const probe = window.__bench = { first: 0, count: 0, keyDown: 0, keyFrames: 0, keys: [] };
  const frames = () => (typeof Module !== 'undefined' && Module._clausier_frames ? Module._clausier_frames() : -1);
  const keyDrawn = () => {
    const n = frames();
    if (!probe.keyDown || (n >= 0 && n <= probe.keyFrames)) return;   // (a page with no counter: any frame)
    probe.keys.push(performance.now() - probe.keyDown);
    probe.keyDown = 0;
  };
  window.addEventListener('keydown', (e) => { probe.keyDown = e.timeStamp; probe.keyFrames = frames(); }, true);
  window.addEventListener('input', () => { if (frames() >= 0) keyDrawn(); });
  window.requestAnimationFrame = (callback) => raf((time) => {
    callback(time);
    probe.count++;
    if (!probe.first && typeof Module !== 'undefined' && Module.calledRun) probe.first = performance.now();
    keyDrawn();
  });
}

// CPU time (ms) of every animation-frame callback while `action` runs.
async function frameCpuTimes(app, action) {
  const cdp = await app.cdp();
  const events = [];
  const collect = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
  await action();
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  return events.filter((e) => e.name === 'FireAnimationFrame' && e.ph === 'X' && e.tdur !== undefined).map((e) => e.tdur / 1000);
}

// Runs clausier_bench (src/platform/platform_web.cpp) with `arg` copied into the module's memory.
export function callBench(module, what, arg) {
  const bytes = new TextEncoder().encode(arg);
  const ptr = module._malloc(bytes.length + 1);
  module.HEAPU8.set(bytes, ptr);
  const out = module.ccall('clausier_bench', 'string', ['string', 'number', 'number'], [what, ptr, bytes.length]);
  module._free(ptr);
  return out;
}

// Reads the file chosen in the page's benchmark input as a stream of chunks and hands each to the module's
// DECP reader, as the app does with a file the user opens; answers the wall time and what was read.
async function decpImport(input) {
  const file = input.files[0];
  const start = performance.now();
  window.__callBench(Module, 'decp-begin', file.name);
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const ptr = Module._malloc(value.length);
    Module.HEAPU8.set(value, ptr);
    Module.ccall('clausier_bench', 'string', ['string', 'number', 'number'], ['decp-feed', ptr, value.length]);
    Module._free(ptr);
  }
  const out = JSON.parse(window.__callBench(Module, 'decp-end', ''));
  out.ms = performance.now() - start;
  out.bytes = file.size;
  return out;
}

// Installed before the page's scripts: hands a generated library to the module before main starts the app.
function libraryInstaller(files) {
  window.clausierBeforeMain = (module) => {
    for (const [path, text] of Object.entries(files)) window.__callBench(module, 'put:' + path, text);
  };
}

export async function bench(page, what, arg = '') {
  const out = JSON.parse(await page.evaluate(({ what, arg }) => window.__callBench(Module, what, arg), { what, arg }));
  if (out.error) throw new Error(`clausier_bench ${what}: ${out.error}`);
  return out;
}

export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };
const percentile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

async function firstFrameMs(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__bench && window.__bench.first > 0, null, { timeout: 60000 });
  const ms = await page.evaluate(() => window.__bench.first);
  await page.close();
  return ms;
}

// Start-up: the app against the baseline page, alternating, after one discarded load.
async function startup(context, appUrl, baselineUrl, runs) {
  await firstFrameMs(context, appUrl);
  const app = [], baseline = [];
  for (let i = 0; i < runs; i++) {
    const order = i % 2 ? [[baseline, baselineUrl], [app, appUrl]] : [[app, appUrl], [baseline, baselineUrl]];
    for (const [list, url] of order) list.push(await firstFrameMs(context, url));
  }
  return { app, baseline };
}

export async function openApp(context, appUrl, libraryFile) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  if (libraryFile) {
    const { files } = JSON.parse(readFileSync(libraryFile, 'utf8'));
    await page.addInitScript(libraryInstaller, files);
  }
  const app = new App(page, context, [], errors);
  await app.open(appUrl);
  return app;
}

// Keystrokes in the need's object of the largest scenario (opened as a user opens a project file): from each
// key event to the end of the frame that shows it. Each key waits for its frame, so no two share one.
export async function keystrokes(app, scenario, count) {
  await app.openFile('top.open', scenario.name, scenario.text);
  if ((await app.state()).project.title !== scenario.title) throw new Error(`the scenario ${scenario.name} did not open`);
  await app.click('besoin.object');
  await app.press('End');
  const page = app.page;
  await page.evaluate(() => { window.__bench.keys = []; });
  const typed = 'Objet saisi au clavier pendant la mesure'.slice(0, count);
  for (let i = 0; i < typed.length; i++) {
    await page.keyboard.type(typed[i]);
    await page.waitForFunction((n) => window.__bench.keys.length >= n, i + 1, { timeout: 60000 });
  }
  const s = await app.waitState((st) => st.project.need.object.endsWith(typed), 'every key reached the field', 60000);
  if (!s.project.need.object.endsWith(typed)) throw new Error('the keys did not all reach the object field');
  const times = await page.evaluate(() => window.__bench.keys);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), keys: times.length, clauses: s.project.clauses.length };
}

// A generated DECP file imported in the benchmark's page (a fresh one, so that its memory is the import's).
async function decpBrowser(context, benchUrl, path) {
  const page = await context.newPage();
  await page.goto(benchUrl);
  await page.waitForFunction(() => typeof Module !== 'undefined' && Module.calledRun);
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-decp';
    document.body.appendChild(input);
  });
  await page.setInputFiles('#bench-decp', path);
  const out = await page.evaluate(`(${decpImport})(document.getElementById('bench-decp'))`);
  out.memory = JSON.parse(await page.evaluate(() => window.__callBench(Module, 'memory', '')));
  await page.close();
  return out;
}

// Frame CPU times while the clause list, filled by a search with many hits, scrolls down and back up.
export async function scrollFrames(app, query, steps) {
  const page = app.page;
  await app.click('step.clauses');
  // Typed without App.fill: the app draws continuously while a text field is active, so waiting for it to
  // settle would only time out. Clicking the first clause then leaves the field (the query stays).
  const field = await app.rect('clauses.search');
  await page.mouse.click(field.x + 20, field.y + field.h / 2);
  await page.keyboard.press('Control+A');   // a second run replaces the query of the first
  await page.keyboard.press('Backspace');
  await page.keyboard.type(query);
  await page.waitForFunction(() => JSON.parse(Module.ccall('clausier_items', 'string', ['string'], ['clauses.item.'])).length >= 20,
    null, { timeout: 60000 }).catch(() => {});
  const items = await app.items('clauses.item.');
  if (items.length < 20) throw new Error(`the search "${query}" lists only ${items.length} clauses`);
  const r = await app.rect(items[0]);
  await page.mouse.click(r.x + 20, r.y + 5);
  await app.settle();
  const frames = await frameCpuTimes(app, async () => {
    for (const dy of [120, -120])
      for (let i = 0; i < steps; i++) {
        await page.mouse.wheel(0, dy);
        await page.waitForTimeout(40);
      }
    await app.settle();
  });
  if (frames.length < steps) throw new Error(`only ${frames.length} frames traced while scrolling`);
  return { p50: percentile(frames, 0.5), p95: percentile(frames, 0.95), frames: frames.length, rows: items.length };
}

// Frames drawn over 2 s without input, after 1 s of rest.
async function idleFps(app) {
  await app.settle();
  await app.page.waitForTimeout(1000);
  const before = await app.page.evaluate(() => window.__bench.count);
  await app.page.waitForTimeout(2000);
  const after = await app.page.evaluate(() => window.__bench.count);
  return (after - before) / 2;
}

// appPage: the page users get (start-up); benchPage: the same app with the benchmark's hook (everything else).
export async function measureBrowser({ appPage, benchPage, baselinePage, data, runs, scrollSteps, sizes, scenario, keys,
                                       decpFile, log = () => {} }) {
  const appUrl = 'file://' + appPage, benchUrl = 'file://' + benchPage, baselineUrl = 'file://' + baselinePage;
  const browser = await launch();
  const context = browser.context;
  await context.addInitScript({ content: `(${rafProbe})();\nwindow.__callBench = ${callBench};` });
  const out = { errors: [] };
  try {
    out.startup = await startup(context, appUrl, baselineUrl, runs);
    log('start-up measured');

    // The app as shipped: idle, CPV search, exports of the 200-clause project, memory.
    const real = await openApp(context, benchUrl);
    out.idle_fps = await idleFps(real);
    out.cpv = await bench(real.page, 'cpv', 'nettoyage');
    out.search_real = await bench(real.page, 'search', 'déchets');
    out.exports = await bench(real.page, 'export', readFileSync(`${data}/project-200.json`, 'utf8'));
    out.portfolio = await bench(real.page, 'portfolio', '500');
    out.memory = await bench(real.page, 'memory');
    out.keystrokes = await keystrokes(real, scenario, keys);
    out.errors.push(...real.errors);
    await real.page.close();
    log('idle frames, CPV search, exports, memory and keystrokes measured');

    if (decpFile) {
      out.decp = await decpBrowser(context, benchUrl, decpFile);
      log(`DECP import measured (${out.decp.records} records)`);
    }

    // Generated libraries: scrolling the clause list, clause search, memory.
    out.libraries = {};
    for (const n of sizes) {
      const app = await openApp(context, benchUrl, `${data}/lib-${n}.json`);
      const search = await bench(app.page, 'search', 'déchets');
      if (search.clauses < n) throw new Error(`the app runs on ${search.clauses} clauses, not ${n}`);
      const frames = await scrollFrames(app, 'titulaire', scrollSteps);
      out.libraries[n] = { search, frames, memory: await bench(app.page, 'memory') };
      if (n === sizes[0]) {
        // The same scroll with the semantic mirror off (src/ui/semantics.h): what the mirror costs a frame.
        await bench(app.page, 'semantics', 'off');
        out.libraries[n].frames_without_mirror = await scrollFrames(app, 'titulaire', scrollSteps);
        await bench(app.page, 'semantics', 'on');
      }
      out.errors.push(...app.errors);
      await app.page.close();
      log(`${n} clauses measured`);
    }
  } finally {
    await context.close();
  }
  return out;
}
