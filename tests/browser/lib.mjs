// Shared helpers for the browser tests: Debian's Chromium driven by playwright-core, headless with
// SwiftShader WebGL, the app opened from file://. Tests find widgets through the app's automation API
// (docs/automation.md) and then act with real mouse and keyboard events.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// CLAUSIER_APP names another build of the page (e.g. one from a build folder of one's own).
export const appUrl = 'file://' + resolve(process.env.CLAUSIER_APP || 'dist/clausier.html');
export const shotDir = resolve('build/screenshots');
mkdirSync(shotDir, { recursive: true });

const flags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  '--disable-default-apps', '--disable-extensions', '--metrics-recording-only', '--no-default-browser-check'];

// `userDataDir`: a browser profile (with its localStorage) to reuse across launches, e.g. to reopen the app
// after a crash; a fresh temporary profile by default.
export async function launch({ width = 1280, height = 800, scale = 1, userDataDir } = {}) {
  userDataDir = userDataDir || mkdtempSync(join(tmpdir(), 'clausier-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium', headless: true, args: flags, acceptDownloads: true,
    viewport: { width, height }, deviceScaleFactor: scale,
  });
  const app = await appIn(context);
  app.userDataDir = userDataDir;
  return app;
}

// The App on the first page of a launched Chromium context, recording the page's requests and errors.
export async function appIn(context) {
  await context.addInitScript(framesPending);
  const page = context.pages()[0] || await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return new App(page, context, requests, errors);
}

// Installed in every page: counts the animation frames the page has asked for and not yet run. The app draws
// only in animation frames and asks for the next one while it has something to draw, so none pending means it
// has drawn everything the input so far asked for (App.settle).
export function framesPending() {
  const raf = window.requestAnimationFrame.bind(window);
  window.__framesPending = 0;
  window.requestAnimationFrame = (callback) => {
    window.__framesPending++;
    return raf((time) => { window.__framesPending--; callback(time); });
  };
}

