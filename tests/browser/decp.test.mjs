// Published contract data (DECP) in the app: the « Données essentielles » screen opened from the top bar, two
// fixture files chosen at once through the page's real file input, the indicators and the renewals read from
// the automation state, the renewals filtered by département and exported as CSV, the report downloaded as
// DOCX, a project created from a renewal; then a large generated file whose reading shows its progress and is
// cancelled; then the two files dropped on the screen; last, the buyer's SIRET typed in the SPASER and its own
// published records read back from the exported « Bilan annuel du SPASER » (issue 16.3).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run } from './lib.mjs';

const fixtures = ['v2_regulatory.json', 'places.json'].map((f) => resolve('tests/fixtures/decp', f));

// Clicks a tab and waits until the widget `shows` of its content is drawn.
async function openTab(app, tab, shows) {
  // The pointer travels to the tab before pressing it, as a hand on a mouse does (hover, then click).
  const r = await app.reveal(tab);
  await app.page.mouse.move(r.x + Math.min(r.w / 2, 40), r.y + r.h / 2, { steps: 4 });
  await app.settle();
  await app.click(tab);
  for (let i = 0; i < 50 && !(await app.has(shows)); i++) await app.page.waitForTimeout(100);
  app.check(await app.has(shows), `the tab ${tab} shows ${shows}`);
}

async function chooseFiles(app, id, paths) {
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.click(id)]);
  app.check(chooser.isMultiple(), 'the file picker accepts several files at once');
  await chooser.setFiles(paths);
}

