// The consultation file (DCE) as LibreOffice prints it and as pandoc reads it: for every exported DOCX and ODT
// of the DCE, every section of the RC, the CCAP, the acte d'engagement and the CCTP frame is there as a
// numbered article, the articles of each part are numbered 1, 2, 3… in order, the CCAP ends with its
// derogations article, every page carries « Page n sur m » in its footer and the running header, and the table of
// contents gives every part and article the page it is printed on.
// The sections are those docs/dce.md lists.
//
//   node dce.mjs TEXT_DIR STEM...     (STEM: e.g. nettoyage-insertion-dce-docx; reads STEM.pdf.txt, STEM.pandoc.txt)
// Prints "ok<TAB>name" or "FAIL<TAB>name" lines with indented details.
import { existsSync, readFileSync } from 'node:fs';
import { normalize } from './check.mjs';

export const sections = {
  rc: ["Identification de l’acheteur", 'Objet de la consultation', 'Allotissement', 'Procédure', 'Forme et durée du marché',
    'Contenu du dossier de consultation', 'Conditions de la consultation', 'Présentation des candidatures', 'Contenu des offres',
    "Conditions d’envoi et de remise des offres", 'Jugement des offres', 'Attribution du marché', 'Voies et délais de recours'],
  ccap: ['Objet du marché et parties', 'Pièces contractuelles', "Durée et modalités d’exécution", 'Prix', 'Avance',
    'Garanties financières', 'Facturation et paiement', "Conditions d’exécution environnementales et sociales", 'Pénalités',
    'Assurances', 'Sous-traitance', 'Propriété intellectuelle', 'Modification du marché', 'Résiliation',
    'Règlement des différends', 'Dérogations au CCAG'],
  ae: ["Identification de l’acheteur et du marché", 'Identification du soumissionnaire', 'Engagement', 'Prix',
    "Durée d’exécution", 'Avance, sous-traitance et paiement', 'Signatures'],
  cctp: ['Objet et étendue des prestations', 'Exigences générales', 'Spécifications environnementales et sociales',
    "Contenu technique propre à l’achat"],
};
// Part titles by their first words (a long title wraps in the PDF).
const parts = [
  ['rc', 'Règlement de la consultation'],
  ['ccap', 'Cahier des clauses administratives'],
  ['ae', "Acte d’engagement"],
  ['cctp', 'Cahier des clauses techniques'],
];

const out = [];
const ok = (name) => out.push(`ok\t${name}`);
const fail = (name, details = []) => out.push(`FAIL\t${name}`, ...details.map((d) => `    ${d}`));
const check = (cond, name, details) => (cond ? ok(name) : fail(name, details));

// The articles of each part in reading order: [{part, number, title}] from a text whose lines are kept.
// A line of the table of contents: its title, dot leaders and the page number.
const tocLine = /^(.+?)\s*(?:\.\s?){3,}\s*(\d+)$/;
const clean = (raw) => raw.replace(/[\u2019]/g, "'").replace(/[\s\u00A0\u202F]+/g, ' ').trim();

function articles(text) {
  const found = [];
  let part = null;
  for (const raw of text.split('\n')) {
    const line = clean(raw);
    if (tocLine.test(line)) continue;   // the table of contents names the articles too
    for (const [key, title] of parts) if (line.startsWith(title.replace(/[\u2019]/g, "'"))) part = key;
    if (line.startsWith("Grille d’analyse") || line.startsWith('Plan de suivi')) part = null;
    const m = /^Article (\d+) – (.+)$/.exec(line);
    if (m && part) found.push({ part, number: +m[1], title: m[2] });
  }
  return found;
}

