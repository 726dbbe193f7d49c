// A business adviser with a small firm: Entreprise mode, the buyer's project file opened, every requirement
// read in plain language, the acronyms explained on hover, and the firm's sheet downloaded as DOCX.
import { readFileSync } from 'node:fs';
import { run } from './lib.mjs';

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
  app.checkNoNetwork();
});
