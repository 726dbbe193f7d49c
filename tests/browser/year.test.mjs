// A buyer's year, through the real UI (mouse and a French keyboard): two scenario files opened (the same file
// twice makes no duplicate), an award recorded with French amounts and a SIRET typed with spaces, « Mon année »
// with its indicators and launches by quarter, then « Mes projets »: each project with its details, rename,
// duplicate, delete and « Annuler », the whole portfolio exported as one file and imported back with a broken
// entry named in the report; then a groupement de commandes declared in the need step (coordinator, mission, a
// member added with a French amount) and its draft convention at the end of the DCE. Every wait is on the app's state, never on time.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { run } from './lib.mjs';

const scenario = (name) => readFileSync(`scenarios/${name}.clausier.json`, 'utf8');
const portfolio = async (app) => (await app.state()).portfolio.projects;

run('year', async (app) => {
  await app.open();
  const cleaningText = scenario('nettoyage-insertion');
  const cleaning = JSON.parse(cleaningText);
  await app.openFile('top.open', 'nettoyage.clausier.json', cleaningText);
  let s = await app.state();
  app.check(s.project.title === cleaning.title, 'the cleaning project with its award is opened');
  const cleaningId = s.project_id;
  await app.saved();

  const cateringText = scenario('restauration-scolaire');
  await app.openFile('top.open', 'cantine.clausier.json', cateringText);
  s = await app.saved();
  const cateringId = s.project_id;
  const count = (await portfolio(app)).length;

  // The same file again: the stored project opens, no copy appears.
  await app.openFile('top.open', 'nettoyage-encore.clausier.json', cleaningText);
  s = await app.state();
  app.check(s.project_id === cleaningId, 'opening the same file again opens the project already stored');
  app.check((await portfolio(app)).length === count, `and makes no duplicate (${count} projects)`);

  // The award of the catering project, typed as a French buyer writes it.
  await app.click('top.projects');
  await app.click(`projects.${cateringId}.open`);
  await app.waitState((st) => st.project_id === cateringId, 'the catering project is opened from « Mes projets »');
  await app.click('top.year');
  app.check(await app.has('year.indicators'), '« Mon année » shows the indicators of the portfolio');
  app.check(await app.has('year.chart'), 'and draws the launches by quarter');
  await app.shot('mon-annee');
  await app.click('year.tab.award');
  if (await app.has('attribution.record.1')) await app.click('attribution.record.1');
  await app.fill('attribution.lots[1].notification_date', '15/03/2027');
  await app.fill('attribution.lots[1].amount', '123 456,50 €');
  await app.fill('attribution.lots[1].holders[1].siret', '999 900 001 00010');
  s = await app.state();
  const lot = s.project.award.lots.find((l) => l.lot === 1);
  app.check(lot && lot.notification_date === '2027-03-15', `the notification date « 15/03/2027 » is stored ISO (${lot && lot.notification_date})`);
  app.check(lot && Math.abs(lot.amount - 123456.5) < 1e-6, `the amount « 123 456,50 € » is read (${lot && lot.amount})`);
  app.check(lot && lot.holders[0].siret === '999 900 001 00010', 'the SIRET is kept as typed');
  await app.press('Escape');
  app.check(!(await app.has('year.indicators')), 'Escape closes « Mon année »');
  await app.saved();

  // « Mes projets »: the rows, rename with accents typed on a French keyboard, duplicate, delete, « Annuler ».
  await app.click('top.projects');
  app.check(await app.has(`projects.${cleaningId}.details`) && await app.has(`projects.${cateringId}.details`),
    'both projects are listed with their details');
  const open = (await portfolio(app)).filter((p) => p.open).map((p) => p.id);
  app.check(open.length === 1 && open[0] === cateringId, 'the open project is marked');
  app.check(!(await app.has(`projects.${cateringId}.delete`)), 'the open project cannot be deleted from the list');
  await app.shot('mes-projets');

  await app.click(`projects.${cleaningId}.rename`);
  await app.fill(`projects.${cleaningId}.title`, 'Nettoyage 2027 — écoles');
  await app.click(`projects.${cleaningId}.rename.ok`);
  let rows = await portfolio(app);
  app.check(rows.find((p) => p.id === cleaningId).title === 'Nettoyage 2027 — écoles', 'the stored project is renamed (accents and dash intact)');

  await app.click(`projects.${cleaningId}.duplicate`);
  rows = await portfolio(app);
  const copy = rows.find((p) => p.title === 'Nettoyage 2027 — écoles (copie)');
  app.check(rows.length === count + 1 && !!copy, '« Dupliquer » adds a copy');

  await app.click(`projects.${copy.id}.delete`);
  app.check((await portfolio(app)).length === count && (await app.state()).portfolio.undo, 'the copy is deleted, « Annuler » is offered');
  await app.click('projects.undo');
  app.check((await portfolio(app)).some((p) => p.id === copy.id), '« Annuler » brings the copy back');
  await app.click(`projects.${copy.id}.delete`);

  // Export of the whole portfolio: one file; the next action ends the offer to undo.
  const exported = await app.download('projects.export');
  const file = JSON.parse(exported.text);
  app.check(!(await app.state()).portfolio.undo, 'the next action ends the offer to undo the deletion');
  app.check(file.format === 'clausier-portefeuille' && file.projects.length === count,
    `the portfolio downloads as one file with its ${count} projects (${exported.name})`);

  // Import: a new project, one broken entry and the ones already here.
  const fresh = JSON.parse(JSON.stringify(file.projects[0]));
  fresh.project.title = fresh.title = 'Espaces verts — secteur nord';
  file.projects.push(fresh);
  file.projects[1].project.lots = 'beaucoup';
  const brokenTitle = file.projects[1].title;
  const path = join(mkdtempSync(join(tmpdir(), 'clausier-up-')), 'portefeuille.json');
  writeFileSync(path, JSON.stringify(file));
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.click('projects.import')]);
  await chooser.setFiles(path);
  s = await app.waitState((st) => st.portfolio.report !== '', 'the portfolio file is imported');
  await app.settle();
  app.check((await portfolio(app)).length === count + 1, 'the new project is added, nothing is overwritten');
  app.check(s.portfolio.report.includes('1 projet importé') && s.portfolio.report.includes(`Projet 2 « ${brokenTitle} »`) &&
    s.portfolio.report.includes('lots'), 'the report names the broken entry and what is wrong');
  app.check(await app.has('projects.report'), 'the report is shown in the dialog');
  await app.shot('mes-projets-import');
  await app.press('Escape');
  app.check(!(await app.has('projects.export')), 'Escape closes « Mes projets »');
  // A groupement de commandes (issue 15.6): the coordinator and its mission in the need step, a member added,
  // a finding while its need has no value, the draft convention constitutive at the end of the DCE.
  await app.openFile('top.open', 'groupement.clausier.json', scenario('groupement-restauration'));
  await app.click('step.besoin');
  app.check(await app.has('besoin.coordinator.name') && await app.has('besoin.coordinator.siret'),
    'the need step shows the coordinator of the groupement and its SIRET');
  await app.choose('besoin.coordinator.mission', 'execution');
  s = await app.state();
  app.check(s.project.need.coordinator.mission === 'execution', 'the coordinator is also entrusted with the execution');
  await app.click('besoin.members.add');
  s = await app.state();
  app.check(s.project.need.members.length === 3 && s.findings.some((f) => f.rule === 'groupement-membre-sans-valeur'),
    'a member added without a value is a finding');
  await app.fill('besoin.members[3].name', 'Commune de Vaux-sur-Aisne');
  await app.fill('besoin.members[3].need', 'Repas de son école, 20 000 par an');
  await app.fill('besoin.members[3].value', '25 000 €');
  s = await app.state();
  const added = s.project.need.members[2];
  app.check(added.name === 'Commune de Vaux-sur-Aisne' && added.need === 'Repas de son école, 20 000 par an' && added.value === 25000,
    `the new member, its need and « 25 000 € » are stored (${added.value})`);
  app.check(!s.findings.some((f) => f.rule.startsWith('groupement-')), 'no groupement finding is left');
  await app.shot('groupement');
  await app.click('step.export');
  const dce = await app.download('export.dce.html');
  app.check(dce.text.includes('Convention constitutive du groupement de commandes') && dce.text.includes('Commune de Vaux-sur-Aisne'),
    'the DCE ends with the draft convention constitutive, the new member in it');
  // The SPASER builder (issue 15.4) from the finding « spaser-obligatoire »: a SPASER started, adopted, a target
  // added, kept in the browser's storage, the open project's standing against each target, the document.
  await app.openFile('top.open', 'agglomeration.clausier.json', scenario('spaser-agglomeration'));
  const spaserFinding = await app.findingIndex('spaser-obligatoire');
  app.check(spaserFinding >= 0, 'the agglomeration over 50 M€ without a SPASER gets the finding');
  app.check((await app.state()).findings[spaserFinding].action === 'demarrer-spaser', 'the core says the finding offers to start a SPASER');
  await app.click(`finding.${spaserFinding}.action`);
  app.check(await app.has('spaser.start'), '« Démarrer un SPASER » opens the SPASER builder of « Mon année »');
  await app.click('spaser.start');
  app.check(await app.has('spaser.axes[1].title') && await app.has('spaser.axes[2].targets[1].target'),
    'the SPASER starts with two axes, each with a figured target');
  await app.fill('spaser.adopted', '12/02/2027');
  await app.click('spaser.axes[1].targets.add');
  app.check(await app.has('spaser.axes[1].targets[2].indicator'), 'a second target is added to the first axis');
  await app.fill('spaser.axes[1].targets[2].target', '40 %');
  const stored = JSON.parse(await app.page.evaluate(() => localStorage.getItem('clausier.spaser')));
  app.check(stored && stored.adopted === '2027-02-12' && stored.axes[0].targets.length === 2 && stored.axes[0].targets[1].target === 40,
    `the SPASER is kept in the browser, adopted on 2027-02-12 with « 40 % » as a target (${stored && stored.adopted})`);
  app.check(await app.has('spaser.standing'), 'the open project is measured against each target');
  // The project's checks point to the targets it serves or pulls down (issue 15.4), in the right panel.
  let st = await app.state();
  app.check(!st.findings.some((f) => f.rule === 'spaser-obligatoire'), 'the adopted SPASER silences « SPASER obligatoire »');
  app.check(st.findings.some((f) => f.rule === 'spaser-cible-servie' || f.rule === 'spaser-cible-manquee'),
    `the project's findings name the SPASER's targets (${st.findings.map((f) => f.rule).filter((r) => r.startsWith('spaser')).join(', ')})`);
  // SPASER edits are undo steps (issue 15): the target typed, then Ctrl+Z with real key events brings back the one before.
  await app.fill('spaser.axes[1].targets[2].target', '65 %');
  st = await app.state();
  app.check(st.spaser.axes[0].targets[1].target === 65, `the target is now 65 % (${st.spaser.axes[0].targets[1].target})`);
  await app.press('Control+Z');
  st = await app.state();
  const back = JSON.parse(await app.page.evaluate(() => localStorage.getItem('clausier.spaser')));
  app.check(st.spaser.axes[0].targets[1].target === 40 && back.axes[0].targets[1].target === 40,
    `Ctrl+Z brings the target back to 40 %, in the app and in the browser's storage (${st.spaser.axes[0].targets[1].target}, ${back.axes[0].targets[1].target})`);
  await app.press('Control+Shift+Z');
  st = await app.state();
  app.check(st.spaser.axes[0].targets[1].target === 65, `Ctrl+Shift+Z redoes it (${st.spaser.axes[0].targets[1].target})`);
  await app.shot('spaser');
  const spaserDoc = await app.download('spaser.html');
  app.check(spaserDoc.text.includes(stored.axes[0].title.replace(/'/g, '&#39;')) || spaserDoc.text.includes(stored.axes[0].title.replace(/'/g, '’')),
    'the SPASER document carries its axes');
  await app.press('Escape');
  app.checkNoNetwork();
});
