// Firefox ESR for the browser tests: Debian's firefox-esr under a virtual X display of its own (headless Firefox
// gets no WebGL on these machines; Xvfb with Mesa's llvmpipe gives WebGL 2), driven by puppeteer-core over
// WebDriver BiDi, whose key and pointer actions Firefox turns into trusted events. FirefoxApp is lib.mjs's App
// with the few driver-specific methods replaced, so a walk written for App runs in both browsers.
// A test calls `runFirefox(name, body)`: it prints SKIPPED and exits 0 when firefox-esr or Xvfb is missing
// (scripts/install-deps --browser installs them).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, appUrl, framesPending, run } from './lib.mjs';

// CLAUSIER_FIREFOX names another Firefox binary (or a missing one, to see the tests skip).
const firefox = process.env.CLAUSIER_FIREFOX || '/usr/bin/firefox-esr';

// Xvfb picks a free display number itself (-displayfd) and writes it on fd 3 once it accepts connections: no
// race with another test or another user's display. Key auto-repeat off (-r): xdotool presses and releases each key,
// but on a loaded machine the release can reach the server after the repeat delay (660 ms), which then types the
// key twice (« wxccvbn » once, with two suites on two cores) — a fault of the test machine, not of the page.
export async function startXvfb() {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1440x900x24', '-nolisten', 'tcp', '-r'],
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

  // --- Firefox's own machinery, with chrome privileges ------------------------------------------------------
  // Runs `fn(...args)` in the browser window (chrome://browser/content/browser.xhtml) with its privileges: the
  // WebDriver BiDi session may target it since Firefox started with --remote-allow-system-access (launchFirefox)
  // and browsingContext.getTree is asked for the "chrome" scope. `fn` must not close over anything; `args` and
  // its result go through JSON.
  async chrome(fn, ...args) {
    const conn = this.browser.connection;
    if (!this.chromeContext) {
      const { result } = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
      this.chromeContext = result.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml').context;
    }
    const expression = `Promise.resolve((${fn})(...${JSON.stringify(args)})).then((v) => JSON.stringify(v === undefined ? null : v))`;
    const { result } = await conn.send('script.evaluate', { expression, target: { context: this.chromeContext }, awaitPromise: true });
    if (result.type !== 'success') throw new Error('in the browser window: ' + (result.exceptionDetails && result.exceptionDetails.text));
    return JSON.parse(result.result.value);
  }
  // An input method, as Firefox's own tests drive one: nsITextInputProcessor, on the browser window's widget,
  // goes the way a system IME's text goes (widget → the focused tab → compositionstart/update/end, beforeinput
  // and input in the page). `op`: 'compose' with `clauses` ([text, 'raw' | 'converted' | 'selected'], the caret
  // at the end), 'commit' (what is being composed), 'commitWith' (`text`: a commit with no composition before it,
  // or replacing it), 'cancel'. `code`: the physical key the user pressed for it, if any: the page then gets its
  // keydown/keyup as a system IME reports a key it consumes (key "Process", keyCode 229, that code).
  ime(op, { clauses = [], text = '', code = '' } = {}) {
    return this.chrome((op, clauses, text, code) => {
      // The page has the window's focus, as after a click in it (not the address bar).
      if (Services.focus.focusedElement !== gBrowser.selectedBrowser) gBrowser.selectedBrowser.focus();
      const tip = window.clausierTip || (window.clausierTip = Cc['@mozilla.org/text-input-processor;1']
        .createInstance(Ci.nsITextInputProcessor));
      if (!tip.beginInputTransactionForTests(window)) throw new Error('the input-method transaction was refused');
      const key = code ? new KeyboardEvent('', { key: 'Process', code, keyCode: 229 }) : null;
      const attr = { raw: tip.ATTR_RAW_CLAUSE, converted: tip.ATTR_CONVERTED_CLAUSE, selected: tip.ATTR_SELECTED_CLAUSE };
      if (op === 'compose') {
        const all = clauses.map((c) => c[0]).join('');
        tip.setPendingCompositionString(all);
        for (const [t, a] of clauses) tip.appendClauseToPendingComposition(t.length, attr[a]);
        tip.setCaretInPendingComposition(all.length);
        return tip.flushPendingComposition(key);
      }
      if (op === 'commit') return tip.commitComposition(key);
      if (op === 'commitWith') return tip.commitCompositionWith(text, key);
      if (op === 'cancel') { tip.cancelComposition(key); return true; }
      throw new Error('unknown input-method operation ' + op);
    }, op, clauses, text, code);
  }

  // --- real X events (xdotool through XTEST), with the keyboard layout set by setxkbmap -----------------------
  // Keys go to the window under the pointer (no window manager): realClick moves the pointer first.
  x(...args) { return execFileSync(args[0], args.slice(1), { env: { ...process.env, DISPLAY: this.display } }).toString(); }
  // A real click (button 1, or 3 for the context menu) on the widget `id`, through the X server.
  async realClick(id, { button = 1, dx } = {}) {
    await this.reveal(id);
    const r = await this.rect(id);
    const origin = await this.page.evaluate(() => ({ x: window.mozInnerScreenX, y: window.mozInnerScreenY }));
    const x = Math.round(origin.x + r.x + (dx === undefined ? Math.min(r.w / 2, 40) : dx));
    this.x('xdotool', 'mousemove', '--sync', String(x), String(Math.round(origin.y + r.y + Math.min(r.h / 2, 12))));
    this.x('xdotool', 'click', String(button));
    await this.settle();
    // A click on a text field starts its edit, and keys sent next belong to it only once it has: under load the
    // click can reach the page after settle() saw a still frame (keys then went to the field edited before).
    if (button === 1) {
      await this.page.waitForFunction((f) => !Module.clausierSemantics || !Module.clausierSemantics.field(f) ||
        window.clausierText.editing() === f, { timeout: 15000 }, id);
    }
  }
  // --- nothing sent anywhere -----------------------------------------------------------------------------------
  // What WebDriver BiDi's network events (App.requests) show is what Firefox's HTTP layer opens for the page:
  // fetch, XHR, beacons, WebSocket handshakes (as http(s)://), images, frames, forms. Three more witnesses come
  // from the browser window (watchNetwork, at launch): every HTTP channel opened by anyone
  // (http-on-opening-request), with the browsing context it was opened for (0: Firefox's own background work,
  // such as its remote settings); every WebRTC peer connection a page made (WebrtcGlobalInformation: ICE sends
  // UDP that no HTTP channel, no BiDi event and no connect-src policy sees); the host names Firefox's resolver
  // looked up (the network dashboard's DNS cache, which also shows a name looked up for a request that never got
  // as far as a channel). Not seen: speculative connections and DNS prefetches a page asks for (no channel; the
  // DNS cache shows their names only once resolved), an external protocol handler (mailto: …) started by a
  // navigation, and traffic of another process than Firefox.
  async network() {
    return this.chrome(() => new Promise((resolve) => {
      const dashboard = Cc['@mozilla.org/network/dashboard;1'].getService(Ci.nsIDashboard);
      dashboard.requestDNSInfo((dns) => WebrtcGlobalInformation.getAllStats((rtc) => resolve({
        channels: window.clausierChannels,
        dns: [...new Set(dns.entries.map((e) => e.hostname))],
        // Firefox's connectivity service looks these names up itself, with no channel.
        probes: ['DNSv4', 'DNSv6'].map((v) => Services.prefs.getStringPref(`network.connectivity-service.${v}.domain`, '')),
        webrtc: rtc.reports.map((r) => r.pcid),
      })));
    }));
  }
  // Forgets what was seen so far (after a test of the witnesses themselves).
  forgetNetwork() {
    return this.chrome(() => {
      window.clausierChannels.length = 0;
      WebrtcGlobalInformation.clearAllStats();
      Services.dns.clearCache(true);
    });
  }
  // The page (and the app in it) reached no one: no request in BiDi's events (App.checkNoNetwork), no HTTP
  // channel opened for a page, no WebRTC peer connection, no host name looked up beyond those of Firefox's own
  // background channels. Run by finish(), so every Firefox test ends with it.
  async checkNoNetworkAtAll() {
    const local = (u) => /^(file|data|blob|about|chrome|resource|moz-extension):/.test(u);
    const n = await this.network();
    const page = n.channels.filter((c) => c.context !== 0 && !local(c.url));
    const own = new Set([...n.probes, ...n.channels.filter((c) => c.context === 0).map((c) => new URL(c.url).hostname)]);
    const names = n.dns.filter((h) => !own.has(h) && h !== 'localhost' && h !== '127.0.0.1');
    this.check(page.length === 0, `no HTTP channel opened for the page, WebSocket handshakes and beacons included (${page[0] ? page[0].url : 'none'}; ${n.channels.length - page.length} of Firefox's own)`);
    this.check(n.webrtc.length === 0, `no WebRTC peer connection (${n.webrtc[0] || 'none'})`);
    this.check(names.length === 0, `no host name looked up but Firefox's own (${names[0] || 'none'})`);
  }
  checkNoNetwork() {
    this.requestsChecked = true;
    super.checkNoNetwork();
  }
  async finish(name) {
    try {
      if (!this.requestsChecked) this.checkNoNetwork();
      await this.checkNoNetworkAtAll();
    } catch (e) {
      this.check(false, 'the network witnesses answer: ' + e);
    }
    return super.finish(name);
  }
  async close() {
    await this.browser.close().catch(() => {});
    this.xvfb.kill();
  }
}

