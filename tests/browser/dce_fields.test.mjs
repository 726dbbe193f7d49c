// The consultation fields of the third wave, driven as a buyer does (clicks and keys, AZERTY text): the
// single-lot ground chosen from the list (the finding goes away; « x » as an explanation keeps it), a second lot
// with its own price form and so its own price schedule, criteria per lot (the RC gives one table per lot),
// weights as ranges, and the loi industrie verte exclusion. Each step waits on the app's state; the exported
// DCE (HTML, as downloaded) is read at the end.
import { run } from './lib.mjs';

const has = (s, rule) => s.findings.some((f) => f.rule === rule);

// A multi-line field is typed into and left as it is: Entrée there starts a new line, it does not commit.
async function fillText(app, id, text) {
  await app.click(id);
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.press('Backspace');
  await app.type(text);
}

// Adds a criterion at the end of the list and fills it; `n` is its number (1-based) once added.
async function addCriterion(app, n, { name, kind, weight, lot }) {
  await app.click('criteres.add');
  const k = `criteres.criteria[${n}]`;
  if (name) await app.fill(k + '.name', name);
  if (kind) await app.choose(k + '.kind', kind);
  await app.fill(k + '.weight', weight);
  await app.choose(k + '.lot', String(lot));
  await fillText(app, k + '.method', 'Note sur 10 selon la grille jointe au règlement de la consultation');
  await fillText(app, k + '.proof', 'Mémoire technique');
}

