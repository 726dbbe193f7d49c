// Firefox ESR for the browser tests: Debian's firefox-esr under a virtual X display of its own (headless Firefox
// gets no WebGL on these machines; Xvfb with Mesa's llvmpipe gives WebGL 2), driven by puppeteer-core over
// WebDriver BiDi, whose key and pointer actions Firefox turns into trusted events. FirefoxApp is lib.mjs's App
// with the few driver-specific methods replaced, so a walk written for App runs in both browsers.
// A test calls `runFirefox(name, body)`: it prints SKIPPED and exits 0 when firefox-esr or Xvfb is missing
// (scripts/install-deps --browser installs them).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, appUrl, framesPending, run } from './lib.mjs';

// CLAUSIER_FIREFOX names another Firefox binary (or a missing one, to see the tests skip).
const firefox = process.env.CLAUSIER_FIREFOX || '/usr/bin/firefox-esr';

// Xvfb picks a free display number itself (-displayfd) and writes it on fd 3 once it accepts connections: no
// race with another test or another user's display.
export async function startXvfb() {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1300x850x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  const number = await new Promise((resolve, reject) => {
    let out = '';
    xvfb.stdio[3].on('data', (d) => { out += d; if (out.includes('\n')) resolve(out.trim()); });
    xvfb.on('exit', (code) => reject(new Error('Xvfb exited with ' + code)));
  });
  return { display: ':' + number, xvfb };
}

export class FirefoxApp extends App {
  pause(ms) { return new Promise((r) => setTimeout(r, ms)); }
  viewport() { return this.size; }
  wheel(deltaY) { return this.page.mouse.wheel({ deltaY }); }
  async combo(mods, key) {
    for (const m of mods) await this.page.keyboard.down(m);
    await this.page.keyboard.press(key);
    for (const m of [...mods].reverse()) await this.page.keyboard.up(m);
  }
  selectAll() { return this.combo(['Control'], 'a'); }
  // BiDi key actions carry any character (é, €, œ, «, ’) as its own key: Firefox gives the page a trusted
  // keydown/keypress/input for each, as for a key of a French layout.
  async sendKeys(text) { await this.page.keyboard.type(text); }
  async cdp() { throw new Error('no Chrome DevTools Protocol in Firefox'); }
  async reload() {
    await this.page.reload();
    await this.page.waitForFunction(() => typeof Module !== 'undefined' && Module._clausier_state && Module.calledRun, { timeout: 60000 });
    await this.settle();
  }
  async open(url = appUrl) {
    await this.page.goto(url);
    await this.page.waitForFunction(() => typeof Module !== 'undefined' && Module._clausier_state && Module.calledRun, { timeout: 60000 });
    await this.settle();
  }
  // A real download: Firefox saves it, with no dialog, in the profile's download folder (prefs of launch());
  // waits until a new complete file is there (no .part file left).
  async download(id) {
    const before = new Set(readdirSync(this.downloadDir));
    await this.click(id);
    for (let i = 0; ; i++) {
      const names = readdirSync(this.downloadDir);
      const fresh = names.filter((n) => !before.has(n) && !n.endsWith('.part'));
      if (fresh.length && !names.some((n) => n.endsWith('.part'))) {
        const path = join(this.downloadDir, fresh[0]);
        if (statSync(path).size > 0) return { name: fresh[0], path, text: readFileSync(path, 'utf8') };
      }
      if (i > 600) throw new Error(`no download after clicking ${id}`);
      await this.pause(50);
    }
  }
  async openFile(id, name, content) {
    const before = await this.state();
    const [chooser] = await Promise.all([this.page.waitForFileChooser({ timeout: 30000 }), this.click(id)]);
    const path = join(mkdtempSync(join(tmpdir(), 'clausier-up-')), name);
    writeFileSync(path, content);
    await chooser.accept([path]);
    await this.waitState((s) => s.project_id !== before.project_id || s.error !== before.error || s.notice !== before.notice,
      `the file ${name} is read`, 60000);
    await this.settle();
  }
  async newTab() { throw new Error('FirefoxApp has no second tab'); }
  async close() {
    await this.browser.close().catch(() => {});
    this.xvfb.kill();
  }
}

export async function launchFirefox({ width = 1280, height = 800, prefs = {} } = {}) {
  const { default: puppeteer } = await import('puppeteer-core');
  const { display, xvfb } = await startXvfb();
  const downloadDir = mkdtempSync(join(tmpdir(), 'clausier-ff-dl-'));
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox', executablePath: firefox, headless: false,
      userDataDir: mkdtempSync(join(tmpdir(), 'clausier-firefox-')),
      env: { ...process.env, DISPLAY: display, LIBGL_ALWAYS_SOFTWARE: '1' },
      extraPrefsFirefox: {
        'webgl.force-enabled': true,
        'dom.events.asyncClipboard.readText': true, 'dom.events.testing.asyncClipboard': true,
        'browser.download.folderList': 2, 'browser.download.dir': downloadDir, 'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false, 'browser.download.alwaysOpenPanel': false,
        'browser.download.start_downloads_in_tmp_dir': false,
        ...prefs,
      },
      defaultViewport: { width, height },
      protocolTimeout: 300000,
    });
  } catch (e) {
    xvfb.kill();
    throw e;
  }
  const page = (await browser.pages())[0] || await browser.newPage();
  await page.evaluateOnNewDocument(framesPending);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const app = new FirefoxApp(page, null, requests, errors);
  Object.assign(app, { browser, xvfb, display, downloadDir, size: { width, height } });
  return app;
}

export async function runFirefox(name, body, options) {
  if (!existsSync(firefox) || !existsSync('/usr/bin/Xvfb')) {
    console.log(`${name}: SKIPPED — firefox-esr or Xvfb is not installed (scripts/install-deps --browser installs them)`);
    process.exit(0);
  }
  await run(name, body, options, launchFirefox);
}
