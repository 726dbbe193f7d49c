// Generates published essential data (DECP) for the benchmark, into an output folder (never shipped):
//   decp-<N>.json   N records in the 2022 regulatory form {"marches": {"marche": [...]}}, pretty-printed as
//                   exports usually are, about a région's buyers over five years (2021–2025): communes, EPCI,
//                   départements, hospitals, schools in four départements; realistic mixes of CPV codes,
//                   amounts, durations, procedures and considerations; modifications, republications of the
//                   same contract, and the usual mess (amounts as text or « NC », « oui »/« non », CPV codes
//                   with a check digit or as numbers, French dates, implausible amounts, missing fields).
// Deterministic (seeded). Usage: node bench/decp_gen.mjs OUT_DIR [N …]   (default sizes: 10000 100000)
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

const out = resolve(process.argv[2] || 'build/bench-data');
const sizes = process.argv.length > 3 ? process.argv.slice(3).map(Number) : [10000, 100000];
mkdirSync(out, { recursive: true });

// Mulberry32: a small seeded generator, so that every run writes the same files.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// [CPV with check digit, object, weight, median amount (€ HT), typical durations (months), nature]
const purchases = [
  ['45000000-7', 'Travaux de construction', 6, 400000, [6, 12, 18, 24], 'travaux'],
  ['45210000-2', 'Travaux de construction de bâtiments', 5, 600000, [12, 18, 24], 'travaux'],
  ['45233140-2', 'Travaux routiers', 6, 250000, [6, 12, 48], 'travaux'],
  ['45261000-4', 'Travaux de charpente et de couverture', 3, 180000, [6, 12], 'travaux'],
  ['45310000-3', "Travaux d'équipement électrique", 3, 150000, [6, 12, 48], 'travaux'],
  ['45330000-9', 'Travaux de plomberie', 2, 120000, [6, 12], 'travaux'],
  ['45400000-1', 'Travaux de parachèvement de bâtiment', 3, 140000, [6, 12], 'travaux'],
  ['45112500-0', 'Travaux de terrassement', 2, 200000, [6, 12], 'travaux'],
  ['90919200-4', 'Nettoyage des bureaux', 4, 180000, [12, 36, 48], 'services'],
  ['90911200-8', 'Nettoyage des bâtiments', 3, 220000, [36, 48], 'services'],
  ['55523100-3', 'Restauration scolaire', 3, 900000, [12, 36, 48], 'services'],
  ['15000000-8', 'Denrées alimentaires', 3, 300000, [12, 48], 'fournitures'],
  ['77310000-6', 'Entretien des espaces verts', 3, 120000, [12, 36, 48], 'services'],
  ['72000000-5', 'Services informatiques', 3, 200000, [12, 36, 48], 'services'],
  ['48000000-8', 'Logiciels', 2, 150000, [12, 36, 48], 'fournitures'],
  ['30200000-1', 'Matériel informatique', 2, 180000, [12, 48], 'fournitures'],
  ['30192000-1', 'Fournitures de bureau', 2, 90000, [12, 48], 'fournitures'],
  ['39130000-2', 'Mobilier de bureau', 1, 100000, [12, 48], 'fournitures'],
  ['34100000-8', 'Véhicules', 2, 250000, [1, 12, 48], 'fournitures'],
  ['09310000-5', "Fourniture d'électricité", 1, 800000, [24, 36, 48], 'fournitures'],
  ['71000000-8', "Maîtrise d'œuvre", 4, 120000, [12, 24, 36], 'services'],
  ['79000000-4', 'Prestations de conseil', 2, 80000, [6, 12, 24], 'services'],
  ['18100000-0', 'Vêtements de travail', 1, 70000, [12, 48], 'fournitures'],
  ['60100000-9', 'Transport routier', 2, 350000, [12, 36, 48], 'services'],
  ['50700000-2', 'Maintenance des installations de bâtiment', 2, 110000, [12, 36, 48], 'services'],
  ['33600000-6', 'Produits pharmaceutiques', 2, 400000, [12, 48], 'fournitures'],
  ['85000000-9', 'Services de santé et services sociaux', 1, 200000, [12, 36], 'services'],
  ['90500000-2', 'Collecte et traitement des déchets', 2, 700000, [36, 48, 60], 'services'],
];
const totalWeight = purchases.reduce((s, p) => s + p[2], 0);
const procedures = [['Procédure adaptée', 70], ["Appel d'offres ouvert", 16], ['Marché passé sans publicité ni mise en concurrence préalable', 8],
  ['Procédure avec négociation', 4], ["Appel d'offres restreint", 1.5], ['Dialogue compétitif', 0.5]];
