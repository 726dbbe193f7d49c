// A trainer's workshop: switch to Formation mode, load the « pièges » scenario, fix two of its findings
// from the right panel, reset the scenario to its start, then switch the projector preset on.
import { run } from './lib.mjs';

run('trainer', async (app) => {
  await app.open();
  await app.choose('top.mode', 'formation');
  let s = await app.state();
  app.check(s.mode === 'formation', 'Formation mode chosen from the top bar');
  app.check(await app.has('formation.scenario.pieges'), 'the workshop scenarios are listed');

  await app.click('formation.scenario.pieges');
  s = await app.state();
  const start = s.findings.length;
  app.check(s.scenario === 'pieges' && start >= 10, `the « pièges » scenario is loaded with its ${start} findings`);
  app.check(s.findings.some((f) => f.rule === 'localisme-critere'), 'its localism trap is found');
  await app.shot('formation-pieges');

  // Fix 1: the missing justification of a single lot, reached from the finding's « Corriger » button.
  let i = await app.findingIndex('lots-unique-non-justifie');
  app.check(i >= 0, 'the unjustified single lot is reported');
  await app.click('finding.' + i);
  s = await app.state();
  app.check(s.step === 'lots', 'the finding leads to the lots step');
  await app.type('Prestation unique sur un seul site : un découpage en lots renchérirait la coordination.');
  s = await app.state();
  app.check(s.project.single_lot_justification.startsWith('Prestation unique'), 'typing goes straight into the focused field');
  app.check(!s.findings.some((f) => f.rule === 'lots-unique-non-justifie'), 'the finding disappears once the field is filled');

  // Fix 2: the need questioned, a checkbox on the need step.
  i = await app.findingIndex('besoin-sobriete');
  await app.click('finding.' + i);
  s = await app.state();
  app.check(s.step === 'besoin', 'the sobriety finding leads to the need step');
  await app.click('besoin.need_questioned');
  s = await app.state();
  app.check(s.project.need.need_questioned === true && !s.findings.some((f) => f.rule === 'besoin-sobriete'),
    'ticking « Le besoin a été questionné » clears its finding');
  app.check(s.findings.length === start - 2, `two findings fewer (${s.findings.length} of ${start})`);

  // Reset: the scenario comes back as it started.
  await app.click('formation.reset');
  s = await app.state();
  app.check(s.findings.length === start && s.project.single_lot_justification === '' && !s.project.need.need_questioned,
    '« Revenir au début » restores the scenario and its findings');

  // Projector preset: large text and high contrast.
  await app.click('formation.projector');
  s = await app.state();
  app.check(s.projector && s.high_contrast && s.zoom >= 1.5, 'the projector preset sets high contrast and a larger zoom');
  await app.shot('formation-projecteur');
  app.checkNoNetwork();
});
