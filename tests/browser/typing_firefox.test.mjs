// The typing cases of issue 11 in Firefox ESR (many French administrations deploy it, and its keyboard and
// composition events differ from Chromium's): Debian's firefox-esr under a virtual X display (headless Firefox
// gets no WebGL on these machines; Xvfb with Mesa does), driven by puppeteer-core over WebDriver BiDi, whose key
// actions Firefox turns into trusted key events. Cases: AZERTY letters with accents, AltGr as Ctrl+Alt, editing
// keys, a paste, a burst of 200 keys, an amount accepted and one refused, a date. Dead keys and input-method
// composition are not sent here: WebDriver BiDi has no composition command, and Firefox under a bare Xvfb
// composes no dead key even in a plain <textarea> (shared/PLATFORM.md); typing.test.mjs covers them in Chromium.
// Skipped, with a message, when firefox-esr or Xvfb is missing (scripts/install-deps --browser installs them).
// The launch, the display and the helpers (click with scrolling, settle, state) are firefox.mjs's.
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
});
