// Layout at office sizes (issue 11, points 7 and 11): at 1366×768 and 1024×768, on every step and in the
// « Mes projets », « Mon année » and « Données essentielles » screens, no widget and no line of text is cut by
// the edge of its column, and no amount, number or date is broken across two lines (ImGui 1.86 drew
// « 59 999, / 50 € HT » in the stepper). The geometry is the one the app drew: every widget's rectangle and
// its window's clip rectangle, and every line drawn by the wrapped-text helper (automation API `clausier_layout`,
// docs/automation.md). The clause step has one scroll area. Screenshots of a wrapped description, a refused
// amount and the 1366×768 clause step go to docs/screenshots/ (with CLAUSIER_DOC_SHOTS=1).
import { launch } from './lib.mjs';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';

const steps = ['besoin', 'sourcing', 'lots', 'objectifs', 'clauses', 'criteres', 'suivi', 'consultation', 'verification', 'export'];
const spaces = /[\u00a0\u202f]/g;

async function layout(app) {
  return JSON.parse(await app.page.evaluate(() => Module.UTF8ToString(Module._clausier_layout())));
}

// What is cut in the last frame: widgets and lines running past the left or right edge of their window.
// (Above and below, a scrolled window hides what the wheel brings back: that is not a cut.)
function cuts(l) {
  const out = [];
  const past = (r, c) => r[0] < c[0] - 1 || r[0] + r[2] > c[0] + c[2] + 1;
  for (const it of l.items) if (it.rect[2] > 1 && past(it.rect, it.clip)) out.push(`widget ${it.id}`);
  for (const ln of l.lines) if (ln.text && past(ln.rect, ln.clip)) out.push(`line « ${ln.text} »`);
  return out;
}

// Pairs of consecutive lines of one text where a number goes on from one line to the next (« 59 999, » then
// « 50 € HT »): the first ends with a digit (maybe a separator after it), the second starts with a digit or a
// separator, the second right under the first.
function brokenNumbers(l) {
  const out = [];
  for (let i = 1; i < l.lines.length; i++) {
    const a = l.lines[i - 1], b = l.lines[i];
    const under = Math.abs(a.rect[0] - b.rect[0]) < 1 && Math.abs(b.rect[1] - (a.rect[1] + a.rect[3])) < 2;
    if (under && /\d[\s\u00a0\u202f,.]?$/.test(a.text) && /^[\d,.\u00a0\u202f]|^€/.test(b.text)) out.push(`« ${a.text} » / « ${b.text} »`);
  }
  return out;
}

async function checkView(app, what) {
  const l = await layout(app);
  const c = cuts(l), n = brokenNumbers(l);
  app.check(l.items.length > 5 && c.length === 0, `${what}: nothing cut by its column (${l.items.length} widgets, ${l.lines.length} lines${c.length ? '; cut: ' + c.slice(0, 4).join(', ') : ''})`);
  app.check(n.length === 0, `${what}: no number broken across two lines${n.length ? ' (' + n.slice(0, 3).join(', ') + ')' : ''}`);
  return l;
}

