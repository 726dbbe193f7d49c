// The first path a buyer walks, written once for both browsers (buyer_path.test.mjs in Chromium,
// buyer_path_firefox.test.mjs in Firefox ESR): the need, the procedure, clauses, the HTML and Markdown exports,
// autosave across a reload, saving and reopening a project file, and a malformed file refused without harm.
// `app` is lib.mjs's App or firefox.mjs's FirefoxApp; `prefix` names the screenshots.
export async function walkBuyerPath(app, prefix = '') {
  await app.open();
  let s = await app.state();
  app.check(s.step === 'besoin', 'opens on the need step');
  await app.shot(prefix + '01-besoin-vide');

  const object = 'Nettoyage des locaux — écoles & crèches « Œuvre » 2027’s';
  await app.fill('besoin.title', 'Nettoyage écoles 2027');
  await app.fill('besoin.object', object);
  await app.choose('besoin.nature', 'services');
  await app.choose('besoin.buyer_type', 'collectivite');
  await app.fill('besoin.value', '62500');
  await app.fill('besoin.renewals', '3');
  await app.fill('besoin.launch_date', '2026-11-22');
  s = await app.state();
  app.check(s.project.need.object === object, 'the object typed with French characters arrived intact');
  app.check(s.project.lots[0].value === 62500, 'value set to 62 500 € for the initial year');
  app.check(s.project.need.renewals === 3, 'three renewals');
  await app.shot(prefix + '02-besoin-rempli');

  await app.click('step.lots');
  s = await app.state();
  app.check(s.step === 'lots', 'lots step shown');
  app.check(s.procedure === 'formalisee', '4 × 62 500 € = 250 000 € of services for a local authority is a formalised procedure');
  await app.shot(prefix + '03-procedure');

  await app.click('step.clauses');
  await app.fill('clauses.search', 'produits');
  s = await app.state();
  const firstItem = (await app.items('clauses.item.'))[0]?.slice('clauses.item.'.length);
  app.check(!!firstItem, 'search finds clauses');
  await app.click('clauses.item.' + firstItem);
  await app.click('clauses.add.' + firstItem);
  s = await app.state();
  app.check(s.project.clauses.some((c) => c.id === firstItem), 'the clause ' + firstItem + ' is added to the project');
  await app.shot(prefix + '04-clauses');

  // Award criteria: price 60 %, environmental performance 40 %.
  await app.click('step.criteres');
  await app.click('criteres.add');
  await app.fill('criteres.criteria[1].weight', '60');
  await app.click('criteres.add');
  await app.fill('criteres.criteria[2].name', 'Performance environnementale des produits et du matériel');
  await app.choose('criteres.criteria[2].kind', 'environnemental');
  await app.fill('criteres.criteria[2].weight', '40');
  s = await app.state();
  const weights = s.project.criteria.map((c) => c.weight);
  app.check(weights.join('+') === '60+40', `two criteria weighted ${weights.join(' + ')} %`);
  app.check(!s.findings.some((f) => f.rule === 'art35-critere-environnemental' || f.rule === 'art35-critere-unique'),
    'the art. 35 criteria findings are gone once an environmental criterion is weighted');
  await app.shot(prefix + '05-criteres');

  await app.click('step.export');
  app.check(await app.has('export.preview') && (await app.state()).export_preview === 'dce', 'the export step previews the DCE');
  await app.click('export.synthese.preview');
  app.check((await app.state()).export_preview === 'synthese', 'the preview switches to the decision memo');
  const html = await app.download('export.dce.html');
  app.check(html.name.endsWith('.html'), 'HTML export downloaded as ' + html.name);
  app.check(html.text.includes('Nettoyage des locaux'), 'HTML export contains the object');
  app.check(!html.text.includes('<script'), 'HTML export contains no script');
  const md = await app.download('export.dce.md');
  app.check(md.name.endsWith('.md'), 'Markdown export downloaded as ' + md.name);
  app.check(md.text.includes('Nettoyage des locaux'), 'Markdown export contains the object');
  await app.shot(prefix + '06-export');

  // Autosave: after a reload the project is back.
  await app.saved();
  await app.reload();
  s = await app.state();
  app.check(s.project.need.object === object, 'the project came back after a reload');
  app.check(s.project.clauses.some((c) => c.id === firstItem), 'the chosen clause came back after a reload');
  app.check(s.step === 'export', 'the reload returns to the step the user was on (' + s.step + ')');
  await app.click('step.besoin');

  // Save a project file, then refuse a malformed one, then reopen the saved one.
  const saved = await app.download('top.save');
  app.check(saved.name.endsWith('.json') && JSON.parse(saved.text).need.object === object, 'project saved as a JSON file');
  await app.fill('besoin.object', 'Objet modifié');
  await app.openFile('top.open', 'abime.json', '{"format": "clausier-projet", "schema_version": 1, "need": {"nature": 12');
  s = await app.state();
  app.check(s.error.includes('ne peut pas être ouvert'), 'a malformed file is refused with a French message');
  app.check(s.project.need.object === 'Objet modifié', 'the current project is untouched by the refused file');
  await app.shot(prefix + '07-fichier-refuse');
  await app.click('error.ok');
  await app.openFile('top.open', saved.name, saved.text);
  s = await app.state();
  app.check(s.project.need.object === object, 'the saved project file opens again');
  app.checkNoNetwork();
}
