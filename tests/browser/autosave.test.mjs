// Crash-safe autosave in the browser: an edit is saved shortly after it is made and comes back after a
// reload (which writes no new version); a page killed in the middle of editing (renderer crash) reopens, in the
// same browser profile, on the last state written, never a broken one; a page closed right after typing keeps
// what was typed; the last ten versions can be restored from « Mes projets »; and when the browser refuses to
// store anything more (quota), the app says why and offers the project as a download, then saves again by itself
// as soon as another tab frees space. Every wait is on the app's state, never on a delay.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, appUrl } from './lib.mjs';

// Types an ASCII value into a text field and validates it with Enter. Unlike app.fill it does not wait for
// the frames to stop while the field is active (the app keeps drawing then), which saves seconds per edit.
async function edit(app, id, text) {
  const r = await app.reveal(id);
  await app.page.mouse.click(r.x + Math.min(r.w / 2, 40), r.y + r.h / 2);
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.press('Backspace');
  await app.page.keyboard.type(text);
  await app.press('Enter');
  await app.waitState((s) => s.project.need.object === text || id !== 'besoin.object', `« ${text} » is in the project`);
}

// What the browser's storage holds as the current version of project `id` (its object), and how many versions.
async function stored(app, id) {
  return app.page.evaluate((id) => {
    const meta = JSON.parse(localStorage.getItem('clausier/v1/meta/' + id) || 'null');
    if (!meta) return { object: null, version: 0, versions: 0 };
    const current = JSON.parse(localStorage.getItem('clausier/v1/version/' + id + '/' + meta.version));
    return { object: current.need.object, version: meta.version, versions: meta.versions.length };
  }, id);
}