let passed = 0, failed = 0;
for (const size of [{ width: 1366, height: 768 }, { width: 1024, height: 768 }]) {
  const name = `${size.width}x${size.height}`;
  const app = await launch(size);
  try {
    await app.open();   // a new project: one value for the whole purchase (no lots yet)

    // --- amounts stay whole where the text wraps -------------------------------------------------------------
    await app.fill('besoin.value', '59 999,50');
    let s = await app.waitState((st) => st.project.lots.length > 0 && st.project.lots[0].value === 59999.5, 'the amount 59 999,50 is stored');
    let l = await layout(app);
    if (size.width === 1366) {
      // The stepper's summary (a 14 em column): « Valeur estimée : 59 999,50 € HT » wraps, the amount stays whole.
      const summary = l.lines.filter((x) => x.rect[0] < 260 && /999/.test(x.text));
      app.check(summary.length > 0 && summary.every((x) => x.text.replace(spaces, ' ').includes('59 999,50 € HT')),
        `${name}: the stepper shows « 59 999,50 € HT » on one line (${summary.map((x) => '« ' + x.text + ' »').join(' ')})`);
    }
    await app.fill('besoin.value', '1 234 567,89 €');
    s = await app.waitState((st) => st.project.lots[0].value === 1234567.89, 'the amount 1 234 567,89 is stored');
    await app.click('panel.findings');
    l = await layout(app);
    const withAmount = l.lines.filter((x) => /567/.test(x.text));
    app.check(withAmount.length >= 2 && withAmount.every((x) => x.text.replace(spaces, ' ').includes('1 234 567,89 €')),
      `${name}: every line showing 1 234 567,89 € (field, summary, findings) holds it whole (${withAmount.length} lines)`);

    // --- a long description wraps inside its field, words and numbers whole --------------------------------
    const description = 'Entretien des locaux des écoles maternelles et élémentaires de la commune, soit 12 500 m² de surfaces ' +
      'à nettoyer chaque jour d\'école, avec un budget annuel de 59 999,50 € HT et une reprise du personnel en place ' +
      'au 15/01/2027, date de début d\'exécution.';
    await app.click('besoin.description');   // a multi-line field: Enter would start a new line, so no fill()
    await app.page.keyboard.press('Control+A');
    await app.page.keyboard.press('Backspace');
    await app.type(description);
    await app.waitState((st) => st.project.need.description === description, 'the long description is stored');
    await app.click('step.besoin');   // leaves the field: the canvas draws the text
    l = await checkView(app, `${name} besoin with a long description`);
    const field = await app.rect('besoin.description');
    const inField = l.lines.filter((x) => x.rect[1] >= field.y && x.rect[1] < field.y + field.h && x.rect[0] >= field.x && x.rect[0] < field.x + field.w);
    app.check(inField.length >= 2 && inField.map((x) => x.text).join(' ') === description,
      `${name}: the description is drawn on ${inField.length} lines inside its field, nothing lost`);
    app.check(inField.some((x) => x.text.includes('59 999,50 € HT')) && inField.some((x) => x.text.includes('15/01/2027')),
      `${name}: its amount and its date are each on one line`);
    if (size.width === 1366) await app.shot('description-longue');

    // --- a refused amount, with its message -----------------------------------------------------------------
    await app.fill('besoin.value', '1,234,567');
    s = await app.waitState((st) => st.field_messages['besoin.value'], 'the ambiguous amount is refused');
    app.check(s.project.lots[0].value === 1234567.89, `${name}: « 1,234,567 » is refused and the amount stays 1 234 567,89 €`);
    await app.click('step.besoin');
    const message = await app.rect('besoin.value.message');
    app.check(message.w > 0 && message.x + message.w <= size.width, `${name}: its message shows under the field`);
    await checkView(app, `${name} besoin with a refused amount`);
    if (size.width === 1366) {
      await app.reveal('besoin.value.message');
      await app.shot('montant-refuse');
    }
    await app.fill('besoin.value', '59 999,50');

    // --- every step, on a realistic project -------------------------------------------------------------
    await app.choose('top.mode', 'formation');
    await app.click('formation.scenario.restauration-scolaire');
    await app.choose('top.mode', 'acheteur');
    for (const step of steps) {
      await app.click('step.' + step);
      s = await app.state();
      app.check(s.step === step, `${name}: step ${step} shown`);
      if (step === 'clauses') {
        await app.click((await app.items('clauses.item.'))[0]);
        // One scroll area: the list and the detail scroll with the step, in no window of their own.
        const lay = await layout(app);
        const clip = (id) => JSON.stringify(lay.items.find((x) => x.id === id).clip);
        app.check(clip('step.title') === clip('clauses.text') && clip('step.title') === clip((await app.items('clauses.item.'))[0]),
          `${name}: the clause list, the clause text and the step title share one scroll area`);
        if (size.width === 1366) {
          await app.reveal('step.title');   // the top of the step: the list, the chosen clause, its detail below
          await app.shot('clauses-1366');
        }
      }
      await checkView(app, `${name} step ${step}`);
    }
    await app.click('panel.preview');
    await checkView(app, `${name} preview panel`);
    await app.click('panel.findings');

    // --- the dialogs and the open-data screen -----------------------------------------------------------------
    await app.click('top.projects');
    await checkView(app, `${name} « Mes projets »`);
    await app.press('Escape');
    await app.click('top.year');
    await checkView(app, `${name} « Mon année »`);
    await app.press('Escape');
    await app.click('top.decp');
    s = await app.state();
    app.check(s.decp.shown, `${name}: the « Données essentielles » screen is shown`);
    await checkView(app, `${name} « Données essentielles »`);
    await app.click('top.decp');
  } catch (e) {
    app.check(false, 'unexpected error: ' + (e && e.stack || e));
  }
  await app.context.close();
  passed += app.passed; failed += app.failed;
}

// The pictures the issue asks for, refreshed from this run (1366×768) when asked: CLAUSIER_DOC_SHOTS=1.
if (process.env.CLAUSIER_DOC_SHOTS) for (const shot of ['description-longue', 'montant-refuse', 'clauses-1366'])
  copyFileSync(join('build/screenshots', shot + '.png'), join('docs/screenshots', shot + '.png'));
console.log(`layout: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
