// A business adviser with a small firm: Entreprise mode, the buyer's project file opened, every requirement
// read in plain language, the acronyms explained on hover, and the firm's sheet downloaded as DOCX.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './lib.mjs';

const cli = process.env.CLAUSIER_CLI || 'build/native/clausier';

run('firm', async (app) => {
  await app.open();
  await app.choose('top.mode', 'entreprise');
  let s = await app.state();
  app.check(s.mode === 'entreprise', 'Entreprise mode chosen from the top bar');
  app.check(!(await app.has('step.besoin')), 'the buyer\'s stepper is hidden in Entreprise mode');

  const sample = readFileSync('tests/export/sample.clausier.json', 'utf8');
  await app.openFile('top.open', 'consultation-nettoyage.clausier.json', sample);
  s = await app.state();
  app.check(s.project.title === JSON.parse(sample).title, 'the buyer\'s project file is opened');
  app.check(s.mode === 'entreprise', 'and the reading stays in Entreprise mode');
  const reading = await app.rect('firm.text');
  app.check(reading.h > 2000, `the whole plain-language reading is laid out (${Math.round(reading.h)} px high)`);
  await app.shot('entreprise-lecture');

  // The glossary on hover: point at a paragraph that uses an acronym.
  for (const [term, meaning] of [['CCTP', 'Cahier des clauses techniques particulières'], ['SIAE', 'insertion par l\'activité économique']]) {
    const r = await app.reveal('firm.glossary.' + term);
    await app.page.mouse.move(r.x + Math.min(r.w / 2, 60), r.y + r.h / 2);
    await app.settle();
    s = await app.state();
    app.check(s.hover_help.includes(meaning), `hovering a text with « ${term} » shows its definition`);
  }
  await app.shot('entreprise-glossaire');

  const sheet = await app.download('firm.download');
  const bytes = readFileSync(sheet.path);
  app.check(sheet.name.endsWith('.docx') && bytes[0] === 0x50 && bytes[1] === 0x4b, `the firm's sheet downloads as a DOCX file (${sheet.name})`);
  app.check(bytes.includes(Buffer.from('Glossaire')), 'the sheet carries the glossary');

  // The consultation file a buyer publishes (`clausier package`), opened with « Ouvrir… »: read from the firm's
  // side, the project open in the app left as it was, and a button to go back to it.
  const published = join(mkdtempSync(join(tmpdir(), 'clausier-pkg-')), 'dce.json');
  execFileSync(cli, ['package', 'scenarios/nettoyage-insertion.clausier.json', '-o', published]);
  const scenario = JSON.parse(readFileSync('scenarios/nettoyage-insertion.clausier.json', 'utf8'));
  const before = await app.state();
  await app.openFile('top.open', 'dce-nettoyage.json', readFileSync(published));
  s = await app.state();
  app.check(s.mode === 'entreprise' && s.notice.includes('Dossier de consultation ouvert'),
    `the published file opens in Entreprise mode (${s.notice})`);
  app.check(s.project_id === before.project_id && JSON.stringify(s.project) === JSON.stringify(before.project),
    'the project open in the app is left as it was');
  app.check(s.notice.includes(scenario.need.object.slice(0, 30)), 'the notice names the consultation\'s object');
  app.check(await app.has('firm.close_package') && !(await app.has('firm.download')), 'the reading offers to close the published file');
  await app.click('firm.close_package');
  app.check(!(await app.has('firm.close_package')) && await app.has('firm.download'), 'closing it comes back to the project\'s own reading');
  app.checkNoNetwork();
});