let app = await launch();
const profile = app.userDataDir;
try {
  await app.open();
  // 1. An edit is saved, and comes back after a reload; the reload writes no new version.
  await app.fill('besoin.title', 'Autosave « essai »');
  await edit(app, 'besoin.object', 'Objet A');
  let s = await app.saved();
  app.check(!s.save_pending && !s.storage_refused && s.saved_generation === s.generation, 'the edit is saved shortly after it is made');
  const id = s.project_id;
  const before = await stored(app, id);
  await app.reload();
  s = await app.state();
  app.check(s.project.need.object === 'Objet A' && s.project_id === id, 'the project comes back after a reload');
  await app.reload();
  const after = await stored(app, id);
  app.check(after.version === before.version && after.versions === before.versions,
    `reloading twice writes no new version (version ${before.version} → ${after.version})`);

  // 2. A renderer crash in the middle of editing: the state last written is back in the same profile, whatever
  // the moment the crash came (between two keystrokes or after the save delay).
  await edit(app, 'besoin.object', 'Objet B');
  await app.saved();
  const typed = 'Objet C pas encore';
  const field = await app.reveal('besoin.object');
  await app.page.mouse.click(field.x + 40, field.y + field.h / 2);
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.type(typed);
  s = await app.waitState((st) => st.project.need.object === typed, 'every keystroke reached the project');
  app.check(s.project.need.object === typed, 'the new text is in the app (' + (s.save_pending ? 'not yet saved' : 'already saved') + ')');
  const cdp = await app.context.newCDPSession(app.page);
  const crashed = new Promise((resolve) => app.page.once('crash', resolve));
  cdp.send('Page.crash').catch(() => {});              // the renderer dies: this call never answers
  const didCrash = await Promise.race([crashed.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 60000))]);
  app.check(didCrash, 'the renderer crashed in the middle of an edit');
  await app.context.close();

  app = await relaunch(app);
  s = await app.state();
  const kept = await stored(app, id);
  const states = ['Objet B', ...Array.from(typed, (_, i) => typed.slice(0, i + 1))];   // what the field held, keystroke by keystroke
  app.check(s.project_id === id, 'after the crash the same project reopens');
  app.check(s.project.need.object === kept.object && states.includes(kept.object),
    `after the crash the last saved state is restored (« ${s.project.need.object} », stored « ${kept.object} »)`);
  app.check(s.project.title === 'Autosave « essai »', 'after the crash the rest of the project is intact');

  // 3. A page closed right after typing, then reopened in the same profile: what was typed is there.
  await edit(app, 'besoin.object', 'Objet D');
  await app.saved();
  const field2 = await app.reveal('besoin.object');
  await app.page.mouse.click(field2.x + 40, field2.y + field2.h / 2);
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.type('Objet E garde');
  await app.page.close({ runBeforeUnload: false });
  await app.context.close();
  app = await relaunch(app);
  s = await app.state();
  app.check(s.project.need.object === 'Objet E garde', 'a page closed right after typing keeps what was typed (' + s.project.need.object + ')');

  // 4. The last ten versions are kept (in storage and in « Mes projets ») and any of them can be restored.
  for (let i = 1; i <= 12; i++) {
    await edit(app, 'besoin.object', 'Version ' + i);
    await app.saved();
  }
  s = await app.state();
  const history = await app.page.evaluate((id) => {
    const meta = JSON.parse(localStorage.getItem('clausier/v1/meta/' + id));
    const keys = Object.keys(localStorage).filter((k) => k.startsWith('clausier/v1/version/' + id + '/'));
    const objects = {};
    for (const v of meta.versions) objects[v.version] = JSON.parse(localStorage.getItem('clausier/v1/version/' + id + '/' + v.version)).need.object;
    return { versions: meta.versions.map((v) => v.version), keys: keys.length, objects };
  }, s.project_id);
  app.check(history.versions.length === 10 && history.keys === 10, `ten versions kept in storage (${history.versions.length} listed, ${history.keys} stored)`);
  app.check(history.objects[Math.max(...history.versions)] === 'Version 12', 'the newest stored version is the last edit');
  await app.click('top.projects');
  const listed = (await app.items('versions.restore.')).map((v) => Number(v.slice('versions.restore.'.length)));
  app.check(listed.length === 10 && listed.every((v) => history.versions.includes(v)), `« Mes projets » lists the ten versions (${listed.join(', ')})`);
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
  s = await app.saved();
  app.check(s.project.need.object === history.objects[oldest] && s.project.need.object !== 'Version 12',
    `the oldest kept version (${oldest}) is restored: « ${s.project.need.object} »`);

  // 5. Storage full: the app says why and offers a download; once another tab frees space, it saves again by
  // itself, with no new edit.
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
  s = await app.waitState((st) => st.storage_refused, 'the refused save is reported');
  app.check(s.storage_refused === true, 'the refused save is reported (storage_refused)');
  app.check(/plein/.test(s.storage_refusal), 'and the app says why: ' + s.storage_refusal);
  await app.settle();   // the state knows of the refusal before the frame that shows it is drawn
  app.check(await app.has('quota.download') && await app.has('quota.reason'), 'the reason and « Télécharger le projet maintenant » are shown');
  await app.shot('autosave-quota');
  const dl = await app.download('quota.download');
  const saved = JSON.parse(dl.text);
  app.check(saved.need.object === 'Objet pendant la saturation du stockage' && saved.format === 'clausier-projet',
    'the download holds the current project: ' + dl.name);
  // Another tab of the same origin (a bare local page, not the app: it would take the project) frees space.
  const blank = join(mkdtempSync(join(tmpdir(), 'clausier-blank-')), 'blank.html');
  writeFileSync(blank, '<!DOCTYPE html><title>autre onglet</title>');
  const cleaner = await app.context.newPage();
  await cleaner.goto('file://' + blank);
  await cleaner.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('test-filler/')) localStorage.removeItem(k);
  });
  s = await app.waitState((st) => !st.storage_refused && st.saved_generation >= st.generation,
    'the app saves again once another tab freed space');
  app.check(s.storage_refused === false, 'saving resumes by itself once space is free');
  await cleaner.close();
  await app.reload();
  s = await app.state();
  app.check(s.project.need.object === 'Objet pendant la saturation du stockage', 'and the project comes back after a reload');
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
