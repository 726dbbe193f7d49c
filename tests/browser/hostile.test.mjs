// Hostile files opened through « Ouvrir… » as a user would: each is refused with a French message, the
// project being edited stays exactly as it was, and the page never hangs — not even on a 50 MB file (read,
// then refused by the core) or a 70 MB one (refused by the page before reading). A file from a newer version
// says so. A valid file full of markup opens and exports as text.
import { readFileSync } from 'node:fs';
import { run } from './lib.mjs';

const corpus = (name) => readFileSync('tests/hostile/' + name);

// Waits until the app shows an error (or a notice, for the page's own refusal); a file the app never answers
// fails the check on the wait's timeout (how fast it answers is measured in scripts/bench, not here).
async function waitFor(app, what, ms = 20000) {
  return { s: await app.waitState((st) => st[what], 'the app shows its ' + what, ms) };
}

run('hostile', async (app) => {
  await app.open();
  await app.fill('besoin.object', 'Projet intact « avant »');
  await app.fill('besoin.value', '62500');
  let s = await app.state();
  const before = JSON.stringify(s.project);
  app.check(s.project.need.object === 'Projet intact « avant »', 'a project is being edited');

  const cases = [
    ['vide.json', corpus('invalid-empty.json'), 'est vide'],
    ['tronque.json', corpus('invalid-truncated.json'), 'pas du JSON valide'],
    ['note.txt', corpus('invalid-not-json.txt'), 'pas du JSON valide'],
    ['latin1.json', corpus('invalid-utf8-latin1.json'), 'UTF-8'],
    ['nul.json', corpus('invalid-nul-bytes.json'), 'pas du JSON valide'],
    ['binaire.json', corpus('invalid-binary.json'), 'UTF-8'],
    ['type.json', corpus('invalid-type-number.json'), 'need.duration_months'],
    ['nombre.json', corpus('invalid-range-huge.json'), 'limites admises'],
    ['autre.json', corpus('invalid-other-format.json'), 'pas un projet Clausier'],
    ['futur.json', corpus('invalid-version-future.json'), 'plus récente'],
    ['profond.json', '['.repeat(100000) + ']'.repeat(100000), 'imbriquées'],
    ['profond-projet.json', '{"format": "clausier-projet", "schema_version": 1, "futur": ' + '['.repeat(100000) + ']'.repeat(100000) + '}', 'imbriquées'],
    ['gros-50-Mo.json', Buffer.alloc(50 << 20, 0x61), 'volumineux'],
  ];
  for (const [name, content, phrase] of cases) {
    await app.openFile('top.open', name, content);
    const { s: after } = await waitFor(app, 'error');
    app.check(after.error.includes('ne peut pas être ouvert') && after.error.includes(phrase),
      `${name}: refused with a French message mentioning « ${phrase} » (${after.error.slice(0, 160)})`);
    app.check(after.error.includes("n'a pas été modifié"), `${name}: the message says the project was not modified`);
    app.check(JSON.stringify(after.project) === before, `${name}: the project in memory is unchanged`);
    if (name === 'futur.json') await app.shot('hostile-version-future');
    await app.click('error.ok');
    app.check(!(await app.state()).error, `${name}: the message can be dismissed`);
  }

  // Over 64 MB, the page refuses before reading the file.
  await app.openFile('top.open', 'enorme-70-Mo.json', Buffer.alloc(70 << 20, 0x20));
  const { s: big } = await waitFor(app, 'notice', 10000);
  app.check(big.notice.includes('trop volumineux'), 'a 70 MB file is refused before it is read: ' + big.notice);
  app.check(JSON.stringify(big.project) === before, '70 MB file: the project in memory is unchanged');

  // The project still works after all that: edits go through and are saved.
  await app.fill('besoin.object', 'Toujours vivant');
  s = await app.state();
  app.check(s.project.need.object === 'Toujours vivant', 'the app still edits the project after the hostile files');

  // A valid file full of markup and template injection opens; its HTML export shows it as text.
  const injection = corpus('valid-injection.json');
  await app.openFile('top.open', 'injection.json', injection);
  s = await app.state();
  app.check(!s.error && s.project.title === JSON.parse(injection).title, 'the injection project opens, its title intact');
  await app.click('step.export');
  const html = await app.download('export.dce.html');
  app.check(!/<script/i.test(html.text), 'its HTML export contains no <script');
  app.check(!/<img/i.test(html.text) && !html.text.includes('onerror=alert(1)>'), 'its HTML export contains no injected element');
  app.check(html.text.includes('&lt;script&gt;'), 'the injected markup is shown as text');
  const md = await app.download('export.dce.md');
  app.check(!/(^|[^\\])<script/.test(md.text), 'its Markdown export escapes the markup');
  await app.shot('hostile-injection');
  app.checkNoNetwork();
});
