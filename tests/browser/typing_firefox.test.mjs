// The typing cases of issue 11 in Firefox ESR (many French administrations deploy it, and its keyboard and
// composition events differ from Chromium's): Debian's firefox-esr under a virtual X display (headless Firefox
// gets no WebGL on these machines; Xvfb with Mesa does), driven by puppeteer-core over WebDriver BiDi, whose key
// actions Firefox turns into trusted key events. Cases: AZERTY letters with accents, AltGr as Ctrl+Alt, editing
// keys, a paste, a burst of 200 keys, an amount accepted and one refused, a date. Dead keys and input-method
// composition are not sent here: WebDriver BiDi has no composition command, and Firefox under a bare Xvfb
// composes no dead key even in a plain <textarea> (shared/PLATFORM.md); typing.test.mjs covers them in Chromium.
// Skipped, with a message, when firefox-esr or Xvfb is missing (scripts/install-deps --browser installs them).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appUrl, shotDir } from './lib.mjs';

const firefox = '/usr/bin/firefox-esr';
if (!existsSync(firefox) || !existsSync('/usr/bin/Xvfb')) {
  console.log('typing_firefox: SKIPPED — firefox-esr or Xvfb is not installed (scripts/install-deps --browser installs them)');
  process.exit(0);
}
const { default: puppeteer } = await import('puppeteer-core');