const [dir, ...stems] = process.argv.slice(2);
for (const stem of stems) {
  const pdfFile = `${dir}/${stem}.pdf.txt`;
  if (!existsSync(pdfFile)) { fail(`${stem} : texte du PDF absent`); continue; }
  const pdf = readFileSync(pdfFile, 'utf8');
  const found = articles(pdf);
  for (const [key, list] of Object.entries(sections)) {
    const titles = new Set(found.filter((a) => a.part === key).map((a) => normalize(a.title)));
    // A long title wraps in the PDF: its first line is enough when it is long enough to be unambiguous.
    const missing = list.filter((s) => ![...titles].some((t) => t.startsWith(normalize(s)) || (t.length >= 15 && normalize(s).startsWith(t))));
    check(missing.length === 0, `${stem} : articles numérotés du ${key.toUpperCase()}`, missing.map((m) => `absent : ${m}`));
  }
  // Numbers restart at 1 with each part and follow 1, 2, 3… (a part may come several times: one AE per lot).
  const broken = [];
  for (let i = 0, expected = 1; i < found.length; ++i) {
    if (i > 0 && (found[i].part !== found[i - 1].part || found[i].number === 1)) expected = 1;
    if (found[i].number !== expected) broken.push(`${found[i].part} : Article ${found[i].number} au lieu de ${expected}`);
    expected = found[i].number + 1;
  }
  check(found.length > 30 && broken.length === 0, `${stem} : articles numérotés dans l'ordre (${found.length})`, broken.slice(0, 5));
  const ccap = found.filter((a) => a.part === 'ccap');
  check(ccap.length > 0 && normalize(ccap[ccap.length - 1].title) === normalize('Dérogations au CCAG'),
    `${stem} : le dernier article du CCAP liste les dérogations au CCAG`);
  // Footer and running header on every page (pdftotext separates pages with a form feed).
  const pages = pdf.split('\f').filter((p) => p.trim());
  const numbered = pages.filter((p, i) => normalize(p).includes(normalize(`Page ${i + 1} sur ${pages.length}`)));
  check(pages.length > 3 && numbered.length === pages.length, `${stem} : « Page n sur ${pages.length} » en pied de chaque page`,
    [`${numbered.length} pages numérotées sur ${pages.length}`]);
  // The table of contents gives each part and article the page LibreOffice printed it on.
  const toc = [];
  for (const raw of pdf.split('\n')) {
    const m = tocLine.exec(clean(raw));
    // A wrapped entry's first line ends without its page; its last line alone (« services … 14 ») is skipped.
    if (m && /^[A-ZÀ-Ý]/.test(m[1])) toc.push({ title: m[1], page: +m[2] });
  }
  const tocPages = new Set(pages.map((p, i) => (p.split('\n').some((l) => tocLine.test(clean(l))) ? i : -1)).filter((i) => i >= 0));
  // Titles repeat (one AE and one CCTP per lot): the n-th entry of a title is the n-th time it is printed.
  const printed = new Map();
  pages.forEach((p, i) => {
    if (tocPages.has(i)) return;
    for (const l of p.split('\n')) {
      const t = clean(l);
      if (!printed.has(t)) printed.set(t, []);
      printed.get(t).push(i + 1);
    }
  });
  const wrong = [];
  const seen = new Map();
  let located = 0;
  for (const e of toc) {
    const n = seen.get(e.title) || 0;
    seen.set(e.title, n + 1);
    const at = (printed.get(e.title) || [])[n];
    if (at === undefined) continue;   // a long title wraps in the PDF
    ++located;
    if (at !== e.page) wrong.push(`${e.title} : page ${e.page} au sommaire, page ${at} imprimée`);
  }
  check(toc.length > 30 && located > toc.length / 2 && wrong.length === 0 && toc.some((e) => e.page > 2),
    `${stem} : sommaire avec les numéros de page (${toc.length} entrées, ${located} vérifiées)`, wrong.slice(0, 5));
  const header = normalize(pages[0].split('\n')[0] || '');
  check(header.length > 5 && pages.every((p) => normalize(p).includes(header)), `${stem} : en-tête courant sur chaque page`,
    [`en-tête : ${pages[0].split('\n')[0]}`]);
  // Staff taken over (cleaning, catering): the anonymised staff list is an annex of its own, with its columns.
  if (normalize(pdf).includes(normalize('Reprise du personnel'))) {
    const annex = ['Liste du personnel à reprendre (annexe au RC et au CCAP)', 'Niveau (coef.)', 'Salaire brut mensuel',
      'Date d\'entrée'].filter((s) => !normalize(pdf).includes(normalize(s)));
    check(annex.length === 0, `${stem} : annexe « Liste du personnel à reprendre »`, annex.map((a) => `absent : ${a}`));
    // Its column headers are narrow: each of their words is printed whole (« Coeffic|ient » was seen once).
    const table = pdf.slice(pdf.lastIndexOf('Informations arr'));   // the annex's table follows this line
    const words = new Set(table.normalize('NFC').split(/[\s\u00A0\u202F]+/));
    const broken = ['qualification', 'Niveau', 'Contrat', 'travail', 'Salaire', 'mensuel', 'avantages', 'particulières']
      .filter((w) => !words.has(w) && !words.has(w + ','));
    check(broken.length === 0, `${stem} : en-têtes de l'annexe sans mot coupé`, broken.map((w) => `coupé : ${w}`));
  }
  const pandocFile = `${dir}/${stem}.pandoc.txt`;
  if (existsSync(pandocFile)) {
    const body = normalize(readFileSync(pandocFile, 'utf8'));
    const missing = Object.values(sections).flat().filter((s) => !body.includes(normalize(s)));
    check(missing.length === 0 && body.includes(normalize('Article 1 –')), `${stem} : pandoc lit toutes les sections`, missing);
  }
}
console.log(out.join('\n'));
