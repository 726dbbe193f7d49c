// Typing as in a word processor (issue 11, points 1–3, 5, 6): while a field is edited, a real DOM <input> or
// <textarea> lies over it, and every way a French user produces text gets in exactly as meant. The keys are the
// real event sequences a browser receives, sent through the Chrome DevTools Protocol: AZERTY keys with their
// codes, dead keys (key "Dead"), AltGr as Windows reports it (Ctrl+Alt), input-method composition, insertText
// (dictation, accent menus, virtual keyboards), Ctrl+V from the system clipboard, editing keys, and a burst of
// 200 keys sent without waiting. Every check reads the app's state (the project, the automation rectangles),
// never a delay.
import { run } from './lib.mjs';
import { azerty, altGr, sendKey, burst } from './typing_keys.mjs';

// Clicks a field, selects all its text and deletes it, with real keys.
async function clear(app, id) {
  await app.click(id);
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.press('Backspace');
}

const spaces = (s) => s.replace(/[\u00a0\u202f]/g, ' ');

run('typing', async (app) => {
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.open();
  const cdp = await app.cdp();

  // --- the DOM element over the field ----------------------------------------------------------------
  await app.click('besoin.object');
  const el = await app.page.evaluate(() => {
    const e = document.activeElement;
    const r = e.getBoundingClientRect();
    return { tag: e.tagName, lang: e.lang, spellcheck: e.spellcheck, field: e.dataset.field, x: r.x, y: r.y, w: r.width, h: r.height };
  });
  const r = await app.rect('besoin.object');
  app.check(el.tag === 'INPUT' && el.lang === 'fr' && el.spellcheck && el.field === 'besoin.object',
    `a one-line field is edited in an <input lang="fr" spellcheck> (${el.tag} ${el.lang} ${el.spellcheck} ${el.field})`);
  app.check(Math.abs(el.x - r.x) < 2 && Math.abs(el.y - r.y) < 2 && Math.abs(el.w - r.w) < 2 && Math.abs(el.h - r.h) < 2,
    `it lies over the field, whose rectangle the automation API still reports under its id (${JSON.stringify(r)})`);

  // --- every printable key of an AZERTY keyboard ------------------------------------------------------
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.press('Backspace');
  const french = 'Été à Noël : ça où « 12 € » ; l’œuvre & (2) 1234567890 azertyuiop qsdfghjklm wxcvbn ! ? . / § % µ £ * ù é è ç à';
  for (const ch of french) await sendKey(cdp, azerty(ch));
  await app.settle();
  let s = await app.state();
  app.check(s.project.need.object === french, 'AZERTY keys, é è à ç ù included, arrive as typed: ' + s.project.need.object);

  // --- dead keys ---------------------------------------------------------------------------------------
  // Windows: the dead key's keydown carries key "Dead" and no text; the next key brings the composed letter.
  await clear(app, 'besoin.object');
  await sendKey(cdp, { key: 'Dead', code: 'BracketLeft', vk: 221 });
  await sendKey(cdp, { key: 'ê', code: 'KeyE', vk: 69, text: 'ê' });
  await sendKey(cdp, { key: 'Dead', code: 'BracketLeft', vk: 221, shift: true });
  await sendKey(cdp, { key: 'ï', code: 'KeyI', vk: 73, text: 'ï' });
  // Linux and macOS: the dead key opens a composition that the next key ends with the composed letter.
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Dead', code: 'BracketLeft', windowsVirtualKeyCode: 221 });
  await cdp.send('Input.imeSetComposition', { text: '^', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Dead', code: 'BracketLeft', windowsVirtualKeyCode: 221 });
  await cdp.send('Input.insertText', { text: 'ô' });
  await app.settle();
  s = await app.state();
  app.check(s.project.need.object === 'êïô', 'dead keys compose: ^ e → ê, ¨ i → ï, ^ o → ô, with nothing left over (' + s.project.need.object + ')');

  // --- AltGr as Windows Chrome reports it: Ctrl+Alt with the character --------------------------------
  await clear(app, 'besoin.object');
  const undoBefore = (await app.state()).undo;
  const mail = 'achats@mairie-exemple.fr #12 [lot] {a} | \\ 30 €';
  for (const ch of mail) await sendKey(cdp, altGr(ch) || azerty(ch));
  await app.settle();
  s = await app.state();
  app.check(s.project.need.object === mail, 'AltGr characters (Ctrl+Alt) are characters, not shortcuts: ' + s.project.need.object);
  app.check(s.undo >= undoBefore && s.step === 'besoin', 'and no shortcut ran (no undo, no step change)');

  // --- input methods and insertText ------------------------------------------------------------------
  await clear(app, 'besoin.description');
  const ta = await app.page.evaluate(() => ({ tag: document.activeElement.tagName, lang: document.activeElement.lang }));
  app.check(ta.tag === 'TEXTAREA' && ta.lang === 'fr', 'a multi-line field is edited in a <textarea lang="fr">');
  await cdp.send('Input.imeSetComposition', { text: 'e', selectionStart: 1, selectionEnd: 1 });
  await app.settle();
  s = await app.state();
  app.check(s.project.need.description === '', 'text being composed is not stored before the composition ends');
  await cdp.send('Input.insertText', { text: 'é' });          // the accent menu of a held key, or an IME, commits
  await cdp.send('Input.imeSetComposition', { text: 'にほ', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.imeSetComposition', { text: '日本', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.insertText', { text: '日本' });
  await cdp.send('Input.insertText', { text: ' dictée par la voix' });   // dictation, virtual keyboards
  await app.settle();
  s = await app.state();
  app.check(s.project.need.description === 'é日本 dictée par la voix',
    'composition and insertText arrive, the composition’s steps do not: ' + s.project.need.description);

  // --- paste with Ctrl+V from the system clipboard ----------------------------------------------------
  // The page's own clipboard is written (navigator.clipboard, permission granted to the headless browser),
  // then Ctrl+V is pressed in the field: the browser's real paste.
  const paste = async (id, text) => {
    await app.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await clear(app, id);
    await app.page.keyboard.press('Control+V');
    await app.settle();
  };
  await paste('besoin.object', 'Entretien des locaux\n  et de leurs abords\r\nà Rennes');
  s = await app.state();
  app.check(s.project.need.object === 'Entretien des locaux et de leurs abords à Rennes',
    'a multi-line text pasted into a one-line field: line breaks become one space (' + s.project.need.object + ')');
  await paste('besoin.description', 'Premier paragraphe.\n\nSecond paragraphe,\nligne deux.');
  s = await app.state();
  app.check(s.project.need.description === 'Premier paragraphe.\n\nSecond paragraphe,\nligne deux.',
    'pasted into a multi-line field, line breaks stay');
  await paste('besoin.object', 'Marche\u0301 re\u0301serve\u0301');
  s = await app.state();
  app.check(s.project.need.object === 'Marché réservé' && s.project.need.object.length === 14,
    'decomposed Unicode (as copied from a PDF) is stored in NFC: ' + JSON.stringify(s.project.need.object));

  // --- paste from the context menu, on a field not being edited --------------------------------------
  // A right-click on the field: the app must start its edit within the press, so that the browser's menu opens
  // on the field's DOM element (with « Coller ») and not on the canvas (no menu at all). The menu itself is
  // drawn by the browser outside the page and cannot be clicked headless: its « Coller » runs the browser's
  // Paste editing command, sent here as the menu sends it.
  const contextPaste = async (id, x, text) => {
    await app.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await app.click('besoin.title');   // another field has the keyboard
    await app.settle();
    await app.page.evaluate(() => {
      if (!window.__menus) window.addEventListener('contextmenu', (e) => window.__menus.push({ tag: e.target.tagName, field: e.target.dataset.field, prevented: e.defaultPrevented }));
      window.__menus = [];
    });
    const r = await app.reveal(id);
    await app.page.mouse.click(r.x + x, r.y + Math.min(r.h / 2, 12), { button: 'right' });
    const menus = await app.page.evaluate(() => window.__menus);
    const cdp = await app.cdp();
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', commands: ['paste'] });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp' });
    await app.settle();
    return menus;
  };
  await clear(app, 'besoin.object');
  await app.sendKeys('Nettoyage des bureaux');
  await app.settle();
  let field = await app.reveal('besoin.object');
  let menus = await contextPaste('besoin.object', field.w - 8, ' et\r\nvitrerie');
  app.check(menus.length === 1 && menus[0].tag === 'INPUT' && menus[0].field === 'besoin.object' && !menus[0].prevented,
    'a right-click on a field opens the browser’s menu on its text element (' + JSON.stringify(menus) + ')');
  s = await app.state();
  app.check(s.project.need.object === 'Nettoyage des bureaux et vitrerie',
    '« Coller » of the context menu inserts where the right-click was (the end), line breaks as spaces (' + s.project.need.object + ')');
  field = await app.reveal('besoin.description');
  menus = await contextPaste('besoin.description', field.w - 8, '\nTroisième paragraphe.');   // the end of the first line
  s = await app.state();
  app.check(menus.length === 1 && menus[0].field === 'besoin.description' && !menus[0].prevented &&
    s.project.need.description === 'Premier paragraphe.\nTroisième paragraphe.\n\nSecond paragraphe,\nligne deux.',
    'in a multi-line field, at the end of the line right-clicked, its line breaks kept: ' + JSON.stringify(s.project.need.description));

  // --- leaving a multi-line field with a click: the click is taken the first time -------------------
  // Three lines typed with Entrée fill the field; a single click on the check box below it must tick it (the
  // field giving up its caret line must not move the check box from under the pointer between press and release).
  await clear(app, 'besoin.description');
  await app.sendKeys('Ligne un');
  await app.page.keyboard.press('Enter');
  await app.sendKeys('Ligne deux');
  await app.page.keyboard.press('Enter');
  await app.sendKeys('Ligne trois');
  await app.settle();
  const ticked = (await app.state()).project.need.social_services;
  await app.click('besoin.social_services');
  s = await app.state();
  app.check(s.project.need.description === 'Ligne un\nLigne deux\nLigne trois' && s.project.need.social_services === !ticked,
    'after Entrée in a multi-line field, one click on the check box below ticks it (' + s.project.need.social_services + ')');
  await app.click('besoin.social_services');

  // --- editing keys: select all, Home, End, word jumps ------------------------------------------------
  await clear(app, 'besoin.title');
  await app.sendKeys('un deux trois');
  await app.page.keyboard.press('Home');
  await app.sendKeys('X');
  await app.page.keyboard.press('End');
  await app.sendKeys('Y');
  await app.page.keyboard.press('Control+ArrowLeft');
  await app.sendKeys('Z');
  await app.settle();
  s = await app.state();
  app.check(s.project.title === 'Xun deux ZtroisY', 'Home, End and Ctrl+← move the caret as in any page (' + s.project.title + ')');
  await app.page.keyboard.press('Control+A');
  await app.sendKeys('Tout remplacé');
  await app.settle();
  s = await app.state();
  app.check(s.project.title === 'Tout remplacé', 'Ctrl+A then typing replaces everything (' + s.project.title + ')');

  // --- a burst of 200 keys sent without waiting --------------------------------------------------------
  await clear(app, 'besoin.quantities');
  const text = ('Tonte été, élagage à l’automne ; 12 000 m² ! ').repeat(6).slice(0, 200);
  await burst(cdp, [...text].map(azerty));
  s = await app.waitState((st) => st.project.need.quantities.length >= text.length, 'the burst is stored');
  app.check(s.project.need.quantities === text, `a burst of ${[...text].length} keys keeps every character`);

  // --- multi-line fields wrap and grow; Enter is a line break -----------------------------------------
  await clear(app, 'besoin.description');
  await app.press('Escape');
  const before = await app.rect('besoin.description');
  await app.click('besoin.description');
  const long = 'Nettoyage quotidien des bureaux, des sanitaires et des circulations de six écoles et de la mairie, ' +
    'avec des produits écolabellisés et une gestion des déchets triés sur place.';
  await app.sendKeys(long);
  await app.page.keyboard.press('Enter');
  await app.sendKeys('Deuxième ligne.');
  await app.press('Escape');
  s = await app.state();
  const after = await app.rect('besoin.description');
  app.check(s.project.need.description === long + '\nDeuxième ligne.', 'Enter in a multi-line field is a line break, long lines are not broken: ' + JSON.stringify(s.project.need.description));
  app.check(after.h > before.h && after.w === before.w, `the field wraps its words and grows (${before.h} → ${after.h} px high)`);
  await app.shot('typing-wrapped-description');

  // --- amounts (base/number.h) --------------------------------------------------------------------------
  // Types a text into a field and leaves it with Enter.
  const enter = async (id, typed) => {
    await clear(app, id);
    await app.sendKeys(typed);
    await app.press('Enter');
    return app.state();
  };
  const amount = (typed) => enter('besoin.value', typed);
  s = await amount('59 999,50');
  app.check(s.project.lots[0].value === 59999.5 && !s.field_messages['besoin.value'], `« 59 999,50 » is 59 999,50 € (${s.project.lots[0].value})`);
  // What the field shows once left, as a screen reader reads it from the field's node of the semantic mirror (an
  // <input>: its value).
  const shown = await app.page.evaluate(() => {
    const el = document.querySelector('[data-sem-id="besoin.value"]');
    return el ? el.value : '';
  });
  app.check(spaces(shown).includes('59 999,50 €'), 'the field shows the formatted amount when left: ' + shown);
  s = await amount('1\u00a0234\u202f567,89 € HT');
  app.check(s.project.lots[0].value === 1234567.89, `« 1 234 567,89 € HT » with no-break spaces is 1 234 567,89 € (${s.project.lots[0].value})`);
  s = await amount('1.234.567,89');
  app.check(s.project.lots[0].value === 1234567.89, '« 1.234.567,89 » too');
  for (const bad of ['1,234,567', '12abc', '-500']) {
    s = await amount(bad);
    const msg = s.field_messages['besoin.value'] || '';
    app.check(s.project.lots[0].value === 1234567.89 && msg.length > 10 && await app.has('besoin.value.message'),
      `« ${bad} » is refused, the stored amount is unchanged, a French message shows beside the field: ${msg}`);
  }
  await app.shot('typing-refused-amount');
  s = await amount('60 000 € HT');
  app.check(s.project.lots[0].value === 60000 && !s.field_messages['besoin.value'] && !(await app.has('besoin.value.message')),
    'a valid amount typed next is stored and the message goes');

  // --- dates (base/date.h) ------------------------------------------------------------------------------
  const date = (typed) => enter('besoin.launch_date', typed);
  s = await date('15/01/2027');
  app.check(s.project.need.launch_date === '2027-01-15', '« 15/01/2027 » is stored as 2027-01-15 (' + s.project.need.launch_date + ')');
  s = await date('2027-02-03');
  app.check(s.project.need.launch_date === '2027-02-03', '« 2027-02-03 » is accepted too');
  s = await date('31/02/2027');
  app.check(s.project.need.launch_date === '2027-02-03' && /févr|28/.test(s.field_messages['besoin.launch_date'] || ''),
    'an impossible date is refused with a message and never stored: ' + s.field_messages['besoin.launch_date']);

  // --- the surface other page scripts use: focus a field by its id ---------------------------------------
  await app.press('Escape');
  await app.page.evaluate(() => window.clausierText.focus('besoin.title'));
  await app.settle();
  const focused = await app.page.evaluate(() => ({ field: document.activeElement.dataset.field, editing: window.clausierText.editing() }));
  app.check(focused.field === 'besoin.title' && focused.editing === 'besoin.title', 'clausierText.focus(id) puts the field’s DOM element under the keyboard');
  app.checkNoNetwork();
});
