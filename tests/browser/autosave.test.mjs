// Crash-safe autosave in the browser: an edit is saved shortly after it is made and comes back after a
// reload; a page killed in the middle of editing (renderer crash, closed without unload) reopens, in the same
// browser profile, on the last saved state; the last ten versions can be restored from « Mes projets »; and
// when the browser refuses to store anything more (quota), the app says so and offers the project as a
// download, then recovers once space is free again.
import { launch, appUrl } from './lib.mjs';

async function waitSaved(app, ms = 10000) {
  const start = Date.now();
  for (;;) {
    const s = await app.state();
    if (!s.save_pending) return s;
    if (Date.now() - start > ms) return s;
    await app.page.waitForTimeout(100);
  }
}

// Types an ASCII value into a text field and validates it with Enter. Unlike app.fill it does not wait for
// the frames to stop while the field is active (the app keeps drawing then), which saves seconds per edit.
async function edit(app, id, text) {
  const r = await app.reveal(id);
  await app.page.mouse.click(r.x + Math.min(r.w / 2, 40), r.y + r.h / 2);
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.press('Backspace');
  await app.page.keyboard.type(text);
  await app.press('Enter');
}

async function reopen(app) {
  await app.page.waitForFunction(() => typeof Module !== 'undefined' && Module._clausier_state && Module.calledRun);
  await app.settle();
}