const departements = ['22', '29', '35', '56'];
const places = ['Rennes', 'Brest', 'Quimper', 'Lorient', 'Vannes', 'Saint-Brieuc', 'Saint-Malo', 'Lannion', 'Morlaix', 'Fougères', 'Pontivy', 'Redon'];

function pick(r, weighted) {
  let x = r() * weighted.reduce((s, w) => s + w[1], 0);
  for (const [v, w] of weighted) if ((x -= w) < 0) return v;
  return weighted[weighted.length - 1][0];
}

function digits(r, n) {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(r() * 10);
  return s;
}

function isoDate(d) { return d.toISOString().slice(0, 10); }

function generate(n, seed) {
  const r = rng(seed);
  // About 1,500 buyers; a few large ones publish much of the volume (Zipf-like weights).
  const buyers = Array.from({ length: 1500 }, (_, i) => ({
    siret: '2' + digits(r, 13),
    dep: departements[i % 4],
    weight: 1 / (i + 1) ** 0.9,
    count: 0,
  }));
  const buyerWeights = buyers.map((b) => [b, b.weight]);
  const records = [];
  const start = Date.UTC(2021, 0, 1), span = Date.UTC(2025, 11, 31) - start;
  while (records.length < n) {
    const b = pick(r, buyerWeights);
    const [cpv, label, , median, durations, nature] = pick(r, purchases.map((p) => [p, p[2] / totalWeight]));
    const notified = new Date(start + Math.floor(r() * span / 86400000) * 86400000);
    const published = new Date(notified.getTime() + Math.floor(r() * 45) * 86400000);
    const amount = Math.round(Math.max(40000, median * Math.exp((r() - 0.5) * 2.2)) * 100) / 100;
    const duration = durations[Math.floor(r() * durations.length)];
    const offers = nature === 'travaux' ? 1 + Math.floor(-Math.log(1 - r()) * 3.5) : 1 + Math.floor(-Math.log(1 - r()) * 2.5);
    const env = r() < (nature === 'travaux' ? 0.35 : 0.28), social = r() < 0.14, reserved = r() < 0.02;
    b.count += 1;
    const rec = {
      id: `${notified.getUTCFullYear()}-${String(b.count).padStart(5, '0')}`,
      acheteur: { id: b.siret },
      nature: 'Marché',
      objet: `${label} — ${places[Math.floor(r() * places.length)]}, lot n° ${1 + Math.floor(r() * 6)}`,
      codeCPV: cpv.slice(0, 8),
      techniques: { technique: [r() < 0.3 ? 'Accord-cadre' : 'Sans objet'] },
      modalitesExecution: { modaliteExecution: [r() < 0.3 ? 'Bons de commande' : 'Sans objet'] },
      marcheInnovant: false,
      ccag: nature === 'travaux' ? 'Travaux' : 'Fournitures courantes et services',
      offresRecues: offers,
      attributionAvance: r() < 0.3,
      tauxAvance: 0.05,
      typeGroupementOperateurs: r() < 0.15 ? 'Conjoint' : 'Pas de groupement',
      sousTraitanceDeclaree: r() < 0.2,
      procedure: pick(r, procedures),
      lieuExecution: { code: b.dep + digits(r, 3), typeCode: 'Code postal' },
      dureeMois: duration,
      dateNotification: isoDate(notified),
      datePublicationDonnees: isoDate(published),
      montant: amount,
      typesPrix: { typePrix: ['Définitif révisable'] },
      formePrix: 'Unitaire',
      titulaires: Array.from({ length: 1 + Math.floor(r() * r() * 3) }, () => ({ titulaire: { typeIdentifiant: 'SIRET', id: digits(r, 14) } })),
      considerationsSociales: { considerationSociale: [reserved ? 'Marché réservé' : social ? 'Clause sociale' : 'Pas de considération sociale'] },
      considerationsEnvironnementales: { considerationEnvironnementale: [env ? (r() < 0.7 ? 'Clause environnementale' : 'Critère environnemental') : 'Pas de considération environnementale'] },
    };
    if (r() < 0.08) {
      rec.modifications = [{ modification: { id: 1, dateNotificationModification: isoDate(new Date(notified.getTime() + 120 * 86400000)),
        datePublicationDonneesModification: isoDate(new Date(notified.getTime() + 130 * 86400000)),
        montant: Math.round(amount * (1.05 + r() * 0.1)), dureeMois: duration + 3 + Math.floor(r() * 9) } }];
    }
    mess(r, rec);
    records.push(rec);
    // About 3 % of contracts are published again (after a modification, or by a second platform).
    if (r() < 0.03 && records.length < n) {
      const again = structuredClone(rec);
      again.datePublicationDonnees = isoDate(new Date(published.getTime() + 200 * 86400000));
      again.modifications = [...(rec.modifications || []), { modification: { id: (rec.modifications || []).length + 1,
        dateNotificationModification: isoDate(new Date(notified.getTime() + 190 * 86400000)),
        datePublicationDonneesModification: again.datePublicationDonnees, dureeMois: (rec.dureeMois | 0) + 6 } }];
      records.push(again);
    }
  }
  return records;
}

