// Two tabs, one project, nothing lost: tab A and tab B of one browser open the same project. The tab that opened
// it last edits it; the other one says so in French, greys its form, refuses keystrokes and follows what the
// editing tab saves, until the user clicks « Prendre la main », which brings the latest version over. Both tabs
// type with real key events (French characters included); at the end the project holds both tabs' edits, and
// reloading a tab writes no new version.
import { run } from './lib.mjs';

// Clicks a text field, clears it and types `text` with real keys (what is typed is in the project at once).
async function typeInto(tab, id, text) {
  await tab.click(id);
  await tab.page.keyboard.press('Control+A');
  await tab.page.keyboard.press('Backspace');
  await tab.type(text);
}

// The current version stored for the project and how many versions exist.
async function stored(tab, id) {
  return tab.page.evaluate((id) => {
    const meta = JSON.parse(localStorage.getItem('clausier/v1/meta/' + id));
    const current = JSON.parse(localStorage.getItem('clausier/v1/version/' + id + '/' + meta.version));
    return { version: meta.version, versions: meta.versions.length, project: current };
  }, id);
}

run('two_tabs', async (a) => {
  await a.open();
  await typeInto(a, 'besoin.object', 'Nettoyage des écoles');
  let sa = await a.saved();
  const id = sa.project_id;
  a.check(sa.owner, 'tab A edits its project');

  // Tab B opens the app: the same project, which B now edits; A is told and turns read-only.
  const b = await a.newTab();
  let sb = await b.state();
  a.check(sb.project_id === id && sb.project.need.object === 'Nettoyage des écoles', 'tab B opens the same project');
  a.check(sb.owner, 'tab B edits it');
  sa = await a.waitState((s) => !s.owner, 'tab A learns that tab B took the project');
  a.check(!sa.owner, 'tab A turns read-only');
  a.check(await a.has('tabs.take_over') && await a.has('tabs.message'), 'tab A says so and offers « Prendre la main »');
  a.check(/autre onglet/.test(sa.notice), 'tab A tells the user in French: ' + sa.notice);
  await a.shot('two-tabs-read-only');

  // B types; A's keystrokes change nothing, and A shows what B saved.
  await b.front();
  await typeInto(b, 'besoin.description', 'Locaux décrits dans l’onglet B');
  sb = await b.saved();
  a.check(sb.project.need.description === 'Locaux décrits dans l’onglet B', 'tab B types with real keys');
  await a.front();
  await a.click('besoin.title');
  await a.type('ZZZ');
  sa = await a.waitState((s) => s.project.need.description === 'Locaux décrits dans l’onglet B', 'tab A follows tab B');
  a.check(!sa.project.title.includes('ZZZ'), 'keystrokes in the read-only tab change nothing (' + sa.project.title + ')');
  a.check(sa.project.need.description === 'Locaux décrits dans l’onglet B', 'tab A shows what tab B saved');

  // A takes over: it starts from B's latest version; B turns read-only.
  await a.click('tabs.take_over');
  sa = await a.waitState((s) => s.owner, 'tab A takes the project');
  a.check(sa.owner && sa.project.need.description === 'Locaux décrits dans l’onglet B', 'after « Prendre la main » tab A has tab B’s edit');
  sb = await b.waitState((s) => !s.owner, 'tab B learns that tab A took the project back');
  await b.settle();   // the state changes in the storage event; the button comes with the frame after it
  a.check(!sb.owner && await b.has('tabs.take_over'), 'tab B turns read-only in turn');

  // A types: both tabs' edits are in the project, in storage and on B's screen.
  await typeInto(a, 'besoin.title', 'Marché de nettoyage – écoles');
  sa = await a.saved();
  const kept = await stored(a, id);
  a.check(kept.project.title === 'Marché de nettoyage – écoles' && kept.project.need.description === 'Locaux décrits dans l’onglet B' &&
    kept.project.need.object === 'Nettoyage des écoles', 'the stored project holds the edits of both tabs');
  sb = await b.waitState((s) => s.project.title === 'Marché de nettoyage – écoles', 'tab B shows tab A’s edit');
  a.check(sb.project.title === 'Marché de nettoyage – écoles', 'the read-only tab follows again');

  // Reloading the read-only tab writes no version and makes it the editing one again (it was opened there).
  await b.front();
  await b.reload();
  sb = await b.state();
  const afterReload = await stored(b, id);
  a.check(afterReload.version === kept.version, `reloading a tab writes no new version (${kept.version} → ${afterReload.version})`);
  a.check(sb.owner && sb.project.title === 'Marché de nettoyage – écoles', 'the reloaded tab has every edit and edits again');
  sa = await a.waitState((s) => !s.owner, 'tab A turns read-only again');
  a.check(!sa.owner, 'so tab A reads only, never overwriting B');
  a.checkNoNetwork();
});