// The session may reach the browser window's chrome context (FirefoxApp.chrome): --remote-allow-system-access.
export async function launchFirefox({ width = 1280, height = 800, prefs = {}, args = [] } = {}) {
  const { default: puppeteer } = await import('puppeteer-core');
  const { display, xvfb } = await startXvfb();
  const downloadDir = mkdtempSync(join(tmpdir(), 'clausier-ff-dl-'));
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox', executablePath: firefox, headless: false, args: ['--remote-allow-system-access', ...args],
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
  await watchNetwork(app);
  return app;
}

// Records every HTTP channel Firefox opens from now on, with the browsing context it serves (FirefoxApp.network).
function watchNetwork(app) {
  return app.chrome(() => {
    window.clausierChannels = [];
    Services.obs.addObserver((subject) => {
      const channel = subject.QueryInterface(Ci.nsIChannel);
      window.clausierChannels.push({ url: channel.URI.spec, context: channel.loadInfo.browsingContextID });
    }, 'http-on-opening-request');
  });
}

export async function runFirefox(name, body, options) {
  if (!existsSync(firefox) || !existsSync('/usr/bin/Xvfb')) {
    console.log(`${name}: SKIPPED — firefox-esr or Xvfb is not installed (scripts/install-deps --browser installs them)`);
    process.exit(0);
  }
  await run(name, body, options, launchFirefox);
}
