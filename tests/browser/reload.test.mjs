// Nothing typed is lost: the project is written when the page is hidden or left, not only after the idle delay,
// so that an edit followed at once by a reload or a closed tab is kept; and after a reload the app comes back to
// the step and the field the user was on. Real key events, French characters included.
// What proves the save on leaving is the browser's storage, not a stopwatch: at the moment the page is left, no
// version stored yet holds the value just typed (the idle save has not run); after coming back, the value is there.
import { run, appUrl } from './lib.mjs';

// In the page: true when a project version stored in this browser already holds `value` at `path` (e.g.
// "need.object"). Versions are JSON texts in localStorage; other keys are skipped.
function storedHolds({ path, value }) {
  const at = (o) => path.split('.').reduce((a, k) => (a == null ? a : a[k]), o);
  for (let i = 0; i < localStorage.length; i++) {
    try { if (at(JSON.parse(localStorage.getItem(localStorage.key(i)))) === value) return true; } catch (e) { /* not JSON */ }
  }
  return false;
}

// Types `text` into the field `id` with real keys, then leaves the page at once by `leave(app)` (a reload or a
// closed tab). Returns whether storage already held `value` at `path` when the page was left; the caller retries
// with another value when it did (a machine so slow that the idle save ran first proves nothing either way).
async function typeThenLeave(app, id, text, path, value, leave) {
  await app.click(id);
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.press('Backspace');
  await app.sendKeys(text);
  const heldBefore = await app.page.evaluate(storedHolds, { path, value });
  await leave(app);
  return heldBefore;
}

async function reloadNow(app) {
  await app.page.reload();
  await app.page.waitForFunction(() => typeof Module !== 'undefined' && Module._clausier_state && Module.calledRun);
  await app.settle();
}

// Tries up to three values (`values(n)` gives the n-th text and its stored value) until one is typed and left
// before the idle save; returns that value, or fails the check.
async function keptAcrossLeave(app, id, path, values, leave, what) {
  for (let n = 0; n < 3; n++) {
    const [text, value] = values(n);
    const heldBefore = await typeThenLeave(app, id, text, path, value, leave);
    if (!heldBefore) return value;
    await app.saved();
  }
  app.check(false, `${what}: in three tries the idle save always ran before the page was left`);
  return null;
}

// Closes the tab without unload prompts and opens the app in a new tab of the same browser.
async function closeAndReopen(app) {
  await app.page.close({ runBeforeUnload: false });
  app.page = await app.context.newPage();
  app._cdp = null;
  await app.open(appUrl);
}

run('reload', async (app) => {
  await app.open();
  await app.fill('besoin.object', 'Entretien des espaces verts');
  await app.saved();
  app.check(await app.page.evaluate(storedHolds, { path: 'need.object', value: 'Entretien des espaces verts' }),
    'the storage probe finds a saved value (so that its « not yet stored » below means something)');

  // A field at the top of the need step.
  const parks = ['nord', 'sud', 'est'];
  const object = await keptAcrossLeave(app, 'besoin.object', 'need.object',
    (n) => { const t = `Tonte et taille – parcs « ${parks[n]} »`; return [t, t]; }, reloadNow, 'the object');
  let s = await app.state();
  app.check(object !== null && s.project.need.object === object, 'the text typed just before the reload is kept: ' + s.project.need.object);

  // A field at the bottom of another step, out of view when the step opens: the reload comes back to that step,
  // with the field in view.
  const vp = app.page.viewportSize();
  const inView = (r) => r.visible && r.y >= 0 && r.y + r.h <= vp.height;
  await app.click('step.lots');
  app.check(!inView(await app.rect('lots.payment_days')), 'the payment term is out of view when the lots step opens');
  const days = await keptAcrossLeave(app, 'lots.payment_days', 'payment_days',
    (n) => [String(45 + n), 45 + n], reloadNow, 'the payment term');
  s = await app.state();
  app.check(days !== null && s.project.payment_days === days, 'the figure typed just before the reload is kept (' + s.project.payment_days + ')');
  app.check(s.step === 'lots', 'the reload comes back to the step the user was on (' + s.step + ')');
  app.check(inView(await app.rect('lots.payment_days')), 'and to the field the user was typing in, in view');

  // A tab closed right after typing: a new tab of the same browser finds the text.
  await app.click('step.besoin');
  const lawns = await keptAcrossLeave(app, 'besoin.quantities', 'need.quantities',
    (n) => { const t = `Environ ${12 + n} 000 m² de pelouses`; return [t, t]; }, closeAndReopen, 'the quantities');
  s = await app.state();
  app.check(lawns !== null && s.project.need.quantities === lawns, 'a tab closed right after typing keeps the text: ' + s.project.need.quantities);
  app.checkNoNetwork();
});