// The usual mess of published files, at rates of about a percent each.
function mess(r, rec) {
  const x = r();
  if (x < 0.015) rec.montant = rec.montant.toLocaleString('fr-FR');
  else if (x < 0.02) rec.montant = 'NC';
  else if (x < 0.022) rec.montant = 1;
  else if (x < 0.023) rec.montant = 999999999;
  if (r() < 0.01) { rec.attributionAvance = rec.attributionAvance ? 'oui' : 'non'; rec.sousTraitanceDeclaree = 'NC'; }
  if (r() < 0.01) rec.codeCPV += '-' + '0123456789'[Math.floor(r() * 10)];
  if (r() < 0.02) rec.lieuExecution.code = Number(rec.lieuExecution.code);
  if (r() < 0.005) rec.dateNotification = rec.dateNotification.split('-').reverse().join('/');
  if (r() < 0.005) rec.dureeMois = 'NC';
  if (r() < 0.05) { delete rec.considerationsSociales; delete rec.considerationsEnvironnementales; }
  if (r() < 0.003) rec.dateNotification = '2' + rec.dateNotification.slice(1).replace(/^0/, '1');   // 2024 → 2124
}

// Writes {"marches": {"marche": [...]}} record by record, indented as exports are.
function write(path, records) {
  const fd = openSync(path, 'w');
  let buffer = '{\n  "marches": {\n    "marche": [\n';
  records.forEach((rec, i) => {
    buffer += '      ' + JSON.stringify(rec, null, 2).replace(/\n/g, '\n      ') + (i + 1 < records.length ? ',\n' : '\n');
    if (buffer.length > 1 << 20) { writeSync(fd, buffer); buffer = ''; }
  });
  writeSync(fd, buffer + '    ]\n  }\n}\n');
  closeSync(fd);
}

for (const n of sizes) {
  const records = generate(n, 2026 + n);
  write(join(out, `decp-${n}.json`), records);
}
console.log(`decp_gen: ${sizes.map((n) => `decp-${n}.json`).join(', ')} in ${out}`);