let app = await launch();
const profile = app.userDataDir;
try {
  await app.open();
  // 1. An edit is saved, and comes back after a reload.
  await app.fill('besoin.title', 'Autosave « essai »');
  await edit(app, 'besoin.object', 'Objet A');
  let s = await waitSaved(app);
  app.check(!s.save_pending && !s.storage_refused, 'the edit is saved shortly after it is made');
  const id = s.project_id;
  await app.page.reload();
  await reopen(app);
  s = await app.state();
  app.check(s.project.need.object === 'Objet A' && s.project_id === id, 'the project comes back after a reload');

  // 2. A renderer crash in the middle of editing: the last saved state is back in the same profile.
  await edit(app, 'besoin.object', 'Objet B');
  await waitSaved(app);
  const field = await app.reveal('besoin.object');
  await app.page.mouse.click(field.x + 40, field.y + field.h / 2);
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.type('Objet C pas encore');   // typed, not yet saved (the save waits 0.8 s)
  s = await app.state();
  app.check(s.project.need.object === 'Objet C pas encore' && s.save_pending, 'the new text is in the app, not yet saved');
  const cdp = await app.context.newCDPSession(app.page);
  const crashed = new Promise((resolve) => app.page.once('crash', resolve));
  cdp.send('Page.crash').catch(() => {});              // the renderer dies: this call never answers
  const didCrash = await Promise.race([crashed.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 5000))]);
  app.check(didCrash, 'the renderer crashed in the middle of an edit');
  await app.context.close();

  app = await relaunch(app);
  s = await app.state();
  app.check(s.project_id === id, 'after the crash the same project reopens');
  app.check(s.project.need.object === 'Objet B', 'after the crash the last saved state is restored (' + s.project.need.object + ')');
  app.check(s.project.title === 'Autosave « essai »', 'after the crash the rest of the project is intact');

  // 3. A page closed without unload right after typing, then reopened in the same profile.
  await edit(app, 'besoin.object', 'Objet D');
  await waitSaved(app);
  const field2 = await app.reveal('besoin.object');
  await app.page.mouse.click(field2.x + 40, field2.y + field2.h / 2);
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.type('Objet E perdu');
  app.check((await app.state()).save_pending, 'the page is closed with an edit not yet saved');
  await app.page.close({ runBeforeUnload: false });
  await app.context.close();
  app = await relaunch(app);
  s = await app.state();
  app.check(['Objet D', 'Objet E perdu'].includes(s.project.need.object),
    'a page closed mid-edit reopens on a saved state, never a broken one (' + s.project.need.object + ')');

  // 4. The last ten versions are kept (in storage and in « Mes projets ») and any of them can be restored.
  for (let i = 1; i <= 12; i++) {
    await edit(app, 'besoin.object', 'Version ' + i);
    await waitSaved(app);
  }
  s = await app.state();
  const stored = await app.page.evaluate((id) => {
    const meta = JSON.parse(localStorage.getItem('clausier/v1/meta/' + id));
    const keys = Object.keys(localStorage).filter((k) => k.startsWith('clausier/v1/version/' + id + '/'));
    const objects = {};
    for (const v of meta.versions) objects[v.version] = JSON.parse(localStorage.getItem('clausier/v1/version/' + id + '/' + v.version)).need.object;
    return { versions: meta.versions.map((v) => v.version), keys: keys.length, objects };
  }, s.project_id);
  app.check(stored.versions.length === 10 && stored.keys === 10, `ten versions kept in storage (${stored.versions.length} listed, ${stored.keys} stored)`);
  app.check(stored.objects[Math.max(...stored.versions)] === 'Version 12', 'the newest stored version is the last edit');
  await app.click('top.projects');
  const listed = (await app.items('versions.restore.')).map((v) => Number(v.slice('versions.restore.'.length)));
  app.check(listed.length === 10 && listed.every((v) => stored.versions.includes(v)), `« Mes projets » lists the ten versions (${listed.join(', ')})`);
  await app.shot('autosave-versions');
  const oldest = Math.min(...listed);
  // The list scrolls inside its window: wheel over it down to the oldest version, as a user would.
  const first = await app.rect('versions.restore.' + Math.max(...listed));
  await app.page.mouse.move(first.x + first.w / 2, first.y + first.h / 2);
  await app.page.mouse.wheel(0, 2000);
  await app.settle();
  const target = await app.rect('versions.restore.' + oldest);
  await app.page.mouse.click(target.x + target.w / 2, target.y + target.h / 2);
  await app.settle();
  s = await waitSaved(app);
  app.check(s.project.need.object === stored.objects[oldest] && s.project.need.object !== 'Version 12',
    `the oldest kept version (${oldest}) is restored: « ${s.project.need.object} »`);

  // 5. Storage full: the app says so, offers a download, and recovers when space is free again.
  const filled = await app.page.evaluate(() => {
    let total = 0;
    for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
      const chunk = 'x'.repeat(size);
      for (let k = 0; ; k++) {
        try { localStorage.setItem('test-filler/' + size + '/' + k, chunk); total += size; } catch (e) { break; }
      }
    }
    return total;
  });
  app.check(filled > 100000, `localStorage filled to its quota (${filled} characters)`);
  await edit(app, 'besoin.object', 'Objet pendant la saturation du stockage');
  s = await waitSaved(app);
  app.check(s.storage_refused === true, 'the refused save is reported (storage_refused)');
  app.check(await app.has('quota.download'), 'the « Télécharger le projet maintenant » button is shown');
  await app.shot('autosave-quota');
  const dl = await app.download('quota.download');
  const saved = JSON.parse(dl.text);
  app.check(saved.need.object === 'Objet pendant la saturation du stockage' && saved.format === 'clausier-projet',
    'the download holds the current project: ' + dl.name);
  await app.page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('test-filler/')) localStorage.removeItem(k);
  });
  await edit(app, 'besoin.object', 'Objet une fois le stockage vide');
  s = await waitSaved(app);
  app.check(s.storage_refused === false, 'saving works again once space is free');
  await app.page.reload();
  await reopen(app);
  s = await app.state();
  app.check(s.project.need.object === 'Objet une fois le stockage vide', 'and the project comes back after a reload');
  app.checkNoNetwork();
} catch (e) {
  app.check(false, 'unexpected error: ' + (e && e.stack || e));
  try { await app.shot('autosave-error'); } catch (_) { /* the page may be gone */ }
}
await app.finish('autosave');

// A new browser on the same profile, the app opened again; counts carried over.
async function relaunch(previous) {
  const next = await launch({ userDataDir: profile });
  next.passed = previous.passed;
  next.failed = previous.failed;
  next.errors.push(...previous.errors.filter((e) => !/crash/i.test(e)));
  next.requests.push(...previous.requests);
  await next.open(appUrl);
  return next;
}
