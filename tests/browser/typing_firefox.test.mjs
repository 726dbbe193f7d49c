// The typing cases of issue 11 in Firefox ESR (many French administrations deploy it, and its keyboard and
// composition events differ from Chromium's): Debian's firefox-esr under a virtual X display (headless Firefox
// gets no WebGL on these machines; Xvfb with Mesa does), driven by puppeteer-core over WebDriver BiDi, whose key
// actions Firefox turns into trusted key events. Cases: AZERTY letters with accents, AltGr as Ctrl+Alt, editing
// keys, a paste, a burst of 200 keys, an amount accepted and one refused, a date, and dead keys (^ then e, ¨ then
// i) sent as real X key events that GTK's input method composes (compositionstart/update/end). Input-method
// composition of other kinds is not sent here: WebDriver BiDi has no composition command; typing.test.mjs
// covers it in Chromium.
// Skipped, with a message, when firefox-esr or Xvfb is missing (scripts/install-deps --browser installs them).
// The launch, the display and the helpers (click with scrolling, settle, state) are firefox.mjs's.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { runFirefox } from './firefox.mjs';

runFirefox('typing_firefox', async (app) => {
  const { page } = app;
  const check = (cond, what) => app.check(cond, what);
  const state = () => app.state();
  const settle = () => app.settle();
  const click = (id) => app.click(id);
  const combo = (mods, key) => app.combo(mods, key);
  const clear = async (id) => {
    await click(id);
    await app.selectAll();
    await page.keyboard.press('Backspace');
  };
  const typeAndLeave = async (id, text) => {
    await clear(id);
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await settle();
    return state();
  };

  await app.open();
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
  await app.shot('typing-firefox');

  // Dead keys, as a French keyboard sends them: real key events of the X server (xdotool through XTEST on an
  // AZERTY map set by setxkbmap), which Firefox hands to GTK's input method, which composes them. They go to
  // the window under the pointer, so the pointer is moved over the field (screen = page + mozInnerScreenX/Y)
  // and a real click starts the edit. Composition needs Firefox's real focus handling: puppeteer's profile sets
  // focusmanager.testmode, under which the window never gives GTK's input method the focus and no dead key
  // composes, even in a plain <textarea> (launched below with it off).
  if (!existsSync('/usr/bin/xdotool') || !existsSync('/usr/bin/setxkbmap')) {
    console.log('typing_firefox: dead keys SKIPPED — xdotool or setxkbmap is not installed (scripts/install-deps --browser installs them)');
    return;
  }
  const x = (...args) => execFileSync(args[0], args.slice(1), { env: { ...process.env, DISPLAY: app.display } });
  x('setxkbmap', 'fr');
  const realClick = async (id) => {
    await app.reveal(id);
    const r = await app.rect(id);
    const origin = await page.evaluate(() => ({ x: window.mozInnerScreenX, y: window.mozInnerScreenY }));
    x('xdotool', 'mousemove', '--sync', String(Math.round(origin.x + r.x + Math.min(r.w / 2, 40))), String(Math.round(origin.y + r.y + r.h / 2)));
    x('xdotool', 'click', '1');
    await settle();
  };
  await realClick('besoin.object');
  await combo(['Control'], 'a');
  await page.keyboard.press('Backspace');
  await page.evaluate(() => {
    window.__composition = [];
    for (const type of ['compositionstart', 'compositionupdate', 'compositionend']) {
      document.addEventListener(type, (e) => window.__composition.push(`${type}(${e.data})`), true);
    }
  });
  x('xdotool', 'key', '--delay', '60', 'c', 'o', 'dead_circumflex', 'u', 't', 'space', 'f', 'dead_circumflex', 'e', 't', 'e',
    'space', 'n', 'a', 'dead_diaeresis', 'i', 'f');
  s = await app.waitState((st) => st.project.need.object.length >= 'coût fête naïf'.length, 'the dead keys are composed');
  check(s.project.need.object === 'coût fête naïf', '^ then u, ^ then e, ¨ then i compose û, ê, ï: ' + s.project.need.object);
  const events = await page.evaluate(() => window.__composition);
  check(events.filter((e) => e.startsWith('compositionstart')).length === 3
    && events.filter((e) => e.startsWith('compositionend')).length === 3 && events.includes('compositionupdate(^)')
    && events.includes('compositionupdate(¨)'), 'each dead key is a composition (start, update ^ or ¨, end): ' + events.join(' '));
}, { prefs: { 'focusmanager.testmode': false } });