export class App {
  constructor(page, context, requests, errors) {
    this.page = page; this.context = context; this.requests = requests; this.errors = errors;
    this.passed = 0; this.failed = 0;
  }
  async open(url = appUrl) {
    await this.page.goto(url);
    await this.page.waitForFunction(() => typeof Module !== 'undefined' && Module._clausier_state && Module.calledRun);
    await this.settle();
  }
  // Brings this tab to the front, as a user clicking on it does: only the front tab receives the keyboard.
  async front() {
    await this.page.bringToFront();
    await this.settle();
  }
  // Reloads the page and waits until the app runs again.
  async reload() {
    await this.page.reload();
    await this.page.waitForFunction(() => typeof Module !== 'undefined' && Module._clausier_state && Module.calledRun);
    await this.settle();
  }
  async state() {
    return JSON.parse(await this.page.evaluate(() => Module.UTF8ToString(Module._clausier_state())));
  }
  // Waits until the app's state satisfies `pred` (polled every 40 ms, up to `ms`): what a test waits for is
  // something the app did, never a delay. Returns the state; on timeout, a failed check names `what`.
  async waitState(pred, what = 'the app reaches the expected state', ms = 15000) {
    const start = Date.now();
    for (;;) {
      const s = await this.state();
      if (pred(s)) return s;
      if (Date.now() - start > ms) {
        this.check(false, `timed out after ${ms} ms waiting until ${what}`);
        return s;
      }
      await this.pause(40);
    }
  }
  // Waits until every change is written to the browser's storage (or the write was refused and reported).
  async saved(ms = 15000) {
    return this.waitState((s) => !s.save_pending && (s.storage_refused || s.saved_generation >= s.generation),
      'the project is saved', ms);
  }
  // Waits until the app has drawn its last frame: no animation frame pending and the frame counter still.
  // A tab in the background gets no animation frames: there the counter standing still is the sign.
  // The counter is read through clausier_frames (the frames drawn, the state's `frame`), not the whole state:
  // building and parsing the state's JSON at every poll cost the page about 10 ms each time. It also waits for the
  // findings of the last change, which the app computes on its own after a pause in typing (and announces in the
  // frame after): reading the state would compute them at once, and hide what a user waits for.
  async settle() {
    let last = -1;
    const start = Date.now();
    while (Date.now() - start < 60000) {
      const { frame, pending, hidden, analysed } = await this.page.evaluate(() => ({
        frame: Module._clausier_frames(), analysed: Module._clausier_analysed(),
        pending: window.__framesPending, hidden: document.visibilityState === 'hidden' }));
      if (frame > 0 && frame === last && analysed && (pending === 0 || hidden)) return;
      last = frame;
      await this.pause(hidden ? 120 : 20);
    }
    this.check(false, 'the app stops drawing within 60 s');
  }
  // What differs between the drivers (playwright-core here, puppeteer-core for Firefox in firefox.mjs).
  pause(ms) { return this.page.waitForTimeout(ms); }
  viewport() { return this.page.viewportSize(); }
  wheel(deltaY) { return this.page.mouse.wheel(0, deltaY); }
  selectAll() { return this.page.keyboard.press('Control+A'); }
  async rect(id) {
    const s = await this.page.evaluate((id) => Module.ccall('clausier_rect', 'string', ['string'], [id]), id);
    if (!s) throw new Error(`widget "${id}" is not on screen`);
    return JSON.parse(s);
  }
  // Automation ids of the widgets drawn in the last frame that start with `prefix`, in drawing order.
  async items(prefix) {
    return JSON.parse(await this.page.evaluate((p) => Module.ccall('clausier_items', 'string', ['string'], [p]), prefix));
  }
  async has(id) {
    return !!(await this.page.evaluate((id) => Module.ccall('clausier_rect', 'string', ['string'], [id]), id));
  }
  // Scrolls with the mouse wheel, as a user would, until the widget is fully in view (`visible`: its window
  // shows all of it).
  async reveal(id) {
    const vp = this.viewport();
    for (let i = 0; i < 40; i++) {
      const r = await this.rect(id);
      if (r.visible && r.y >= 0 && r.y + r.h <= vp.height) return r;
      // Wheel over the widget's own column (the stepper, the form and the right panel scroll apart).
      const over = { x: Math.max(5, Math.min(vp.width - 5, r.x + Math.min(r.w / 2, 40))), y: vp.height / 2 };
      await this.page.mouse.move(over.x, over.y);
      await this.wheel(Math.max(-1000, Math.min(1000, r.y - vp.height / 2)));
      await this.settle();
    }
    return this.rect(id);
  }
  async click(id) {
    const r = await this.reveal(id);
    await this.page.mouse.click(r.x + Math.min(r.w / 2, 40), r.y + r.h / 2);
    await this.settle();
  }
  // Types like a French keyboard: ASCII through ordinary key events, other characters (é, €, œ, «, ’) as
  // CDP key events carrying their text, which is what a real layout produces (see shared/PLATFORM.md).
  async type(text) {
    await this.sendKeys(text);
    await this.settle();
  }
  // The same keys without waiting for the app to draw them (a reload or a closed tab may follow at once).
  async sendKeys(text) {
    const cdp = await this.cdp();
    for (const ch of text) {
      if (ch.charCodeAt(0) < 128) await this.page.keyboard.type(ch);
      else {
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', text: ch, unmodifiedText: ch });
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp' });
      }
    }
  }
  async cdp() {
    if (!this._cdp) this._cdp = await this.context.newCDPSession(this.page);
    return this._cdp;
  }
  async press(key) { await this.page.keyboard.press(key); await this.settle(); }
  // Clicks a text field, clears it and types a new value.
  async fill(id, text) {
    await this.click(id);
    await this.selectAll();
    await this.page.keyboard.press('Backspace');
    await this.type(text);
    await this.press('Enter');
  }
  async choose(id, value) {
    await this.click(id);
    await this.click(`${id}=${value}`);
  }
  // What the screen-reader bridge last announced (the off-screen live region of the page).
  async live() { return this.page.evaluate(() => document.getElementById('live').textContent); }
  // The name of the widget that has the focus, as its node of the semantic mirror (web/semantics.js) gives it
  // to a screen reader: a field's label, a button's or a list entry's text; "" when no widget has it.
  async focused() {
    return this.page.evaluate(() => {
      const e = document.activeElement;
      return e && e.dataset && (e.dataset.semId || e.dataset.field) ? e.getAttribute('aria-label') || e.textContent : '';
    });
  }
  // Index of the first finding of `rule` in the app's list (the same order as the right panel's buttons).
  async findingIndex(rule) { return (await this.state()).findings.findIndex((f) => f.rule === rule); }
  async shot(name) {
    await this.page.screenshot({ path: join(shotDir, name + '.png') });
  }
  async download(id) {
    const [d] = await Promise.all([this.page.waitForEvent('download', { timeout: 15000 }), this.click(id)]);
    const path = join(mkdtempSync(join(tmpdir(), 'clausier-dl-')), d.suggestedFilename());
    await d.saveAs(path);
    return { name: d.suggestedFilename(), path, text: readFileSync(path, 'utf8') };
  }
  // Opens a file through the page's file picker and waits until the app has read it: a project opened, or a
  // message (an error, or the page's own notice for a file it refuses to read).
  async openFile(id, name, content) {
    const before = await this.state();
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.click(id)]);
    const path = join(mkdtempSync(join(tmpdir(), 'clausier-up-')), name);
    writeFileSync(path, content);
    await chooser.setFiles(path);
    await this.waitState((s) => s.project_id !== before.project_id || s.error !== before.error || s.notice !== before.notice,
      `the file ${name} is read`, 60000);
    await this.settle();
  }
  // A second tab of the same browser on the app: its own page, the same storage; its checks count with this one's.
  async newTab(url = appUrl) {
    const page = await this.context.newPage();
    page.on('request', (r) => this.requests.push(r.url()));
    page.on('pageerror', (e) => this.errors.push(String(e)));
    const tab = new App(page, this.context, this.requests, this.errors);
    tab.check = (cond, what) => this.check(cond, what);
    await tab.open(url);
    return tab;
  }
  check(cond, what) {
    if (cond) { this.passed++; console.log('ok   ' + what); }
    else { this.failed++; console.log('FAIL ' + what); }
  }
  // Only the page itself may be requested: the app must talk to no one.
  checkNoNetwork() {
    const foreign = this.requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:') && !u.startsWith('blob:'));
    this.check(foreign.length === 0, 'no network request (' + (foreign[0] || 'none') + ')');
  }
  async close() { await this.context.close(); }
  async finish(name) {
    this.check(this.errors.length === 0, 'no page error ' + (this.errors[0] || ''));
    await this.close();
    console.log(`${name}: ${this.passed} passed, ${this.failed} failed`);
    process.exit(this.failed === 0 ? 0 : 1);
  }
}

// `launcher`: launch() here, firefox.mjs's launchFirefox() for Firefox ESR.
export async function run(name, body, options, launcher = launch) {
  const app = await launcher(options);
  try {
    await body(app);
  } catch (e) {
    app.check(false, 'unexpected error: ' + (e && e.stack || e));
    try { await app.shot(name + '-error'); } catch (_) { /* the page may be gone */ }
  }
  await app.finish(name);
}