run('dce_fields', async (app) => {
  await app.open();
  await app.fill('besoin.title', 'Entretien des bâtiments communaux');
  await app.fill('besoin.object', 'Nettoyage et vitrerie des bâtiments de la commune');
  await app.choose('besoin.nature', 'services');
  await app.choose('besoin.buyer_type', 'collectivite');
  await app.fill('besoin.value', '300 000 €');
  let s = await app.waitState((st) => st.project.lots.length === 1 && st.project.lots[0].value === 300000, 'the value is stored');

  // --- Single lot: the ground comes from the list of L.2113-10 / L.2113-11 ---
  await app.click('step.lots');
  s = await app.state();
  app.check(s.procedure === 'formalisee', `300 000 € of services for a local authority is a formalised procedure (${s.procedure})`);
  app.check(has(s, 'lots-unique-non-justifie'), 'a single lot without a ground is flagged');
  await fillText(app, 'lots.single_lot_justification', 'x');
  s = await app.state();
  app.check(has(s, 'lots-unique-non-justifie'), '« x » as the only explanation keeps the finding');
  await app.choose('lots.single_lot_ground', 'execution-difficile');
  await fillText(app, 'lots.single_lot_justification',
    'Les mêmes agents passent dans la mairie et les écoles le même jour ; deux titulaires se gêneraient sur site.');
  s = await app.waitState((st) => !has(st, 'lots-unique-non-justifie'), 'the single-lot finding goes away');
  app.check(s.project.single_lot_ground === 'execution-difficile', `the ground chosen from the list is stored (${s.project.single_lot_ground})`);
  app.check(!has(s, 'lots-unique-non-justifie'), 'a ground from the list and a real explanation clear the finding');

  // --- A second lot with a price form of its own ---
  await app.click('lots.add');
  s = await app.waitState((st) => st.project.lots.length === 2, 'a second lot exists');
  app.check(!(await app.has('lots.single_lot_ground')), 'with two lots the single-lot ground is no longer asked');
  await app.fill('lots.lots[2].title', 'Vitrerie');
  await app.fill('lots.lots[2].value', '40 000');
  await app.choose('lots.lots[1].price_form', 'unitaire');
  await app.choose('lots.lots[2].price_form', 'forfaitaire');
  s = await app.waitState((st) => st.project.lots[1].price_form === 'forfaitaire', 'the second lot has its price form');
  app.check(s.project.lots[0].price_form === 'unitaire' && s.project.lots[1].price_form === 'forfaitaire',
    `lot 1 in unit prices, lot 2 as a lump sum (${s.project.lots.map((l) => l.price_form).join(', ')})`);
  app.check(!has(s, 'consultation-bordereau-incoherent'), 'each lot gets the price schedule of its own price form (no R.2112-6 alert)');

  // --- Criteria per lot, weighted ---
  await app.click('step.criteres');
  await addCriterion(app, 1, { weight: '60', lot: 1 });
  await addCriterion(app, 2, { name: 'Performance environnementale des produits', kind: 'environnemental', weight: '40', lot: 1 });
  await addCriterion(app, 3, { name: 'Prix global et forfaitaire', kind: 'prix', weight: '70', lot: 2 });
  await addCriterion(app, 4, { name: 'Gestion de l’eau et des produits de vitrerie', kind: 'environnemental', weight: '30', lot: 2 });
  s = await app.waitState((st) => st.project.criteria.length === 4 && st.project.criteria[3].weight === 30, 'four criteria are stored');
  app.check(s.project.criteria.map((c) => c.lot).join(',') === '1,1,2,2', `two criteria for each lot (${s.project.criteria.map((c) => c.lot)})`);
  app.check(s.project.criteria[3].name === 'Gestion de l’eau et des produits de vitrerie', 'a criterion name typed with a typographic apostrophe arrives intact');
  app.check(!has(s, 'criteres-total-ponderation'), 'weights add up to 100 % lot by lot (60 + 40, 70 + 30): no total finding');
  app.check(!has(s, 'art35-critere-environnemental'), 'each lot has its environmental criterion');
  await app.fill('criteres.criteria[4].weight', '20');
  s = await app.waitState((st) => st.project.criteria[3].weight === 20, 'the weight is changed');
  app.check(has(s, 'criteres-total-ponderation'), 'lot 2 weighted 70 + 20 = 90 % is flagged');
  await app.fill('criteres.criteria[4].weight', '30');

  // --- Weights as ranges (R.2152-12) ---
  await app.choose('criteres.weighting', 'fourchette');
  s = await app.waitState((st) => st.project.weighting === 'fourchette', 'the weighting is by ranges');
  app.check(await app.has('criteres.criteria[1].weight_max'), 'a range asks for a maximum weight');
  await app.fill('criteres.criteria[1].weight', '50');
  await app.fill('criteres.criteria[1].weight_max', '70');
  await app.fill('criteres.criteria[2].weight', '30');
  await app.fill('criteres.criteria[2].weight_max', '50');
  await app.fill('criteres.criteria[3].weight_max', '80');
  await app.fill('criteres.criteria[4].weight', '20');
  await app.fill('criteres.criteria[4].weight_max', '30');
  s = await app.waitState((st) => st.project.criteria[3].weight_max === 30, 'the ranges are stored');
  app.check(s.project.criteria[0].weight === 50 && s.project.criteria[0].weight_max === 70, 'price of lot 1 weighted from 50 to 70 %');
  app.check(!has(s, 'criteres-total-ponderation') && !has(s, 'criteres-non-ponderes-formalise'),
    'ranges that can make 100 % are lawful in a formalised procedure (no finding)');

  // --- Loi industrie verte (L.2141-7-1) ---
  await app.click('step.consultation');
  s = await app.state();
  app.check(has(s, 'exclusions-industrie-verte'), 'an undecided industrie verte exclusion is advised on');
  await app.choose('consultation.green_industry_exclusion', 'oui');
  s = await app.waitState((st) => st.project.consultation.green_industry_exclusion === 'oui', 'the exclusion is set');
  app.check(!has(s, 'exclusions-industrie-verte'), 'once decided, the advice goes away');

  // --- The DCE as the buyer downloads it ---
  await app.click('step.export');
  const html = (await app.download('export.dce.html')).text;
  const plain = html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;|\u00a0|\u202f/g, ' ').replace(/\s+/g, ' ');
  const start = html.search(/conomiquement la plus avantageuse est choisie/);
  const end = html.indexOf('Offres irrégulières', start);
  const criteria = start > 0 && end > start ? html.slice(start, end) : '';
  const tables = (criteria.match(/<table/g) || []).length;
  app.check(tables === 2, `the RC gives one criteria table per lot (${tables})`);
  app.check(/Lot 1 \(/.test(criteria.replace(/<[^>]+>/g, '')) && /Lot 2 \(Vitrerie\)/.test(criteria.replace(/<[^>]+>/g, '')),
    'each table is introduced by its lot');
  app.check(/50 % à 70 %/.test(plain), 'the ranges are printed (« de 50 % à 70 % »)');
  app.check(/DPGF/.test(plain) && /(BPU|DQE)/.test(plain), 'the lump-sum lot is priced on a DPGF, the unit-price lot on a BPU/DQE');
  app.check(!/(BPU|DQE|DPGF) ou (BPU|DQE|DPGF)/.test(plain), 'no undecided « BPU ou DPGF » in the DCE');
  app.check(/L\.2141-7-1/.test(plain), 'the RC announces the industrie verte exclusion (L.2141-7-1)');
  app.check(/prix global et forfaitaire/i.test(plain) && /prix unitaires/i.test(plain), 'the CCAP names each lot’s price form');
  app.checkNoNetwork();
}, { width: 1366, height: 768 });