// A display of our own: the first free number from 90.
let n = 90;
while (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) n++;
const display = `:${n}`;
const xvfb = spawn('Xvfb', [display, '-screen', '0', '1300x850x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
for (let i = 0; i < 100 && !existsSync(`/tmp/.X11-unix/X${n}`); i++) await new Promise((r) => setTimeout(r, 50));

let passed = 0, failed = 0;
const check = (cond, what) => {
  if (cond) { passed++; console.log('ok   ' + what); } else { failed++; console.log('FAIL ' + what); }
};
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

const browser = await puppeteer.launch({
  browser: 'firefox', executablePath: firefox, headless: false,
  userDataDir: mkdtempSync(join(tmpdir(), 'clausier-firefox-')),
  env: { ...process.env, DISPLAY: display, LIBGL_ALWAYS_SOFTWARE: '1' },
  extraPrefsFirefox: { 'webgl.force-enabled': true, 'dom.events.asyncClipboard.readText': true, 'dom.events.testing.asyncClipboard': true },
  defaultViewport: { width: 1280, height: 800 },
});
const errors = [];
try {
  const page = (await browser.pages())[0] || await browser.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  const state = async () => JSON.parse(await page.evaluate(() => Module.UTF8ToString(Module._clausier_state())));
  // Waits until the app stops drawing (its frame counter stops moving).
  const settle = async () => {
    let last = -1;
    for (let i = 0; i < 100; i++) {
      const f = (await state()).frame;
      if (f === last && f > 0) return;
      last = f;
      await pause(120);
    }
  };
  const rect = async (id) => {
    const s = await page.evaluate((id) => Module.ccall('clausier_rect', 'string', ['string'], [id]), id);
    if (!s) throw new Error(`widget "${id}" is not on screen`);
    return JSON.parse(s);
  };
  // Scrolls the widget into view with the wheel (BiDi refuses a pointer outside the viewport), then clicks it.
  const click = async (id) => {
    let r = await rect(id);
    for (let i = 0; i < 30 && !(r.visible && r.y >= 0 && r.y + r.h <= 800); i++) {
      await page.mouse.move(Math.max(5, Math.min(1275, r.x + 20)), 400);
      await page.mouse.wheel({ deltaY: Math.max(-600, Math.min(600, r.y - 400)) });
      await settle();
      r = await rect(id);
    }
    await page.mouse.click(r.x + Math.min(r.w / 2, 40), r.y + r.h / 2);
    await settle();
  };
  const combo = async (mods, key) => {
    for (const m of mods) await page.keyboard.down(m);
    await page.keyboard.press(key);
    for (const m of [...mods].reverse()) await page.keyboard.up(m);
  };
  const clear = async (id) => {
    await click(id);
    await combo(['Control'], 'a');
    await page.keyboard.press('Backspace');
  };
  const typeAndLeave = async (id, text) => {
    await clear(id);
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await settle();
    return state();
  };

  await page.goto(appUrl);
  await page.waitForFunction(() => typeof Module !== 'undefined' && Module._clausier_state && Module.calledRun, { timeout: 60000 });
  await settle();
  check(true, 'the app starts in Firefox ESR under Xvfb (WebGL 2 from Mesa)');

  // The DOM element, and French letters typed as key events.
  await clear('besoin.object');
  const el = await page.evaluate(() => ({ tag: document.activeElement.tagName, lang: document.activeElement.lang }));
  check(el.tag === 'INPUT' && el.lang === 'fr', `a one-line field is edited in an <input lang="fr"> (${el.tag})`);
  const french = 'Été à Noël : ça où « 12 € » ; l’œuvre è ù ç';
  await page.keyboard.type(french);
  await settle();
  let s = await state();
  check(s.project.need.object === french, 'French letters arrive as typed: ' + s.project.need.object);

  // AltGr as Windows reports it: Ctrl+Alt with the character.
  await clear('besoin.object');
  await page.keyboard.type('achats');
  await combo(['Control', 'Alt'], '@');
  await page.keyboard.type('mairie.fr ');
  await combo(['Control', 'Alt'], '€');
  await combo(['Control', 'Alt'], '#');
  await settle();
  s = await state();
  check(s.project.need.object === 'achats@mairie.fr €#', 'AltGr (Ctrl+Alt) characters are characters: ' + s.project.need.object);

  // Editing keys.
  await clear('besoin.title');
  await page.keyboard.type('un deux trois');
  await page.keyboard.press('Home');
  await page.keyboard.type('X');
  await page.keyboard.press('End');
  await page.keyboard.type('Y');
  await combo(['Control'], 'ArrowLeft');
  await page.keyboard.type('Z');
  await settle();
  s = await state();
  check(s.project.title === 'Xun deux ZtroisY', 'Home, End and Ctrl+← move the caret (' + s.project.title + ')');

  // Paste: the page's clipboard written when Firefox lets it, then Ctrl+V; otherwise a paste event carrying the
  // text (what the browser sends the element on Ctrl+V or the context menu's « Coller »).
  await clear('besoin.object');
  const text = 'Entretien des locaux\net de leurs abords';
  const viaClipboard = await page.evaluate((t) => navigator.clipboard.writeText(t).then(() => true, () => false), text);
  if (viaClipboard) await combo(['Control'], 'v');
  else {
    await page.evaluate((t) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', t);
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, text);
  }
  await settle();
  s = await state();
  check(s.project.need.object === 'Entretien des locaux et de leurs abords',
    `a two-line text pasted (${viaClipboard ? 'Ctrl+V from the clipboard' : 'paste event'}) keeps its words apart: ` + s.project.need.object);

  // A burst of 200 keys with no delay.
  await clear('besoin.quantities');
  const burst = ('Tonte été, élagage à l’automne ; 12 000 m² ! ').repeat(6).slice(0, 200);
  await page.keyboard.type(burst);
  await settle();
  s = await state();
  check(s.project.need.quantities === burst, `a burst of 200 keys keeps every character (${s.project.need.quantities.length})`);

  // Amounts and dates.
  s = await typeAndLeave('besoin.value', '59 999,50');
  check(s.project.lots[0].value === 59999.5, `« 59 999,50 » is 59 999,50 € (${s.project.lots[0].value})`);
  s = await typeAndLeave('besoin.value', '1,234,567');
  check(s.project.lots[0].value === 59999.5 && (s.field_messages['besoin.value'] || '').length > 10,
    `« 1,234,567 » is refused with a message, the amount unchanged (${s.project.lots[0].value}): ` + s.field_messages['besoin.value']);
  s = await typeAndLeave('besoin.launch_date', '15/01/2027');
  check(s.project.need.launch_date === '2027-01-15', '« 15/01/2027 » is stored as 2027-01-15');
  await page.screenshot({ path: join(shotDir, 'typing-firefox.png') });
} catch (e) {
  check(false, 'unexpected error: ' + (e && e.stack || e));
} finally {
  check(errors.length === 0, 'no page error ' + (errors[0] || ''));
  await browser.close().catch(() => {});
  xvfb.kill();
}
console.log(`typing_firefox: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
