// Keyboard and screen-reader access: the need step filled in with the keyboard only (Tab, typing, Space and
// the arrows in a list, Enter), the DOM focus following onto each focused widget's node of the semantic mirror
// (what a screen reader reads), the off-screen live region announcing each step, and
// undo / redo of model changes with Ctrl+Z / Ctrl+Shift+Z and the top bar's buttons; the system clipboard
// (a clause's text copied to it, its text pasted into a field with Ctrl+V); the browser's own keys (F5, Ctrl+R,
// Ctrl+F, the zoom keys) left to the browser.
import { run } from './lib.mjs';

// Presses Tab until the focused widget's name starts with `label`.
async function tabTo(app, label, max = 40) {
  for (let i = 0; i < max; i++) {
    await app.press('Tab');
    if ((await app.focused()).startsWith(label)) return i + 1;
  }
  return -1;
}

run('access', async (app) => {
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.open();

  // --- keyboard only, from a fresh page: no mouse event at all until the undo part -------------------
  const presses = await tabTo(app, 'Nom du projet');
  app.check(presses > 0 && presses <= 25, `Tab reaches « Nom du projet » through the top bar and the stepper (${presses} presses)`);
  await app.type('Projet saisi au clavier');
  app.check((await tabTo(app, 'Objet du marché', 1)) === 1, 'the next Tab focuses « Objet du marché »');
  await app.type('Entretien des espaces verts des écoles');
  await tabTo(app, 'Description du besoin', 1);
  await app.type('Tonte, taille et désherbage sans produit phytosanitaire.');
  app.check((await tabTo(app, 'Nature du marché', 1)) === 1, 'the nature list is reached with Tab');
  await app.press('Space');
  await app.press('ArrowUp');
  app.check((await app.focused()).startsWith('Fournitures'), 'the arrows move through the open list (« Fournitures » focused)');
  await app.press('ArrowDown');
  await app.press('ArrowDown');
  app.check((await app.focused()).startsWith('Travaux'), '… then to « Travaux »');
  await app.press('ArrowUp');
  await app.press('Enter');
  let s = await app.state();
  app.check(s.project.need.nature === 'services', 'Enter picks « Services »');
  app.check(await tabTo(app, 'Durée initiale') > 0, 'Tab reaches the initial duration');
  await app.type('24');
  app.check(await tabTo(app, 'Montant estimé') > 0, 'Tab reaches the estimated amount');
  await app.type('150000');
  await app.press('Enter');
  s = await app.state();
  app.check(s.project.title === 'Projet saisi au clavier', 'the title typed with the keyboard is in the project');
  app.check(s.project.need.object === 'Entretien des espaces verts des écoles', 'the object typed with the keyboard is in the project');
  app.check(s.project.lots[0].value === 150000 && s.project.need.duration_months === 24,
    `the amount and the duration are set (${s.project.lots[0].value} €, ${s.project.need.duration_months} months)`);
  app.check(s.procedure === 'adaptee', `150 000 € of services: an adapted procedure (${s.procedure})`);
  await app.shot('clavier-besoin');

  // Shift+Tab goes back.
  await app.press('Tab');
  const after = await app.focused();
  await app.press('Shift+Tab');
  app.check((await app.focused()).startsWith('Montant estimé'), `Shift+Tab goes back from « ${after} » to the amount`);

  // The stepper is reached by keyboard too, and a step change is announced.
  await tabTo(app, 'Étape 3');
  await app.press('Enter');
  s = await app.state();
  app.check(s.step === 'lots', 'Enter on « Étape 3 » opens the lots step');
  app.check((await app.live()).includes('Étape 3 sur 10'), `the step change is announced (« ${await app.live()} »)`);

  // --- undo / redo -------------------------------------------------------------------------------------
  await app.click('step.besoin');
  await app.fill('besoin.object', 'Objet A');
  await app.fill('besoin.object', 'Objet B');
  s = await app.state();
  app.check(s.project.need.object === 'Objet B' && s.undo > 0, `two edits recorded (${s.undo} undo steps)`);
  await app.press('Control+Z');
  s = await app.state();
  app.check(s.project.need.object === 'Objet A', `Ctrl+Z undoes the last edit (${s.project.need.object})`);
  await app.press('Control+Shift+Z');
  s = await app.state();
  app.check(s.project.need.object === 'Objet B', 'Ctrl+Shift+Z redoes it');
  await app.click('top.undo');
  await app.click('top.undo');
  s = await app.state();
  app.check(s.project.need.object === 'Entretien des espaces verts des écoles', 'the « Annuler » button goes back two edits');
  await app.click('top.redo');
  s = await app.state();
  app.check(s.project.need.object === 'Objet A' && s.redo > 0, 'the « Rétablir » button redoes one');
  await app.fill('besoin.object', 'Objet C');
  s = await app.state();
  app.check(s.redo === 0, 'a new edit after an undo clears the redo list');

  // --- the browser's own keys stay the browser's: on the canvas, the app cancels its navigation keys and its
  // shortcuts, never F5, Ctrl+R, Ctrl+F, Ctrl+P or the zoom keys. A listener that runs after the app's records
  // whether the app cancelled each key, then cancels it itself so that the test page stays as it is.
  await app.page.evaluate(() => {
    window.__keys = [];
    window.__probe = (e) => { window.__keys.push({ key: e.key.toLowerCase(), prevented: e.defaultPrevented }); e.preventDefault(); };
    window.addEventListener('keydown', window.__probe);
  });
  await app.click('step.besoin');
  for (const k of ['F5', 'Control+R', 'Control+F', 'Control+P', 'Control+Equal', 'Control+Minus', 'F12', 'Control+Y'])
    await app.press(k);
  const keys = await app.page.evaluate(() => {
    window.removeEventListener('keydown', window.__probe);
    return window.__keys.filter((k) => k.key !== 'control');
  });
  const browserKeys = keys.filter((k) => k.key !== 'y');
  app.check(browserKeys.length === 7 && browserKeys.every((k) => !k.prevented),
    `F5, Ctrl+R, Ctrl+F, Ctrl+P, Ctrl+=, Ctrl+- and F12 are left to the browser (${JSON.stringify(browserKeys)})`);
  app.check(keys.length === 8 && keys[7].key === 'y' && keys[7].prevented, 'the app keeps its own shortcut (Ctrl+Y)');

  // --- clipboard -------------------------------------------------------------------------------------
  await app.click('step.clauses');
  await app.fill('clauses.search', 'gaspillage');
  const item = (await app.items('clauses.item.'))[0];
  await app.click(item);
  await app.click('clauses.copy.' + item.slice('clauses.item.'.length));
  const copied = await app.page.evaluate(() => navigator.clipboard.readText());
  app.check(copied.length > 100 && /titulaire/.test(copied) && !copied.includes('{{'),
    `« Copier le texte » puts the clause, variables filled in, on the system clipboard (${copied.slice(0, 40)}…)`);
  await app.page.evaluate(() => navigator.clipboard.writeText('Texte collé « depuis » le presse-papiers'));
  await app.click('step.besoin');
  await app.click('besoin.object');
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.press('Control+V');
  await app.settle();
  await app.press('Enter');
  s = await app.state();
  app.check(s.project.need.object === 'Texte collé « depuis » le presse-papiers', 'Ctrl+V pastes the system clipboard into a field');
  app.checkNoNetwork();
});
