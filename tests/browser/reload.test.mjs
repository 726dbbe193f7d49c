// Nothing typed is lost: the project is written when the page is hidden or left, not only after the idle delay,
// so that an edit followed at once (within 200 ms) by a reload or a closed tab is kept; and after a reload the app
// comes back to the step and the field the user was on. Real key events, French characters included.
import { run, appUrl } from './lib.mjs';

// Types `text` into the field `id` with real keys and reloads as soon as the last key is sent; returns the
// milliseconds between that key and the reload.
async function typeThenReload(app, id, text) {
  await app.click(id);
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.press('Backspace');
  await app.sendKeys(text);
  const last = Date.now();
  const reloading = app.page.reload();
  const gap = Date.now() - last;
  await reloading;
  await app.page.waitForFunction(() => typeof Module !== 'undefined' && Module._clausier_state && Module.calledRun);
  await app.settle();
  return gap;
}

run('reload', async (app) => {
  await app.open();
  await app.fill('besoin.object', 'Entretien des espaces verts');
  await app.saved();

  // A field at the top of the need step.
  let gap = await typeThenReload(app, 'besoin.object', 'Tonte et taille – parcs « nord »');
  let s = await app.state();
  app.check(gap < 200, `reloaded ${gap} ms after the last key`);
  app.check(s.project.need.object === 'Tonte et taille – parcs « nord »', 'the text typed just before the reload is kept: ' + s.project.need.object);

  // A field at the bottom of another step, out of view when the step opens: the reload comes back to that step,
  // with the field in view.
  const vp = app.page.viewportSize();
  const inView = (r) => r.visible && r.y >= 0 && r.y + r.h <= vp.height;
  await app.click('step.lots');
  app.check(!inView(await app.rect('lots.payment_days')), 'the payment term is out of view when the lots step opens');
  gap = await typeThenReload(app, 'lots.payment_days', '45');
  s = await app.state();
  app.check(gap < 200, `reloaded ${gap} ms after the last key`);
  app.check(s.project.payment_days === 45, 'the figure typed just before the reload is kept (' + s.project.payment_days + ')');
  app.check(s.step === 'lots', 'the reload comes back to the step the user was on (' + s.step + ')');
  app.check(inView(await app.rect('lots.payment_days')), 'and to the field the user was typing in, in view');

  // A tab closed right after typing: a new tab of the same browser finds the text.
  await app.click('step.besoin');
  await app.click('besoin.quantities');
  await app.sendKeys('Environ 12 000 m² de pelouses');
  const closed = Date.now();
  await app.page.close({ runBeforeUnload: false });
  app.check(Date.now() - closed < 200, 'the tab is closed right after the last key');
  const next = await app.context.newPage();
  app.page = next;
  app._cdp = null;
  await app.open(appUrl);
  s = await app.state();
  app.check(s.project.need.quantities === 'Environ 12 000 m² de pelouses', 'a tab closed right after typing keeps the text: ' + s.project.need.quantities);
  app.checkNoNetwork();
});