run('decp', async (app) => {
  await app.open();
  await app.click('top.decp');
  let s = await app.state();
  app.check(s.decp.shown, 'the « Données essentielles » screen opens from the top bar');

  await chooseFiles(app, 'decp.open', fixtures);
  s = await app.waitState((st) => st.decp.stats && st.decp.files.length === 2 && !st.decp.reading, 'both files are read', 60000);
  await app.settle();
  const st = s.decp.stats;
  app.check(st.files.every((f) => f.read), 'both files are read as DECP');
  app.check(st.records === 4 + 9, `every record of both files is counted (${st.records})`);
  app.check(st.contracts === 12 && st.environmental.contracts === 10 && st.social.contracts === 11, 'contracts and considerations are counted');
  app.check(st.targets.length === 2 && st.targets.some((t) => t.indicator === 'social' && t.share === 0.3), 'the national targets are beside them');
  app.check(st.by_year['2025'] && st.by_family.nettoyage && st.by_procedure['Appel d\'offres ouvert'], 'by year, family and procedure');
  app.check(st.blank_considerations === 0 && st.by_year['2025'].blank === 0, 'blank considerations are counted, overall and by year');
  app.check(st.competition.contracts === 3 && st.competition.single_offer === 2, 'competition is measured');
  app.check(st.renewals.some((r) => r.id === '2025-001'), 'the cleaning contract comes up for renewal');
  app.check(await app.has('decp.tab.indicators'), 'the indicators are shown');
  await app.shot('decp-indicateurs');

  // A consular chamber's territory: the renewals whose place of execution is in Ille-et-Vilaine.
  await app.fill('decp.departement', '35');
  s = await app.waitState((x) => x.decp.stats && x.decp.stats.filters.departement === '35', 'the département filter applies');
  const renewals = s.decp.stats.renewals;
  app.check(renewals.length === 2 && renewals.every((r) => r.departement === '35'), `renewals in the département only (${renewals.length})`);
  await openTab(app, 'decp.tab.renewals', 'decp.renewals.csv');
  const csv = await app.download('decp.renewals.csv');
  app.check(csv.name.endsWith('.csv') && csv.text.includes('Nettoyage des locaux administratifs') && csv.text.includes(';480000,00;'),
    'the renewals download as CSV for a spreadsheet');
  await app.shot('decp-echeances');

  await openTab(app, 'decp.tab.indicators', 'decp.report.docx');
  const report = await app.download('decp.report.docx');
  const bytes = readFileSync(report.path);
  app.check(report.name.endsWith('.docx') && bytes[0] === 0x50 && bytes[1] === 0x4b, `the report downloads as DOCX (${report.name})`);

  // « Créer un projet » from the soonest renewal: a new project pre-filled from the old contract.
  await openTab(app, 'decp.tab.renewals', 'decp.renewal.create.0');
  const before = (await app.state()).project_id;
  await app.click('decp.renewal.create.0');
  s = await app.waitState((x) => x.project_id !== before, 'a project is created from the renewal');
  const p = s.project;
  app.check(!s.decp.shown && s.step === 'besoin', 'the new project opens on its need step');
  app.check(p.need.object === 'Nettoyage des locaux administratifs' && p.need.family === 'nettoyage' && p.need.nature === 'services',
    'object, family and nature come from the contract');
  app.check(JSON.stringify(p.need.cpv) === '["90919200"]' && p.lots.length === 1 && p.lots[0].value === 480000,
    'CPV code and estimated value come from the contract');
  app.check(s.undo === 0, 'the new project starts without history');
  await app.saved();
  await app.shot('decp-projet-cree');

  // A large file: the reading shows its progress across frames and can be cancelled.
  const dir = mkdtempSync(join(tmpdir(), 'clausier-decp-'));
  execFileSync('node', ['bench/decp_gen.mjs', dir, '20000']);
  await app.click('top.decp');
  await app.click('decp.clear');
  await chooseFiles(app, 'decp.open', [join(dir, 'decp-20000.json')]);
  s = await app.waitState((x) => x.decp.reading && x.decp.progress > 0, 'the large file is being read', 60000);
  app.check(s.decp.progress < 1, `the progress is shown while reading (${Math.round(s.decp.progress * 100)} %)`);
  const cancel = await app.rect('decp.cancel');
  await app.page.mouse.click(cancel.x + Math.min(cancel.w / 2, 40), cancel.y + cancel.h / 2);
  s = await app.waitState((x) => !x.decp.reading, 'the reading stops');
  app.check(s.decp.stats === null && s.decp.message.includes('annulée'), 'a cancelled reading keeps nothing and says so');
  await app.settle();

  // The same two files dragged from the file manager and dropped on the screen: the browser's own drag events
  // (dragEnter, dragOver, drop carrying the files), as a mouse drag from another window produces them.
  const cdp = await app.cdp();
  const at = await app.rect('decp.open');
  const drag = { x: at.x + at.w / 2, y: at.y + at.h / 2 + 80, data: { items: [], files: fixtures, dragOperationsMask: 1 } };
  for (const type of ['dragEnter', 'dragOver', 'drop']) await cdp.send('Input.dispatchDragEvent', { type, ...drag });
  s = await app.waitState((x) => x.decp.stats && x.decp.files.length === 2 && !x.decp.reading, 'the dropped files are read', 60000);
  app.check(s.decp.stats.records === 4 + 9 && s.decp.files.every((f) => f.read), `files dropped on the screen are read like chosen ones (${s.decp.stats.records} records)`);
  await app.settle();

  // The buyer's own published records in its SPASER report: a file with three 2025 contracts of the buyer (one
  // amount « NC »), one of 2024 and one of another buyer, chosen on the screen; the SIRET typed in the SPASER tab.
  await app.click('decp.clear');
  await chooseFiles(app, 'decp.open', [resolve('tests/fixtures/decp/spaser_buyer.json')]);
  await app.waitState((x) => x.decp.stats && x.decp.files.length === 1 && !x.decp.reading, 'the buyer\'s file is read', 60000);
  await app.fill('decp.departement', '');   // the chamber's territory filter of above, emptied by the user
  s = await app.waitState((x) => x.decp.stats && x.decp.stats.filters.departement === '', 'the département filter is emptied');
  app.check(s.decp.stats.contracts === 5, `the buyer's file holds five contracts (${s.decp.stats.contracts})`);
  await app.click('decp.close');
  await app.click('top.year');
  await app.click('year.tab.spaser');
  if (await app.has('spaser.start')) await app.click('spaser.start');
  await app.click('spaser.siret');
  await app.selectAll();
  await app.press('Backspace');
  await app.type('213 105 554 00016');   // one digit wrong: the Luhn key refuses it
  await app.press('Enter');
  app.check(await app.has('spaser.siret.error'), 'a SIRET with a wrong key is refused in French under the field');
  await app.click('spaser.siret');
  await app.press('Backspace');
  await app.type('7');
  await app.press('Enter');
  app.check(!(await app.has('spaser.siret.error')), 'the corrected SIRET is accepted');
  const kept = JSON.parse(await app.page.evaluate(() => localStorage.getItem('clausier.spaser')));
  app.check(kept && kept.siret === '213 105 554 00017', `the SIRET is kept with the SPASER as typed (${kept && kept.siret})`);
  await app.click('year.tab.portfolio');
  const bilan = await app.download('year.spaser.html');
  const plain = bilan.text.replace(/<[^>]+>/g, ' ').replace(/&#39;|&apos;|\u2019/g, '\'').replace(/[\s\u202f\u00a0]+/g, ' ');
  app.check(plain.includes('Marchés de l\'acheteur de SIRET 21310555400017 notifiés en 2025'), 'the report measures the buyer\'s records of 2025');
  app.check(plain.includes('Considération environnementale données essentielles publiées 2 sur 3 (66,7 %) 66,7 % 150 000 € HT 100 %'),
    'the published environmental figures: 2 of 3 contracts, 150 000 € of trusted value (the « NC » amount kept out)');
  app.check(plain.includes('Considération sociale données essentielles publiées 1 sur 3 (33,3 %)'), 'the published social figures');
  app.check(plain.includes('Considération environnementale projets de ce navigateur'), 'the projects\' figures are beside them, with their source');
  app.check(!plain.includes('900 000') && !plain.includes('300 000'), 'another buyer\'s and another year\'s contracts are left out');
  await app.shot('decp-bilan-spaser');
  await app.press('Escape');
  app.checkNoNetwork();
});
