// A click that arrives in one burst — the pointer jumps onto a widget and presses at once, as a touch screen,
// a tablet pen, a screen reader's « click » or a fast hand produce — is taken like any other (the DECP screen's
// tabs missed it after the département filter was typed in: ImGui 1.86 refuses the press of an item that allows
// overlap, such as a tab, when another item was hovered in the frame before). Each click here is sent as
// CDP mouseMoved + mousePressed + mouseReleased with no wait between them, from a pointer resting on the
// département field; then the same on ordinary buttons.
import { resolve } from 'node:path';
import { run } from './lib.mjs';

const fixtures = ['v2_regulatory.json', 'places.json'].map((f) => resolve('tests/fixtures/decp', f));

// Rests the pointer on widget `from` (a drawn frame hovers it), then clicks the middle of `to` in one burst.
async function burstClick(app, from, to) {
  const a = await app.rect(from), b = await app.rect(to);
  await app.page.mouse.move(a.x + Math.min(a.w / 2, 40), a.y + a.h / 2);
  await app.settle();
  const cdp = await app.cdp();
  const at = { x: b.x + Math.min(b.w / 2, 40), y: b.y + b.h / 2 };
  await Promise.all([
    cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', ...at }),
    cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...at, button: 'left', buttons: 1, clickCount: 1 }),
    cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at, button: 'left', buttons: 0, clickCount: 1 }),
  ]);
  await app.settle();
}

// The tab shown, as the app drew it (its node in the semantic mirror is the selected tab).
async function selectedTab(app) {
  return app.page.evaluate(() => {
    const el = document.querySelector('#clausier-semantics [role="tab"][aria-selected="true"][data-sem-id^="decp.tab."]');
    return el ? el.dataset.semId : '';
  });
}

run('burst_click', async (app) => {
  await app.open();
  await app.click('top.decp');
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.click('decp.open')]);
  await chooser.setFiles(fixtures);
  await app.waitState((st) => st.decp.stats && st.decp.files.length === 2 && !st.decp.reading, 'both files are read', 60000);
  await app.settle();
  await app.fill('decp.departement', '35');
  await app.waitState((x) => x.decp.stats && x.decp.stats.filters.departement === '35', 'the département filter applies');

  // The tabs, one burst click each, from the pointer resting on the field just typed in.
  for (const tab of ['decp.tab.renewals', 'decp.tab.indicators', 'decp.tab.problems', 'decp.tab.renewals', 'decp.tab.indicators']) {
    await burstClick(app, 'decp.departement', tab);
    app.check(await selectedTab(app) === tab, `one burst click on ${tab} opens it (open: ${await selectedTab(app)})`);
  }

  // The same with the field being edited (its DOM element focused over the canvas) when the burst comes.
  await app.click('decp.departement');
  await app.page.keyboard.press('End');
  const editing = await app.page.evaluate(() => window.clausierText.editing());
  app.check(editing === 'decp.departement', `the département field is being edited (${editing})`);
  await burstClick(app, 'decp.departement', 'decp.tab.problems');
  app.check(await selectedTab(app) === 'decp.tab.problems', 'one burst click on a tab while the field is edited opens it');
  app.check(await app.page.evaluate(() => window.clausierText.editing()) === '', '… and leaves the field');

  // An ordinary button after the pointer rested elsewhere: « Retour au projet ».
  await burstClick(app, 'decp.departement', 'decp.close');
  app.check(!(await app.state()).decp.shown, 'one burst click on « Retour au projet » closes the screen');
});
